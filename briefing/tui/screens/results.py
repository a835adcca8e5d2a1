"""Results: the score against the pass mark, every missed question with its excerpt, and
apart from them the questions answered right after a peek (not scored)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Static

from briefing.engine import Outcome, Session
from briefing.excerpts import excerpt
from briefing.tui.text import data, labelled, lines
from briefing.tui.widgets.footer import KeysFooter
from briefing.tui.widgets.section_view import SectionView

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def _number(value: float) -> str:
    return f"{value:g}"


class MissedQuestion(Vertical):
    """One missed question: what was given, what was expected, and where the briefing says so."""

    DEFAULT_CSS = """
    MissedQuestion {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
        border-left: thick $error;
    }
    MissedQuestion > SectionView {
        margin: 0 0 0 2;
        padding: 0;
        border-left: outer $panel;
    }
    MissedQuestion > SectionView > .section-title {
        margin: 0;
        color: $text-muted;
        text-style: italic;
    }
    """

    def __init__(self, number: int, outcome: Outcome, section_title: str, passage: str) -> None:
        super().__init__()
        self.number = number
        self.outcome = outcome
        self.section_title = section_title
        self.passage = passage

    def compose(self) -> ComposeResult:
        q, given, verdict = self.outcome.question, self.outcome.record.given, self.outcome.verdict
        out = [Content.assemble((f"{self.number}. ", "bold"), data(q.prompt, "bold"))]
        if verdict.skipped or not given.strip():
            out.append(Content.styled("Given: (skipped)", "$text-muted"))
        else:
            out.append(labelled("Given: ", given))
        out.append(labelled("Expected: ", verdict.expected))
        out.append(data(verdict.explanation))
        for hint in (verdict.trap, verdict.note):
            if hint:
                out.append(labelled("Careful: ", hint, "bold $warning"))
        out.append(Content.styled("From the briefing:", "$text-muted"))
        yield Static(lines(out), classes="missed-text", markup=False)
        yield SectionView(self.section_title, self.passage)


class PeekedQuestion(Static):
    """One question answered right after a peek at its section: shown, not scored."""

    DEFAULT_CSS = """
    PeekedQuestion {
        height: auto;
        margin: 0 0 1 0;
        padding: 0 1;
        border-left: thick $warning;
    }
    """

    def __init__(self, number: int, outcome: Outcome) -> None:
        q = outcome.question
        super().__init__(
            lines(
                [
                    Content.assemble((f"{number}. ", "bold"), data(q.prompt, "bold")),
                    labelled("Given: ", outcome.record.given),
                    Content.styled("Right, after a peek at its section: not scored.", "$text-muted"),
                ]
            ),
            markup=False,
        )


class ResultsScreen(Screen[None]):
    CSS_PATH = "results.tcss"
    app: BriefingApp

    BINDINGS = [
        Binding("r", "retry", "Retry missed"),
        Binding("w", "drill", "Drill my mistakes", show=False),  # on its button: the footer is full
        Binding("h", "app.history", "History"),
        Binding("escape", "app.pop_screen", "Briefing"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.missed = session.missed()
        self.peeked = session.peeked_right()

    def compose(self) -> ComposeResult:
        session = self.session
        mark = session.pack.pack.pass_mark
        verdict = ("PASS", "bold $success") if session.passed else ("FAIL", "bold $error")
        score = f"{session.score} of {session.total} right  ·  "
        percent = f"{_number(session.percent)}%  ·  "
        if self.peeked:
            peeks = f"{len(self.peeked)} right after a peek, not scored  ·  "
            summary = Content.assemble((score, "bold"), (peeks, "bold $warning"), (percent, "bold"))
        else:
            summary = Content.styled(score + percent, "bold")
        yield Static(
            Content.assemble(summary, verdict, f"  (pass mark {_number(mark)}%)"),
            id="summary",
        )
        with VerticalScroll(id="missed"):
            if not self.missed:
                everything = "" if self.peeked else ": every answer was right"
                yield Static(Content(f"Nothing missed{everything}."), id="none-missed")
            for n, outcome in enumerate(self.missed, 1):
                q = outcome.question
                title = session.pack.section(q.section).title
                yield MissedQuestion(n, outcome, title, excerpt(q, session.pack))
            if self.peeked:
                yield Static(
                    Content.styled(f"Right after a peek, not scored: {len(self.peeked)}", "bold $warning"),
                    id="peeked-title",
                )
                for n, outcome in enumerate(self.peeked, 1):
                    yield PeekedQuestion(n, outcome)
        with Horizontal(id="actions"):
            if self.missed:
                yield Button(
                    f"Retry the {len(self.missed)} missed", id="retry", variant="primary", compact=True
                )
            yield Button("Drill my mistakes (w)", id="drill", compact=True)
            yield Button("History", id="history", compact=True)
            yield Button("Briefing", id="briefing", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        missed = self.query_one("#missed")
        missed.border_title = f"Missed questions: {len(self.missed)}"
        if self.peeked:
            missed.border_title += f" · right after a peek: {len(self.peeked)}"
        missed.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "retry":
            return bool(self.missed)
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "retry":
            self.action_retry()
        elif event.button.id == "drill":
            self.action_drill()
        elif event.button.id == "history":
            self.app.action_history()
        else:
            self.app.pop_screen()

    def action_drill(self) -> None:
        """This profile's weakest questions over every session, weakest first (the core's
        --weakest plan), rated as a review is."""
        self.app.open_review(weakest=True, replace=True)

    def action_retry(self) -> None:
        if self.missed:
            self.app.open_quiz(only=[o.question.id for o in self.missed], replace=True)
