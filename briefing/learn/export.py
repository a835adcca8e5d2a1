"""Every answer as a row, for a spreadsheet or pandas: CSV (RFC 4180) or JSON.

One row per answer: profile, pack id and version, session id, mode, scope,
question id, kind, given, correct, skipped, peeked, rating, answered at. CSV has a
header row, CRLF line ends and quotes only where needed (Python's csv module);
booleans are `true`/`false` and times ISO 8601 in UTC, so `csv.DictReader` and
`pandas.read_csv` read it without options. Reads the full saves (the text given is
not in the index).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

from briefing.pack import Pack
from briefing.records import SessionRecord

COLUMNS = (
    "profile",
    "pack_id",
    "pack_version",
    "session_id",
    "mode",
    "scope",
    "question_id",
    "kind",
    "given",
    "correct",
    "skipped",
    "peeked",
    "rating",
    "answered_at",
)


def rows(sessions: Iterable[SessionRecord], packs: Iterable[Pack] = ()) -> list[dict]:
    """One dict per answer, in session then answer order; `kind` from the pack that
    has the question ("" when none does)."""
    kinds = {(p.pack.id, q.id): q.kind for p in packs for q in p.questions}
    out = []
    for s in sessions:
        for a in s.answers:
            out.append(
                {
                    "profile": s.profile,
                    "pack_id": s.pack_id,
                    "pack_version": s.pack_version,
                    "session_id": s.id,
                    "mode": s.mode,
                    "scope": s.scope,
                    "question_id": a.id,
                    "kind": kinds.get((s.pack_id, a.id), ""),
                    "given": a.given,
                    "correct": a.correct,
                    "skipped": a.skipped,
                    "peeked": a.peeked,
                    "rating": a.rating,
                    "answered_at": None if a.answered_at is None else a.answered_at.isoformat(),
                }
            )
    return out


def to_csv(table: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)  # excel dialect: CRLF, minimal quoting, "" for a quote
    writer.writerow(COLUMNS)
    for row in table:
        writer.writerow([_cell(row[c]) for c in COLUMNS])
    return out.getvalue()


def to_json(table: list[dict]) -> str:
    return json.dumps(table, indent=2, ensure_ascii=False) + "\n"


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return value
