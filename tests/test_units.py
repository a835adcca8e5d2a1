"""Units as a registry (briefing.grading.units): every family accepted and refused as an examiner would.

The pack is about an invented hydrogen-truck maker (not Nio, not Ventamar): money in
euros, energy, power, percentage points, a count that names what it counts, dates.
"""

import textwrap
import tomllib
from dataclasses import replace
from pathlib import Path

import pytest

from briefing import pack as packs
from briefing.checks import check
from briefing.errors import PackError
from briefing.grading import units
from briefing.grading.grader import grade
from briefing.grading.numbers import parse

SOLVIK = textwrap.dedent(
    """
    [pack]
    id = "solvik-hydrogen"
    title = "Solvik's year"
    version = "1"
    pass_mark = 60
    [pack.source]
    title = "Solvik doubles electrolyser capacity"
    publisher = "Invented Wire"
    date = "2026"

    [[sections]]
    id = "year"
    title = "The year"
    body = '''
    Solvik Hydrogen sold €1.2 billion of trucks in 2025 and delivered 1.2 million vehicles
    since launch. Its electrolysers used 1,850 GWh of electricity and it ran 640 MW of
    them at year end, against 300 MW a year earlier. The gross margin widened by
    2 percentage points, to 31%. A new plant 38 km from Bergen opens in the fourth
    quarter of 2026; the first trucks rolled out in July 2023 and the company listed in 2021.
    '''

    [[questions]]
    id = "sales"
    kind = "figure"
    prompt = "How much did Solvik sell in 2025?"
    section = "year"
    explanation = "€1.2 billion."
    value = 1.2e9
    unit = "EUR"
    expected = "€1.2 billion"
    measures = "2025 sales"

    [[questions]]
    id = "energy"
    kind = "figure"
    prompt = "How much electricity did the electrolysers use?"
    section = "year"
    explanation = "1,850 GWh."
    value = 1850
    unit = "gwh"
    expected = "1,850 GWh"
    measures = "electricity used"

    [[questions]]
    id = "power"
    kind = "figure"
    prompt = "How much electrolyser capacity ran at year end?"
    section = "year"
    explanation = "640 MW."
    value = 640
    unit = "MW"
    expected = "640 MW"
    measures = "capacity at year end"

    [[questions]]
    id = "margin"
    kind = "figure"
    prompt = "By how much did the gross margin widen?"
    section = "year"
    explanation = "2 percentage points, to 31%."
    value = 2
    unit = "pp"
    expected = "2 percentage points"
    measures = "the widening of the gross margin"

    [[questions]]
    id = "gross"
    kind = "figure"
    prompt = "What was the gross margin?"
    section = "year"
    explanation = "31%."
    value = 31
    unit = "%"
    expected = "31%"
    measures = "the gross margin"

    [[questions]]
    id = "fleet"
    kind = "figure"
    prompt = "How many trucks has Solvik delivered since launch?"
    section = "year"
    explanation = "1.2 million vehicles."
    value = 1.2e6
    unit = "vehicles"
    expected = "1.2 million vehicles"
    measures = "vehicles delivered since launch"

    [[questions]]
    id = "plant"
    kind = "figure"
    prompt = "When does the new plant open?"
    section = "year"
    explanation = "The fourth quarter of 2026."
    unit = "quarter"
    expected = "Q4 2026"
    measures = "when the new plant opens"

    [[questions]]
    id = "first-trucks"
    kind = "figure"
    prompt = "When did the first trucks roll out?"
    section = "year"
    explanation = "July 2023."
    unit = "month"
    expected = "July 2023"
    measures = "when the first trucks rolled out"

    [[questions]]
    id = "listing"
    kind = "figure"
    prompt = "In which year did Solvik list?"
    section = "year"
    explanation = "2021."
    value = 2021
    unit = "year"
    expected = "2021"
    measures = "the year Solvik listed"

    [[questions]]
    id = "distance"
    kind = "figure"
    prompt = "How far from Bergen is the new plant?"
    section = "year"
    explanation = "38 km."
    value = 38
    unit = "km"
    expected = "38 km"
    measures = "the new plant's distance from Bergen"
    """
)
PACK = packs.parse(tomllib.loads(SOLVIK), "solvik.toml")


