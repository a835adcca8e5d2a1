"""The team: everyone who saves into this saves folder, side by side.

Who has passed which pack, each person's latest and best full quiz, and the
questions of this pack the team misses most: learn.team's figures (the same
`briefing stats --all-profiles` gives), drawn as a table and a list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import DataTable, Static

from briefing.learn import index, team
from briefing.stats import percent_text, when_text
from briefing.tui.text import data
from briefing.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

# "Done": finished sessions on the pack; the last day studied is a UTC day (80 columns).
COLUMNS = ("Profile", "Pack", "Latest", "Best", "Passed", "Done", "Last day")


class TeamScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    app: BriefingApp

    BINDINGS = [Binding("escape", "app.pop_screen", "Back")]
    HELP = "Everyone who saves into this saves folder: who has passed which pack, and what the team misses."

    def compose(self) -> ComposeResult:
        app = self.app
        loaded = index.load_all(app.saves) if app.saves.is_dir() else {}
        for profile_loaded in loaded.values():
            for problem in profile_loaded.problems:
                self.notify(problem, title="A save could not be read", severity="warning", markup=False)
        everyone = team.compute(loaded)  # every pack: who has passed which
        self.people = everyone.people
        this_pack = team.compute(loaded, app.pack)  # this pack's questions, by their prompts
        yield Static(
            Content.assemble(("Team", "bold"), "  ·  everyone saving in ", data(str(app.saves))),
            id="team-title",
        )
        with VerticalScroll(id="team-body"):
            if everyone.people:
                yield from self._people(everyone, this_pack)
            else:
                yield Static(
                    Content("No finished sessions in this saves folder yet: nobody to compare."),
                    id="no-team",
                )
        yield KeysFooter()

    def _people(self, everyone: team.Team, this_pack: team.Team) -> ComposeResult:
        app = self.app
        people = len({p.profile for p in everyone.people})
        passed = len({p.profile for p in everyone.people if p.passed and p.pack_id == app.pack.pack.id})
        yield Static(
            Content(f"{people} {'person' if people == 1 else 'people'}  ·  {passed} passed this pack"),
            classes="caption",
            id="team-summary",
        )
        yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static(
            Content("Questions of this pack the team misses most (right / asked)"), classes="caption"
        )
        if this_pack.weakest:
            with Vertical(id="team-weakest"):
                for q in this_pack.weakest:
                    with Horizontal(classes="weak"):
                        yield Static(Content(f"{q.correct}/{q.asked}"), classes="count")
                        yield Static(
                            Content.assemble(
                                data(q.prompt or q.id),
                                ("  missed by ", "dim"),
                                data(", ".join(q.missed_by) or "nobody", "dim"),
                            ),
                            classes="prompt",
                        )
        else:
            yield Static(Content("None yet on this pack."), id="team-weakest")

    def on_mount(self) -> None:
        if not self.people:
            return
        table = self.query_one("#people", DataTable)
        table.add_columns(*COLUMNS)
        for p in self.people:
            table.add_row(
                Text(p.profile),  # data: a str cell would be read as markup
                Text(p.pack_id),
                percent_text(p.latest_percent),
                percent_text(p.best_percent),
                "passed" if p.passed else "not yet",
                str(p.sessions),
                "-" if p.last_studied is None else when_text(p.last_studied)[:10],
            )
        table.focus()
