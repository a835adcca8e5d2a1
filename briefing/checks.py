"""Grounding: each answer stated in its section, and graded right when typed back.

What the schema cannot say about references (ids unique, sections and people
that exist) is briefing.pack's; this module grades, so `validate` runs it and
loading a pack does not. `check(pack, label)` returns one Problem per thing
wrong; with `parallel=True` a big pack's questions are checked on several cores.
What the source says is held against the pack in briefing.sources.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial

from briefing.errors import Problem
from briefing.grading import names, numbers, scope, units
from briefing.grading.grader import figure_matches, grade
from briefing.grading.normalize import normalize
from briefing.grading.vocabulary import FALL_WORDS, RISE_WORDS
from briefing.pack import (
    DRAFT_MARK,
    AnyQuestion,
    ChoiceQuestion,
    FigureQuestion,
    Pack,
    Section,
    expected_text,
    option_label,
)


def check(pack: Pack, label: str, parallel: bool = False) -> list[Problem]:
    """Every grounding problem of the pack's questions, in order (references are
    pack.references'). `parallel`: forked processes check the questions of a big
    pack (see briefing.chunks; only for single-threaded commands)."""
    questions = partial(_check_questions, pack, label)
    if parallel:
        from briefing.chunks import map_chunks, workers_for  # forks: for validate only

        return map_chunks(questions, pack.questions, workers_for(len(pack.questions)))
    return questions(pack.questions)


def _check_questions(pack: Pack, label: str, questions: Sequence[AnyQuestion]) -> list[Problem]:
    """The grounding problems of these questions: each answer stated in its section, and
    the expected answer graded right when typed back. Questions whose references do
    not resolve are pack.references' to report and are passed over here."""
    problems: list[Problem] = []
    sections = {s.id: s for s in pack.sections}
    people = {p.id for p in pack.people}
    bodies: dict[str, str] = {}
    figures: dict[str, list[numbers.Figure]] = {}
    for q in questions:
        where = f"question {q.id!r}"
        section = sections.get(q.section)
        if section is None or (q.kind == "attribution" and q.speaker not in people):
            continue
        if section.body.startswith(DRAFT_MARK):
            continue  # the section is still to write: its stub is the problem to report
        if q.section not in bodies:
            bodies[q.section] = normalize(section.body)
        body = bodies[q.section]
        missing = _not_stated(q, pack, section, body, figures)
        if missing:
            field, message = missing
            problems.append(Problem(label, where, field, message, at=("questions", q.id, field)))
            continue
        if not grade(q, expected_text(q, pack), pack).correct:
            field = {"figure": "expected", "attribution": "speaker", "list": "items"}.get(q.kind, "answer")
            message = "the expected answer, typed back, is not graded right"
            problems.append(Problem(label, where, field, message, at=("questions", q.id, field)))
    return problems


def _not_stated(
    q: AnyQuestion, pack: Pack, section: Section, body: str, figures: dict[str, list[numbers.Figure]]
) -> tuple[str, str] | None:
    """(field, message) when the section does not state the question's answer."""
    name = f"section {section.id!r}"
    if q.evidence:
        if normalize(q.evidence) not in body:
            return "evidence", f"not found in {name}"
        return None
    if q.kind == "figure":
        if not figure_matches(q, numbers.parse(q.expected)):
            return "value", _mismatch(q)
        if not any(figure_matches(q, f) for f in _figures_of(section, figures)):
            return "value", f"{q.expected} is not stated in {name} in any written form"
        elsewhere = _about_something_else(q, section)
        if elsewhere is not None:
            return (
                "measures",
                f"{q.expected} is stated in {name} only where it speaks of something else ('{elsewhere}')",
            )
        fact = scope.of_question(q.period, q.base, q.bound)
        if not fact.empty:
            return _scope_disagrees(q, fact, section)
    elif q.kind == "attribution":
        person = pack.person(q.speaker)
        named = any(_has_words(body, n) for n in (person.name, *person.aliases))
        if not named and not names.mentions(section.body, person, pack.people):
            return "speaker", f"{person.name} is not named in {name}"
        if not q.paraphrase and not _shown_quoted(q.quote, section):
            return "quote", f"not shown in quotation marks in {name} (or say paraphrase = true)"
    elif q.kind == "choice":
        if not _has_words(body, q.answer):
            fig = numbers.parse(q.answer)
            found = fig is not None and any(
                abs(f.value or 0) == abs(fig.value or 0) and f.unit == fig.unit
                for f in _figures_of(section, figures)
            )
            if not found:
                return (
                    "answer",
                    f"{q.answer!r} is not stated in {name} (add evidence = a phrase that states it)",
                )
    elif q.kind == "truefalse":
        return "evidence", f"required for a true/false question: a phrase of {name} that settles it"
    elif q.kind == "list":
        for item in q.items:
            if not _has_words(body, item):
                return "items", f"{item!r} is not named in {name}"
    return None


