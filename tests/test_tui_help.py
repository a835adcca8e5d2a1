"""The help screen and the keys: help, theme, quit and resize; the footer's bindings."""

from __future__ import annotations

from conftest import (
    SIZE,
    static_text,
    sync,
    visible_text,
)

from briefing.tui.app import BriefingApp
from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.help import groups as help_groups
from briefing.tui.screens.quiz import QuizScreen


@sync
async def test_help_theme_quit_and_resize(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = static_text(app.screen, "#keys")
        for key in ("^q", "^s", "f2 ^p", "^t", "\n  r ", "\n  k ", "\n  t ", "\n  a b c d e "):
            assert key in text
        # Built from the bindings: every described key of every screen is listed.
        for where, node in help_groups(app):
            assert where in text
            for binding in node.__dict__.get("BINDINGS", []):
                if binding.description:
                    assert binding.description in text, (where, binding)
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")

        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        assert not app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark

        for size in ((60, 20), (120, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert "Start quiz" in visible_text(app)
        await pilot.press("s")
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        assert "Question 1 of 8" in visible_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


def test_the_footer_shows_the_keys():
    bindings = {b.key: b for b in QuizScreen.BINDINGS}
    assert {"ctrl+s", "f2", "ctrl+p", "n", "escape"} <= set(bindings)
    assert {b.key for b in BriefingScreen.BINDINGS} >= {"s", "k", "h"}
    assert {b.key for b in BriefingApp.BINDINGS} >= {"ctrl+q", "f1", "question_mark", "ctrl+t"}
