"""grade(question, text, pack) -> Verdict: the one place an answer is judged.

What each kind accepts:
- figure: any written form of the number (numbers.parse), within the question's
  tolerance, or else the precision its `expected` text is written to ("1.89
  billion" takes 1.885-1.895 billion, both edges out: they round away). A bare
  number is read in the question's unit; a fraction and its percentage are the
  same figure. A right number at the wrong scale, another unit (euros, metres,
  hours for yuan or km), or the opposite direction is wrong, with a note. So is
  an unknown unit-like noun straight after the figure ("1.89 billion bananas")
  when the question has a unit, unless the question itself uses the word
  ("1.89 billion expenses"); for a count ("two upgrades") such nouns are normal.
- attribution: the roster entry named (names.identify: a person or an organisation, by
  name, alias or title) must be the speaker; a title two entries hold names neither.
- choice: an option letter (a-e), the option's text (its article, "&" for "and"
  and contractions aside; most of its words in order; a one-word option
  shortened, "Feb"), both ("b) February"; a letter and another option's text
  pick neither), or, for a figure option, the same figure in any written form.
- truefalse: true/t/yes/y/right/correct/1/yep/yeah/not false,
  false/f/no/n/wrong/incorrect/0/nope/nah/untrue/not true, after "it's"/"that's",
  or as the first word when no other word says the opposite ("False, it does not").
- list: every item once, in any order, nothing extra; list markers ("1.", "-")
  and articles between items are not extra; an acronym ("OS") is its item.

A wrong answer that is another figure of the pack, as precisely as it is
written, gets a `trap`: "40.7% is the year-over-year fall in Q1 R&D expenses".
An answer far longer than any right one is not read ("too long").

What is derived from a question or a pack is worked out once and cached,
keyed by id() with the object kept alongside (the models are frozen).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import TypeVar, assert_never

from briefing.grading import names, numbers, scope, units
from briefing.grading.normalize import normalize
from briefing.grading.vocabulary import FALL_WORDS, RISE_WORDS
from briefing.pack import (
    OPTION_LABELS,
    AnyQuestion,
    AttributionQuestion,
    ChoiceQuestion,
    FigureQuestion,
    ListQuestion,
    Pack,
    TrueFalseQuestion,
    expected_text,
    option_label,
)

__all__ = ["Verdict", "grade", "figure_matches", "same_figure", "unit_kin", "in_kin", "MAX_ANSWER"]

# Longest answer read, in characters (stripped), unless three times the
# question's own expected text (or longest option) is longer.
MAX_ANSWER = 200


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement on one answer, with everything feedback needs."""

    correct: bool
    given: str
    expected: str  # display text of the right answer
    explanation: str  # the question's one-line explanation
    # When a wrong answer is another fact of the pack, what that fact is:
    # "40.7% is the year-over-year fall in Q1 R&D expenses".
    trap: str | None = None
    # Why a near miss is wrong: "right number, wrong scale", "wrong unit: miles".
    note: str | None = None
    skipped: bool = False
    # The answer could not be read for the question's kind (no figure, no option,
    # neither true nor false): a person at a keyboard is asked again (`note` says why).
    unreadable: bool = False


class _Unreadable(str):
    """A note that says the answer could not be read, not that it was wrong."""


# --- figures ---------------------------------------------------------------------

_ASCII_WORD = re.compile(r"[a-z]+")
_SCALE_FACTORS = (1e3, 1e6, 1e9, 1e12, 1e-3, 1e-6, 1e-9, 1e-12)
_SCALE_FACTORS_PERCENT = _SCALE_FACTORS + (100.0, 0.01)


@dataclass(frozen=True, slots=True)
class _Target:
    """A figure to match against: a figure question, or a figure option of a choice."""

    unit: str
    value: float | None  # magnitude, or None for a range
    low: float  # magnitudes, low <= high; both the value itself when it is not a range
    high: float
    tol: float
    direction: int | None  # -1 a fall, +1 a rise, None when it does not matter
    # The tolerance is half a unit of the last written digit: its edge is out
    # ("7%" takes 6.6% to 7.4%, not 7.5%, which is written to a finer digit and
    # rounds away). An explicit `tolerance` in the pack includes its edge.
    strict: bool = True
    # Words the question itself uses ("expenses", "mileage"): never a wrong unit.
    words: frozenset[str] = frozenset()
    # A count whose expected text names its unit ("three days"): that unit is right too.
    also: str | None = None
    # The period, comparison base and bound the source gives; an answer that says another is wrong.
    scope: scope.Scope = scope.Scope()
    # What a count counts, when the pack names it (unit = "vehicles"): another noun is wrong.
    noun: str = ""


