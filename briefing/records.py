"""What a quiz session leaves behind: the save format, as pydantic models.

The TUI and the headless mode save the same `SessionRecord`, read back by
the same code (`briefing.store`). A session in progress is saved after every
answer with `status = "in_progress"`; a finished one has `status = "finished"`.
"""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from briefing.defaults import PROFILE
from briefing.errors import SaveError, printable

SCHEMA_VERSION = 1
PROFILE_RE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")

# Which front end took a session.
Mode = Literal["tui", "headless"]
# "full": every question of the pack; "limited": --limit; "retry": the missed ones again;
# "section": the questions of one section of the briefing.
Scope = Literal["full", "limited", "retry", "section"]


class AnswerRecord(BaseModel):
    """One question as asked in a session and how it was answered."""

    # Built on first use: a start-up that reads no save does not pay for it.
    model_config = ConfigDict(extra="forbid", defer_build=True)

    id: str
    given: str = ""
    correct: bool = False
    skipped: bool = False
    # The section that states the answer was looked at before answering: a right
    # answer then scores nothing.
    peeked: bool = False
    answered_at: datetime | None = None


class SessionRecord(BaseModel):
    """One quiz session: enough to resume it, report it and count it in stats."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    schema_version: int = SCHEMA_VERSION
    id: str  # also the file name, without .toml
    status: Literal["in_progress", "finished"] = "in_progress"
    profile: str = Field(pattern=PROFILE_RE.pattern)
    pack_id: str
    pack_version: str
    pass_mark: float
    seed: int | None = None
    order: list[str]  # question ids, in the order they are asked
    answers: list[AnswerRecord] = []  # one per question answered or skipped so far
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
