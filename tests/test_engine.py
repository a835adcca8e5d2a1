"""The quiz engine: order, answers, score, pass mark, resume: the rules both front ends share."""

from copy import deepcopy
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from briefing import pack as packs
from briefing import store
from briefing.engine import Session, choose_order

T0 = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def pack(small_pack):
    return small_pack  # tests/fixtures/small_pack.toml, loaded once in conftest


def test_same_seed_same_order_limit_and_only(pack):
    assert choose_order(pack, 5) == choose_order(pack, 5)
    assert choose_order(pack, 5) != choose_order(pack, 6)
    assert sorted(choose_order(pack, 5)) == sorted(q.id for q in pack.questions)
    assert choose_order(pack, 5, limit=3) == choose_order(pack, 5)[:3]
    assert sorted(choose_order(pack, 5, only=["rd-q1", "tenth"])) == ["rd-q1", "tenth"]


def test_a_session_without_a_seed_records_the_one_it_drew(pack):
    s = Session.start(pack, profile="p")
    assert s.record.seed is not None
    assert s.record.order == choose_order(pack, s.record.seed)


def test_answers_score_and_pass_mark(pack):
    s = Session.start(pack, profile="p", seed=1, now=T0)
    answers = {
        "fivefold": "5x",
        "tenth": "10%",
        "rd-q1": "1.98 billion yuan",
        "rd-yoy": "down 40.7%",
        "unop-qoq": "92 percent",
        "rd-target": "2 to 2.5bn",
        "who-tenth": "William Li",
        "which-growth": "92%",
        "rd-up": "f",
    }
    while not s.done:
        qid = s.current.id
        if qid == "platforms":
            v = s.skip(now=T0)
            assert v.skipped and not v.correct
        else:
            v = s.answer(answers[qid], now=T0)
            assert v.correct == (qid != "rd-q1"), (qid, v)
    assert s.current is None and s.position == s.total == 10
    record = s.finish(now=T0)
    assert (record.score, record.max_score, record.percent) == (8, 10, 80.0)
    assert record.passed and record.status == "finished" and record.finished_at == T0
    assert [o.question.id for o in s.missed()] == [q for q in record.order if q in ("rd-q1", "platforms")]


def test_finish_early_counts_the_rest_as_wrong(pack):
    s = Session.start(pack, profile="p", seed=2, limit=4)
    s.answer(packs.expected_text(s.current, pack))
    record = s.finish()
    assert (record.score, record.max_score, record.passed) == (1, 4, False)
    assert len(record.answers) == 4 and all(a.given == "" for a in record.answers[1:])


def test_saver_sees_every_answer_and_resume_picks_up_where_it_stopped(pack, tmp_path):
    saved = []
    s = Session.start(pack, profile="p", seed=3, saver=lambda r: saved.append(store.save(r, tmp_path)))
    first, second = s.current, s.questions[1]
    s.answer("nonsense")
    s.answer(packs.expected_text(second, pack))
    assert len(saved) == 2  # after each answer
    (record,) = store.in_progress(tmp_path, "p", "small")
    assert record.status == "in_progress" and len(record.answers) == 2

    resumed = Session.resume(pack, record)
    assert resumed.position == 2 and resumed.current.id == s.current.id
    assert [v.correct for v in resumed.verdicts] == [False, True]
    assert resumed.verdicts[0].given == "nonsense" and resumed.questions[0] is first


def test_resume_refuses_a_session_from_another_version_of_the_pack(pack):
    s = Session.start(pack, profile="p", seed=3)
    s.answer("x")
    changed = replace(s.record, pack_version="2")
    with pytest.raises(ValueError, match="not small 1"):
        Session.resume(pack, changed)
    gone = replace(s.record, order=["no-such-question", *s.record.order[1:]])
    with pytest.raises(ValueError, match="does not match"):
        Session.resume(pack, gone)