def _convert(value: float, unit: str, to: str) -> float | None:
    """`value` in `unit` read in `to`: a bare number takes the target's unit; one unit at
    another scale converts (640 MW is 0.64 GW, 1.85 TWh 1,850 GWh); other units do not."""
    if unit == to or not unit:
        return value
    if unit == "%" and to == "fraction":
        return value / 100
    if unit == "fraction" and to == "%":
        return value * 100
    a, b = _UNITS.get(unit), _UNITS.get(to)
    if a is not None and b is not None and a.family and a.family == b.family:
        return value * (a.factor / b.factor)
    return None


def _in(value: float, unit: str, to: str) -> float:
    """`value` in `unit` read in `to`, the units known to agree (`_convert` is not None)."""
    if unit == to or not unit:
        return value
    converted = _convert(value, unit, to)
    return value if converted is None else converted


_UNITS = units.UNITS
# Dimensions a note names when a unit of another is given: "megawatts (power), not energy".
_PHYSICAL = frozenset({"energy", "power", "length", "mass", "time"})


def _wrong_unit(unit: str, to: str) -> str:
    """The note for a figure given in `unit` where `to` is asked."""
    note = f"wrong unit: {units.name(unit)}"
    a, b = _UNITS.get(unit), _UNITS.get(to)
    if a is None or b is None:
        return note
    if a.dimension != b.dimension and a.dimension in _PHYSICAL and b.dimension in _PHYSICAL:
        return f"{note} ({a.dimension}), not {b.dimension}"
    if "pp" in (a.kin, b.kin) or b.dimension == "date":
        return f"{note}, not {b.name}"
    return note


def _close(a: float, b: float, tol: float, strict: bool = False) -> bool:
    if not (math.isfinite(a) and math.isfinite(b)):
        return False  # inf - inf is nan, and inf <= inf would take "1e999" for anything
    slack = 1e-9 * max(abs(a), abs(b)) + 1e-12  # float noise: "1.89 billion" vs 1890000000
    if strict:
        return abs(a - b) < tol - slack or abs(a - b) <= slack
    return abs(a - b) <= tol + slack


def _question_direction(q: FigureQuestion, expected: numbers.Figure | None) -> int | None:
    if expected is not None and expected.sign is not None:
        return expected.sign
    first = q.value if q.value is not None else q.low
    if first is not None and first < 0:
        return -1
    said = set(_ASCII_WORD.findall(normalize(q.prompt + " " + q.measures)))
    down, up = bool(said & FALL_WORDS), bool(said & RISE_WORDS)
    if down != up:
        return -1 if down else 1
    return None


def _figure_target(q: FigureQuestion) -> _Target:
    expected = numbers.parse(q.expected)
    unit = q.unit  # a registry unit's code (the pack reads it), or a count noun
    noun = ""
    if unit not in _UNITS:
        unit, noun = "", unit  # "vehicles": a count that names what it counts
    if unit in units.DATES:
        return _date_target(q, unit, expected)
    if q.tolerance is not None:
        tol = q.tolerance
    elif expected is not None:
        converted = _convert(expected.precision, expected.unit, unit)
        tol = expected.precision if converted is None else converted
    else:
        tol = 0.0
    direction = _question_direction(q, expected)
    strict = q.tolerance is None
    words = frozenset(_ASCII_WORD.findall(normalize(" ".join((q.prompt, q.measures, q.expected, noun)))))
    # A count whose expected text names its unit ("three days", "640 MW"): that unit is right too.
    also = (
        expected.unit if unit == "" and expected is not None and expected.unit not in _NOT_COUNTED else None
    )
    fact = scope.of_question(q.period, q.base, q.bound)
    if q.value is not None:
        value = abs(q.value)
        return _Target(unit, value, value, value, tol, direction, strict, words, also, fact, noun)
    assert q.low is not None and q.high is not None  # the schema: a value, or both low and high
    low, high = sorted((abs(q.low), abs(q.high)))
    return _Target(unit, None, low, high, tol, direction, strict, words, also, fact, noun)


# Units a count's expected text may name without being a unit of the count: ratios and dates.
_NOT_COUNTED = frozenset({"", "%", "x", "fraction", "pp", "bp", *units.DATES})


def _date_target(q: FigureQuestion, unit: str, expected: numbers.Figure | None) -> _Target:
    """A date asked: its first month (year * 12 + month - 1), from `expected` ("Q4 2024"),
    or from `value` for a year."""
    if expected is not None and expected.unit == unit and expected.value is not None:
        start = expected.value
    elif q.value is not None and unit == "year":
        start = q.value * 12
    else:
        start = math.nan  # validate says the expected text is no such date
    fact = scope.of_question(q.period, q.base, q.bound)
    return _Target(unit, start, start, start, 0.0, None, scope=fact)


def _as_date(fig: numbers.Figure) -> tuple[float, float] | None:
    """(first month, months spanned) of a date figure, a bare year ("2025") being a year."""
    if fig.value is None:
        return None
    if fig.unit in units.DATES:
        return fig.value, _UNITS[fig.unit].factor
    if (
        not fig.unit
        and not fig.scaled
        and fig.sign is None
        and fig.value.is_integer()
        and 1000 <= fig.value < 3000
    ):
        return fig.value * 12, 12.0
    return None


