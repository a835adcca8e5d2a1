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
from dataclasses import dataclass
from functools import lru_cache
from typing import Protocol

from briefing.grading.normalize import fold

__all__ = [
    "osa_distance",
    "word_matches",
    "words",
    "same_words",
    "match_item",
    "match_person",
    "identify",
    "mentions",
]

_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
# A hyphen inside a name joins its parts: "Wei-min" is "Weimin", "Seo-yeon" "Seoyeon".
_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")
_LEADING = frozenset({"the", "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor"})
_TRAILING = frozenset({"said", "says", "did"})
# Words that may stand beside a name without naming anyone: "it was William Li",
# "Li, the CEO", "Nio itself", "according to the CFO", "an analyst at Fjordbank".
_FILLER = (
    _LEADING
    | _TRAILING
    | frozenset(
        {"it", "was", "is", "s", "itself", "and", "of", "its", "his", "her", "their", "own", "a", "an"}
        | {"so", "according", "to", "by", "at", "from", "for", "with", "in"}
    )
)
# Longest answer read as a name with words about them: "founder and CEO William Li of Nio".
_MAX_DESCRIBED = 12
# Titles spelled out, read as their usual abbreviations (longest first).
_TITLES = {
    ("chief", "executive", "officer"): "ceo",
    ("chief", "executive"): "ceo",
    ("chief", "exec"): "ceo",
    ("chief", "financial", "officer"): "cfo",
    ("chief", "finance", "officer"): "cfo",
    ("finance", "chief"): "cfo",
    ("financial", "chief"): "cfo",
    ("chief", "technology", "officer"): "cto",
    ("chief", "technical", "officer"): "cto",
    ("technology", "chief"): "cto",
    ("chief", "operating", "officer"): "coo",
}
# Where a role's title ends: "founder of CARBA", "an industry body of which Ventamar is a member".
_TITLE_ENDS = frozenset(
    {"of", "at", "for", "in", "from", "with", "which", "who", "that", "whose", "to", "on"}
)
_RELATIVE = frozenset({"which", "who", "whom", "that", "whose"})
_ARTICLES = frozenset({"the", "a", "an", "its", "their"})
# The last word of an organisation's name that says what it is: "the association".
_ORG_NOUNS = frozenset(
    {
        "association", "federation", "institute", "agency", "council", "commission", "ministry",
        "bank", "group", "union", "authority", "board", "fund", "foundation", "society", "bureau",
        "committee", "regulator", "company", "firm", "corporation", "university", "department",
        "alliance", "chamber", "consortium", "coalition", "forum", "organisation", "organization",
    }
)  # fmt: skip
# Words an acronym skips: "OPEC" for "Organization of the Petroleum Exporting Countries".
_ACRONYM_SKIPS = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "y", "und", "fur"})


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
    w = _titles(_joined_words(text))
    while w and w[0] in _LEADING:
        w = w[1:]
    while w and w[-1] in _TRAILING:
        w = w[:-1]
    return w


def _joined_words(text: str) -> tuple[str, ...]:
    """words(), a hyphen inside a name joining its parts: "Zhang Wei-min" is ("zhang", "weimin")."""
    folded = fold(text)
    if "-" in folded:
        folded = _HYPHEN.sub("", folded)
    return tuple(_WORD.findall(folded))


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
    """A roster entry as names reads one: a pack's Person. (Not imported: loading a
    pack runs its checks, which grade, so names stays clear of briefing.pack.)"""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def role(self) -> str: ...
    @property
    def aliases(self) -> Sequence[str]: ...
    @property
    def kind(self) -> str: ...


