"""Reading typed figures and figures written in prose (briefing.grading.numbers)."""

import pytest

from briefing.grading.normalize import fold, normalize, strip_accents
from briefing.grading.numbers import find_all, parse

# --- normalize -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("  Cedar   BANYAN\tcoconut \n", "cedar banyan coconut"),
        ("９２％", "92%"),  # full-width digits and percent sign
        ("ＥＳ９", "es9"),
        ("\u221240.7%", "-40.7%"),  # U+2212 minus sign
        ("2\u20132.5bn", "2-2.5bn"),  # en dash
        ("fivefold \u2014 and more", "fivefold - and more"),  # em dash
        ("92\u00a0%", "92 %"),  # no-break space
        ("1.89\u2009billion", "1.89 billion"),  # thin space
        ("1.89\u202fbillion", "1.89 billion"),  # narrow no-break space
        ("1.89\u200bbn", "1.89bn"),  # zero-width space (category Cf)
        ("Nio\u2019s \u201cworld model\u201d", 'nio\'s "world model"'),
        ("STRASSE", "strasse"),
        ("Straße", "strasse"),  # casefold, not lower
        ("⅒", "1/10"),  # vulgar fraction, spelt out by NFKC with a fraction slash
        ("1\u204410", "1/10"),  # U+2044 fraction slash
        ("2½", "2 1/2"),  # two and a half, not 21/2
    ],
)
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_accents_are_stripped_only_by_the_name_form():
    assert normalize("Cláudio") == "cláudio"
    assert strip_accents("Cláudio Afonso") == "Claudio Afonso"
    assert fold("  CLÁUDIO  Afonso ") == "claudio afonso"


# --- parse: single values --------------------------------------------------------

B, M = 1e9, 1e6


