"""Stats over finished sessions, checked against numbers worked out by hand."""

from __future__ import annotations

import json
import random
import sys
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # importable without `pip install -e .`

from briefing import stats  # noqa: E402
from briefing.pack import parse  # noqa: E402
from briefing.records import AnswerRecord, SessionRecord  # noqa: E402

T0 = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)

PACK = parse(
    {
        "pack": {
            "id": "tiny",
            "title": "Tiny",
            "version": "1",
            "pass_mark": 60,
            "source": {"title": "An article", "publisher": "Tests", "date": "2026"},
        },
        "sections": [
            {"id": "sec-a", "title": "Alpha", "body": "Spending rose fivefold."},
            {"id": "sec-b", "title": "Beta", "body": "It was true."},
        ],
        "questions": [
            {
                "id": "q1",
                "kind": "figure",
                "prompt": "By how much did spending rise?",
                "section": "sec-a",
                "explanation": "Fivefold.",
                "value": 5,
                "unit": "x",
                "expected": "fivefold",
                "measures": "the rise",
            },
            {
                "id": "q2",
                "kind": "truefalse",
                "prompt": "Was it   true,\nreally?",
                "section": "sec-a",
                "explanation": "Yes.",
                "answer": True,
            },
            {
                "id": "q3",
                "kind": "truefalse",
                "prompt": "Is Beta right?",
                "section": "sec-b",
                "explanation": "Yes.",
                "answer": True,
            },
        ],
    }
)


def session(
    n: int, results: dict[str, bool], *, minutes: int, status: str = "finished", pack_id: str = "tiny"
) -> SessionRecord:
    started = T0 + timedelta(hours=n)
    score = sum(results.values())
    percent = round(100 * score / len(results), 1)
    return SessionRecord(
        id=f"{started.strftime('%Y%m%dT%H%M%SZ')}-{n:08x}",
        status=status,
        profile="ana",
        pack_id=pack_id,
        pack_version="1",
        pass_mark=60,
        order=list(results),
        answers=[
            AnswerRecord(id=qid, given="x" if ok else "", correct=ok, skipped=not ok)
            for qid, ok in results.items()
        ],
        started_at=started,
        finished_at=started + timedelta(minutes=minutes) if status == "finished" else None,
        score=score,
        max_score=len(results),
        percent=percent,
        passed=percent >= 60,
    )


# By hand:
#   S1 q1 right, q2 wrong, q3 right            2/3 = 66.7%   5 min
#   S2 q1 wrong, q2 wrong, q3 right            1/3 = 33.3%   2 min
#   S3 q1 right, q2 right, q3 right, gone wrong 3/4 = 75.0%  10 min  (gone: no longer in the pack)
#   S4 in progress, all wrong: not counted
# last 75.0, best 75.0, mean (66.7 + 33.3 + 75.0) / 3 = 58.33 -> 58.3
# q1 2/3 66.7   q2 1/3 33.3   q3 3/3 100.0   gone 0/1 0.0
# Alpha (q1, q2) 3/6 50.0   Beta (q3) 3/3 100.0   unknown (gone) 0/1 0.0
S1 = session(1, {"q1": True, "q2": False, "q3": True}, minutes=5)
S2 = session(2, {"q1": False, "q2": False, "q3": True}, minutes=2)
S3 = session(3, {"q1": True, "q2": True, "q3": True, "gone": False}, minutes=10)
S4 = session(4, {"q1": False, "q2": False, "q3": False}, minutes=0, status="in_progress")
ALL = [S1, S2, S3, S4]


def shuffled(items):
    items = list(items)
    random.Random(7).shuffle(items)
    return items


def test_totals_count_only_finished_sessions():
    result = stats.compute(shuffled(ALL), PACK)
    assert result.sessions == 3
    assert result.last_percent == 75.0  # the latest to finish, whatever the list order
    assert result.best_percent == 75.0
    assert result.mean_percent == 58.3


def test_last_is_the_latest_finished_not_the_best():
    result = stats.compute([S3, S1, S2], PACK)
    assert (result.last_percent, result.best_percent) == (75.0, 75.0)
    result = stats.compute(
        [S2, S3, S1][:2] + [session(5, {"q1": False, "q2": True, "q3": False}, minutes=1)], PACK
    )
    assert (
        result.last_percent == 33.3 and result.best_percent == 75.0 and result.mean_percent == 47.2
    )  # (33.3+75+33.3)/3


def test_per_question_accuracy():
    result = stats.compute(ALL, PACK)
    rows = {q.id: (q.asked, q.correct, q.accuracy, q.section) for q in result.per_question}
    assert rows == {
        "q1": (3, 2, 66.7, "sec-a"),
        "q2": (3, 1, 33.3, "sec-a"),
        "q3": (3, 3, 100.0, "sec-b"),
        "gone": (1, 0, 0.0, "unknown"),
    }
    assert [q.id for q in result.per_question] == ["q1", "q2", "q3", "gone"]  # pack order, then the rest


def test_per_section_accuracy_with_unknown_for_vanished_questions():
    result = stats.compute(ALL, PACK)
    rows = [(s.section, s.title, s.asked, s.correct, s.accuracy) for s in result.per_section]
    assert rows == [
        ("sec-a", "Alpha", 6, 3, 50.0),
        ("sec-b", "Beta", 3, 3, 100.0),
        ("unknown", None, 1, 0, 0.0),
    ]


def test_weakest_lowest_accuracy_first_with_prompts_and_never_missed_left_out():
    result = stats.compute(ALL, PACK)
    assert [(q.id, q.accuracy) for q in result.weakest] == [("gone", 0.0), ("q2", 33.3), ("q1", 66.7)]
    assert result.weakest[1].prompt == "Was it   true,\nreally?"
    assert result.weakest[0].prompt is None  # the pack no longer knows it