def test_retry_the_missed_ones(pack):
    s = Session.start(pack, profile="p", seed=4)
    while not s.done:
        s.answer("5x")
    s.finish()
    missed = [o.question.id for o in s.missed()]
    retry = Session.start(pack, profile="p", seed=4, only=missed)
    assert sorted(q.id for q in retry.questions) == sorted(missed) and "fivefold" not in missed
    assert (s.record.scope, retry.record.scope) == ("full", "retry")
    assert Session.start(pack, profile="p", seed=4, limit=3).record.scope == "limited"


def test_resume_newest_skips_what_the_pack_cannot_resume_and_says_why(pack):
    older = Session.start(pack, profile="p", seed=5)
    older.answer("x")
    newer = Session.start(pack, profile="p", seed=6)
    newer.answer("y")
    broken = replace(newer.record, order=["gone", *newer.record.order[1:]])
    session, problems = Session.resume_newest(pack, [broken, older.record])
    assert session is not None and session.record.id == older.record.id and session.position == 1
    assert len(problems) == 1 and broken.id in problems[0] and "cannot be resumed" in problems[0]
    assert Session.resume_newest(pack, []) == (None, [])


# --- no free points: peeks -------------------------------------------------------


def _first(pack, qid, saver=None):
    """A session whose first question is `qid`."""
    return Session.start(pack, profile="p", seed=1, only=[qid], saver=saver, now=T0)


def test_a_right_answer_after_a_peek_scores_nothing_and_is_recorded(pack):
    s = _first(pack, "fivefold")
    s.peek()
    assert s.peeked
    verdict = s.answer("5x", now=T0)
    assert verdict.correct  # the feedback still says it was right
    assert s.score == 0 and s.record.answers[0].peeked
    assert [o.question.id for o in s.peeked_right()] == ["fivefold"] and s.missed() == []
    record = s.finish(now=T0)
    assert record.score == 0 and record.percent == 0.0 and not record.passed


def test_a_peek_is_saved_at_once_and_kept_through_a_resume(pack):
    saved = []
    s = _first(pack, "fivefold", saver=lambda r: saved.append(deepcopy(r)))
    s.peek()
    assert saved and saved[-1].peeking == "fivefold"  # killed now, the peek is on disk
    resumed = Session.resume(pack, saved[-1])
    assert resumed.peeked
    resumed.answer("fivefold", now=T0)
    assert resumed.score == 0 and resumed.record.peeking is None


def test_a_peek_belongs_to_its_question_only(pack):
    s = Session.start(pack, profile="p", seed=1, only=["fivefold", "tenth"], now=T0)
    s.peek()
    s.answer(s.current.expected, now=T0)
    assert not s.peeked  # the next question starts unpeeked
    s.answer(s.current.expected, now=T0)
    assert s.score == 1 and [a.peeked for a in s.record.answers] == [True, False]


# --- malformed answers are asked again, typed; marked, scripted --------------------


@pytest.mark.parametrize(
    "qid, text",
    [("fivefold", "fve"), ("fivefold", "William Li"), ("which-growth", "x"), ("rd-up", "maybe")],
)
def test_an_unreadable_answer_keeps_the_question_open_when_asked_to(pack, qid, text):
    s = _first(pack, qid)
    verdict = s.answer(text, ask_again=True)
    assert verdict.unreadable and verdict.note and not verdict.correct
    assert s.position == 0 and s.current.id == qid and s.record.answers == []
    marked = _first(pack, qid).answer(text)  # from a file or a pipe: marked wrong, not asked again
    assert marked.unreadable and not marked.correct


def test_a_wrong_but_readable_answer_is_recorded_even_when_asking_again(pack):
    s = _first(pack, "fivefold")
    s.answer("7x", ask_again=True)
    assert s.position == 1 and not s.record.answers[0].correct


# --- a quiz on one section ---------------------------------------------------------


def test_a_section_quiz_asks_that_sections_questions(pack):
    s = Session.start(pack, profile="p", seed=3, section="compute", now=T0)
    assert s.record.scope == "section"
    assert sorted(q.id for q in s.questions) == sorted(q.id for q in pack.questions if q.section == "compute")
    with pytest.raises(ValueError, match="no questions on section 'nowhere'"):
        Session.start(pack, profile="p", section="nowhere")
