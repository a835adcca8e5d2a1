"""An unfinished quiz was found: resume it, keep it for later, or discard it.

Discarding deletes the saved answers, so it takes a second, deliberate step: the
first `d` (or the Discard button) asks, a second one discards, Escape keeps it.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static


def _answers(n: int) -> str:
    return f"{n} answer" if n == 1 else f"{n} answers"


class ResumeScreen(ModalScreen[bool | None]):
    """True: resume now. False: discard it (confirmed). None: not now (it waits behind "Continue quiz")."""

    CSS_PATH = "dialogs.tcss"

    BINDINGS = [
        Binding("y", "choose(True)", "Resume"),
        Binding("d", "discard", "Discard (asks first)"),
        Binding("escape", "back", "Not now / keep it"),
        Binding("left", "app.focus_previous", show=False),
        Binding("right", "app.focus_next", show=False),
    ]

    def __init__(self, position: int, total: int, score: int) -> None:
        super().__init__()
        self.position, self.total, self.score = position, total, score
        self.confirming = False  # the discard asked for and not yet confirmed

    def compose(self) -> ComposeResult:
        with Vertical(id="resume-dialog"):
            yield Static(Content("An unfinished quiz was found."), classes="title", id="resume-title")
            yield Static(self._offer(), id="resume-text")
            with Horizontal(classes="buttons"):
                yield Button("Resume (y)", id="resume", variant="primary", compact=True)
                yield Button("Not now (esc)", id="later", compact=True)
                yield Button("Discard (d)", id="discard", variant="error", compact=True)

    def _offer(self) -> Content:
        return Content(
            f"Resume it at question {min(self.position + 1, self.total)} of {self.total}? "
            f"So far: {self.score} right of {self.position} answered."
        )

    def on_mount(self) -> None:
        self.query_one("#resume").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "resume":
            self.dismiss(True)
        elif event.button.id == "discard":
            self.action_discard()
        else:
            self.action_back()

    def action_choose(self, choice: bool | None) -> None:
        self.dismiss(choice)

    def action_discard(self) -> None:
        """The first time asks; the second discards."""
        if self.confirming:
            self.dismiss(False)
            return
        self._confirm(True)

    def action_back(self) -> None:
        """Escape: out of the question "discard?" back to the offer; else not now."""
        if self.confirming:
            self._confirm(False)
        else:
            self.dismiss(None)

    def _confirm(self, asking: bool) -> None:
        self.confirming = asking
        title = self.query_one("#resume-title", Static)
        text = self.query_one("#resume-text", Static)
        later = self.query_one("#later", Button)
        if asking:
            title.update(Content("Discard this quiz?"))
            text.update(
                Content(
                    f"Its {_answers(self.position)} of {self.total} questions will be deleted; "
                    "this cannot be undone. Press d again to discard it, Escape to keep it."
                )
            )
            later.label = "Keep it (esc)"
            later.focus()  # Enter on the focused button keeps it
        else:
            title.update(Content("An unfinished quiz was found."))
            text.update(self._offer())
            later.label = "Not now (esc)"
            self.query_one("#resume").focus()
