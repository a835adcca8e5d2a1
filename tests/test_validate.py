"""`briefing validate`: every problem on its own line, naming file, question and field."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small_pack.toml"


def validate(*argv):
    return subprocess.run(
        [sys.executable, "-m", "briefing", "validate", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )


def broken(tmp_path, old, new, count=1):
    text = SMALL.read_text()
    assert old in text, old
    path = tmp_path / "questions.toml"
    path.write_text(text.replace(old, new, count))
    return path


def line_of(text, fragment):
    """The 1-based line of the first occurrence of `fragment` in `text`."""
    assert fragment in text, fragment
    return text[: text.index(fragment)].count("\n") + 1


def problems_of(result):
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr.splitlines()  # one line per problem and nothing else


def test_bundled_pack_is_valid_against_its_source(source_article):
    result = validate("questions.toml", "--source", str(source_article))
    assert result.returncode == 0, result.stderr
    assert "valid" in result.stdout


def test_small_pack_is_valid():
    result = validate(str(SMALL))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "old, new, expected, at",
    [
        ("value = -40.7", 'value = "a lot"', "question 'rd-yoy', field 'value': must be a number", None),
        (
            'id = "tenth"',
            'id = "fivefold"',
            "question 'fivefold', field 'id': used twice, also at line 43",
            'id = "fivefold"\nkind = "figure"\nprompt = "Last',
        ),
        (
            'section = "compute"\nexplanation = "William',
            'section = "nowhere"\nexplanation = "William',
            "question 'who-tenth', field 'section': no section 'nowhere'",
            None,
        ),
        (
            'speaker = "william-li"',
            'speaker = "nobody"',
            "question 'who-tenth', field 'speaker': no person 'nobody'",
            None,
        ),
        (
            'answer = "92%"',
            'answer = "93%"',
            "question 'which-growth', field 'answer': must be one of the options",
            None,
        ),
        (
            'options = ["40.7%", "92%", "7%"]',
            'options = ["40.7%", "92%", "92%"]',
            "question 'which-growth', field 'options': duplicate option",
            None,
        ),
        (
            'prompt = "Which three platforms shipped together?"',
            'prompt = "   "',
            "question 'platforms', field 'prompt': must not be empty",
            None,
        ),
        (
            'prompt = "Which three platforms shipped together?"',
            'prompt = "Which \\u001b[31mthree?"',
            "question 'platforms', field 'prompt': contains a control character",
            None,
        ),
        (
            "value = 92\n",
            "value = 93\n",
            "question 'unop-qoq', field 'value': 93 % does not match expected '92%'",
            None,
        ),
        (
            'items = ["Cedar", "Banyan", "Coconut"]',
            'items = ["Cedar", "Banyan", "Walnut"]',
            "question 'platforms', field 'items': 'Walnut' is not named",
            None,
        ),
        (
            'evidence = "down 40.7% year over year"',
            'evidence = "up 40.7% year over year"',
            "question 'rd-up', field 'evidence': not found in section 'budget'",
            None,
        ),
        (
            'value = 92\nunit = "%"\nexpected = "92%"',
            'value = 93\nunit = "%"\nexpected = "93%"',
            "question 'unop-qoq', field 'value': 93% is not stated in section 'budget' in any written form",
            None,
        ),
        ('kind = "list"', 'kind = "essay"', "question 'platforms', field 'kind': must be one of", None),
        (
            'unit = "x"',
            'unit = "x"\ncolour = "red"',
            "question 'fivefold', field 'colour': unknown field",
            'colour = "red"',
        ),
        (
            'expected = "fivefold"',
            'expected = "sixfold"',
            "question 'fivefold', field 'value': 5 x does not match expected 'sixfold'",
            "value = 5\n",
        ),
        (
            'expected = "fivefold"',
            'expected = "lots"',
            "question 'fivefold', field 'value': 5 x does not match expected 'lots'",
            "value = 5\n",
        ),
        # "furlongs" would be a count noun (what a count counts); a mistyped unit is an error
        (
            'unit = "x"',
            'unit = "kmh"',
            "question 'fivefold', field 'unit': unknown unit 'kmh'; did you mean 'km'?",
            None,
        ),
        (
            "pass_mark = 60",
            'pass_mark = 60\nkey_figures = "nope"',
            "field 'pack.key_figures': no section 'nope'",
            'key_figures = "nope"',
        ),
        ("pass_mark = 60", 'pass_mark = "60"', "field 'pack.pass_mark': must be a number", None),
        ("value = 5\n", 'value = "5"\n', "question 'fivefold', field 'value': must be a number", None),
        ("answer = false", 'answer = "no"', "question 'rd-up', field 'answer': must be true or false", None),
        ("answer = false", "answer = 0", "question 'rd-up', field 'answer': must be true or false", None),
        ("pass_mark = 60", "pass_mark = 160", "field 'pack.pass_mark': must be at most 100", None),
    ],
)
def test_each_problem_is_one_line_naming_file_line_question_and_field(tmp_path, old, new, expected, at):
    """`file:line: question 'id', field 'name': message`, the line of the field (`at`: of the text `new`)."""
    path = broken(tmp_path, old, new)
    lines = problems_of(validate(str(path)))
    line = line_of(path.read_text(), at or new.split("\n")[0])
    assert any(ln.startswith(f"{path}:{line}: ") and expected in ln for ln in lines), (line, lines)


@pytest.mark.parametrize("char", ["\\u0000", "\\u0007", "\\u001b", "\\u007f", "\\u0085", "\\u009b"])
@pytest.mark.parametrize(
    "old, new, where",
    [
        ('aliases = ["Li"]', 'aliases = ["L{c}i"]', "person 'william-li', field 'aliases.0'"),
        ('name = "William Li"', 'name = "William{c} Li"', "person 'william-li', field 'name'"),
        (
            'prompt = "Which three platforms shipped together?"',
            'prompt = "Which{c} three?"',
            "question 'platforms', field 'prompt'",
        ),
    ],
)
def test_control_characters_anywhere_are_refused(old, new, where, char):
    """C0 and C1 controls (escape, bell, CSI, NEL, DEL) never reach a terminal from a pack."""
    import tomllib

    from briefing.pack import problems_of

    data = tomllib.loads(SMALL.read_text().replace(old, new.format(c=char), 1))
    _, problems = problems_of(data, "p.toml")
    assert f"p.toml: {where}: contains a control character" in [str(p) for p in problems]


def test_tabs_and_newlines_in_text_are_allowed():
    import tomllib

    from briefing.pack import problems_of

    text = SMALL.read_text().replace(
        'prompt = "Which three platforms shipped together?"',
        'prompt = "Which three\\tplatforms\\nshipped together?"',
        1,
    )
    pack, problems = problems_of(tomllib.loads(text), "p.toml")
    assert problems == []
    assert pack.question("platforms").prompt == "Which three\tplatforms\nshipped together?"


def test_every_problem_is_reported_not_just_the_first(tmp_path):
    text = (
        SMALL.read_text().replace("value = -40.7", 'value = "x"').replace('answer = "92%"', 'answer = "1%"')
    )
    path = tmp_path / "two.toml"
    path.write_text(text)
    lines = problems_of(validate(str(path)))
    assert len(lines) == 2
    assert any("'rd-yoy'" in ln for ln in lines) and any("'which-growth'" in ln for ln in lines)


def test_schema_and_check_problems_are_reported_in_one_run(tmp_path):
    text = (
        SMALL.read_text()
        .replace("value = -40.7", 'value = "x"')
        .replace('speaker = "william-li"', 'speaker = "nobody"')
    )
    path = tmp_path / "mixed.toml"
    path.write_text(text)
    lines = problems_of(validate(str(path)))
    value, speaker = line_of(text, 'value = "x"'), line_of(text, 'speaker = "nobody"')
    assert lines == [
        f"{path}:{value}: question 'rd-yoy', field 'value': must be a number",
        f"{path}:{speaker}: question 'who-tenth', field 'speaker': no person 'nobody' in [[people]]",
    ]


def test_quotes_are_checked_against_the_source(tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("He said \u201cthis was about a tenth of rivals\u201d on Thursday.\n")
    text = SMALL.read_text().replace("paraphrase = true\n", "")
    text = text.replace("about a tenth of\nwhat rivals spent", "\u201cabout a tenth of rivals\u201d")
    path = tmp_path / "questions.toml"
    path.write_text(text)

    # The figures and names the source must also hold are briefing.sources' other checks
    # (tests/test_sources.py); here, only the quotes.
    def about_quotes(lines):
        return [line for line in lines if "field 'quote'" in line or "quote not in the source" in line]

    assert about_quotes(problems_of(validate(str(path), "--source", str(source)))) == []
    source.write_text("He said nothing of the kind.\n")
    lines = about_quotes(problems_of(validate(str(path), "--source", str(source))))
    body, quote = line_of(text, "body = "), line_of(text, 'quote = "about')
    assert lines == [
        f"{path}:{body}: section 'compute', field 'body': quote not in the source: \"about a tenth of rivals...\"",
        f"{path}:{quote}: question 'who-tenth', field 'quote': not found verbatim in the source",
    ]


@pytest.mark.parametrize(
    "content, fragment",
    [
        (None, "no such file"),
        (b"", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR", "binary"),
        (b'[pack]\nid = "small"\ntitle = "cut off', "is not valid TOML"),
        (b"\xff\xfe[pack]", "not UTF-8"),
    ],
)
def test_unusable_files_get_one_line(tmp_path, content, fragment):
    path = tmp_path / "pack.toml"
    if content is not None:
        path.write_bytes(content)
    lines = problems_of(validate(str(path)))
    assert len(lines) == 1 and lines[0].startswith(str(path)) and fragment in lines[0], lines


@pytest.mark.parametrize(
    "content, fragment",
    [
        (None, "no such file"),
        ("folder", "is a folder"),
        (b"", "is empty"),
        (b"  \n\t\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is not text"),
        (b"caf\xe9 au lait", "not UTF-8"),
        ("big", "is larger than 10 MB"),
    ],
)
def test_an_unusable_source_gets_one_line(tmp_path, content, fragment):
    source = tmp_path / "article.txt"
    if content == "folder":
        source.mkdir()
    elif content == "big":
        with open(source, "wb") as f:
            f.truncate(11 * 2**20)
    elif content is not None:
        source.write_bytes(content)
    result = validate(str(SMALL), "--source", str(source))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{source}: ") and fragment in lines[0], lines


def test_a_50_mb_file_is_refused_quickly(tmp_path):
    path = tmp_path / "huge.toml"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    lines = problems_of(validate(str(path)))  # refused by its size, never read whole
    assert lines == [f"{path}: is 52.4 MB; a pack may be at most 5 MB"]


def test_json_format_lists_problems(tmp_path):
    path = broken(tmp_path, "value = -40.7", 'value = "x"')
    result = validate(str(path), "--format", "json")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert data["valid"] is False
    assert data["questions"] == SMALL.read_text().count("[[questions]]")  # as written, the bad one too
    assert data["problems"] == [
        {
            "file": str(path),
            "line": line_of(path.read_text(), 'value = "x"'),
            "where": "question 'rd-yoy'",
            "field": "value",
            "message": "must be a number",
        }
    ]
    assert data["warnings"] == []


def test_validate_names_a_folder_as_a_folder_and_says_nothing_else(tmp_path):
    """`briefing validate DIR`: one line saying to name a pack file; no note on stdout
    suggesting it was checked."""
    (tmp_path / "packs").mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "briefing", "validate", "packs"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "packs: is a folder: name a pack file in it (briefing packs packs lists them)\n"
