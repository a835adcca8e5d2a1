"""A finished session as a report: a pydantic model, rendered as text, JSON or JUnit."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from briefing.engine import Session
from briefing.errors import printable


class QuestionResult(BaseModel):
    id: str
    kind: str
    prompt: str
    given: str
    correct: bool
    skipped: bool = False
    # The section was peeked at before answering: right or not, it scores nothing.
    peeked: bool = False
    expected: str
    explanation: str
    trap: str | None = None
    note: str | None = None
    # figure questions: the right value in plain units (or a range) and its unit
    value: int | float | None = None  # whole numbers stay whole: 1890000000, not 1890000000.0
    low: int | float | None = None
    high: int | float | None = None
    unit: str | None = None
    # attribution questions: who said it
    speaker: str | None = None


class Report(BaseModel):
    pack: str
    pack_version: str
    profile: str
    seed: int | None = None
    started_at: datetime
    finished_at: datetime | None
    score: int
    max_score: int
    percent: float
    pass_mark: float
    passed: bool
    peeked: int = 0  # questions answered after a peek at their section
    questions: list[QuestionResult]


def _number(x: float | None) -> float | int | None:
    """1890000000.0 -> 1890000000: whole numbers read as whole numbers."""
    return int(x) if x is not None and float(x).is_integer() else x


def build(session: Session) -> Report:
    record, pack = session.record, session.pack
    results: list[QuestionResult] = []
    for outcome in session.outcomes():
        q, a, v = outcome.question, outcome.record, outcome.verdict
        # Each kind's own fields; the others stay None (and out of the JSON).
        value: float | None = None
        low: float | None = None
        high: float | None = None
        unit: str | None = None
        speaker: str | None = None
        if q.kind == "figure":
            value, low, high, unit = _number(q.value), _number(q.low), _number(q.high), q.unit
        elif q.kind == "attribution":
            speaker = pack.person(q.speaker).name
        results.append(
            QuestionResult(
                id=q.id,
                kind=q.kind,
                prompt=q.prompt,
                given=a.given,
                correct=v.correct,
                skipped=v.skipped,
                peeked=a.peeked,
                expected=v.expected,
                explanation=v.explanation,
                trap=v.trap,
                note=v.note,
                value=value,
                low=low,
                high=high,
                unit=unit,
                speaker=speaker,
            )
        )
    return Report(
        pack=record.pack_id,
        pack_version=record.pack_version,
        profile=record.profile,
        seed=record.seed,
        started_at=record.started_at,
        finished_at=record.finished_at,
        score=record.score,
        max_score=record.max_score,
        percent=record.percent,
        pass_mark=record.pass_mark,
        passed=record.passed,
        peeked=sum(r.peeked for r in results),
        questions=results,
    )


def render(report: Report, fmt: str) -> str:
    """The report in one of defaults.REPORT_FORMATS."""
    return _RENDERERS[fmt](report)


def to_json(report: Report) -> str:
    data = report.model_dump(mode="json")
    for q in data["questions"]:  # keep each question's shape to its kind
        for key in ("value", "low", "high", "unit", "speaker", "trap", "note"):
            if q.get(key) is None:
                q.pop(key, None)
    import json

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def to_text(report: Report) -> str:
    verdict = "PASS" if report.passed else "FAIL"
    lines = [
        f"{report.pack} {report.pack_version}  profile {report.profile}",
        f"Score {report.score}/{report.max_score} ({report.percent:g}%), "
        f"pass mark {report.pass_mark:g}%: {verdict}",
    ]
    missed = [q for q in report.questions if not q.correct]
    if missed:
        lines += ["", f"Missed ({len(missed)}):"]
        for q in missed:
            given = "(skipped)" if q.skipped else q.given
            lines.append(f"- [{q.id}] {q.prompt}")
            lines.append(f"    given: {given}    expected: {q.expected}")
            if q.trap:
                lines.append(f"    note: {q.trap}")
            elif q.note:
                lines.append(f"    note: {q.note}")
            lines.append(f"    why: {q.explanation}")
    peeked = [q for q in report.questions if q.correct and q.peeked]
    if peeked:
        lines += ["", f"Right after a peek, not scored ({len(peeked)}):"]
        lines += [f"- [{q.id}] {q.prompt}" for q in peeked]
    return printable("\n".join(lines)) + "\n"


def to_junit(report: Report) -> str:
    from xml.sax.saxutils import escape, quoteattr

    failures = sum(not q.correct or q.peeked for q in report.questions)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<testsuites tests="{len(report.questions)}" failures="{failures}">',
        f'  <testsuite name={quoteattr(report.pack)} tests="{len(report.questions)}" '
        f'failures="{failures}" timestamp={quoteattr(report.started_at.isoformat())}>',
    ]
    for q in report.questions:
        head = f"    <testcase classname={quoteattr(report.pack + '.' + q.kind)} name={quoteattr(q.id)}"
        if q.correct and not q.peeked:
            out.append(head + "/>")
            continue
        message = f"given {q.given!r}, expected {q.expected!r}"
        if q.correct:
            message = f"right after a peek at its section, not scored: given {q.given!r}"
        body = "\n".join(filter(None, [q.prompt, q.trap or q.note, q.explanation]))
        out.append(head + ">")
        out.append(
            f"      <failure message={quoteattr(_xml_safe(message))}>{escape(_xml_safe(body))}</failure>"
        )
        out.append("    </testcase>")
    out += ["  </testsuite>", "</testsuites>"]
    return "\n".join(out) + "\n"


def _xml_safe(text: str) -> str:
    """XML 1.0 cannot carry most control characters, even escaped."""
    return "".join(ch if ch in "\t\n\r" or ord(ch) >= 0x20 else f"\\x{ord(ch):02x}" for ch in text)


_RENDERERS = {"text": to_text, "json": to_json, "junit": to_junit}
