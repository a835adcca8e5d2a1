"""Saved sessions: `<saves>/<profile>/<session-id>.toml`, written atomically.

Every write goes to a temporary file in the same folder (named `.*.tmp`),
is flushed and fsynced, then renamed onto its final name with `os.replace`,
and the folder is fsynced. A process killed at any instant therefore leaves
either the earlier whole file or the new whole file, never a mix; at worst a
stray `.*.tmp`, which readers ignore and which is removed once it is an hour
old.

Reading never crashes on a bad save: a file that cannot be read, is not TOML
or does not fit `SessionRecord` is reported in one line and set aside as
`<name>.corrupt` (`.corrupt-2`, ... if that exists), never deleted or
overwritten. A save written by a newer version of briefing (a higher
`schema_version`) is reported and skipped but left in place: it is not
damaged, and a newer briefing can still read it.

Nothing here imports Textual or Rich.
"""

from __future__ import annotations

import errno
import os
import re
import stat as stat_mod
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import tomli_w

from briefing.errors import Problem, SaveError, printable, schema_message
from briefing.records import (  # noqa: F401
    PROFILE_RE,
    SCHEMA_VERSION,
    SessionRecord,
    check_profile,
    checker,
    new_session_id,
    schema_for,
    to_data,
)

if TYPE_CHECKING:  # resuming needs the engine; reading saves for stats does not
    from briefing.engine import Saver, Session
    from briefing.pack import Pack

# A session id is also a file name: no dots (no hidden files, no `..`), no slashes.
SESSION_ID_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,127}")
MAX_SAVE_BYTES = 8 * 1024 * 1024
STALE_TEMP_SECONDS = 3600
_TEMP_PREFIX, _TEMP_SUFFIX = ".", ".tmp"
_TEMP_RE = re.compile(r"\..*\.tmp")


# --- names -------------------------------------------------------------------


def profile_dir(saves_dir: str | Path, profile: str) -> Path:
    return Path(saves_dir) / check_profile(profile)


def session_path(saves_dir: str | Path, profile: str, session_id: str) -> Path:
    """Where a session is saved; SaveError for a profile or id that is not a safe name."""
    if not isinstance(session_id, str) or not SESSION_ID_RE.fullmatch(session_id):
        raise SaveError(f"session id {printable(repr(session_id))}: must be letters, digits, '-' or '_'")
    return profile_dir(saves_dir, profile) / f"{session_id}.toml"


# --- writing -----------------------------------------------------------------


def atomic_write(path: str | Path, data: bytes) -> None:
    """Replace `path` with `data` whole, or leave it as it was. Raises OSError.

    The new file gets the usual permissions (0o666 less the umask), not the
    0o600 of a bare temporary file.
    """
    path = Path(path)
    folder = path.parent
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as handle:
            if hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o666 & ~_umask())
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


def save(record: SessionRecord, saves_dir: str | Path) -> Path:
    """Write `record` to `<saves_dir>/<profile>/<id>.toml` atomically; return the path.

    Saving the same record again replaces its file atomically. Any failure is
    a SaveError naming the folder and the reason.
    """
    path = session_path(saves_dir, record.profile, record.id)
    record.schema_version = schema_for(record)  # the lowest format that holds it: older readers keep up
    data = tomli_w.dumps(to_data(record)).encode("utf-8")
    folder = path.parent
    try:
        _make_folder(folder)
        atomic_write(path, data)
    except OSError as exc:
        raise SaveError(f"{printable(str(folder))}: cannot save the session: {_reason(exc)}") from None
    _remove_stale_temps(folder)
    return path


def check_writable(saves_dir: str | Path, profile: str | None) -> Path:
    """Create the profile folder (or, with no profile yet, the saves folder) and
    prove a file can be made and removed there.

    Called before a quiz starts, so that a quiz is never lost at the end.
    Returns the folder; raises SaveError.
    """
    folder = Path(saves_dir) if profile is None else profile_dir(saves_dir, profile)
    try:
        _make_folder(folder)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=_TEMP_PREFIX, suffix=_TEMP_SUFFIX)
        os.close(fd)
        os.unlink(tmp)
    except OSError as exc:
        raise SaveError(f"{printable(str(folder))}: cannot save sessions here: {_reason(exc)}") from None
    return folder


def list_profiles(saves_dir: str | Path) -> list[str]:
    """The profiles that have a folder under `saves_dir`, sorted."""
    try:
        entries = list(Path(saves_dir).iterdir())
    except OSError:
        return []
    return sorted(p.name for p in entries if p.is_dir() and PROFILE_RE.fullmatch(p.name))


