"""Which pack: `--pack` named a folder of several, so the UI opens on this list.

Each pack's title, source and number of questions, and this profile's last
result on it and how many of its questions are due for review (from the
saves, as `briefing packs` and `briefing due` say). A file in the folder that
is not a valid pack is listed below as a note, not an error.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing import stats, store
from briefing.learn import index, schedule
from briefing.library import Entry
from briefing.tui.text import data, lines
from briefing.tui.widgets.footer import KeysFooter

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class PickerScreen(Screen[None]):
    # Its own CSS, not a CSS_PATH: as the default screen it is built without reading one.
    DEFAULT_CSS = """
    PickerScreen #picker {
        height: 1fr;
        padding: 0 1;
    }
    PickerScreen #picker-title {
        margin: 0 0 1 0;
    }
    PickerScreen #packs {
        height: auto;
        max-height: 1fr;
    }
    PickerScreen #picker-notes {
        height: auto;
        margin: 1 0 0 0;
        color: $text-muted;
    }
    """
    app: BriefingApp

    HELP = "Arrows pick a pack and Enter opens its briefing; Escape on the briefing comes back here."

    def compose(self) -> ComposeResult:
        entries = self.app.library
        folder = entries[0].path.parent if entries else None
        with Vertical(id="picker"):
            yield Static(
                Content.assemble(
                    ("Which pack?", "bold"), f"  ·  {len(entries)} packs in ", data(str(folder or ""))
                ),
                id="picker-title",
            )
            yield OptionList(id="packs", markup=False)
            notes = self.app.library_notes
            if notes:
                yield Static(
                    lines(
                        [Content.styled("Not listed (not a valid pack):", "bold $warning")]
                        + [data(n) for n in notes]
                    ),
                    id="picker-notes",
                )
        yield KeysFooter()

    def on_mount(self) -> None:
        self.refresh_state()
        self.query_one("#packs").focus()

    def on_screen_resume(self) -> None:
        self.refresh_state()

    def refresh_state(self) -> None:
        """The list, with this profile's last result and due count on each pack."""
        app = self.app
        sessions: list = []
        if app.profile is not None:
            loaded = index.load(app.saves, app.profile)
            sessions = loaded.sessions
        folder = store.profile_dir(app.saves, app.profile) if app.profile is not None else None
        cache = folder if folder is not None and folder.is_dir() else None
        now = app.now()
        options: list[Option | None] = []
        for n, entry in enumerate(app.library):
            if n:
                options.append(None)  # a rule between packs
            options.append(Option(self._describe(entry, sessions, cache, now), id=str(n)))
        packs = self.query_one("#packs", OptionList)
        highlighted = packs.highlighted
        packs.clear_options()
        packs.add_options(options)
        packs.highlighted = highlighted if highlighted is not None else 0

    def _describe(self, entry: Entry, sessions: list, cache, now) -> Content:
        info = entry.pack.pack
        source = f"{info.source.title} — {info.source.publisher}, {info.source.date}"
        n = len(entry.pack.questions)
        facts = f"{n} question{'s' if n != 1 else ''}"
        if self.app.profile is not None:
            mine = [s for s in sessions if s.pack_id == info.id]
            facts += f"  ·  last result: {stats.last_result_text(stats.compute(mine, entry.pack))}"
            if mine:
                cards = schedule.build(mine, entry.pack, now, cache)
                facts += f"  ·  {len(schedule.due_now(cards, now))} due"
        return lines([data(info.title, "bold"), data(source, "dim"), Content(facts)])

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._open(event.option_id)

    def _open(self, option_id: str | None) -> None:
        if option_id is not None:
            self.app.open_pack(self.app.library[int(option_id)].pack)
