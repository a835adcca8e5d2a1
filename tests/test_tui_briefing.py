"""The briefing screen (and its key-figures table), driven by Pilot."""

from __future__ import annotations

from conftest import (
    SIZE,
    static_text,
    sync,
    visible_text,
)
from textual.widgets import Markdown, OptionList

from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.key_figures import KeyFiguresScreen


@sync
async def test_briefing_shows_title_source_sections_and_key_figures(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BriefingScreen)
        assert static_text(screen, "#pack-title") == "Compute and budget, in brief"
        assert "A test article — Test Wire, 2026 (https://example.com/article)" in static_text(
            screen, "#source"
        )
        toc = screen.query_one("#toc", OptionList)
        assert [toc.get_option_at_index(i).id for i in range(toc.option_count)] == [
            "overview",
            "key-figures",
            "people",
        ]
        assert app.focused is toc
        assert "Training compute investment rose roughly fivefold" in visible_text(app)

        # Down to the last section: the reader scrolls to it.
        await pilot.press("down", "down")
        await pilot.pause()
        assert screen.query_one("#sections").scroll_y > 0

        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, KeyFiguresScreen)
        text = visible_text(app)
        assert "Key figures" in text and "1.89 billion yuan" in text and "Q1 R&D expenses" in text
        await pilot.press("escape")
        assert isinstance(app.screen, BriefingScreen)


@sync
async def test_links_are_shown_not_opened(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves)
    opened = []
    app.open_url = lambda url, **kw: opened.append(url)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        markdown = app.screen.query_one("#section-overview Markdown", Markdown)
        markdown.post_message(Markdown.LinkClicked(markdown, "https://example.com/article"))
        await pilot.pause()
        assert opened == []
        assert any("not opened" in str(n.message) for n in app._notifications)
        assert isinstance(app.screen, BriefingScreen)
