"""The key figures of the briefing, on their own."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen

from briefing.pack import Section
from briefing.tui.widgets.footer import KeysFooter
from briefing.tui.widgets.section_view import SectionView


class KeyFiguresScreen(Screen[None]):
    CSS_PATH = "reference.tcss"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("k", "app.pop_screen", "Back", show=False),
    ]

    def __init__(self, section: Section) -> None:
        super().__init__()
        self.section = section

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="key-figures-body"):
            yield SectionView(self.section.title, self.section.body)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#key-figures-body").focus()