# Words that say nothing of what a figure measures.
_STOPWORDS = frozenset(
    "the a an of in on at by for to from with and or but its it this that these those was were is are "
    "be been has have had than then over under about into onto per each every first last next said says "
    "say figure number total amount level share rate compared against what which how much many".split()
)
_WORD = re.compile(r"[^\W\d_]{3,}")


# Common irregular forms, read as their verb: "sold" and "sales" speak of selling.
_LEMMAS = {
    "sold": "sell", "sale": "sell", "sales": "sell", "spent": "spend", "spending": "spend",
    "bought": "buy", "purchases": "buy", "made": "make", "paid": "pay", "payment": "pay",
    "lost": "lose", "loss": "lose", "losses": "lose", "won": "win", "built": "build",
    "drove": "drive", "driven": "drive", "grew": "grow", "growth": "grow", "hired": "hire",
    "hires": "hire", "employed": "employ", "employs": "employ", "employees": "employ",
    "staff": "employ", "workers": "employ", "people": "employ", "carried": "carry",
    "passengers": "carry", "riders": "carry", "ridership": "carry", "journeys": "carry",
}  # fmt: skip


def _stems(text: str) -> set[str]:
    """The content words of `text`, cut to five letters ("expenses" and "expense" meet); a
    word for a fall or a rise is that direction ("fell", "down": a fall)."""
    out = set()
    for w in _WORD.findall(normalize(text)):
        if w in FALL_WORDS:
            out.add("<fall>")
        elif w in RISE_WORDS:
            out.add("<rise>")
        elif w not in _STOPWORDS:
            out.add(_LEMMAS.get(w, w)[:5])
    return out


def _measured(measures: str) -> set[str]:
    """What a figure measures, in content words, names left out: "the year Halden Rail
    was founded" is about founding, and every sentence of its section names Halden Rail."""
    plain = " ".join(w for w in measures.split() if not w[:1].isupper())
    return _stems(plain)


@lru_cache(maxsize=256)
def _sentences(body: str) -> tuple[str, ...]:
    """A section's sentences (a table row or a list item is one): what grounds an answer."""
    parts = _SENTENCE.split(body)
    return tuple(" ".join(p.split()) for p in parts if p.strip())


_SENTENCE = re.compile(
    r"(?<=[.!?])[\"\u201d']?\s+(?=[A-Z0-9\"\u201c])|\n\s*\n|\n(?=\s*[|*-])|\n(?=\s*\d+\.\s)"
)


def _stating(q: FigureQuestion, section: Section) -> list[str]:
    """The sentences of the section that state the question's figure."""
    return [s for s in _sentences(section.body) if _states(q, s)]


def _states(q: FigureQuestion, sentence: str) -> bool:
    return any(figure_matches(q, f) for f in _sentence_figures(sentence))


@lru_cache(maxsize=4096)
def _sentence_figures(sentence: str) -> list[numbers.Figure]:
    """The figures of one sentence, read once (questions on one section share them)."""
    return numbers.find_all(sentence)


# Figures that turn up for other facts by coincidence: plain numbers, years and dates,
# percentages, multiples and shares. A sum of money or a length is its own fact.
_COINCIDENT_UNITS = frozenset({"", "year", "half", "quarter", "month", "%", "x", "fraction", "pp"})


