"""The pack: a briefing plus its question bank, as plain dataclasses that pydantic checks.

`load(path)` reads a `questions.toml`, checks it against these classes (the rules
are on their annotations, see `briefing.fields`) and returns a `Pack`, or raises
`PackError` carrying one line per problem, each naming the file, the line, the
question id and the field. A pack checked before and unchanged since comes from
`briefing.pack_cache` instead: this module imports pydantic only to check.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Protocol, TypeVar, assert_never

from briefing import pack_cache
from briefing.errors import PackError, Problem, schema_message
from briefing.fields import After, Before, Rules, Tagged
from briefing.grading import units as unit_registry  # a leaf: the registry imports nothing
from briefing.positions import Positions

if TYPE_CHECKING:
    from pydantic import TypeAdapter, ValidationError
    from pydantic_core import ErrorDetails

BUNDLED_PACK = Path(__file__).parent / "data" / "questions.toml"
MAX_PACK_BYTES = 5 * 1024 * 1024

_ID = r"^[a-z0-9][a-z0-9_-]*$"
# C0/C1 control characters other than tab and newline; they would reach a terminal.
# A pattern pydantic checks in its compiled core: a Python validator per string
# was a fifth of validating a big pack.
_NO_CONTROL = r"^[^\x00-\x08\x0b-\x1f\x7f-\x9f]*$"

# Every string of a pack is checked: no control characters reach a terminal; the
# spaces around it are dropped. Strict: "70" is not a number and "yes" is not a
# boolean; a pack says what it means.
Str = Annotated[str, Rules(pattern=_NO_CONTROL, strip_whitespace=True, strict=True)]
Text = Annotated[str, Rules(min_length=1, pattern=_NO_CONTROL, strip_whitespace=True, strict=True)]
Id = Annotated[str, Rules(pattern=_ID, strip_whitespace=True, strict=True)]
Number = Annotated[float, Rules(strict=True)]
Flag = Annotated[bool, Rules(strict=True)]
# A figure's scope: the period it covers and the bound the source gives ("passed" is "more than").
Period = Literal["day", "week", "month", "quarter", "half", "year"]
Bound = Literal["about", "more than", "at least", "less than", "at most", "nearly"]


def _unit_code(unit: str) -> str:
    """A unit of the registry (briefing.grading.units), any case: "%", "x", "fraction", "EUR",
    "yuan", "GWh", "MW", "km", "pp", a date ("year", "quarter", ...), read into the registry's
    code; or what a count counts ("vehicles"); "" a plain count."""
    if not unit:
        return unit
    code = unit_registry.lookup(unit)
    if code is not None:
        return code
    if unit_registry.is_count_noun(unit):
        return unit  # what a count counts: "vehicles"
    near = unit_registry.nearest(unit)
    hint = f"; did you mean {near!r}?" if near else ""
    raise ValueError(f"unknown unit {unit!r}{hint} (a unit: EUR, GWh, MW, %, ...; or what a count counts)")


def _spelling(kind: object) -> object:
    return "organisation" if kind == "organization" else kind


Unit = Annotated[
    str, Rules(pattern=_NO_CONTROL, max_length=40, strip_whitespace=True, strict=True), After(_unit_code)
]
# A comparison base: "year-over-year", "quarter-over-quarter", ..., or a short text ("rivals", "2024").
Base = Annotated[
    str, Rules(min_length=1, max_length=40, pattern=_NO_CONTROL, strip_whitespace=True, strict=True)
]
# Lists and tables as a pack gives them; what a field left out holds.
Aliases = dict[Str, list[Text]]


# Unknown fields are errors: a misspelt field is never silently ignored.
_STRICT: Any = {"extra": "forbid"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    __pydantic_config__ = _STRICT

    title: Text
    publisher: Text
    date: Text
    url: Str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class PackInfo:
    __pydantic_config__ = _STRICT

    id: Id
    title: Text
    version: Text
    source: Source
    pass_mark: Annotated[float, Rules(strict=True, ge=0, le=100)]
    key_figures: Str = ""  # the id of the section that tabulates the key figures


@dataclass(frozen=True, slots=True, kw_only=True)
class Section:
    __pydantic_config__ = _STRICT

    id: Id
    title: Text
    body: Text


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    """Who may be named in an attribution answer: a person, or an organisation
    (a research firm, an industry body, the company itself) with `kind`."""

    __pydantic_config__ = _STRICT

    id: Id
    name: Text
    role: Text  # a person's title ("Chief executive, Nio"); an organisation's description ("research firm")
    aliases: list[Text] = field(default_factory=list)
    kind: Annotated[Literal["person", "organisation"], Before(_spelling)] = "person"


@dataclass(frozen=True, slots=True, kw_only=True)
class QuestionBase:
    __pydantic_config__ = _STRICT

    id: Id
    prompt: Text
    section: Str
    explanation: Text
    tags: list[Str] = field(default_factory=list)
    # A phrase of the section that states the answer, for kinds whose answer
    # is not itself a phrase of the briefing (truefalse, conceptual choices).
    evidence: Str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class FigureQuestion(QuestionBase):
    """A typed number with its unit, or a range, graded numerically."""

    kind: Literal["figure"]
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    unit: Unit = ""
    # The figure as a person would say it, e.g. "1.89 billion yuan"; its
    # written precision sets the tolerance unless `tolerance` is given.
    expected: Text
    # What the figure measures, in a few words, for trap hints when another
    # question's answer is given: "the year-over-year fall in Q1 R&D expenses".
    measures: Text
    tolerance: Annotated[float, Rules(strict=True, ge=0)] | None = None
    # The figure's scope, as the source gives it; an answer that names another is wrong.
    # period: what span the figure covers (one quarter's spending: "quarter").
    period: Period | None = None
    # base: what it is compared with: "year-over-year", "quarter-over-quarter",
    # "month-over-month", ... (the grader knows their usual spellings), or any
    # short text ("rivals", "2024"), which an answer's year-over-year contradicts.
    base: Base | None = None
    # bound: the source's own hedge: "passed 200 million" is "more than".
    bound: Bound | None = None

    def __post_init__(self) -> None:
        """A value or a range, as the unit wants (pydantic runs this once the fields pass).

        A question built in code has its unit read into the registry's code here, as
        a pack's is when checked (Unit)."""
        object.__setattr__(self, "unit", _unit_code(self.unit))
        if self.unit in unit_registry.DATES:
            if (
                self.low is not None
                or self.high is not None
                or (self.value is not None and self.unit != "year")
            ):
                raise ValueError(
                    f"value: leave it out for a {self.unit}: expected gives the date ('Q4 2024')"
                )
            return
        if self.value is None and (self.low is None or self.high is None):
            raise ValueError("value: give either value, or both low and high")
        if self.value is not None and (self.low is not None or self.high is not None):
            raise ValueError("value: give value, or low and high, not both")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError("low: must not be above high")


