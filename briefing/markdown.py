"""The little Markdown a section body is written in, and how it reads as plain text.

Bodies hold paragraphs, list items, headings, tables and inline emphasis,
code and links. `to_text(body, width)` re-flows paragraphs to the width,
lines a table up in columns and drops the markup, for `briefing brief`.
"""

from __future__ import annotations

import re
import textwrap

TABLE_LINE = re.compile(r"^\s*\|")
TABLE_RULE = re.compile(r"^\s*\|?[\s:|-]+\|?\s*$")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_INLINE = [
    (
        re.compile(r"!?\[([^\]]*)\]\(([^)\s]*)\)"),
        lambda m: f"{m[1]} ({m[2]})" if m[2] and m[2] != m[1] else m[1],
    ),
    (re.compile(r"`([^`]*)`"), lambda m: m[1]),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), lambda m: m[2]),
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), lambda m: m[1]),
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), lambda m: m[1]),
]


def inline(text: str) -> str:
    """Text with its inline markup dropped: **bold**, *em*, `code`, [link](url)."""
    for pattern, replace in _INLINE:
        text = pattern.sub(replace, text)
    return text


def heading(title: str, rule: str, width: int) -> str:
    """A title wrapped to `width`, underlined with `rule` as far as its longest line."""
    lines = textwrap.wrap(inline(title), width, break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(lines) + "\n" + rule * max(len(line) for line in lines)


def to_text(body: str, width: int = 80) -> str:
    """A section body as plain text, paragraphs wrapped to `width`."""
    out: list[str] = []
    previous = None
    for kind, lines, tight in _blocks(body):
        text = _render(kind, lines, width)
        if not text:
            continue
        if previous is not None and not (kind == previous == "item" and tight):
            out.append("")  # a list's items stay together; other blocks are spaced
        previous = kind
        out.append(text)
    return "\n".join(out) + "\n" if out else ""


def _render(kind: str, lines: list[str], width: int) -> str:
    if kind == "table":
        return _table(lines, width)
    if kind == "heading":
        return heading(_HEADING.sub("", lines[0]).strip().rstrip("#").strip(), "-", width)
    if kind == "item":
        first = LIST_ITEM.match(lines[0])
        assert first is not None  # _blocks starts an item only at a list marker
        marker = first.group().strip()
        marker = "-" if marker in "-*+" else marker
        text = " ".join(line.strip() for line in [LIST_ITEM.sub("", lines[0], count=1), *lines[1:]])
        return _fill(text, width, marker + " ", " " * (len(marker) + 1))
    return _fill(" ".join(line.strip() for line in lines), width)


def _fill(text: str, width: int, first: str = "", rest: str = "") -> str:
    # Words are never broken: a figure like "2-2.5bn" or a long name stays whole.
    return textwrap.fill(
        inline(text),
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _blocks(body: str) -> list[tuple[str, list[str], bool]]:
    """(kind, lines, tight) for each block: "paragraph", "item", "heading" or "table";
    `tight` when no blank line comes before it."""
    blocks: list[tuple[str, list[str], bool]] = []
    tight = False
    for line in body.splitlines():
        if not line.strip():
            tight = False
            continue
        last = blocks[-1] if blocks and tight else None
        if TABLE_LINE.match(line):
            kind = "table"
        elif _HEADING.match(line):
            kind = "heading"
        elif LIST_ITEM.match(line):
            kind = "item"
        elif last is not None and last[0] in ("paragraph", "item"):
            kind = last[0]  # a wrapped line of the paragraph or item above
        else:
            kind = "paragraph"
        starts_block = LIST_ITEM.match(line) or kind == "heading"
        if last is not None and last[0] == kind and not starts_block:
            last[1].append(line)
        else:
            blocks.append((kind, [line], tight))
        tight = True
    return blocks


def _table(lines: list[str], width: int = 80) -> str:
    """A Markdown table lined up in columns under a rule; when that is wider than
    `width`, each row as its first cell with the others below it, labelled."""
    rows = [_cells(line) for line in lines if not (TABLE_RULE.match(line) and "-" in line)]
    if not rows:
        return ""
    has_header = len(lines) > 1 and TABLE_RULE.match(lines[1]) is not None and "-" in lines[1]
    columns = max(len(r) for r in rows)
    rows = [r + [""] * (columns - len(r)) for r in rows]
    widths = [max(len(r[c]) for r in rows) for c in range(columns)]
    if sum(widths) + 2 * (columns - 1) > width:
        return _stacked(rows, has_header, width)
    text = ["  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=False)).rstrip() for r in rows]
    if has_header:
        text.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(text)


def _stacked(rows: list[list[str]], has_header: bool, width: int) -> str:
    header, body = (rows[0], rows[1:]) if has_header else ([""] * len(rows[0]), rows)
    out = []
    for row in body:
        out.append(_fill(row[0], width))
        for label, cell in zip(header[1:], row[1:], strict=False):
            if cell:
                out.append(_fill(f"{label}: {cell}" if label else cell, width, "  ", "    "))
    return "\n".join(out)


def _cells(line: str) -> list[str]:
    line = line.strip()
    if line.startswith("|"):
        line = line[1:]
    if line.endswith("|") and not line.endswith("\\|"):
        line = line[:-1]
    return [inline(cell.strip().replace("\\|", "|")) for cell in re.split(r"(?<!\\)\|", line)]