def _judge_date(t: _Target, fig: numbers.Figure) -> tuple[bool, str | None]:
    """A date within the one asked is right, however finely it is given ("Q4 2024" where
    2024 is asked); a coarser one that holds it is not precise enough ("2024" for Q4 2024)."""
    if fig.is_range:
        return False, "give one date, not a range"
    date = _as_date(fig)
    if date is None:
        return False, (_wrong_unit(fig.unit, t.unit) if fig.unit else f"give a date ({_DATE_FORMS[t.unit]})")
    assert t.value is not None  # a date target is one date
    start, span = date
    end, t_end = start + span, t.value + _UNITS[t.unit].factor
    if t.value <= start and end <= t_end:
        return True, None
    if start <= t.value and t_end <= end:
        return False, f"not precise enough: give the {t.unit} ({_DATE_FORMS[t.unit]})"
    return False, None


# How a date is written, shown to a learner: a shape, never a date that could read as a hint.
_DATE_FORMS = {
    "year": "as YYYY",
    "half": "as H1 or H2 and the year",
    "quarter": "as Qn YYYY",
    "month": "as Month YYYY",
}


def _named_by(t: _Target, noun: str) -> bool:
    """Whether the question uses `noun` (or its singular): "expenses" for "R&D expenses"."""
    w = t.words
    return noun in w or noun[:-1] in w or (noun.endswith("es") and noun[:-2] in w)


def _option_target(fig: numbers.Figure) -> _Target:
    if fig.value is not None:
        value = abs(fig.value)
        return _Target(fig.unit, value, value, value, fig.precision, fig.sign)
    assert fig.low is not None and fig.high is not None  # numbers.parse: a value, or a range
    low, high = sorted((abs(fig.low), abs(fig.high)))
    return _Target(fig.unit, None, low, high, fig.precision, fig.sign)


def _judge(t: _Target, fig: numbers.Figure, explain: bool = True) -> tuple[bool, str | None]:
    """(right, note) for a figure read from an answer against a target.

    `explain=False` skips looking for why a wrong figure is wrong (its scale):
    matching prose against many questions only needs right or wrong.
    """
    if t.unit in units.DATES:
        return _judge_date(t, fig)
    if fig.unit in units.DATES:
        return False, f"wrong unit: {units.name(fig.unit)} (a date)"
    if fig.is_range != (t.value is None):
        return False, ("give the range, low to high" if t.value is None else "give one figure, not a range")
    if fig.unit in ("x", "%"):
        restated = _restated(t, fig)
        if isinstance(restated, str):
            return False, restated
        fig = restated
    if fig.unit and t.also:
        fig = _as_also(fig, t.also)  # "3 days" for a count of days; "0.64 GW" for "640 MW"
    if fig.unit and _convert(1.0, fig.unit, t.unit) is None:
        return False, _wrong_unit(fig.unit, t.also or t.unit)
    if fig.noun and (t.unit or t.noun or t.also) and not _named_by(t, fig.noun):
        ambiguous = _UNITS.get(fig.noun)  # "38 m": metres or millions, unsaid
        if ambiguous is None:
            return False, f"wrong unit: {fig.noun}"  # "1.89 billion bananas"
        asked = _UNITS.get(t.also or t.unit)
        if asked is not None and ambiguous.dimension == asked.dimension:
            return False, _wrong_unit(fig.noun, t.also or t.unit)
    tol, strict = t.tol, t.strict
    if t.value is not None and fig.value is not None:  # one figure, both (the shapes were matched above)
        v = abs(_in(fig.value, fig.unit, t.unit))
        target = t.value
        if not _close(v, target, tol, strict):
            if not explain:
                return False, None
            if fig.unit and fig.unit != t.unit and _close(abs(fig.value), target, tol, strict):
                return False, _wrong_unit(fig.unit, t.unit)  # "200 million metres" for 200 million km
            factors = _SCALE_FACTORS_PERCENT if t.unit in ("%", "fraction") else _SCALE_FACTORS
            if target and any(_close(v * f, target, tol, strict) for f in factors):
                return False, "right number, wrong scale"
            return False, None
    elif fig.low is not None and fig.high is not None:  # a range, both
        lo, hi = sorted((abs(_in(fig.low, fig.unit, t.unit)), abs(_in(fig.high, fig.unit, t.unit))))
        if not (_close(lo, t.low, tol, strict) and _close(hi, t.high, tol, strict)):
            if not explain:
                return False, None
            factors = _SCALE_FACTORS_PERCENT if t.unit in ("%", "fraction") else _SCALE_FACTORS
            if t.high and any(
                _close(lo * f, t.low, tol, strict) and _close(hi * f, t.high, tol, strict) for f in factors
            ):
                return False, "right number, wrong scale"
            return False, None
    else:
        return False, None  # neither a value nor both ends: no figure numbers.parse makes
    if fig.sign is not None and t.direction is not None and fig.sign != t.direction:
        return False, "wrong direction: it " + ("fell" if t.direction < 0 else "rose")
    return True, None


