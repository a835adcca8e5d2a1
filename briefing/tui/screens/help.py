"""Every key, screen by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

KEYS = """\
# Keys

| Where | Key | Does |
|---|---|---|
| Anywhere | `ctrl+q` | quit (progress is already saved) |
| | `F1` or `?` | this help |
| | `ctrl+t` | light or dark theme |
| | `Tab` / `shift+Tab` | next / previous part of the screen |
| Briefing | `↑` `↓` then `Enter` | jump to a section |
| | `s` | start the quiz (or continue it) |
| | `k` | key figures |
| | `h` | history |
| Quiz | `Enter` | submit a typed answer |
| | `1`-`5`, or `↑` `↓` + `Enter` | pick an option |
| | `t` / `f` | true / false |
| | `ctrl+s` | skip (counts as wrong) |
| | `F2` or `ctrl+p` | peek at the question's section |
| | `Enter` or `n` | next question, after the feedback |
| | `Escape` | back to the briefing; the quiz waits |
| Results | `r` | retry the missed questions |
| | `h` | history |
| | `Escape` | back to the briefing |
| History | `Escape` | back |
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("f1", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Markdown(KEYS, open_links=False)

    def on_mount(self) -> None:
        body = self.query_one("#help-body")
        body.border_title = "Help"
        body.border_subtitle = "Escape closes"
        body.focus()
