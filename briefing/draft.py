"""A starting pack drafted from an article: what can be read off the text, and stubs
marked for what needs a person.

`draft(text)` returns the TOML of a pack that names the source's title (when its
first lines give one), the people and organisations the article names with the
role words beside them, one figure question stub per figure (value, unit, and
`expected` as the article writes it, the sentence kept as a comment for the
author) and one attribution stub per direct quote whose speaker the text names.

Everything a person must write (prompts, what a figure measures, the briefing in
our own words) holds the marker `DRAFT:`, and `validate` refuses a pack with one
line per stub still to write. A section body is never filled with the article's
sentences: the briefing is written in our own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.grading import numbers
from briefing.pack import DRAFT_MARK

__all__ = ["draft", "Draft"]

# A sentence ends at . ! or ? (a closing quote may follow) before a capital; a line
# break between paragraphs ends one too. '...framework," Li said' is one sentence.
_SENTENCE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\u201d\"]))\s+(?=[A-Z\u201c\"])|\n{2,}")
_QUOTE = re.compile(r"[\"\u201c]([^\"\u201c\u201d]{8,400})[\"\u201d]")
# Who a quote is put in the mouth of: '"...," Wang said', '"...," said Wang', 'Wang said: "..."'.
_SAID = r"(?:said|says|stated|told|added|argued|noted|wrote|explained|according to)"
_NAME = r"((?:[A-Z][\w'\u2019-]+)(?: [A-Z][\w'\u2019-]+){0,3})"
_ROLE_WORDS_SHORT = (
    r"chief executive|ceo|cfo|cto|chairman|chairwoman|president|director|analyst|spokesperson|spokesman"
    r"|spokeswoman|finance chief|chief technology officer|chief financial officer|founder"
)
_AFTER_QUOTE = re.compile(
    rf"^[\s,.]*(?:(?:(?i:the )?(?i:{_ROLE_WORDS_SHORT}) )?{_NAME} {_SAID}"
    rf"|{_SAID} {_NAME}|(he|she|they|it) {_SAID})"
)
_BEFORE_QUOTE = re.compile(rf"{_NAME} {_SAID}:?\s*$")
# Role words a name is introduced with: "founder and CEO William Li", "Finance chief Stanley Qu".
_ROLE_WORDS = (
    r"founder|co-founder|chief executive|chief executive officer|ceo|cfo|cto|coo|chairman|chairwoman|chair"
    r"|president|vice president|director|managing director|head|chief|finance chief|analyst|spokesperson"
    r"|spokesman|spokeswoman|minister|secretary|economist|professor|researcher|partner|engineer|manager"
    r"|founder and ceo|chief financial officer|chief technology officer"
)
# Role words in any case; names capitalised.
_ROLE = rf"(?i:{_ROLE_WORDS})"
_ROLE_BEFORE = re.compile(rf"\b((?:[A-Za-z-]+ )?{_ROLE}(?: and {_ROLE})?) {_NAME}")
_ROLE_AFTER = re.compile(rf"{_NAME}, (?:the |its |a |an )?((?:[\w-]+ ){{0,3}}{_ROLE})\b")
_ORG_SUFFIX = re.compile(
    r"\b((?:[A-Z][\w&'-]+ ){0,4}(?:Inc|Ltd|Group|Holdings|Corp|Corporation|Association|Agency|Bank|Institute"
    r"|Research|Capital|Partners|Ministry|Council|Commission|University|Foundation|Motors|Energy))\b\.?"
)
_ORG_DESCRIBED = re.compile(
    r"\b(?:research firm|consultancy|analyst firm|regulator|carmaker|automaker|company|industry body|"
    r"trade body|investor|bank|agency) ((?:[A-Z][\w&'-]+)(?: [A-Z][\w&'-]+){0,3})"
)
# An organisation as the subject of a report: "Nio attributed the decline", "Ventamar said".
_ORG_SUBJECT = re.compile(
    r"(?:^|[.;]\s+|, )([A-Z][\w&'-]+(?: [A-Z][\w&'-]+){0,2}) (?:has |had )?(?:said|says|reported|reports|"
    r"attributed|announced|credited|expects|forecast|estimated|estimates|told)\b"
)
_NOT_NAMES = frozenset(
    "The A An In On At By For With From And But This That These Those It He She They We I Last Next "
    "January February March April May June July August September October November December Monday "
    "Tuesday Wednesday Thursday Friday Saturday Sunday Image Credit".split()
)
_MAX_FIGURES = 400
_DATES = frozenset({"year", "half", "quarter", "month"})  # read from `expected`, no value


@dataclass
class Speaker:
    name: str
    role: str = ""
    organisation: bool = False


@dataclass
class Draft:
    title: str = ""
    date: str = ""
    speakers: dict[str, Speaker] = field(default_factory=dict)
    figures: list[tuple[numbers.Figure, str]] = field(default_factory=list)
    quotes: list[tuple[str, str, str]] = field(default_factory=list)  # quote, speaker id, sentence


def read(text: str) -> Draft:
    """What a draft can take from the article itself."""
    text = re.sub(r"[^\S\n]", " ", text.replace("\r\n", "\n"))  # no-break and thin spaces are spaces
    found = Draft(title=_title(text), date=_date(text))
    text = re.sub(r"(?<=\S)\n(?=\S)", " ", text)  # a paragraph's lines are one text
    sentences = [s.strip() for s in _SENTENCE.split(text) if s and s.strip()]
    seen: set[tuple[float | None, float | None, float | None, str]] = set()
    last_person = ""  # whom "he said" after a quote refers to: the person named last
    for sentence in sentences:
        if _headline(sentence):
            continue  # "CEO Signals Bigger Spend": a headline's capitals name nobody
        plain = _unquoted(sentence)
        named = [_add(found, name, role) for role, name in _ROLE_BEFORE.findall(plain)]
        named += [_add(found, name, role) for name, role in _ROLE_AFTER.findall(plain)]
        for name in _ORG_SUFFIX.findall(plain) + _ORG_DESCRIBED.findall(plain):
            _add(found, name, "", organisation=True)
        for name in _ORG_SUBJECT.findall(plain):
            if not _match_known(name, found) and name.split()[0] not in _NOT_NAMES:
                _add(found, name, "", organisation=True)
        for m in _QUOTE.finditer(sentence):
            who = _speaker_of(sentence, m, found) or (last_person if _pronoun_after(sentence, m) else "")
            if who:
                found.quotes.append((m.group(1).strip(" ,."), who, sentence))
                named.append(who)
        last_person = next(
            (k for k in reversed(named) if k and not found.speakers[k].organisation), last_person
        )
        if len(found.figures) < _MAX_FIGURES:
            figs = numbers.find_all(plain)
            ranges = [f.text for f in figs if f.is_range]
            for fig in figs:
                key = (fig.value, fig.low, fig.high, fig.unit)
                if key in seen or (not fig.is_range and any(fig.text in r for r in ranges)):
                    continue  # a figure once; a range's ends are the range
                seen.add(key)
                found.figures.append((fig, sentence))
    return found


def _headline(sentence: str) -> bool:
    """A line in Title Case with no closing stop: a headline or a caption."""
    words = sentence.split()
    return not sentence.rstrip().endswith((".", "!", "?", '"', "\u201d")) and sum(
        w[:1].isupper() for w in words
    ) >= max(2, 0.6 * len(words))


def _add(found: Draft, name: str, role: str, organisation: bool = False) -> str:
    name = name.strip()
    words = name.split()
    while words and words[0] in _NOT_NAMES:
        words = words[1:]
    if not words or (len(words) == 1 and not organisation):
        return ""
    name = " ".join(words)
    key = _id(name)
    known = found.speakers.get(key)
    if known is None:
        found.speakers[key] = Speaker(name, role.strip().lower(), organisation)
    elif role and not known.role:
        known.role = role.strip().lower()
    return key


def _speaker_of(sentence: str, quote: re.Match[str], found: Draft) -> str:
    after = _AFTER_QUOTE.match(sentence[quote.end() :])
    name = (after.group(1) or after.group(2)) if after else None
    if name is None:
        before = _BEFORE_QUOTE.search(sentence[: quote.start()])
        name = before.group(1) if before else None
    if not name:
        return ""
    return _match_known(name, found) or _add(found, name, "")


def _pronoun_after(sentence: str, quote: re.Match[str]) -> bool:
    after = _AFTER_QUOTE.match(sentence[quote.end() :])
    return bool(after and after.group(3))


def _match_known(name: str, found: Draft) -> str:
    """A speaker already found whose name ends with `name` ("Li" for "William Li")."""
    for key, speaker in found.speakers.items():
        if speaker.name == name or speaker.name.split()[-1] == name.split()[-1]:
            return key
    return ""


def _unquoted(sentence: str) -> str:
    return _QUOTE.sub(" ", sentence)


def _title(text: str) -> str:
    """The headline among the first lines: the longest mostly capitalised line with no
    closing stop (a photo caption above it is shorter and less capitalised)."""
    best, score = "", 0.0
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][:6]:
        words = line.split()
        if not 4 <= len(words) <= 20 or line.endswith((".", ":")) or "credit" in line.lower():
            continue
        ratio = sum(w[:1].isupper() for w in words) / len(words)
        if ratio >= 0.5 and ratio + len(words) / 20 > score:
            best, score = line, ratio + len(words) / 20
    return best


_DATE = re.compile(
    r"\b(?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)"
    r"(?: \d{1,2},?)? \d{4}\b|\b\d{4}-\d{2}-\d{2}\b"
)


def _date(text: str) -> str:
    m = _DATE.search(text[:2000])
    return m.group(0) if m else ""


def _id(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40] or "x"


# --- writing -----------------------------------------------------------------------


def draft(text: str, source_name: str = "") -> str:
    """The TOML of a starting pack for `text`; every stub to write is marked DRAFT:."""
    found = read(text)
    out = [
        "# A draft written by `briefing draft` from the article"
        + (f" {source_name}" if source_name else "")
        + ". Every value marked",
        f"# {DRAFT_MARK} still needs a person: `briefing validate` lists them, one line each.",
        "# Write the briefing in your own words; keep quotes short, and only where who said it matters.",
        "",
        "[pack]",
        _kv("id", _id(found.title) if found.title else "draft"),
        _kv("title", f"{DRAFT_MARK} the briefing's title"),
        _kv("version", "0.1.0"),
        _kv("pass_mark", 70),
        "",
        "[pack.source]",
        _kv("title", found.title or f"{DRAFT_MARK} the article's headline"),
        _kv("publisher", f"{DRAFT_MARK} who published it"),
        _kv("date", found.date or f"{DRAFT_MARK} when"),
        "",
    ]
    for n, heading in enumerate(("Overview", "Key figures", "Who said what"), 1):
        out += [
            "[[sections]]",
            _kv("id", f"section-{n}"),
            _kv("title", f"{DRAFT_MARK} {heading}"),
            _kv("body", f"{DRAFT_MARK} the briefing, in your own words (never the article's sentences)"),
            "",
        ]
    for key, speaker in found.speakers.items():
        out += [
            "[[people]]",
            _kv("id", key),
            _kv("name", speaker.name),
            _kv("role", speaker.role or f"{DRAFT_MARK} who they are"),
        ]
        if speaker.organisation:
            out.append("# an organisation: check how the roster names organisations (README, Packs)")
        out.append("")
    seen: set[str] = set()
    for fig, sentence in found.figures:
        written = fig.text
        qid = _unique(f"figure-{_id(written)}", seen)
        out += [f"# {line}" for line in _wrap(sentence)]
        out += [
            "[[questions]]",
            _kv("id", qid),
            _kv("kind", "figure"),
            _kv("prompt", f"{DRAFT_MARK} ask for {written}, with its scope"),
            _kv("section", "section-2"),
            _kv("explanation", f"{DRAFT_MARK} one line: why, and what it is easily confused with"),
        ]
        if fig.unit in _DATES:
            pass  # a date leaves value out: expected gives it ("Q1 2027")
        elif fig.is_range:
            out += [_kv("low", _plain(fig.low)), _kv("high", _plain(fig.high))]
        else:
            out.append(_kv("value", _plain(fig.value)))
        out += [
            _kv("unit", fig.unit),
            _kv("expected", written),
            _kv("measures", f"{DRAFT_MARK} what {written} measures"),
            "",
        ]
    for quote, who, sentence in found.quotes:
        out += [f"# {line}" for line in _wrap(sentence)]
        out += [
            "[[questions]]",
            _kv("id", _unique(f"who-{_id(' '.join(quote.split()[:4]))}", seen)),
            _kv("kind", "attribution"),
            _kv("prompt", f"{DRAFT_MARK} who said this (show the quote in a section first)?"),
            _kv("section", "section-3"),
            _kv("explanation", f"{DRAFT_MARK} one line: why it matters who said it"),
            _kv("quote", _short_quote(quote)),
            _kv("speaker", who),
            "",
        ]
    return "\n".join(out).rstrip() + "\n"


def _kv(key: str, value: object) -> str:
    import tomli_w

    return tomli_w.dumps({key: value}).rstrip("\n")


def _plain(value: float | None) -> float | int:
    if value is None:
        return 0
    return int(value) if float(value).is_integer() and abs(value) < 2**53 else value


def _unique(base: str, seen: set[str]) -> str:
    name, n = base[:48], 2
    while name in seen:
        name, n = f"{base[:44]}-{n}", n + 1
    seen.add(name)
    return name


def _short_quote(quote: str) -> str:
    """The quote's first dozen words: a question asks for the distinctive few, not a paragraph."""
    words = quote.split()
    return " ".join(words[:12])


def _wrap(sentence: str, width: int = 96) -> list[str]:
    import textwrap

    return textwrap.wrap(" ".join(sentence.split()), width) or [""]
