"""A fast read of a profile's saves: each session's header and answers, through a derived cache.

Reading 1,000 TOML saves through pydantic takes a second or more, and stats, due,
review and the team view read them all on every run. Each profile folder therefore
keeps `.index.json`: for every save its name, size, mtime (ns) and inode, and what
stats and schedules need of it (not the answers' text) in a compact form.

- Derived: deleting it loses nothing; the next read rebuilds it.
- Never trusted over the files: an entry is used only while its file's size, mtime
  and inode are unchanged, and only when the file is older than the index's scan by
  more than a clock tick (a file rewritten in the same tick as the scan is read again,
  git's "racy" rule). Every other file is read from its TOML through `store`, which
  also reports and sets aside bad files exactly as `store.load_sessions` does.
- Rewritten atomically (`store.atomic_write`) only when something changed; a folder
  that cannot be written is read without it. Concurrent writers: the last one wins,
  and every version is a valid index.
- JSON, not pickle or marshal: a shared folder's cache is data, never code; an index
  that cannot be read or has the wrong shape is ignored, entry by entry.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

from briefing import store
from briefing.records import SCHEMA_VERSION, SessionRecord

INDEX_NAME = ".index.json"
INDEX_VERSION = 1
RACY_NS = 2_000_000_000  # a file changed within 2 s of the scan is read again next time
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_US = timedelta(microseconds=1)


def to_us(when: datetime) -> int:
    """A moment as whole microseconds since 1970 UTC (a naive time is taken as UTC): exact."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return (when - EPOCH) // _US


def from_us(us: int) -> datetime:
    """Back from to_us, in datetime.timezone.utc (what fsrs requires)."""
    return EPOCH + timedelta(microseconds=us)


class Answer(NamedTuple):
    """One answer as stats and schedules read it (the text given is left out)."""

    id: str
    correct: bool
    skipped: bool
    peeked: bool
    at: int | None  # answered at, microseconds since 1970 UTC (to_us)
    rating: int | None  # the learner's own rating, 1-4, if any

    @property
    def answered_at(self) -> datetime | None:
        return None if self.at is None else from_us(self.at)


@dataclass(slots=True)
class Session:
    """A saved session's header and answers: what `stats.compute` and the schedules read."""

    id: str
    profile: str
    status: str
    pack_id: str
    pack_version: str
    pass_mark: float
    started_at: datetime
    finished_at: datetime | None
    score: int
    max_score: int
    percent: float
    passed: bool
    mode: str
    scope: str
    answers: Sequence[Answer]


@dataclass
class Loaded:
    """A profile's sessions, sorted by start (as store.load_sessions), and one line per bad file."""

    sessions: list[Session] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    unreadable: bool = False


def _row(record: SessionRecord) -> list:
    """A record in the index's compact form."""
    finished = record.finished_at
    return [
        record.status,
        record.pack_id,
        record.pack_version,
        record.pass_mark,
        to_us(record.started_at),
        None if finished is None else to_us(finished),
        record.score,
        record.max_score,
        record.percent,
        record.passed,
        record.mode,
        record.scope,
        [
            [
                a.id,
                a.correct,
                a.skipped,
                a.peeked,
                None if a.answered_at is None else to_us(a.answered_at),
                a.rating,
            ]
            for a in record.answers
        ],
    ]


def _session(sid: str, profile: str, row: list) -> Session:
    (
        status,
        pack_id,
        version,
        pass_mark,
        started,
        finished,
        score,
        max_score,
        percent,
        passed,
        mode,
        scope,
        rows,
    ) = row
    answers = [Answer._make(a) for a in rows]
    if any(len(a) != 6 or not isinstance(a.id, str) for a in answers) or not isinstance(started, int):
        raise ValueError("bad entry")
    return Session(
        sid,
        profile,
        status,
        pack_id,
        version,
        pass_mark,
        from_us(started),
        None if finished is None else from_us(finished),
        score,
        max_score,
        percent,
        passed,
        mode,
        scope,
        answers,
    )


def load(saves_dir: str | Path, profile: str, *, write: bool = True) -> Loaded:
    """Every session of a profile, oldest first; never raises for a bad file or a bad index.

    `write=False` reads without updating the index (a read-only look)."""
    folder = store.profile_dir(saves_dir, profile)
    scan_ns = time.time_ns()
    try:
        entries = [e for e in os.scandir(folder) if e.name.endswith(".toml") and not e.name.startswith(".")]
    except OSError:  # missing, not a folder, unreadable: store says so in its own words
        full = store.load_sessions(saves_dir, profile)
        return Loaded([_from_record(r, profile) for r in full.sessions], full.problems, full.unreadable)
    cached, written_ns = _read_index(folder / INDEX_NAME)
    result = Loaded()
    fresh: dict[str, list] = {}
    changed = len(cached) != len(entries)
    bad = store.LoadResult()
    for entry in entries:
        name = entry.name
        try:
            st = entry.stat()
        except OSError:
            continue  # removed since the folder was listed
        key = [st.st_size, st.st_mtime_ns, st.st_ino]
        hit = cached.get(name)
        session = None
        if hit is not None and hit[0] == key and st.st_mtime_ns < written_ns - RACY_NS:
            try:
                session = _session(name[:-5], profile, hit[1])
                fresh[name] = hit
            except (TypeError, ValueError, IndexError):
                session = None
        if session is None:
            changed = True
            record = store.load_one(Path(entry.path), profile, bad)
            if record is None:
                continue
            row = _row(record)
            session = _session(record.id, profile, row)
            fresh[name] = [key, row]
        result.sessions.append(session)
    result.problems = bad.problems
    result.sessions.sort(key=lambda s: (s.started_at, s.id))
    if write and (changed or fresh.keys() != cached.keys()):
        _write_index(folder / INDEX_NAME, fresh, scan_ns)
    return result


def load_all(saves_dir: str | Path) -> dict[str, Loaded]:
    """Every profile's sessions in a saves folder (the team view), by profile name."""
    return {profile: load(saves_dir, profile) for profile in store.list_profiles(saves_dir)}


def _from_record(record: SessionRecord, profile: str) -> Session:
    return _session(record.id, profile, _row(record))


def _read_index(path: Path) -> tuple[dict[str, list], int]:
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}, 0
    if (
        not isinstance(data, dict)
        or data.get("version") != INDEX_VERSION
        or data.get("schema") != SCHEMA_VERSION
        or not isinstance(data.get("files"), dict)
        or not isinstance(data.get("scanned_ns"), int)
    ):
        return {}, 0
    files = {k: v for k, v in data["files"].items() if isinstance(v, list) and len(v) == 2}
    return files, data["scanned_ns"]


def _write_index(path: Path, files: dict[str, list], scan_ns: int) -> None:
    data = {"version": INDEX_VERSION, "schema": SCHEMA_VERSION, "scanned_ns": scan_ns, "files": files}
    try:
        store.atomic_write(path, json.dumps(data, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # a read-only folder is read without a cache
