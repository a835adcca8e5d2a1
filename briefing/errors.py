"""Errors the core raises, each made of one-line problems a person can act on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from briefing.defaults import EXIT_USAGE

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """Text safe to print on a terminal: control characters shown, not obeyed."""
    return _UNPRINTABLE.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100 else f"\\u{ord(m.group()):04x}", text
    )


class Problem(NamedTuple):
    """One thing wrong with an input file: where it is and what is wrong.

    Printed as one line: `questions.toml:212: question 'rd-yoy', field 'value': must be a number`
    (`file: ...` when the line is not known; `file:12: warning: ...` for a warning).
    """

    file: str
    where: str | None  # e.g. "question 'rd-yoy'", or None for the whole file
    field: str | None
    message: str
    line: int | None = None  # 1-based, in `file`
    # Where in the file's data, for finding `line` later (briefing.positions):
    # ("questions", 3, "value"), or an entry by id: ("questions", "rd-yoy", "value").
    at: tuple[str | int, ...] | None = None
    warning: bool = False  # worth saying, but the file is usable

    def __str__(self) -> str:
        parts = [f"{self.file}:{self.line}" if self.line else self.file]
        if self.warning:
            parts.append("warning")
        named = ", ".join(
            part for part in (self.where, f"field {self.field!r}" if self.field else None) if part
        )
        if named:
            parts.append(named)
        parts.append(self.message)
        return printable(": ".join(parts))

    def to_json(self) -> dict[str, str | int | None]:
        """What a JSON report says of it."""
        return {
            "file": self.file,
            "line": self.line,
            "where": self.where,
            "field": self.field,
            "message": self.message,
        }


class BriefingError(Exception):
    """Base of every error the command line turns into a one-line message."""

    exit_code = EXIT_USAGE

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


# What pydantic's error types mean, said as a person fixing a TOML file needs it.
# Packs, answers and saves all read their errors through `schema_message`.
_SCHEMA_MESSAGES = {
    "missing": "required",
    "extra_forbidden": "unknown field",
    "unexpected_keyword_argument": "unknown field",  # what a dataclass says for extra_forbidden
    "missing_keyword_only_argument": "required",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "string_type": "must be a string",
    "string_too_short": "must not be empty",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "dataclass_type": "must be a table",
    "dataclass_args_type": "must be a table",
    "datetime_type": "must be a date and time",
    "datetime_parsing": "must be a date and time",
    "datetime_from_date_parsing": "must be a date and time",
    "string_pattern_mismatch": "must be letters, digits, '-' or '_'",
}


def schema_message(err: ErrorDetails, overrides: dict[str, str] | None = None) -> str:
    """One of pydantic's errors (an item of `ValidationError.errors()`) in plain words."""
    kind = err["type"]
    if overrides and kind in overrides:
        return overrides[kind]
    if kind in _SCHEMA_MESSAGES:
        return _SCHEMA_MESSAGES[kind]
    ctx = err.get("ctx") or {}
    if kind == "too_short":
        return f"must have at least {ctx['min_length']} entries"
    if kind == "too_long":
        return f"must have at most {ctx['max_length']} entries"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        if isinstance(bound, float) and bound.is_integer():
            bound = int(bound)  # "at most 100", as the rule is written
        return f"must be {'at least' if kind == 'greater_than_equal' else 'at most'} {bound}"
    if kind == "literal_error":  # "must be 'a' or 'b'", "must be one of 'a', 'b' or 'c'"
        expected = str(ctx["expected"])
        return f"must be one of {expected}" if "," in expected else f"must be {expected}"
    return str(err["msg"]).removeprefix("Value error, ")