@dataclass(frozen=True, slots=True, kw_only=True)
class AttributionQuestion(QuestionBase):
    """Who said it: a short quote or paraphrase, answered with a roster person."""

    kind: Literal["attribution"]
    quote: Text
    speaker: Str
    paraphrase: Flag = False


@dataclass(frozen=True, slots=True, kw_only=True)
class ChoiceQuestion(QuestionBase):
    kind: Literal["choice"]
    options: Annotated[list[Text], Rules(min_length=3, max_length=5)]
    answer: Text
    # Other names for an option, keyed by the option exactly as written.
    aliases: Aliases = field(default_factory=dict)

    def __post_init__(self) -> None:
        folded = [o.casefold() for o in self.options]
        if len(set(folded)) != len(folded):
            raise ValueError("options: duplicate option")
        if self.answer.casefold() not in folded:
            raise ValueError("answer: must be one of the options")
        _check_aliases(self.aliases, self.options, "option")


@dataclass(frozen=True, slots=True, kw_only=True)
class TrueFalseQuestion(QuestionBase):
    kind: Literal["truefalse"]
    answer: Flag


def _unique(items: list[str]) -> list[str]:
    if len({i.casefold() for i in items}) != len(items):
        raise ValueError("duplicate item")
    return items


@dataclass(frozen=True, slots=True, kw_only=True)
class ListQuestion(QuestionBase):
    """All items, in any order."""

    kind: Literal["list"]
    items: Annotated[list[Text], Rules(min_length=2), After(_unique)]
    # Other names for an item, keyed by the item exactly as written.
    aliases: Aliases = field(default_factory=dict)

    def __post_init__(self) -> None:
        _check_aliases(self.aliases, self.items, "item")


