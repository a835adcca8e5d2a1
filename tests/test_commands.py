"""`briefing brief` and `briefing stats` as a person runs them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small_pack.toml"


def run(*argv, cwd=ROOT):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *argv], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def test_brief_prints_every_section_as_plain_text():
    sys.path.insert(0, str(ROOT))
    from briefing import pack as packs

    pack = packs.load()
    out = run("brief").stdout
    assert out.startswith(pack.pack.title)
    for section in pack.sections:
        assert section.title in out
    assert "1.89 billion yuan" in out and "\x1b" not in out


@pytest.mark.parametrize("columns", ["50", "80", "200"])
def test_brief_reads_as_plain_text_at_the_terminal_width(columns):
    """Paragraphs wrap to the terminal (at most 100 columns), the key figures line up, no Markdown shows."""
    import os

    env = dict(os.environ, COLUMNS=columns)
    out = subprocess.run(
        [sys.executable, "-m", "briefing", "brief"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    ).stdout
    width = min(int(columns), 100)
    assert "|" not in out and "**" not in out
    table = out[out.index("\nKey figures\n") :].splitlines()[3:]
    if width < 80:  # too narrow for the columns: each figure with its scope below it
        assert all(len(line) <= width for line in out.splitlines()), max(out.splitlines(), key=len)
        at = table.index("1.89 billion yuan")
        assert table[at + 1] == "  Scope: Q1 R&D expenses"
        return
    prose = out[: out.index("\nKey figures\n")].splitlines()
    assert all(len(line) <= width for line in prose), max(prose, key=len)
    # the table: a rule under the header, every row's second column starting where the header's does
    header, rule, rows = table[0], table[1], table[2:]
    col = header.index("Scope")
    assert set(rule.replace(" ", "")) == {"-"}
    assert any(r.startswith("1.89 billion yuan ") and r[col:].startswith("Q1 R&D expenses") for r in rows)
    assert all(r[col - 2 : col] == "  " and r[col] != " " for r in rows)


def test_brief_of_an_invalid_pack_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(SMALL.read_text().replace("value = -40.7", 'value = "x"'))
    result = run("brief", "--pack", str(bad))
    assert result.returncode == 2 and result.stdout == ""
    line = SMALL.read_text().splitlines().index("value = -40.7") + 1
    assert result.stderr.strip() == f"{bad}:{line}: question 'rd-yoy', field 'value': must be a number"


def test_stats_after_sessions_text_and_json(tmp_path):
    saves = tmp_path / "saves"
    answers = tmp_path / "a.toml"
    answers.write_text('[answers]\nfivefold = "5x"\nunop-qoq = "40.7%"\n')
    for _ in range(2):
        r = run("quiz", "--headless", "--pack", str(SMALL), "--saves", str(saves), "--answers", str(answers))
        assert r.returncode == 1
    data = json.loads(run("stats", "--saves", str(saves), "--pack", str(SMALL), "--format", "json").stdout)
    assert data["sessions"] == 2 and data["best_percent"] == data["last_percent"] == 10.0
    acc = {q["id"]: q["accuracy"] for q in data["per_question"]}
    assert acc["fivefold"] == 100.0 and acc["unop-qoq"] == 0.0
    text = run("stats", "--saves", str(saves), "--pack", str(SMALL)).stdout
    assert "2" in text and "Budget" in text and "weakest" in text.lower()
    # the bundled pack's stats do not count the small pack's sessions
    assert json.loads(run("stats", "--saves", str(saves), "--format", "json").stdout)["sessions"] == 0


def test_stats_sets_aside_a_corrupt_save_and_says_so(tmp_path):
    folder = tmp_path / "saves" / "default"
    folder.mkdir(parents=True)
    (folder / "20260101T000000Z-00000000.toml").write_text("score = [")
    result = run("stats", "--saves", str(tmp_path / "saves"))
    assert result.returncode == 0
    assert len(result.stderr.strip().splitlines()) == 1 and "20260101T000000Z-00000000.toml" in result.stderr
    assert (folder / "20260101T000000Z-00000000.toml.corrupt").exists()


def test_stats_on_a_saves_folder_that_cannot_be_a_folder_is_an_error(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the saves should be")
    result = run("stats", "--saves", str(blocker / "saves"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [f"{blocker / 'saves' / 'default'}: is not a folder"]


def test_a_command_leaves_garbage_collection_as_it_found_it(capsys):
    """main() turns the collector off while a command runs, and back on after."""
    import gc

    from briefing.cli import main

    assert gc.isenabled()
    assert main(["brief"]) == 0
    assert gc.isenabled()
    gc.disable()
    try:
        assert main(["brief"]) == 0
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("argv, code", [(["validate"], 0), (["validate", "missing.toml"], 2)])
def test_the_command_exits_with_mains_code_and_no_last_collector_pass(argv, code):
    """`python -m briefing` (and the console script) keep the collector off to the end and
    freeze what is alive, so exit does not sweep the whole pack; the exit code is main()'s."""
    probe = (
        "import atexit, gc, os, sys\n"
        "atexit.register(lambda: os.write(2, f'frozen={gc.get_freeze_count() > 0} on={gc.isenabled()}'.encode()))\n"
        f"sys.argv = ['briefing', *{argv!r}]\n"
        "import runpy; runpy.run_module('briefing', run_name='__main__')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert result.returncode == code
    assert result.stderr.endswith("frozen=True on=False")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "argv",
    [
        ["brief"],
        ["validate"],
        ["stats"],
        ["quiz", "--headless", "--no-save", "--format", "json", "--limit", "2"],
    ],
)
def test_a_full_disk_under_stdout_is_one_line_and_exit_2(argv, tmp_path):
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "briefing", *argv],
            stdout=full,
            stderr=subprocess.PIPE,
            input="",
            text=True,
            cwd=tmp_path,
            timeout=60,
        )
    assert result.returncode == 2  # not 1: that would read as a failed quiz
    assert result.stderr.splitlines()[-1] == "briefing: cannot write the output: No space left on device"
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr


def test_stats_on_a_saves_folder_that_does_not_exist_says_so(tmp_path):
    result = run("stats", "--saves", str(tmp_path / "nowhere"))
    assert result.returncode == 0
    assert result.stderr.strip() == f"briefing: no saves folder {str(tmp_path / 'nowhere')!r} yet"
    assert "No finished sessions" in result.stdout
