"""Packs already checked, kept so that the next start does not check them again.

Checking a pack means importing pydantic and compiling its validator: about a third
of the time to the briefing's first frame. A pack that passed (`pack.load`) is
pickled under a key made of its text and of the code that checked it (the pack's
classes, their rules, the unit registry, Python's version), so that an edited pack
or a new briefing is checked afresh. The cache is derived: anything wrong with it
(missing, unreadable, from another version, not a pack) is a miss, and the pack is
checked as if it had never been seen. Writing it never fails a command.

Where: $BRIEFING_CACHE, else $XDG_CACHE_HOME/briefing, else ~/.cache/briefing.
A pickle can run code, so a cache another user could have written is never read:
the cache folder, its `packs` folder and the file must be the user's own and
writable by no one else.
"""

from __future__ import annotations

import hashlib
import os
import sys
from functools import cache
from pathlib import Path
from typing import TypeVar

CACHE_ENV = "BRIEFING_CACHE"
KEEP = 64  # packs kept; the oldest are removed past this
_HERE = Path(__file__).resolve().parent
# The code a checked pack depends on: a change to any of it checks every pack again.
_CHECKED_BY = ("pack.py", "fields.py", "grading/units.py")

T = TypeVar("T")


def folder() -> Path:
    """Where checked packs are kept."""
    given = os.environ.get(CACHE_ENV)
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "briefing"


def get(text: str, kind: type[T]) -> T | None:
    """The pack checked from exactly `text` before, or None (then check it)."""
    import pickle

    path = _entry(text)
    if path is None or not all(_trusted(p) for p in (path.parent.parent, path.parent, path)):
        return None
    try:
        found = pickle.loads(path.read_bytes())
    except Exception:  # a damaged or foreign file is a miss, whatever unpickling raised
        return None
    if not isinstance(found, kind):
        return None
    try:
        os.utime(path)  # used now: kept over packs not used for longer (_prune)
    except OSError:
        pass
    return found


def put(text: str, pack: object) -> None:
    """Keep a pack that has just passed its checks; say nothing if it cannot be kept."""
    import pickle
    import tempfile

    path = _entry(text)
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not (_trusted(path.parent.parent) and _trusted(path.parent)):
            return
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as handle:  # mkstemp's 0o600: the user's own
                handle.write(pickle.dumps(pack, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)  # whole or not at all: a reader never sees half a file
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _prune(path.parent)
    except (OSError, pickle.PicklingError):
        return


def _entry(text: str) -> Path | None:
    code = _code_digest()
    if code is None:
        return None
    digest = code.copy()
    digest.update(text.encode("utf-8", "surrogatepass"))
    return folder() / "packs" / f"{digest.hexdigest()}.pickle"


@cache
def _code_digest() -> hashlib._Hash | None:
    """The digest of the code that checks a pack, read once a process (a folder of packs
    asks for it per pack)."""
    digest = hashlib.sha256()
    try:
        for name in _CHECKED_BY:
            digest.update((_HERE / name).read_bytes())
    except OSError:  # the sources are not beside the code (a frozen build): never cache
        return None
    digest.update(sys.version.encode())
    return digest


def _trusted(path: Path) -> bool:
    """The user's own, and writable by nobody else."""
    try:
        st = path.stat()
    except OSError:
        return False
    if st.st_mode & 0o022:
        return False
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def _prune(where: Path) -> None:
    """Keep the KEEP packs used last."""
    try:
        entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