def _check_aliases(aliases: dict[str, list[str]], names: list[str], what: str) -> None:
    """Every key one of the names as written; no alias that is another of the names."""
    for key, others in aliases.items():
        if key not in names:
            raise ValueError(f"aliases: {key!r} is not one of the {what}s")
        for alias in others:
            if any(alias.casefold() == n.casefold() for n in names if n != key):
                raise ValueError(f"aliases: {alias!r} (for {key!r}) is another {what}")


# Any question, for annotations; `Question` is the same union as pydantic reads it: by its kind.
AnyQuestion = FigureQuestion | AttributionQuestion | ChoiceQuestion | TrueFalseQuestion | ListQuestion
Question = Annotated[AnyQuestion, Tagged("kind")]
KINDS = ("figure", "attribution", "choice", "truefalse", "list")

# What `briefing draft` writes where a person must still write: validate refuses it.
DRAFT_MARK = "DRAFT:"

# How a choice question's options are labelled, in every front end and in answers files.
OPTION_LABELS = "abcde"


def option_label(index: int) -> str:
    """The label of a choice question's option: "a" for the first."""
    return OPTION_LABELS[index]


@dataclass(frozen=True, slots=True, kw_only=True)
class Pack:
    __pydantic_config__ = _STRICT

    pack: PackInfo
    sections: Annotated[list[Section], Rules(min_length=1)]
    people: list[Person] = field(default_factory=list)
    questions: Annotated[list[Question], Rules(min_length=1)]

    @property
    def id(self) -> str:
        return self.pack.id

    def section(self, section_id: str) -> Section:
        return _index(self.sections)[section_id]

    def person(self, person_id: str) -> Person:
        return _index(self.people)[person_id]

    def question(self, question_id: str) -> AnyQuestion:
        return _index(self.questions)[question_id]


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


_T = TypeVar("_T", bound=_HasId)


def _index(items: Iterable[_T]) -> dict[str, _T]:
    return {item.id: item for item in items}


def expected_text(question: AnyQuestion, pack: Pack) -> str:
    """What a question's right answer looks like, for feedback and reports."""
    if question.kind == "figure":
        return question.expected
    if question.kind == "attribution":
        return pack.person(question.speaker).name
    if question.kind == "choice":
        return question.answer
    if question.kind == "truefalse":
        return "true" if question.answer else "false"
    if question.kind == "list":
        return ", ".join(question.items)
    assert_never(question)  # a new kind: mypy names this line until it has an expected text


# --- loading -----------------------------------------------------------------


def read_toml(path: Path, *, label: str | None = None, max_bytes: int = MAX_PACK_BYTES) -> dict:
    """Read a TOML file, turning every way it can be unreadable into a PackError."""
    name = label or str(path)
    return parse_toml(read_text(path, label=name, max_bytes=max_bytes), name)


