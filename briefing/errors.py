"""Errors the core raises, each made of one-line problems a person can act on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters shown, not obeyed."""
    return _UNPRINTABLE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


class Problem(NamedTuple):
    """One thing wrong with an input file: where it is and what is wrong."""

    file: str
    where: str | None  # e.g. "question 'rd-yoy'", or None for the whole file
    field: str | None
    message: str

    def __str__(self) -> str:
        parts = [self.file]
        if self.where:
            parts.append(self.where)
        if self.field:
            parts.append(f"field {self.field!r}")
        parts.append(self.message)
        return printable(": ".join(parts))


class BriefingError(Exception):
    """Base of every error the command line turns into a one-line message."""

    exit_code = 2

    def __init__(self, problems: Sequence[Problem | str] | str):
        self.problems: list[Problem | str] = [problems] if isinstance(problems, str) else list(problems)
        super().__init__(str(self))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]

    def __str__(self) -> str:
        return "\n".join(self.lines())


class PackError(BriefingError):
    """The pack cannot be used: unreadable, not TOML, or invalid."""


class AnswersError(BriefingError):
    """An answers file cannot be used."""


class SaveError(BriefingError):
    """A save cannot be written or read."""


class UsageError(BriefingError):
    """The command line is wrong."""
