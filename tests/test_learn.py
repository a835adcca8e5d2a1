"""Review schedules, progress, the team view and exports: all rebuilt from the saves.

The schedule is checked against fsrs itself: the same answers at the same times,
fed to fsrs's default scheduler with fuzzing off, give exactly the due dates
`briefing due` prints.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fsrs import Card, Rating, Scheduler

from briefing import pack as packs
from briefing import store
from briefing.engine import Session
from briefing.learn import index, schedule

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small_pack.toml"
T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
RIGHT = {"fivefold": "fivefold", "tenth": "a tenth", "rd-q1": "1.89 billion yuan", "unop-qoq": "92%"}


def run(*argv, cwd=ROOT, stdin=None, env=None):
    return subprocess.run(
        [sys.executable, "-m", "briefing", *argv],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
        input=stdin,
        env={**os.environ, **(env or {})},
    )


def quiz(saves, profile, at, answers, only=None, peek=(), rate=None):
    """A finished session on the small pack, each answer a minute apart from `at`."""
    pack = packs.load(SMALL)
    session = Session.start(
        pack,
        profile=profile,
        seed=1,
        ordered=only or list(answers),
        scope="review" if only else "limited",
        now=at,
    )
    for n, question in enumerate(session.questions):
        if question.id in peek:
            session.peek()
        session.answer(answers.get(question.id, ""), at + timedelta(minutes=n))
        if rate and question.id in rate:
            session.rate(rate[question.id])
    session.finish(at + timedelta(minutes=len(session.questions)))
    store.save(session.record, saves)
    return session


def test_rating_follows_the_verdict_or_the_learners_own():
    a = index.Answer("q", correct=True, skipped=False, peeked=False, at=0, rating=None)
    assert schedule.rating_of(a) == Rating.Good
    assert schedule.rating_of(a._replace(peeked=True)) == Rating.Hard
    assert schedule.rating_of(a._replace(correct=False)) == Rating.Again
    assert schedule.rating_of(a._replace(correct=False, skipped=True)) == Rating.Again
    assert schedule.rating_of(a._replace(correct=False, rating=4)) == Rating.Easy


def test_due_dates_are_exactly_what_fsrs_computes_from_the_same_answers(tmp_path):
    saves = tmp_path / "saves"
    # Three sessions over two weeks: right, wrong, right after a peek, a rated answer.
    quiz(saves, "ana", T0, {"fivefold": "fivefold", "tenth": "a fifth", "unop-qoq": "92%"})
    quiz(
        saves,
        "ana",
        T0 + timedelta(days=2),
        {"fivefold": "fivefold", "tenth": "a tenth", "unop-qoq": "40%"},
        peek={"tenth"},
    )
    quiz(
        saves,
        "ana",
        T0 + timedelta(days=9),
        {"fivefold": "twice", "tenth": "a tenth", "unop-qoq": "92%"},
        rate={"unop-qoq": 4},
    )
    now = "2026-02-01T00:00:00+00:00"
    out = run(
        "due",
        "--pack",
        str(SMALL),
        "--saves",
        str(saves),
        "--profile",
        "ana",
        "--format",
        "json",
        "--now",
        now,
    )
    assert out.returncode == 0, out.stderr
    got = {q["id"]: q for q in json.loads(out.stdout)["questions"]}

    fsrs = Scheduler(enable_fuzzing=False)
    ratings = {
        "fivefold": [Rating.Good, Rating.Good, Rating.Again],
        "tenth": [Rating.Again, Rating.Hard, Rating.Good],
        "unop-qoq": [Rating.Good, Rating.Again, Rating.Easy],
    }
    for qid, rs in ratings.items():
        card = Card(card_id=1)
        for day, rating in zip((0, 2, 9), rs, strict=True):
            minute = ["fivefold", "tenth", "unop-qoq"].index(qid)
            when = (T0 + timedelta(days=day, minutes=minute)).astimezone(UTC)
            card, _ = fsrs.review_card(card, rating, review_datetime=when)
        assert got[qid]["due"] == card.due.isoformat(), qid
        assert got[qid]["stability"] == card.stability and got[qid]["difficulty"] == card.difficulty
        assert got[qid]["last_review"] == card.last_review.isoformat()
        assert got[qid]["reviews"] == 3
    assert got["rd-q1"]["state"] == "new" and got["rd-q1"]["reviews"] == 0
    assert datetime.fromisoformat(got["rd-q1"]["due"]) == datetime.fromisoformat(now)


def test_the_schedule_is_rebuilt_from_the_saves_and_the_cache_never_wins(tmp_path):
    saves = tmp_path / "saves"
    quiz(saves, "ana", T0, {"fivefold": "fivefold", "tenth": "a fifth"})
    pack = packs.load(SMALL)
    folder = saves / "ana"
    now = T0 + timedelta(days=30)

    def cards():
        return {c.id: c for c in schedule.build(index.load(saves, "ana").sessions, pack, now, folder)}

    first = cards()
    cache = folder / ".schedule-small.json"
    assert cache.exists() and (folder / ".index.json").exists()
    # A cache that lies (another card for the same answers' count) is not trusted: its digest differs.
    data = json.loads(cache.read_text())
    data["cards"]["fivefold"][1] = "0" * 32
    data["cards"]["fivefold"][2]["due"] = "2099-01-01T00:00:00+00:00"
    cache.write_text(json.dumps(data))
    assert cards()["fivefold"].due == first["fivefold"].due
    # Deleting both caches loses nothing.
    cache.unlink()
    (folder / ".index.json").unlink()
    assert cards() == first
    # A new session's answers are replayed onto the cached cards: the same as from scratch.
    quiz(saves, "ana", T0 + timedelta(days=3), {"fivefold": "twice"})
    incremental = cards()
    cache.unlink()
    (folder / ".index.json").unlink()
    assert cards() == incremental and incremental["fivefold"].reviews == 2


def test_the_index_reads_again_a_save_changed_behind_it(tmp_path):
    saves = tmp_path / "saves"
    session = quiz(saves, "ana", T0, {"fivefold": "fivefold"})
    assert index.load(saves, "ana").sessions[0].score == 1
    # Rewrite the save by hand: another answer, same file name.
    path = saves / "ana" / f"{session.record.id}.toml"
    path.write_text(
        path.read_text()
        .replace('given = "fivefold"', 'given = "twice"')
        .replace("correct = true", "correct = false")
    )
    old = os.stat(path).st_mtime_ns - 10**10
    os.utime(path, ns=(old, old))  # even an older mtime: size or inode differ from the index's entry
    loaded = index.load(saves, "ana")
    assert [a.correct for a in loaded.sessions[0].answers] == [False]
    # A garbage index is ignored.
    (saves / "ana" / ".index.json").write_text("{not json")
    assert len(index.load(saves, "ana").sessions) == 1


def test_review_from_a_pipe_asks_what_is_due_then_new_questions_and_saves_a_review(tmp_path):
    saves = tmp_path / "saves"
    quiz(saves, "ana", T0, {"fivefold": "a fifth", "tenth": "a tenth"})
    common = ["review", "--headless", "--pack", str(SMALL), "--saves", str(saves), "--profile", "ana"]
    # Eleven days on: both are due (the missed one longest overdue), then --new 2 new questions.
    out = run(
        *common, "--new", "2", "--now", "2026-01-16T09:00Z", "--format", "json", stdin="fivefold\n\n92%\n"
    )
    report = json.loads(out.stdout)
    ids = [q["id"] for q in report["questions"]]
    assert ids[:2] == ["fivefold", "tenth"] and len(ids) == 4, out.stderr
    assert "2 due, 2 new" in out.stderr
    assert out.returncode == 1  # 2 of 4 right: below the pass mark, as a quiz
    saved = [s for s in store.load_sessions(saves, "ana").sessions if s.scope == "review"]
    assert len(saved) == 1 and saved[0].schema_version == 2
    assert all(a.answered_at == datetime(2026, 1, 16, 9, tzinfo=UTC) for a in saved[0].answers)
    # Nothing due half a minute later (fsrs's first learning step is a minute) and no new ones
    # left today: nothing asked, exit 0.
    again = run(*common, "--new", "2", "--now", "2026-01-16T09:00:30Z")
    assert again.returncode == 0 and "nothing to review" in again.stderr and again.stdout == ""


def test_review_from_an_answers_file_records_the_learners_ratings(tmp_path):
    saves = tmp_path / "saves"
    answers = tmp_path / "answers.toml"
    answers.write_text('[answers]\nfivefold = "fivefold"\ntenth = "a fifth"\n\n[ratings]\ntenth = "hard"\n')
    out = run(
        "review",
        "--headless",
        "--pack",
        str(SMALL),
        "--saves",
        str(saves),
        "--profile",
        "bo",
        "--answers",
        str(answers),
        "--new",
        "2",
        "--now",
        "2026-01-05T09:00Z",
        "--format",
        "junit",
    )
    assert out.returncode == 1 and "<testsuites" in out.stdout, out.stderr
    record = store.load_sessions(saves, "bo").sessions[0]
    assert [(a.id, a.correct, a.rating) for a in record.answers] == [
        ("fivefold", True, None),
        ("tenth", False, 2),
    ]
    cards = {c.id: c for c in schedule.build(record and [record], packs.load(SMALL), T0, None)}
    assert cards["tenth"].lapses == 0  # rated Hard by the learner, not Again by the verdict
    bad = tmp_path / "bad.toml"
    bad.write_text('[answers]\nfivefold = "x"\n[ratings]\nfivefold = "meh"\n')
    wrong = run("review", "--headless", "--pack", str(SMALL), "--saves", str(saves), "--answers", str(bad))
    assert wrong.returncode == 2 and "again, hard, good or easy" in wrong.stderr


def test_review_weakest_asks_the_most_missed_first(tmp_path):
    saves = tmp_path / "saves"
    quiz(saves, "ana", T0, {"fivefold": "x", "tenth": "x", "unop-qoq": "92%"})
    quiz(saves, "ana", T0 + timedelta(days=1), {"fivefold": "x", "tenth": "a tenth", "unop-qoq": "92%"})
    out = run(
        "review",
        "--headless",
        "--weakest",
        "--pack",
        str(SMALL),
        "--saves",
        str(saves),
        "--profile",
        "ana",
        "--no-save",
        "--format",
        "json",
        stdin="",
    )
    assert [q["id"] for q in json.loads(out.stdout)["questions"]] == ["fivefold", "tenth"]


def test_stats_json_has_progress_at_a_fixed_now(tmp_path):
    saves = tmp_path / "saves"
    quiz(saves, "ana", T0, dict(RIGHT))
    quiz(saves, "ana", T0 + timedelta(days=1), {**RIGHT, "fivefold": "twice"})
    out = run(
        "stats",
        "--pack",
        str(SMALL),
        "--saves",
        str(saves),
        "--profile",
        "ana",
        "--format",
        "json",
        "--now",
        "2026-01-06T20:00Z",
    )
    data = json.loads(out.stdout)
    assert [p["percent"] for p in data["score_over_time"]] == [100.0, 75.0]
    compute = next(m for m in data["mastery"] if m["section"] == "compute")
    assert compute["questions"] == 3 and compute["seen"] == 2  # who-tenth never asked
    assert compute["right_latest"] == 1 and compute["mastery"] == 33.3  # tenth; fivefold missed last
    assert 0 < compute["retrievability"] < 1
    assert data["streak"] == {"current": 2, "longest": 2, "days_studied": 2, "last_day": "2026-01-06"}
    later = run(
        "stats",
        "--pack",
        str(SMALL),
        "--saves",
        str(saves),
        "--profile",
        "ana",
        "--format",
        "json",
        "--now",
        "2026-01-09T00:00Z",
    )
    assert json.loads(later.stdout)["streak"]["current"] == 0


def test_export_csv_reads_back_with_the_csv_module(tmp_path):
    saves = tmp_path / "saves"
    quiz(saves, "ana", T0, {"fivefold": 'said "twice", maybe\nx', "tenth": "a tenth"})
    quiz(saves, "bo", T0, {"fivefold": "fivefold"}, peek={"fivefold"})
    target = tmp_path / "answers.csv"
    out = run("export", "--all-profiles", "--pack", str(SMALL), "--saves", str(saves), "-o", str(target))
    assert out.returncode == 0 and out.stdout == "", out.stderr
    raw = target.read_bytes()
    assert (
        raw.startswith(b"profile,pack_id,pack_version,session_id,mode,scope,question_id,kind,")
        and b"\r\n" in raw
    )
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert [(r["profile"], r["question_id"], r["correct"], r["peeked"]) for r in rows] == [
        ("ana", "fivefold", "false", "false"),
        ("ana", "tenth", "true", "false"),
        ("bo", "fivefold", "true", "true"),
    ]
    assert rows[0]["given"] == 'said "twice", maybe\nx' and rows[0]["kind"] == "figure"
    assert datetime.fromisoformat(rows[0]["answered_at"]) == T0
    one = json.loads(run("export", "--format", "json", "--saves", str(saves), "--profile", "bo").stdout)
    assert len(one) == 1 and one[0]["peeked"] is True and one[0]["pack_version"] == "1"


def _writer(args):
    saves, profile, n = args
    for k in range(n):
        quiz(Path(saves), profile, T0 + timedelta(days=k), {"fivefold": "fivefold" if k % 2 else "x"})


def test_team_view_over_a_folder_written_by_concurrent_processes(tmp_path):
    saves = tmp_path / "shared"
    jobs = [(str(saves), f"analyst{p % 3}", 6) for p in range(6)]  # two processes per profile, at once
    with multiprocessing.get_context("fork").Pool(6) as pool:
        pool.map(_writer, jobs)
    files = list(saves.glob("*/*.toml"))
    assert len(files) == 36  # nothing lost: one file per session, unique ids
    out = run(
        "stats",
        "--all-profiles",
        "--pack",
        str(SMALL),
        "--format",
        "json",
        env={"BRIEFING_SAVES": str(saves)},
    )
    team = json.loads(out.stdout)
    assert [p["profile"] for p in team["people"]] == ["analyst0", "analyst1", "analyst2"]
    assert all(p["sessions"] == 12 for p in team["people"])
    assert team["weakest"][0]["id"] == "fivefold" and team["weakest"][0]["missed_by"] == [
        "analyst0",
        "analyst1",
        "analyst2",
    ]
    table = list(
        csv.DictReader(
            io.StringIO(run("stats", "--all-profiles", "--format", "csv", "--saves", str(saves)).stdout)
        )
    )
    assert len(table) == 3 and table[0]["passed"] in ("true", "false")
    assert "analyst2" in run("stats", "--all-profiles", "--saves", str(saves)).stdout


def test_briefing_saves_names_the_default_folder(tmp_path):
    saves = tmp_path / "elsewhere"
    quiz(saves, "ana", T0, {"fivefold": "fivefold"})
    out = run(
        "due",
        "--pack",
        str(SMALL),
        "--profile",
        "ana",
        "--format",
        "json",
        cwd=tmp_path,
        env={"BRIEFING_SAVES": str(saves)},
    )
    assert json.loads(out.stdout)["questions"][0]["reviews"] == 1


def test_now_must_be_an_iso_time():
    out = run("due", "--now", "tomorrow")
    assert out.returncode == 2 and "not an ISO 8601 time" in out.stderr


@pytest.mark.parametrize("command", ["review", "due", "export", "stats"])
def test_every_new_command_has_help(command):
    out = run(command, "--help")
    assert out.returncode == 0 and "--saves" in out.stdout and "--profile" in out.stdout
    if command != "export":
        assert "--now" in out.stdout
