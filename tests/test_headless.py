"""The headless quiz as a script runs it: a subprocess, its exit code, its report, its saves."""

import json
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small_pack.toml"

RIGHT = {
    "fivefold": "5x",
    "tenth": "a tenth",
    "rd-q1": "RMB 1.89bn",
    "rd-yoy": "-40.7%",
    "unop-qoq": "92",
    "rd-target": "2-2.5bn yuan",
    "who-tenth": "li",
    "which-growth": "b",
    "rd-up": "false",
    "platforms": "coconut, cedar and banyan",
}


def briefing(*argv, stdin=None, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=60,
    )


def answers_file(tmp_path, answers, name="answers.toml"):
    path = tmp_path / name
    lines = ["[answers]"] + [f"{k} = {json.dumps(v, ensure_ascii=False)}" for k, v in answers.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def quiz(tmp_path, *extra, answers=None, stdin=None):
    args = ["quiz", "--headless", "--pack", str(SMALL), "--saves", str(tmp_path / "saves"), *extra]
    if answers is not None:
        args += ["--answers", str(answers_file(tmp_path, answers))]
    return briefing(*args, stdin=stdin)


def test_all_right_passes_with_exit_0_and_a_json_report(tmp_path):
    result = quiz(tmp_path, "--format", "json", "--no-save", answers=RIGHT)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["score"] == report["max_score"] == 10
    assert report["percent"] == 100 and report["passed"] is True and report["pass_mark"] == 60
    assert report["pack"] == "small" and report["pack_version"] == "1" and report["profile"] == "default"
    by_id = {q["id"]: q for q in report["questions"]}
    assert by_id["rd-q1"]["value"] == 1890000000 and by_id["rd-q1"]["unit"] == "yuan"
    assert '"value": 1890000000,' in result.stdout and '"value": -40.7,' in result.stdout
    assert by_id["unop-qoq"]["value"] == 92 and by_id["unop-qoq"]["unit"] == "%"
    assert (by_id["rd-target"]["low"], by_id["rd-target"]["high"]) == (2000000000, 2500000000)
    assert by_id["who-tenth"]["speaker"] == "William Li"
    assert "speaker" not in by_id["rd-q1"] and "value" not in by_id["who-tenth"]
    for q in report["questions"]:
        assert set(q) >= {"id", "kind", "prompt", "given", "correct", "expected", "explanation"}
    assert report["started_at"] and report["finished_at"]
    assert not (tmp_path / "saves").exists()  # --no-save


def test_below_the_pass_mark_exits_1_and_unanswered_count_as_wrong(tmp_path):
    result = quiz(tmp_path, "--format", "json", answers={"unop-qoq": "40.7%", "rd-q1": "1.89 billion yuan"})
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["score"] == 1 and report["max_score"] == 10 and report["passed"] is False
    unop = next(q for q in report["questions"] if q["id"] == "unop-qoq")
    assert unop["correct"] is False and unop["given"] == "40.7%" and unop["expected"] == "92%"
    assert "year-over-year fall" in unop["trap"]
    unanswered = [q for q in report["questions"] if q["given"] == ""]
    assert len(unanswered) == 8 and not any(q["correct"] for q in unanswered)


def test_text_report_names_what_was_missed_and_why(tmp_path):
    result = quiz(tmp_path, "--no-save", answers={**RIGHT, "unop-qoq": "40.7%"})
    assert result.returncode == 0
    assert "Score 9/10 (90%)" in result.stdout and "PASS" in result.stdout
    assert "given: 40.7%" in result.stdout and "expected: 92%" in result.stdout
    assert "40.7% is the year-over-year fall in Q1 R&D expenses" in result.stdout


def test_answers_on_stdin_one_per_line_with_prompts_on_stderr(tmp_path):
    result = quiz(
        tmp_path, "--seed", "3", "--limit", "2", "--format", "json", "--no-save", stdin="5x\nnot sure\n"
    )
    report = json.loads(result.stdout)  # stdout is the report alone
    assert [q["given"] for q in report["questions"]] == ["5x", "not sure"]
    for q in report["questions"]:
        assert q["prompt"] in result.stderr  # each prompt shown before its answer is read
    assert result.stderr.index("[1/2]") < result.stderr.index("[2/2]")


def test_stdin_that_ends_early_counts_the_rest_as_unanswered(tmp_path):
    result = quiz(tmp_path, "--format", "json", "--no-save", stdin="92\n")
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert len(report["questions"]) == 10 and sum(q["given"] != "" for q in report["questions"]) == 1


def test_same_seed_same_order_and_limit(tmp_path):
    orders = []
    for seed in ("7", "7", "8"):
        r = quiz(tmp_path, "--seed", seed, "--format", "json", "--no-save", answers={})
        orders.append([q["id"] for q in json.loads(r.stdout)["questions"]])
    assert orders[0] == orders[1] and orders[0] != orders[2]
    assert sorted(orders[0]) == sorted(RIGHT)
    limited = json.loads(
        quiz(tmp_path, "--seed", "7", "--limit", "4", "--format", "json", "--no-save", answers={}).stdout
    )
    assert [q["id"] for q in limited["questions"]] == orders[0][:4]
    assert limited["max_score"] == 4


def test_junit_has_one_testcase_per_question(tmp_path):
    result = quiz(tmp_path, "--format", "junit", "--no-save", answers={**RIGHT, "rd-q1": "2 billion"})
    root = ET.fromstring(result.stdout)
    cases = root.findall(".//testcase")
    assert len(cases) == 10
    failed = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failed == ["rd-q1"]
    assert root.find("testsuite").get("failures") == "1"


def test_output_through_a_symlink_replaces_the_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "reports" / "latest.json"
    target.parent.mkdir()
    target.write_text("old")
    link = tmp_path / "report.json"
    link.symlink_to(target)
    result = quiz(tmp_path, "--format", "json", "--output", str(link), "--no-save", answers=RIGHT)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and json.loads(target.read_text())["passed"] is True


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="no named pipes here")
def test_output_into_a_named_pipe_is_written_into_not_replaced(tmp_path):
    import os
    import stat
    import threading

    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    result = quiz(tmp_path, "--format", "json", "--output", str(fifo), "--no-save", answers=RIGHT)
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still a pipe, not a file put in its place
    assert json.loads(got[0])["passed"] is True


