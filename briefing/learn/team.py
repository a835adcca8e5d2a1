"""The team view: everyone who saves into one shared folder, side by side.

Who has passed which pack, each person's latest and best full quiz, and the
questions the team misses most, all from `stats.compute` over each person's
sessions: the same figures `briefing stats` gives one person.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import datetime

from pydantic import BaseModel

from briefing import stats as stats_mod
from briefing.learn.index import Loaded
from briefing.pack import Pack

TEAM_WEAKEST = 10


class PersonPack(BaseModel):
    profile: str
    pack_id: str
    sessions: int  # finished sessions on this pack
    full_quizzes: int
    latest_percent: float | None  # the latest full quiz
    best_percent: float | None
    passed: bool  # a full quiz reached its pass mark
    last_studied: datetime | None


class TeamQuestion(BaseModel):
    pack_id: str
    id: str
    prompt: str | None
    asked: int
    correct: int
    accuracy: float
    missed_by: list[str]  # profiles that missed it at least once


class Team(BaseModel):
    profiles: int
    people: list[PersonPack]
    weakest: list[TeamQuestion]  # the questions the team misses most, weakest first


def compute(loaded: Mapping[str, Loaded], pack: Pack | None = None) -> Team:
    """The team over every profile's sessions; `pack` names its questions (and,
    when given, only its sessions count)."""
    people: list[PersonPack] = []
    per_pack: dict[str, dict[str, list[stats_mod.QuestionStat]]] = {}
    for profile in sorted(loaded):
        by_pack: dict[str, list] = {}
        for session in loaded[profile].sessions:
            if pack is None or session.pack_id == pack.pack.id:
                by_pack.setdefault(session.pack_id, []).append(session)
        for pack_id in sorted(by_pack):
            sessions = by_pack[pack_id]
            named = pack if pack is not None and pack.pack.id == pack_id else None
            result = stats_mod.compute(sessions, named)
            if not result.sessions:
                continue
            full = result.full_quizzes()
            people.append(
                PersonPack(
                    profile=profile,
                    pack_id=pack_id,
                    sessions=result.sessions,
                    full_quizzes=len(full),
                    latest_percent=result.last_percent,
                    best_percent=result.best_percent,
                    passed=any(s.passed for s in full),
                    last_studied=max(s.finished_at or s.started_at for s in result.sessions_list),
                )
            )
            per_pack.setdefault(pack_id, {}).setdefault(profile, result.per_question)
    weakest: list[TeamQuestion] = []
    for pack_id, by_profile in sorted(per_pack.items()):
        totals: dict[str, list[int]] = {}
        missed_by: dict[str, list[str]] = {}
        prompts: dict[str, str | None] = {}
        for profile, questions in by_profile.items():
            for q in questions:
                entry = totals.setdefault(q.id, [0, 0])
                entry[0] += q.asked
                entry[1] += q.correct
                prompts[q.id] = q.prompt
                if q.correct < q.asked:
                    missed_by.setdefault(q.id, []).append(profile)
        summed = [
            stats_mod.QuestionStat(id=qid, asked=a, correct=c, accuracy=round(100 * c / a, 1) if a else 0.0)
            for qid, (a, c) in totals.items()
        ]
        for q in stats_mod.weakest_first(summed):
            weakest.append(
                TeamQuestion(
                    pack_id=pack_id,
                    id=q.id,
                    prompt=prompts.get(q.id),
                    asked=q.asked,
                    correct=q.correct,
                    accuracy=q.accuracy,
                    missed_by=sorted(missed_by.get(q.id, [])),
                )
            )
    weakest.sort(key=lambda q: (q.accuracy, -q.asked, q.pack_id, q.id))
    return Team(profiles=len(loaded), people=people, weakest=weakest[:TEAM_WEAKEST])


CSV_COLUMNS = (
    "profile",
    "pack_id",
    "sessions",
    "full_quizzes",
    "latest_percent",
    "best_percent",
    "passed",
    "last_studied",
)


def to_csv(team: Team) -> str:
    """One row per person and pack, under a header row (RFC 4180: CRLF, quoted as needed)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for p in team.people:
        writer.writerow(
            [
                p.profile,
                p.pack_id,
                p.sessions,
                p.full_quizzes,
                "" if p.latest_percent is None else p.latest_percent,
                "" if p.best_percent is None else p.best_percent,
                "true" if p.passed else "false",
                "" if p.last_studied is None else p.last_studied.isoformat(),
            ]
        )
    return out.getvalue()


def to_text(team: Team) -> str:
    if not team.people:
        return "No finished sessions in this saves folder yet.\n"
    out = [f"Team: {len({p.profile for p in team.people})} people", ""]
    rows = [
        (
            p.profile,
            p.pack_id,
            str(p.sessions),
            stats_mod.percent_text(p.latest_percent),
            stats_mod.percent_text(p.best_percent),
            "passed" if p.passed else "not yet",
            "-" if p.last_studied is None else stats_mod.when_text(p.last_studied),
        )
        for p in team.people
    ]
    header = ("Profile", "Pack", "Sessions", "Latest", "Best", "Passed", "Last studied (UTC)")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    for r in (header, *rows):
        out.append("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())
    out += ["", "Questions the team misses most", "------------------------------"]
    if not team.weakest:
        out.append("  none: every question asked was answered right every time")
    for n, q in enumerate(team.weakest, 1):
        who = ", ".join(q.missed_by)
        score = f"{q.correct} of {q.asked} right; missed by {who}"
        out.append(f"  {n}. {q.id}: {stats_mod.percent_text(q.accuracy)} ({score})")
    return "\n".join(out) + "\n"
