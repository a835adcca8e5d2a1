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
from briefing.tui.widgets.answer import TypedAnswer


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
        await pilot.press("d")  # no fourth option: nothing happens
        await pilot.pause()
        assert app.screen.verdict is None
        await pilot.press("b")
        await pilot.pause()
        assert static_text(app.screen, "#feedback").startswith("✔ Right")
        await pilot.press("a")  # after the answer, option keys do nothing
        await pilot.pause()
        assert saved_records(saves)[0]["answers"][-1]["given"] == "92%"


@sync
async def test_empty_answer_is_not_submitted(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        while app.screen.session.current.kind in ("choice", "truefalse"):
            await pilot.press("a" if app.screen.session.current.kind == "choice" else "t")
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
            await pilot.press("a" if app.screen.session.current.kind == "choice" else "t")
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
                await pilot.press(packs.option_label(q.options.index(q.answer)))
            elif q.kind == "truefalse":
                await pilot.press("t" if q.answer else "f")
            else:
                quiz.query_one("#typed", Input).value = packs.expected_text(q, pack)
                await pilot.press("enter")
            await pilot.pause()
            assert static_text(quiz, "#feedback").startswith("✔ Right"), q.id
            await next_question(pilot)
        assert "3 of 3 right" in static_text(app.screen, "#summary")


async def skip_to(pilot, question_id: str) -> QuizScreen:
    """Start the quiz and skip until `question_id` is asked."""
    app = pilot.app
    if not isinstance(app.screen, QuizScreen):
        await pilot.press("s")
        await pilot.pause()
    while current_id(app) != question_id:
        await pilot.press("ctrl+s")
        await next_question(pilot)
    return app.screen


def test_option_keys_clash_with_no_other_quiz_key():
    """a-e pick an option on the quiz screen and in the choice box; no other key of the
    quiz, its boxes or the app means anything else."""
    from briefing.tui.app import BriefingApp
    from briefing.tui.widgets.answer import ChoiceAnswer, TrueFalseAnswer

    actions: dict[str, set[str]] = {}
    for node in (BriefingApp, QuizScreen, ChoiceAnswer, TrueFalseAnswer):
        for binding in node.BINDINGS:
            actions.setdefault(binding.key, set()).add(binding.action)
    for label in packs.OPTION_LABELS:
        assert actions[label] == {f"pick('{label}')"}, label
    assert actions["n"] == {"next"}
    assert actions["t"] == {"pick('true')"} and actions["f"] == {"pick('false')"}
    # The number keys no longer pick options: 1-4 only rate a review's answer, after its verdict.
    numbers = {key: action for key, action in actions.items() if key.isdigit()}
    assert numbers == {str(n): {f"rate({n})"} for n in range(1, 5)}


@sync
async def test_options_are_labelled_a_to_e_as_in_the_headless_quiz(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await skip_to(pilot, "which-growth")
        text = visible_text(app)
        assert "a) 40.7%" in text and "b) 92%" in text and "c) 7%" in text
        assert "Press the option's letter" in text


@sync
async def test_an_unreadable_answer_is_asked_again_with_the_text_kept(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        quiz = await skip_to(pilot, "unop-qoq")
        before = len(saved_records(saves)[0]["answers"])
        await pilot.press(*"lots", "enter")
        await pilot.pause()
        feedback = static_text(quiz, "#feedback")
        assert feedback.startswith("? Could not read that: not a figure")
        assert quiz.verdict is None and current_id(app) == "unop-qoq"  # still open, not marked
        assert not quiz.query_one("#next").display
        assert quiz.query_one("#typed", Input).value == "lots" and app.focused is quiz.query_one("#typed")
        assert len(saved_records(saves)[0]["answers"]) == before  # nothing recorded
        assert "Skipped" not in feedback and "Wrong" not in feedback
        quiz.query_one("#typed", Input).value = "92%"
        await pilot.press("enter")
        await pilot.pause()
        assert static_text(quiz, "#feedback").startswith("✔ Right")
        assert saved_records(saves)[0]["answers"][-1]["given"] == "92%"


@sync
async def test_a_peek_is_recorded_shown_and_a_right_answer_after_it_scores_nothing(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        quiz = await skip_to(pilot, "unop-qoq")
        assert not quiz.query_one("#peeked").display
        await pilot.press("f2")
        await pilot.pause()
        assert isinstance(app.screen, PeekScreen)
        assert "peeked" in str(app.screen.query_one("#peek-body").border_title)
        assert saved_records(saves)[0]["peeking"] == "unop-qoq"  # saved at once by the engine
        await pilot.press("escape")
        await pilot.pause()
        assert quiz.session.peeked and quiz.query_one("#peeked").display
        assert "This question was peeked: a right answer scores nothing." in visible_text(app)
        score = quiz.session.score
        await pilot.press(*"92%", "enter")
        await pilot.pause()
        assert static_text(quiz, "#feedback").startswith("✔ Right, after a peek: not scored")
        position = quiz.session.position
        assert quiz.session.score == score and static_text(quiz, "#score") == f"Score {score} of {position}"
        assert not quiz.query_one("#peeked").display
        answer = saved_records(saves)[0]["answers"][-1]
        assert answer["peeked"] and answer["correct"]
        await pilot.press("f2")  # after the answer: a look at its section, nothing more to record
        await pilot.pause()
        assert isinstance(app.screen, PeekScreen)
        assert app.screen.query_one("#peek-body").border_title == "From the briefing"
        await pilot.press("escape")
        await next_question(pilot)
        assert not quiz.query_one("#peeked").display and not quiz.session.peeked


@sync
async def test_typed_text_survives_a_visit_to_the_briefing(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await skip_to(pilot, "unop-qoq")
        await pilot.press(*"about 9")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        await pilot.press("s")
        await pilot.pause()
        quiz = app.screen
        assert isinstance(quiz, QuizScreen) and current_id(app) == "unop-qoq"
        typed = quiz.query_one("#typed", Input)
        assert typed.value == "about 9" and app.focused is typed
        await pilot.press("2", "%", "enter")  # the cursor is at the end of the kept text
        await pilot.pause()
        assert saved_records(saves)[0]["answers"][-1]["given"] == "about 92%"
        await next_question(pilot)
        # Answered: the next question starts empty, and so does a new quiz.
        assert app.drafts == {}
        if isinstance(app.screen.query_one("#answer"), TypedAnswer):
            assert app.screen.query_one("#typed", Input).value == ""


@sync
async def test_an_answer_sent_with_ctrl_q_in_one_read_is_saved_before_quitting(tui_pack, saves, make_app):
    """A paste or a macro: the answer, Enter and ctrl+q reach the app together. The answer
    is graded and saved first; ctrl+q used to drop it with the messages still on their way."""
    from conftest import TYPED_RIGHT
    from textual import events

    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        while app.screen.session.current.kind in ("choice", "truefalse"):  # to a typed question
            await pilot.press("ctrl+s")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
        question = app.screen.session.current
        app.screen.query_one("#typed", Input).focus()
        await pilot.pause()
        for char in TYPED_RIGHT[question.id]:  # all at once, as one read of the terminal
            app.post_message(events.Key(char if char.isalnum() else "space" if char == " " else char, char))
        app.post_message(events.Key("enter", "\r"))
        app.post_message(events.Key("ctrl+q", "\x11"))
        for _ in range(100):
            if app._exit:
                break
            await pilot.pause(0.01)
    answers = saved_records(saves)[0]["answers"]
    assert answers[-1]["id"] == question.id and answers[-1]["correct"] is True