def discard(saves_dir: str | Path, record: SessionRecord) -> bool:
    """Remove a session's file; False when there was none. Raises SaveError."""
    path = session_path(saves_dir, record.profile, record.id)
    try:
        path.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise SaveError(f"{printable(str(path))}: cannot remove the session: {_reason(exc)}") from None
    return True


# --- reading -----------------------------------------------------------------


@dataclass
class LoadResult:
    """The sessions that could be read, oldest first, and one line per bad file."""

    sessions: list[SessionRecord] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    set_aside: list[Path] = field(default_factory=list)  # where bad files were moved
    # The profile's folder itself could not be read (not a folder, no permission):
    # its one line is in `problems`, and no session could be seen.
    unreadable: bool = False


def load_sessions(saves_dir: str | Path, profile: str) -> LoadResult:
    """Every session of a profile, sorted by start time; never raises for a bad file.

    A missing folder is an empty result. A bad file is reported in
    `problems` and renamed to `<name>.corrupt` (see the module docstring).
    """
    folder = profile_dir(saves_dir, profile)
    result = LoadResult()
    try:
        entries = sorted(folder.iterdir())
    except FileNotFoundError:
        return result
    except NotADirectoryError:
        result.problems.append(str(Problem(str(folder), None, None, "is not a folder")))
        result.unreadable = True
        return result
    except OSError as exc:
        result.problems.append(
            str(Problem(str(folder), None, None, f"cannot read the folder: {_reason(exc)}"))
        )
        result.unreadable = True
        return result
    for path in entries:
        if path.name.startswith(".") or path.suffix != ".toml":
            continue  # temp files, .corrupt files, anything else
        record = _load_one(path, profile, result)
        if record is not None:
            result.sessions.append(record)
    result.sessions.sort(key=lambda r: (_utc(r.started_at), r.id))
    _remove_stale_temps(folder)
    return result


def in_progress(
    saves_dir: str | Path, profile: str, pack_id: str, problems: list[str] | None = None
) -> list[SessionRecord]:
    """The in-progress sessions of `profile` for `pack_id`, newest first.

    Lines about bad files met on the way are appended to `problems` if given.
    """
    loaded = load_sessions(saves_dir, profile)
    if problems is not None:
        problems.extend(loaded.problems)
    return [r for r in reversed(loaded.sessions) if r.status == "in_progress" and r.pack_id == pack_id]


def resume_saved(
    pack: Pack, saves_dir: str | Path, profile: str, saver: Saver | None = None
) -> tuple[Session | None, list[str], list[str]]:
    """The newest unfinished session of `profile` on this pack in `saves_dir` that
    can be resumed, the saves that could not be read, and why newer unfinished
    ones cannot be resumed (one line each). Both front ends resume through this."""
    from briefing.engine import Session  # the grader comes with it: not for `stats`

    unreadable: list[str] = []
    records = in_progress(saves_dir, profile, pack.pack.id, unreadable)
    session, stale = Session.resume_newest(pack, records, saver)
    return session, unreadable, stale


def load_one(path: Path, profile: str, result: LoadResult) -> SessionRecord | None:
    """One save, read as load_sessions reads each file: None when it cannot be, with its
    line in `result.problems` (and set aside when damaged). For a derived cache's misses."""
    return _load_one(path, profile, result)