def read_text(path: Path, *, label: str | None = None, max_bytes: int = MAX_PACK_BYTES) -> str:
    """A TOML file's text, or a PackError saying why it cannot be read."""
    name = label or str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise PackError([Problem(name, None, None, "no such file")]) from None
    except OSError as exc:
        raise PackError([Problem(name, None, None, f"cannot read: {exc.strerror}")]) from None
    if path.is_dir():
        raise PackError([Problem(name, None, None, "is a directory, not a file")])
    if size == 0:
        raise PackError([Problem(name, None, None, "is empty")])
    if size > max_bytes:
        raise PackError(
            [
                Problem(
                    name,
                    None,
                    None,
                    f"is {size / 1e6:.1f} MB; a pack may be at most {max_bytes / 1e6:.0f} MB",
                )
            ]
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PackError([Problem(name, None, None, f"cannot read: {exc.strerror}")]) from None
    if b"\x00" in raw:
        raise PackError([Problem(name, None, None, "is a binary file, not TOML")])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError([Problem(name, None, None, f"is not UTF-8 text (byte {exc.start})")]) from None


_TOML_AT = re.compile(r" at line (\d+) column (\d+)$")


def parse_toml(text: str, label: str) -> dict:
    """TOML text as data, or a PackError naming the line the parser stopped at."""
    import rtoml  # a compiled TOML parser: a 10,000-question pack in half tomli's time

    try:
        return rtoml.loads(text)
    except rtoml.TomlParsingError as exc:
        reason = " ".join(str(exc).split())  # one line, whatever the parser wrote
        at = _TOML_AT.search(reason)
        line = int(at.group(1)) if at else None
        if at:
            reason = f"{reason[: at.start()]} (column {at.group(2)})"
        raise PackError([Problem(label, None, None, f"is not valid TOML: {reason}", line)]) from None


@cache
def _checker() -> TypeAdapter[Pack]:
    """pydantic's validator for a pack, compiled from the annotations once, when first wanted."""
    from pydantic import TypeAdapter

    return TypeAdapter(Pack)


def _validation_error() -> type[ValidationError]:
    from pydantic import ValidationError

    return ValidationError


def parse(data: dict, label: str = "pack") -> Pack:
    """Validate already-read TOML data against the pack's classes (schema only)."""
    try:
        return _checker().validate_python(data)
    except _validation_error() as exc:
        raise PackError(_problems(exc, data, label)) from None


def problems_of(
    data: dict, label: str, positions: Positions | None = None
) -> tuple[Pack | None, list[Problem]]:
    """Every problem of the schema and of the references, and the pack of what passed.

    Entries (questions, sections, people) that fail the schema are left out so
    that the rest can still be checked, and references are read from the data
    as written: one run reports everything, not just the first kind of mistake.
    With `positions` (the file's text), each problem gets its line.
    Grounding (each answer stated in its section, graded right when typed back)
    is briefing.checks', run by `validate`: loading a pack never grades.
    """
    try:
        pack: Pack | None = _checker().validate_python(data)
        problems: list[Problem] = []
    except _validation_error() as exc:
        problems = _problems(exc, data, label)
        pack = _valid_rest(data, [e["loc"] for e in exc.errors()])
    problems += references(data, label, positions)
    problems += _draft_stubs(data, label)
    return pack, place(problems, positions)


def place(problems: list[Problem], positions: Positions | None) -> list[Problem]:
    """The problems with their lines (where `at` can be found), in the order of the file."""
    if positions is None:
        return problems
    placed = [
        p._replace(line=positions.line(p.at)) if p.line is None and p.at is not None else p for p in problems
    ]
    return sorted(placed, key=lambda p: p.line or 0)  # stable: the file's own problems first


# A [pack] table that fails the schema is replaced by this one, so that its questions can still be checked.
_STAND_IN = {
    "id": "pack",
    "title": "-",
    "version": "-",
    "pass_mark": 0,
    "source": {"title": "-", "publisher": "-", "date": "-"},
}


def _valid_rest(data: dict, locs: list[tuple[int | str, ...]]) -> Pack | None:
    """The pack without the entries that failed the schema, or None when too little is left."""
    rest = dict(data)
    for head in ("questions", "sections", "people"):
        bad = {loc[1] for loc in locs if len(loc) > 1 and loc[0] == head and isinstance(loc[1], int)}
        if bad and isinstance(data.get(head), list):
            rest[head] = [entry for i, entry in enumerate(data[head]) if i not in bad]
    if any(loc and loc[0] == "pack" for loc in locs):
        info = data.get("pack")
        key_figures = info.get("key_figures") if isinstance(info, dict) else None
        rest["pack"] = dict(_STAND_IN, key_figures=key_figures if isinstance(key_figures, str) else "")
    for loc in locs:  # an unknown top-level table
        if len(loc) == 1 and loc[0] not in Pack.__dataclass_fields__:
            rest.pop(loc[0], None)
    try:
        return _checker().validate_python(rest)
    except _validation_error():
        return None


def references(data: dict, label: str, positions: Positions | None = None) -> list[Problem]:
    """Ids used once; every section, person and key-figures section referred to exists.

    Read from the data as written, so that an entry that fails the schema still
    counts (its id is known) and is still checked (its references)."""
    problems: list[Problem] = []
    ids: dict[str, set[str]] = {}
    at: tuple[str | int, ...]
    for head, what in (("sections", "section"), ("people", "person"), ("questions", "question")):
        entries = data.get(head)
        entries = [e if isinstance(e, dict) else {} for e in entries] if isinstance(entries, list) else []
        where_is: dict[str, list[int]] = {}
        for i, entry in enumerate(entries):
            ident = entry.get("id")
            if isinstance(ident, str):
                where_is.setdefault(ident.strip(), []).append(i)
        ids[head] = set(where_is)
        for ident, places in where_is.items():
            if len(places) > 1:
                message = "used twice" if len(places) == 2 else f"used {len(places)} times"
                at = (head, places[1], "id")
                if positions is not None:
                    others = [positions.line((head, i, "id")) for i in places if i != places[1]]
                    known = [str(n) for n in others if n is not None]
                    if known:
                        lines = " and ".join([", ".join(known[:-1]), known[-1]] if len(known) > 1 else known)
                        message += f", also at line{'s' if len(known) > 1 else ''} {lines}"
                problems.append(Problem(label, f"{what} {ident!r}", "id", message, at=at))
    info = data.get("pack")
    key_figures = info.get("key_figures") if isinstance(info, dict) else None
    if isinstance(key_figures, str) and key_figures.strip() and key_figures.strip() not in ids["sections"]:
        at = ("pack", "key_figures")
        problems.append(
            Problem(label, None, "pack.key_figures", f"no section {key_figures.strip()!r}", at=at)
        )
    questions = data.get("questions")
    for i, q in enumerate(questions if isinstance(questions, list) else []):
        if not isinstance(q, dict):
            continue
        ident = q.get("id")
        where = f"question {ident!r}" if isinstance(ident, str) else f"question #{i + 1}"
        section = q.get("section")
        if isinstance(section, str) and section.strip() not in ids["sections"]:
            at = ("questions", i, "section")
            problems.append(Problem(label, where, "section", f"no section {section.strip()!r}", at=at))
        speaker = q.get("speaker")
        if (
            q.get("kind") == "attribution"
            and isinstance(speaker, str)
            and speaker.strip() not in ids["people"]
        ):
            at = ("questions", i, "speaker")
            problems.append(
                Problem(label, where, "speaker", f"no person {speaker.strip()!r} in [[people]]", at=at)
            )
    return problems


def _draft_stubs(data: dict, label: str) -> list[Problem]:
    """One problem per value `briefing draft` left for a person to write (DRAFT_MARK)."""
    stub = "still a draft stub: write it"
    found: list[Problem] = []
    info = data.get("pack")
    if isinstance(info, dict):
        source = info.get("source")
        tables: list[tuple[str, dict, tuple[str, ...]]] = [("title", info, ("pack", "title"))]
        if isinstance(source, dict):
            tables += [(key, source, ("pack", "source", key)) for key in ("title", "publisher", "date")]
        for key, table, at in tables:
            value = table.get(key)
            if isinstance(value, str) and value.startswith(DRAFT_MARK):
                found.append(Problem(label, None, ".".join(str(p) for p in at), stub, at=at))
    for head, what, keys in (
        ("sections", "section", ("title", "body")),
        ("people", "person", ("role",)),
        ("questions", "question", ("prompt", "explanation", "measures")),
    ):
        entries = data.get(head)
        for i, entry in enumerate(entries if isinstance(entries, list) else []):
            if not isinstance(entry, dict):
                continue
            for key in keys:
                value = entry.get(key)
                if isinstance(value, str) and value.startswith(DRAFT_MARK):
                    where = f"{what} {entry.get('id')!r}"
                    found.append(Problem(label, where, key, stub, at=(head, i, key)))
    return found


def load(path: str | Path | None = None, *, label: str | None = None) -> Pack:
    """Read a pack (the bundled one by default), check its schema and references; raise PackError
    whose problems name their lines."""
    path = Path(path) if path is not None else BUNDLED_PACK
    label = label or (path.name if path == BUNDLED_PACK else str(path))
    pack = from_text(read_text(path, label=label), label)
    assert pack is not None  # only_packs=False: a file without [pack] is a PackError
    return pack


def from_text(text: str, label: str, *, only_packs: bool = False) -> Pack | None:
    """The pack a TOML text holds, checked; PackError naming every problem and its line.

    A text that passed before comes from briefing.pack_cache, without pydantic. With
    `only_packs`, a text without a [pack] table (an answers file) is None, not an error."""
    checked = pack_cache.get(text, Pack)  # these very bytes passed before
    if checked is not None:
        return checked
    data = parse_toml(text, label)
    if only_packs and not isinstance(data.get("pack"), dict):
        return None
    pack, problems = problems_of(data, label, Positions(text, data))
    if problems or pack is None:  # no pack comes without a problem saying why
        raise PackError(problems or [Problem(label, None, None, "not a pack")])
    pack_cache.put(text, pack)
    return pack


_KIND_NAMES = {
    "figure": "FigureQuestion",
    "attribution": "AttributionQuestion",
    "choice": "ChoiceQuestion",
    "truefalse": "TrueFalseQuestion",
    "list": "ListQuestion",
}
# What a pack's schema says beyond errors.schema_message's common words.
_PACK_MESSAGES = {
    "string_pattern_mismatch": "must be lower-case letters, digits, '-' or '_'",
    "union_tag_invalid": "must be one of " + ", ".join(KINDS),
    "union_tag_not_found": "required (one of " + ", ".join(KINDS) + ")",
}


def _message(err: ErrorDetails) -> str:
    if err["type"] == "string_pattern_mismatch" and err["ctx"]["pattern"] == _NO_CONTROL:
        return "contains a control character"
    return schema_message(err, _PACK_MESSAGES)


def _problems(exc: ValidationError, data: dict, label: str) -> list[Problem]:
    """Turn pydantic's errors into our one-line problems."""
    problems = []
    for err in exc.errors():
        loc = [part for part in err["loc"] if part not in _KIND_NAMES.values() and part not in KINDS]
        message = _message(err)
        head, qid, field = loc[0] if loc else None, None, None
        if head in ("questions", "sections", "people") and len(loc) >= 2 and isinstance(loc[1], int):
            entries = data.get(head) if isinstance(data, dict) else None
            entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
            ident = entry.get("id") if isinstance(entry, dict) else None
            what = {"questions": "question", "sections": "section", "people": "person"}[head]
            qid = f"{what} {ident!r}" if isinstance(ident, str) else f"{what} #{loc[1] + 1}"
            base, inner = loc[:2], loc[2:]
        else:
            base, inner = [], loc
        if err["type"] in ("union_tag_invalid", "union_tag_not_found"):
            inner = [*inner, "kind"]
        # A model-level error names its field in its message ("value: ...").
        if not inner and ": " in message and message.split(": ", 1)[0].isidentifier():
            field, message = message.split(": ", 1)
            inner = [field]
        else:
            field = ".".join(str(p) for p in inner) if inner else None
        problems.append(Problem(label, qid, field, message, at=(*base, *inner)))
    return problems


def json_schema() -> dict:
    """The pack format as a JSON Schema (2020-12), from the models themselves: editors
    (taplo, Even Better TOML) check and complete a pack against it as it is typed."""
    schema = _checker().json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "briefing pack",
        "description": "A briefing on a source document and a question bank on it (briefing schema).",
        **{k: v for k, v in schema.items() if k != "title"},
    }
