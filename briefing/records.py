"""What a quiz session leaves behind: the save format, as dataclasses that pydantic checks.

The TUI and the headless mode save the same `SessionRecord`, read back by
the same code (`briefing.store`). A session in progress is saved after every
answer with `status = "in_progress"`; a finished one has `status = "finished"`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol

from briefing.defaults import PROFILE
from briefing.errors import SaveError, printable
from briefing.fields import Rules

if TYPE_CHECKING:
    from pydantic import TypeAdapter

# The newest save format this briefing reads. A save is written with the lowest
# version that holds it (`schema_for`): a plain quiz stays 1, which older briefings
# sharing a saves folder still read; a review, or an answer with the learner's own
# rating, is 2, which they skip and leave in place (never set aside as corrupt).
SCHEMA_VERSION = 2
PROFILE_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# Which front end took a session.
Mode = Literal["tui", "headless"]
# "full": every question of the pack; "limited": --limit; "retry": the missed ones again;
# "section": the questions of one section of the briefing; "review": what the
# spaced-repetition schedule says is due (then new questions); "weakest": the
# questions the profile misses most (`briefing review --weakest`).
Scope = Literal["full", "limited", "retry", "section", "review", "weakest"]
REVIEW_SCOPES = ("review", "weakest")  # written as schema 2

# The learner's own rating of an answer, as Anki lets you change it: 1 Again,
# 2 Hard, 3 Good, 4 Easy (fsrs's Rating values). Without one the verdict rates it.
RATINGS = {"again": 1, "hard": 2, "good": 3, "easy": 4}


# A save with a field this briefing does not know is not read as if it had not.
_FORBID: Any = {"extra": "forbid"}


@dataclass(slots=True, kw_only=True)
class AnswerRecord:
    """One question as asked in a session and how it was answered."""

    __pydantic_config__ = _FORBID

    id: str
    given: str = ""
    correct: bool = False
    skipped: bool = False
    # The section that states the answer was looked at before answering: a right
    # answer then scores nothing.
    peeked: bool = False
    answered_at: datetime | None = None
    # The learner's own rating (1-4, see RATINGS), when they chose one: the review
    # schedule uses it instead of the verdict's. Schema 2.
    rating: Annotated[int, Rules(ge=1, le=4)] | None = None


@dataclass(slots=True, kw_only=True)
class SessionRecord:
    """One quiz session: enough to resume it, report it and count it in stats.

    The engine changes it as the quiz goes on; `briefing.store` reads and writes it."""

    __pydantic_config__ = _FORBID

    schema_version: int = 1  # see SCHEMA_VERSION and schema_for
    id: str  # also the file name, without .toml
    status: Literal["in_progress", "finished"] = "in_progress"
    profile: Annotated[str, Rules(pattern=PROFILE_RE.pattern)]
    pack_id: str
    pack_version: str
    pass_mark: float
    seed: int | None = None
    order: list[str]  # question ids, in the order they are asked
    answers: list[AnswerRecord] = field(default_factory=list)  # one per question answered or skipped so far
    started_at: datetime
    finished_at: datetime | None = None
    score: int = 0
    max_score: int = 0
    percent: float = 0.0
    # The question on screen when its section was peeked at, not yet answered: a
    # session killed and resumed there keeps the peek.
    peeking: str | None = None
    passed: bool = False
    mode: Mode = "headless"
    # Only full sessions make the headline last/best/mean percent.
    scope: Scope = "full"


class AnswerLike(Protocol):
    """What stats and schedules read of an answer: an AnswerRecord, or the saves
    index's lighter copy (briefing.learn.index), which leaves out the text given."""

    @property
    def id(self) -> str: ...
    @property
    def correct(self) -> bool: ...
    @property
    def skipped(self) -> bool: ...
    @property
    def peeked(self) -> bool: ...
    @property
    def answered_at(self) -> datetime | None: ...
    @property
    def rating(self) -> int | None: ...


class SessionLike(Protocol):
    """What stats and schedules read of a session (a SessionRecord, or the index's copy)."""

    @property
    def id(self) -> str: ...
    @property
    def profile(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def pack_id(self) -> str: ...
    @property
    def pack_version(self) -> str: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def finished_at(self) -> datetime | None: ...
    @property
    def score(self) -> int: ...
    @property
    def max_score(self) -> int: ...
    @property
    def percent(self) -> float: ...
    @property
    def passed(self) -> bool: ...
    @property
    def mode(self) -> str: ...
    @property
    def scope(self) -> str: ...
    @property
    def answers(self) -> Sequence[AnswerLike]: ...


@cache
def checker() -> TypeAdapter[SessionRecord]:
    """pydantic's reader and writer of a save, compiled when first wanted: `validate_python`
    raises pydantic's ValidationError for data that does not fit (briefing.store says it
    in one line). The TUI compiles it after its first frame, before the first answer."""
    from pydantic import TypeAdapter

    return TypeAdapter(SessionRecord)


def to_data(record: SessionRecord) -> dict[str, Any]:
    """A session as a save holds it: plain TOML values, times in ISO 8601, no empty fields."""
    return checker().dump_python(record, mode="json", exclude_none=True)


def schema_for(record: SessionRecord) -> int:
    """The lowest save format that holds `record`: 2 for a review or a rated answer, else 1."""
    if record.scope in REVIEW_SCOPES or any(a.rating is not None for a in record.answers):
        return 2
    return 1


def now_utc() -> datetime:
    """The time now, to the second, as sessions record it."""
    return datetime.now(UTC).replace(microsecond=0)


def new_session_id(now: datetime | None = None) -> str:
    """`20261125T101500Z-1a2b3c4d`: sorts by start time, unique across concurrent runs.

    A naive `now` is taken to be UTC.
    """
    now = now or datetime.now(UTC)
    now = now.replace(tzinfo=UTC) if now.tzinfo is None else now.astimezone(UTC)
    return f"{now.strftime('%Y%m%dT%H%M%SZ')}-{os.urandom(4).hex()}"


def profile_or_default(name: str | None) -> str:
    """The profile a command runs as: the one named (checked), or the default."""
    return check_profile(name or PROFILE)


def check_profile(name: object) -> str:
    """The profile name if it is 1-64 letters, digits, '-' or '_'; else SaveError."""
    if isinstance(name, str) and PROFILE_RE.fullmatch(name):  # fullmatch: "$" would allow a trailing newline
        return name
    shown = printable(repr(name))
    raise SaveError(f"profile {shown}: must be 1-64 letters, digits, '-' or '_'")
