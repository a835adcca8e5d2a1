"""People and codes: aliases and small misspellings, never a different short name.

The rule (see the shared notes on answer matching): normalise (accents and
case too), compare word by word. A word shorter than 5 characters, or with a
digit in it, must match exactly ("Li" is not "Liu", "ES8" is not "ES9");
a longer word may be 1 edit away (OSA: insert, delete, substitute, swap two
neighbours), or 2 from 9 characters. Whole-string similarity is not used: it
ranks "William Liu" closer to "William Li" than "Wiliam Li" is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from briefing.grading.normalize import fold

__all__ = ["osa_distance", "word_matches", "words", "same_words", "match_item", "match_person"]

_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
_LEADING = frozenset({"the", "mr", "mrs", "ms", "dr"})
_TRAILING = frozenset({"said"})
# Words that may stand beside a name without naming anyone: "it was William Li",
# "Li, the CEO", "Nio itself".
_FILLER = frozenset(
    {"the", "mr", "mrs", "ms", "dr", "said", "it", "was", "is", "s", "itself", "and", "of", "its", "his"}
)
# Longest answer read as a name with words about them: "founder and CEO William Li of Nio".
_MAX_DESCRIBED = 12
# Titles spelled out, read as their usual abbreviations.
_TITLES = {
    ("chief", "executive", "officer"): "ceo",
    ("chief", "executive"): "ceo",
    ("chief", "financial", "officer"): "cfo",
}


def osa_distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance, or limit + 1 as soon as it must exceed limit."""
    if a == b:
        return 0
    la, lb = len(a), len(b)
    if abs(la - lb) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(lb + 1))
    for i in range(1, la + 1):
        cur = [i] + [0] * lb
        ca = a[i - 1]
        best = i
        for j in range(1, lb + 1):
            cb = b[j - 1]
            cost = 0 if ca == cb else 1
            d = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                d = min(d, prev2[j - 2] + 1)
            cur[j] = d
            if d < best:
                best = d
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[lb] if prev[lb] <= limit else limit + 1


def words(text: str) -> tuple[str, ...]:
    """The comparable words of a text: folded (accents, case, Unicode), punctuation dropped."""
    return tuple(_WORD.findall(fold(text)))


@lru_cache(maxsize=16384)
def word_matches(typed: str, reference: str) -> bool:
    """One typed word against one reference word, under the rule above."""
    if typed == reference:
        return True
    if len(reference) < 5 or _DIGIT.search(reference) or _DIGIT.search(typed):
        return False
    limit = 2 if len(reference) >= 9 else 1
    return osa_distance(typed, reference, limit) <= limit


def _same(typed: tuple[str, ...], reference: tuple[str, ...]) -> bool:
    if len(typed) != len(reference):
        return False
    return all(word_matches(t, r) for t, r in zip(typed, reference, strict=True))


def same_words(typed: tuple[str, ...], reference: tuple[str, ...]) -> bool:
    """match_item on words() already taken: for callers that compare one item many times."""
    if not typed or not reference:
        return False
    if _same(typed, reference):
        return True
    # "ES 9" for "ES9": the same characters, spaced differently
    return "".join(typed) == "".join(reference)


def match_item(text: str, item: str) -> bool:
    """A list item or a code: "banyan" is "Banyan", "Coconutt" is "Coconut", "ES8" is never "ES9"."""
    return same_words(words(text), words(item))


def _name_words(text: str) -> tuple[str, ...]:
    w = _titles(words(text))
    while w and w[0] in _LEADING:
        w = w[1:]
    while w and w[-1] in _TRAILING:
        w = w[:-1]
    return w


def _titles(w: tuple[str, ...]) -> tuple[str, ...]:
    if "chief" not in w:
        return w
    out: list[str] = []
    i = 0
    while i < len(w):
        for title, short in _TITLES.items():
            if w[i : i + len(title)] == title:
                out.append(short)
                i += len(title)
                break
        else:
            out.append(w[i])
            i += 1
    return tuple(out)