def _restated(t: _Target, fig: numbers.Figure) -> numbers.Figure | str:
    """An increase or a share said the other way round, in the target's terms, or why not.

    "up 400%" is fivefold and "1.92x" is up 92% (a multiple m is a rise of (m - 1) x 100%);
    "10x less" (or "ten times smaller", "fewer") is a tenth. A bare "400%" says no rise and
    stays a percentage; "10x less" is no multiple.
    """
    if fig.value is None:
        return fig  # a range keeps its own terms
    v, prec = abs(fig.value), fig.precision
    if fig.unit == "%" and t.unit == "x" and fig.sign == 1:
        return replace(fig, value=1 + v / 100, unit="x", precision=prec / 100, sign=None)
    if fig.unit == "x" and fig.sign == -1:
        if t.unit in ("fraction", "%") and v > 1:
            return replace(fig, value=1 / v, unit="fraction", precision=prec / (v * v), sign=None)
        if t.unit == "x":
            return f"{v:g} times less is 1/{v:g}, not a multiple"
    if fig.unit == "x" and t.unit == "%" and t.direction == 1 and fig.sign is None and v > 1:
        return replace(fig, value=(v - 1) * 100, unit="%", precision=prec * 100, sign=1)
    return fig


def _bare(fig: numbers.Figure) -> numbers.Figure:
    """`fig` read as a plain number: "3 days" counted."""
    return replace(fig, unit="")


def _as_also(fig: numbers.Figure, also: str) -> numbers.Figure:
    """`fig` as a plain number in the unit a count's expected text names ("0.64 GW" as 640
    where "640 MW" is expected), or as it is when that unit is another."""
    if fig.unit == also:
        return _bare(fig)
    factor = _convert(1.0, fig.unit, also)
    if factor is None:
        return fig
    scaled = {k: getattr(fig, k) * factor for k in ("value", "low", "high") if getattr(fig, k) is not None}
    return replace(fig, unit="", precision=fig.precision * factor, **scaled)


# --- caches ------------------------------------------------------------------------

_TARGETS: dict[int, tuple[FigureQuestion, _Target]] = {}
_PACKS: dict[int, tuple[Pack, _PackFacts]] = {}
_CHOICES: dict[int, tuple[ChoiceQuestion, _Choice]] = {}
_LISTS: dict[int, tuple[ListQuestion, list[_Item]]] = {}
_CACHE_LIMIT = 4096

_K = TypeVar("_K")
_V = TypeVar("_V")


def _cached(cache: dict[int, tuple[_K, _V]], obj: _K, make: Callable[[_K], _V]) -> _V:
    hit = cache.get(id(obj))
    if hit is not None and hit[0] is obj:
        return hit[1]
    value = make(obj)
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[id(obj)] = (obj, value)
    return value


def _target(q: FigureQuestion) -> _Target:
    return _cached(_TARGETS, q, _figure_target)


class _PackFacts:
    """What traps need: the pack's figure questions with their targets."""

    __slots__ = ("figures", "option_traps")

    def __init__(self, pack: Pack):
        self.figures = [(q, _target(q)) for q in pack.questions if q.kind == "figure"]
        self.option_traps: dict[tuple[str, int], str | None] = {}

    def trap_for(self, fig: numbers.Figure, exclude: FigureQuestion | None = None) -> FigureQuestion | None:
        """The first other figure question `fig` answers, as precisely as it is written, or None.

        "1.89" is within the half-unit tolerance of "two" further upgrades, but
        it is no way of writing two: a trap must name the fact that was typed.
        """
        for q, target in self.figures:
            if q is not exclude and _judge(target, fig)[0] and _echoes(target, fig):
                return q
        return None


def _echoes(t: _Target, fig: numbers.Figure) -> bool:
    """Whether `fig`, to its own written precision, states the target's figure."""
    if fig.unit and t.also:
        fig = _as_also(fig, t.also)
    prec = _convert(fig.precision, fig.unit, t.unit)
    if prec is None:
        return False
    if t.value is not None and fig.value is not None:  # one figure, both (`_judge` matched the shapes)
        return _close(abs(_in(fig.value, fig.unit, t.unit)), t.value, prec)
    if fig.low is None or fig.high is None:
        return False  # not a range either: no figure numbers.parse makes
    lo, hi = sorted((abs(_in(fig.low, fig.unit, t.unit)), abs(_in(fig.high, fig.unit, t.unit))))
    return _close(lo, t.low, prec) and _close(hi, t.high, prec)


