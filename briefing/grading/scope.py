"""What a piece of text says of a figure's scope: the period it covers, what it is
compared with, and the bound it puts on it.

`read(text, figure)` returns a `Scope` of what an answer (or a sentence of a
briefing) says; `conflict(fact, said)` names the first way what was said
contradicts the fact ("year over year, not quarter over quarter"), or None.
Saying nothing of a qualifier never conflicts: then the figure alone decides.

Bases are read first and taken out of the text, so that the "year" of "year over
year" is no period and its "over" no bound. A rate's period comes from the
scanner ("a year" straight after the figure, numbers.Figure.per); here are the
other ways of saying one ("annually", "in Q1", "in February").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.grading.normalize import normalize

__all__ = [
    "Scope",
    "read",
    "conflict",
    "conflicting",
    "canonical_base",
    "of_question",
    "BASE_WORDS",
    "PERIOD_WORDS",
]


@dataclass(frozen=True, slots=True)
class Scope:
    period: str | None = None  # "day" ... "year"
    base: str | None = None  # "year-over-year", ... or a pack's own short text
    bound: str | None = None  # "about", "more than", "at least", "less than", "at most", "nearly"

    @property
    def empty(self) -> bool:
        return self.period is None and self.base is None and self.bound is None


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + r")(?![\w])")


_PREV = r"(?:the |a )?(?:previous|prior|preceding|last|past)"
_VERSUS = r"(?:from|than|on|versus|vs\.?|over|against|compared (?:with|to)|relative to)"


def _base(unit: str, short: str) -> re.Pattern[str]:
    return _words(
        short,
        rf"{unit}[- ](?:over|on|to)[- ]{unit}",
        rf"{_VERSUS} {_PREV} {unit}",
        rf"{_VERSUS} (?:a|one) {unit} (?:earlier|ago|before)",
        rf"(?:a|one) {unit} (?:earlier|ago|before)",
        rf"{_VERSUS} (?:the same (?:\w+ )?(?:of|in) )?{_PREV} {unit}",
    )


# Comparison bases an answer may name, and how people write them.
BASE_WORDS: dict[str, re.Pattern[str]] = {
    "year-over-year": _base("year", r"yoy|y/y|y-o-y|yo y"),
    "quarter-over-quarter": _base("quarter", r"qoq|q/q|q-o-q|sequential(?:ly)?"),
    "month-over-month": _base("month", r"mom|m/m|m-o-m"),
    "week-over-week": _base("week", r"wow|w/w|w-o-w"),
    "day-over-day": _base("day", r"dod|d/d|d-o-d"),
}
_BASE_NAMES = {b: b.replace("-", " ") for b in BASE_WORDS}

_MONTHS = (
    r"january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_IN = r"(?:in|for|during|over|of|across|through(?:out)?)"
# Periods said anywhere in an answer (a rate straight after the figure is the scanner's).
PERIOD_WORDS: dict[str, re.Pattern[str]] = {
    "year": _words(
        r"annual(?:ly)?|yearly|per annum|p\.?a\.?|full[- ]year",
        rf"{_IN} (?:a|one|the|the whole|the full|the entire|a full|a whole) year",
    ),
    "half": _words(
        r"h[12]|half[- ]year(?:ly)?|semi[- ]?annual(?:ly)?",
        rf"{_IN} (?:the )?(?:first|second) half",
        rf"{_IN} (?:six|6) months",
    ),
    "quarter": _words(
        r"quarterly",
        rf"{_IN} (?:the )?q[1-4]",
        rf"{_IN} (?:the|a|one) (?:(?:first|second|third|fourth|last|latest|past|previous|single) )?quarter",
        rf"{_IN} (?:three|3) months",
    ),
    "month": _words(
        r"monthly",
        rf"{_IN} (?:the month of )?(?:{_MONTHS})",
        rf"{_IN} (?:a|one|the|a single) month",
    ),
    "week": _words(r"weekly", rf"{_IN} (?:a|one|the|a single) week"),
    "day": _words(r"daily|a day|per day", rf"{_IN} (?:a|one|the|a single) day"),
}
_PERIOD_NAMES = {
    "day": "a day",
    "week": "a week",
    "month": "a month",
    "quarter": "a quarter",
    "half": "half a year",
    "year": "a year",
}

# Bounds, the longer phrases first: "no more than" is at most, not more than.
_BOUNDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Dates are bounded in time words: "no later than 2030" is at most, "not before" at least.
    (
        "at most",
        _words(
            r"at most|no more than|not more than|up to|a maximum of|maximum of|max|no later than|not after"
        ),
    ),
    (
        "at least",
        _words(
            r"at least|no less than|not less than|no fewer than|a minimum of|minimum of|min"
            r"|no earlier than|not before"
        ),
    ),
    ("nearly", _words(r"nearly|almost|just under|just below|just short of|not quite|shy of")),
    (
        "more than",
        _words(
            r"more than|greater than|over(?! (?:the|a|one) (?:year|quarter|month|week|day))|above"
            r"|exceed(?:ed|s|ing)?|pass(?:ed|es|ing)?|surpass(?:ed|es|ing)?|topp(?:ed|ing)|tops"
            r"|in excess of|upwards of|north of|beyond|better than|after|later than",
        ),
    ),
    (
        "less than",
        _words(r"less than|fewer than|under|below|short of|south of|lower than|before|earlier than|prior to"),
    ),
    (
        "about",
        _words(
            r"about|around|roughly|approximately|approx\.?|some|circa|ca\.|c\.|or so|give or take"
            r"|close to|in the region of|something like|estimated|an estimated|more or less",
        ),
    ),
)
_SYMBOL_BOUNDS = (
    ("at least", ("≥", ">=")),
    ("at most", ("≤", "<=")),
    ("more than", (">",)),
    ("less than", ("<",)),
)
# Bounds written after the figure: "600,000+", "600,000-plus", "600,000 or more".
_AFTER: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("more than", re.compile(r"^(?:\+|-? ?plus\b)")),
    ("at least", re.compile(r"^ ?(?:or more|or above|or higher|and up|at least|at the least)\b")),
    ("at most", re.compile(r"^ ?(?:or less|or fewer|or below|at most|at the most|tops)\b")),
    ("about", re.compile(r"^ ?(?:or so|give or take|more or less|roughly|or thereabouts)\b")),
)
_DIGIT = re.compile(r"\d")
# How far before the figure a bound may stand: "passed the 600,000 mark", "well over 600k".
_BEFORE_CHARS = 32


def read(text: str, figure: str = "", per: str = "") -> Scope:
    """What `text` says of a figure's period, base and bound.

    `figure` is the figure as read from `text` (numbers.Figure.text): a bound is only
    a bound just before it ("more than 9%") or just after it ("9%+"); "9% more than
    in the third quarter" compares, and "under corporate contracts" is no bound.
    `per` is the period of a rate the scanner read straight after the figure ("a year").
    """
    norm = normalize(text)
    base = None
    for name, pattern in BASE_WORDS.items():
        found, norm = _take(pattern, norm)
        if found:
            base = name
            break
    period = per or None
    if period is None:
        for name, pattern in PERIOD_WORDS.items():
            found, _ = _take(pattern, norm)
            if found:
                period = name
                break
    return Scope(period, base, _bound(norm, normalize(figure)))


def _take(pattern: re.Pattern[str], text: str) -> tuple[bool, str]:
    """Whether `pattern` is in `text`, and the text with it blanked out."""
    hit = pattern.search(text)
    if hit is None:
        return False, text
    return True, pattern.sub(" ", text)


def _bound(norm: str, figure: str) -> str | None:
    at = norm.find(figure) if figure else -1
    if at < 0:
        before, after = norm, ""  # no figure to stand by: the whole text
    else:
        before, after = norm[max(0, at - _BEFORE_CHARS) : at], norm[at + len(figure) :].lstrip()
    for name, symbols in _SYMBOL_BOUNDS:
        if any(before.rstrip().endswith(s) for s in symbols):
            return name
    for name, pattern in _AFTER:
        if pattern.search(after):
            return name
    # The bound phrase closest to the figure; of two that end together, the longer
    # ("no more than", not its "more than").
    nearest, where = None, (-1, 0)
    for name, pattern in _BOUNDS:
        for hit in pattern.finditer(before):
            if _DIGIT.search(before, hit.end()):
                continue  # "pass 1 GW by 2027": the bound is the nearer figure's
            if (hit.end(), -hit.start()) > where:
                nearest, where = name, (hit.end(), -hit.start())
    return nearest


def of_question(period: str | None, base: str | None, bound: str | None) -> Scope:
    """A figure question's scope as the pack gives it, its base in the grader's words."""
    return Scope(period, canonical_base(base), bound)


def canonical_base(base: str | None) -> str | None:
    """A pack's `base` in the grader's words: "yoy" -> "year-over-year"; other text as written."""
    if base is None:
        return None
    norm = normalize(base)
    for name, pattern in BASE_WORDS.items():
        if pattern.fullmatch(norm) or norm == name:
            return name
    return norm


# Which answer bounds a source's bound allows. A hedge ("about") never contradicts;
# saying a bound the source does not give ("more than" a figure it gives "about") does,
# and so does one that leaves out the value itself ("more than 1.89 billion" for 1.89 billion).
_ALLOWED: dict[str | None, frozenset[str]] = {
    None: frozenset({"about", "at least", "at most", "nearly"}),
    "about": frozenset({"about", "nearly"}),
    "more than": frozenset({"about", "more than", "at least"}),
    "at least": frozenset({"about", "more than", "at least"}),
    "less than": frozenset({"about", "less than", "at most", "nearly"}),
    "at most": frozenset({"about", "less than", "at most", "nearly"}),
    "nearly": frozenset({"about", "less than", "at most", "nearly"}),
}


def conflict(fact: Scope, said: Scope) -> str | None:
    """Why what was `said` contradicts the `fact`, in a few words, or None."""
    found = conflicting(fact, said)
    return found[1] if found else None


def conflicting(fact: Scope, said: Scope) -> tuple[str, str] | None:
    """(the qualifier, why) when what was `said` contradicts the `fact`: ("base",
    "year over year, not quarter over quarter"); None when nothing does."""
    if fact.base is not None and said.base is not None and said.base != fact.base:
        return "base", f"{_base_name(said.base)}, not {_base_name(fact.base)}"
    if fact.period is not None and said.period is not None and said.period != fact.period:
        return "period", f"{_PERIOD_NAMES[said.period]}, not {_PERIOD_NAMES[fact.period]}"
    if said.bound is not None and said.bound not in _ALLOWED[fact.bound]:
        why = f"{said.bound}, not {fact.bound}" if fact.bound else f"{said.bound}: the figure is exact"
        return "bound", why
    return None


def _base_name(base: str) -> str:
    return _BASE_NAMES.get(base, f"against {base}")
