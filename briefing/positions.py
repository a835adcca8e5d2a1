"""Where things are in a TOML file: the line of a table or a key, found from the text.

rtoml gives values, not positions, so a problem's line is found here, and only
once a problem is to be placed (a valid pack costs nothing): one quick pass
over the text finds the table headers, then the keys of a table are read only
when a problem is in that table.

A path names a value as the data holds it: `("pack", "pass_mark")`,
`("questions", 3, "value")` (the fourth `[[questions]]`), `("questions", 3,
"aliases", "chips")`, or an entry by its id: `("questions", "rd-yoy", "value")`.
`Positions.line(path)` is the line of the deepest part of the path that is
written: a key inside an inline table or an array gives the line of the key
that holds it, and a field left out gives the line of its table's header.
Inline tables (`source = { title = "..." }`) and inline arrays of tables
(`questions = [{ id = "a", ... }, ...]`) are followed too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

Path = tuple[str | int, ...]

# A key's part: bare, "basic" or 'literal'.
_PART = r"""(?:[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*')"""
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_PARTS = re.compile(_PART)
_KEY = re.compile(rf"[ \t]*({_DOTTED})[ \t]*=")
_MULTILINE = r'"""(?:[^"\\]|\\[\s\S]|"(?!""))*"""(?:""?(?!"))?' r"|'''(?:[^']|'(?!''))*'''(?:''?(?!'))?"
# Table headers on a line of their own, and the multi-line strings that may hold lines that look like them.
_HEADERS = re.compile(
    rf"{_MULTILINE}|^[ \t]*(\[\[?)[ \t]*({_DOTTED})[ \t]*\]\]?[ \t]*(?:#[^\n]*)?$", re.MULTILINE
)
# What reading a table's keys stops at; the rest (numbers, booleans, dates, spaces) is passed over.
_TOKEN = re.compile(rf"""{_MULTILINE}|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'|#[^\n]*|[\n\[\]{{}},]""")


def _parts(dotted: str) -> list[str]:
    return [p[1:-1] if p[0] in "\"'" else p for p in _PARTS.findall(dotted)]


class Positions:
    """Lines (1-based) of a TOML text's tables and keys, read on first use."""

    def __init__(self, text: str, data: object = None) -> None:
        self._text = text
        self._data = data if isinstance(data, dict) else {}
        # header path -> (its line, where its keys start, where they end); () is the root table
        self._tables: dict[Path, tuple[int | None, int, int]] | None = None
        self._keys: dict[Path, dict[Path, int]] = {}
        self._ids: dict[str, dict[str, int]] = {}

    def line(self, path: Sequence[str | int]) -> int | None:
        """The line of `path`, or of its deepest written part; None when no part is written."""
        if self._tables is None:
            self._tables = _tables(self._text)
        path = self.resolve(path)
        for depth in range(len(path), -1, -1):
            table = path[:depth]
            if table not in self._tables:
                continue
            header, start, end = self._tables[table]
            if table not in self._keys:
                self._keys[table] = _keys(self._text, start, end, table, header or 1)
            keys = self._keys[table]
            for inner in range(len(path), depth, -1):
                found = keys.get(path[:inner])
                if found is not None:
                    return found
            return header
        return None

    def resolve(self, path: Sequence[str | int]) -> Path:
        """`path` with an entry named by its id (`("questions", "rd-yoy", "value")`) turned
        into its index: the first entry of that array with that id."""
        if len(path) >= 2 and isinstance(path[0], str) and isinstance(path[1], str):
            head, ident = path[0], path[1]
            entries = self._data.get(head)
            if isinstance(entries, list):
                if head not in self._ids:
                    ids: dict[str, int] = {}
                    for i, entry in enumerate(entries):
                        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                            ids.setdefault(entry["id"], i)
                    self._ids[head] = ids
                index = self._ids[head].get(ident)
                if index is not None:
                    return (head, index, *path[2:])
        return tuple(path)


def _tables(text: str) -> dict[Path, tuple[int | None, int, int]]:
    """Every table header's path: its line and the span of text its keys are in."""
    tables: dict[Path, tuple[int | None, int, int]] = {}
    counts: dict[Path, int] = {}  # entries seen of each array of tables
    current: Path = ()
    current_line: int | None = None
    start = 0
    lineno, counted = 1, 0
    for m in _HEADERS.finditer(text):
        if m.group(1) is None:  # a multi-line string
            continue
        lineno += text.count("\n", counted, m.start())
        counted = m.start()
        tables.setdefault(current, (current_line, start, m.start()))
        current = _entry_path(_parts(m.group(2)), counts, m.group(1) == "[[")
        current_line, start = lineno, m.end()
    tables.setdefault(current, (current_line, start, len(text)))
    return tables


def _entry_path(parts: list[str], counts: dict[Path, int], array: bool) -> Path:
    """The path of a header: `[[questions]]` -> ("questions", n) for its nth entry; a table
    under an array of tables (`[questions.aliases]`) -> under its latest entry."""
    path: Path = ()
    for i, part in enumerate(parts):
        path = (*path, part)
        if i == len(parts) - 1 and array:
            n = counts.get(path, 0)
            counts[path] = n + 1
            return (*path, n)
        if path in counts:
            path = (*path, counts[path] - 1)
    return path


def _keys(text: str, pos: int, end: int, table: Path, lineno: int) -> dict[Path, int]:
    """The line of every key in text[pos:end], the body of `table` (its header on `lineno`)."""
    lines: dict[Path, int] = {}
    stack: list[list] = []  # open inline values: [path, is an array, elements seen]
    expect_key = pos == 0 or text[pos - 1] == "\n"  # not on the rest of a header's line
    search = _TOKEN.search
    while True:
        if expect_key:
            key = _KEY.match(text, pos, end)
            if key:
                path = (*(stack[-1][0] if stack else table), *_parts(key.group(1)))
                lines.setdefault(path, lineno)
                pos, expect_key = key.end(), False
                m = search(text, pos, end)
                if m is not None and m.group() in ("[", "{") and not text[pos : m.start()].strip():
                    stack.append([path, m.group() == "[", 0])  # an inline array or table opens
                    pos, expect_key = m.end(), m.group() == "{"
                    continue
        m = search(text, pos, end)
        if m is None:
            return lines
        tok = m.group()
        pos = m.end()
        first = tok[0]
        if first == "\n":
            lineno += 1
            if not stack:
                expect_key = True  # (in an inline table a key may follow its comma on the next line)
        elif first == '"' or first == "'":
            if len(tok) >= 6 and tok[1] == first and tok[2] == first:
                lineno += tok.count("\n")
        elif first == "{" or first == "[":
            top = stack[-1] if stack else None
            path = (*top[0], top[2]) if top and top[1] else (top[0] if top else table)
            if first == "{" and top and top[1]:
                lines.setdefault(path, lineno)  # an inline table in an array: one entry
            stack.append([path, first == "[", 0])
            expect_key = first == "{"
        elif first == "]" or first == "}":
            if stack:
                stack.pop()
            expect_key = False
        elif first == "," and stack:
            if stack[-1][1]:
                stack[-1][2] += 1
            else:
                expect_key = True
