"""The quiz screen (and peeking at a section), driven by Pilot: keys, answers, what is saved."""

from __future__ import annotations

from conftest import (
    SIZE,
    current_id,
    next_question,
    saved_records,
    static_text,
    sync,
    visible_text,
)
from textual.widgets import Button, Input, Static

from briefing import pack as packs
from briefing import store
from briefing.errors import SaveError
from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.peek import PeekScreen
from briefing.tui.screens.quiz import QuizScreen


@sync
async def test_choice_by_arrows_and_enter_truefalse_by_key_typed_by_keys(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        seen = set()
        while isinstance(app.screen, QuizScreen) and len(seen) < 8:
            q = app.screen.session.current
            seen.add(q.kind)
            if q.kind == "choice":
                await pilot.press("down", "enter")  # highlight moves from option 1 to option 2
            elif q.kind == "truefalse":
                await pilot.press("f")
            elif q.id == "unop-qoq":
                await pilot.press("9", "2", "%", "enter")
            else:
                await pilot.press("ctrl+s")
            await pilot.pause()
            if q.kind in ("choice", "truefalse") or q.id == "unop-qoq":
                assert static_text(app.screen, "#feedback").startswith("✔ Right"), q.id
            await next_question(pilot)
        answers = {a["id"]: a for a in saved_records(saves)[0]["answers"]}
        assert answers["which-growth"]["given"] == "92%" and answers["which-growth"]["correct"]
        assert answers["rd-up"]["given"] == "false" and answers["rd-up"]["correct"]
        assert answers["unop-qoq"]["given"] == "92%"


@sync
async def test_option_keys_work_when_the_focus_is_elsewhere(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        while current_id(app) != "which-growth":
            await pilot.press("ctrl+s")
            await next_question(pilot)
        app.screen.query_one("#question").focus()
        await pilot.press("t")  # not a choice key: nothing happens
        await pilot.pause()
        assert app.screen.verdict is None
        await pilot.press("2")
        await pilot.pause()
        assert static_text(app.screen, "#feedback").startswith("✔ Right")
        await pilot.press("1")  # after the answer, option keys do nothing
        await pilot.pause()
        assert saved_records(saves)[0]["answers"][-1]["given"] == "92%"


@sync
async def test_empty_answer_is_not_submitted(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        while app.screen.session.current.kind in ("choice", "truefalse"):
            await pilot.press("1" if app.screen.session.current.kind == "choice" else "t")
            await pilot.pause()
            await next_question(pilot)
        before = app.screen.session.position
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.session.position == before
        assert app.screen.verdict is None


@sync
async def test_peek_keeps_the_answer_typed_so_far(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        while app.screen.session.current.kind in ("choice", "truefalse"):
            await pilot.press("1" if app.screen.session.current.kind == "choice" else "t")
            await pilot.pause()
            await next_question(pilot)
        quiz = app.screen
        section = tui_pack.section(quiz.session.current.section)
        await pilot.press("1", ".", "8")
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PeekScreen)
        assert app.screen.query_one(".section-title", Static).content.plain == section.title
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is quiz
        typed = quiz.query_one("#typed", Input)
        assert typed.value == "1.8" and app.focused is typed
        await pilot.press("ctrl+p")  # the other peek key
        await pilot.pause()
        assert isinstance(app.screen, PeekScreen)


@sync
async def test_escape_leaves_the_quiz_which_waits_behind_continue(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await next_question(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert str(app.screen.query_one("#start", Button).label) == "Continue quiz (2 of 8)"
        footer = visible_text(app).splitlines()[-1]
        assert "s Continue quiz" in footer and "Start quiz" not in footer
        await pilot.press("s")
        await pilot.pause()
        assert static_text(app.screen, "#number") == "Question 2 of 8"
        assert len(saved_records(saves)) == 1


@sync
async def test_a_failed_save_is_told_and_the_quiz_goes_on(tui_pack, saves, monkeypatch, make_app):
    def refuse(record, folder):
        raise SaveError(f"{folder}: cannot save the session: No space left on device")

    monkeypatch.setattr(store, "save", refuse)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("No space left" in str(n.message) for n in app._notifications)
        await next_question(pilot)
        assert static_text(app.screen, "#number") == "Question 2 of 8"


@sync
async def test_bundled_pack_opens_and_a_question_can_be_answered(bundled_pack, saves, make_app):
    pack = bundled_pack
    app = make_app(pack, saves, seed=1, limit=3)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert static_text(app.screen, "#pack-title") == pack.pack.title
        await pilot.press("k")
        await pilot.pause()
        await pilot.press("escape", "s")
        await pilot.pause()
        quiz = app.screen
        assert static_text(quiz, "#number") == "Question 1 of 3"
        for _ in range(3):
            q = quiz.session.current
            if q.kind == "choice":
                await pilot.press(str(q.options.index(q.answer) + 1))
            elif q.kind == "truefalse":
                await pilot.press("t" if q.answer else "f")
            else:
                quiz.query_one("#typed", Input).value = packs.expected_text(q, pack)
                await pilot.press("enter")
            await pilot.pause()
            assert static_text(quiz, "#feedback").startswith("✔ Right"), q.id
            await next_question(pilot)
        assert "3 of 3 right" in static_text(app.screen, "#summary")