def _facts(pack: Pack) -> _PackFacts:
    return _cached(_PACKS, pack, _PackFacts)


def figure_matches(question: FigureQuestion, figure: numbers.Figure | None) -> bool:
    """Whether `figure` (parsed from an answer or found in prose) is the question's figure."""
    if figure is None:
        return False
    return _judge(_target(question), figure, explain=False)[0]


def same_figure(a: numbers.Figure, b: numbers.Figure) -> bool:
    """Whether two figures read from text state the same quantity, each to its own written
    precision: "1.89 billion yuan" and "RMB1.89bn", "a tenth" and "10%", "640 MW" and
    "0.64 GW". A bare number stands for any unit; a direction is not compared."""
    if a.is_range != b.is_range:
        return False
    unit = a.unit or b.unit
    a_in = _convert(1.0, a.unit, unit) if a.unit else 1.0
    b_in = _convert(1.0, b.unit, unit) if b.unit else 1.0
    if a_in is None or b_in is None:
        return False
    tol = max(a.precision * a_in, b.precision * b_in)
    if a.value is not None and b.value is not None:
        return _close(abs(a.value) * a_in, abs(b.value) * b_in, tol)
    if None in (a.low, a.high, b.low, b.high):
        return False
    assert a.low is not None and a.high is not None and b.low is not None and b.high is not None
    return _close(abs(a.low) * a_in, abs(b.low) * b_in, tol) and _close(
        abs(a.high) * a_in, abs(b.high) * b_in, tol
    )


def unit_kin(unit: str) -> str:
    """What a unit converts with: a family's base ("MW" and "GW": watts), % and fraction together."""
    if unit in ("%", "fraction"):
        return "share"
    known = _UNITS.get(unit)
    return known.kin if known is not None else unit


def in_kin(fig: numbers.Figure) -> tuple[float, float]:
    """(size, precision) of a figure in its kin's base unit (unit_kin): 640 MW and 0.64 GW
    meet; for a range, of its low end. For sorting figures to compare near neighbours only."""
    if fig.unit == "%":
        factor = 0.01
    else:
        known = _UNITS.get(fig.unit)
        factor = known.factor if known is not None and known.family else 1.0
    size = fig.value if fig.value is not None else fig.low
    return abs(size or 0.0) * factor, fig.precision * factor


# --- grading ---------------------------------------------------------------------


def grade(question: AnyQuestion, text: str, pack: Pack) -> Verdict:
    """Judge `text` as an answer to `question` of `pack`."""
    expected = expected_text(question, pack)
    if not text or not text.strip():
        return Verdict(False, text, expected, question.explanation, skipped=True)
    if len(text) > MAX_ANSWER and len(text.strip()) > _limit(question, expected):
        # Far longer than any right answer: reading a pasted page would only be slow.
        return Verdict(False, text, expected, question.explanation, note="too long: type just the answer")
    # Compared on `kind` (which narrows the union as isinstance would, at half its cost).
    if question.kind == "figure":
        correct, trap, note = _grade_figure(question, text, pack)
    elif question.kind == "attribution":
        correct, trap, note = _grade_attribution(question, text, pack)
    elif question.kind == "choice":
        correct, trap, note = _grade_choice(question, text, pack)
    elif question.kind == "truefalse":
        correct, trap, note = _grade_truefalse(question, text)
    elif question.kind == "list":
        correct, trap, note = _grade_list(question, text)
    else:
        assert_never(question)  # a new kind: mypy names this line until it is graded
    return Verdict(
        correct,
        text,
        expected,
        question.explanation,
        trap=trap,
        note=note,
        unreadable=isinstance(note, _Unreadable),
    )


def _limit(q: AnyQuestion, expected: str) -> int:
    longest = max(map(len, q.options)) if q.kind == "choice" else len(expected)
    return max(MAX_ANSWER, 3 * longest)


# What each kind's grading says: (right, trap, note), as in Verdict.
_Graded = tuple[bool, str | None, str | None]


def _grade_figure(q: FigureQuestion, text: str, pack: Pack) -> _Graded:
    fig = numbers.parse(text)
    if fig is None:
        several = len(numbers.find_all(text)) > 1
        return False, None, _Unreadable("give one figure" if several else "not a figure")
    target = _target(q)
    ok, note = _judge(target, fig)
    if ok:
        if target.scope.empty:
            return True, None, None  # a pack that gives no scope: the figure alone decides
        conflict = scope.conflict(target.scope, scope.read(text, fig.text, fig.per))
        return (True, None, None) if conflict is None else (False, None, conflict)
    other = _facts(pack).trap_for(fig, exclude=q)
    trap = f"{_shown(text, fig)} is {other.measures}" if other is not None else None
    return False, trap, note


def _shown(text: str, fig: numbers.Figure) -> str:
    """The answer as typed, for a trap; just the figure read from it when the rest is long."""
    typed = " ".join(text.split())
    return typed if len(typed) <= 40 else fig.text


