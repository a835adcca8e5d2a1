"""A figure's scope (period, base, bound) and other names for options and items (aliases) in a pack."""

import tomllib

import pytest

from briefing.errors import PackError
from briefing.pack import load, parse

PACK = """
[pack]
id = "scope"
title = "Scope"
version = "1"
pass_mark = 50
[pack.source]
title = "A report"
publisher = "Nobody"
date = "2026"

[[sections]]
id = "s"
title = "S"
body = "Mileage rose 92% quarter over quarter and passed 200 million km in a month. Chips and operating systems."

[[questions]]
id = "growth"
kind = "figure"
prompt = "By how much did mileage grow quarter over quarter?"
section = "s"
explanation = "Up 92%."
value = 92
unit = "%"
expected = "up 92%"
measures = "quarterly mileage growth"
period = "quarter"
base = "quarter-over-quarter"

[[questions]]
id = "monthly"
kind = "figure"
prompt = "What mileage was logged in one month?"
section = "s"
explanation = "Over 200 million km."
value = 200000000
unit = "km"
expected = "200 million km"
measures = "one month's mileage"
period = "month"
bound = "more than"

[[questions]]
id = "rise"
kind = "choice"
prompt = "Which rose?"
section = "s"
explanation = "Mileage."
options = ["Mileage", "Spending", "Staff"]
answer = "Mileage"
aliases = { Mileage = ["distance driven", "kilometres"] }

[[questions]]
id = "tech"
kind = "list"
prompt = "Which technologies?"
section = "s"
explanation = "Chips and operating systems."
items = ["Chips", "operating systems"]
aliases = { Chips = ["semiconductors", "microchips"], "operating systems" = ["OS"] }
"""


def data(old="", new=""):
    if old:
        assert old in PACK, old
    return tomllib.loads(PACK.replace(old, new, 1))


def problems(old, new):
    with pytest.raises(PackError) as caught:
        parse(data(old, new), "p.toml")
    return caught.value.lines()


def test_scope_and_aliases_are_accepted_and_kept():
    pack = parse(data(), "p.toml")
    growth, monthly = pack.question("growth"), pack.question("monthly")
    assert (growth.period, growth.base, growth.bound) == ("quarter", "quarter-over-quarter", None)
    assert (monthly.period, monthly.base, monthly.bound) == ("month", None, "more than")
    assert pack.question("tech").aliases["Chips"] == ["semiconductors", "microchips"]
    assert pack.question("rise").aliases == {"Mileage": ["distance driven", "kilometres"]}


def test_scope_and_aliases_default_to_none_and_empty():
    text = PACK.replace('period = "quarter"\n', "").replace('base = "quarter-over-quarter"\n', "")
    pack = parse(tomllib.loads(text), "p.toml")
    growth = pack.question("growth")
    assert growth.period is None and growth.base is None and growth.bound is None
    bare = tomllib.loads(text.replace('aliases = { Mileage = ["distance driven", "kilometres"] }\n', ""))
    assert parse(bare, "p.toml").question("rise").aliases == {}


def test_any_short_base_is_allowed():
    for base in ("year-over-year", "rivals", "2024"):
        assert parse(data('base = "quarter-over-quarter"', f'base = "{base}"'), "p.toml")


@pytest.mark.parametrize(
    "old, new, where, field",
    [
        ('period = "quarter"', 'period = "fortnight"', "'growth'", "period"),
        ('period = "quarter"', "period = 3", "'growth'", "period"),
        ('bound = "more than"', 'bound = "passed"', "'monthly'", "bound"),
        ('base = "quarter-over-quarter"', 'base = ""', "'growth'", "base"),
        ('base = "quarter-over-quarter"', f'base = "{"x" * 80}"', "'growth'", "base"),
        ('base = "quarter-over-quarter"', "base = 2024", "'growth'", "base"),
    ],
)
def test_a_wrong_scope_is_one_line_naming_the_question_and_field(old, new, where, field):
    (line,) = problems(old, new)
    assert line.startswith(f"p.toml: question {where}, field '{field}': "), line
    assert "\n" not in line


def test_an_alias_key_that_is_no_option_is_refused():
    (line,) = problems('aliases = { Mileage = ["distance', 'aliases = { Speed = ["distance')
    assert line == "p.toml: question 'rise', field 'aliases': 'Speed' is not one of the options"


def test_an_alias_key_is_the_option_as_written():
    (line,) = problems('aliases = { Mileage = ["distance', 'aliases = { mileage = ["distance')
    assert "field 'aliases': 'mileage' is not one of the options" in line


def test_an_alias_key_that_is_no_item_is_refused():
    (line,) = problems('aliases = { Chips = ["semi', 'aliases = { GPUs = ["semi')
    assert line == "p.toml: question 'tech', field 'aliases': 'GPUs' is not one of the items"


def test_an_alias_that_names_another_option_is_refused():
    (line,) = problems('["distance driven", "kilometres"]', '["Spending"]')
    assert line == "p.toml: question 'rise', field 'aliases': 'Spending' (for 'Mileage') is another option"


def test_an_empty_alias_or_a_non_list_is_refused():
    assert "field 'aliases.Chips.0': must not be empty" in problems('["semiconductors", ', '["", ')[0]
    assert "field 'aliases.Chips'" in problems('Chips = ["semiconductors", "microchips"]', 'Chips = "x"')[0]


def test_load_reads_the_fields_from_a_file(tmp_path):
    path = tmp_path / "scope.toml"
    path.write_text(PACK, encoding="utf-8")
    pack = load(path)
    assert pack.question("monthly").bound == "more than"
    text = PACK.replace('bound = "more than"', 'bound = "over"')
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load(path)
    (line,) = caught.value.lines()
    number = text.splitlines().index('bound = "over"') + 1  # a file's problem names its line
    assert line.startswith(f"{path}:{number}: question 'monthly', field 'bound': must be one of")
