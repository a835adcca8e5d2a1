"""Killed mid-quiz, then resumed: the resume dialog and what it keeps."""

from __future__ import annotations

from conftest import (
    PACK_TOML,
    SIZE,
    WRONG,
    current_id,
    give,
    next_question,
    quit_midway,
    saved_records,
    saves_read,
    static_text,
    sync,
    visible_text,
    wait_for_screen,
    write_pack,
)
from textual.widgets import Button

from briefing import pack as packs
from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.quiz import QuizScreen
from briefing.tui.screens.results import ResultsScreen
from briefing.tui.screens.resume import ResumeScreen


@sync
async def test_killed_quiz_is_resumed_at_the_same_question_with_the_same_answers(tui_pack, saves, make_app):
    done = await quit_midway(tui_pack, saves, 3)
    [before] = saved_records(saves)
    assert before["status"] == "in_progress" and [a["id"] for a in before["answers"]] == done

    app = make_app(tui_pack, saves, seed=99)  # another seed: the saved order wins
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_for_screen(pilot, ResumeScreen)  # found by a thread once the app is quiet
        text = visible_text(app)
        assert "Resume it at question 4 of 8?" in text and "So far: 3 right of 3" in text
        await pilot.press("y")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen)
        assert static_text(quiz, "#number") == "Question 4 of 8"
        assert static_text(quiz, "#score") == "Score 3 of 3"
        assert quiz.session.record.order == before["order"]
        while isinstance(app.screen, QuizScreen):
            await give(pilot, WRONG[current_id(app)])
            await next_question(pilot)
        assert "3 of 8 right" in static_text(app.screen, "#summary")
    [after] = saved_records(saves)
    assert after["id"] == before["id"] and after["status"] == "finished"
    assert after["answers"][:3] == before["answers"]


@sync
async def test_discard_asks_first_and_escape_keeps_it(tui_pack, saves, make_app):
    await quit_midway(tui_pack, saves, 2)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await wait_for_screen(pilot, ResumeScreen)
        await pilot.press("d")  # one key deletes nothing: it asks
        await pilot.pause()
        assert app.screen is dialog and len(saved_records(saves)) == 1
        text = visible_text(app)
        assert "Discard this quiz?" in text and "Its 2 answers of 8 questions will be deleted" in text
        assert "Press d again to discard it, Escape to keep it." in text
        await pilot.press("escape")  # back to the offer, not out of the dialog
        await pilot.pause()
        assert app.screen is dialog and "Resume it at question 3 of 8?" in visible_text(app)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")  # the focus is on "Keep it": Enter keeps it
        await pilot.pause()
        assert app.screen is dialog and not dialog.confirming
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
    assert len(saved_records(saves)) == 1


@sync
async def test_resume_declined_discards_it(tui_pack, saves, make_app):
    await quit_midway(tui_pack, saves, 2)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await wait_for_screen(pilot, ResumeScreen)  # found by a thread once the app is quiet
        await pilot.press("d", "d")  # asked, then confirmed
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert saved_records(saves) == []
        assert str(app.screen.query_one("#start", Button).label) == "Start quiz"


@sync
async def test_resume_not_now_keeps_it_behind_continue(tui_pack, saves, make_app):
    await quit_midway(tui_pack, saves, 2)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ResumeScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert str(app.screen.query_one("#start", Button).label) == "Continue quiz (3 of 8)"
        await pilot.press("s")
        await pilot.pause()
        assert static_text(app.screen, "#number") == "Question 3 of 8"
    assert len(saved_records(saves)) == 1


@sync
async def test_resume_after_the_last_answer_goes_to_results(tui_pack, saves, make_app):
    await quit_midway(tui_pack, saves, 8)  # every answer given, killed before "See results"
    assert saved_records(saves)[0]["status"] == "in_progress"
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ResumeScreen)  # the offer comes once the briefing is quiet
        await pilot.press("y")
        await wait_for_screen(pilot, ResultsScreen)
        assert "8 of 8 right" in static_text(app.screen, "#summary")
    assert saved_records(saves)[0]["status"] == "finished"


@sync
async def test_a_changed_pack_starts_fresh_and_says_so(tui_pack, tmp_path, saves, make_app):
    await quit_midway(tui_pack, saves, 2)
    newer = packs.load(write_pack(tmp_path, PACK_TOML.replace('version = "1"', 'version = "2"')))
    app = make_app(newer, saves)
    async with app.run_test(size=SIZE) as pilot:
        await saves_read(pilot)
        assert isinstance(app.screen, BriefingScreen)
        assert any("cannot be resumed" in str(n.message) for n in app._notifications)
        await pilot.press("s")
        await pilot.pause()
        assert static_text(app.screen, "#number") == "Question 1 of 8"


@sync
async def test_an_unfinished_quiz_found_behind_another_screen_is_offered_on_return(tui_pack, saves, make_app):
    """`h` pressed before the saves are read: the offer waits for the briefing, not lost."""
    from briefing.tui.screens.history import HistoryScreen

    await quit_midway(tui_pack, saves, 2)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await saves_read(pilot)
        assert isinstance(app.screen, HistoryScreen)  # not covered by a dialog
        await pilot.press("escape")
        await wait_for_screen(pilot, ResumeScreen)
        assert "Resume it at question 3 of 8?" in visible_text(app)


@sync
async def test_the_due_counts_are_counted_again_after_a_discard(tui_pack, saves, make_app):
    """Discarding the unfinished quiz forgets its answers: the briefing's counts say so."""
    await quit_midway(tui_pack, saves, 2)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for_screen(pilot, ResumeScreen)
        counts = app.screen_stack[0].query_one("#due-counts")
        for _ in range(100):  # counted in a thread, once the app is quiet
            if str(counts.render()):
                break
            await pilot.pause(0.02)
        before = str(counts.render())
        await pilot.press("d", "d")  # discard, and yes
        for _ in range(100):
            if str(counts.render()) not in ("", before):
                break
            await pilot.pause(0.02)
        assert before != str(counts.render()) == "0 due · 8 new"