def _grade_attribution(q: AttributionQuestion, text: str, pack: Pack) -> _Graded:
    person, could_be = names.identify(text, pack.people)
    if person is None:
        if not could_be:
            return False, None, None
        who = [p.name for p in could_be]
        listed = ", ".join(who[:-1]) + " or " + who[-1]
        return False, None, f"that could be {listed}: name one"
    if person.id == q.speaker:
        return True, None, None
    return False, None, f"that is {person.name}, {person.role}"


# --- choice ------------------------------------------------------------------------

_L = f"[{OPTION_LABELS}]"  # one option label
_LETTER = re.compile(rf"(?:option )?\(?({_L})\s*[).:]?", re.ASCII)
# A letter and the option's text: "b) February", "(b) February", "b. February", "option b: February".
_LABELLED = rf"(?:option ({_L})\s*[).:-]?|\(?({_L})\s*[).:]|({_L}) -) ?(.+)"
_END_PUNCT = " .!?;,'\""
_ARTICLES = frozenset({"the", "a", "an"})
_PREPOSITIONS = frozenset({"in", "on", "at", "by", "during"})
_CONTRACTIONS = {"can't": "can not", "cant": "can not", "cannot": "can not", "won't": "will not"}


def _not_form(word: str) -> str:
    """ "wasn't" -> "was not"."""
    if word in _CONTRACTIONS:
        return _CONTRACTIONS[word]
    return word[:-3] + " not" if word.endswith("n't") and len(word) > 3 else word


def _option_words(text: str) -> tuple[str, ...]:
    """An option's words for comparing: "&" is "and", "wasn't" is "was not", no leading article."""
    norm = normalize(text).replace("&", " and ")
    if "'" in norm or "cannot" in norm:
        norm = " ".join(_not_form(w) for w in norm.split())
    w = names.words(norm)
    while w and w[0] in _ARTICLES:
        w = w[1:]
    return w


@dataclass(frozen=True, slots=True)
class _Choice:
    options: tuple[str, ...]  # as written
    texts: tuple[str, ...]  # normalised options
    # Every way of naming an option, its text and the pack's aliases for it: (option, words)
    forms: tuple[tuple[int, tuple[str, ...]], ...]
    named: dict[str, int]  # normalised option texts and aliases -> option
    targets: tuple[_Target | None, ...]  # figure options as targets
    figures: tuple[numbers.Figure | None, ...]
    answer: int


def _make_choice(q: ChoiceQuestion) -> _Choice:
    texts = tuple(normalize(o).strip(_END_PUNCT) for o in q.options)
    figures = tuple(numbers.parse(o) for o in q.options)
    wanted = normalize(q.answer).strip(_END_PUNCT)
    if wanted in texts:
        answer = texts.index(wanted)
    else:
        answer = [o.casefold() for o in q.options].index(q.answer.casefold())
    named = {
        normalize(alias).strip(_END_PUNCT): i
        for i, o in enumerate(q.options)
        for alias in q.aliases.get(o, ())
    }
    named.update((t, i) for i, t in enumerate(texts))  # an option's own text wins over an alias
    forms = [(i, _option_words(o)) for i, o in enumerate(q.options)]
    forms += [(i, _option_words(a)) for i, o in enumerate(q.options) for a in q.aliases.get(o, ())]
    return _Choice(
        tuple(q.options),
        texts,
        tuple(forms),
        named,
        tuple(_option_target(f) if f is not None else None for f in figures),
        figures,
        answer,
    )


def _chosen(c: _Choice, text: str) -> tuple[int | None, str | None]:
    """(option index, None), or (None, why) when the answer picks no single option."""
    norm = normalize(text).strip(_END_PUNCT)
    m = _LETTER.fullmatch(norm)
    if m is not None:
        return _letter(c, m.group(1))
    if norm in c.named:
        return c.named[norm], None
    m = re.fullmatch(_LABELLED, norm, re.ASCII)  # compiled on first use, kept in re's cache
    if m is not None:
        letter = m.group(1) or m.group(2) or m.group(3)
        chosen, why = _letter(c, letter)
        if chosen is None:
            return None, why
        rest = m.group(4).strip(_END_PUNCT)
        by_text = _by_text(c, rest, rest)
        if by_text is None or by_text == chosen:
            return chosen, None  # "b) February", or "b) Feb..." that names no other option
        return (
            None,
            f"{letter} is {c.options[chosen]}, but {c.options[by_text]} is "
            f"{option_label(by_text)}: choose one",
        )
    return _by_text(c, text, norm), None


def _letter(c: _Choice, letter: str) -> tuple[int | None, str | None]:
    index = OPTION_LABELS.index(letter)
    return (index, None) if index < len(c.texts) else (None, None)


