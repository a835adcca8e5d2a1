"""A pack held against its source document (`validate --source`).

Errors: a quote asked about, or quoted in a section, that is not verbatim in the
source; a figure a section states that the source states in no written form; a
roster entry the source never names. Warnings (errors with --strict), the
coverage: figures the source states and people it quotes that no question asks.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import replace

from briefing.checks import quote_form, straight
from briefing.errors import Problem
from briefing.grading import names, numbers
from briefing.grading.grader import same_figure, unit_kin
from briefing.pack import Pack

__all__ = ["check", "coverage"]

_QUOTED = re.compile(r"\"([^\"]{12,})\"")


def check(pack: Pack, source: str, label: str) -> list[Problem]:
    """What the pack says that the source does not: quotes, figures, names."""
    return _quotes(pack, source, label) + _figures(pack, source, label) + _names(pack, source, label)


def _quotes(pack: Pack, source: str, label: str) -> list[Problem]:
    text = quote_form(source)
    problems: list[Problem] = []
    for q in pack.questions:
        if q.kind == "attribution" and not q.paraphrase and quote_form(q.quote) not in text:
            at = ("questions", q.id, "quote")
            problems.append(
                Problem(label, f"question {q.id!r}", "quote", "not found verbatim in the source", at=at)
            )
    for s in pack.sections:
        for quoted in _QUOTED.findall(straight(s.body)):
            if quote_form(quoted) not in text:
                message = f'quote not in the source: "{quoted[:40]}..."'
                problems.append(
                    Problem(label, f"section {s.id!r}", "body", message, at=("sections", s.id, "body"))
                )
    return problems


class _Index:
    """Figures by what their unit converts with and their order of magnitude: a figure is
    compared only with its near neighbours, so a long source and a big pack stay fast."""

    def __init__(self, figures: list[numbers.Figure]) -> None:
        self.buckets: dict[tuple[str, int], list[numbers.Figure]] = defaultdict(list)
        for fig in figures:
            self.buckets[self._key(fig)].append(fig)

    @staticmethod
    def _key(fig: numbers.Figure) -> tuple[str, int]:
        size = abs(fig.value if fig.value is not None else fig.high or 0.0)
        return unit_kin(fig.unit), math.floor(math.log10(size)) if size else -99

    def has(self, fig: numbers.Figure) -> bool:
        """Whether the index holds `fig` in some written form: "ten times as much" restates
        "a tenth of", so a multiple and its reciprocal share are one fact."""
        return self._holds(fig) or any(self._holds(turned) for turned in _reciprocal(fig))

    def _holds(self, fig: numbers.Figure) -> bool:
        kin, order = self._key(fig)
        kins = {kin, ""} if kin else set(k for k, _ in self.buckets)
        return any(
            same_figure(fig, other)
            for k in kins
            for o in (order - 1, order, order + 1)
            for other in self.buckets.get((k, o), ())
        )


def _reciprocal(fig: numbers.Figure) -> list[numbers.Figure]:
    """ "ten times" as "a tenth", and back."""
    value = fig.value
    if value is None or not value:
        return []
    if fig.unit == "x":
        return [replace(fig, value=1 / value, unit="fraction", precision=fig.precision / (value * value))]
    if fig.unit == "fraction":
        return [replace(fig, value=1 / value, unit="x", precision=fig.precision / (value * value))]
    return []


_DATES = frozenset({"year", "half", "quarter", "month"})


def _dated_or_trivial(fig: numbers.Figure) -> bool:
    """A date ("2024", "Q4 2025": an article dates its facts by its own dateline, "a year
    earlier") or the number one ("in one month"): not held against the source."""
    if fig.unit in _DATES:
        return True
    value = abs(fig.value if fig.value is not None else fig.high or 0.0)
    return not fig.unit and (value <= 1 or (1900 <= value <= 2100 and float(value).is_integer()))


def as_written(fig: numbers.Figure, text: str) -> str:
    """The figure as `text` writes it ("480 MW"), not as it was read ("480 mw")."""
    words = [re.escape(w) for w in fig.text.split()]
    found = re.search(r"\s+".join(words), text, re.IGNORECASE) if words else None
    return " ".join(found.group().split()) if found else fig.text


def _figures(pack: Pack, source: str, label: str) -> list[Problem]:
    """Each figure a section states must be stated in the source, in some written form."""
    index = _Index(numbers.find_all(source))
    problems: list[Problem] = []
    for s in pack.sections:
        seen: set[str] = set()
        for fig in numbers.find_all(s.body):
            if fig.text in seen or _dated_or_trivial(fig) or index.has(fig):
                continue
            seen.add(fig.text)
            message = f"{as_written(fig, s.body)} is not stated in the source in any written form"
            problems.append(
                Problem(label, f"section {s.id!r}", "body", message, at=("sections", s.id, "body"))
            )
    return problems


def _names(pack: Pack, source: str, label: str) -> list[Problem]:
    """Each roster entry's name is in the source (as written, or in a form the grader reads:
    the other order, hyphenated); an alias found there does not vouch for a misspelt name."""
    problems: list[Problem] = []
    for p in pack.people:
        bare = p.model_copy(update={"aliases": []})
        if not names.mentions(source, bare, [bare]):
            at = ("people", p.id, "name")
            problems.append(
                Problem(label, f"person {p.id!r}", "name", f"{p.name} is not named in the source", at=at)
            )
    return problems


# --- coverage --------------------------------------------------------------------------


def coverage(pack: Pack, source: str, label: str) -> list[Problem]:
    """Warnings: the source's figures and quoted speakers that no question asks."""
    return _unasked_figures(pack, source, label) + _unasked_speakers(pack, source, label)


def _telling(fig: numbers.Figure) -> bool:
    """A figure worth asking: one with a unit, a scale, a share or a multiple, or a large
    count; not a bare small number or a year ("two upgrades", "in 2025")."""
    if fig.unit or fig.scaled:
        return True
    value = abs(fig.value if fig.value is not None else fig.high or 0.0)
    return value >= 100 and not (1900 <= value <= 2100 and float(value).is_integer())


def _asked_figures(pack: Pack) -> list[numbers.Figure]:
    """The figures questions ask: figure answers and figure options of choices."""
    asked = []
    for q in pack.questions:
        if q.kind == "figure":
            parsed = numbers.parse(q.expected)
            if parsed is not None:
                asked.append(parsed)
        elif q.kind == "choice":
            asked += [f for f in (numbers.parse(o) for o in q.options) if f is not None]
    return asked


def _unasked_figures(pack: Pack, source: str, label: str) -> list[Problem]:
    asked = _Index(_asked_figures(pack))
    out: list[Problem] = []
    seen: set[str] = set()
    figures = numbers.find_all(source)
    ranges = [f.text for f in figures if f.is_range]
    for fig in figures:
        if not _telling(fig) or fig.text in seen or (not fig.is_range and any(fig.text in r for r in ranges)):
            continue  # once each; a range's ends are the range
        seen.add(fig.text)
        if asked.has(fig):
            continue
        out.append(
            Problem(
                label,
                None,
                None,
                f"coverage: the source states {as_written(fig, source)} and no question asks it",
                warning=True,
            )
        )
    return out


def _unasked_speakers(pack: Pack, source: str, label: str) -> list[Problem]:
    from briefing.draft import read

    asked = {q.speaker for q in pack.questions if q.kind == "attribution"}
    found = read(source)
    quoted = found.speakers
    speakers = {who for _, who, _ in found.quotes}
    out: list[Problem] = []
    for key in sorted(speakers):
        name = quoted[key].name if key in quoted else key
        person = names.match_person(name, pack.people)
        if person is None:
            message = f"coverage: the source quotes {name}, who is not on the roster"
        elif person.id not in asked:
            message = f"coverage: the source quotes {person.name} and no question asks who said it"
        else:
            continue
        out.append(Problem(label, None, None, message, warning=True))
    return out
