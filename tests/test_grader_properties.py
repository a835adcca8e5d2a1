"""Properties of grade(), checked by hypothesis over every question of every pack we have.

(a) Nothing typed makes grade(), numbers.parse() or numbers.find_all() raise.
(b) Each question's right answer, written in any of the forms the README promises
    ("How answers are judged"), is graded right: figures as digits, scale words,
    currency and percent forms, directions, hedges, full-width digits, any case and
    spacing; choices by letter or text; true/false by the usual words; lists in any
    order; names in any case and with or without accents.

The packs: the bundled questions.toml, tests/fixtures/small_pack.toml, the pilot
tests' pack and the grader's pack (both in conftest). They are read when this module
is collected, so a bundled pack that does not load is an error here, never a skip.
"""

from __future__ import annotations

import re
import string
import tomllib
import unicodedata
from decimal import Decimal

import pytest
from conftest import GRADER_PACK_DATA, PACK_TOML, SMALL_PACK
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import pack as packs
from briefing.grading import numbers
from briefing.grading.grader import Verdict, grade
from briefing.grading.normalize import strip_accents

PACKS = {
    "bundled": packs.load(),
    "small": packs.load(SMALL_PACK),
    "pilot": packs.parse(tomllib.loads(PACK_TOML), "pilot"),
    "grader": packs.parse(GRADER_PACK_DATA),
}
QUESTIONS = [(name, q) for name, pack in PACKS.items() for q in pack.questions]
IDS = [f"{name}:{q.id}" for name, q in QUESTIONS]

# Each example of (a) grades every question; the whole file runs in about 6 s. No example
# database: a failure prints its falsifying example, and nothing is left in the checkout.
FAST = settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
PER_QUESTION = settings(
    max_examples=20, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)


# --- (a) nothing typed makes the grader raise ------------------------------------------------

# Number-ish fragments: digits, scales, units, words for numbers and fractions, directions,
# ranges, hedges, and the characters that have broken number readers before.
FRAGMENTS = [
    "1.89", "40.7", "92", "0", "-0", "1e308", "1e309", "9" * 40, "2", "2.5", "1,890", "1,", ".5", "5.",
    "bn", "billion", "million", "trillion", "m", "k", "%", "percent", "per cent", "x", "×", "fold",
    "-fold", "times", "one", "two", "five", "ten", "twenty", "hundred", "tenth", "fifth", "half",
    "a", "quarter", "one-", "-", "−", "–", "—", "+", "~", "about", "roughly", "down", "up", "fell",
    "rose", "to", "and", "between", "from", "or", "/", "1/", "/10", "yuan", "RMB", "¥", "$", "usd",
    "km", "kilometres", "miles", "mi", "Q1", "ES9", "2026", "Li", "William", "Qu", "Nio", "true",
    "no", "(b)", "b)", "option", "nan", "inf", "１", "٩", "½", "\u202e", "\u200b", "\x00", "\n", " ",
]  # fmt: skip
fragment_text = st.tuples(st.lists(st.sampled_from(FRAGMENTS), max_size=30), st.sampled_from(["", " ", "-"]))
any_text = st.one_of(
    st.text(),  # any Unicode, control characters and surrogates' neighbours included
    st.text(alphabet=string.digits + string.punctuation + " ", max_size=80),
    fragment_text.map(lambda t: t[1].join(t[0])),
    # very long: past the grader's length limit, and long runs of one fragment
    st.tuples(fragment_text, st.integers(min_value=50, max_value=3000)).map(
        lambda t: t[0][1].join(t[0][0]) * t[1]
    ),
    st.text(min_size=200, max_size=2000),
)


@FAST
@given(text=any_text)
def test_no_text_makes_grade_raise(text):
    for name, q in QUESTIONS:
        verdict = grade(q, text, PACKS[name])
        assert isinstance(verdict, Verdict), (name, q.id)
        assert verdict.given == text


@FAST
@given(text=any_text)
def test_no_text_makes_the_number_reader_raise(text):
    figure = numbers.parse(text)
    assert figure is None or isinstance(figure, numbers.Figure)
    assert all(isinstance(f, numbers.Figure) for f in numbers.find_all(text))


