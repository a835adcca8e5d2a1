"""The headless commands never import Textual or Rich: start-up is what a script waits for."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys, runpy
sys.argv = ["briefing", *{argv!r}]
try:
    runpy.run_module("briefing", run_name="__main__")
except SystemExit:
    pass
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", "briefing"))
sys.__stderr__.write("MODULES " + " ".join(loaded) + "\\n")
"""


def modules_loaded(argv, tmp_path, stdin=""):
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(argv=argv)],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    line = [ln for ln in result.stderr.splitlines() if ln.startswith("MODULES ")]
    assert line, result.stderr
    return set(line[-1].split()[1:]), result


@pytest.mark.parametrize(
    "argv",
    [
        ["quiz", "--headless", "--no-save", "--format", "json", "--seed", "1"],
        ["quiz", "--headless", "--format", "junit", "--seed", "1", "--limit", "3"],
        ["validate"],
        ["brief"],
        ["stats"],
        ["stats", "--format", "json"],
        ["stats", "--all-profiles"],
        ["due"],
        ["export"],
        ["review", "--headless", "--no-save"],
        ["--version"],
        ["quiz", "--headless", "--pack", "missing.toml"],
    ],
)
def test_headless_commands_never_import_textual_or_rich(argv, tmp_path):
    modules, result = modules_loaded(argv, tmp_path, stdin="92\n")
    assert "briefing" in modules, result.stderr  # the probe really ran the CLI
    assert not {m for m in modules if m.startswith(("textual", "rich"))}, sorted(modules)
    assert "briefing.tui" not in modules


def test_headless_report_does_not_need_the_tui_package(tmp_path):
    """The package root and the core import no front end."""
    code = (
        "import sys, briefing, briefing.pack, briefing.engine, briefing.store, briefing.report, "
        "briefing.headless, briefing.grading.grader\n"
        "print(sorted(m for m in sys.modules if m.startswith(('textual', 'rich', 'briefing.tui'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert json.loads(out.stdout.replace("'", '"')) == []