def _about_something_else(q: FigureQuestion, section: Section) -> str | None:
    """The first sentence stating the figure when none of them speaks of what it measures
    (shares a content word, names aside, with `measures` or the prompt); None when one does."""
    if q.unit.casefold() not in _COINCIDENT_UNITS:
        return None  # "€1.2 billion" or "38 km" is not where another fact happens to stand
    wanted = _measured(q.measures) | _measured(q.prompt)
    if not wanted:
        return None
    sentences = _sentences(section.body)
    # The usual case first: a sentence that speaks of it states it (few figures read).
    if any(wanted & _stems(s) and _states(q, s) for s in sentences):
        return None
    stating = [s for s in sentences if _states(q, s)]
    if not stating:
        return None
    first = stating[0]
    return first if len(first) <= 70 else first[:67] + "..."


def explain(pack: Pack) -> list[tuple[str, str, str]]:
    """(question id, section id, the sentence that grounds its answer) for every question:
    for a figure, a sentence that states it and speaks of what it measures."""
    out = []
    for q in pack.questions:
        section = {s.id: s for s in pack.sections}.get(q.section)
        if section is None:
            continue
        out.append((q.id, section.id, _grounding(q, pack, section) or "(no single sentence states it)"))
    return out


def _grounding(q: AnyQuestion, pack: Pack, section: Section) -> str | None:
    body = _sentences(section.body)
    if q.kind == "figure":
        stating = _stating(q, section)
        wanted = _measured(q.measures) | _measured(q.prompt)
        return next((s for s in stating if wanted & _stems(s)), stating[0] if stating else None)
    if q.evidence:
        want = normalize(q.evidence)
        return next((s for s in body if want in normalize(s)), None)
    if q.kind == "attribution":
        person = pack.person(q.speaker)
        quote = quote_form(q.quote)
        said = [s for s in body if any(_has_words(normalize(s), n) for n in (person.name, *person.aliases))]
        return next((s for s in said if quote and quote in quote_form(s)), said[0] if said else None)
    if q.kind == "choice":
        return next((s for s in body if _has_words(normalize(s), q.answer)), None)
    if q.kind == "list":
        return next((s for s in body if _has_words(normalize(s), q.items[0])), None)
    return None


def _plain(x: float) -> str:
    """A value as a person writes it: "1,250,000", "649.64 million", "40.7", never "6.4964e+08"."""
    for scale, word in ((1e12, " trillion"), (1e9, " billion"), (1e6, " million")):
        if abs(x) >= scale and abs(x) < 1e18:
            return _digits(x / scale) + word
    return _digits(x)


def _digits(x: float) -> str:
    text = f"{x:,.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _mismatch(q: FigureQuestion) -> str:
    """What failed when a figure question's expected text is not its value: the unit, when
    the number agrees and only the unit differs; else the value."""
    fig = numbers.parse(q.expected)
    if q.unit in units.DATES:
        return f"expected {q.expected!r} is not a {q.unit} (write one like {_DATE_FORMS[q.unit]!r})"
    shown = _plain(q.value) if q.value is not None else f"{_plain(q.low or 0)} to {_plain(q.high or 0)}"
    if fig is not None and fig.unit and fig.unit != q.unit and q.value is not None and fig.value is not None:
        if abs(abs(fig.value) - abs(q.value)) <= fig.precision:
            asked = units.name(q.unit) if q.unit else "a plain number"
            return (
                f"unit {q.unit!r} ({asked}) does not match expected {q.expected!r} ({units.name(fig.unit)})"
            )
    return f"{shown} {q.unit} does not match expected {q.expected!r}".replace("  ", " ")


_DATE_FORMS = {"year": "2025", "half": "H2 2026", "quarter": "Q4 2024", "month": "July 2023"}


# Where one statement of a figure ends and the next begins: "down 40.7% year over year
# and down 7% from the fourth quarter" holds two, each with its own scope.
# Stops and commas end a clause only before a space: "41.3" and "600,000" are figures.
_CLAUSE = re.compile(r"[.;:!?,](?=\s|$)|[()\[\]\n]+|\s(?:and|but|while|whereas)\s|\s-\s")


