"""Errors the core raises, each made of one-line problems a person can act on."""

from __future__ import annotations

from typing import NamedTuple


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
        return ": ".join(parts)


class BriefingError(Exception):
    """Base of every error the command line turns into a one-line message."""

    exit_code = 2

    def __init__(self, problems: list[Problem] | str):
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
