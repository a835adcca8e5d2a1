"""grade(question, text, pack) -> Verdict: the one place an answer is judged."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.pack import Pack, expected_text


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement on one answer, with everything feedback needs."""

    correct: bool
    given: str
    expected: str  # display text of the right answer
    explanation: str  # the question's one-line explanation
    # When a wrong answer is another fact of the pack, what that fact is:
    # "40.7% is the year-over-year fall in Q1 R&D expenses".
    trap: str | None = None
    # Why a near miss is wrong: "right number, wrong scale", "wrong unit: miles".
    note: str | None = None
    skipped: bool = False


def grade(question, text: str, pack: Pack) -> Verdict:
    """Judge `text` as an answer to `question` of `pack`."""
    raise NotImplementedError  # filled in by the grading package