@dataclass(frozen=True, slots=True)
class _Entry:
    """A roster entry and every way of naming it, as word tuples."""

    who: Named
    names: frozenset[tuple[str, ...]]  # its name and aliases as written
    # Derived forms: a two-word personal name in the other order ("Weimin Zhang"), the
    # end of an organisation's name ("Floating Wind Association"); and its initials
    # ("EFWA"), matched exactly.
    turned: frozenset[tuple[str, ...]]
    initials: frozenset[tuple[str, ...]]
    spelled: frozenset[str]  # names of 2+ words run together: "kim seo yeon" is "Kim Seo-yeon"
    said: frozenset[str]  # words that may stand beside one of its names: its role's and names'
    titles: tuple[tuple[str, ...], ...]  # what its role calls it: ("ceo",), ("research", "firm")
    beside: frozenset[str]  # words that may stand beside a title: "Nio's CEO", "the CEO of Nio"


# Per roster: its entries, and the answers already matched (the entry, or the
# entries it could be). Keyed by id() with the roster kept alongside, so a
# recycled id is never mistaken for it.
_Found = tuple[Named | None, tuple[Named, ...]]
_ROSTERS: dict[int, tuple[Sequence[Named], list[_Entry], dict[str, _Found]]] = {}
_MATCHED_LIMIT = 4096


def _roster(people: Sequence[Named]) -> tuple[list[_Entry], dict[str, _Found]]:
    key = id(people)
    hit = _ROSTERS.get(key)
    if hit is not None and hit[0] is people:
        return hit[1], hit[2]
    titles = [_role_titles(p) for p in people]
    home = _home(people, titles)
    entries = [_entry(p, t, home) for p, t in zip(people, titles, strict=True)]
    if len(_ROSTERS) > 256:
        _ROSTERS.clear()
    _ROSTERS[key] = (people, entries, {})
    return entries, _ROSTERS[key][2]


def _role_titles(who: Named) -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    """What a role calls its holder, and its other words (affiliation: "Nio", "Fjordbank Markets").

    "Finance chief (CFO), Nio" -> (cfo), (cfo) and {nio}; "Founder and CEO" -> (founder),
    (ceo); "an industry body of which Ventamar is a member" -> (industry, body). A clause
    after ";" is another title ("Author of the article; founder of CARBA"), a part after
    "," is where they work. An organisation is also what its name ends with ("the association").
    """
    titles: list[tuple[str, ...]] = []
    for clause in re.split(r";", fold(who.role)):
        head, _, _ = clause.partition(",")
        for part in re.split(r"[()]|\band\b|&|/", head):
            w = _titles(_joined_words(part))
            while w and w[0] in _ARTICLES:
                w = w[1:]
            cut = next((i for i, word in enumerate(w) if word in _TITLE_ENDS), len(w))
            if 0 < cut <= 4:
                titles.append(w[:cut])
    name = _joined_words(who.name)
    if who.kind == "organisation" and len(name) >= 2 and name[-1] in _ORG_NOUNS:
        titles.append(name[-1:])
    role = _role_words(who.role)
    title_words = {w for t in titles for w in t}
    return tuple(dict.fromkeys(titles)), frozenset(role - title_words - _FILLER - _TITLE_ENDS - _ARTICLES)


def _role_words(role: str) -> frozenset[str]:
    """The words of a role that are said of its holder: not those of a clause about
    someone else ("an industry body of which Ventamar is a member" -> industry, body)."""
    out: list[str] = []
    for clause in fold(role).split(";"):
        w = _titles(_joined_words(clause))
        cut = next((i for i, word in enumerate(w) if word in _RELATIVE), len(w))
        out += w[:cut]
    return frozenset(out)


def _home(
    people: Sequence[Named], titles: list[tuple[tuple[tuple[str, ...], ...], frozenset[str]]]
) -> frozenset[str]:
    """The words naming the company the pack is about (the one entry called "the company"),
    which may stand beside the title of someone whose role names no employer: "Nio's CFO"."""
    homes = [
        who
        for who, (t, _) in zip(people, titles, strict=True)
        if ("company",) in t or any(_name_words(a) == ("company",) for a in who.aliases)
    ]
    if len(homes) != 1:
        return frozenset()
    home = homes[0]
    return frozenset({"company"}.union(*(_joined_words(n) for n in (home.name, *home.aliases))))


