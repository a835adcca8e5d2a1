"""The headless quiz as a person types it at a terminal, and as a script pipes it."""

import os
import pty
import subprocess
import sys
import time

from conftest import SMALL_PACK


def test_an_unreadable_answer_is_asked_again_at_a_terminal(tmp_path):
    """Typed at a terminal, "fve" is no figure: the question is asked again, not marked."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "briefing", "quiz", "--headless", "--pack", str(SMALL_PACK)]
            + ["--section", "compute", "--limit", "1", "--seed", "1", "--no-save", "--format", "json"],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=tmp_path,
        )
        os.close(slave)
        slave = -1
        time.sleep(1.0)
        os.write(master, b"fve\n")
        time.sleep(0.5)
        os.write(master, b"\n")  # Enter alone: skipped
        out, err = proc.communicate(timeout=30)
    finally:
        if slave != -1:
            os.close(slave)
        os.close(master)
    assert "not a figure: try again" in err, err
    import json

    report = json.loads(out)
    (question,) = report["questions"]
    assert question["given"] == "" and question["skipped"]  # "fve" was never recorded


def test_from_a_pipe_an_unreadable_answer_is_marked_so_later_answers_keep_their_questions(tmp_path):
    import json

    piped = subprocess.run(
        [sys.executable, "-m", "briefing", "quiz", "--headless", "--pack", str(SMALL_PACK)]
        + ["--section", "compute", "--limit", "2", "--seed", "1", "--no-save", "--format", "json"],
        input="fve\nsecond line\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=30,
    )
    report = json.loads(piped.stdout)
    assert [q["given"] for q in report["questions"]] == ["fve", "second line"]
    assert "try again" not in piped.stderr


def test_a_reader_that_goes_away_does_not_fail_a_passed_quiz(tmp_path):
    """`briefing quiz --headless ... | head -1`: the exit code follows the score, the session is saved finished."""
    from briefing import pack as packs

    right = packs.load(SMALL_PACK).question(_first_question(tmp_path)).expected
    script = (
        f"(sleep 0.5; printf '%s\\n' '{right}') | {sys.executable} -m briefing quiz --headless "
        f"--pack {SMALL_PACK} --section compute --limit 1 --seed 2 --saves saves --profile ana | true; "
        "echo ${PIPESTATUS[1]}"
    )
    done = subprocess.run(["bash", "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert done.stdout.strip() == "0", done.stderr
    (saved,) = (tmp_path / "saves" / "ana").glob("*.toml")
    assert 'status = "finished"' in saved.read_text()


def _first_question(cwd) -> str:
    import json

    probe = subprocess.run(
        [sys.executable, "-m", "briefing", "quiz", "--headless", "--pack", str(SMALL_PACK)]
        + ["--section", "compute", "--limit", "1", "--seed", "2", "--no-save", "--format", "json"],
        input="",
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=30,
    )
    return json.loads(probe.stdout)["questions"][0]["id"]


def test_a_reader_that_goes_away_is_no_failure_of_other_commands(tmp_path):
    """`briefing schema | head -1` under pipefail: the reader had what it wanted; exit 0, nothing on stderr."""
    script = f"{sys.executable} -m briefing schema | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    for _ in range(3):  # the pipe closes at a different moment each time
        done = subprocess.run(
            ["bash", "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=60
        )
        assert done.stdout.strip() == "0" and done.stderr == "", (done.stdout, done.stderr)


def test_an_invalid_pack_exits_2_when_the_reader_of_its_errors_goes_away(tmp_path):
    """`briefing brief --pack bad.toml 2>&1 | head -1`: the reader of the error lines left
    after the first; the exit code still says the pack is invalid (2), never 1."""
    bad = tmp_path / "bad.toml"
    bad.write_text('[pack]\nid = "x"\n', encoding="utf-8")  # six problems: six lines
    command = [sys.executable, "-m", "briefing", "brief", "--pack", str(bad)]
    read, write = os.pipe()
    os.close(read)  # gone before the first line: every write fails
    try:
        done = subprocess.run(command, stdout=write, stderr=write, cwd=tmp_path, timeout=60)
    finally:
        os.close(write)
    assert done.returncode == 2
