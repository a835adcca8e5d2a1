"""Review schedules: fsrs over every answer of every session, rebuilt from the saves.

A question's schedule is what fsrs makes of all its answers, quizzes and reviews
alike, in time order: there is no second record to drift. Each answer is rated

- by the learner, when they chose a rating (AnswerRecord.rating, as Anki lets you
  change it), else
- by its verdict: wrong or skipped -> Again; right after a peek -> Hard; right -> Good.

fsrs's default scheduler with fuzzing off (`make_scheduler`): a fuzzed interval is
random, and a schedule rebuilt on every run must come out the same every time.

Replaying 46,000 answers through fsrs takes about a second, so each profile keeps
`.schedule-<pack>.json`, derived like the saves index: per question, the number of
answers replayed, a digest of them (time and rating) and the resulting card. A card
is reused only when its answers' digest still matches; when new answers follow the
cached ones it replays only those; otherwise the question is replayed from its first
answer. The scheduler's parameters are part of the key; a bad file is ignored.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.learn.index import from_us, to_us
from briefing.records import RATINGS, AnswerLike, SessionLike

if TYPE_CHECKING:
    from fsrs import Card, Scheduler

    from briefing.pack import Pack

CACHE_VERSION = 1
AGAIN, HARD, GOOD = RATINGS["again"], RATINGS["hard"], RATINGS["good"]
STATES = {1: "learning", 2: "review", 3: "relearning"}  # fsrs.State values; "new" before any answer


def rating_of(answer: AnswerLike) -> int:
    """The fsrs rating an answer gives its question (see the module docstring)."""
    if answer.rating is not None:
        return answer.rating
    if answer.skipped or not answer.correct:
        return AGAIN
    return HARD if answer.peeked else GOOD


def make_scheduler() -> Scheduler:
    """fsrs's default scheduler, fuzzing off: the same answers always give the same dates."""
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


def utc(when: datetime) -> datetime:
    """`when` in datetime.timezone.utc exactly (fsrs refuses any other tzinfo); naive is UTC."""
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


@dataclass(frozen=True, slots=True)
class CardState:
    """One question's schedule at a moment."""

    id: str
    section: str
    state: str  # new | learning | review | relearning
    reviews: int  # answers counted
    lapses: int  # answers rated Again
    stability: float | None
    difficulty: float | None
    first_review: datetime | None
    last_review: datetime | None
    due: datetime  # a new question is due now
    retrievability: float | None  # fsrs's recall probability at `now`; None when new

    def to_json(self) -> dict:
        def iso(t: datetime | None) -> str | None:
            return None if t is None else t.isoformat()

        return {
            "id": self.id,
            "section": self.section,
            "state": self.state,
            "reviews": self.reviews,
            "lapses": self.lapses,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "retrievability": self.retrievability,
            "first_review": iso(self.first_review),
            "last_review": iso(self.last_review),
            "due": iso(self.due),
        }


def events_by_question(sessions: Iterable[SessionLike], pack_id: str) -> dict[str, list[tuple[int, int]]]:
    """Each question's answers as (time in µs since 1970 UTC, rating), oldest first,
    over every session of the pack (finished or not). An answer without a time (an
    older save) takes its session's finish, else its start."""
    events: dict[str, list[tuple[int, int]]] = {}
    for session in sessions:
        if session.pack_id != pack_id:
            continue
        fallback = to_us(session.finished_at or session.started_at)
        for answer in session.answers:
            at = getattr(answer, "at", None)  # the index's copy carries it ready
            if at is None:
                at = fallback if answer.answered_at is None else to_us(answer.answered_at)
            events.setdefault(answer.id, []).append((at, rating_of(answer)))
    for evs in events.values():
        evs.sort(key=lambda e: e[0])  # stable: same-time answers keep their session order
    return events


def _digest(evs: Sequence[tuple[int, int]]) -> str:
    flat = array("q")
    for at, rating in evs:
        flat.append(at)
        flat.append(rating)
    return hashlib.blake2b(flat.tobytes(), digest_size=16).hexdigest()


def _card_id(qid: str) -> int:
    return zlib.crc32(qid.encode("utf-8")) + 1  # fsrs wants an int; a fixed one keeps runs alike


