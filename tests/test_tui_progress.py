"""The progress screen: score over time, mastery per section and the streak, as charts
of learn.progress's figures; reached from the briefing and from history."""

from __future__ import annotations

from datetime import date, timedelta

from conftest import SIZE, save_quiz, static_text, sync, visible_text, wait_for_screen

from briefing.learn import index, progress, schedule
from briefing.tui.widgets.charts import bar, day_strip


def test_a_bar_is_drawn_to_an_eighth_of_a_cell_on_a_dim_track():
    assert bar(0.5, 8).plain == "████░░░░"
    assert bar(1 / 16, 2).plain == "▏░"
    assert bar(0.0, 4).plain == "░░░░" and bar(1.7, 4).plain == "████"


def test_the_day_strip_runs_oldest_to_today_a_week_to_a_group():
    today = date(2026, 1, 14)
    strip = day_strip({today, today - timedelta(days=1), today - timedelta(days=13)}, today, 14)
    assert strip.plain == "█······ ·····██"


@sync
async def test_no_saves_yet_says_what_will_be_charted(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        screen = await wait_for_screen(pilot, _screen())
        text = visible_text(app)
        assert "No full quiz yet" in text
        assert "No day studied yet" in text
        assert [m.mastery for m in screen.figures.mastery] == [0.0, 0.0, 0.0]


@sync
async def test_the_charts_show_the_cores_figures(tui_pack, saves, make_app, fixed_now):
    # Three days in a row up to today: one all right, then two with misses.
    for n, wrong in enumerate((["unop-qoq", "rd-up", "who-tenth"], ["unop-qoq"], [])):
        save_quiz(tui_pack, saves, wrong=wrong, when=fixed_now - timedelta(days=2 - n, hours=1), seed=n)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        screen = await wait_for_screen(pilot, _screen())
        now = app.clock.now
        loaded = index.load(saves, "ana")
        cards = schedule.build(loaded.sessions, tui_pack, now)
        expected = progress.compute(loaded.sessions, tui_pack, cards, now)
        # the same figures `stats --format json` gives (the clock moved a few seconds since)
        assert [m.mastery for m in screen.figures.mastery] == [m.mastery for m in expected.mastery]
        assert screen.figures.streak == expected.streak
        assert static_text(screen, "#score-summary").startswith("3 full quizzes, 3 passed  ·  first 62.5%")
        assert static_text(screen, "#streak").startswith("Streak: 3 days in a row  ·  longest 3")
        assert static_text(screen, "#days").endswith("███")
        text = visible_text(app)
        assert "Overview" in text and "100.0%" in text and "recall" in text


@sync
async def test_history_and_progress_open_each_other_without_piling_up(tui_pack, saves, make_app):
    from briefing.tui.screens.briefing import BriefingScreen
    from briefing.tui.screens.history import HistoryScreen
    from briefing.tui.screens.team import TeamScreen

    save_quiz(tui_pack, saves)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await wait_for_screen(pilot, HistoryScreen)
        await pilot.press("p")
        await wait_for_screen(pilot, _screen())
        await pilot.press("h")  # back to the history below, not a second one
        await wait_for_screen(pilot, HistoryScreen)
        assert len(app.screen_stack) == 2
        await pilot.press("t")
        await wait_for_screen(pilot, TeamScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, HistoryScreen)
        await pilot.press("escape")
        await wait_for_screen(pilot, BriefingScreen)


def _screen():
    from briefing.tui.screens.progress import ProgressScreen

    return ProgressScreen
