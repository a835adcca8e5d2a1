"""A section of the briefing: its title and its Markdown body; links are shown, not opened."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Markdown, Static

from briefing.errors import printable
from briefing.tui.text import data


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
    SectionView > Markdown {
        margin: 0;
        padding: 0;
    }
    SectionView > Markdown > *:last-child {
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
        yield Markdown(self.body, open_links=False)

    def on_markdown_link_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        self.notify(f"Links are not opened here: {printable(event.href)}", markup=False)