def _load_one(path: Path, profile: str, result: LoadResult) -> SessionRecord | None:
    label = str(path)

    def bad(message: str, fld: str | None = None, stat: os.stat_result | None = None) -> None:
        where = _set_aside(path, stat)
        if isinstance(where, Path):
            result.set_aside.append(where)
            message += f"; set aside as {where.name}"
        elif where:
            message += f"; could not set it aside: {where}"
        result.problems.append(str(Problem(label, None, fld, message)))

    try:
        # Look before opening: opening a FIFO named *.toml would block.
        if not _is_regular(os.stat(path)):
            result.problems.append(str(Problem(label, None, None, "is not a regular file; skipped")))
            return None
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            raw = handle.read(MAX_SAVE_BYTES + 1)
    except FileNotFoundError:
        return None  # removed since the folder was listed (discarded, or set aside by another reader)
    except OSError as exc:
        bad(f"cannot read ({_reason(exc)})")
        return None

    if len(raw) > MAX_SAVE_BYTES:
        bad(f"is over {MAX_SAVE_BYTES // (1024 * 1024)} MB, too large for a save", stat=st)
        return None
    if not raw.strip():
        bad("is empty", stat=st)
        return None
    import tomllib  # only where saves are read: a headless run from --answers never reads them

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        bad(f"not UTF-8 text (byte {exc.start})", stat=st)
        return None
    except tomllib.TOMLDecodeError as exc:
        bad(f"not valid TOML ({exc})", stat=st)
        return None

    version = data.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        # Not damaged: written by a newer briefing. Leave it where it is.
        result.problems.append(
            str(
                Problem(
                    label,
                    None,
                    None,
                    f"written by a newer briefing (schema_version {version}; "
                    f"this one reads up to {SCHEMA_VERSION}); skipped",
                )
            )
        )
        return None
    from pydantic import ValidationError

    try:
        record = checker().validate_python(data)
    except ValidationError as exc:
        errors = exc.errors()
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        bad(schema_message(first) + more, _loc(first["loc"]), stat=st)
        return None
    if isinstance(version, int) and version < 1:
        bad(f"must be 1 to {SCHEMA_VERSION}", "schema_version", stat=st)
        return None

    # The file's place is authoritative: a save copied or renamed by hand is
    # read as the session its name and folder say, so later saves and
    # `discard` act on this very file.
    stem = path.name[: -len(".toml")]
    if SESSION_ID_RE.fullmatch(stem):
        record.id = stem
    else:
        result.problems.append(str(Problem(label, None, None, "file name is not a session id; skipped")))
        return None
    record.profile = profile
    return record


def _set_aside(path: Path, stat: os.stat_result | None) -> Path | str | None:
    """Rename a bad file to `<name>.corrupt`, `.corrupt-2`, ...; never overwrite.

    Returns the new path, an error text, or None when the file was replaced
    or removed meanwhile (by a process saving it again): nothing to set aside.
    """
    if stat is not None:
        try:
            now = os.stat(path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            return _reason(exc)
        if (now.st_ino, now.st_dev) != (stat.st_ino, stat.st_dev):
            return None  # replaced by a fresh save since it was read
    for n in range(1, 1000):
        target = path.with_name(f"{path.name}.corrupt" + ("" if n == 1 else f"-{n}"))
        try:
            _rename_no_replace(path, target)
            return target
        except FileExistsError:
            continue
        except FileNotFoundError:
            return None  # another reader set it aside first
        except OSError as exc:
            return _reason(exc)
    return "too many .corrupt files"


def _rename_no_replace(src: Path, dst: Path) -> None:
    """Rename, failing with FileExistsError rather than replacing `dst`."""
    try:
        os.link(src, dst)  # fails if dst exists: no window in which dst is overwritten
    except FileExistsError:
        raise
    except FileNotFoundError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK, errno.ENOTSUP):
            raise
        # No hard links on this file system: check, then rename.
        if os.path.lexists(dst):
            raise FileExistsError(errno.EEXIST, "exists", str(dst)) from None
        os.rename(src, dst)
        return
    os.unlink(src)


# --- small helpers -------------------------------------------------------------


def _loc(loc: tuple[int | str, ...]) -> str | None:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__


def _utc(when: datetime) -> datetime:
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when


def _is_regular(st: os.stat_result) -> bool:
    return stat_mod.S_ISREG(st.st_mode)


def _make_folder(folder: Path) -> None:
    existed = folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True)
    if not existed:
        _fsync_dir(folder.parent)  # the new folder's own name survives a crash too


def _fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable; a no-op where folders cannot be opened."""
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
    try:
        fd = os.open(folder, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on a folder; the data itself is synced
    finally:
        os.close(fd)


def _remove_stale_temps(folder: Path) -> None:
    """Remove `.*.tmp` files left by killed writers, once they are an hour old."""
    cutoff = time.time() - STALE_TEMP_SECONDS
    try:
        names = os.listdir(folder)
    except OSError:
        return
    for name in names:
        if not _TEMP_RE.fullmatch(name):
            continue
        path = folder / name
        try:
            st = os.lstat(path)
            if _is_regular(st) and st.st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass


_UMASK: int | None = None


def _umask() -> int:
    """The process umask, read once (from /proc where possible: no window in which it is 0)."""
    global _UMASK
    if _UMASK is None:
        try:
            with open("/proc/self/status", encoding="ascii", errors="replace") as status:
                for line in status:
                    if line.startswith("Umask:"):
                        _UMASK = int(line.split()[1], 8)
                        break
        except (OSError, ValueError):
            pass
        if _UMASK is None:
            _UMASK = os.umask(0o022)
            os.umask(_UMASK)
    return _UMASK