def _entry(
    who: Named, role: tuple[tuple[tuple[str, ...], ...], frozenset[str]], home: frozenset[str]
) -> _Entry:
    titles, affiliation = role
    names = frozenset(n for n in (_name_words(x) for x in (who.name, *who.aliases)) if n)
    organisation = who.kind == "organisation"
    turned: set[tuple[str, ...]] = set()
    initials: set[tuple[str, ...]] = set()
    if organisation:
        words_ = _joined_words(who.name)
        if len(words_) >= 2:
            initials.add(("".join(w[0] for w in words_),))
            kept = [w for w in words_ if w not in _ACRONYM_SKIPS]
            if len(kept) >= 2:
                initials.add(("".join(w[0] for w in kept),))
        if len(words_) >= 3 and words_[-1] in _ORG_NOUNS:
            turned = {words_[k:] for k in range(1, len(words_) - 1) if words_[k] not in _ACRONYM_SKIPS}
    else:
        turned = {(n[1], n[0]) for n in names if len(n) == 2 and not _titled_only(n, titles)}
    turned -= names
    initials -= names
    spelled = frozenset("".join(n) for n in names | turned if len(n) >= 2)
    name_words = set().union(*names, *initials)
    role_words = _role_words(who.role)
    # Beside an organisation's name, no other words of its names: "European Wind
    # Association" is not the European Floating Wind Association.
    said = role_words.union(*initials if organisation else name_words) - _FILLER
    beside = set(role_words)
    if not organisation and affiliation <= home:
        beside |= home  # "Nio's CEO", "the company's CFO": the role names no other employer
    return _Entry(
        who,
        names,
        frozenset(turned),
        frozenset(initials),
        spelled,
        said,
        titles,
        frozenset(beside - _FILLER),
    )


def _titled_only(form: tuple[str, ...], titles: tuple[tuple[str, ...], ...]) -> bool:
    """An alias that is a title ("finance chief"), not a name: not turned round."""
    return form in titles or any(w in ("ceo", "cfo", "cto", "coo") for w in form)


def match_person(text: str, people: Sequence[Named]) -> Named | None:
    """The roster entry `text` names (by name or alias, small misspellings allowed), or None.

    A leading "the", "Mr", "Mrs", "Ms" or "Dr" and a trailing "said" are
    dropped; "chief executive (officer)" is "CEO", "chief financial officer"
    "CFO"; an initial may stand for a given name ("W. Li"); a hyphen inside a
    name joins its parts and a two-word personal name may come in either order
    ("Zhang Wei-min", "Weimin Zhang"); an organisation may be named by its
    initials ("EFWA"). When the text could be more than one entry, only an exact
    match decides; otherwise None.
    A name with words the roster says of that entry ("CEO William Li", "Li, the
    CEO", "the research firm Canalys") is that entry, if it can be no one else;
    so is a title its role gives, alone or with its employer ("the CFO", "Nio's
    CEO", "the chief executive of Nio"), when exactly one entry has it.
    """
    return identify(text, people)[0]


def identify(text: str, people: Sequence[Named]) -> _Found:
    """match_person's entry, and when there is none, the entries `text` could be
    (a title two of them hold: "the founder"), for saying so."""
    roster, matched = _roster(people)
    try:
        return matched[text]
    except KeyError:
        pass
    typed = _name_words(text)
    found = _match(typed, roster)
    if found == (None, ()) and _LETTERS.search(" ".join(typed)):
        found = _match(_spelled_out(typed), roster)  # "C.F.O.", "E F W A"
    if len(matched) >= _MATCHED_LIMIT:
        matched.clear()
    matched[text] = found
    return found


_LETTERS = re.compile(r"(?:^| )[^\W\d_] [^\W\d_](?: |$)")


def _spelled_out(typed: tuple[str, ...]) -> tuple[str, ...]:
    """Runs of single letters read as one word: ("the", "c", "f", "o") -> ("the", "cfo")."""
    out: list[str] = []
    run = ""
    for w in (*typed, ""):
        if len(w) == 1:
            run += w
            continue
        if run:
            out.append(run)
            run = ""
        if w:
            out.append(w)
    return tuple(out)


