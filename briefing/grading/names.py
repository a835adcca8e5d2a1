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

from briefing.grading.normalize import fold

__all__ = ["osa_distance", "word_matches", "words", "same_words", "match_item", "match_person"]

_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
_LEADING = frozenset({"the", "mr", "mrs", "ms", "dr"})
_TRAILING = frozenset({"said"})


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
    return all(word_matches(t, r) for t, r in zip(typed, reference))


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
    w = words(text)
    while w and w[0] in _LEADING:
        w = w[1:]
    while w and w[-1] in _TRAILING:
        w = w[:-1]
    return w


# Per roster: each person's accepted forms as word tuples. Keyed by id() with
# the roster kept alongside, so a recycled id is never mistaken for it.
_ROSTERS: dict[int, tuple[Sequence, list]] = {}


def _forms(people: Sequence) -> list:
    key = id(people)
    hit = _ROSTERS.get(key)
    if hit is not None and hit[0] is people:
        return hit[1]
    forms = []
    for person in people:
        names = {_name_words(n) for n in (person.name, *person.aliases)}
        forms.append((person, [n for n in names if n]))
    if len(_ROSTERS) > 256:
        _ROSTERS.clear()
    _ROSTERS[key] = (people, forms)
    return forms


def match_person(text: str, people: Sequence):
    """The roster person `text` names (by name or alias, small misspellings allowed), or None.

    A leading "the", "Mr", "Mrs", "Ms" or "Dr" and a trailing "said" are
    dropped. When the text could be more than one person, only an exact
    match decides; otherwise None.
    """
    typed = _name_words(text)
    if not typed:
        return None
    fuzzy, exact = [], []
    for person, forms in _forms(people):
        if typed in forms:
            exact.append(person)
        elif any(_same(typed, form) for form in forms):
            fuzzy.append(person)
    if len(exact) == 1:
        return exact[0]
    if not exact and len(fuzzy) == 1:
        return fuzzy[0]
    return None
