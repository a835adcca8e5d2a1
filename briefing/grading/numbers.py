"""Reading figures as people write them: "1.89bn", "fivefold", "a tenth", "2-2.5 billion".

`parse(text)` reads a whole answer into one `Figure` (None when it holds no
figure, more than one, or one too large to be finite: "1e999"). `find_all(text)`
returns every figure written in a piece of prose, in order. Both share one scanner over the normalised text's
tokens, so a figure reads the same wherever it is written.

A Figure's `value` is in plain units and carries the sign (-40.7 for "down
40.7%"); `sign` says whether a direction was written at all. `precision` is
the tolerance its writing implies: half a unit of the last written digit at
its scale ("1.89 billion" -> 0.005e9, "92%" -> 0.5, "fivefold" -> 0.5).
A range has `low` and `high` (and value None); its precision is the finer
of its two ends'.

Digits may carry thousands separators ("1,890", "200 000 000", "200.000.000"
with two or more groups) or a decimal comma ("40,7"). Multiples are also written
"x5"; fractions "1 / 10", "1 tenth", "one in ten". The same figure written twice
("two (2)", "a fifth (20%)") is one figure.

Units: "%", "x" (a multiple), "fraction", "yuan", "km", "mi", "usd", ""
(a plain count), and the units an answer may be wrongly given in: other
currencies ("eur", "gbp", "jpy", "hkd", "HK$"-style dollars, ...), other
lengths ("m", "cm", "ft", ...) and periods ("hours", "days", ...). Nothing
is ever converted: a different unit is a different answer. `¥` is yuan.

A word that is no unit we know but reads like one, written straight after
the figure ("1.89 billion bananas"), is kept as the Figure's `noun`: the
grader decides whether it matters (it does not for a count: "two upgrades").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from briefing.grading import units
from briefing.grading.normalize import normalize
from briefing.grading.vocabulary import FALL_WORDS, MINUS_WORDS, PLUS_WORDS, RISE_WORDS

__all__ = ["Figure", "parse", "find_all"]


@dataclass(frozen=True, slots=True)
class Figure:
    value: float | None  # None for a range
    unit: str
    precision: float
    sign: int | None = None  # +1, -1, or None when no direction was written
    low: float | None = None
    high: float | None = None
    scaled: bool = False  # a scale word or suffix was written ("billion", "bn", "k")
    text: str = ""  # the normalised words it was read from
    # An unknown unit-like word written straight after a figure with no unit
    # ("bananas" of "1.89 billion bananas"); "" when none.
    noun: str = ""
    # The period a rate written after it names ("a year", "per quarter", "/month"):
    # "year", "quarter", ...; "" when none.
    per: str = ""

    @property
    def is_range(self) -> bool:
        return self.low is not None


# --- vocabulary ------------------------------------------------------------------

_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
# Scale words and suffixes, as powers of ten. "m" and "b" only count written
# straight after the digits ("200m", "1.89b").
_SCALES = {
    "thousand": 3,
    "k": 3,
    "million": 6,
    "mn": 6,
    "mln": 6,
    "m": 6,
    "billion": 9,
    "bn": 9,
    "bln": 9,
    "b": 9,
    "trillion": 12,
    "tn": 12,
    "万": 4,
    "亿": 8,
    "萬": 4,
    "億": 8,
    # plurals as people write them ("200 millions"), a hundred as a scale ("2 hundred
    # million"), and Indian scales: read right so a wrong figure is judged as written
    "hundred": 2,
    "thousands": 3,
    "millions": 6,
    "billions": 9,
    "lakh": 5,
    "lakhs": 5,
    "crore": 7,
    "crores": 7,
}
_TIGHT_SCALES = {"m", "b"}
_FRACTIONS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fourth": 4,
    "fourths": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "seventh": 7,
    "sevenths": 7,
    "eighth": 8,
    "eighths": 8,
    "ninth": 9,
    "ninths": 9,
    "tenth": 10,
    "tenths": 10,
    "twentieth": 20,
    "twentieths": 20,
    "hundredth": 100,
    "hundredths": 100,
}
_MULTIPLES = {
    "twice": 2,
    "double": 2,
    "doubled": 2,
    "doubles": 2,
    "doubling": 2,
    "triple": 3,
    "tripled": 3,
    "triples": 3,
    "tripling": 3,
    "treble": 3,
    "trebled": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quadruples": 4,
    "quadrupling": 4,
    "quintuple": 5,
    "quintupled": 5,
    "quintuples": 5,
    "quintupling": 5,
    "sextuple": 6,
    "sextupled": 6,
    "sextuples": 6,
}
_FOLDS = {name + "fold": v for name, v in {**_ONES, **_TENS, "hundred": 100}.items()}

# Units are the registry's (briefing.grading.units): how each is written before or after a number.
# Before the number: "€", "eur", "rmb", "¥"; "HK$" and "JP¥" are letters and a symbol (below).
_CURRENCY_BEFORE = {k: v for k, v in units.BEFORE.items() if not (len(k) > 1 and k[-1] in "$¥")}
# "HK$", "S$", "US$": letters straight before "$" name the dollar; other letters
# are still not US dollars ("ZZ$" is its own unit). "JP¥" is yen; any other "¥" yuan.
_DOLLAR_PREFIXES = units.DOLLAR_PREFIXES
_YEN_PREFIXES = units.YEN_PREFIXES
# A unit written after the number (one token), and units of several words
# ("Hong Kong dollars", "megawatt hours", "percentage points").
_UNITS_AFTER = units.AFTER
_MULTI_UNITS = units.MULTI
_MULTI_FIRST = frozenset(k[0] for k in _MULTI_UNITS)
# What may be glued to the digits: "1.89bn", "5x", "200km", "92pct", "640MW".
_SUFFIXES = frozenset(set(_SCALES) | {k for k in _UNITS_AFTER if k.isascii()})
_DOLLARS = units.DOLLARS
_MONEY = units.MONEY
_MONEY_OR_LENGTH = units.MONEY | units.LENGTH
# Units a spaced "m" or "b" may scale: "1890 m yuan", "200 m km".
_SCALED_UNITS = _MONEY_OR_LENGTH

_DOWN = FALL_WORDS | MINUS_WORDS
_UP = RISE_WORDS | PLUS_WORDS
# Direction words that can follow a figure: "40.7% lower", "a 92% increase".
_DOWN_AFTER = frozenset("down lower decline drop fall decrease cut reduction less fewer smaller".split())
_UP_AFTER = frozenset("up higher increase rise growth gain jump more".split())
# Words that may stand between a direction word and its figure: "fell by about 40.7%".
_BETWEEN_DIRECTION = frozenset(
    "by about roughly around approximately approx some nearly almost over more than just only "
    "close circa c ca an a of ~ ≈ another".split()
)
# Plural-looking words after a figure that are no unit: "1.89 billion this quarter",
# "92 points", "2 to 2.5 billion expenses".
_NOT_PLURAL = ("ss", "us", "is", "'s")
_NOT_NOUNS = (
    frozenset(
        "this its was has as yes thus plus less always perhaps towards afterwards besides unless whereas "
        "sometimes nevertheless regardless does goes says gets makes takes vs pts points ppts bps ps "
        "expenses costs sales revenues earnings funds terms ours theirs hers his others".split()
    )
    | _DOWN
    | _UP
    | set(_FRACTIONS)
)
_RANGE_TO = frozenset({"to", "-", "through", "~", "到", "至"})
_PER = frozenset({"a", "per", "each", "every", "/"})
# What a rate's period word names: "1.89 billion a quarter", "200 million km per month".
_PERIODS = {
    "quarter": "quarter",
    "year": "year",
    "yr": "year",
    "annum": "year",
    "month": "month",
    "mo": "month",
    "week": "week",
    "wk": "week",
    "day": "day",
}

# --- tokens ----------------------------------------------------------------------

_TOKEN = re.compile(
    # thousands separators ("1,890"), a decimal comma ("40,7": one or two digits after
    # it, not part of a "1,2,3" run), plain digits and decimals
    r"(?P<num>\d{1,3}(?:,\d{3})+(?![\d])(?:\.\d+)?"
    # "200.000.000" (two or more dot groups: one would be a decimal), "200 000 000"
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d.])|(?<![\w.,])\d{1,3}(?: \d{3})+(?![\d.,])"
    r"|(?<!\d,)\d+,\d{1,2}(?!\d|,\d)|\d+(?:\.\d+)?|\.\d+)"
    r"(?P<exp>e[-+]?\d+(?![a-z]))?"
    r"|(?P<word>[a-z]+(?:'[a-z]+)?)"
    r"|(?P<sym>\S)",
    re.ASCII,
)
NUM, WORD, SYM = 0, 1, 2


@dataclass(slots=True)
class _Tok:
    kind: int
    text: str
    start: int
    end: int
    exp: str | None = None


def _tokens(text: str) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text):
        group = m.lastgroup
        if group == "num" or group == "exp":
            out.append(_Tok(NUM, m.group("num"), m.start(), m.end(), m.group("exp")))
        elif group == "word":
            out.append(_Tok(WORD, m.group(), m.start(), m.end()))
        else:
            out.append(_Tok(SYM, m.group(), m.start(), m.end()))
    return out


# --- the scanner -----------------------------------------------------------------


@dataclass(slots=True)
class _Q:
    """A quantity being read: magnitude, precision, unit, sign."""

    value: float
    precision: float
    unit: str = ""
    sign: int | None = None
    scaled: bool = False
    start: int = 0  # first token index
    end: int = 0  # one past the last token index
    digits: bool = False  # written in digits
    exp: int = 0  # the power of ten of its scale words, 0 when none
    noun: str = ""  # an unknown unit-like word straight after it ("bananas")
    per: str = ""  # the period of a rate written after it ("a year" -> "year")


def _fraction_precision(num: float, den: float) -> float:
    # Half-way to the neighbouring unit fraction, at most 5% of the value:
    # "a tenth" takes 10% (and 10.4%) but not 11%.
    return min(num / den * 0.05, 1 / (2 * den * (den + 1)))


def _digits(tok: _Tok) -> tuple[float, float, str]:
    """(value, precision, mantissa) of a digits token, exponent applied."""
    text = tok.text.replace(" ", "")
    comma = text.find(",")
    # "40,7" is a decimal comma; "1,890" a thousands separator
    text = text.replace(",", ".") if comma != -1 and len(text) - comma <= 3 else text.replace(",", "")
    if text.count(".") > 1:
        text = text.replace(".", "")  # "200.000.000"
    decimals = len(text) - text.index(".") - 1 if "." in text else 0
    if tok.exp:
        exp = int(tok.exp[1:])
        return float(text + "e" + str(exp)), float("5e" + str(exp - decimals - 1)), text
    return float(text), float("5e" + str(-decimals - 1)), text


def _adjacent(a: _Tok, b: _Tok) -> bool:
    return a.end == b.start


def _read_words(toks: list[_Tok], i: int) -> tuple[int, int] | None:
    """An integer in words at i: (value, next index), "twenty-five", "two hundred"."""
    n = len(toks)
    total = 0
    seen = False
    j = i
    while j < n and toks[j].kind == WORD:
        w = toks[j].text
        if w in _TENS:
            total += _TENS[w]
            seen = True
            j += 1
            # "twenty-five", "twenty five"
            k = j + 1 if j < n and toks[j].text == "-" else j
            if k < n and toks[k].kind == WORD and toks[k].text in _ONES and 0 < _ONES[toks[k].text] < 10:
                total += _ONES[toks[k].text]
                j = k + 1
        elif w in _ONES:
            if seen and total % 100:
                break
            total += _ONES[w]
            seen = True
            j += 1
        elif w == "hundred" and seen:
            total = total * 100
            j += 1
            if (
                j + 1 < n
                and toks[j].text == "and"
                and (toks[j + 1].text in _ONES or toks[j + 1].text in _TENS)
            ):
                j += 1
        else:
            break
    return (total, j) if seen else None


def _mixed(toks: list[_Tok], i: int, whole: float, j: int) -> _Q | None:
    """A whole number (at i, read up to j) with its fraction: "one and a half", "2 and
    three quarters", "2 1/2" (and "2½", which normalize writes so). A plain number,
    not a share: "two and a half million yuan" takes its scale and unit after it."""
    n = len(toks)
    num, den, end = 0, 0, j
    if j + 2 < n and toks[j].text == "and" and toks[j + 2].text in _FRACTIONS:
        # "and a half", "and three quarters"
        word = toks[j + 1].text
        num = 1 if word in ("a", "an", "one") else _ONES.get(word, 0)
        den, end = _FRACTIONS[toks[j + 2].text], j + 3
    elif (
        j + 2 < n
        and toks[j].kind == NUM
        and _whole(toks[j])
        and toks[j + 1].text == "/"
        and toks[j + 2].kind == NUM
        and _whole(toks[j + 2])
        and _adjacent(toks[j], toks[j + 1])
        and _adjacent(toks[j + 1], toks[j + 2])
    ):
        num, den, end = int(_digits(toks[j])[0]), int(_digits(toks[j + 2])[0]), j + 3
    if not 0 < num < den:
        return None
    return _Q(whole + num / den, _fraction_precision(num, den), start=i, end=end)


def _read_core(toks: list[_Tok], i: int, bare_fractions: bool, glued: bool = False) -> _Q | None:
    """The number itself at i, with what is glued to it; no scale or unit yet.

    `glued`: what is written straight before it ("x" of "x5") has been read already.
    """
    n = len(toks)
    t = toks[i]
    if t.kind == NUM:
        if i > 0 and not glued and _adjacent(toks[i - 1], t):
            prev = toks[i - 1]
            if prev.kind == WORD and prev.text not in _CURRENCY_BEFORE:
                return None  # a code: "ES9", "Q1"
            if prev.kind == NUM or prev.text in ".":
                return None  # "1.2.3", a version
        value, precision, _ = _digits(t)
        q = _Q(value, precision, start=i, end=i + 1, digits=True)
        if i + 1 < n and _adjacent(t, toks[i + 1]):
            nxt = toks[i + 1]
            if nxt.kind == WORD and nxt.text not in _SUFFIXES:
                return None  # "1st", "9es": not a figure
            if nxt.kind == NUM:
                return None
            if nxt.text == "/" and i + 2 < n and toks[i + 2].kind == NUM and _adjacent(nxt, toks[i + 2]):
                den, _, _ = _digits(toks[i + 2])
                if den == 0:
                    return None
                return _Q(value / den, _fraction_precision(value, den), "fraction", start=i, end=i + 3)
            if (
                nxt.text == ":"
                and i + 2 < n
                and toks[i + 2].kind == NUM
                and _adjacent(nxt, toks[i + 2])
                and _whole(t)
                and len(t.text) == 1  # "1:10", "3:4"; "10:30" reads as a time
                and _whole(toks[i + 2])
                and not (i + 3 < n and _adjacent(toks[i + 2], toks[i + 3]))
            ):
                # "1:10" where a share is asked: one part in ten (not a time, "10:30")
                den, _, _ = _digits(toks[i + 2])
                if not 0 < value < den:
                    return None
                return _Q(value / den, _fraction_precision(value, den), "fraction", start=i, end=i + 3)
        elif i + 1 < n and _whole(t):
            after = toks[i + 1].text
            # "1 / 10" spaced, both ends whole numbers
            if (
                after == "/"
                and i + 2 < n
                and toks[i + 2].kind == NUM
                and _whole(toks[i + 2])
                and not (i + 3 < n and (_adjacent(toks[i + 2], toks[i + 3]) or toks[i + 3].text in _SCALES))
            ):
                den, _, _ = _digits(toks[i + 2])
                if den == 0:
                    return None
                return _Q(value / den, _fraction_precision(value, den), "fraction", start=i, end=i + 3)
            mixed = _mixed(toks, i, value, i + 1)  # "2 and a half", "2 1/2"
            if mixed is not None:
                return mixed
            # "1 tenth", "2 fifths"
            if after in _FRACTIONS and 0 < value < 20:
                den = _FRACTIONS[after]
                return _Q(value / den, _fraction_precision(value, den), "fraction", start=i, end=i + 2)
            return _one_in(toks, i, value, i + 1) or q
        return q
    if t.kind != WORD:
        return None
    w = t.text
    if w in _FOLDS:
        return _Q(float(_FOLDS[w]), 0.5, "x", start=i, end=i + 1)
    if w in _MULTIPLES:
        return _Q(float(_MULTIPLES[w]), 0.5, "x", start=i, end=i + 1)
    if w in ("a", "an", "one") and i + 1 < n:
        # "a tenth", "one-tenth", "a fifth", "a half", "a billion"
        k = i + 2 if toks[i + 1].text == "-" else i + 1
        if k < n and toks[k].text in _FRACTIONS and toks[k].text not in ("halves",):
            den = _FRACTIONS[toks[k].text]
            return _Q(1 / den, _fraction_precision(1, den), "fraction", start=i, end=k + 1)
        if w != "one":
            after = toks[i + 1].text
            if after in _SCALES and after not in _TIGHT_SCALES and after != "k":
                return _Q(1.0, 0.5, start=i, end=i + 1)
            return None
    if w == "half":
        return _Q(0.5, _fraction_precision(1, 2), "fraction", start=i, end=i + 1)
    if (
        bare_fractions
        and w in _FRACTIONS
        and w[-1] != "s"
        and (i == 0 or toks[i - 1].text in _BETWEEN_DIRECTION)
    ):
        # "tenth" or "about a tenth" as a whole answer; not "the first quarter"
        den = _FRACTIONS[w]
        return _Q(1 / den, _fraction_precision(1, den), "fraction", start=i, end=i + 1)
    words = _read_words(toks, i)
    if words is None:
        return None
    value, j = words
    mixed = _mixed(toks, i, value, j)  # "one and a half", "two and three quarters"
    if mixed is not None:
        return mixed
    # "two-thirds", "three quarters"
    k = j + 1 if j < n and toks[j].text == "-" else j
    if k < n and toks[k].text in _FRACTIONS and 0 < value < 20:
        den = _FRACTIONS[toks[k].text]
        return _Q(value / den, _fraction_precision(value, den), "fraction", start=i, end=k + 1)
    if w == "one" and j == i + 1 and j < n and toks[j].text in _ONE_PERIOD:
        return None  # "in one month": a period, not a figure
    return _one_in(toks, i, value, j) or _Q(float(value), 0.5, start=i, end=j)


# "one month", "one year": the number one as an article of time
_ONE_PERIOD = frozenset({"month", "year", "week", "day", "time"})


def _whole(tok: _Tok) -> bool:
    return tok.exp is None and "." not in tok.text and "," not in tok.text


def _one_in(toks: list[_Tok], i: int, value: float, j: int) -> _Q | None:
    """ "one in ten", "1 in 5", "one-in-ten": a fraction, when the second number is the larger (up to 100)."""
    n = len(toks)
    hyphens = j + 3 < n and toks[j].text == "-" and toks[j + 1].text == "in" and toks[j + 2].text == "-"
    if hyphens:
        j += 1
    if not (j + 1 < n and toks[j].text == "in" and 0 < value < 100):
        return None
    k = j + 2 if hyphens else j + 1
    if toks[k].kind == NUM:
        if not _whole(toks[k]) or (k + 1 < n and _adjacent(toks[k], toks[k + 1])):
            return None
        den, end = float(toks[k].text), k + 1
    else:
        words = _read_words(toks, k)
        if words is None:
            return None
        den, end = words
    if end < n and (toks[end].text in _SCALES or toks[end].text in _UNITS_AFTER):
        return None  # "5 in 10 billion" is not a fraction
    if not value < den <= 100:
        return None
    return _Q(value / den, _fraction_precision(value, den), "fraction", start=i, end=end)


def _read(toks: list[_Tok], i: int, bare_fractions: bool, signed: bool = True) -> _Q | None:
    """A whole quantity starting at i: currency, sign, number, scale, unit, direction."""
    n = len(toks)
    start = i
    unit = ""
    sign = None
    t = toks[i]
    if signed and t.text in ("-", "+") and i + 1 < n and _adjacent(t, toks[i + 1]):
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1]
        if (prev is None or not (_adjacent(prev, t) and prev.kind != SYM)) and (
            nxt.kind == NUM or nxt.text in _CURRENCY_BEFORE
        ):
            sign = -1 if t.text == "-" else 1
            i += 1
    bare_dollar = False  # "$" alone: a unit written after may say which dollar
    if i < n and toks[i].text in _CURRENCY_BEFORE and i + 1 < n and toks[i + 1].kind == NUM:
        unit = _CURRENCY_BEFORE[toks[i].text]
        if toks[i].kind == SYM and i > 0 and toks[i - 1].kind == WORD and _adjacent(toks[i - 1], toks[i]):
            # "HK$1.89bn", "S$", "JP¥": the letters name the currency
            prefix = toks[i - 1].text
            if toks[i].text == "$" and len(prefix) <= 3 and prefix.isalpha():
                unit = _DOLLAR_PREFIXES.get(prefix, prefix.upper() + "$")
                start = i - 1
            elif toks[i].text == "¥" and prefix in _YEN_PREFIXES:
                unit = _YEN_PREFIXES[prefix]
                start = i - 1
        bare_dollar = unit == "usd" and toks[i].text == "$" and start == i
        i += 1
    times_before = False
    if (
        i + 1 < n
        and toks[i].text in ("x", "×")
        and toks[i + 1].kind == NUM
        and _adjacent(toks[i], toks[i + 1])
        and not (i > 0 and toks[i - 1].kind != SYM and _adjacent(toks[i - 1], toks[i]))
        and not unit
    ):
        times_before = True  # "x5", "×10": a multiple written the other way round
        i += 1
    if i >= n:
        return None
    q = _read_core(toks, i, bare_fractions, glued=times_before)
    if q is None:
        return None
    j = q.end
    if times_before and (q.unit or (j < n and toks[j].text in _SCALES)):
        return None  # "x5%", "x5 billion"
    # scale: "billion", "bn", "200m", "亿"; "1890 m yuan" spaced, before a unit
    if j < n and q.unit != "fraction" and q.unit != "x" and not times_before:
        s = toks[j].text
        if s in _SCALES and (
            s not in _TIGHT_SCALES
            or _adjacent(toks[j - 1], toks[j])
            or (j + 1 < n and _UNITS_AFTER.get(toks[j + 1].text) in _SCALED_UNITS)
        ):
            _scale(q, _SCALES[s])
            j += 1
            big = toks[j].text if j < n else ""
            if q.exp in (2, 3) and _SCALES.get(big, 0) >= 6 and big not in _TIGHT_SCALES:
                _scale(q, _SCALES[big])  # a scale of a scale: "2 hundred million", "2 thousand million"
                j += 1
    # unit after: "%", "per cent", "yuan", "km", "times", "-fold", "x", "euros", "Hong Kong dollars"
    if j < n:
        s = toks[j].text
        after = _unit_at(toks, j) if q.unit == "" else None
        if s == "-" and j + 1 < n and toks[j + 1].text == "fold" and q.unit == "":
            q.unit, j = "x", j + 2
        elif after is not None:
            u, k = after
            if unit and u != unit:
                if bare_dollar and u in _DOLLARS:
                    unit, q.unit, j = u, u, k  # "$1.89bn HKD"
            elif (
                u == "x"
                and s in ("x", "×")
                and not _adjacent(toks[j - 1], toks[j])
                and j + 1 < n
                and toks[j + 1].kind == NUM
            ):
                pass  # "2 x 3": a product, not a multiple
            elif s == "m" and not q.scaled:
                # "200 m": metres or millions, unsaid ("200 million m" is metres); kept as a
                # noun, so that where a length is asked "38 m" is no bare 38 km
                q.noun, j = "m", j + 1
            else:
                q.unit, j = u, k
        elif s == "in" and q.unit == "" and not unit and j + 1 < n:
            after = _unit_at(toks, j + 1)
            if after is not None and after[0] in _MONEY_OR_LENGTH and toks[j + 1].text != "m":
                q.unit, j = after  # "1.89 billion in euros"
        elif s == "per" and j + 1 < n and toks[j + 1].text == "cent":
            q.unit, j = "%", j + 2
    if times_before:
        if q.unit not in ("", "x"):
            return None
        q.unit = "x"
    if unit and not q.unit:
        q.unit = unit
    if q.unit in _MONEY and j < n and _UNITS_AFTER.get(toks[j].text) == q.unit:
        j += 1  # "¥1.89 billion yuan", "1.89 billion pounds sterling"
    if q.unit == "" and not times_before and j < n and toks[j].kind == WORD:
        q.noun = q.noun or _noun(toks, j)
    # "a quarter", "per year" after a figure is a rate, not another figure
    if j + 1 < n and toks[j].text in _PER and toks[j + 1].text in _PERIODS:
        q.per = _PERIODS[toks[j + 1].text]
        j += 2
    # direction after: "40.7% lower", "a 92% increase"
    if sign is None and j < n and toks[j].kind == WORD:
        s = toks[j].text
        if s in _DOWN_AFTER:
            sign, j = -1, j + 1
        elif s in _UP_AFTER:
            sign, j = 1, j + 1
    q.sign = sign
    q.start, q.end = start, j
    return q


def _unit_at(toks: list[_Tok], j: int) -> tuple[str, int] | None:
    """(unit, next index) for a unit written at j: one token, or a few words ("Hong Kong dollars")."""
    s = toks[j].text
    if s in _MULTI_FIRST:
        for size in (2, 3):
            key = tuple(t.text for t in toks[j : j + size])
            if key in _MULTI_UNITS:
                return _MULTI_UNITS[key], j + size
    u = _UNITS_AFTER.get(s)
    return (u, j + 1) if u is not None else None


def _noun(toks: list[_Tok], j: int) -> str:
    """The word at j when it reads like an unknown unit ("bananas"), else "".

    Careful by design: only a plural-looking noun, not a function, hedge,
    direction or period word ("in", "more", "growth", "a year"), and not a
    code ("q1"). Words that merely follow a figure ("spent", "total") are not units.
    """
    w = toks[j].text
    if len(w) < 3 or w[-1] != "s" or w.endswith(_NOT_PLURAL) or w in _NOT_NOUNS or not w.isalpha():
        return ""
    if j + 1 < len(toks) and _adjacent(toks[j], toks[j + 1]) and toks[j + 1].kind != SYM:
        return ""
    return w


def _direction_before(toks: list[_Tok], i: int) -> tuple[int | None, bool]:
    """(direction, after "between") from the words just before token i."""
    k = i - 1
    while k >= 0 and toks[k].text in _BETWEEN_DIRECTION:
        k -= 1
    if k < 0:
        return None, False
    w = toks[k].text
    if w in _DOWN:
        return -1, False
    if w in _UP and w != "more":
        return 1, False
    return None, w == "between"


def _figure(q: _Q, text: str, toks: list[_Tok]) -> Figure:
    value = -q.value if q.sign == -1 else q.value
    return Figure(
        value,
        q.unit,
        q.precision,
        q.sign,
        scaled=q.scaled,
        text=_span(text, toks, q.start, q.end),
        noun=q.noun,
        per=q.per,
    )


def _span(text: str, toks: list[_Tok], start: int, end: int) -> str:
    return text[toks[start].start : toks[end - 1].end] if end > start else ""


def _scan(text: str, bare_fractions: bool, limit: int, prose: bool = False) -> list[Figure]:
    toks = _tokens(text)
    n = len(toks)
    out: list[Figure] = []
    i = 0
    while i < n:
        t = toks[i]
        kind = t.kind
        if (kind == WORD and t.text in _DATE_WORDS) or (kind == NUM and len(t.text) in (1, 4)):
            d = _read_date(toks, i)
            if d is not None:
                out.append(_figure(d, text, toks))
                if len(out) > limit:
                    return out
                i = d.end
                continue
        if kind == WORD and t.text not in _WORD_STARTS:
            i += 1
            continue
        if kind == SYM and t.text not in _SYM_STARTS:
            i += 1
            continue
        q = _read(toks, i, bare_fractions)
        if q is None:
            i += 1
            continue
        between = False
        if q.sign is None:
            q.sign, between = _direction_before(toks, i)
        j = q.end
        # a range: "2 to 2.5 billion", "2-2.5bn", "between 2 and 2.5 billion"
        if (
            j + 1 < n
            and (toks[j].text in _RANGE_TO or (between and toks[j].text == "and"))
            and q.unit not in ("fraction",)
        ):
            hi = _read(toks, j + 1, bare_fractions, signed=False)
            if (
                hi is not None
                and hi.unit != "fraction"
                and (
                    q.unit == hi.unit
                    or q.unit == ""
                    # "RMB2-2.5bn" is a range; "92% to 200 million" is not
                    or (hi.unit == "" and not (hi.scaled and q.unit in ("%", "x")))
                )
            ):
                low = q
                if not low.scaled and hi.scaled:
                    _scale(low, hi.exp)  # "2 to 2.5 billion": the scale covers both ends
                unit = hi.unit or low.unit
                lo_v, hi_v = sorted((low.value, hi.value))
                sign = low.sign if low.sign is not None else hi.sign
                if sign == -1:
                    lo_v, hi_v = -hi_v, -lo_v
                out.append(
                    Figure(
                        None,
                        unit,
                        min(low.precision, hi.precision),
                        sign,
                        lo_v,
                        hi_v,
                        scaled=low.scaled or hi.scaled,
                        text=_span(text, toks, i, hi.end),
                        noun=hi.noun,
                        per=hi.per,
                    )
                )
                if prose:  # "from 3.19bn to 1.89bn" may be two levels, not a range
                    low.unit = hi.unit = unit
                    out.append(_figure(low, text, toks))
                    out.append(_figure(hi, text, toks))
                i = hi.end
                if len(out) > limit:
                    return out
                continue
        out.append(_figure(q, text, toks))
        if len(out) > limit:
            return out
        i = max(j, i + 1)
    return out


# --- dates ---------------------------------------------------------------------------
# A date is a figure of its own (units "year", "half", "quarter", "month"): its value is
# its first month counted from year 0 (2024 * 12 + 9 for Q4 2024). A bare year ("2025")
# stays a plain number; the grader reads one as a year where a date is asked.

_MONTHS = {
    name: k + 1
    for k, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for name in names.split()
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}
_ORDINAL_SUFFIXES = {"1": "st", "2": "nd", "3": "rd", "4": "th"}
_DATE_WORDS = frozenset({*_MONTHS, *_ORDINALS, "q", "h"})


def _year(toks: list[_Tok], j: int, short: bool = False) -> int | None:
    """The year written at token j ("2024"; "24" when `short`), or None."""
    if j >= len(toks) or toks[j].kind != NUM or toks[j].exp or not toks[j].text.isdigit():
        return None
    t = toks[j].text
    if len(t) == 4 and 1000 <= int(t) <= 2999:
        year = int(t)
    elif short and len(t) == 2:
        year = 2000 + int(t)
    else:
        return None
    if j + 1 < len(toks) and _adjacent(toks[j], toks[j + 1]) and toks[j + 1].kind != SYM:
        return None  # "2024x", "2024bn"
    return year


def _date(unit: str, year: int, part: int, start: int, end: int) -> _Q:
    months = {"year": 12, "half": 6, "quarter": 3, "month": 1}[unit]
    return _Q(float(year * 12 + (part - 1) * months), 0.5, unit, start=start, end=end)


def _read_date(toks: list[_Tok], i: int) -> _Q | None:
    """A quarter, half or month with its year at i: "Q4 2024", "4Q24", "the fourth quarter of
    2024", "H2 2026", "second half of 2026", "July 2023", "Jul. 2023", "2023-07"."""
    n = len(toks)
    t = toks[i]
    w = t.text
    if t.kind == WORD:
        if w in ("q", "h") and i + 1 < n and toks[i + 1].kind == NUM and _adjacent(t, toks[i + 1]):
            part, unit = toks[i + 1].text, "quarter" if w == "q" else "half"
            if part not in ("1", "2", "3", "4")[: 4 if w == "q" else 2]:
                return None
            j = i + 2
            if j < n and toks[j].text in ("-", "'", "/") and _adjacent(toks[j - 1], toks[j]):
                j += 1
            year = _year(toks, j, short=True)
            return _date(unit, year, int(part), i, j + 1) if year is not None else None
        if w in _ORDINALS:
            j = i + 2 if i + 1 < n and toks[i + 1].text == "-" else i + 1
            if j < n and toks[j].text in ("quarter", "half"):
                unit = toks[j].text
                j += 1
                if j < n and toks[j].text in ("of", "in"):
                    j += 1
                year = _year(toks, j)
                nth = _ORDINALS[w] if unit == "quarter" or w != "last" else 2
                if year is not None and (unit == "quarter" or nth <= 2):
                    return _date(unit, year, nth, i, j + 1)
            return None
        if w in _MONTHS:
            j = i + 1
            if j < n and toks[j].text == "." and _adjacent(t, toks[j]):
                j += 1
            if j < n and toks[j].text == "of":
                j += 1
            year = _year(toks, j)
            return _date("month", year, _MONTHS[w], i, j + 1) if year is not None else None
        return None
    if t.kind != NUM or (i > 0 and _adjacent(toks[i - 1], t) and toks[i - 1].kind != SYM):
        return None
    if len(w) == 1 and i + 2 < n and toks[i + 1].text in ("q", "h", "st", "nd", "rd", "th"):
        nxt = toks[i + 1]
        if not _adjacent(t, nxt):
            return None
        if nxt.text in ("q", "h") and _adjacent(nxt, toks[i + 2]):  # "4Q24", "2H26"
            if w not in ("1", "2", "3", "4")[: 4 if nxt.text == "q" else 2]:
                return None
            year = _year(toks, i + 2, short=True)
            unit = "quarter" if nxt.text == "q" else "half"
            return _date(unit, year, int(w), i, i + 3) if year is not None else None
        if _ORDINAL_SUFFIXES.get(w) == nxt.text:  # "4th quarter of 2024"
            j = i + 2
            if j < n and toks[j].text in ("quarter", "half"):
                unit = toks[j].text
                j += 2 if j + 1 < n and toks[j + 1].text in ("of", "in") else 1
                year = _year(toks, j)
                if year is not None and (unit == "quarter" or int(w) <= 2):
                    return _date(unit, year, int(w), i, j + 1)
        return None
    if (
        len(w) == 4
        and i + 2 < n
        and toks[i + 1].text == "-"
        and _adjacent(t, toks[i + 1])
        and _adjacent(toks[i + 1], toks[i + 2])
        and len(toks[i + 2].text) == 2
        and toks[i + 2].text.isdigit()
        and not (i + 3 < n and _adjacent(toks[i + 2], toks[i + 3]))
    ):  # "2023-07" (not "2023-07-15", nor a range "2023-2024")
        year, month = _year(toks, i), int(toks[i + 2].text)
        if year is not None and 1 <= month <= 12:
            return _date("month", year, month, i, i + 3)
    return None