class Named(Protocol):
    """A roster person as names reads one: a pack's Person. (Not imported: loading a
    pack runs its checks, which grade, so names stays clear of briefing.pack.)"""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...


# A roster entry: the person, their names as word tuples, and the words said of them.
_Form = tuple[Named, list[tuple[str, ...]], frozenset[str]]
# Per roster: each person's accepted forms as word tuples, and the answers
# already matched. Keyed by id() with the roster kept alongside, so a recycled
# id is never mistaken for it.
_ROSTERS: dict[int, tuple[Sequence[Named], list[_Form], dict[str, Named | None]]] = {}
_MATCHED_LIMIT = 4096


def _roster(people: Sequence[Named]) -> tuple[list[_Form], dict[str, Named | None]]:
    key = id(people)
    hit = _ROSTERS.get(key)
    if hit is not None and hit[0] is people:
        return hit[1], hit[2]
    forms: list[_Form] = []
    for person in people:
        names = {_name_words(n) for n in (person.name, *person.aliases)}
        # What may be said of them beside a name: their role's words and their names'.
        described = set(_name_words(person.role)).union(*names) - _FILLER
        forms.append((person, [n for n in names if n], frozenset(described)))
    if len(_ROSTERS) > 256:
        _ROSTERS.clear()
    _ROSTERS[key] = (people, forms, {})
    return forms, _ROSTERS[key][2]


def match_person(text: str, people: Sequence[Named]) -> Named | None:
    """The roster person `text` names (by name or alias, small misspellings allowed), or None.

    A leading "the", "Mr", "Mrs", "Ms" or "Dr" and a trailing "said" are
    dropped; "chief executive (officer)" is "CEO", "chief financial officer"
    "CFO"; an initial may stand for a given name ("W. Li"). When the text could
    be more than one person, only an exact match decides; otherwise None.
    A name with words the roster says of that person ("CEO William Li",
    "Li, the CEO", "Nio's CFO") is that person, if it can be no one else.
    """
    roster, matched = _roster(people)
    try:
        return matched[text]
    except KeyError:
        pass
    person = _match(_name_words(text), roster)
    if len(matched) >= _MATCHED_LIMIT:
        matched.clear()
    matched[text] = person
    return person


def _match(typed: tuple[str, ...], roster: list[_Form]) -> Named | None:
    if not typed:
        return None
    fuzzy: list[Named] = []
    exact: list[Named] = []
    for person, forms, _ in roster:
        if typed in forms:
            exact.append(person)
        elif any(_same(typed, form) or _initialled(typed, form) for form in forms):
            fuzzy.append(person)
    if len(exact) == 1:
        return exact[0]
    if exact or fuzzy:
        return fuzzy[0] if not exact and len(fuzzy) == 1 else None
    # A name with what the roster says of them: "CEO William Li", "Li, the CEO",
    # "the company itself". Every other word must be theirs (their role's, their
    # names'); a role alone ("the founder") is a name only when it is an alias.
    if len(typed) > _MAX_DESCRIBED:
        return None
    described = [person for person, forms, said in roster if _described(typed, forms, said)]
    return described[0] if len(described) == 1 else None


def _initialled(typed: tuple[str, ...], form: tuple[str, ...]) -> bool:
    """ "W. Li" for "William Li": an initial for a given name, never for the last."""
    if len(typed) != len(form) or len(form) < 2 or typed[-1] != form[-1] or typed == form:
        return False
    return all(
        t == f or (len(t) == 1 and f[0] == t and f[0].isalpha())
        for t, f in zip(typed[:-1], form[:-1], strict=True)
    )


def _described(typed: tuple[str, ...], forms: list[tuple[str, ...]], said: frozenset[str]) -> bool:
    """A name of theirs in `typed`, and every other word one said of them (or filler)."""
    for form in forms:
        n = len(form)
        for k in range(len(typed) - n + 1):
            part = typed[k : k + n]
            if _same(part, form) or _initialled(part, form):
                others = [w for w in typed[:k] + typed[k + n :] if w not in _FILLER]
                if all(w in said or any(word_matches(w, d) for d in said) for w in others):
                    return True
    return False
