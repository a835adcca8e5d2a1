"""What a review asks: the questions due (most overdue first), then new ones up to a
daily limit; or, with --weakest, the questions the profile misses most."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from briefing import stats as stats_mod
from briefing.learn import schedule
from briefing.pack import Pack
from briefing.records import Scope, SessionLike


@dataclass(frozen=True, slots=True)
class Plan:
    order: list[str]  # question ids, in the order to ask them
    scope: Scope  # "review" or "weakest"
    due: int  # of which due
    new: int  # of which never answered before
    next_due: datetime | None  # when the next question falls due (for "nothing to review")


def plan(
    sessions: Sequence[SessionLike],
    pack: Pack,
    now: datetime,
    *,
    new_per_day: int,
    weakest: bool = False,
    limit: int | None = None,
    section: str | None = None,
    cache_dir: Path | None = None,
) -> Plan:
    """The questions a review asks at `now` (UTC), at most `limit`, of one `section` if given."""
    in_section = None if section is None else {q.id for q in pack.questions if q.section == section}

    def keep(ids: list[str]) -> list[str]:
        ids = [q for q in ids if in_section is None or q in in_section]
        return ids[:limit] if limit is not None else ids

    if weakest:
        result = stats_mod.compute(sessions, pack)
        order = keep([q.id for q in stats_mod.weakest_first(result.per_question)])
        return Plan(order, "weakest", 0, 0, None)
    cards = schedule.build(sessions, pack, now, cache_dir)
    due = [c.id for c in schedule.due_now(cards, now)]
    fresh = [c.id for c in schedule.new_allowed(cards, now, new_per_day)]
    due_kept = keep(due)
    order = keep(due_kept + fresh)
    return Plan(order, "review", len(due_kept), len(order) - len(due_kept), schedule.next_due(cards))
