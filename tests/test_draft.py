"""`briefing draft`: a starting pack from an article, with stubs marked for what needs a person."""

import re
import time

import pytest
from conftest import ROOT

from briefing import pack as packs
from briefing.cli import main
from briefing.draft import draft, read
from briefing.pack import DRAFT_MARK

ARTICLE = """\
Photo: harbour cranes at dawn

Kestrel Ports Lifts Throughput as CEO Plans Second Quay

Kestrel Ports handled 4.2 million containers in 2025, up 11% year over year, chief executive
Maren Okafor-Lindqvist told investors in Rotterdam on Tuesday.

"We are building the second quay because the first one is full," Okafor-Lindqvist said.

Finance chief Tomas Ferreira said the company would spend €640 million over three years, and
that dwell times fell to 2.5 days from 3.1 days.

The port authority said a fifth of the volume now moves by rail. Kestrel Ports reported a net
profit of €88 million, and the research firm Harbourline estimates the market grows 4% a year.
"""


def test_what_the_article_gives_is_read_off_it():
    found = read(ARTICLE)
    assert found.title == "Kestrel Ports Lifts Throughput as CEO Plans Second Quay"
    people = {s.name: s for s in found.speakers.values()}
    assert people["Maren Okafor-Lindqvist"].role == "chief executive"
    assert people["Tomas Ferreira"].role == "finance chief"
    assert people["Harbourline"].organisation and people["Kestrel Ports"].organisation
    written = [fig.text for fig, _ in found.figures]
    for expected in ("4.2 million", "11%", "€640 million", "a fifth", "€88 million", "4% a year"):
        assert any(expected in w for w in written), (expected, written)
    (quote,) = found.quotes
    assert quote[0].startswith("We are building the second quay") and quote[1] == "maren-okafor-lindqvist"


def test_the_draft_is_a_pack_that_validate_refuses_one_line_per_stub(tmp_path, capsys):
    article = tmp_path / "kestrel.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "kestrel.toml"
    assert main(["draft", str(article), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    stubs = text.count(DRAFT_MARK)
    assert f"{stubs} stubs to write" in capsys.readouterr().out
    # each figure stub keeps its sentence as a comment for the author, and its value and unit
    assert "# Kestrel Ports handled 4.2 million containers in 2025" in text
    assert 'expected = "€640 million"' in text and "value = 640000000" in text
    assert main(["validate", str(out)]) == 2
    lines = capsys.readouterr().err.splitlines()
    stub_lines = [line for line in lines if "still a draft stub: write it" in line]
    assert len(stub_lines) == stubs - text.count(f"# {DRAFT_MARK}")  # the header's mention is no stub
    assert all(line.startswith(str(out)) for line in lines)
    # never overwrites
    assert main(["draft", str(article), "-o", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err


def test_a_draft_never_copies_article_sentences_into_a_section_body():
    text = draft(ARTICLE)
    data = packs.parse_toml(text, "test.toml")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", ARTICLE) if len(s.split()) > 4]
    for section in data["sections"]:
        assert section["body"].startswith(DRAFT_MARK)
        assert not any(s[:40] in section["body"] for s in sentences)


def test_filling_the_stubs_makes_a_pack_that_loads():
    """A draft is a real pack: with its stubs written it passes the schema and references."""
    text = draft(ARTICLE).replace(DRAFT_MARK, "Written:")
    pack, problems = packs.problems_of(packs.parse_toml(text, "test.toml"), "k.toml")
    assert pack is not None and problems == []


@pytest.mark.parametrize("name", ["ventamar.txt"])
def test_an_invented_article_of_the_fixtures(name):
    found = read((ROOT / "tests" / "fixtures" / name).read_text(encoding="utf-8"))
    assert found.title.startswith("Ventamar")
    assert {"Kim Seo-yeon", "Lukas Brandt"} <= {s.name for s in found.speakers.values()}
    assert len(found.figures) >= 20 and found.quotes


def test_a_long_article_drafts_quickly():
    article = (ARTICLE.split("\n\n", 2)[2] + "\n\n") * 60  # about 5,800 words
    assert len(article.split()) >= 5000
    start = time.perf_counter()
    draft(article)
    assert (
        time.perf_counter() - start < 5
    )  # bench/ holds the real target (< 1 s); this only catches a blow-up


def test_a_date_stub_leaves_value_out_as_a_date_question_does():
    """ "in the first quarter of 2027": unit quarter, expected as written, no value (validate would refuse one)."""
    text = draft("Kestrel Ports will open its second quay in the first quarter of 2027, the company said.\n")
    data = packs.parse_toml(text, "test.toml")
    (q,) = [q for q in data["questions"] if q.get("unit") == "quarter"]
    assert "value" not in q and q["expected"] == "first quarter of 2027"
    pack, problems = packs.problems_of(data, "k.toml")
    assert not [p for p in problems if p.field == "value"], problems
