"""Where the person answers a question: typed, a choice, or true/false.

Each box posts `AnswerBox.Answered(text)` with what to hand to the engine:
the typed text, the chosen option's text, or "true"/"false". Nothing here
judges an answer.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.pack import OPTION_LABELS, option_label
from briefing.tui.text import data

HINTS = {
    "figure": "Type the figure, with its unit or scale, then Enter.",
    "attribution": "Type who said it, then Enter.",
    "list": "Type every item, separated by commas, then Enter.",
}


class AnswerBox(Vertical):
    """Base of the answer boxes."""

    DEFAULT_CSS = """
    AnswerBox {
        height: auto;
    }
    AnswerBox > .hint {
        color: $text-muted;
        padding: 0 1;
    }
    AnswerBox > OptionList {
        height: auto;
        max-height: 7;
    }
    """

    class Answered(Message):
        """The person gave `text` as their answer."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    hint = ""

    def compose(self) -> ComposeResult:
        yield Static(Content(self.hint), classes="hint")

    def focus_answer(self) -> None:
        """Put the keyboard on the part that takes the answer."""

    def answer(self, text: str) -> None:
        if not self.disabled:
            self.post_message(self.Answered(text))

    def pick(self, key: str) -> None:
        """A key meant for a choice ("a"-"e") or a true/false ("true", "false"); others ignore it."""


class TypedAnswer(AnswerBox):
    """An Input; Enter submits what was typed."""

    def __init__(self, kind: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.hint = HINTS.get(kind, "Type your answer, then Enter.")

    def compose(self) -> ComposeResult:
        yield from super().compose()
        # Not selected on focus: text kept through a peek, a visit to the briefing or an
        # answer asked again is added to, not replaced by the next key.
        yield Input(placeholder="Your answer", id="typed", select_on_focus=False)

    def focus_answer(self) -> None:
        self.query_one(Input).focus()

    @property
    def value(self) -> str:
        return self.query_one(Input).value

    @value.setter
    def value(self, text: str) -> None:
        box = self.query_one(Input)
        box.value = text
        box.cursor_position = len(text)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.notify("Type an answer first, or press ctrl+s to skip.", severity="warning")
            return
        self.answer(event.value)


class ChoiceAnswer(AnswerBox):
    """Options labelled a) to e), as the headless quiz shows them: a letter answers at
    once; the arrows then Enter also work."""

    BINDINGS = [Binding(label, f"pick('{label}')", f"Option {label}", show=False) for label in OPTION_LABELS]
    hint = "Press the option's letter, or pick it with the arrows and press Enter."

    def __init__(self, options: list[str], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = list(options)

    def compose(self) -> ComposeResult:
        yield from super().compose()
        prompts = [
            Option(
                Content.assemble((f"{option_label(i)}) ", "bold"), data(text)), id=f"option-{option_label(i)}"
            )
            for i, text in enumerate(self.options)
        ]
        yield OptionList(*prompts, markup=False, id="options")

    def focus_answer(self) -> None:
        self.query_one(OptionList).focus()

    def action_pick(self, label: str) -> None:
        index = OPTION_LABELS.find(label) if len(label) == 1 else -1
        if 0 <= index < len(self.options):
            self.query_one(OptionList).highlighted = index
            self.answer(self.options[index])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.answer(self.options[event.option_index])

    def pick(self, key: str) -> None:
        self.action_pick(key)


class TrueFalseAnswer(AnswerBox):
    """t or f; or the arrows then Enter."""

    BINDINGS = [
        Binding("t", "pick('true')", "True"),
        Binding("f", "pick('false')", "False"),
    ]
    hint = "Press t for true or f for false (or the arrows and Enter)."

    def compose(self) -> ComposeResult:
        yield from super().compose()
        yield OptionList(
            Option(Content.assemble(("t", "bold underline"), "rue"), id="true"),
            Option(Content.assemble(("f", "bold underline"), "alse"), id="false"),
            markup=False,
            id="options",
        )

    def focus_answer(self) -> None:
        self.query_one(OptionList).focus()

    def action_pick(self, value: str) -> None:
        self.query_one(OptionList).highlighted = 0 if value == "true" else 1
        self.answer(value)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.answer(event.option_id or "")

    def pick(self, key: str) -> None:
        if key in ("true", "false"):
            self.action_pick(key)


def answer_box_for(question, *, id: str | None = None) -> AnswerBox:
    if question.kind == "choice":
        return ChoiceAnswer(question.options, id=id)
    if question.kind == "truefalse":
        return TrueFalseAnswer(id=id)
    return TypedAnswer(question.kind, id=id)
