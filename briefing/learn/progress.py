"""Progress over time, the figures `stats --format json` adds and the UI's charts will show:
score over time, mastery per briefing section, and the streak of days studied.

Days are UTC days (a save's times are UTC). A question is "right" on its latest
answer when that answer was right without a peek, as stats counts it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from pydantic import BaseModel

from briefing.learn.index import to_us
from briefing.learn.schedule import CardState, utc
from briefing.pack import Pack
from briefing.records import SessionLike

_DAY_US = 86_400_000_000
_EPOCH_DAY = date(1970, 1, 1)


class ScorePoint(BaseModel):
    session: str
    finished_at: datetime
    percent: float
    passed: bool
    scope: str  # full quizzes make the headline trend; the others are shown apart


class SectionMastery(BaseModel):
    section: str
    title: str
    questions: int
    seen: int  # answered at least once
    right_latest: int  # right (without a peek) on their latest answer
    mastery: float  # right_latest / questions, percent, one decimal
    retrievability: float  # mean fsrs recall probability now over its questions (0 for unseen), 0-1


class Streak(BaseModel):
    current: int  # days in a row up to today (or up to yesterday, when not yet today)
    longest: int
    days_studied: int
    last_day: date | None


class Progress(BaseModel):
    score_over_time: list[ScorePoint]
    mastery: list[SectionMastery]
    streak: Streak


def compute(
    sessions: Sequence[SessionLike], pack: Pack | None, cards: Sequence[CardState], now: datetime
) -> Progress:
    """The figures over `sessions` (the pack's own, when a pack is given) at `now`."""
    now = utc(now)
    mine = [s for s in sessions if pack is None or s.pack_id == pack.pack.id]
    finished = sorted(
        (s for s in mine if s.status == "finished" and s.finished_at is not None),
        key=lambda s: (utc(s.finished_at or s.started_at), s.id),
    )
    points = [
        ScorePoint(
            session=s.id,
            finished_at=utc(s.finished_at or s.started_at),
            percent=s.percent,
            passed=s.passed,
            scope=s.scope,
        )
        for s in finished
    ]
    return Progress(score_over_time=points, mastery=mastery(mine, pack, cards), streak=streak(mine, now))


def _times(sessions: Sequence[SessionLike]):
    """(session, answer, its time in µs since 1970 UTC) for every answer: the index's
    copy carries the time ready; a record's is converted (no time: the session's)."""
    for s in sessions:
        fallback = to_us(s.finished_at or s.started_at)
        for a in s.answers:
            at = getattr(a, "at", None)
            if at is None:
                at = fallback if a.answered_at is None else to_us(a.answered_at)
            yield a, at


def latest_right(sessions: Sequence[SessionLike]) -> dict[str, bool]:
    """Each question's latest answer (by time): right without a peek, or not."""
    latest: dict[str, tuple[int, bool]] = {}
    for a, at in _times(sessions):
        if a.id not in latest or at >= latest[a.id][0]:
            latest[a.id] = (at, a.correct and not a.peeked)
    return {qid: right for qid, (_, right) in latest.items()}


def mastery(
    sessions: Sequence[SessionLike], pack: Pack | None, cards: Sequence[CardState]
) -> list[SectionMastery]:
    if pack is None:
        return []
    right = latest_right(sessions)
    recall = {c.id: c.retrievability or 0.0 for c in cards}
    out = []
    for section in pack.sections:
        ids = [q.id for q in pack.questions if q.section == section.id]
        if not ids:
            continue
        n_right = sum(right.get(q, False) for q in ids)
        out.append(
            SectionMastery(
                section=section.id,
                title=section.title,
                questions=len(ids),
                seen=sum(q in right for q in ids),
                right_latest=n_right,
                mastery=round(100 * n_right / len(ids), 1),
                retrievability=round(sum(recall.get(q, 0.0) for q in ids) / len(ids), 4),
            )
        )
    return out


def study_days(sessions: Sequence[SessionLike]) -> list[date]:
    """The UTC days on which any answer was given, oldest first: what a streak counts."""
    return [_EPOCH_DAY + timedelta(days=n) for n in sorted({at // _DAY_US for _, at in _times(sessions)})]


def streak(sessions: Sequence[SessionLike], now: datetime) -> Streak:
    ordered = study_days(sessions)
    days = set(ordered)
    if not days:
        return Streak(current=0, longest=0, days_studied=0, last_day=None)
    longest = run = 1
    for before, after in zip(ordered, ordered[1:], strict=False):
        run = run + 1 if after - before == timedelta(days=1) else 1
        longest = max(longest, run)
    today = utc(now).date()
    day = today if today in days else today - timedelta(days=1)
    current = 0
    while day in days:
        current += 1
        day -= timedelta(days=1)
    return Streak(current=current, longest=longest, days_studied=len(days), last_day=ordered[-1])
