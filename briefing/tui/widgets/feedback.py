"""What the engine said about an answer: right or wrong, the expected answer, why, the trap;
or why an answer could not be read (the question stays open)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from briefing.tui.text import data, labelled, lines

if TYPE_CHECKING:
    from briefing.grading.grader import Verdict


class Feedback(Static):
    """Shows a Verdict; hidden until there is one.

    Shown and hidden by its own `display`, not by a class: a class waits for the
    stylesheet's next pass, a frame later, and the verdict is what a person waits for."""

    DEFAULT_CSS = """
    Feedback {
        height: auto;
        padding: 0 1;
        margin: 1 0 0 0;
        border-left: thick $panel;
        display: none;
    }
    Feedback.-right {
        border-left: thick $success;
    }
    Feedback.-wrong {
        border-left: thick $error;
    }
    Feedback.-again, Feedback.-peeked {
        border-left: thick $warning;
    }
    """

    def show(self, verdict: Verdict, peeked: bool = False) -> None:
        """A recorded answer; `peeked`: given after a peek at its section (a right one scores nothing)."""
        out: list[Content] = []
        if verdict.correct and peeked:
            out.append(Content.styled("✔ Right, after a peek: not scored", "bold $warning"))
        elif verdict.correct:
            out.append(Content.styled("✔ Right", "bold $success"))
        elif verdict.skipped:
            out.append(Content.styled("✘ Skipped", "bold $error"))
        else:
            out.append(Content.styled("✘ Wrong", "bold $error"))
        if not verdict.skipped:
            out.append(labelled("Your answer: ", verdict.given))
        out.append(labelled("Expected: ", verdict.expected))
        out.append(data(verdict.explanation))
        for hint in (verdict.trap, verdict.note):
            if hint:
                out.append(labelled("Careful: ", hint, "bold $warning"))
        self.update(lines(out))
        self.remove_class("-again")
        self.set_class(verdict.correct and not peeked, "-right")
        self.set_class(verdict.correct and peeked, "-peeked")
        self.set_class(not verdict.correct, "-wrong")
        self.display = True

    def ask_again(self, verdict: Verdict) -> None:
        """An answer the engine could not read: why, and that the question is still open."""
        out = [
            Content.assemble(("? Could not read that: ", "bold $warning"), data(verdict.note or "no answer")),
            Content.styled("Change it and press Enter again (ctrl+s skips).", "$text-muted"),
        ]
        self.update(lines(out))
        self.remove_class("-right", "-wrong", "-peeked")
        self.add_class("-again")
        self.display = True

    def clear(self) -> None:
        self.update("")
        self.remove_class("-right", "-wrong", "-again", "-peeked")
        self.display = False
