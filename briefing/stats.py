"""Statistics over saved sessions: pure functions, no files, no screen.

Only finished sessions count. A question is "asked" once per finished
session that recorded an answer for it (a skipped or unanswered question is
asked and wrong). Questions are matched to the pack by id; a question the
pack no longer has is counted under section "unknown".

Nothing here imports Textual or Rich.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, overload

from pydantic import BaseModel

from briefing.records import SessionLike

if TYPE_CHECKING:
    from briefing.pack import Pack

UNKNOWN_SECTION = "unknown"
WEAKEST = 5
RECENT = 10


class QuestionStat(BaseModel):
    id: str
    asked: int
    correct: int  # right without a peek
    accuracy: float  # percent, one decimal
    peeked: int = 0  # answered after a peek at the section (right or not): never counted right
    section: str | None = None  # None when no pack was given
    prompt: str | None = None  # None when the pack does not know the question


class SectionStat(BaseModel):
    section: str
    title: str | None = None
    asked: int
    correct: int
    accuracy: float


class SessionSummary(BaseModel):
    id: str
    pack_id: str
    started_at: datetime
    finished_at: datetime | None
    score: int
    max_score: int
    percent: float
    passed: bool
    duration_seconds: float | None
    scope: str = "full"
    peeked: int = 0  # answers given after a peek at their section


class Stats(BaseModel):
    sessions: int  # finished sessions counted
    full_sessions: int = 0  # of which every question of the pack was asked
    peeked: int = 0  # answers given after a peek at their section, over all sessions counted
    # last/best/mean: over full sessions only; a retry of the missed ones or a
    # --limit run would flatter (or sink) them.
    last_percent: float | None
    best_percent: float | None
    mean_percent: float | None
    per_question: list[QuestionStat]
    per_section: list[SectionStat]  # empty without a pack: sections come from it
    weakest: list[QuestionStat]  # lowest accuracy first; questions never missed are not listed
    sessions_list: list[SessionSummary]  # by start, oldest first

    def full_quizzes(self) -> list[SessionSummary]:
        """The full quizzes, oldest first: what a trend of percent over time charts."""
        return [s for s in self.sessions_list if s.scope == "full"]


def compute(sessions: Sequence[SessionLike], pack: Pack | None = None) -> Stats:
    """Stats over the finished sessions among `sessions`; `pack` names sections and prompts.

    With a pack, only its own sessions count: question ids are a pack's own, so
    another pack's "q1" is another question.
    """
    done = sorted(
        (s for s in sessions if s.status == "finished" and (pack is None or s.pack_id == pack.pack.id)),
        key=_start_key,
    )
    percents = [s.percent for s in sorted(done, key=_finish_key) if s.scope == "full"]

    asked: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    peeked: Counter[str] = Counter()
    for record in done:
        for answer in record.answers:
            asked[answer.id] += 1
            # Right after a peek at the section is not known: counted apart, not as right.
            correct[answer.id] += bool(answer.correct and not answer.peeked)
            peeked[answer.id] += answer.peeked

    known = {q.id: q for q in pack.questions} if pack is not None else {}
    pack_order = {qid: n for n, qid in enumerate(known)}
    ids = sorted(asked, key=lambda qid: (pack_order.get(qid, len(pack_order)), qid))
    per_question: list[QuestionStat] = []
    for qid in ids:
        question = known.get(qid)
        section = (question.section if question else UNKNOWN_SECTION) if pack is not None else None
        per_question.append(
            QuestionStat(
                id=qid,
                asked=asked[qid],
                correct=correct[qid],
                peeked=peeked[qid],
                accuracy=_percent(correct[qid], asked[qid]),
                section=section,
                prompt=question.prompt if question else None,
            )
        )

    per_section: list[SectionStat] = []
    if pack is not None:
        titles = {s.id: s.title for s in pack.sections}
        order = list(titles) + [UNKNOWN_SECTION]
        totals: dict[str, list[int]] = {}
        for q in per_question:
            assert q.section is not None  # with a pack, every question has one (UNKNOWN_SECTION at worst)
            entry = totals.setdefault(q.section, [0, 0])
            entry[0] += q.asked
            entry[1] += q.correct
        for sid in sorted(totals, key=lambda s: (order.index(s) if s in order else len(order), s)):
            n_asked, n_correct = totals[sid]
            per_section.append(
                SectionStat(
                    section=sid,
                    title=titles.get(sid),
                    asked=n_asked,
                    correct=n_correct,
                    accuracy=_percent(n_correct, n_asked),
                )
            )

    weakest = weakest_first(per_question)[:WEAKEST]

    return Stats(
        sessions=len(done),
        full_sessions=len(percents),
        last_percent=round(percents[-1], 1) if percents else None,
        best_percent=round(max(percents), 1) if percents else None,
        mean_percent=round(sum(percents) / len(percents), 1) if percents else None,
        per_question=per_question,
        per_section=per_section,
        weakest=weakest,
        sessions_list=[_summary(s) for s in done],
        peeked=sum(peeked.values()),
    )


def weakest_first(per_question: Sequence[QuestionStat]) -> list[QuestionStat]:
    """The questions ever missed, lowest accuracy first (then the most asked, then by id)."""
    missed = [q for q in per_question if q.correct < q.asked]
    return sorted(missed, key=lambda q: (q.accuracy, -q.asked, q.id))


def render_text(stats: Stats, profile: str) -> str:
    """A plain-text summary, no colour: totals, sections, weakest questions, recent sessions."""
    if stats.sessions == 0:
        return f"No finished sessions for profile {profile!r} yet.\n"
    head = f"Statistics for profile {profile!r}"
    plural = "s" if stats.sessions != 1 else ""
    out = [
        head,
        "=" * len(head),
        f"Sessions: {stats.sessions} finished session{plural}, {stats.full_sessions} of them full quizzes",
        f"Full quizzes: last {percent_text(stats.last_percent)}   best {percent_text(stats.best_percent)}   "
        f"mean {percent_text(stats.mean_percent)}",
    ]
    if stats.peeked:
        out.append(f"Peeks: {stats.peeked} answers given after peeking at the section (never counted right)")
    out.append("")

    out += ["By section", "----------"]
    if stats.per_section:
        rows: list[tuple[str, ...]] = [
            (_short(s.title or s.section, 40), str(s.asked), str(s.correct), percent_text(s.accuracy))
            for s in stats.per_section
        ]
        out += _table(("Section", "Asked", "Right", "Accuracy"), rows)
    else:
        out.append("  (give --pack to group questions by section)")
    out.append("")

    out += ["Weakest questions", "-----------------"]
    if stats.weakest:
        for n, q in enumerate(stats.weakest, 1):
            peeks = f", {q.peeked} after a peek" if q.peeked else ""
            line = f"  {n}. {q.id}: {percent_text(q.accuracy)} ({q.correct} of {q.asked} right{peeks})"
            if q.prompt:
                line += f"  {_short(q.prompt)}"
            out.append(line)
    else:
        out.append("  none: every question asked so far was answered right every time")
    out.append("")

    recent = stats.sessions_list[-RECENT:]
    title = "Recent sessions" if len(stats.sessions_list) > RECENT else "Sessions"
    out += [title, "-" * len(title)]
    out += _table(SESSION_COLUMNS, [session_row(s) for s in reversed(recent)])
    return "\n".join(out) + "\n"


# --- how figures read, in the text output and the UI's history alike --------------

SESSION_COLUMNS = ("Started (UTC)", "Score", "Percent", "Result", "Quiz", "Time taken", "Peeks")


def session_row(s: SessionSummary) -> tuple[str, str, str, str, str, str, str]:
    """One session as the cells under SESSION_COLUMNS."""
    return (
        when_text(s.started_at),
        f"{s.score}/{s.max_score}",
        percent_text(s.percent),
        "pass" if s.passed else "fail",
        s.scope,
        duration_text(s.duration_seconds),
        str(s.peeked),
    )


def last_result_text(result: Stats) -> str:
    """The latest full quiz as "75.0% pass 2026-01-05" (what the headline's "last" counts:
    not a review, a retry or a --limit run); "-" when there is none."""
    done = result.full_quizzes()
    if not done:
        return "-"
    last = done[-1]
    return (
        f"{percent_text(last.percent)} {'pass' if last.passed else 'fail'} {when_text(last.started_at)[:10]}"
    )


def percent_text(value: float | None) -> str:
    """92.0 -> "92.0%"; "-" when there is none."""
    return "-" if value is None else f"{value:.1f}%"


def duration_text(seconds: float | None) -> str:
    """How long a session took: "4m05s", "1h02m"; "-" when unknown."""
    if seconds is None or seconds < 0:
        return "-"
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


def when_text(moment: datetime) -> str:
    """A moment in UTC to the minute: "2026-11-25 10:15" (a naive time is taken as UTC)."""
    return _as_utc(moment).astimezone(UTC).strftime("%Y-%m-%d %H:%M")


# --- helpers -------------------------------------------------------------------


@overload
def _utc(when: datetime) -> datetime: ...
@overload
def _utc(when: None) -> None: ...
@overload
def _utc(when: datetime | None) -> datetime | None: ...
def _utc(when: datetime | None) -> datetime | None:
    return None if when is None else _as_utc(when)


def _as_utc(when: datetime) -> datetime:
    """A naive time (an older save) taken as UTC."""
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _finish_key(record: SessionLike) -> tuple[datetime, datetime, str]:
    return (_utc(record.finished_at) or _utc(record.started_at), _utc(record.started_at), record.id)


def _start_key(record: SessionLike) -> tuple[datetime, str]:
    return (_utc(record.started_at), record.id)


def _percent(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


# What a summary takes from its record as it is, under the same names.
_SUMMARY_FIELDS = set(SessionSummary.model_fields) - {"duration_seconds", "peeked"}


def _summary(record: SessionLike) -> SessionSummary:
    start, end = _utc(record.started_at), _utc(record.finished_at)
    return SessionSummary(
        **{name: getattr(record, name) for name in _SUMMARY_FIELDS},
        duration_seconds=(end - start).total_seconds() if start is not None and end is not None else None,
        peeked=sum(a.peeked for a in record.answers),
    )


def _short(text: str, width: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _table(header: tuple[str, ...], rows: Sequence[tuple[str, ...]]) -> list[str]:
    """Rows under a header; the first column left-aligned, the rest right-aligned."""
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]

    def line(cells: tuple[str, ...]) -> str:
        parts = [cells[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  " + "  ".join(parts).rstrip()

    return [line(header)] + [line(r) for r in rows]
