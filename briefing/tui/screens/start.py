"""Which quiz to start: all the questions, a number of them, or one section's.

The dialog only says what was chosen; the engine picks and orders the questions
(Session.start with `section` and `limit`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.tui.text import data

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

ALL = "all"  # the option id of "all questions"; a section's option id is its own id


@dataclass(frozen=True, slots=True)
class StartChoice:
    """A quiz of one `section` (None: the whole pack), of at most `limit` questions (None: all)."""

    section: str | None = None
    limit: int | None = None


def _questions(n: int) -> str:
    return f"{n} question" if n == 1 else f"{n} questions"


class StartScreen(ModalScreen[StartChoice | None]):
    """Dismissed with the quiz to start, or None (Escape)."""

    CSS_PATH = "dialogs.tcss"
    app: BriefingApp

    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(
        self, here: str | None = None, limit: int | None = None, in_progress: str | None = None
    ) -> None:
        """`here`: the section open in the contents ("this section"); `limit`: the count
        to offer; `in_progress`: where a quiz in progress stands, to say it is kept."""
        super().__init__()
        self.here, self.limit, self.in_progress = here, limit, in_progress

    def compose(self) -> ComposeResult:
        pack = self.app.pack
        counts = {s.id: 0 for s in pack.sections}
        for q in pack.questions:
            counts[q.section] = counts.get(q.section, 0) + 1
        options = [Option(Content(f"All questions ({len(pack.questions)})"), id=ALL)]
        for section in sorted(pack.sections, key=lambda s: s.id != self.here):  # this section first
            n = counts[section.id]
            head = "This section: " if section.id == self.here else "Section: "
            options.append(
                Option(
                    Content.assemble(
                        head, data(section.title), f" ({_questions(n) if n else 'no questions'})"
                    ),
                    id=section.id,
                    disabled=not n,
                )
            )
        with Vertical(id="start-dialog"):
            yield Static(Content("Start a quiz"), classes="title")
            yield Static(Content("Which questions (arrows, Enter starts):"))
            yield OptionList(*options, markup=False, id="scope")
            with Horizontal(id="count-row"):
                yield Static(Content("How many (blank: all of them): "), id="count-label")
                yield Input(
                    "" if self.limit is None else str(self.limit),
                    placeholder="all",
                    type="integer",
                    max_length=4,
                    id="count",
                    compact=True,
                )
            yield Static(id="start-error", markup=False)
            if self.in_progress:
                yield Static(
                    Content(
                        f"The quiz in progress ({self.in_progress}) stays saved: it is offered "
                        "again once the new one is finished."
                    ),
                    id="start-note",
                )
            yield Static(Content("Type how many at any time; Enter starts, Escape cancels."), classes="hint")

    def on_mount(self) -> None:
        scope = self.query_one("#scope", OptionList)
        scope.highlighted = 0
        scope.focus()

    def on_key(self, event: events.Key) -> None:
        """Digits and backspace go to the count wherever the focus is: pick the
        questions with the arrows, type how many, press Enter; no Tab needed."""
        count = self.query_one("#count", Input)
        if count.has_focus:
            return
        if event.character is not None and event.character.isdigit():
            count.insert_text_at_cursor(event.character)
        elif event.key == "backspace":
            count.action_delete_left()
        else:
            return
        event.stop()
        event.prevent_default()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._start(event.option_id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        scope = self.query_one("#scope", OptionList)
        option = scope.highlighted_option
        self._start(option.id if option is not None else ALL)

    def _start(self, scope: str | None) -> None:
        text = self.query_one("#count", Input).value.strip()
        limit = None
        if text:
            limit = int(text) if text.lstrip("-").isdigit() else 0
            if limit < 1:
                self.query_one("#start-error", Static).update(
                    data("How many: a number of questions, 1 or more (or blank for all).", "$error")
                )
                self.query_one("#count", Input).focus()
                return
        self.dismiss(StartChoice(section=None if scope in (None, ALL) else scope, limit=limit))
