"""A library of packs: `--pack` names a file, or a folder that holds several.

A folder's packs are the `*.toml` files directly in it that have a `[pack]`
table; other TOML files there (answers files, answer keys) are passed over.
A file that has a `[pack]` table but is not a valid pack is reported in one
line and left out, so one broken pack does not hide the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing import pack as packs
from briefing.errors import PackError, UsageError


@dataclass(frozen=True, slots=True)
class Entry:
    """A pack found in a library, with the file it came from."""

    path: Path
    pack: packs.Pack

    @property
    def label(self) -> str:
        return self.path.name if self.path == packs.BUNDLED_PACK else str(self.path)


def find(where: str | Path | None) -> tuple[list[Entry], list[str]]:
    """The packs `where` names (a file, a folder, or None for the bundled pack), by
    title, and one line for each file that looked like a pack but is not valid."""
    if where is None:
        return [Entry(packs.BUNDLED_PACK, packs.load())], []
    path = Path(where)
    if not path.is_dir():
        return [Entry(path, packs.load(path))], []
    entries: list[Entry] = []
    problems: list[str] = []
    for file in sorted(path.glob("*.toml")):
        try:
            found = packs.from_text(packs.read_text(file, label=str(file)), str(file), only_packs=True)
        except PackError as exc:
            more = (
                f" (and {len(exc.problems) - 1} more: briefing validate {file})"
                if len(exc.problems) > 1
                else ""
            )
            problems.append(str(exc.problems[0]) + more)
            continue
        if found is not None:  # None: an answers file, an answer key: not a pack
            entries.append(Entry(file, found))
    entries.sort(key=lambda e: (e.pack.pack.title.casefold(), e.pack.pack.id))
    return entries, problems


def load_one(where: str | Path | None) -> packs.Pack:
    """The one pack `where` names; a folder must hold exactly one (else a one-line error)."""
    if where is None or not Path(where).is_dir():
        return packs.load(where)
    entries, problems = find(where)
    if len(entries) == 1:
        return entries[0].pack
    if not entries:
        reason = f"{where}: no valid pack in this folder"
        raise PackError([reason, *problems] if problems else [reason])
    names = ", ".join(e.path.name for e in entries)
    raise UsageError(f"{where}: holds {len(entries)} packs ({names}): name one with --pack FILE")
