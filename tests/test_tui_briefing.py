"""The briefing screen (and its key-figures table), driven by Pilot."""

from __future__ import annotations

from conftest import (
    SIZE,
    saved_records,
    static_text,
    sync,
    visible_text,
    wait_for_screen,
)
from textual.widgets import Input, Markdown, OptionList

from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.key_figures import KeyFiguresScreen
from briefing.tui.screens.quiz import QuizScreen
from briefing.tui.screens.start import StartScreen


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


@sync
async def test_the_start_dialog_picks_a_number_of_questions_of_one_section(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("down")  # the contents: "Key figures"
        await pilot.press("o")
        dialog = await wait_for_screen(pilot, StartScreen)
        scope = dialog.query_one("#scope", OptionList)
        labels = [scope.get_option_at_index(i).prompt.plain for i in range(scope.option_count)]
        assert labels == [
            "All questions (8)",
            "This section: Key figures (5 questions)",  # the one in the contents comes first
            "Section: Overview (2 questions)",
            "Section: Who said what (1 question)",
        ]
        assert scope.highlighted == 0
        await pilot.press("3", "down", "enter")  # digits go to the count wherever the focus is
        quiz = await wait_for_screen(pilot, QuizScreen)
        assert quiz.session.total == 3 and static_text(quiz, "#number") == "Question 1 of 3"
        assert {tui_pack.question(q).section for q in quiz.session.record.order} == {"key-figures"}
        assert quiz.session.record.scope == "section"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert saved_records(saves)[0]["scope"] == "section"


@sync
async def test_the_start_dialog_all_questions_a_bad_count_cancel_and_s(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7, limit=4)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.click("#choose")  # the button does what o does
        dialog = await wait_for_screen(pilot, StartScreen)
        count = dialog.query_one("#count", Input)
        assert count.value == "4"  # --limit is the count offered
        await pilot.press("backspace", "0", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert "1 or more" in static_text(dialog, "#start-error")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen) and app.session is None
        await pilot.press("o")
        dialog = await wait_for_screen(pilot, StartScreen)
        await pilot.press("backspace", "enter")  # blank: all of them
        quiz = await wait_for_screen(pilot, QuizScreen)
        assert quiz.session.total == 8 and quiz.session.record.scope == "full"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")  # a quiz in progress: the dialog says it is kept
        dialog = await wait_for_screen(pilot, StartScreen)
        assert "The quiz in progress (question 2 of 8) stays saved" in static_text(dialog, "#start-note")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")  # s still goes on with it, at one key
        quiz = await wait_for_screen(pilot, QuizScreen)
        assert static_text(quiz, "#number") == "Question 2 of 8"


@sync
async def test_a_quiz_left_for_a_shorter_one_is_continued_after_it(tui_pack, saves, make_app):
    """The start dialog says the quiz in progress stays saved and is offered again: it is."""
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("s")
        quiz = await wait_for_screen(pilot, QuizScreen)
        await pilot.press("ctrl+s")  # question 1 skipped: the quiz is at 2 of 8
        await pilot.pause()
        first = quiz.session
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("o")
        await wait_for_screen(pilot, StartScreen)
        await pilot.press("backspace", "1", "enter")  # one question
        quiz = await wait_for_screen(pilot, QuizScreen)
        assert quiz.session is not first and quiz.session.total == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("n")  # see results of the one-question quiz
        await pilot.pause()
        assert app.session is first and not first.finished
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("s")
        quiz = await wait_for_screen(pilot, QuizScreen)
        assert static_text(quiz, "#number") == "Question 2 of 8"


@sync
async def test_no_button_moves_when_the_due_counts_appear(tui_pack, saves, make_app):
    """The counts come a few tenths of a second after the first frame: a click aimed at a
    button before then must still land on it."""
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        before = {b: screen.query_one(f"#{b}").region for b in ("start", "review", "choose")}
        counts = screen.query_one("#due-counts")
        for _ in range(100):
            if str(counts.render()):
                break
            await pilot.pause(0.02)
        assert str(counts.render()) == "0 due · 8 new"
        assert {b: screen.query_one(f"#{b}").region for b in before} == before