def _by_text(c: _Choice, text: str, norm: str) -> int | None:
    """The option whose text (or figure) `text` is, or None."""
    if norm in c.named:
        return c.named[norm]
    fig = numbers.parse(text)
    if fig is not None:
        by_figure = [i for i, t in enumerate(c.targets) if t is not None and _judge(t, fig)[0]]
        if len(by_figure) == 1:
            return by_figure[0]
        if by_figure or any(t is not None for t in c.targets):
            # Options that are figures are chosen by figure: "$412 million" or "€27 billion"
            # is no option's figure, however like its words ("€412 million", "€27 million").
            return None
    typed = _option_words(text)
    if not typed:
        return None
    hits = {i for i, w in c.forms if names.same_words(typed, w)}
    if not hits and len(typed) > 1 and typed[0] in _PREPOSITIONS:
        # "in June", "on Thursday": the option with a preposition before it
        hits = {i for i, w in c.forms if names.same_words(typed[1:], w)}
    if hits:
        return hits.pop() if len(hits) == 1 else None
    # Most of one option's words, in order: "design and development costs"
    hits = {i for i, w in c.forms if _most_of(typed, w)}
    if len(hits) == 1:
        return hits.pop()
    # A one-word option shortened: "Feb", "Sept"
    if len(typed) == 1 and len(typed[0]) >= 3 and not typed[0].isdigit():
        hits = {
            i for i, w in c.forms if len(w) == 1 and len(w[0]) > len(typed[0]) and w[0].startswith(typed[0])
        }
        if len(hits) == 1:
            return hits.pop()
    return None


# Words whose loss turns an option around: "Only the ES9" is not "the ES9".
_NEGATORS = frozenset("not no never neither nor none only without except".split())


def _most_of(typed: tuple[str, ...], option: tuple[str, ...]) -> bool:
    """`typed` is a run of at least two thirds of `option`'s words (and at least two words),
    leaving out no word like "not" or "only"."""
    n = len(typed)
    if n < 2 or n >= len(option) or 3 * n < 2 * len(option):
        return False
    for k in range(len(option) - n + 1):
        if names.same_words(typed, option[k : k + n]) and not _NEGATORS.intersection(
            option[:k] + option[k + n :]
        ):
            return True
    return False


def _grade_choice(q: ChoiceQuestion, text: str, pack: Pack) -> _Graded:
    c = _cached(_CHOICES, q, _make_choice)
    index, why = _chosen(c, text)
    if index is None:
        return (
            False,
            None,
            _Unreadable(
                why or f"choose one of the options, {OPTION_LABELS[0]} to {option_label(len(c.texts) - 1)}"
            ),
        )
    if index == c.answer:
        return True, None, None
    facts = _facts(pack)
    key = (q.id, index)
    if key not in facts.option_traps:
        fig = c.figures[index]
        other = facts.trap_for(fig) if fig is not None else None
        facts.option_traps[key] = f"{q.options[index]} is {other.measures}" if other is not None else None
    return False, facts.option_traps[key], None


# --- true/false ------------------------------------------------------------------

_TRUE = frozenset({"true", "t", "yes", "y", "right", "correct", "1", "yep", "yeah", "yup", "not false"})
_FALSE = frozenset({"false", "f", "no", "n", "wrong", "incorrect", "0", "nope", "nah", "untrue", "not true"})
# "it's true", "that is false": the word after a lead-in
_LEAD_INS = ("it's ", "it is ", "that's ", "that is ", "this is ")


def _grade_truefalse(q: TrueFalseQuestion, text: str) -> _Graded:
    norm = normalize(text).strip(_END_PUNCT)
    if norm.startswith(_LEAD_INS):
        norm = norm.split(" ", 2 if norm.startswith(("it is", "that is", "this is")) else 1)[-1].strip(
            _END_PUNCT
        )
    if norm not in _TRUE and norm not in _FALSE:
        # "False, it does not": the first word decides when no other says otherwise
        said = _ASCII_WORD.findall(norm)
        if len(said) > 1 and said[0] in _TF_WORDS and not any(w in _TF_WORDS for w in said[1:]):
            norm = said[0]
    if norm in _TRUE:
        return q.answer is True, None, None
    if norm in _FALSE:
        return q.answer is False, None, None
    return False, None, _Unreadable("answer true or false")


# Whole words that say true or false (not the letters and digits: "t", "1")
_TF_WORDS = frozenset(w for w in _TRUE | _FALSE if len(w) > 1 and " " not in w)


# --- lists ---------------------------------------------------------------------------

# Items are split at these and at spaces; neighbouring pieces are joined back
# when an item has several words ("research and development", "R&D").
_SEPARATORS = re.compile(r"(?:\s*(?:[,;&/+\u3001]|\band\b)\s*|\s+)+")
_MAX_PIECES = 60
# Pieces that may stand alone between items: list markers ("1.", "2)", "-") and articles.
_FILLER_WORDS = frozenset({"a", "an", "the", "-", "*", "\u2022", "\u00b7"})


