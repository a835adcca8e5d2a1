"""Review in the UI: the core's plan asks due before new, a rating key changes what is
saved, the briefing shows what is due, and results drill the weakest questions."""

from __future__ import annotations

from datetime import timedelta

from conftest import (
    RIGHT,
    SIZE,
    WRONG,
    Clock,
    give,
    next_question,
    saved_records,
    static_text,
    sync,
    wait_for_screen,
)

from briefing import store
from briefing.engine import Session
from briefing.records import RATINGS


def past_session(pack, saves, when, wrong=(), right=()):
    """A finished session of ana's answered at `when`: `wrong` missed, `right` right and
    rated Easy (fsrs then schedules it days ahead, not minutes)."""
    session = Session.start(pack, profile="ana", ordered=[*wrong, *right], scope="review", now=when)
    for qid in wrong:
        session.answer(WRONG[qid], now=when)
    for qid in right:
        session.answer(RIGHT[qid], now=when)
        session.rate(RATINGS["easy"])
    session.finish(now=when)
    store.save(session.record, saves)


async def due_counts(pilot) -> str:
    """What the briefing says is due, once the worker has counted it."""
    from textual.css.query import NoMatches
    from textual.widgets import Static

    for _ in range(250):  # up to 5 s: the count runs in a worker after the first frame
        try:
            text = str(pilot.app.screen.query_one("#due-counts", Static).render())
        except NoMatches:  # the briefing not yet composed (a loaded machine)
            text = ""
        if text:
            return text
        await pilot.pause(0.02)
    raise AssertionError("no due counts on the briefing")


@sync
async def test_a_review_asks_the_due_questions_before_the_new(tui_pack, saves, fixed_now, make_app):
    from briefing.tui.screens.quiz import QuizScreen

    # Two days ago: fivefold missed (due again by now), rd-q1 easy (due in days).
    past_session(tui_pack, saves, fixed_now - timedelta(days=2), wrong=["fivefold"], right=["rd-q1"])
    app = make_app(tui_pack, saves, clock=Clock(fixed_now))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        screen = await wait_for_screen(pilot, QuizScreen)
        ids = [q.id for q in screen.session.questions]
        assert screen.session.record.scope == "review"
        assert ids[0] == "fivefold"  # due first
        assert "rd-q1" not in ids  # not due yet, and not new
        assert len(ids) == 1 + 6  # then the six never answered


@sync
async def test_a_rating_key_changes_what_is_saved(tui_pack, saves, make_app):
    from briefing.tui.screens.quiz import QuizScreen

    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        screen = await wait_for_screen(pilot, QuizScreen)
        await give(pilot, RIGHT[screen.session.current.id])
        rating = screen.query_one("#rating")
        assert rating.display and "[3 Good]" in str(rating.render())  # right: Good, the core's default
        assert "rating" not in saved_records(saves)[0]["answers"][0]
        await pilot.press("4")
        await pilot.pause()
        assert "[4 Easy]" in str(rating.render())
        assert saved_records(saves)[0]["answers"][0]["rating"] == RATINGS["easy"]
        await next_question(pilot)
        await give(pilot, WRONG[screen.session.current.id])
        assert "[1 Again]" in str(rating.render())  # wrong: Again


@sync
async def test_a_quiz_has_no_rating_keys(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        await give(pilot, RIGHT[screen.session.current.id])
        assert not screen.query_one("#rating").display
        await pilot.press("4")
        await pilot.pause()
        assert "rating" not in saved_records(saves)[0]["answers"][0]


@sync
async def test_the_briefing_shows_what_is_due(tui_pack, saves, fixed_now, make_app):
    past_session(tui_pack, saves, fixed_now - timedelta(days=2), wrong=["fivefold"], right=["rd-q1"])
    app = make_app(tui_pack, saves, clock=Clock(fixed_now))
    async with app.run_test(size=SIZE) as pilot:
        assert await due_counts(pilot) == "1 due · 6 new"


@sync
async def test_nothing_due_is_said(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves)
    app.new_per_day = 0
    async with app.run_test(size=SIZE) as pilot:
        assert await due_counts(pilot) == "nothing due"
        await pilot.press("v")
        await pilot.pause()
        assert type(app.screen).__name__ == "BriefingScreen"
        assert any("Nothing to review now" in n.message for n in app._notifications)


@sync
async def test_results_drill_the_weakest_questions(tui_pack, saves, fixed_now, make_app):
    from briefing.tui.screens.quiz import QuizScreen
    from briefing.tui.screens.results import ResultsScreen

    # unop-qoq missed every time; rd-yoy once in two.
    past_session(tui_pack, saves, fixed_now - timedelta(days=3), wrong=["unop-qoq"], right=["rd-yoy"])
    past_session(tui_pack, saves, fixed_now - timedelta(days=2), wrong=["unop-qoq", "rd-yoy"])
    app = make_app(tui_pack, saves, limit=2)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        for _ in range(2):
            await pilot.press("ctrl+s")
            await pilot.pause()
            await next_question(pilot)
        await wait_for_screen(pilot, ResultsScreen)
        await pilot.press("w")
        screen = await wait_for_screen(pilot, QuizScreen)
        assert screen.session.record.scope == "weakest"
        ids = [q.id for q in screen.session.questions]
        assert ids[0] == "unop-qoq"  # never right: the weakest first
        assert len(ids) == 2  # at most --limit


@sync
async def test_a_review_says_it_is_one(tui_pack, saves, make_app):
    """The score bar of a review counts reviews ("Review 1 of 7"), not quiz questions."""
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await due_counts(pilot)
        await pilot.press("v")
        await pilot.pause()
        assert static_text(app.screen, "#number").startswith("Review 1 of ")


@sync
async def test_a_review_left_for_the_briefing_is_continued_as_a_review(tui_pack, saves, make_app):
    """Escape in a review: the briefing's button says a review waits, not a quiz."""
    from textual.widgets import Button

    from briefing.tui.screens.briefing import BriefingScreen

    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("v")  # nothing answered yet: every question is new, and a review asks them
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert str(app.screen.query_one("#start", Button).label).startswith("Continue review (1 of ")
