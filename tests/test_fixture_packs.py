"""The invented packs (tests/fixtures/): Ventamar and Meridian, packs not about Nio, for tests.

Each must stay valid against its own article and cover what a careful author writes;
Meridian asks a figure in every unit family and a question of every kind. Ventamar's
answer key (ventamar_key.toml) must stay well formed for the grader's tests to use.
"""

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from briefing.grading import units
from briefing.grading.grader import grade
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


# --- Meridian (tests/fixtures/meridian.*): every unit family and every question kind ------------

MERIDIAN = load(FIXTURES / "meridian.toml")

# The unit families of the README's units table, with the dates and ratios one a unit.
FAMILIES = {
    "money",
    "energy",
    "power",
    "length",
    "mass",
    "time",
    "%",
    "x",
    "fraction",
    "pp",
    "count",
    "year",
    "quarter",
    "month",
    "half",
}


def _family(unit: str) -> str:
    code = units.lookup(unit)
    if code is None:
        return "count" if unit == "" or units.is_count_noun(unit) else unit
    dimension = units.UNITS[code].dimension
    return code if dimension in ("ratio", "date", "percentage points") else dimension


def test_meridian_validates_against_its_article_with_strict(capsys):
    """No problem and no warning: every figure and quoted speaker of the article is asked."""
    from briefing.cli import main

    argv = ["validate", str(FIXTURES / "meridian.toml"), "--source", str(FIXTURES / "meridian.txt")]
    assert main([*argv, "--strict"]) == 0
    out, err = capsys.readouterr()
    assert "valid: 26 questions in 6 sections" in out
    assert err == ""


def test_meridian_asks_every_unit_family_and_every_kind():
    figures = [q for q in MERIDIAN.questions if q.kind == "figure"]
    assert sorted(_family(q.unit) for q in figures) == sorted(FAMILIES)  # each family once
    assert {q.kind for q in MERIDIAN.questions} == {"figure", "attribution", "choice", "truefalse", "list"}
    assert {q.period for q in figures} >= {"year"}
    assert {q.base for q in figures} >= {"year-over-year"}
    assert {q.bound for q in figures} >= {"about", "at most"}
    assert all(q.aliases for q in MERIDIAN.questions if q.kind in ("choice", "list"))
    assert all(q.evidence for q in MERIDIAN.questions if q.kind == "truefalse")
    speakers = Counter(q.speaker for q in MERIDIAN.questions if q.kind == "attribution")
    assert "srfa" in speakers and MERIDIAN.person("srfa").kind == "organisation"
    assert max(speakers.values()) * 2 <= sum(speakers.values())


@pytest.mark.parametrize(
    ("qid", "text", "right"),
    [
        # currency (CHF 1.42 billion, a year's revenue)
        ("revenue", "CHF 1.42 billion", True),
        ("revenue", "1.42bn Swiss francs", True),
        ("revenue", "CHF 1,420 million", True),
        ("revenue", "$1.42 billion", False),
        ("revenue", "€1.42 billion", False),
        ("revenue", "CHF 1.42 million", False),
        ("revenue", "CHF 1.42 billion a quarter", False),
        # percentage (up 7% year over year)
        ("revenue-growth", "up 7%", True),
        ("revenue-growth", "7 percent", True),
        ("revenue-growth", "7", True),
        ("revenue-growth", "7 percentage points", False),
        ("revenue-growth", "up 7% quarter over quarter", False),
        ("revenue-growth", "1.5%", False),
        # percentage points (1.5)
        ("margin-pp", "1.5 percentage points", True),
        ("margin-pp", "1.5pp", True),
        ("margin-pp", "150 bps", True),
        ("margin-pp", "1.5%", False),
        ("margin-pp", "7 percentage points", False),
        # a count noun (1,200 trucks)
        ("trucks", "1,200 trucks", True),
        ("trucks", "1200", True),
        ("trucks", "1,200 bananas", False),
        ("trucks", "120 trucks", False),
        # a multiple (threefold)
        ("battery-multiple", "threefold", True),
        ("battery-multiple", "3x", True),
        ("battery-multiple", "up 200%", True),
        ("battery-multiple", "twofold", False),
        ("battery-multiple", "300%", False),
        # energy (185 GWh)
        ("energy-gwh", "185 GWh", True),
        ("energy-gwh", "0.185 TWh", True),
        ("energy-gwh", "185 gigawatt hours", True),
        ("energy-gwh", "185 MW", False),
        ("energy-gwh", "185 TWh", False),
        # power (48 MW)
        ("solar-mw", "48 MW", True),
        ("solar-mw", "0.048 GW", True),
        ("solar-mw", "48 megawatts", True),
        ("solar-mw", "48 MWh", False),
        ("solar-mw", "48 GW", False),
        # mass (340 kt)
        ("emissions-kt", "340 kt", True),
        ("emissions-kt", "340,000 tonnes", True),
        ("emissions-kt", "0.34 Mt", True),
        ("emissions-kt", "340 t", False),
        ("emissions-kt", "340 Mt", False),
        # a fraction (about a quarter)
        ("rail-share", "about a quarter", True),
        ("rail-share", "25%", True),
        ("rail-share", "a third", False),
        ("rail-share", "more than a quarter", False),
        # length (62 km)
        ("spur-km", "62 km", True),
        ("spur-km", "62,000 metres", True),
        ("spur-km", "62 miles", False),
        ("spur-km", "62 m", False),
        # a duration (11 days)
        ("closure-days", "11 days", True),
        ("closure-days", "eleven days", True),
        ("closure-days", "11 hours", False),
        ("closure-days", "11 weeks", False),
        # a quarter (Q3 2025)
        ("spur-opened", "Q3 2025", True),
        ("spur-opened", "the third quarter of 2025", True),
        ("spur-opened", "August 2025", True),
        ("spur-opened", "Q4 2025", False),
        ("spur-opened", "2025", False),
        # a month (March 2026)
        ("hydrogen-trial", "March 2026", True),
        ("hydrogen-trial", "Mar 2026", True),
        ("hydrogen-trial", "2026-03", True),
        ("hydrogen-trial", "April 2026", False),
        ("hydrogen-trial", "Q1 2026", False),
        # a half (H2 2027)
        ("genoa-opens", "H2 2027", True),
        ("genoa-opens", "the second half of 2027", True),
        ("genoa-opens", "H1 2027", False),
        ("genoa-opens", "2027", False),
        # a year (by 2030)
        ("electric-by", "2030", True),
        ("electric-by", "by 2030", True),
        ("electric-by", "2040", False),
        ("electric-by", "beyond 2030", False),
        ("electric-by", "after 2030", False),
        ("electric-by", "later than 2030", False),
        ("electric-by", "not before 2030", False),
        ("electric-by", "no later than 2030", True),
    ],
)
def test_meridian_grades_each_unit_family(qid, text, right):
    assert grade(MERIDIAN.question(qid), text, MERIDIAN).correct is right
