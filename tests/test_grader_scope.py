"""Qualifiers judged and equivalent forms accepted, on a pack about another document.

The pack is about an invented regional rail operator (not Nio, other units and
people), so no rule here is tuned to the bundled article.
"""

import textwrap

import pytest

from briefing import pack as packs
from briefing.grading.grader import grade

RAIL = textwrap.dedent(
    """
    [pack]
    id = "nordlink-rail"
    title = "Nordlink Rail's third quarter"
    version = "1.0.0"
    pass_mark = 60
    [pack.source]
    title = "Nordlink Rail lifts ridership"
    publisher = "Invented Wire"
    date = "2026"

    [[sections]]
    id = "q3"
    title = "The quarter"
    body = '''
    In the third quarter Nordlink carried 41.3 million passengers, up 12% year over year
    and down 3% quarter over quarter. On its busiest day it passed 600,000 journeys.
    Night trains now make up about a third of long-distance seats, and the new fleet
    uses a quarter of the energy of the old one. Ticket revenue was 410 million a quarter,
    and its freight arm grew 150%, to 2.5 times last year's tonnage.
    '''

    [[people]]
    id = "ines"
    name = "Ines Baptista-Oyelaran"
    role = "Chief executive"
    aliases = ["Baptista-Oyelaran"]

    [[questions]]
    id = "riders-yoy"
    kind = "figure"
    prompt = "By how much did third-quarter ridership grow year over year?"
    section = "q3"
    explanation = "12% is year over year; quarter over quarter it fell 3%."
    value = 12
    unit = "%"
    expected = "up 12%"
    measures = "the year-over-year rise in Q3 ridership"
    period = "quarter"
    base = "year-over-year"

    [[questions]]
    id = "riders-qoq"
    kind = "figure"
    prompt = "How did ridership change against the second quarter?"
    section = "q3"
    explanation = "Down 3% quarter over quarter."
    value = -3
    unit = "%"
    expected = "down 3%"
    measures = "the quarter-over-quarter fall in ridership"
    period = "quarter"
    base = "qoq"

    [[questions]]
    id = "busiest-day"
    kind = "figure"
    prompt = "How many journeys did Nordlink carry on its busiest day?"
    section = "q3"
    explanation = "It passed 600,000 in one day."
    value = 600000
    expected = "600,000"
    measures = "journeys on the busiest day"
    period = "day"
    bound = "more than"

    [[questions]]
    id = "night-share"
    kind = "figure"
    prompt = "What share of long-distance seats are now on night trains?"
    section = "q3"
    explanation = "About a third."
    value = 0.3333
    unit = "fraction"
    expected = "about a third"
    measures = "the night trains' share of long-distance seats"
    bound = "about"

    [[questions]]
    id = "fleet-energy"
    kind = "figure"
    prompt = "How much energy does the new fleet use, against the old?"
    section = "q3"
    explanation = "A quarter of the old fleet's energy."
    value = 0.25
    unit = "fraction"
    expected = "a quarter"
    measures = "the new fleet's energy use against the old"

    [[questions]]
    id = "revenue"
    kind = "figure"
    prompt = "What was Nordlink's ticket revenue in the quarter?"
    section = "q3"
    explanation = "410 million in one quarter."
    value = 410000000
    expected = "410 million"
    measures = "ticket revenue in one quarter"
    period = "quarter"

    [[questions]]
    id = "freight"
    kind = "figure"
    prompt = "By what multiple of last year's tonnage did freight grow?"
    section = "q3"
    explanation = "2.5 times last year's: up 150%."
    value = 2.5
    unit = "x"
    expected = "2.5 times"
    measures = "freight tonnage against last year"

    [[questions]]
    id = "freight-pct"
    kind = "figure"
    prompt = "By what percentage did freight tonnage grow?"
    section = "q3"
    explanation = "Up 150%."
    value = 150
    unit = "%"
    expected = "up 150%"
    measures = "freight growth in percent"
    """
)


@pytest.fixture(scope="module")
def rail():
    pack, problems = packs.problems_of(packs.parse_toml(RAIL, "test.toml"), "rail.toml")
    assert problems == [] and pack is not None
    return pack


def judge(pack, qid, text):
    return grade(pack.question(qid), text, pack)


