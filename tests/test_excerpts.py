"""What the TUI shows from a pack: the key-figures section and a question's excerpt."""

from __future__ import annotations

from dataclasses import replace

from conftest import PACK_TOML, write_pack

from briefing import pack as packs
from briefing.excerpts import blocks, excerpt, key_figures


def load(tmp_path, text=PACK_TOML):
    return packs.load(write_pack(tmp_path, text))


def test_blocks_are_paragraphs_list_items_and_table_rows_with_their_header():
    body = "One line\nand its end.\n\n- an item\n- another\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n"
    assert blocks(body) == [
        "One line\nand its end.",
        "- an item",
        "- another",
        "| A | B |\n|---|---|\n| 1 | 2 |",
        "| A | B |\n|---|---|\n| 3 | 4 |",
    ]


def test_key_figures_by_id_then_title_then_first_table(tmp_path):
    pack = load(tmp_path)
    assert key_figures(pack).id == "key-figures"
    renamed = replace(
        pack,
        sections=[
            replace(s, id="numbers-at-a-glance" if s.id == "key-figures" else s.id) for s in pack.sections
        ],
    )
    assert key_figures(renamed).title == "Key figures"
    untitled = replace(renamed, sections=[replace(s, title="At a glance") for s in renamed.sections])
    assert key_figures(untitled).id == "numbers-at-a-glance"  # the first with a table
    no_table = replace(untitled, sections=[untitled.sections[0]])
    assert key_figures(no_table) is None


def test_excerpt_is_the_part_that_answers(tmp_path):
    pack = load(tmp_path)
    assert excerpt(pack.question("unop-qoq"), pack).splitlines()[-1].startswith("| 92% |")
    assert excerpt(pack.question("rd-up"), pack).splitlines()[-1].startswith("| down 40.7% |")  # its evidence
    assert excerpt(pack.question("platforms"), pack).startswith("Cedar, Banyan and Coconut")
    assert excerpt(pack.question("who-tenth"), pack).startswith("William Li, founder and CEO")


def test_excerpt_matches_whole_words_and_falls_back_to_the_section(tmp_path):
    text = PACK_TOML.replace(
        "William Li, founder and CEO, said last year's training spend was about a tenth of rivals'.",
        "Reliable sources were quoted.\n\nOne William Li, founder and CEO, said it was about a tenth of rivals'.",
    )
    pack = load(tmp_path, text)
    quote_less = replace(pack.question("who-tenth"), quote="not in the briefing")
    assert excerpt(quote_less, pack).startswith("One William Li")  # not "Reliable" for the alias "Li"
    written_otherwise = replace(pack.question("fivefold"), expected="5x", evidence="")
    assert "fivefold" in excerpt(written_otherwise, pack)  # a figure is found in any written form
    assert excerpt(written_otherwise, pack) != pack.section("overview").body
    nowhere = replace(pack.question("fivefold"), value=6.0, expected="sixfold", evidence="")
    assert excerpt(nowhere, pack) == pack.section("overview").body