@pytest.mark.parametrize(
    "text, value, unit, precision",
    [
        # digits, separators, scale words and suffixes, currency
        ("1.89 billion", 1.89 * B, "", 0.005 * B),
        ("1.89bn", 1.89 * B, "", 0.005 * B),
        ("1.89 bn", 1.89 * B, "", 0.005 * B),
        ("1.89b", 1.89 * B, "", 0.005 * B),
        ("1,890 million", 1.89 * B, "", 0.5 * M),
        ("1,890,000,000", 1.89 * B, "", 0.5),
        ("1890mn", 1.89 * B, "", 0.5 * M),
        ("1.89 billion yuan", 1.89 * B, "yuan", 0.005 * B),
        ("RMB1.89bn", 1.89 * B, "yuan", 0.005 * B),
        ("RMB 1.89 billion", 1.89 * B, "yuan", 0.005 * B),
        ("CNY 1.89bn", 1.89 * B, "yuan", 0.005 * B),
        ("¥1.89 billion", 1.89 * B, "yuan", 0.005 * B),
        ("￥1.89 billion", 1.89 * B, "yuan", 0.005 * B),  # full-width yen
        ("1.89 billion RMB", 1.89 * B, "yuan", 0.005 * B),
        ("$1.89 billion", 1.89 * B, "usd", 0.005 * B),
        ("200 million", 200 * M, "", 0.5 * M),
        ("200m", 200 * M, "", 0.5 * M),
        ("2e8", 2e8, "", 0.5e8),
        ("200 million kilometres", 200 * M, "km", 0.5 * M),
        ("200 million kilometers", 200 * M, "km", 0.5 * M),
        ("200m km", 200 * M, "km", 0.5 * M),
        ("200 million km", 200 * M, "km", 0.5 * M),
        ("200 million miles", 200 * M, "mi", 0.5 * M),
        ("200 million mi", 200 * M, "mi", 0.5 * M),
        ("50k", 50_000, "", 500),
        # percentages
        ("92%", 92, "%", 0.5),
        ("92 percent", 92, "%", 0.5),
        ("92 per cent", 92, "%", 0.5),
        ("40.7%", 40.7, "%", 0.05),
        ("seven percent", 7, "%", 0.5),
        ("７％", 7, "%", 0.5),
        ("９２％", 92, "%", 0.5),
        ("92\u00a0%", 92, "%", 0.5),
        # plain numbers and number words
        ("92", 92, "", 0.5),
        ("0.1", 0.1, "", 0.05),
        ("two", 2, "", 0.5),
        ("five", 5, "", 0.5),
        ("seven", 7, "", 0.5),
        ("twenty", 20, "", 0.5),
        ("thirty-five", 35, "", 0.5),
        ("two hundred million", 200 * M, "", 0.5 * M),
        ("2025", 2025, "", 0.5),  # a year reads as a plain number
        # multiples
        ("fivefold", 5, "x", 0.5),
        ("five-fold", 5, "x", 0.5),
        ("five fold", 5, "x", 0.5),
        ("5-fold", 5, "x", 0.5),
        ("five times", 5, "x", 0.5),
        ("5 times", 5, "x", 0.5),
        ("5x", 5, "x", 0.5),
        ("5X", 5, "x", 0.5),
        ("5×", 5, "x", 0.5),
        ("5.5x", 5.5, "x", 0.05),
        ("quintupled", 5, "x", 0.5),
        ("quintuple", 5, "x", 0.5),
        ("doubled", 2, "x", 0.5),
        ("tripled", 3, "x", 0.5),
        ("quadrupled", 4, "x", 0.5),
        ("tenfold", 10, "x", 0.5),
        # fractions
        ("one-tenth", 0.1, "fraction", 1 / 220),
        ("one tenth", 0.1, "fraction", 1 / 220),
        ("a tenth", 0.1, "fraction", 1 / 220),
        ("tenth", 0.1, "fraction", 1 / 220),
        ("1/10", 0.1, "fraction", 1 / 220),
        ("one fifth", 0.2, "fraction", 0.01),
        ("a fifth", 0.2, "fraction", 0.01),
        ("half", 0.5, "fraction", 0.025),
        ("a quarter", 0.25, "fraction", 0.0125),
        ("two-thirds", 2 / 3, "fraction", 1 / 30),
        # hedges are ignored
        ("about 1.89 billion yuan", 1.89 * B, "yuan", 0.005 * B),
        ("roughly fivefold", 5, "x", 0.5),
        ("around one-tenth", 0.1, "fraction", 1 / 220),
        ("approximately 92%", 92, "%", 0.5),
        ("~92%", 92, "%", 0.5),
        ("some 200 million km", 200 * M, "km", 0.5 * M),
        ("nearly 200 million km", 200 * M, "km", 0.5 * M),
        ("almost 200 million km", 200 * M, "km", 0.5 * M),
        ("over 200 million km", 200 * M, "km", 0.5 * M),
        ("more than 200 million km", 200 * M, "km", 0.5 * M),
        ("topped 200 million km", 200 * M, "km", 0.5 * M),
        # a figure with words around it, or a year beside it
        ("92% quarter-over-quarter", 92, "%", 0.5),
        ("92% in the first quarter", 92, "%", 0.5),
        ("92% in 2025", 92, "%", 0.5),
        ("1.89 billion yuan.", 1.89 * B, "yuan", 0.005 * B),
        # found by the answer battery: forms people type that were not read
        ("40,7%", 40.7, "%", 0.05),  # a decimal comma
        ("1,89 billion", 1.89 * B, "", 0.005 * B),
        ("x5", 5, "x", 0.5),  # a multiple written the other way round
        ("×10", 10, "x", 0.5),
        ("about x5", 5, "x", 0.5),
        ("1 / 10", 0.1, "fraction", 1 / 220),  # a spaced slash
        ("1 tenth", 0.1, "fraction", 1 / 220),
        ("2 fifths", 0.4, "fraction", 1 / 60),
        ("one in ten", 0.1, "fraction", 1 / 220),
        ("1 in 5", 0.2, "fraction", 0.01),
        ("200 million km in one month", 200 * M, "km", 0.5 * M),  # "one month" is a period
        ("two (2)", 2, "", 0.5),  # one figure written twice
        ("92% (92 percent)", 92, "%", 0.5),
        ("1890 m yuan", 1.89 * B, "yuan", 0.5 * M),  # a spaced "m" before a unit
        ("a fifth (20%)", 0.2, "fraction", 0.01),  # a fraction and its percentage: one figure
        ("200.000.000 km", 200 * M, "km", 0.5),  # dots between groups of three (two or more)
        ("200 000 000 km", 200 * M, "km", 0.5),  # spaces (or no-break spaces) between groups
        ("200\u00a0000\u00a0000 km", 200 * M, "km", 0.5),
        ("1 890 million yuan", 1.89 * B, "yuan", 0.5 * M),
        ("1.890", 1.89, "", 0.0005),  # one dot group is a decimal point
        # a whole number and its fraction, as people say and write them: a number, not a share
        ("one and a half", 1.5, "", 0.025),
        ("one and a half percentage points", 1.5, "pp", 0.025),
        ("two and a half billion yuan", 2.5 * B, "yuan", 0.025 * B),
        ("3 and three quarters", 3.75, "", 0.025),
        ("2 1/2 million", 2.5 * M, "", 0.025 * M),
        ("2½ GWh", 2.5, "GWh", 0.025),
    ],
)
def test_parse_value_unit_precision(text, value, unit, precision):
    fig = parse(text)
    assert fig is not None, text
    assert not fig.is_range
    assert fig.value == pytest.approx(value)
    assert fig.unit == unit
    assert fig.precision == pytest.approx(precision)