@pytest.mark.parametrize(
    "qid, text, right, note",
    [
        # a base said the other way round, or named against the fact
        ("riders-yoy", "up 12% y/y", True, None),
        ("riders-yoy", "12% higher than a year earlier", True, None),
        ("riders-yoy", "+12% year-on-year", True, None),
        ("riders-yoy", "12%", True, None),  # says nothing of its base: the figure decides
        ("riders-yoy", "up 12% quarter over quarter", False, "quarter over quarter, not year over year"),
        ("riders-yoy", "12% sequentially", False, "quarter over quarter, not year over year"),
        ("riders-yoy", "12% month-on-month", False, "month over month, not year over year"),
        ("riders-qoq", "down 3% from the previous quarter", True, None),
        ("riders-qoq", "-3% QoQ", True, None),
        ("riders-qoq", "down 3% yoy", False, "year over year, not quarter over quarter"),
        # a period
        ("revenue", "410 million", True, None),
        ("revenue", "410m a quarter", True, None),
        ("revenue", "410 million in Q3", True, None),
        ("revenue", "410 million per year", False, "a year, not a quarter"),
        ("revenue", "410 million annually", False, "a year, not a quarter"),
        ("revenue", "410 million a month", False, "a month, not a quarter"),
        ("revenue", "410 million in September", False, "a month, not a quarter"),
        ("busiest-day", "600,000 in a single day", True, None),
        ("busiest-day", "600k a week", False, "a week, not a day"),
        # the source's bound
        ("busiest-day", "more than 600,000", True, None),
        ("busiest-day", "over 600k", True, None),
        ("busiest-day", "600,000+", True, None),
        ("busiest-day", "about 600,000", True, None),
        ("busiest-day", "under 600,000", False, "less than, not more than"),
        ("busiest-day", "nearly 600,000", False, "nearly, not more than"),
        ("busiest-day", "no more than 600,000", False, "at most, not more than"),
        ("night-share", "roughly a third", True, None),
        ("night-share", "one in three", True, None),
        ("night-share", "more than a third", False, "more than, not about"),
        ("night-share", "less than one third", False, "less than, not about"),
        ("revenue", "more than 410 million", False, "more than: the figure is exact"),
        ("revenue", "about 410 million", True, None),
    ],
)
def test_qualifiers_are_read_and_judged(rail, qid, text, right, note):
    verdict = judge(rail, qid, text)
    assert (verdict.correct, verdict.note) == (right, note), verdict


@pytest.mark.parametrize(
    "qid, text, right",
    [
        # a rise as a percentage or a multiple, either way
        ("freight", "up 150%", True),
        ("freight", "a 150% increase", True),
        ("freight", "+150%", True),
        ("freight", "150%", False),  # no rise said: 150% of last year is 1.5 times
        ("freight", "up 200%", False),
        ("freight-pct", "2.5x", True),
        ("freight-pct", "2.5 times", True),
        ("freight-pct", "3x", False),
        # N times less is 1/N, where a share is asked
        ("fleet-energy", "4x less", True),
        ("fleet-energy", "four times less", True),
        ("fleet-energy", "4 times smaller", True),
        ("fleet-energy", "25%", True),
        ("fleet-energy", "1 in 4", True),
        ("fleet-energy", "1:4", True),
        ("fleet-energy", "a quarter", True),
        ("fleet-energy", "5x less", False),
        ("fleet-energy", "1:5", False),
        ("freight", "2.5x less", False),
    ],
)
def test_equivalent_forms(rail, qid, text, right):
    assert judge(rail, qid, text).correct is right


@pytest.mark.parametrize(
    "qid, text, unreadable",
    [
        ("revenue", "fve", True),
        ("revenue", "Ines Baptista-Oyelaran", True),  # a name for a figure
        ("revenue", "400 million", False),  # a figure, wrong: marked, not asked again
    ],
)
def test_an_answer_that_cannot_be_read_says_so(rail, qid, text, unreadable):
    verdict = judge(rail, qid, text)
    assert verdict.correct is False
    assert verdict.unreadable is unreadable
    if unreadable:
        assert verdict.note


@pytest.mark.parametrize(
    "text, figure, bound",
    [
        ("more than 9%", "9%", "more than"),
        ("9% more than in the third quarter", "9%", None),  # a comparison, not a bound
        ("about a quarter of revenue came under corporate contracts", "a quarter", "about"),
        ("no more than 600,000", "600,000", "at most"),
        ("600,000 or more", "600,000", "at least"),
        ("it passed the 600,000 mark", "600,000", "more than"),
        ("600k+", "600k", "more than"),
        ("just under 600,000", "600,000", "nearly"),
    ],
)
def test_a_bound_stands_by_its_figure(text, figure, bound):
    from briefing.grading import scope

    assert scope.read(text, figure).bound == bound


# --- validate holds the pack's scope against the sentence that states the figure ----


def _validate(tmp_path, text):
    from briefing.checks import check

    pack, problems = packs.problems_of(packs.parse_toml(text, "test.toml"), "rail.toml")
    assert problems == [] and pack is not None
    return [str(p) for p in check(pack, "rail.toml")]


def test_the_bundled_scope_of_the_rail_pack_agrees_with_its_section(tmp_path):
    assert _validate(tmp_path, RAIL) == []


@pytest.mark.parametrize(
    "old, new, line",
    [
        (
            'base = "year-over-year"',
            'base = "quarter-over-quarter"',
            "rail.toml: question 'riders-yoy', field 'base': section 'q3' says year over year, "
            "not quarter over quarter (in 'up 12% year over year')",
        ),
        (
            'period = "day"\nbound = "more than"',
            'period = "day"\nbound = "less than"',
            "rail.toml: question 'busiest-day', field 'bound': section 'q3' says more than, not less than "
            "(in 'On its busiest day it passed 600,000 journeys')",
        ),
    ],
)
def test_a_scope_the_section_contradicts_is_an_error(tmp_path, old, new, line):
    assert old in RAIL
    assert _validate(tmp_path, RAIL.replace(old, new, 1)) == [line]
