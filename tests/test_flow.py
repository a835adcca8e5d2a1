"""The flow the README draws holds at run time: loading a pack does not grade, the engine knows no files."""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _loaded_after(code: str) -> set[str]:
    probe = (
        code + "\nimport sys\nprint(' '.join(sorted(m for m in sys.modules if m.startswith('briefing'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return set(out.stdout.split())


def test_loading_a_pack_checks_schema_and_references_without_grading():
    loaded = _loaded_after("from briefing import pack\npack.load()")
    assert "briefing.pack" in loaded
    assert not {"briefing.checks", "briefing.grading.grader", "briefing.grading.numbers"} & loaded


def test_the_engine_imports_no_store():
    loaded = _loaded_after("import briefing.engine")
    assert "briefing.store" not in loaded


def test_references_are_reported_with_schema_errors_in_one_run(tmp_path):
    """A wrong type, a duplicate id and a speaker nobody is: all three in one run, before any grading."""
    from briefing.pack import problems_of

    data = {
        "pack": {
            "id": "p",
            "title": "T",
            "version": "1",
            "pass_mark": 50,
            "source": {"title": "S", "publisher": "P", "date": "2026"},
        },
        "sections": [{"id": "s", "title": "S", "body": "Ana Lopes said the plant runs at 40%."}],
        "people": [{"id": "ana", "name": "Ana Lopes", "role": "CEO"}],
        "questions": [
            {
                "id": "q1",
                "kind": "figure",
                "prompt": "?",
                "section": "s",
                "explanation": "e",
                "value": "forty",
                "expected": "40%",
                "unit": "%",
                "measures": "load",
            },
            {
                "id": "q2",
                "kind": "truefalse",
                "prompt": "?",
                "section": "s",
                "explanation": "e",
                "answer": True,
                "evidence": "runs at 40%",
            },
            {
                "id": "q2",
                "kind": "truefalse",
                "prompt": "?",
                "section": "s",
                "explanation": "e",
                "answer": False,
                "evidence": "runs at 40%",
            },
            {
                "id": "q3",
                "kind": "attribution",
                "prompt": "?",
                "section": "s",
                "explanation": "e",
                "quote": "runs at 40%",
                "speaker": "nobody",
            },
        ],
    }
    _, problems = problems_of(data, "p.toml")
    lines = [str(p) for p in problems]
    assert "p.toml: question 'q1', field 'value': must be a number" in lines
    assert "p.toml: question 'q2', field 'id': used twice" in lines  # no text, so no lines to name
    assert "p.toml: question 'q3', field 'speaker': no person 'nobody' in [[people]]" in lines


def test_validate_reports_grounding_after_references(tmp_path):
    """validate adds what only grading can tell (an answer its section never states)."""
    from briefing.cli import main

    path = tmp_path / "p.toml"
    path.write_text(
        textwrap.dedent(
            """
            [pack]
            id = "p"
            title = "T"
            version = "1"
            pass_mark = 50
            [pack.source]
            title = "S"
            publisher = "P"
            date = "2026"
            [[sections]]
            id = "s"
            title = "S"
            body = "The plant runs at 40%."
            [[questions]]
            id = "load"
            kind = "figure"
            prompt = "At what share of capacity does the plant run?"
            section = "s"
            explanation = "e"
            value = 45
            unit = "%"
            expected = "45%"
            measures = "the plant's load"
            [[questions]]
            id = "gone"
            kind = "figure"
            prompt = "?"
            section = "nowhere"
            explanation = "e"
            value = 40
            unit = "%"
            expected = "40%"
            measures = "x"
            """
        )
    )
    import contextlib
    import io

    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = main(["validate", str(path)])
    lines = err.getvalue().splitlines()
    assert code == 2
    numbered = path.read_text().splitlines()
    section, value = numbered.index('section = "nowhere"') + 1, numbered.index("value = 45") + 1
    assert f"{path}:{section}: question 'gone', field 'section': no section 'nowhere'" in lines
    assert any(line.startswith(f"{path}:{value}: question 'load', field 'value': 45%") for line in lines), (
        lines
    )


def test_every_report_format_the_command_line_offers_renders(tmp_path):
    """defaults.REPORT_FORMATS is the one list: --format offers it, report renders each."""
    from briefing import pack as packs
    from briefing import report
    from briefing.defaults import REPORT_FORMATS
    from briefing.engine import Session

    pack = packs.load()
    session = Session.start(pack, profile="ana", seed=1, limit=2)
    session.answer("five")
    session.finish()
    built = report.build(session)
    rendered = {fmt: report.render(built, fmt) for fmt in REPORT_FORMATS}
    assert rendered["json"].lstrip().startswith("{")
    assert rendered["junit"].lstrip().startswith("<?xml")
    assert "Score" in rendered["text"]


def test_one_version_from_the_package_metadata(capsys):
    """`briefing --version` prints the version pyproject.toml gives, read from the installed package."""
    import tomllib
    from importlib.metadata import version

    import pytest

    from briefing.cli import main

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert version("briefing") == declared
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"briefing {declared}\n"