def _is_filler(piece: str) -> bool:
    if piece in _FILLER_WORDS:
        return True
    digits = piece[1:-1] if piece[:1] == "(" else piece[:-1]
    return piece[-1:] in ".):" and 0 < len(digits) <= 2 and digits.isascii() and digits.isdigit()


_ACRONYM_SKIP = frozenset({"and", "of", "the", "a", "an", "for"})


# A list item: the words of each way of naming it (the item, the pack's aliases), and the
# acronyms that also name it.
_Item = tuple[tuple[tuple[str, ...], ...], tuple[str, ...]]


def _make_item(text: str, aliases: list[str]) -> _Item:
    """(forms, acronyms): "operating systems" -> ((("operating", "systems"),), ("os", "oss", "oses"))."""
    w = names.words(text)
    initials = "".join(x[0] for x in w if x not in _ACRONYM_SKIP)
    acronyms = (initials, initials + "s", initials + "es") if len(initials) >= 2 and len(w) >= 2 else ()
    return (w, *(names.words(a) for a in aliases)), acronyms


def _item_matches(typed: tuple[str, ...], item: _Item) -> bool:
    # "OS", "OSes" for "operating systems"
    return any(names.same_words(typed, form) for form in item[0]) or (len(typed) == 1 and typed[0] in item[1])


def _item_words(item: _Item) -> int:
    """The most words a way of naming the item takes."""
    return max(len(form) for form in item[0])


def _pieces(norm: str) -> list[tuple[int, int]]:
    """The typed pieces, as spans of `norm`."""
    spans, start = [], 0
    for m in _SEPARATORS.finditer(norm):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(norm):
        spans.append((start, len(norm)))
    return spans


def _assign(
    norm: str,
    spans: list[tuple[int, int]],
    filler: list[bool],
    items: list[_Item],
    used: list[bool],
    i: int,
    longest: int,
) -> bool:
    """Whether pieces i.. can be split into the unused items, each used once."""
    if i == len(spans):
        return all(used)
    for j in range(i + 1, min(len(spans), i + longest) + 1):
        typed = names.words(norm[spans[i][0] : spans[j - 1][1]])
        for k, item in enumerate(items):
            if not used[k] and _item_matches(typed, item):
                used[k] = True
                if _assign(norm, spans, filler, items, used, j, longest):
                    return True
                used[k] = False
    return filler[i] and _assign(norm, spans, filler, items, used, i + 1, longest)


def _grade_list(q: ListQuestion, text: str) -> _Graded:
    items = _cached(_LISTS, q, lambda q: [_make_item(i, q.aliases.get(i, [])) for i in q.items])
    norm = normalize(text.replace("\r", "").replace("\n", " , "))
    spans = _pieces(norm)
    if len(spans) > min(_MAX_PIECES, 4 * sum(_item_words(i) for i in items) + 8):
        return False, None, f"give the {len(items)} items"
    filler = [_is_filler(norm[a:b]) for a, b in spans]
    longest = max(_item_words(i) for i in items) * 2 + 1  # an item's words and what joins them
    if _assign(norm, spans, filler, items, [False] * len(items), 0, longest):
        return True, None, None
    return False, None, _list_note(q, norm, spans, filler, items, longest)


def _list_note(
    q: ListQuestion,
    norm: str,
    spans: list[tuple[int, int]],
    filler: list[bool],
    items: list[_Item],
    longest: int,
) -> str:
    """What was wrong with a list: words that are no item, an item twice, or how many are missing."""
    used = [False] * len(items)
    extra: list[str] = []
    twice: list[str] = []
    run = None  # where a stretch of unmatched pieces began
    i = 0
    while i < len(spans):
        hit = None
        for j in range(min(len(spans), i + longest), i, -1):
            typed = names.words(norm[spans[i][0] : spans[j - 1][1]])
            matching = [k for k, item in enumerate(items) if _item_matches(typed, item)]
            if matching:
                hit = (next((k for k in matching if not used[k]), matching[0]), j)
                break
        if hit is None:
            if not filler[i]:
                run = spans[i][0] if run is None else run
            i += 1
            continue
        if run is not None:
            extra.append(norm[run : spans[i - 1][1]])
            run = None
        k, i = hit
        if used[k]:
            twice.append(q.items[k])
        used[k] = True
    if run is not None:
        extra.append(norm[run : spans[-1][1]])
    if extra:
        return "not on the list: " + _few(extra)
    if twice:
        return "given twice: " + _few(twice)
    return f"{used.count(False)} of {len(items)} missing"


def _few(texts: list[str]) -> str:
    unique = list(dict.fromkeys(t if len(t) <= 40 else t[:39] + "..." for t in texts))
    return ", ".join(unique[:3]) + (", ..." if len(unique) > 3 else "")
