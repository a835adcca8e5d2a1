"""Finding what a pack says: its key-figures section, the excerpt that answers a question.

Both front ends can show these; whether an answer is right stays the grader's business.
"""

from __future__ import annotations

import re

from briefing.markdown import LIST_ITEM, TABLE_LINE, TABLE_RULE
from briefing.pack import AnyQuestion, Pack, Section, expected_text

KEY_FIGURE_IDS = ("key-figures", "key_figures", "figures", "numbers")


def key_figures(pack: Pack) -> Section | None:
    """The pack's key-figures section: as `[pack] key_figures` names it, else by id,
    by title, else the first with a table."""
    if pack.pack.key_figures:
        return pack.section(pack.pack.key_figures)
    for section in pack.sections:
        if section.id in KEY_FIGURE_IDS:
            return section
    for section in pack.sections:
        if "key figures" in section.title.casefold() or "key numbers" in section.title.casefold():
            return section
    for section in pack.sections:
        if any(TABLE_LINE.match(line) for line in section.body.splitlines()):
            return section
    return None


def _fold(text: str) -> str:
    return " ".join(text.replace("*", "").replace("_", " ").casefold().split())


def blocks(body: str) -> list[str]:
    """A section body cut into what can be shown alone: paragraphs, list items, table rows.

    A table row comes with its table's header, so it reads as a table.
    """
    out: list[str] = []
    paragraph: list[str] = []
    header: list[str] = []

    def flush() -> None:
        if paragraph:
            out.append("\n".join(paragraph))
            paragraph.clear()

    lines = body.splitlines()
    for n, line in enumerate(lines):
        if TABLE_LINE.match(line):
            flush()
            following = lines[n + 1] if n + 1 < len(lines) else ""
            if not header and TABLE_RULE.match(following) and "-" in following:
                header = [line, following]
            elif header and line not in header:
                out.append("\n".join([*header, line]))
            continue
        header = []
        if not line.strip():
            flush()
        elif LIST_ITEM.match(line):
            flush()
            paragraph.append(line)
        else:
            paragraph.append(line)
    flush()
    return out


def _needles(question: AnyQuestion, pack: Pack) -> list[str]:
    """What to look for, most telling first."""
    needles = [question.evidence] if question.evidence else []
    if question.kind == "attribution":
        person = pack.person(question.speaker)
        needles += [question.quote, person.name, *person.aliases]
    else:
        needles.append(expected_text(question, pack))
        if question.kind == "list":
            needles += list(question.items)
    return [n for n in needles if n.strip()]


def excerpt(question: AnyQuestion, pack: Pack) -> str:
    """The paragraph, list item or table row of the question's section that answers it.

    The whole section body when no single part names the answer.
    """
    section = pack.section(question.section)
    parts = blocks(section.body)
    if question.kind == "figure" and not question.evidence:
        # A figure in any written form: "fivefold" answers "5x".
        from briefing.grading import numbers
        from briefing.grading.grader import figure_matches

        for part in parts:
            if any(figure_matches(question, f) for f in numbers.find_all(part)):
                return part
    folded = [_fold(p) for p in parts]
    for needle in _needles(question, pack):
        want = _fold(needle)
        if not want:
            continue
        # Whole words only: an alias "Li" is not the "li" of "reliable".
        pattern = re.compile(r"(?<!\w)" + re.escape(want) + r"(?!\w)")
        for part, text in zip(parts, folded, strict=True):
            if pattern.search(text):
                return part
    return section.body