# --- (b) a right answer, written otherwise, is still right ------------------------------------

NUMBER_WORDS = "zero one two three four five six seven eight nine ten eleven twelve".split()
FRACTION_WORDS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 8: "eighth", 10: "tenth"}
SCALES = [(Decimal(10**9), "billion", "bn"), (Decimal(10**6), "million", None)]
# A prompt that names the direction: then the size alone ("40.7%") answers a fall.
FALLS = re.compile(r"\b(fall|fell|drop|declin|decreas|down|cut|lower|shr[iu]nk)", re.IGNORECASE)


def decimal(value: float) -> Decimal:
    return Decimal(repr(value)).normalize()


def digits(d: Decimal, commas: bool = True) -> str:
    return format(d, ",f" if commas else "f")


def magnitudes(value: float, words: bool) -> list[str]:
    """|value| as digits (with and without thousands separators), with scale words, in words."""
    d = abs(decimal(value))
    out = [digits(d), digits(d, commas=False)]
    for scale, word, short in SCALES:
        if d >= scale:
            m = (d / scale).normalize()
            out += [f"{digits(m)} {word}", f"{digits(m, commas=False)} {word}"]
            if short:
                out.append(f"{digits(m)}{short}")
    if words and d == d.to_integral_value() and int(d) < len(NUMBER_WORDS):
        out.append(NUMBER_WORDS[int(d)])
    return list(dict.fromkeys(out))


def with_unit(number: str, unit: str) -> list[str]:
    if unit == "%":
        return [f"{number}%", f"{number} percent", f"{number} per cent", number]
    if unit == "x":
        if number.isalpha():  # five
            return [f"{number}fold", f"{number}-fold", f"{number} times"]
        return [f"{number}x", f"{number}-fold", f"{number} times"]
    if unit == "yuan":
        return [f"{number} yuan", f"RMB {number}", f"¥{number}", number]
    if unit == "km":
        return [f"{number} km", f"{number} kilometres", number]
    if unit == "":
        return [number]
    return []  # another unit: only the expected answer as written


def fraction_forms(value: float) -> list[str]:
    k = round(1 / value) if value else 0
    if k not in FRACTION_WORDS or abs(1 / k - value) > 1e-12:
        return []
    w = FRACTION_WORDS[k]
    return [f"a {w}", f"one-{w}", f"one {w}", f"1/{k}"]


def figure_forms(q) -> list[tuple[str, str]]:
    """(direction, amount) pairs; a hedge may go between them."""
    if q.value is None:
        return [("", f) for f in range_forms(q)] + [("", q.expected)]
    if q.unit == "fraction":
        amounts = fraction_forms(q.value)
    else:
        amounts = [f for m in magnitudes(q.value, words=q.unit in ("", "x")) for f in with_unit(m, q.unit)]
    forms = [("", q.expected)]
    if q.value < 0:
        forms += [(d, a) for a in amounts for d in ("down ", "-", "\u2212", "fell ")]
        if FALLS.search(q.prompt):
            forms += [("", a) for a in amounts]
    else:
        forms += [("", a) for a in amounts]
        if q.unit == "%":
            forms += [(d, a) for a in amounts for d in ("up ", "+")]
    return forms


def range_forms(q) -> list[str]:
    low, high = decimal(q.low), decimal(q.high)
    unit = {"yuan": " yuan", "km": " km", "%": "%", "x": "x"}.get(q.unit)
    if unit is None:
        return []
    out = []
    for scale, word, short in SCALES:
        if low >= scale:
            lo, hi = digits((low / scale).normalize()), digits((high / scale).normalize())
            out += [
                f"{lo} to {hi} {word}{unit}",
                f"{lo} {word} to {hi} {word}{unit}",
                f"between {lo} and {hi} {word}{unit}",
                f"{lo}-{hi} {word}{unit}",
                f"{lo}\u2013{hi} {word}{unit}",
            ]
            if short:
                out += [f"{lo}-{hi}{short}", f"{lo}{short}-{hi}{short}{unit}"]
            if q.unit == "yuan":
                out += [f"RMB {lo}-{hi} {word}", f"¥{lo}-{hi} {word}"]
            break
    return out