def _scale(q: _Q, exp: int) -> None:
    """Apply a scale word: "1.89" + "billion" -> 1.89e9, exactly as float("1.89e9")."""
    r = repr(q.value)
    # repr is "1.89" for what was typed; "1e+300" or "inf" when the digits were already huge
    q.value = (
        float(r + "e" + str(exp)) if q.digits and r[-1].isdigit() and "e" not in r else q.value * 10**exp
    )
    q.precision *= 10**exp
    q.scaled = True
    q.exp += exp  # "2 hundred million": the scales add up


# Where a quantity may start: digits, number words, "a"/"an", currency, signs.
_WORD_STARTS = frozenset(
    set(_ONES)
    | set(_TENS)
    | set(_FOLDS)
    | set(_MULTIPLES)
    | set(_FRACTIONS)
    | {"a", "an", "half", "x"}
    | {k for k in _CURRENCY_BEFORE if k.isalpha()}
)
_SYM_STARTS = frozenset({"-", "+", "×"} | {k for k in _CURRENCY_BEFORE if not k.isalpha()})


@lru_cache(maxsize=4096)
def parse(text: str) -> Figure | None:
    """One answer as a Figure; None when it holds no figure or more than one."""
    norm = normalize(text)
    if not norm:
        return None
    found = _scan(norm, False, 8)
    if not found:  # a bare "tenth" or "quarter" counts only when nothing else does
        found = _scan(norm, True, 1)
    if len(found) > 1:  # "92% in 2025": a year is not the answer
        found = [f for f in found if not _is_year(f)]
    if len(found) > 1 and all(_same_figure(f, found[0]) for f in found[1:]):
        # "two (2)", "1.89 billion yuan (1,890 million)": one figure written twice
        found = [next((f for f in found if f.unit), found[0])]
    if len(found) != 1 or not _finite(found[0]):  # "1e999" is no figure
        return None
    return found[0]


