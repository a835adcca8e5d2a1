"""An unfinished quiz was found: resume it, keep it for later, or discard it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ResumeScreen(ModalScreen[bool | None]):
    """True: resume now. False: discard it. None: not now (it waits behind "Continue quiz")."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("y", "choose(True)", "Resume"),
        Binding("d", "choose(False)", "Discard"),
        Binding("escape", "choose(None)", "Not now"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, position: int, total: int, score: int) -> None:
        super().__init__()
        self.position, self.total, self.score = position, total, score

    def compose(self) -> ComposeResult:
        with Vertical(id="resume-dialog"):
            yield Static(Content("An unfinished quiz was found."), classes="title")
            yield Static(
                Content(
                    f"Resume it at question {min(self.position + 1, self.total)} of {self.total}? "
                    f"So far: {self.score} right of {self.position} answered."
                )
            )
            with Horizontal(classes="buttons"):
                yield Button("Resume (y)", id="resume", variant="primary", compact=True)
                yield Button("Not now (esc)", id="later", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)

    def on_mount(self) -> None:
        self.query_one("#resume").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss({"resume": True, "discard": False}.get(event.button.id or ""))

    def action_choose(self, choice: bool | None) -> None:
        self.dismiss(choice)
