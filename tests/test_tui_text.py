"""Text from the pack and the person is data: shown literally, never read as markup or links."""

from __future__ import annotations

from dataclasses import replace

from conftest import (
    PACK_TOML,
    SIZE,
    current_id,
    next_question,
    saved_records,
    static_text,
    sync,
    visible_text,
    write_pack,
)
from textual.widgets import Input

from briefing import pack as packs
from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.quiz import QuizScreen

HOSTILE = (
    PACK_TOML.replace(
        'title = "Compute and budget, in brief"', 'title = "[bold]Bold?[/bold] [@click=app.quit]Quit[/]"'
    )
    .replace(
        'prompt = "By how much did training compute investment rise this year?"',
        'prompt = "[@click=app.quit]Click me[/] [bold]rise[/bold] [red]this year?"',
    )
    .replace(
        "Cedar, Banyan and Coconut shipped together this spring.",
        "Cedar, Banyan and Coconut shipped together [@click=app.quit]this spring[/]. [x](app.quit)",
    )
)


@sync
async def test_pack_and_user_text_is_shown_literally(tmp_path, saves, make_app):
    pack = packs.load(write_pack(tmp_path, HOSTILE))
    # An escape code cannot get into a valid pack; build one past validation.
    section = replace(pack.sections[0], title="\x1b[31mRed overview")
    pack = replace(pack, sections=[section, *pack.sections[1:]])
    app = make_app(pack, saves, seed=1)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert static_text(screen, "#pack-title") == "[bold]Bold?[/bold] [@click=app.quit]Quit[/]"
        text = visible_text(app)
        assert "[bold]Bold?[/bold] [@click=app.quit]Quit[/]" in text
        assert "\\x1b[31mRed overview" in text
        assert "[@click=app.quit]this spring[/]" in text
        await pilot.click("#pack-title")
        await pilot.click("#section-overview .section-title")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, BriefingScreen)

        await pilot.press("s")
        await pilot.pause()
        while current_id(app) != "fivefold":
            await pilot.press("ctrl+s")
            await next_question(pilot)
        prompt = static_text(app.screen, "#prompt")
        assert prompt == "[@click=app.quit]Click me[/] [bold]rise[/bold] [red]this year?"
        assert prompt in visible_text(app)
        await pilot.click("#prompt")
        await pilot.pause()
        assert app.is_running

        typed = app.screen.query_one("#typed", Input)
        # Two figures (31 and six): asked again, the text kept as typed in its box.
        typed.value = "\x1b[31m[bold]six[/bold] [@click=app.quit]x[/]"
        typed.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert static_text(app.screen, "#feedback").startswith("? Could not read that: give one figure")
        assert typed.value == "\x1b[31m[bold]six[/bold] [@click=app.quit]x[/]" and app.is_running
        typed.value = "\x1b[bold]six[/bold] [@click=app.quit]x[/]"
        await pilot.press("enter")
        await pilot.pause()
        feedback = static_text(app.screen, "#feedback")
        assert "Your answer: \\x1b[bold]six[/bold] [@click=app.quit]x[/]" in feedback
        assert "\\x1b[bold]six[/bold]" in visible_text(app)
        await pilot.click("#feedback")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QuizScreen)
    saved = saved_records(saves)[0]["answers"]
    assert saved[-1]["given"] == "\x1b[bold]six[/bold] [@click=app.quit]x[/]"  # stored as typed