def test_output_file_and_saved_session(tmp_path):
    out = tmp_path / "report.json"
    result = quiz(tmp_path, "--format", "json", "--output", str(out), "--profile", "ana", answers=RIGHT)
    assert result.returncode == 0 and result.stdout == ""
    assert json.loads(out.read_text())["profile"] == "ana"
    saves = list((tmp_path / "saves" / "ana").glob("*.toml"))
    assert len(saves) == 1
    saved = tomllib.loads(saves[0].read_text())
    assert saved["schema_version"] == 1 and saved["pack_id"] == "small" and saved["status"] == "finished"
    assert {a["id"]: a["given"] for a in saved["answers"]} == RIGHT
    stats = briefing(
        "stats",
        "--profile",
        "ana",
        "--saves",
        str(tmp_path / "saves"),
        "--pack",
        str(SMALL),
        "--format",
        "json",
    )
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["sessions"] == 1


def test_a_list_question_may_be_answered_with_an_array(tmp_path):
    path = tmp_path / "answers.toml"
    lines = ["[answers]"] + [f"{k} = {json.dumps(v)}" for k, v in RIGHT.items() if k != "platforms"]
    path.write_text("\n".join(lines) + '\nplatforms = ["Banyan", "Coconut", "Cedar"]\n')
    result = briefing(
        "quiz", "--headless", "--pack", str(SMALL), "--answers", str(path), "--no-save", "--format", "json"
    )
    assert result.returncode == 0, result.stderr
    graded = {q["id"]: q for q in json.loads(result.stdout)["questions"]}
    assert graded["platforms"]["correct"] and graded["platforms"]["given"] == "Banyan, Coconut, Cedar"