def letter_forms(q) -> list[str]:
    i = next(n for n, o in enumerate(q.options) if o.casefold() == q.answer.casefold())
    letter = "abcde"[i]
    return [letter, f"({letter})", f"{letter})", q.answer]


TRUE_WORDS = ["true", "yes", "True", "TRUE", "t", "y", "Yes", "correct"]
FALSE_WORDS = ["false", "no", "False", "FALSE", "f", "n", "No", "incorrect"]
ACCENTED = str.maketrans("aeiouAEIOU", "áéíóúÁÉÍÓÚ")


def name_forms(q, pack) -> list[str]:
    person = pack.person(q.speaker)
    out = []
    for name in [person.name, *person.aliases]:
        out += [name, strip_accents(name), name.translate(ACCENTED)]
    return list(dict.fromkeys(out))


def base_forms(q, pack) -> list[str]:
    """Right answers to `q` as written, before case, spacing and hedges are varied."""
    if q.kind == "figure":
        return list(dict.fromkeys(d + a for d, a in figure_forms(q)))
    if q.kind == "choice":
        return letter_forms(q)
    if q.kind == "truefalse":
        return TRUE_WORDS if q.answer else FALSE_WORDS
    if q.kind == "attribution":
        return name_forms(q, pack)
    return [", ".join(q.items), " and ".join(q.items), "\n".join(q.items)]


def fullwidth(text: str) -> str:
    """ASCII letters, digits and signs as their full-width forms (U+FF01-FF5E)."""
    out = []
    for c in text:
        try:
            out.append(unicodedata.lookup("FULLWIDTH " + unicodedata.name(c)))
        except (KeyError, ValueError):
            out.append(c)
    return "".join(out)


def fullwidth_digits(text: str) -> str:
    return "".join(fullwidth(c) if c.isdigit() or c in "%.," else c for c in text)


CASES = [str, str.upper, str.lower, str.title]
SPACES = st.sampled_from(["", " ", "  ", "\t", " \n"])


@st.composite
def spaced(draw, text: str) -> str:
    """Extra whitespace around the answer and between its words."""
    inner = draw(st.sampled_from([" ", "  ", " \t "]))
    return draw(SPACES) + text.replace(" ", inner) + draw(SPACES)


@st.composite
def right_answer(draw, q, pack) -> str:
    case = draw(st.sampled_from(CASES))
    if q.kind == "figure":
        direction, amount = draw(st.sampled_from(figure_forms(q)))
        hedge = draw(st.sampled_from(["", "", "about ", "~", "roughly "]))
        text = direction + hedge + amount
        text = draw(st.sampled_from([str, fullwidth_digits, fullwidth]))(text)
    elif q.kind == "list":
        items = draw(st.permutations(q.items))
        items = [draw(st.sampled_from(CASES))(i) for i in items]
        joiner = draw(st.sampled_from([", ", " and ", "\n", "; ", "oxford"]))
        if joiner == "oxford":
            text = ", ".join(items[:-1]) + ", and " + items[-1]
        else:
            text = joiner.join(items)
    else:
        text = draw(st.sampled_from(base_forms(q, pack)))
    return draw(spaced(case(text)))


@pytest.mark.parametrize("name, q", QUESTIONS, ids=IDS)
def test_every_promised_form_of_the_right_answer_is_right(name, q):
    pack = PACKS[name]
    wrong = [t for t in base_forms(q, pack) if not grade(q, t, pack).correct]
    assert wrong == [], (q.id, [(t, grade(q, t, pack).note) for t in wrong])


@pytest.mark.parametrize("name, q", QUESTIONS, ids=IDS)
@PER_QUESTION
@given(data=st.data())
def test_the_right_answer_in_any_case_spacing_hedge_or_width_is_right(name, q, data):
    pack = PACKS[name]
    text = data.draw(right_answer(q, pack), label="answer")
    verdict = grade(q, text, pack)
    assert verdict.correct, (q.id, text, verdict.note)
