"""A quiz session: which questions, in what order, the answers so far, the score.

The engine knows no screen. A front end asks for `current`, passes what the
person typed to `answer` (or calls `skip`), shows the returned Verdict, and
calls `finish` at the end. When a `saver` is given, the session's record is
handed to it after every change, so a killed front end can resume.

No free points: `peek()` records that the current question's section was looked
at, and a right answer after a peek scores nothing. A person at a keyboard is
asked again when an answer cannot be read (`answer(..., ask_again=True)`); an
answer from a file or a pipe is marked, so a script's answers never shift.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from briefing.pack import AnyQuestion, Pack
from briefing.records import AnswerRecord, Mode, Scope, SessionRecord, new_session_id, now_utc

if TYPE_CHECKING:
    from briefing.grading.grader import Verdict

Saver = Callable[[SessionRecord], object]


def choose_order(
    pack: Pack, seed: int, limit: int | None = None, only: Iterable[str] | None = None
) -> list[str]:
    """The question ids to ask: the pack (or `only`) shuffled by `seed`, cut to `limit`."""
    wanted = set(only) if only is not None else None
    ids = [q.id for q in pack.questions if wanted is None or q.id in wanted]
    random.Random(seed).shuffle(ids)
    return ids[:limit] if limit is not None else ids


@dataclass(frozen=True, slots=True)
class Outcome:
    """One asked question with its answer and verdict, for results and reports."""

    question: AnyQuestion
    record: AnswerRecord
    verdict: Verdict

    @property
    def scored(self) -> bool:
        """Whether it counts toward the score: right, and answered without a peek."""
        return self.verdict.correct and not self.record.peeked

    @property
    def peeked_right(self) -> bool:
        """Right, but after a peek at its section: shown apart, never scored."""
        return self.verdict.correct and self.record.peeked


def questions_of_section(pack: Pack, section: str) -> list[str]:
    """The ids of the questions a section of the briefing answers; ValueError when it has none."""
    ids = [q.id for q in pack.questions if q.section == section]
    if not ids:
        known = ", ".join(s.id for s in pack.sections)
        raise ValueError(f"no questions on section {section!r} (the sections: {known})")
    return ids


class Session:
    """A quiz in progress or finished, over one pack."""

    def __init__(self, pack: Pack, record: SessionRecord, saver: Saver | None = None):
        self.pack = pack
        self.record = record
        self.saver = saver
        index = {q.id: q for q in pack.questions}
        self.questions = [index[qid] for qid in record.order if qid in index]
        # Re-grade saved answers: a resumed session shows the same verdicts.
        self.verdicts: list[Verdict] = [
            self._judge(q, a) for q, a in zip(self.questions, record.answers, strict=False)
        ]

    # --- starting ------------------------------------------------------------

    @classmethod
    def start(
        cls,
        pack: Pack,
        *,
        profile: str,
        seed: int | None = None,
        limit: int | None = None,
        only: Iterable[str] | None = None,
        section: str | None = None,
        mode: Mode = "headless",
        saver: Saver | None = None,
        now: datetime | None = None,
        ordered: Sequence[str] | None = None,
        scope: Scope | None = None,
    ) -> Session:
        """A new session: the pack's questions (or `only` those, for a retry; or one
        `section`'s, ValueError when it has none), shuffled by `seed`, at most `limit`.

        `ordered`: exactly these questions in this order, not shuffled (a review asks
        the most overdue first), with the `scope` given ("review", "weakest")."""
        if seed is None:
            seed = random.randrange(2**31)
        started = now or now_utc()
        if ordered is not None:
            order = list(ordered)[:limit] if limit is not None else list(ordered)
            scope = scope or "review"
        else:
            scope = "full"
            if section is not None:
                only, scope = questions_of_section(pack, section), "section"
            elif only is not None:
                scope = "retry"
            order = choose_order(pack, seed, limit, only)
            if scope == "full" and len(order) < len(pack.questions):
                scope = "limited"
        record = SessionRecord(
            id=new_session_id(started),
            profile=profile,
            pack_id=pack.pack.id,
            pack_version=pack.pack.version,
            pass_mark=pack.pack.pass_mark,
            seed=seed,
            order=order,
            started_at=started,
            mode=mode,
            scope=scope,
        )
        session = cls(pack, record, saver)
        session._refresh_score()
        return session

    @classmethod
    def resume(cls, pack: Pack, record: SessionRecord, saver: Saver | None = None) -> Session:
        """Continue a saved session; ValueError when the pack has changed since."""
        if record.pack_id != pack.pack.id or record.pack_version != pack.pack.version:
            raise ValueError(
                f"session {record.id} was taken on {record.pack_id} {record.pack_version}, "
                f"not {pack.pack.id} {pack.pack.version}"
            )
        known = {q.id for q in pack.questions}
        missing = [qid for qid in record.order if qid not in known]
        if missing or any(a.id != qid for a, qid in zip(record.answers, record.order, strict=False)):
            raise ValueError(f"session {record.id} does not match the pack's questions")
        return cls(pack, record, saver)

    @classmethod
    def resume_newest(
        cls, pack: Pack, records: Iterable[SessionRecord], saver: Saver | None = None
    ) -> tuple[Session | None, list[str]]:
        """The newest of `records` (newest first) that this pack can resume, and why
        each newer one could not be (one line each, naming the session)."""
        problems: list[str] = []
        for record in records:
            try:
                return cls.resume(pack, record, saver), problems
            except ValueError as exc:
                problems.append(f"{exc}: it cannot be resumed (the file is kept)")
        return None, problems

    # --- where we are ----------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def position(self) -> int:
        """How many questions have been answered or skipped."""
        return len(self.verdicts)

    @property
    def current(self) -> AnyQuestion | None:
        """The question to ask now, or None when every question has had its turn."""
        return self.questions[self.position] if self.position < self.total else None

    @property
    def done(self) -> bool:
        return self.position >= self.total

    @property
    def finished(self) -> bool:
        return self.record.status == "finished"

    @property
    def score(self) -> int:
        """Right answers given without a peek."""
        answers = self.record.answers
        return sum(v.correct and not a.peeked for v, a in zip(self.verdicts, answers, strict=False))

    @property
    def peeked(self) -> bool:
        """Whether the current question's section has been peeked at."""
        current = self.current
        return current is not None and self.record.peeking == current.id

    @property
    def percent(self) -> float:
        return round(100 * self.score / self.total, 1) if self.total else 0.0

    @property
    def passed(self) -> bool:
        return self.percent >= self.pack.pack.pass_mark

    # --- answering ---------------------------------------------------------------

    def answer(self, text: str, now: datetime | None = None, *, ask_again: bool = False) -> Verdict:
        """Grade `text` against the current question, record it and move on.

        `ask_again`: an answer that cannot be read for the question's kind (no
        figure, no option, neither true nor false) is not recorded; the verdict says
        why and the question stays open. For a person typing, not for a script.
        """
        question = self.current
        if question is None:
            raise RuntimeError("the quiz has no question left to answer")
        verdict = self._grade(question, text)
        if ask_again and verdict.unreadable:
            return verdict
        self._record(question, text, verdict, now)
        return verdict

    def peek(self) -> None:
        """Record that the current question's section was looked at: a right answer
        to it will score nothing. Saved at once, so a kill does not undo it."""
        question = self.current
        if question is None or self.record.peeking == question.id:
            return
        self.record.peeking = question.id
        self._save()

    def rate(self, rating: int, index: int | None = None) -> None:
        """Record the learner's own rating (1 Again .. 4 Easy, records.RATINGS) of an
        answer already given (the last one by default), as Anki lets you change it:
        the review schedule then uses it instead of the verdict's. Saved at once."""
        if not 1 <= rating <= 4:
            raise ValueError(f"a rating is 1 (again) to 4 (easy), not {rating}")
        answers = self.record.answers
        if not answers:
            raise RuntimeError("no answer to rate yet")
        answers[-1 if index is None else index].rating = rating
        self._save()

    def skip(self, now: datetime | None = None) -> Verdict:
        """Move past the current question; it counts as wrong."""
        return self.answer("", now)

    def finish(self, now: datetime | None = None) -> SessionRecord:
        """Close the session: unanswered questions count as wrong; save it."""
        while (question := self.current) is not None:  # until done
            self._record(question, "", self._grade(question, ""), now, save=False)
        self.record.status = "finished"
        self.record.finished_at = now or now_utc()
        self._refresh_score()
        self._save()
        return self.record

    def outcomes(self) -> list[Outcome]:
        return [
            Outcome(q, a, v)
            for q, a, v in zip(self.questions, self.record.answers, self.verdicts, strict=False)
        ]

    def missed(self) -> list[Outcome]:
        """The questions answered wrong or skipped (right after a peek is not missed: see peeked_right)."""
        return [o for o in self.outcomes() if not o.verdict.correct]

    def peeked_right(self) -> list[Outcome]:
        """Answered right after a peek: no score, shown apart."""
        return [o for o in self.outcomes() if o.peeked_right]

    # --- inside ----------------------------------------------------------------

    def _judge(self, question: AnyQuestion, answer: AnswerRecord) -> Verdict:
        return self._grade(question, answer.given)

    def _grade(self, question: AnyQuestion, text: str) -> Verdict:
        # The grader is imported when the first answer is judged, not to start a quiz:
        # its first question is drawn without it (the TUI imports it meanwhile).
        from briefing.grading.grader import grade

        return grade(question, text, self.pack)

    def _record(
        self, question: AnyQuestion, text: str, verdict: Verdict, now: datetime | None, save: bool = True
    ) -> None:
        self.verdicts.append(verdict)
        peeked = self.record.peeking == question.id
        self.record.peeking = None
        self.record.answers.append(
            AnswerRecord(
                id=question.id,
                given=text,
                correct=verdict.correct,
                skipped=verdict.skipped,
                peeked=peeked,
                answered_at=now or now_utc(),
            )
        )
        self._refresh_score()
        if save:
            self._save()

    def _refresh_score(self) -> None:
        self.record.score = self.score
        self.record.max_score = self.total
        self.record.percent = self.percent
        self.record.passed = self.passed

    def _save(self) -> None:
        if self.saver is not None:
            self.saver(self.record)
