"""The pack picker: --pack names a folder of several packs, so the UI opens on a list
of them (title, source, questions, this profile's last result and due count), then the
briefing of the one chosen; a file there that is not a valid pack is a note, not fatal."""

from __future__ import annotations

import argparse
import shutil

import pytest
from conftest import (
    PACK_TOML,
    SIZE,
    SMALL_PACK,
    Clock,
    save_quiz,
    sync,
    visible_text,
    wait_for_screen,
    write_pack,
)

from briefing import library
from briefing.errors import UsageError


@pytest.fixture
def shelf(tmp_path):
    """A folder of two packs (the tui pack and the small one) and a broken one."""
    folder = tmp_path / "shelf"
    folder.mkdir()
    write_pack(
        folder,
        PACK_TOML.replace('title = "Compute and budget, in brief"', 'title = "[b]Compute[/b] in brief"'),
    )
    shutil.copy(SMALL_PACK, folder / "small.toml")
    (folder / "broken.toml").write_text('[pack]\nid = "broken"\n', encoding="utf-8")
    return folder


def picker_app(folder, saves, profile="ana"):
    from briefing.tui.app import BriefingApp

    entries, notes = library.find(folder)
    return BriefingApp(
        None, library=entries, library_notes=notes, profile=profile, saves=saves, clock=Clock()
    )


def _picker():
    from briefing.tui.screens.picker import PickerScreen

    return PickerScreen


def _briefing():
    from briefing.tui.screens.briefing import BriefingScreen

    return BriefingScreen


@sync
async def test_the_picker_lists_each_pack_and_notes_the_broken_one(shelf, saves):
    app = picker_app(shelf, saves)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, _picker())
        text = visible_text(app)
        assert "Which pack?  ·  2 packs in" in text
        assert "[b]Compute[/b] in brief" in text  # a pack's title is data, not markup
        assert "A test article — Test Wire, 2026" in text
        assert "8 questions  ·  last result: -" in text
        # The first of its problems in the order validate lists them (what no line holds first).
        assert "Not listed (not a valid pack):" in text and "field 'sections': required" in text


@sync
async def test_the_last_result_and_due_count_then_the_chosen_packs_briefing(shelf, saves, fixed_now):
    from briefing.tui.screens.history import HistoryScreen

    tui_pack = library.load_one(shelf / "questions.toml")
    save_quiz(tui_pack, saves, wrong=["unop-qoq", "rd-up"], when=fixed_now.replace(day=1))
    app = picker_app(shelf, saves)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, _picker())
        text = visible_text(app)
        assert "last result: 75.0% pass 2026-01-01  ·  8 due" in text  # every card is due 4 days on
        await pilot.press("enter")  # the first by title: "[b]Compute..."
        await wait_for_screen(pilot, _briefing())
        assert app.pack.pack.id == "tui-test"
        assert "[b]Compute[/b] in brief" in visible_text(app)
        await pilot.press("h")
        history = await wait_for_screen(pilot, HistoryScreen)
        assert history.result.sessions == 1
        await pilot.press("escape")
        await wait_for_screen(pilot, _briefing())
        await pilot.press("escape")  # back to the packs
        await wait_for_screen(pilot, _picker())
        await pilot.press("down", "enter")
        await wait_for_screen(pilot, _briefing())
        assert app.pack.pack.id == "small" and app.session is None
        await pilot.press("h")
        history = await wait_for_screen(pilot, HistoryScreen)
        assert history.result.sessions == 0  # history is per pack


@sync
async def test_without_a_profile_it_asks_first_then_shows_their_results(shelf, saves):
    from textual.widgets import Input

    from briefing.tui.screens.profile import ProfileScreen

    app = picker_app(shelf, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ProfileScreen)
        app.screen.query_one(Input).value = "cy"
        await pilot.press("enter")
        await wait_for_screen(pilot, _picker())
        assert app.profile == "cy" and "last result: -" in visible_text(app)


def test_run_app_opens_the_picker_on_a_folder_of_several_packs(shelf, saves, monkeypatch):
    from briefing.tui import run_app
    from briefing.tui.app import BriefingApp

    started = []
    monkeypatch.setattr(BriefingApp, "run", lambda self: started.append(self))
    args = argparse.Namespace(pack=str(shelf), profile="ana", saves=str(saves), seed=None, limit=None)
    assert run_app(args) == 0
    [app] = started
    assert [e.pack.pack.id for e in app.library] == ["tui-test", "small"]
    assert len(app.library_notes) == 1
    with pytest.raises(RuntimeError, match="no pack is chosen yet"):
        app.pack  # noqa: B018
    args.section = "overview"
    with pytest.raises(UsageError, match="--section needs one pack"):
        run_app(args)
