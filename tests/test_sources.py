"""A pack held against its source: figures, names and quotes, what no question asks, and
each figure grounded in a sentence about what it measures. An invented article, not Nio."""

import textwrap

import pytest

from briefing.cli import main

ARTICLE = textwrap.dedent(
    """\
    Halden Rail Carries More Riders

    Halden Rail opened its first line in 2019. Ridership rose 12% last year to 48 million
    journeys, chief executive Maren Okafor said on Monday.

    "We are running out of trains," Okafor said. Finance chief Tomas Ferreira said the
    company will spend $640 million on new rolling stock over three years.

    "Fares will not rise this year," Ferreira said.
    """
)

PACK = textwrap.dedent(
    """\
    [pack]
    id = "halden"
    title = "Halden Rail"
    version = "1"
    pass_mark = 50
    [pack.source]
    title = "Halden Rail Carries More Riders"
    publisher = "Invented Wire"
    date = "2026"

    [[sections]]
    id = "riders"
    title = "Riders"
    body = \"\"\"
    Halden Rail's ridership rose 12% last year, to 48 million journeys. The company spends
    $640 million on rolling stock over three years. Its chief executive says "running out of trains".
    \"\"\"

    [[people]]
    id = "okafor"
    name = "Maren Okafor"
    role = "Chief executive"
    aliases = ["Okafor"]

    [[questions]]
    id = "growth"
    kind = "figure"
    prompt = "By how much did Halden Rail's ridership rise last year?"
    section = "riders"
    explanation = "12%, to 48 million journeys."
    value = 12
    unit = "%"
    expected = "12%"
    measures = "last year's rise in ridership"

    [[questions]]
    id = "stock"
    kind = "figure"
    prompt = "How much will Halden Rail spend on rolling stock?"
    section = "riders"
    explanation = "$640 million over three years."
    value = 640000000
    unit = "USD"
    expected = "$640 million"
    measures = "spending on rolling stock over three years"
    """
)


@pytest.fixture
def files(tmp_path):
    def write(pack=PACK, article=ARTICLE):
        p, a = tmp_path / "halden.toml", tmp_path / "halden.txt"
        p.write_text(pack, encoding="utf-8")
        a.write_text(article, encoding="utf-8")
        return p, a

    return write


def run(capsys, *argv):
    code = main(["validate", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_a_pack_true_to_its_source_is_valid_and_lists_what_no_question_asks(files, capsys):
    pack, article = files()
    code, out, err = run(capsys, pack, "--source", article)
    assert code == 0 and out == [f"{pack}: valid: 2 questions in 1 sections (4 warnings)"]
    assert err == [
        f"{pack}: warning: coverage: the source states 48 million and no question asks it",
        f"{pack}: warning: coverage: the source states three years and no question asks it",
        f"{pack}: warning: coverage: the source quotes Maren Okafor and no question asks who said it",
        f"{pack}: warning: coverage: the source quotes Tomas Ferreira, who is not on the roster",
    ]
    assert run(capsys, pack, "--source", article, "--strict")[0] == 2  # coverage is an error with --strict


def test_a_figure_the_source_never_states_is_an_error_naming_section_and_figure(files, capsys):
    """A typo written the same in the section and the question passes grounding, not the source."""
    pack, article = files(PACK.replace("$640 million", "$460 million").replace("640000000", "460000000"))
    code, _, err = run(capsys, pack, "--source", article)
    assert code == 2
    assert (
        f"{pack}:14: section 'riders', field 'body': $460 million is not stated in the source in any written form"
        in err
    )


def test_a_roster_name_the_source_never_names_is_an_error(files, capsys):
    pack, article = files(PACK.replace('name = "Maren Okafor"', 'name = "Maren Okafour"'))
    code, _, err = run(capsys, pack, "--source", article)
    assert code == 2
    assert any(
        "person 'okafor', field 'name': Maren Okafour is not named in the source" in line for line in err
    ), err


def test_without_a_source_one_line_says_nothing_was_checked_against_one(files, capsys):
    pack, _ = files()
    code, out, _ = run(capsys, pack)
    assert code == 0
    assert (
        out[-1] == f"{pack}: quotes and figures not checked against a source (--source ARTICLE checks them)"
    )


def test_explain_prints_the_sentence_that_grounds_each_answer(files, capsys):
    pack, article = files()
    _, out, _ = run(capsys, pack, "--source", article, "--explain")
    assert "growth [riders]: Halden Rail's ridership rose 12% last year, to 48 million journeys." in out
    assert any(line.startswith("stock [riders]: The company spends $640 million") for line in out)


def test_a_figure_found_only_in_a_sentence_about_something_else_is_an_error(files, capsys):
    """The year question that passed because the year is in its section for another fact."""
    founded = PACK.replace(
        "The company spends",
        "Halden Rail opened its first line in 2019. The company spends",
    ) + textwrap.dedent(
        """
        [[questions]]
        id = "founded"
        kind = "figure"
        prompt = "In what year was Halden Rail founded?"
        section = "riders"
        explanation = "e"
        value = 2019
        unit = "year"
        expected = "2019"
        measures = "the year Halden Rail was founded"
        """
    )
    pack, _ = files(founded)
    code, _, err = run(capsys, pack)
    assert code == 2
    assert any(
        "question 'founded', field 'measures': 2019 is stated in section 'riders' only where it speaks of "
        "something else ('Halden Rail opened its first line in 2019.')" in line
        for line in err
    ), err