def ask(qid: str, text: str):
    return grade(PACK.question(qid), text, PACK)


def test_the_pack_is_valid():
    assert check(PACK, "solvik.toml") == []


@pytest.mark.parametrize(
    "qid, text",
    [
        # currencies: symbol, name, ISO code (any case), another scale
        ("sales", "€1.2bn"),
        ("sales", "1.2 billion euros"),
        ("sales", "EUR 1,200 million"),
        ("sales", "eur 1.2bn"),
        ("sales", "1.2 billion"),
        # energy and power: the same quantity at another scale of the same unit
        ("energy", "1,850 GWh"),
        ("energy", "1.85 TWh"),
        ("energy", "1.85 million MWh"),
        ("energy", "1,850 gigawatt hours"),
        ("energy", "1850"),
        ("power", "640 MW"),
        ("power", "640MW"),
        ("power", "0.64 GW"),
        ("power", "640 megawatts"),
        ("power", "640,000 kW"),
        # percentage points
        ("margin", "2 percentage points"),
        ("margin", "2pp"),
        ("margin", "2 points"),
        ("margin", "200 basis points"),
        ("margin", "2"),
        # a count that names what it counts: typed or left out
        ("fleet", "1.2 million vehicles"),
        ("fleet", "1.2 million"),
        ("fleet", "1.2m trucks"),  # the prompt's own word
        # dates: a quarter, a month, a year, however written; a finer date within a year
        ("plant", "Q4 2026"),
        ("plant", "4Q26"),
        ("plant", "the fourth quarter of 2026"),
        ("plant", "fourth-quarter 2026"),
        ("plant", "November 2026"),
        ("first-trucks", "July 2023"),
        ("first-trucks", "Jul 2023"),
        ("first-trucks", "2023-07"),
        ("listing", "2021"),
        ("listing", "in 2021"),
        ("listing", "Q2 2021"),
        ("distance", "38 km"),
        ("distance", "38,000 metres"),
    ],
)
def test_right_in_every_written_form(qid, text):
    verdict = ask(qid, text)
    assert verdict.correct, (text, verdict.note)


@pytest.mark.parametrize(
    "qid, text, note",
    [
        ("sales", "$1.2bn", "wrong unit: US dollars"),
        ("sales", "1.2 billion Swiss francs", "wrong unit: Swiss francs"),
        ("sales", "CHF 1.2bn", "wrong unit: Swiss francs"),
        ("sales", "1.2 billion HUF", "wrong unit: HUF"),
        ("sales", "£1.2bn", "wrong unit: pounds"),
        ("sales", "€1.2 million", "right number, wrong scale"),
        ("energy", "1,850 MW", "wrong unit: megawatts (power), not energy"),
        ("energy", "1.85 GWh", "right number, wrong scale"),
        ("energy", "1,850 kg", "wrong unit: kilograms (mass), not energy"),
        ("power", "640 GWh", "wrong unit: gigawatt hours (energy), not power"),
        ("power", "300 MW", None),
        ("power", "640 GW", "wrong unit: gigawatts"),
        ("margin", "2%", "wrong unit: percent, not percentage points"),
        ("gross", "31 percentage points", "wrong unit: percentage points, not percent"),
        ("fleet", "1.2 million bananas", "wrong unit: bananas"),
        ("fleet", "1.2 million MW", "wrong unit: megawatts"),
        ("plant", "2026", "not precise enough: give the quarter (as Qn YYYY)"),
        ("plant", "Q3 2026", None),
        ("plant", "Q4 2025", None),
        ("plant", "640 MW", "wrong unit: megawatts, not a quarter"),
        ("plant", "640", "give a date (as Qn YYYY)"),
        ("first-trucks", "June 2023", None),
        ("listing", "2022", None),
        ("distance", "38 m", "wrong unit: metres"),
        ("distance", "38 miles", "wrong unit: miles"),
        ("gross", "Q4 2026", "wrong unit: a quarter (a date)"),
    ],
)
def test_wrong_unit_scale_or_date_is_wrong_and_says_why(qid, text, note):
    verdict = ask(qid, text)
    assert (verdict.correct, verdict.note) == (False, note)


def test_a_date_keeps_the_scope_bound():
    q = replace(PACK.question("plant"), bound="at most")
    assert grade(q, "by the fourth quarter of 2026 or earlier", PACK).correct
    assert grade(q, "no later than Q4 2026", PACK).correct


