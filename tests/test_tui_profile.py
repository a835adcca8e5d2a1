"""The profile picker: listed profiles, a typed name checked, then on to the briefing or a resume."""

from __future__ import annotations

from conftest import (
    SIZE,
    quit_midway,
    static_text,
    sync,
    wait_for_screen,
)
from textual.widgets import Input, OptionList

from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.profile import ProfileScreen
from briefing.tui.screens.resume import ResumeScreen


@sync
async def test_profile_picker_lists_profiles_and_checks_a_typed_name(tui_pack, saves, make_app):
    (saves / "bo").mkdir(parents=True)
    (saves / "zoe").mkdir()
    (saves / "not a profile").mkdir()
    app = make_app(tui_pack, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        profiles = screen.query_one("#profiles", OptionList)
        assert [profiles.get_option_at_index(i).id for i in range(profiles.option_count)] == ["bo", "zoe"]
        await pilot.press("tab")
        await pilot.press("a", "space", "b", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert "must be 1-64 letters, digits, '-' or '_'" in static_text(screen, "#profile-error")
        screen.query_one(Input).value = ""
        await pilot.press("c", "l", "a", "r", "a", "enter")
        await pilot.pause()
        assert app.profile == "clara"
        assert isinstance(app.screen, BriefingScreen)
        assert static_text(app.screen, "#profile") == "Profile: clara"
        assert (saves / "clara").is_dir()


@sync
async def test_profile_picker_enter_on_a_listed_profile_or_empty_for_default(tui_pack, saves, make_app):
    (saves / "bo").mkdir(parents=True)
    app = make_app(tui_pack, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.profile == "bo"
    app = make_app(tui_pack, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.profile == "default"


@sync
async def test_profile_picker_then_resume(tui_pack, saves, make_app):
    await quit_midway(tui_pack, saves, 1)  # profile "ana"
    app = make_app(tui_pack, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # "ana", the only profile
        await pilot.pause()
        await wait_for_screen(pilot, ResumeScreen)  # found by a thread once the app is quiet