def _one(candidates: list[Named]) -> _Found:
    return (candidates[0], ()) if len(candidates) == 1 else (None, tuple(candidates))


def _match(typed: tuple[str, ...], roster: list[_Entry]) -> _Found:
    if not typed:
        return None, ()
    exact = [e.who for e in roster if typed in e.names]
    if exact:
        return _one(exact)
    joined = "".join(typed) if len(typed) >= 2 else ""
    derived = [
        e.who for e in roster if typed in e.turned or typed in e.initials or (joined and joined in e.spelled)
    ]
    if derived:
        return _one(derived)
    fuzzy = [
        e.who
        for e in roster
        if any(
            _same(typed, form) or _initialled(typed, form) for forms in (e.names, e.turned) for form in forms
        )
    ]
    if fuzzy:
        return _one(fuzzy)
    if len(typed) > _MAX_DESCRIBED:
        return None, ()
    # A name with what the roster says of them: "CEO William Li", "Li, the CEO",
    # "the company itself". Every other word must be theirs (their role's, their names').
    described = [e.who for e in roster if _described(typed, e)]
    if described:
        return _one(described)
    # A title alone, or with their employer: "the CFO", "Nio's CEO", "the research firm".
    return _one([e.who for e in roster if _titled(typed, e)])


def _initialled(typed: tuple[str, ...], form: tuple[str, ...]) -> bool:
    """ "W. Li" for "William Li": an initial for a given name, never for the last."""
    if len(typed) != len(form) or len(form) < 2 or typed[-1] != form[-1] or typed == form:
        return False
    return all(
        t == f or (len(t) == 1 and f[0] == t and f[0].isalpha())
        for t, f in zip(typed[:-1], form[:-1], strict=True)
    )


def _described(typed: tuple[str, ...], entry: _Entry) -> bool:
    """A name of theirs in `typed`, and every other word one said of them (or filler)."""
    for forms in (entry.names, entry.turned, entry.initials):
        for form in forms:
            n = len(form)
            for k in range(len(typed) - n + 1):
                part = typed[k : k + n]
                if part == form or (
                    forms is not entry.initials and (_same(part, form) or _initialled(part, form))
                ):
                    rest = typed[:k] + typed[k + n :]
                    if _rest_is(rest, entry.said) or _rest_is(_without_names(rest, entry), entry.said):
                        return True
    return False


def _without_names(rest: tuple[str, ...], entry: _Entry) -> tuple[str, ...]:
    """`rest` with one more of the entry's names taken out: "EFWA, the European Floating
    Wind Association" is the association named twice."""
    for forms in (entry.names, entry.turned, entry.initials):
        for form in forms:
            n = len(form)
            for k in range(len(rest) - n + 1):
                if rest[k : k + n] == form:
                    return rest[:k] + rest[k + n :]
    return rest


def _titled(typed: tuple[str, ...], entry: _Entry) -> bool:
    """A title of theirs in `typed`, every other word one that may stand beside it."""
    for title in entry.titles:
        n = len(title)
        for k in range(len(typed) - n + 1):
            if _same(typed[k : k + n], title) and _rest_is(typed[:k] + typed[k + n :], entry.beside):
                return True
    return False


def _rest_is(rest: tuple[str, ...], allowed: frozenset[str]) -> bool:
    return all(w in _FILLER or w in allowed or any(word_matches(w, d) for d in allowed) for w in rest)


def mentions(text: str, who: Named, people: Sequence[Named]) -> bool:
    """Whether `text` names roster entry `who` as match_person would read it exactly:
    its name or an alias, a personal name in the other order or hyphenated
    ("Zhang Wei-min", "Weimin Zhang"), an organisation's initials. For
    grounding an attribution; a title alone ("the research firm") does not name."""
    entries, _ = _roster(people)
    entry = next(e for e in entries if e.who is who)
    typed = _titles(_joined_words(text))
    for forms in (entry.names, entry.turned, entry.initials):
        for form in forms:
            n = len(form)
            if any(typed[k : k + n] == form for k in range(len(typed) - n + 1)):
                return True
    return False