def test_scaled_values_are_exact_floats():
    # "1.89 billion" is exactly float("1.89e9"): two spellings compare equal without tolerance.
    assert parse("1.89 billion").value == 1.89e9 == parse("1,890 million").value == parse("RMB1.89bn").value
    assert parse("200 million km").value == 2e8


@pytest.mark.parametrize(
    "text, value, sign",
    [
        ("-40.7%", -40.7, -1),
        ("\u221240.7%", -40.7, -1),  # U+2212
        ("\u201340.7%", -40.7, -1),  # en dash typed as a minus
        ("down 40.7%", -40.7, -1),
        ("fell 40.7%", -40.7, -1),
        ("fall of 40.7%", -40.7, -1),
        ("a decline of about 40.7%", -40.7, -1),
        ("dropped by 40.7 percent", -40.7, -1),
        ("decrease 40.7%", -40.7, -1),
        ("lower 40.7%", -40.7, -1),
        ("40.7% lower", -40.7, -1),
        ("a 40.7% drop", -40.7, -1),
        ("up 40.7%", 40.7, 1),
        ("+40.7%", 40.7, 1),
        ("rose 92%", 92, 1),
        ("grew 92%", 92, 1),
        ("increase of 92%", 92, 1),
        ("92% growth", 92, 1),
        ("40.7%", 40.7, None),
        ("up to 92%", 92, None),  # "up to" is a ceiling, not a rise
        ("more than 92%", 92, None),
        ("fell to 1.89 billion yuan", 1.89e9, None),  # a level after "to", not a change
    ],
)
def test_direction(text, value, sign):
    fig = parse(text)
    assert fig.value == pytest.approx(value)
    assert fig.sign == sign


@pytest.mark.parametrize(
    "text, low, high, unit, precision",
    [
        ("2 to 2.5 billion", 2 * B, 2.5 * B, "", 0.05 * B),
        ("2-2.5bn", 2 * B, 2.5 * B, "", 0.05 * B),
        ("2\u20132.5bn", 2 * B, 2.5 * B, "", 0.05 * B),  # en dash
        ("2bn-2.5bn", 2 * B, 2.5 * B, "", 0.05 * B),
        ("2 bn - 2.5 bn", 2 * B, 2.5 * B, "", 0.05 * B),
        ("between 2 and 2.5 billion", 2 * B, 2.5 * B, "", 0.05 * B),
        ("between 2 and 2.5 billion yuan", 2 * B, 2.5 * B, "yuan", 0.05 * B),
        ("2 billion to 2.5 billion yuan", 2 * B, 2.5 * B, "yuan", 0.05 * B),
        ("roughly 2 billion to 2.5 billion yuan a quarter", 2 * B, 2.5 * B, "yuan", 0.05 * B),
        ("RMB2-2.5bn", 2 * B, 2.5 * B, "yuan", 0.05 * B),
        ("2,000 to 2,500 million yuan", 2 * B, 2.5 * B, "yuan", 0.5 * M),
        ("7% to 10%", 7, 10, "%", 0.5),
        ("20亿到25亿", 2 * B, 2.5 * B, "", 0.05 * B),  # found by the answer battery
        ("2 000 to 2 500 million", 2 * B, 2.5 * B, "", 0.5 * M),
    ],
)
def test_ranges(text, low, high, unit, precision):
    fig = parse(text)
    assert fig is not None and fig.is_range, text
    assert fig.value is None
    assert (fig.low, fig.high) == (pytest.approx(low), pytest.approx(high))
    assert fig.unit == unit
    assert fig.precision == pytest.approx(precision)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "ES9",  # a model code, not 9
        "ＥＳ９",
        "Q1",
        "the first quarter",
        "William Li",
        "b",
        "1st",
        "40.7% or 92%",  # two figures: not one answer
        "fell 40.7% to 1.89 billion yuan",
        "x5%",
        "x5 billion",
        "1e309",  # infinity is no figure: it would be "close" to every value
        "-1e309",
        "9" * 400,
        "1e308 billion",  # raised ValueError: float("1e+308e9")
        "9" * 400 + " billion",  # raised ValueError: float("infe9")
        "1e300 trillion trillion",
    ],
)
def test_not_one_figure(text):
    assert parse(text) is None