def test_weakest_ties_go_to_the_most_asked_then_the_id_and_stop_at_five():
    sessions = [
        session(
            1, {"b": False, "a": False, "c": False, "d": True, "e": False, "f": False, "g": False}, minutes=1
        ),
        session(2, {"c": False, "d": False}, minutes=1),
    ]
    result = stats.compute(sessions, PACK)
    # all at 0% except d (50%); c was asked twice, so it comes first; then a, b, e, f by id; g is sixth.
    assert [q.id for q in result.weakest] == ["c", "a", "b", "e", "f"]


def test_sessions_list_is_a_history_with_durations():
    result = stats.compute(shuffled(ALL), PACK)
    rows = [
        (s.id, s.score, s.max_score, s.percent, s.passed, s.duration_seconds) for s in result.sessions_list
    ]
    assert rows == [
        (S1.id, 2, 3, 66.7, True, 300.0),
        (S2.id, 1, 3, 33.3, False, 120.0),
        (S3.id, 3, 4, 75.0, True, 600.0),
    ]
    assert result.sessions_list[0].started_at == S1.started_at


def test_without_a_pack_questions_still_count_but_sections_are_not_guessed():
    result = stats.compute(ALL)
    assert result.sessions == 3 and result.per_section == []
    assert {q.id: q.accuracy for q in result.per_question} == {
        "q1": 66.7,
        "q2": 33.3,
        "q3": 100.0,
        "gone": 0.0,
    }
    assert all(q.section is None and q.prompt is None for q in result.per_question)
    assert "give --pack" in stats.render_text(result, "ana")


def test_zero_sessions():
    result = stats.compute([S4], PACK)
    assert result.sessions == 0
    assert (result.last_percent, result.best_percent, result.mean_percent) == (None, None, None)
    assert result.per_question == result.per_section == result.weakest == result.sessions_list == []
    assert stats.render_text(result, "ana") == "No finished sessions for profile 'ana' yet.\n"
    assert stats.render_text(stats.compute([]), "x") == "No finished sessions for profile 'x' yet.\n"


def test_naive_and_aware_times_mix_without_crashing():
    naive = session(9, {"q1": True}, minutes=3)
    naive.started_at = naive.started_at.replace(tzinfo=None)
    naive.finished_at = naive.finished_at.replace(tzinfo=None)
    result = stats.compute([S1, naive], PACK)
    assert result.last_percent == 100.0 and result.sessions_list[-1].duration_seconds == 180.0


def test_render_text_is_plain_and_says_what_it_should():
    text = stats.render_text(stats.compute(shuffled(ALL), PACK), "ana")
    assert "\x1b" not in text and text.endswith("\n")
    assert "Statistics for profile 'ana'" in text
    assert "Sessions: 3 finished sessions" in text
    assert "Full quizzes: last 75.0%   best 75.0%   mean 58.3%" in text
    lines = text.splitlines()
    alpha = next(line for line in lines if line.strip().startswith("Alpha"))
    assert alpha.split() == ["Alpha", "6", "3", "50.0%"]
    assert any(line.split() == ["unknown", "1", "0", "0.0%"] for line in lines)
    assert "1. gone: 0.0% (0 of 1 right)" in text
    assert "2. q2: 33.3% (1 of 3 right)  Was it true, really?" in text  # prompt on one line
    assert "q3:" not in text  # never missed: not among the weakest
    history = lines[lines.index("Sessions") + 3 :]
    assert history[0].split() == [
        "2026-11-25",
        "13:00",
        "3/4",
        "75.0%",
        "pass",
        "full",
        "10m00s",
        "0",
    ]  # newest first
    assert len(history) == 3


def test_stats_serialise_to_json():
    data = json.loads(stats.compute(ALL, PACK).model_dump_json())
    assert data["sessions"] == 3 and data["mean_percent"] == 58.3
    assert data["per_section"][0] == {
        "section": "sec-a",
        "title": "Alpha",
        "asked": 6,
        "correct": 3,
        "accuracy": 50.0,
    }


@pytest.mark.parametrize("module", ["briefing.stats", "briefing.store"])
def test_no_front_end_imported(module):
    import subprocess

    code = f"import sys, {module}; print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert out.stdout.strip() == "[]"


def test_retries_and_limited_runs_do_not_make_the_headline_numbers():
    """A retry of the missed ones (all right) must not become the 'best' score."""
    full = ALL[0]
    retry = replace(
        full,
        id="20261125T130000Z-aaaaaaaa",
        scope="retry",
        percent=100.0,
        started_at=full.started_at.replace(hour=13),
        finished_at=full.started_at.replace(hour=13, minute=5),
    )
    result = stats.compute([full, retry], PACK)
    assert result.sessions == 2 and result.full_sessions == 1
    assert result.best_percent == result.last_percent == full.percent != 100.0
    assert [s.scope for s in result.sessions_list] == ["full", "retry"]
    assert [s.id for s in result.full_quizzes()] == [full.id]  # what the history's trend charts
    # but what was asked in the retry still counts for each question
    assert sum(q.asked for q in result.per_question) == len(full.answers) + len(retry.answers)


def test_the_last_result_a_pack_list_shows_is_the_last_full_quiz():
    """`briefing packs` and the picker say "last result": a review after a quiz is not it."""
    full = S1
    review = replace(
        S2, scope="review", percent=0.0, passed=False, started_at=S3.started_at, finished_at=S3.finished_at
    )
    assert stats.last_result_text(stats.compute([review], PACK)) == "-"
    assert stats.last_result_text(stats.compute([full, review], PACK)).startswith(f"{full.percent:.1f}% pass")