def replay(scheduler: Scheduler, card: Card, evs: Iterable[tuple[int, int]]) -> Card:
    from fsrs import Rating

    for at, rating in evs:
        card, _ = scheduler.review_card(card, Rating(rating), review_datetime=from_us(at))
    return card


def build(
    sessions: Iterable[SessionLike],
    pack: Pack,
    now: datetime,
    cache_dir: Path | None = None,
) -> list[CardState]:
    """Every question of `pack`, in pack order, with its schedule at `now` (UTC).

    `cache_dir`: the profile's folder, where `.schedule-<pack id>.json` is kept
    (None: no cache)."""
    from fsrs import Card

    now = utc(now)
    scheduler = make_scheduler()
    params = json.dumps(scheduler.to_dict(), sort_keys=True)
    events = events_by_question(sessions, pack.pack.id)
    cache_path = None if cache_dir is None else cache_dir / f".schedule-{pack.pack.id}.json"
    cached = _read_cache(cache_path, params)
    fresh: dict[str, list] = {}
    changed = False
    out: list[CardState] = []
    for question in pack.questions:
        qid = question.id
        evs = events.get(qid, [])
        if not evs:
            out.append(CardState(qid, question.section, "new", 0, 0, None, None, None, None, now, None))
            continue
        digest = _digest(evs)
        card = None
        hit = cached.get(qid)
        if hit is not None:
            try:
                n, old_digest, card_dict = hit
                if n == len(evs) and old_digest == digest:
                    card = Card.from_dict(card_dict)
                elif 0 < n < len(evs) and old_digest == _digest(evs[:n]):
                    card = replay(scheduler, Card.from_dict(card_dict), evs[n:])
            except (TypeError, ValueError, KeyError):
                card = None
        if card is None:
            card = replay(scheduler, Card(card_id=_card_id(qid), due=from_us(evs[0][0])), evs)
        entry = [len(evs), digest, card.to_dict()]
        changed = changed or hit != entry
        fresh[qid] = entry
        out.append(
            CardState(
                id=qid,
                section=question.section,
                state=STATES.get(int(card.state), str(card.state)),
                reviews=len(evs),
                lapses=sum(r == AGAIN for _, r in evs),
                stability=card.stability,
                difficulty=card.difficulty,
                first_review=from_us(evs[0][0]),
                last_review=card.last_review,
                due=card.due,
                retrievability=scheduler.get_card_retrievability(card, current_datetime=now),
            )
        )
    if cache_path is not None and (changed or fresh.keys() != cached.keys()):
        _write_cache(cache_path, params, fresh)
    return out


def due_now(cards: Sequence[CardState], now: datetime) -> list[CardState]:
    """The questions answered before whose due time has come, most overdue first."""
    now = utc(now)
    order = {c.id: n for n, c in enumerate(cards)}
    due = [c for c in cards if c.reviews and c.due <= now]
    return sorted(due, key=lambda c: (c.due, order[c.id]))


def new_allowed(cards: Sequence[CardState], now: datetime, per_day: int) -> list[CardState]:
    """Never-answered questions, in pack order, up to `per_day` less those first
    answered today (UTC): the daily limit on new questions."""
    today = utc(now).date()
    introduced = sum(1 for c in cards if c.first_review is not None and c.first_review.date() == today)
    fresh = [c for c in cards if not c.reviews]
    return fresh[: max(0, per_day - introduced)]


def next_due(cards: Sequence[CardState]) -> datetime | None:
    """When the next answered question falls due."""
    dues = [c.due for c in cards if c.reviews]
    return min(dues) if dues else None


def _read_cache(path: Path | None, params: str) -> dict[str, list]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION or data.get("params") != params:
        return {}
    cards = data.get("cards")
    if not isinstance(cards, dict):
        return {}
    return {k: v for k, v in cards.items() if isinstance(v, list) and len(v) == 3}


def _write_cache(path: Path, params: str, cards: dict[str, list]) -> None:
    from briefing.store import atomic_write

    data = {"version": CACHE_VERSION, "params": params, "cards": cards}
    try:
        atomic_write(path, json.dumps(data, separators=(",", ":")).encode("utf-8"))
    except OSError:
        pass  # read-only folder: no cache, same schedule