@pytest.mark.parametrize(
    "content, fragment",
    [
        ('[answers]\nnope = "x"\n', "question 'nope': no such question"),
        ("this is not toml = = \n", "is not valid TOML"),
        ("[answers]\nrd-q1 = [1, 2]\n", "question 'rd-q1', field 'answer': must be a string"),
        ("[answers]\nrd-q1 = { a = 1 }\n", "question 'rd-q1', field 'answer': must be a string"),
        ("answers = 3\n", "field 'answers': must be a table"),
        (
            '[answers]\nrd-q1 = "x"\n[ratings]\nrd-q1 = "easy"\n',
            "field 'ratings': ratings rate a review's answers: use it with briefing review --headless",
        ),
        ('[answers]\nrd-q1 = "x"\n[extra]\n', "field 'extra': unknown field"),
        ("", "is empty"),
    ],
)
def test_bad_answers_file_is_one_line_and_exit_2(tmp_path, content, fragment):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    result = briefing("quiz", "--headless", "--pack", str(SMALL), "--answers", str(path), "--no-save")
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and str(path) in lines[0], result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "argv, fragment",
    [
        (["--profile", "../x"], "profile"),
        (["--limit", "0"], "--limit"),
        (["--seed", "abc"], "--seed"),
        (["--format", "yaml"], "--format"),
        (["--pack", "/nonexistent/pack.toml"], "/nonexistent/pack.toml: no such file"),
        (["--answers", "/nonexistent/a.toml"], "/nonexistent/a.toml: no such file"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(tmp_path, argv, fragment):
    result = briefing("quiz", "--headless", "--saves", str(tmp_path), *argv, stdin="")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0], result.stderr


def test_unwritable_saves_folder_fails_before_any_question(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = quiz(tmp_path, "--saves", str(blocker / "saves"), stdin="92\n")
    assert result.returncode == 2
    assert "[1/" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_escape_sequences_in_answers_are_not_sent_to_the_terminal(tmp_path):
    result = quiz(tmp_path, "--no-save", answers={"rd-q1": "\x1b[2J\x1b[31mred"})
    assert "\x1b" not in result.stdout and "\\x1b[2J" in result.stdout


def test_bundled_pack_all_expected_answers_pass(tmp_path):
    sys.path.insert(0, str(ROOT))
    from briefing import pack as packs

    pack = packs.load()
    answers = {q.id: packs.expected_text(q, pack) for q in pack.questions}
    result = briefing(
        "quiz",
        "--headless",
        "--answers",
        str(answers_file(tmp_path, answers)),
        "--format",
        "json",
        "--no-save",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["score"] == report["max_score"] == len(pack.questions) >= 40


def test_installed_command_works_from_any_directory(tmp_path):
    exe = Path(sys.executable).parent / "briefing"
    if not exe.exists():
        pytest.skip("briefing is not installed in this environment")
    result = subprocess.run([str(exe), "brief"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0 and "Nio" in result.stdout


def test_version_and_help_on_every_command():
    assert briefing("--version").stdout.startswith("briefing ")
    for cmd in ([], ["quiz"], ["validate"], ["brief"], ["stats"]):
        r = briefing(*cmd, "--help")
        assert r.returncode == 0 and "usage:" in r.stdout


def test_the_ui_without_a_terminal_says_to_use_headless(tmp_path):
    for argv in ([], ["quiz"]):
        result = briefing(*argv, "--saves", str(tmp_path), stdin="")
        assert result.returncode == 2
        assert (
            result.stderr.strip()
            == "briefing: the UI needs a terminal; in a script use 'briefing quiz --headless'"
        )


def test_ctrl_c_on_stdin_keeps_the_answers_given_and_the_session_resumes(tmp_path):
    """Typed answers are saved one by one: an interrupted quiz is resumable, not lost."""
    import signal

    from briefing import store
    from briefing.engine import Session
    from briefing.pack import load

    saves = tmp_path / "saves"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "briefing",
            "quiz",
            "--headless",
            "--pack",
            str(SMALL),
            "--saves",
            str(saves),
            "--profile",
            "ana",
            "--seed",
            "3",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    proc.stdin.write("first answer\n")
    proc.stdin.flush()
    seen = ""
    while "[2/" not in seen:  # the second prompt: the first answer has been saved
        char = proc.stderr.read(1)
        assert char, seen
        seen += char
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and out == "" and "Traceback" not in err
    assert err.strip().splitlines()[-1] == (
        f"briefing: interrupted; 1 answered and saved: 'briefing quiz --headless --resume --profile ana "
        f"--saves {saves}' (or the UI) resumes it"
    )
    pack = load(SMALL)
    (record,) = store.in_progress(saves, "ana", pack.pack.id)
    assert [a.given for a in record.answers] == ["first answer"]
    session, _ = Session.resume_newest(pack, [record])
    assert session.position == 1 and session.current.id == record.order[1]

    # a new headless run says the unfinished one is kept; --resume goes on with it where it stopped
    fresh = quiz(tmp_path, "--profile", "ana", "--limit", "1", stdin="")
    assert (
        "briefing: an unfinished quiz of 'ana' (1 of 10 answered) is kept; --resume goes on with it"
        in fresh.stderr
    )
    resumed = quiz(
        tmp_path,
        "--profile",
        "ana",
        "--resume",
        "--format",
        "json",
        stdin="".join(RIGHT[qid] + "\n" for qid in record.order[1:]),
    )
    assert f"briefing: resuming at question 2 of {len(record.order)}" in resumed.stderr
    assert f"[2/{len(record.order)}]" in resumed.stderr and "[1/" not in resumed.stderr
    report = json.loads(resumed.stdout)
    assert [q["id"] for q in report["questions"]] == record.order  # its own order
    assert report["questions"][0]["given"] == "first answer" and report["score"] == len(record.order) - 1
    assert store.in_progress(saves, "ana", pack.pack.id) == []  # finished now


@pytest.mark.parametrize(
    "extra, message",
    [
        ([], "briefing: no unfinished quiz of profile 'ana' on small to resume in "),
        (["--no-save"], "briefing quiz: --resume is for answers typed on standard input, with saving on"),
    ],
)
def test_resume_with_nothing_to_resume_or_no_saves_is_one_line_and_exit_2(tmp_path, extra, message):
    result = quiz(tmp_path, "--profile", "ana", "--resume", *extra, stdin="")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().startswith(message) and len(result.stderr.strip().splitlines()) == 1


def test_ctrl_c_before_any_answer_saves_nothing(tmp_path):
    import signal

    saves = tmp_path / "saves"
    proc = subprocess.Popen(
        [sys.executable, "-m", "briefing", "quiz", "--headless", "--pack", str(SMALL), "--saves", str(saves)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    seen = ""
    while "> " not in seen:
        char = proc.stderr.read(1)
        assert char, seen
        seen += char
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and err.strip().splitlines()[-1] == "briefing: interrupted"
    assert list(saves.rglob("*.toml")) == []


def test_the_readme_pipe_example_passes_as_it_says(tmp_path):
    import re
    import shlex

    readme = (ROOT / "README.md").read_text()
    line = next(ln for ln in readme.splitlines() if ln.startswith("printf ") and "quiz --headless" in ln)
    printed, command = line.split("#")[0].split(" | ")
    answers = shlex.split(printed)[1].encode().decode("unicode_escape")
    result = briefing(*shlex.split(command)[1:], "--no-save", stdin=answers, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"Score 2/2 \(100%\).*PASS", result.stdout)
