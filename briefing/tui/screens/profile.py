"""Whose progress this is: pick a profile found under saves/, or type a new one."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing import store
from briefing.defaults import PROFILE as DEFAULT_PROFILE
from briefing.errors import SaveError
from briefing.tui.text import data
from briefing.tui.widgets.footer import KeysFooter


class ProfileScreen(Screen[str]):
    """Dismissed with a valid profile name whose saves folder is writable."""

    CSS_PATH = "dialogs.tcss"

    def __init__(self, saves: Path) -> None:
        super().__init__()
        self.saves = saves
        self.profiles = store.list_profiles(saves)

    def compose(self) -> ComposeResult:
        with Vertical(id="profile-dialog"):
            yield Static(Content("Who is taking the briefing?"), classes="title")
            if self.profiles:
                yield Static(Content("Pick a profile (arrows, Enter):"))
                yield OptionList(*[Option(data(p), id=p) for p in self.profiles], markup=False, id="profiles")
                yield Static(Content("or type a new one:"))
            else:
                yield Static(Content("Type a profile name (letters, digits, - and _):"))
            yield Input(placeholder=DEFAULT_PROFILE, id="profile-name", max_length=64)
            yield Static(id="profile-error", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        if self.profiles:
            self.query_one("#profiles").focus()
        else:
            self.query_one(Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_id or "")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._choose(event.value.strip() or DEFAULT_PROFILE)

    def _choose(self, name: str) -> None:
        try:
            profile = store.check_profile(name)
            store.check_writable(self.saves, profile)
        except SaveError as exc:
            self.query_one("#profile-error", Static).update(data(str(exc), "$error"))
            return
        self.dismiss(profile)
