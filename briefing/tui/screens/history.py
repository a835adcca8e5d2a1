"""The profile's finished sessions on this pack: a table, a percent trend, the weakest questions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from briefing import stats
from briefing.learn import index
from briefing.stats import SESSION_COLUMNS, percent_text, session_row
from briefing.tui.text import data, pack_title
from briefing.tui.widgets.footer import KeysFooter
from briefing.tui.widgets.percent_trend import PercentTrend

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    app: BriefingApp

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("p", "app.progress", "Progress"),
        Binding("t", "app.team", "Team"),
    ]

    def compose(self) -> ComposeResult:
        app = self.app
        sessions = []
        if app.profile is not None:  # none yet: nothing of theirs to read
            loaded = index.load(app.saves, app.profile)  # the saves index: not every file parsed again
            for problem in loaded.problems:
                self.notify(problem, title="A save could not be read", severity="warning", markup=False)
            sessions = loaded.sessions
        result = stats.compute(sessions, app.pack)
        self.result = result

        yield Static(
            pack_title("History", app.profile),
            id="history-title",
        )
        with VerticalScroll(id="history-body"):
            if result.sessions == 0:
                yield Static(
                    Content("No finished sessions yet. Take the quiz, and come back."), id="no-history"
                )
            else:
                plural = "s" if result.sessions != 1 else ""
                yield Static(
                    Content(
                        f"{result.sessions} finished session{plural}  ·  full quizzes: "
                        f"last {percent_text(result.last_percent)}  ·  "
                        f"best {percent_text(result.best_percent)}  ·  "
                        f"mean {percent_text(result.mean_percent)}"
                    ),
                    id="totals",
                )
                full = result.full_quizzes()
                if full:
                    yield Static(Content("Percent over time, full quizzes, oldest first:"), classes="caption")
                    yield PercentTrend([s.percent for s in full], [s.passed for s in full], id="trend")
                else:
                    yield Static(
                        Content(
                            "No full quiz yet: the trend charts full quizzes, not retries or --limit runs."
                        ),
                        classes="caption",
                        id="trend-empty",
                    )
                table: DataTable = DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
                yield table
                yield Static(Content("Weakest questions (right / asked)"), classes="caption")
                if result.weakest:
                    with Vertical(id="weakest"):
                        for q in result.weakest:
                            with Horizontal(classes="weak"):
                                yield Static(Content(f"{q.correct}/{q.asked}"), classes="count")
                                yield Static(data(q.prompt or q.id), classes="prompt")
                else:
                    yield Static(Content("None: every question asked was answered right."), id="weakest")
        yield KeysFooter()

    def on_mount(self) -> None:
        result = self.result
        if result.sessions == 0:
            return
        table = self.query_one("#sessions", DataTable)
        table.add_columns(*SESSION_COLUMNS)
        for s in reversed(result.sessions_list):
            table.add_row(*session_row(s))
        table.focus()
