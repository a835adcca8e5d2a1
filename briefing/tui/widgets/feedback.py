"""What the engine said about an answer: right or wrong, the expected answer, why, the trap."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from briefing.grading.grader import Verdict
from briefing.tui.text import data, labelled, lines


class Feedback(Static):
    """Shows a Verdict; hidden until there is one."""

    DEFAULT_CSS = """
    Feedback {
        height: auto;
        padding: 0 1;
        margin: 1 0 0 0;
        border-left: thick $panel;
        display: none;
    }
    Feedback.-shown {
        display: block;
    }
    Feedback.-right {
        border-left: thick $success;
    }
    Feedback.-wrong {
        border-left: thick $error;
    }
    """

    def show(self, verdict: Verdict) -> None:
        out: list[Content] = []
        if verdict.correct:
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
        self.set_class(verdict.correct, "-right")
        self.set_class(not verdict.correct, "-wrong")
        self.add_class("-shown")

    def clear(self) -> None:
        self.update("")
        self.remove_class("-shown", "-right", "-wrong")
