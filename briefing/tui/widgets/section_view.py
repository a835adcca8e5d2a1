"""A section of the briefing: its title and its Markdown body; links are shown, not opened.

A body that is only paragraphs of plain text (most sections: no Markdown syntax
at all) is drawn as Textual's Markdown would draw it, without Markdown: Textual's
Markdown widget brings markdown-it and Pygments with it, which was a tenth of
the briefing's wait for its first frame. Any other body is Textual's Markdown.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from briefing.errors import printable
from briefing.tui.text import data

if TYPE_CHECKING:
    from textual.widgets import Markdown

# What Markdown (CommonMark with GitHub's tables, strikethrough and bare links, as
# Textual reads it) could read as more than text: any of these and the body goes
# to Textual's Markdown. Inline syntax, HTML and entities (a bare "&", as in R&D,
# is text); a line that could open a block (list, quote, heading, rule, fence,
# table, setext underline, indented code); a hard break (trailing spaces);
# whitespace other than spaces and line ends; anything that may be a link (a
# scheme, an address, a domain).
_NOT_PLAIN = re.compile(
    r"""[*_`\[\]<>#|\\~!@]|&(?:#|[A-Za-z0-9]+;)"""
    r"""|^[ ]*(?:[-+=>]|\d+[.)])"""
    r"""|^[ ]{4}"""
    r"""|[ ]$"""
    r"""|[^\S \n]"""
    r"""|://|www\.|[A-Za-z0-9][.][A-Za-z]""",
    re.MULTILINE,
)


def plain_paragraphs(body: str) -> list[str] | None:
    """The paragraphs of `body` as Textual's Markdown shows them, or None when Markdown
    could read anything in it as more than plain text."""
    if _NOT_PLAIN.search(body):
        return None
    # A paragraph's lines are joined by a space, as Markdown's soft breaks are shown.
    paragraphs = [" ".join(line.strip() for line in block.splitlines()) for block in _BLANK.split(body)]
    return [re.sub(r"\s+", " ", p) for p in paragraphs if p.strip()]


_BLANK = re.compile(r"\n[ ]*\n")

# Textual's Markdown widget, which brings markdown-it: imported by a section that needs it.
MARKDOWN_MODULE = "textual.widgets._markdown"


def needs_markdown(body: str) -> bool:
    """Whether this body is drawn with Textual's Markdown (anything but plain paragraphs)."""
    return plain_paragraphs(body) is None


class PlainBody(Widget):
    """Paragraphs of plain text, laid out and styled as Textual's Markdown lays out
    paragraphs (its DEFAULT_CSS for Markdown, MarkdownBlock and MarkdownParagraph)."""

    DEFAULT_CSS = """
    PlainBody {
        height: auto;
        padding: 0 2 0 2;
        layout: vertical;
        color: $foreground;
        overflow-y: hidden;
    }
    PlainBody > Static {
        width: 1fr;
        height: auto;
        margin: 0 0 1 0;
    }
    """

    def __init__(self, paragraphs: list[str]) -> None:
        super().__init__()
        self.paragraphs = paragraphs

    def compose(self) -> ComposeResult:
        for paragraph in self.paragraphs:
            yield Static(Content(paragraph), expand=True)


class SectionView(Vertical):
    """A title (plain text) over a Markdown body that never opens a link."""

    DEFAULT_CSS = """
    SectionView {
        height: auto;
        padding: 0 1;
    }
    SectionView > .section-title {
        text-style: bold;
        color: $accent;
        margin: 1 0 0 0;
    }
    SectionView > Markdown, SectionView > PlainBody {
        margin: 0;
        padding: 0;
    }
    SectionView > Markdown > *:last-child, SectionView > PlainBody > *:last-child {
        margin-bottom: 0;
    }
    """

    def __init__(self, title: str, body: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.title = title
        self.body = body

    def compose(self) -> ComposeResult:
        if self.title:
            yield Static(data(self.title), classes="section-title", markup=False)
        paragraphs = plain_paragraphs(self.body)
        if paragraphs is not None:
            yield PlainBody(paragraphs)
        else:
            from textual.widgets import Markdown

            yield Markdown(self.body, open_links=False)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.notify(f"Links are not opened here: {printable(event.href)}", markup=False)
