"""A look at the briefing section behind a question, without leaving the quiz."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from briefing.pack import Section
from briefing.tui.widgets.section_view import SectionView


class PeekScreen(ModalScreen[None]):
    CSS_PATH = "reference.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "Back to the question"),
        Binding("f2", "dismiss", "Back to the question", show=False),
        Binding("ctrl+p", "dismiss", "Back to the question", show=False),
    ]

    def __init__(self, section: Section, note: str | None = None) -> None:
        super().__init__()
        self.section = section
        self.note = note  # what the peek costs, shown on the frame

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="peek-body"):
            yield SectionView(self.section.title, self.section.body)

    def on_mount(self) -> None:
        body = self.query_one("#peek-body")
        body.border_title = "From the briefing" if self.note is None else f"From the briefing ({self.note})"
        body.border_subtitle = "Escape returns to the question"
        body.focus()
