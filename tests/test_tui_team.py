"""The team screen: everyone saving into one folder, who passed which pack, and the
questions of this pack the team misses most (learn.team's figures)."""

from __future__ import annotations

from datetime import timedelta

from conftest import SIZE, save_quiz, static_text, sync, visible_text, wait_for_screen
from textual.widgets import DataTable

from briefing.learn import index, team


def _team_screen():
    from briefing.tui.screens.team import TeamScreen

    return TeamScreen


async def _open_team(pilot):
    await pilot.press("h")
    await pilot.pause()
    await pilot.press("t")
    return await wait_for_screen(pilot, _team_screen())


@sync
async def test_an_empty_saves_folder_has_nobody_to_compare(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await _open_team(pilot)
        assert "No finished sessions in this saves folder yet" in visible_text(app)


@sync
async def test_who_passed_their_latest_and_best_and_what_the_team_misses(
    tui_pack, saves, make_app, fixed_now
):
    earlier = fixed_now - timedelta(days=1)
    save_quiz(tui_pack, saves, profile="ana", wrong=["unop-qoq"], when=earlier)
    save_quiz(tui_pack, saves, profile="ana", wrong=["unop-qoq", "rd-up", "who-tenth", "platforms"], seed=1)
    save_quiz(tui_pack, saves, profile="bo", wrong=["unop-qoq", "rd-up", "who-tenth", "platforms"])
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        screen = await _open_team(pilot)
        table = screen.query_one("#people", DataTable)
        rows = [[str(c) for c in table.get_row_at(n)] for n in range(table.row_count)]
        assert rows == [
            ["ana", "tui-test", "50.0%", "87.5%", "passed", "2", "2026-01-05"],
            ["bo", "tui-test", "50.0%", "50.0%", "not yet", "1", "2026-01-05"],
        ]
        assert static_text(screen, "#team-summary") == "2 people  ·  1 passed this pack"
        expected = team.compute(index.load_all(saves), tui_pack).weakest
        text = visible_text(app)
        first = expected[0]
        assert first.id == "unop-qoq" and first.missed_by == ["ana", "bo"]
        assert "0/3  By how much did Urban NOP mileage grow" in text
        assert "missed by ana, bo" in text