def test_find_all_skips_figures_too_large_to_be_figures():
    assert [f.value for f in find_all("1e309 km and 92% and 9" + "9" * 400 + " billion")] == [92.0]


def test_a_percent_and_a_level_are_not_a_range():
    figs = find_all("R&D expenses fell 40.7% year over year to 1.89 billion yuan")
    assert [(f.value, f.unit, f.sign) for f in figs] == [(-40.7, "%", -1), (1.89e9, "yuan", None)]
    figs = find_all("fell 40.7% to 1.89 billion yuan")
    assert [(f.value, f.unit) for f in figs] == [(-40.7, "%"), (1.89e9, "yuan")]


# --- find_all: prose -----------------------------------------------------------------

SECTION = """
## Spending

Nio quintupled nothing yet: it raised training compute **roughly fivefold** this year, after
spending about a tenth of what rivals spent in 2025. The system runs on about a fifth of rivals'
cloud compute. The ES9 launched; Q1 results followed.

| Figure | Value |
|---|---|
| R&D, Q1 | RMB1.89bn, down 40.7% year over year and 7% from Q4 |
| Urban NOP mileage | rose 92% quarter over quarter |
| Monthly mileage | topped 200 million kilometres in February |

The finance chief targets 2 billion to 2.5 billion yuan a quarter; two further upgrades follow.
"""


def test_find_all_reads_every_written_form_in_a_briefing():
    figs = find_all(SECTION)
    seen = {(f.value, f.unit) for f in figs if not f.is_range}
    assert (5.0, "x") in seen  # quintupled, roughly fivefold
    assert (0.1, "fraction") in seen  # about a tenth
    assert (0.2, "fraction") in seen  # about a fifth
    assert (1.89e9, "yuan") in seen
    assert (-40.7, "%") in seen
    assert (7.0, "%") in seen
    assert (92.0, "%") in seen
    assert (2e8, "km") in seen
    assert (2025.0, "") in seen
    assert (2.0, "") in seen  # two further upgrades
    ranges = [(f.low, f.high, f.unit) for f in figs if f.is_range]
    assert ranges == [(2e9, 2.5e9, "yuan")]
    # never 9 from "ES9", 1 from "Q1", 4 from "Q4", or 0.25 from "a quarter" as a period
    values = {f.value for f in figs}
    assert not values & {9.0, 1.0, 4.0, 0.25}


def test_find_all_directions_in_prose():
    figs = find_all("Mileage rose 92% quarter over quarter; R&D fell 40.7%, and 7% from the fourth quarter.")
    assert [(f.value, f.sign) for f in figs] == [(92.0, 1), (-40.7, -1), (7.0, None)]


def test_find_all_on_the_source_article(source_article):
    figs = find_all(source_article.read_text(encoding="utf-8"))
    seen = {(f.value, f.unit) for f in figs}
    for wanted in [
        (5.0, "x"),
        (0.1, "fraction"),
        (0.2, "fraction"),
        (92.0, "%"),
        (2e8, "km"),
        (1.89e9, "yuan"),
        (-40.7, "%"),
        (7.0, "%"),
    ]:
        assert wanted in seen, wanted
    assert (9.0, "") not in seen


def test_find_all_levels_from_and_to_are_also_single_figures():
    # "from 3.19bn to 1.89bn" may be two levels: prose yields the ends as well as the range.
    figs = find_all("R&D fell from 3.19 billion yuan to 1.89 billion yuan.")
    assert (1.89e9, "yuan") in {(f.value, f.unit) for f in figs}


def test_a_mixed_number_is_one_figure_in_a_sentence():
    found = find_all("Costs rose two and a half times; 1 and a half million more came in 2024.")
    assert [(f.value, f.unit) for f in found] == [(2.5, "x"), (1.5 * M, ""), (2024, "")]
    assert parse("two and ten") is None  # two figures, not a mixed number