def _finite(f: Figure) -> bool:
    return all(v is None or math.isfinite(v) for v in (f.value, f.low, f.high))


def _same_figure(a: Figure, b: Figure) -> bool:
    if a.sign is not None and b.sign is not None and a.sign != b.sign:
        return False
    if a.is_range or b.is_range:
        return (a.low, a.high) == (b.low, b.high) and (a.unit == b.unit or not a.unit or not b.unit)
    if a.unit == b.unit or not a.unit or not b.unit:
        return a.value == b.value
    if {a.unit, b.unit} == {"%", "fraction"}:  # "a fifth (20%)"
        pct, frac = (a.value, b.value) if a.unit == "%" else (b.value, a.value)
        # Neither is a range (checked above), so both have a value.
        return pct is not None and frac is not None and abs(pct - frac * 100) <= 1e-9 * abs(pct) + 1e-12
    return False


def _is_year(f: Figure) -> bool:
    """A year or another date, which beside another figure is not the answer ("92% in Q1 2025")."""
    return f.unit in units.DATES or (
        not f.unit
        and not f.scaled
        and f.sign is None
        and f.value is not None
        and f.value.is_integer()
        and 1900 <= f.value <= 2100
    )


def find_all(text: str) -> list[Figure]:
    """Every figure written in a piece of prose (a briefing section), in order."""
    return [f for f in _scan(normalize(text), False, 1 << 30, prose=True) if _finite(f)]
