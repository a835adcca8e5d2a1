"""The invented Ventamar pack (tests/fixtures/ventamar.*): a second pack, not about Nio, for tests.

It must stay valid against its own article and cover what a careful author writes; its
answer key (ventamar_key.toml) must stay well formed for the grader's tests to use.
"""

import tomllib
from collections import Counter
from pathlib import Path

from briefing.pack import load
from briefing.sources import check as check_source

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PACK = load(FIXTURES / "ventamar.toml")
SOURCE = (FIXTURES / "ventamar.txt").read_text(encoding="utf-8")
KEY = tomllib.loads((FIXTURES / "ventamar_key.toml").read_text(encoding="utf-8"))["case"]


def test_the_pack_is_valid_against_its_article():
    assert check_source(PACK, SOURCE, "ventamar.toml") == []


def test_the_pack_covers_what_a_careful_author_writes():
    kinds = Counter(q.kind for q in PACK.questions)
    assert set(kinds) == {"figure", "attribution", "choice", "truefalse", "list"}
    assert 20 <= len(PACK.questions) <= 30
    assert 5 <= len([s for s in PACK.sections if s.id != PACK.pack.key_figures]) <= 6
    assert "|---|" in PACK.section(PACK.pack.key_figures).body
    speakers = {q.speaker for q in PACK.questions if q.kind == "attribution"}
    assert {"ventamar", "efwa", "kim-seo-yeon"} <= speakers  # the company, an organisation, a hyphenated name
    figures = [q for q in PACK.questions if q.kind == "figure"]
    assert {q.period for q in figures} >= {"year", "quarter"}
    assert {q.base for q in figures} >= {"year-over-year", "quarter-over-quarter"}
    assert {q.bound for q in figures} >= {"about"}
    assert any(q.kind in ("choice", "list") and q.aliases for q in PACK.questions)


def test_every_quote_asked_about_is_shown_in_its_section():
    for q in PACK.questions:
        if q.kind == "attribution" and not q.paraphrase:
            assert f'"{q.quote}"' in " ".join(PACK.section(q.section).body.split()), q.id


def test_the_answer_key_has_right_and_wrong_phrasings_for_every_question():
    ids = {q.id for q in PACK.questions}
    assert all(set(case) == {"question", "answer", "right", "why"} for case in KEY)
    assert {case["question"] for case in KEY} == ids
    for qid in ids:
        rows = [case for case in KEY if case["question"] == qid]
        right = sum(case["right"] for case in rows)
        assert 3 <= right <= 6 and 3 <= len(rows) - right <= 6, qid
    assert len({(case["question"], case["answer"]) for case in KEY}) == len(KEY)
    assert all(case["answer"].strip() and case["why"].strip() for case in KEY)
