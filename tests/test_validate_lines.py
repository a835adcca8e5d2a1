"""`briefing validate` names each problem's line, reports them all in one run, and checks that
what is asked was shown: quotes in quotation marks, answers spread so that no one answer pays.

The packs here are about an invented port (Calder), written out in each test's text.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest
import rtoml

from briefing.checks import answer_spread
from briefing.pack import load, parse
from briefing.positions import Positions

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

HEAD = '''[pack]
id = "calder"
title = "Port of Calder: the 2030 expansion"
version = "1.0.0"
pass_mark = 60

[pack.source]
title = "Calder port doubles its quays"
publisher = "Coastal Ledger"
date = "2026"

[[sections]]
id = "quays"
title = "Quays"
body = """
The Port of Calder handled 4.2 million containers in 2025, up 12% year over year.
Harbourmaster Ines Varga said "we will need the new quays by 2030". Mayor Tomas Berg
called the plan \u201cthe biggest build since the railway\u201d. The operator, Calder Port
Authority, said it would "hire 300 crane drivers, and train them here".
"""

[[people]]
id = "ines-varga"
name = "Ines Varga"
role = "Harbourmaster"
aliases = ["Varga"]

[[people]]
id = "tomas-berg"
name = "Tomas Berg"
role = "Mayor"
aliases = ["Berg"]

[[people]]
id = "authority"
name = "Calder Port Authority"
role = "The port's operator"
'''


def attribution(qid, quote, speaker, paraphrase=False):
    extra = "paraphrase = true\n" if paraphrase else ""
    return f'''
[[questions]]
id = "{qid}"
kind = "attribution"
prompt = "Who said it?"
section = "quays"
explanation = "See the quays section."
quote = "{quote}"
speaker = "{speaker}"
{extra}'''


def truefalse(qid, answer):
    return f'''
[[questions]]
id = "{qid}"
kind = "truefalse"
prompt = "Did volume {"rise" if answer else "fall"} in 2025?"
section = "quays"
explanation = "It rose 12% year over year."
answer = {"true" if answer else "false"}
evidence = "up 12% year over year"
'''


def choice(qid, options, answer):
    return f'''
[[questions]]
id = "{qid}"
kind = "choice"
prompt = "By how much did container volume grow in 2025?"
section = "quays"
explanation = "12% year over year."
options = {json.dumps(options)}
answer = "{answer}"
'''


FIGURE = """
[[questions]]
id = "boxes"
kind = "figure"
prompt = "How many containers did Calder handle in 2025?"
section = "quays"
explanation = "4.2 million, up 12%."
value = 4200000
unit = ""
expected = "4.2 million"
measures = "containers handled in 2025"
"""

# A valid pack: every speaker once, true and false once each, the answer in a different place each time.
VALID = (
    HEAD
    + FIGURE
    + attribution("who-quays", "we will need the new quays by 2030", "ines-varga")
    + attribution("who-railway", "the biggest build since the railway", "tomas-berg")
    + attribution("who-hire", "hire 300 crane drivers", "authority")
    + truefalse("rose", True)
    + truefalse("fell", False)
    + choice("growth", ["8%", "12%", "20%"], "12%")
    + choice("growth-again", ["12%", "8%", "20%"], "12%")
)


def validate(*argv, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "briefing", "validate", *argv],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=60,
    )


def write(tmp_path, text, name="calder.toml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def line_of(text, fragment, nth=1):
    """The 1-based line of the nth occurrence of `fragment` in `text`."""
    at = -1
    for _ in range(nth):
        at = text.index(fragment, at + 1)
    return text[:at].count("\n") + 1


def errors_of(result):
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()


def test_the_invented_pack_is_valid(tmp_path):
    result = validate(str(write(tmp_path, VALID)))
    assert (result.returncode, result.stderr) == (0, "")
    calder = tmp_path / "calder.toml"
    assert result.stdout == (
        f"{calder}: valid: 8 questions in 1 sections\n"
        f"{calder}: quotes and figures not checked against a source (--source ARTICLE checks them)\n"
    )


def test_the_bundled_pack_is_valid_against_its_source(source_article):
    result = validate("questions.toml", "--source", str(source_article), "--strict")
    assert (result.returncode, result.stderr) == (0, ""), result.stderr
    assert result.stdout.startswith("questions.toml: valid: ")


def test_the_ventamar_pack_is_valid_against_its_article():
    """Valid; what it leaves unasked (the article's headcount, its plans) is listed, as warnings."""
    fixture = FIXTURES / "ventamar.toml"
    result = validate(str(fixture), "--source", str(FIXTURES / "ventamar.txt"))
    assert result.returncode == 0, result.stderr
    warnings = result.stderr.splitlines()
    assert warnings and all(
        line.startswith(f"{fixture}: warning: coverage: the source ") for line in warnings
    )


# --- every problem, with its line, in one run ---------------------------------------------------


def test_four_kinds_of_problem_come_out_in_one_run_with_their_lines(tmp_path):
    """A wrong type, a bad choice answer, a duplicate id and a speaker nobody is: all four, in file order."""
    text = (
        VALID.replace("value = 4200000", 'value = "4.2 million"')
        .replace('answer = "12%"', 'answer = "15%"', 1)
        .replace('id = "fell"', 'id = "rose"')
        .replace('speaker = "authority"', 'speaker = "harbour-board"')
    )
    path = write(tmp_path, text)
    lines = errors_of(validate(str(path)))
    value, speaker = line_of(text, "value = "), line_of(text, 'speaker = "harbour')
    first, again, answer = line_of(text, 'id = "rose"'), line_of(text, 'id = "rose"', 2), line_of(text, "15%")
    assert lines == [
        f"{path}:{value}: question 'boxes', field 'value': must be a number",
        f"{path}:{speaker}: question 'who-hire', field 'speaker': no person 'harbour-board' in [[people]]",
        f"{path}:{again}: question 'rose', field 'id': used twice, also at line {first}",
        f"{path}:{answer}: question 'growth', field 'answer': must be one of the options",
    ]


def test_the_json_report_gives_each_problems_line(tmp_path):
    text = VALID.replace('answer = "12%"', 'answer = "15%"', 1)
    result = validate(str(write(tmp_path, text)), "--format", "json")
    assert result.returncode == 2
    (problem,) = json.loads(result.stdout)["problems"]
    assert problem == {
        "file": str(tmp_path / "calder.toml"),
        "line": line_of(text, 'answer = "15%"'),
        "where": "question 'growth'",
        "field": "answer",
        "message": "must be one of the options",
    }


def test_a_missing_field_names_its_questions_header(tmp_path):
    text = VALID.replace('measures = "containers handled in 2025"\n', "")
    path = write(tmp_path, text)
    header = line_of(text, "[[questions]]")
    assert errors_of(validate(str(path))) == [
        f"{path}:{header}: question 'boxes', field 'measures': required"
    ]


def test_a_schema_error_in_one_question_hides_no_grounding_problem_in_another(tmp_path):
    text = VALID.replace("value = 4200000", 'value = "lots"').replace(
        'quote = "we will need the new quays by 2030"', 'quote = "we will need more quays"'
    )
    path = write(tmp_path, text)
    lines = errors_of(validate(str(path)))
    assert len(lines) == 2, lines
    assert lines[0].startswith(f"{path}:{line_of(text, 'value = ')}: question 'boxes', field 'value'")
    quote = line_of(text, 'quote = "we will need more')
    assert lines[1] == (
        f"{path}:{quote}: question 'who-quays', field 'quote': "
        "not shown in quotation marks in section 'quays' (or say paraphrase = true)"
    )


def test_a_broken_person_section_or_pack_table_hides_no_question_problem(tmp_path):
    text = (
        VALID.replace('role = "Mayor"', "role = 7")
        .replace("pass_mark = 60", 'pass_mark = "sixty"')
        .replace('answer = "12%"', 'answer = "15%"', 1)
    )
    path = write(tmp_path, text)
    lines = errors_of(validate(str(path)))
    assert [line.split(": ", 1)[0] for line in lines] == [
        f"{path}:{line_of(text, 'pass_mark')}",
        f"{path}:{line_of(text, 'role = 7')}",
        f"{path}:{line_of(text, '15%')}",
    ], lines
    assert "person 'tomas-berg', field 'role': must be a string" in lines[1]
    # the person who fails the schema is still someone: no "no person 'tomas-berg'" for who-railway
    assert not any("no person" in line for line in lines)


def test_a_toml_syntax_error_names_its_line(tmp_path):
    text = VALID.replace('unit = ""', "unit = percent")
    path = write(tmp_path, text)
    (line,) = errors_of(validate(str(path)))
    assert line.startswith(f"{path}:{line_of(text, 'unit = percent')}: is not valid TOML: ")
    assert "(column " in line


@pytest.mark.parametrize(
    "argv",
    [["quiz", "--headless", "--no-save", "--pack"], ["brief", "--pack"]],
)
def test_every_command_that_loads_a_pack_prints_the_same_lines(tmp_path, argv):
    text = VALID.replace('answer = "12%"', 'answer = "15%"', 1)
    path = write(tmp_path, text)
    result = subprocess.run(
        [sys.executable, "-m", "briefing", *argv, str(path)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        input="",
        timeout=60,
    )
    assert result.returncode == 2
    answer = line_of(text, "15%")
    assert result.stderr.splitlines() == [
        f"{path}:{answer}: question 'growth', field 'answer': must be one of the options"
    ]


def test_load_raises_with_lines_and_a_problem_without_one_keeps_file_colon(tmp_path):
    path = write(tmp_path, VALID.replace('speaker = "authority"', 'speaker = "nobody"'))
    with pytest.raises(Exception) as caught:
        load(path)
    assert caught.value.lines()[0].startswith(f"{path}:")
    assert str(caught.value.problems[0]._replace(line=None)).startswith(f"{path}: question 'who-hire', ")


# --- finding lines --------------------------------------------------------------------------------


def test_positions_follow_tables_keys_and_multiline_strings():
    text = '''title = "root"
[pack]
id = "x"
source = { title = "T", publisher = "P" }
notes = """
[[questions]]
id = "not a question"
"""
[[questions]]
id = "a"  # a comment with [brackets]
options = ["one", "two",
  "three"]
[questions.aliases]
one = ["uno"]
"two" = ["dos"]

[[questions]]
id = 'b'
'''
    at = Positions(text, {"questions": [{"id": "a"}, {"id": "b"}]})
    assert at.line(("title",)) == 1
    assert at.line(("pack", "source", "publisher")) == 4
    assert at.line(("questions", 0)) == 9  # the [[questions]] inside the string is no header
    assert at.line(("questions", 0, "options", 2)) == 11
    assert at.line(("questions", 0, "aliases", "two")) == 15
    assert at.line(("questions", 1, "id")) == 18
    assert at.line(("questions", "b", "kind")) == 17  # by id; a missing field: its header
    assert at.line(("people", 0)) is None


def test_positions_follow_inline_arrays_of_tables():
    text = 'questions = [\n  { id = "a", kind = "figure" },\n  { id = "b",\n    kind = "choice" },\n]\n'
    at = Positions(text)
    assert at.line(("questions", 0, "kind")) == 2
    assert at.line(("questions", 1)) == 3
    assert at.line(("questions", 1, "kind")) == 4
    assert at.line(("questions", 1, "prompt")) == 3


def test_an_id_used_three_times_names_the_other_two_lines(tmp_path):
    text = VALID.replace('id = "who-railway"', 'id = "who-quays"').replace(
        'id = "who-hire"', 'id = "who-quays"'
    )
    path = write(tmp_path, text)
    lines = errors_of(validate(str(path)))
    first, second, third = (line_of(text, 'id = "who-quays"', n) for n in (1, 2, 3))
    assert lines == [
        f"{path}:{second}: question 'who-quays', field 'id': used 3 times, also at lines {first} and {third}"
    ]


# --- what is asked was shown ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "quote, shown",
    [
        ("we will need the new quays by 2030", True),  # straight quotation marks
        ("the biggest build since the railway", True),  # curly ones
        ("hire 300 crane drivers", True),  # the shortest distinctive words of a longer quotation
        ("we will need the new quays", True),
        ("Harbourmaster Ines Varga said", False),  # in the section, but not in quotation marks
        ("we will need new quays by 2030", False),  # not as shown
    ],
)
def test_a_verbatim_quote_must_be_shown_in_quotation_marks_in_its_section(tmp_path, quote, shown):
    text = VALID.replace('"we will need the new quays by 2030"\nspeaker', f'"{quote}"\nspeaker')
    result = validate(str(write(tmp_path, text)))
    if shown:
        assert result.returncode == 0, result.stderr
    else:
        (line,) = errors_of(result)
        assert (
            f":{line_of(text, 'quote = ')}: question 'who-quays', field 'quote': not shown in quotation marks"
            in line
        )


def test_a_paraphrase_need_not_be_shown_in_quotation_marks(tmp_path):
    text = VALID.replace(
        'quote = "we will need the new quays by 2030"\n',
        'quote = "the port needs more quays by the end of the decade"\nparaphrase = true\n',
    )
    assert validate(str(write(tmp_path, text))).returncode == 0


# --- no answer that pays when given every time ----------------------------------------------------


def test_one_speaker_answering_most_attribution_questions_is_a_warning(tmp_path):
    extra = "".join(
        attribution(f"varga-{n}", "we will need the new quays by 2030", "ines-varga") for n in range(3)
    )
    path = write(tmp_path, VALID + extra)
    result = validate(str(path))
    assert result.returncode == 0  # a warning does not fail the pack
    assert result.stderr.splitlines() == [
        f"{path}: warning: speaker 'ines-varga' answers 4 of 6 attribution questions: "
        "answering that every time scores 67%"
    ]
    assert result.stdout.splitlines()[0] == f"{path}: valid: 11 questions in 1 sections (1 warning)"
    strict = validate(str(path), "--strict")
    assert errors_of(strict) == [
        f"{path}: speaker 'ines-varga' answers 4 of 6 attribution questions: answering that every time scores 67%"
    ]


def test_one_true_false_answer_for_most_questions_is_a_warning(tmp_path):
    path = write(tmp_path, VALID + truefalse("rose-2", True) + truefalse("rose-3", True))
    result = validate(str(path))
    assert result.returncode == 0
    assert result.stderr == (
        f"{path}: warning: 'true' answers 3 of 4 true/false questions: answering that every time scores 75%\n"
    )
    assert validate(str(path), "--strict").returncode == 2


def test_one_option_letter_for_most_choice_questions_is_a_warning(tmp_path):
    path = write(tmp_path, VALID.replace('options = ["12%", "8%", "20%"]', 'options = ["8%", "12%", "20%"]'))
    result = validate(str(path), "--format", "json")
    assert result.returncode == 0
    report = json.loads(result.stdout)
    assert report["valid"] is True and report["problems"] == []
    assert [w["message"] for w in report["warnings"]] == [
        "option 'b' answers 2 of 2 choice questions: answering that every time scores 100%"
    ]
    strict = json.loads(validate(str(path), "--format", "json", "--strict").stdout)
    assert strict["valid"] is False and strict["warnings"] == []


def test_an_uneven_split_that_cannot_be_avoided_is_no_warning(tmp_path):
    """Two of three true/false questions must share an answer: that is the most even spread."""
    pack = parse(rtoml.loads(VALID + truefalse("rose-2", True)), "calder.toml")
    assert answer_spread(pack, "calder.toml") == []


def test_the_spread_rule_holds_for_the_packs_we_ship(bundled_pack):
    assert answer_spread(bundled_pack, "questions.toml") == []
    assert answer_spread(load(FIXTURES / "ventamar.toml"), "ventamar.toml") == []


def test_a_roster_of_one_is_no_excuse_but_a_single_question_is_no_pattern():
    """More people can always be asked about: two questions both answered by the one person is a warning."""
    two = parse(rtoml.loads(VALID + attribution("again", "hire 300 crane drivers", "authority")), "c")
    assert [w.message for w in answer_spread(two, "c")] == []  # 2 of 4: not more than half
    text = HEAD + attribution("who-hire", "hire 300 crane drivers", "authority")
    assert answer_spread(parse(rtoml.loads(text), "c"), "c") == []  # one question: no pattern
    text += attribution("again", "hire 300 crane drivers", "authority")
    (warning,) = answer_spread(parse(rtoml.loads(text), "c"), "c")
    assert warning.warning and warning.message == (
        "speaker 'authority' answers 2 of 2 attribution questions: answering that every time scores 100%"
    )
