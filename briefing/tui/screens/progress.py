"""Progress on this pack as charts: score over time, mastery per section, the streak of days.

The figures are learn.progress's (the same `briefing stats --format json` gives);
this screen only draws them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from briefing import store
from briefing.learn import index, progress, schedule
from briefing.stats import percent_text
from briefing.tui.text import data, pack_title
from briefing.tui.widgets.charts import bar, day_strip
from briefing.tui.widgets.footer import KeysFooter
from briefing.tui.widgets.percent_trend import PercentTrend

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

TITLE_WIDTH = 22  # a section's title, cut to fit 80 columns beside its bar
BAR_WIDTH = 16
DAYS_SHOWN = 28


class ProgressScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    app: BriefingApp

    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("h", "app.history", "History"),
        Binding("t", "app.team", "Team"),
    ]
    HELP = "Score over time, mastery per section and the streak of days studied, on this pack."

    def compose(self) -> ComposeResult:
        app = self.app
        now = app.now()
        sessions: list = []
        cards: list = []
        if app.profile is not None:  # none yet: nothing of theirs to read
            loaded = index.load(app.saves, app.profile)
            for problem in loaded.problems:
                self.notify(problem, title="A save could not be read", severity="warning", markup=False)
            sessions = [s for s in loaded.sessions if s.pack_id == app.pack.pack.id]
            if sessions:
                folder = store.profile_dir(app.saves, app.profile)
                cards = schedule.build(sessions, app.pack, now, folder if folder.is_dir() else None)
        figures = progress.compute(sessions, app.pack, cards, now)
        self.figures = figures

        yield Static(
            pack_title("Progress", app.profile),
            id="progress-title",
        )
        with VerticalScroll(id="progress-body"):
            yield from self._score(figures)
            yield from self._mastery(figures)
            yield from self._streak(figures, progress.study_days(sessions), now.date())
        yield KeysFooter()

    def _score(self, figures: progress.Progress) -> ComposeResult:
        full = [p for p in figures.score_over_time if p.scope == "full"]
        others = len(figures.score_over_time) - len(full)
        yield Static(Content("Score over time, full quizzes, oldest first"), classes="caption")
        if not full:
            yield Static(
                Content("No full quiz yet: take the quiz, and your score is charted here."), id="no-score"
            )
        else:
            yield PercentTrend([p.percent for p in full], [p.passed for p in full], id="score-trend")
            passed = sum(p.passed for p in full)
            line = (
                f"{len(full)} full quiz{'zes' if len(full) != 1 else ''}, {passed} passed  ·  "
                f"first {percent_text(full[0].percent)}  ·  latest {percent_text(full[-1].percent)}"
            )
            if others:
                line += f"  ·  {others} other session{'s' if others != 1 else ''} not charted"
            yield Static(Content(line), id="score-summary")

    def _mastery(self, figures: progress.Progress) -> ComposeResult:
        yield Static(
            Content("Mastery per section: right on its latest answer  ·  fsrs recall now"), classes="caption"
        )
        for m in figures.mastery:
            title = m.title if len(m.title) <= TITLE_WIDTH else m.title[: TITLE_WIDTH - 1] + "…"
            yield Static(
                Content.assemble(
                    data(title.ljust(TITLE_WIDTH)),
                    " ",
                    bar(m.mastery / 100, BAR_WIDTH),
                    f" {m.mastery:5.1f}%  ",
                    (f"recall {100 * m.retrievability:3.0f}%", "$accent"),
                    (f"  {m.seen}/{m.questions} seen", "dim"),
                ),
                classes="mastery",
            )

    def _streak(self, figures: progress.Progress, studied: list, today) -> ComposeResult:
        s = figures.streak
        yield Static(Content(f"Days studied, the last {DAYS_SHOWN} up to today (UTC)"), classes="caption")
        yield Static(day_strip(set(studied), today, DAYS_SHOWN), id="days")
        if s.days_studied == 0:
            text = "No day studied yet: a streak counts the days with an answer."
        else:
            text = (
                f"Streak: {s.current} day{'s' if s.current != 1 else ''} in a row  ·  "
                f"longest {s.longest}  ·  {s.days_studied} day{'s' if s.days_studied != 1 else ''} studied"
            )
        yield Static(Content(text), id="streak")