def _scope_disagrees(q: FigureQuestion, fact: scope.Scope, section: Section) -> tuple[str, str] | None:
    """(field, message) when every clause of the section that states the figure names
    another period, base or bound than the question gives; None when one agrees or
    none says (the section need not repeat a scope the prompt states)."""
    disagreements = []
    for clause in _clauses(section.body):
        for fig in numbers.find_all(clause):
            if figure_matches(q, fig):
                found = scope.conflicting(fact, scope.read(clause, fig.text, fig.per))
                if found is None:
                    return None
                disagreements.append((found, clause))
    if not disagreements:
        return None
    (field, why), clause = disagreements[0]
    return field, f"section {section.id!r} says {why} (in '{clause.strip()[:60]}')"


@lru_cache(maxsize=256)
def _clauses(body: str) -> tuple[str, ...]:
    """A section's clauses, split once per section body."""
    return tuple(c for c in _CLAUSE.split(body) if c.strip())


def _figures_of(section: Section, figures: dict[str, list[numbers.Figure]]) -> list[numbers.Figure]:
    """Every figure the section states, read once per section (`figures` keeps them)."""
    if section.id not in figures:
        figures[section.id] = numbers.find_all(section.body)
    return figures[section.id]


def _has_words(body: str, phrase: str) -> bool:
    """Whether `phrase`, normalised, is in `body` as whole words (a plain find: a
    pattern compiled per phrase cost more than the search on a large pack)."""
    words = normalize(phrase)
    if not words:
        return False
    start = body.find(words)
    while start != -1:
        end = start + len(words)
        if not (_wordy(body, start - 1) or _wordy(body, end)):
            return True
        start = body.find(words, start + 1)
    return False


def _wordy(text: str, i: int) -> bool:
    """Whether text[i] exists and is a word character (as regex \\w reads it)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


# A quotation in a section, in straight or curly double quotation marks.
_QUOTATION = re.compile(r"\"([^\"]+)\"")


def _shown_quoted(quote: str, section: Section) -> bool:
    """Whether the quote's words are inside a quotation (in quotation marks) of the section."""
    words = quote_form(quote)
    return bool(words) and any(words in quote_form(q) for q in _QUOTATION.findall(straight(section.body)))


def answer_spread(pack: Pack, label: str) -> list[Problem]:
    """Warnings: one answer right for more than half of a kind's questions, so that giving it
    every time pays (a speaker for attributions, true or false, an option's letter).

    Only where the answers could be spread so that none is: two true/false
    questions of three, or two choice questions of three options among three,
    must share an answer, and that is not worth a warning."""
    kinds: list[tuple[str, str, dict[str, int], int]] = []
    attributions = [q.speaker for q in pack.questions if q.kind == "attribution"]
    # a pack can always name one more speaker: only one question by one speaker is no warning
    kinds.append(("attribution", "speaker", _counts(repr(s) for s in attributions), len(attributions)))
    answers = ["'true'" if q.answer else "'false'" for q in pack.questions if q.kind == "truefalse"]
    kinds.append(("true/false", "", _counts(answers), 2))
    choices = [q for q in pack.questions if q.kind == "choice"]
    letters = (repr(_choice_letter(q)) for q in choices)
    most_options = max((len(q.options) for q in choices), default=1)
    kinds.append(("choice", "option", _counts(letters), most_options))
    problems = []
    for kind, what, counts, answer_count in kinds:
        total = sum(counts.values())
        for answer, count in counts.items():
            # more than half, and more than the most even spread would give one answer
            if count * 2 > total and count > -(-total // max(answer_count, 1)):
                named = f"{what} {answer}" if what else answer
                message = (
                    f"{named} answers {count} of {total} {kind} questions: "
                    f"answering that every time scores {round(100 * count / total)}%"
                )
                problems.append(Problem(label, None, None, message, warning=True))
    return problems


def _counts(answers: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for answer in answers:
        counts[answer] = counts.get(answer, 0) + 1
    return counts


def _choice_letter(q: ChoiceQuestion) -> str:
    folded = [o.casefold() for o in q.options]
    return option_label(folded.index(q.answer.casefold()))


def straight(text: str) -> str:
    return text.translate(_QUOTES)


_QUOTES = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2014": "-", "\u2013": "-"}
)


def quote_form(text: str) -> str:
    """Quotes compared with quote marks, dashes and whitespace normalised, case kept."""
    text = straight(text).strip(" \"'.,")
    return " ".join(text.split())
