"""Where the quiz is: "Question 3 of 45", the running score and a progress bar."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import ProgressBar, Static


class ScoreBar(Vertical):
    """The quiz's position and score; call `show(position, total, score)` to update."""

    DEFAULT_CSS = """
    ScoreBar {
        height: auto;
        padding: 0 1;
    }
    ScoreBar > Horizontal {
        height: 1;
    }
    ScoreBar #number {
        width: 1fr;
        text-style: bold;
    }
    ScoreBar #score {
        width: auto;
    }
    ScoreBar ProgressBar {
        width: 100%;
    }
    ScoreBar ProgressBar Bar {
        width: 1fr;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Static(id="number")
            yield Static(id="score")
        yield ProgressBar(show_eta=False, id="progress")

    def show(
        self, position: int, total: int, score: int, asking: bool = True, kind: str = "Question"
    ) -> None:
        """`position` questions done of `total`; `asking`: a question is on screen."""
        number = min(position + 1, total) if asking else position
        self.query_one("#number", Static).update(Content(f"{kind} {number} of {total}"))
        self.query_one("#score", Static).update(Content(f"Score {score} of {position}"))
        self.query_one(ProgressBar).update(total=total, progress=position)
