"""A pack held against its source document (`validate --source`).

Errors: a quote asked about, or quoted in a section, that is not verbatim in the
source; a figure a section states that the source states in no written form; a
roster entry the source never names. Warnings (errors with --strict), the
coverage: figures the source states and people it quotes that no question asks.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import replace

from briefing.checks import quote_form, straight
from briefing.errors import Problem
from briefing.grading import names, numbers
from briefing.grading.grader import in_kin, same_figure, unit_kin
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
    """Figures sorted by size, grouped by what their unit converts with and by the order
    of their precision: a figure is compared only with those within reach of its size,
    so a long source and a big pack stay fast. A bare number ("640") stands for any unit
    and is compared by the number itself."""

    def __init__(self, figures: list[numbers.Figure]) -> None:
        self.kinned: dict[tuple, list[tuple[float, float, numbers.Figure]]] = defaultdict(list)
        self.raw: dict[tuple, list[tuple[float, float, numbers.Figure]]] = defaultdict(list)
        self.bare: dict[tuple, list[tuple[float, float, numbers.Figure]]] = defaultdict(list)
        for fig in figures:
            size, precision = in_kin(fig)
            raw, raw_precision = _raw(fig)
            self.raw[(fig.is_range, _order(raw_precision))].append((raw, raw_precision, fig))
            if fig.unit:
                key = (unit_kin(fig.unit), fig.is_range, _order(precision))
                self.kinned[key].append((size, precision, fig))
            else:
                self.bare[(fig.is_range, _order(raw_precision))].append((raw, raw_precision, fig))
        # A figure written as the index has it, to the letter, is there: most are.
        self.written = {(fig.text, fig.unit, fig.is_range) for fig in figures}
        self.tables = {
            name: {key: _Sorted(entries) for key, entries in table.items()}
            for name, table in (("kinned", self.kinned), ("raw", self.raw), ("bare", self.bare))
        }

    def has(self, fig: numbers.Figure) -> bool:
        """Whether the index holds `fig` in some written form: "ten times as much" restates
        "a tenth of", so a multiple and its reciprocal share are one fact."""
        if (fig.text, fig.unit, fig.is_range) in self.written:
            return True
        return self._holds(fig) or any(self._holds(turned) for turned in _reciprocal(fig))

    def _holds(self, fig: numbers.Figure) -> bool:
        raw, raw_precision = _raw(fig)
        if not fig.unit:  # a bare number: any figure of that number, whatever its unit
            return self._near("raw", lambda key: key[0] == fig.is_range, raw, raw_precision, fig)
        kin = unit_kin(fig.unit)
        size, precision = in_kin(fig)
        return self._near(
            "kinned", lambda key: key[0] == kin and key[1] == fig.is_range, size, precision, fig
        ) or self._near("bare", lambda key: key[0] == fig.is_range, raw, raw_precision, fig)

    def _near(self, table: str, wanted, size: float, precision: float, fig: numbers.Figure) -> bool:
        for key, group in self.tables[table].items():
            if wanted(key) and any(same_figure(fig, other) for other in group.around(size, precision)):
                return True
        return False


class _Sorted:
    """(size, precision, figure) sorted by size, with the largest precision among them:
    two figures are the same only within the larger of their precisions."""

    def __init__(self, entries: list[tuple[float, float, numbers.Figure]]) -> None:
        entries.sort(key=lambda e: e[0])
        self.sizes = [e[0] for e in entries]
        self.figures = [e[2] for e in entries]
        self.slack = max(e[1] for e in entries)

    def around(self, size: float, precision: float) -> list[numbers.Figure]:
        reach = 1.01 * max(precision, self.slack) + 1e-9 * size  # then checked by same_figure
        return self.figures[bisect_left(self.sizes, size - reach) : bisect_right(self.sizes, size + reach)]


def _raw(fig: numbers.Figure) -> tuple[float, float]:
    size = fig.value if fig.value is not None else fig.low
    return abs(size or 0.0), fig.precision


def _order(precision: float) -> int:
    return math.floor(math.log10(precision)) if precision > 0 else -99


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
        bare = replace(p, aliases=[])
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


def _range_ends(figures: list[numbers.Figure]) -> set[str]:
    """The texts of the figures a range is made of ("2 billion" of "2 billion to 2.5 billion")."""
    ends: set[str] = set()
    for i, fig in enumerate(figures):
        if fig.is_range:  # numbers.find_all gives a range, then its two ends
            ends.update(f.text for f in figures[i + 1 : i + 3] if not f.is_range and f.text in fig.text)
    return ends


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
    ends = _range_ends(figures)
    for fig in figures:
        if not _telling(fig) or fig.text in seen or (not fig.is_range and fig.text in ends):
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