@pytest.mark.parametrize(
    "given, code",
    [("USD", "usd"), ("usd", "usd"), ("CNY", "yuan"), ("RMB", "yuan"), ("yuan", "yuan"), ("EUR", "eur")]
    + [("gwh", "GWh"), ("MW", "MW"), ("GW", "GW"), ("pp", "pp"), ("km", "km"), ("%", "%"), ("YEAR", "year")]
    + [("CHF", "chf"), ("isk", "isk"), ("tonnes", "t"), ("vehicles", "vehicles"), ("", "")],
)
def test_a_pack_unit_is_any_registry_unit_in_any_case_or_a_count_noun(given, code):
    q = packs.FigureQuestion(
        kind="figure",
        id="a",
        prompt="p",
        section="s",
        explanation="e",
        expected="1",
        measures="m",
        value=1,
        unit=given,
    )
    assert q.unit == code


def test_an_unknown_unit_is_one_line_naming_the_field_and_the_nearest(tmp_path: Path):
    path = tmp_path / "bad.toml"
    path.write_text(SOLVIK.replace('unit = "MW"', 'unit = "megawats"'), encoding="utf-8")
    with pytest.raises(PackError) as err:
        packs.load(path)
    message = str(err.value)
    assert "'power'" in message and "'unit'" in message and "did you mean 'MW'" in message
    assert len(message.strip().splitlines()) == 1


def test_a_value_that_is_not_the_expected_text_is_printed_as_written():
    data = tomllib.loads(SOLVIK)
    sales = next(q for q in data["questions"] if q["id"] == "sales")
    sales["value"] = 649.64e6
    problems = check(packs.parse(data, "solvik.toml"), "solvik.toml")
    assert "649.64 million" in str(problems[0]) and "e+" not in str(problems[0])
    sales["value"], sales["unit"] = 1.2e9, "USD"
    problems = check(packs.parse(data, "solvik.toml"), "solvik.toml")
    assert "unit 'usd' (US dollars) does not match expected '€1.2 billion' (euros)" in str(problems[0])


def test_the_registry_knows_every_iso_currency_and_reads_them():
    assert {
        "eur",
        "usd",
        "yuan",
        "gbp",
        "jpy",
        "hkd",
        "chf",
        "cad",
        "aud",
        "nzd",
        "sgd",
        "krw",
        "inr",
    } <= units.MONEY
    assert {
        "twd",
        "brl",
        "mxn",
        "sek",
        "nok",
        "dkk",
        "pln",
        "zar",
        "rub",
        "try",
        "aed",
        "sar",
        "isk",
    } <= units.MONEY
    assert len(units.MONEY) > 170
    assert parse("¥1.89bn").unit == "yuan" and parse("JP¥1.89bn").unit == "jpy"
    assert parse("HK$5m").unit == "hkd" and parse("5 million dirhams").unit == "aed"
    # a code that is an English word is a pack unit, but no bare word in an answer
    assert parse("try 5 times").unit == "x"
    assert parse("200m").value == 200e6 and parse("200 million m").unit == "m"


# --- the Ventamar answer key (tests/fixtures/ventamar_key.toml) as a measure -------------

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Wrong answers the grader still takes, none a matter of units: a near-miss place name
# (names) and a base given as a relative year (scope). Remove a row once it is refused.
KNOWN_WRONG_ACCEPTED = {("irish-auction", "Iceland"), ("platform-cost", "a third since last year")}


def test_the_ventamar_key_is_held():
    pack = packs.load(FIXTURES / "ventamar.toml")
    key = tomllib.loads((FIXTURES / "ventamar_key.toml").read_text(encoding="utf-8"))["case"]
    right = [c for c in key if c["right"]]
    accepted = [c for c in right if grade(pack.question(c["question"]), c["answer"], pack).correct]
    assert len(accepted) >= 0.95 * len(right)
    taken = {
        (c["question"], c["answer"])
        for c in key
        if not c["right"] and grade(pack.question(c["question"]), c["answer"], pack).correct
    }
    assert taken <= KNOWN_WRONG_ACCEPTED
    assert pack.question("output-gwh").unit == "GWh" and pack.question("capacity-mw").unit == "MW"
