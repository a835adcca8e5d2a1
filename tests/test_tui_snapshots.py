"""Whole screens at 80x24, compared with the SVGs in tests/__snapshots__/.

Update after a deliberate change with:
    .venv/bin/pytest tests/test_tui_snapshots.py --snapshot-update
and look at the new SVGs before committing them. Times come from a fixed
clock and the question order from a fixed seed, so nothing varies by run.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from conftest import RIGHT, WRONG, write_pack

from briefing import pack as packs
from briefing import store
from briefing.engine import Session

SIZE = (80, 24)
# As handed to the engine: an option's text rather than its number key, true/false words.
TYPED_RIGHT = {**RIGHT, "which-growth": "92%", "rd-up": "false"}
TYPED_WRONG = {**WRONG, "which-growth": "40.7%", "rd-up": "true"}


@pytest.fixture
def app(tmp_path, make_app):
    return make_app(packs.load(write_pack(tmp_path)), tmp_path / "saves", seed=7)


async def counted(pilot):
    """Wait until the briefing shows what is due: a worker counts it after the first frame."""
    from textual.css.query import NoMatches

    for _ in range(100):
        try:
            if str(pilot.app.screen_stack[0].query_one("#due-counts").render()):
                return
        except NoMatches:  # not composed yet
            pass
        await pilot.pause(0.02)
    raise AssertionError("the briefing never showed what is due")


def counted_then(*keys: str):
    """A run_before: once the due counts are shown, press `keys`."""

    async def run_before(pilot):
        await counted(pilot)
        for key in keys:  # one at a time, as a person types: each screen drawn before the next key
            await pilot.press(key)
            await pilot.pause()

    return run_before


async def start(pilot):
    await pilot.press("s")
    await pilot.pause()


async def skip_to(pilot, question_id: str):
    """Skip questions until `question_id` is asked."""
    await start(pilot)
    while pilot.app.screen.session.current.id != question_id:
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()


def test_briefing(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=counted_then())


def test_briefing_second_section(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=counted_then("down", "enter"))


def test_key_figures(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=counted_then("k"))


def test_quiz_typed_question(app, snap_compare):
    async def run_before(pilot):
        await skip_to(pilot, "unop-qoq")
        await pilot.press("9")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_quiz_choice_question(app, snap_compare):
    async def run_before(pilot):
        await skip_to(pilot, "which-growth")
        await pilot.press("down")

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_quiz_after_a_wrong_answer_with_a_trap(app, snap_compare):
    async def run_before(pilot):
        await skip_to(pilot, "unop-qoq")
        await pilot.press("4", "0", ".", "7", "%", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_peek(app, snap_compare):
    async def run_before(pilot):
        await skip_to(pilot, "unop-qoq")
        await pilot.press("f2")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def answer_all(answers: dict[str, str], peek_at: frozenset[str] | set[str] = frozenset()):
    """Answer every question (RIGHT unless `answers` says), peeking first at those in `peek_at`."""

    async def run_before(pilot):
        await start(pilot)
        while pilot.app.screen.__class__.__name__ == "QuizScreen":
            qid = pilot.app.screen.session.current.id
            if qid in peek_at:
                await pilot.press("f2")
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
            text = answers.get(qid, RIGHT[qid])
            if pilot.app.screen.session.current.kind in ("choice", "truefalse"):
                await pilot.press(text)
            else:
                await pilot.press(*[{" ": "space"}.get(c, c) for c in text], "enter")
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()

    return run_before


def test_results(app, snap_compare):
    wrong = {qid: WRONG[qid] for qid in ("unop-qoq", "rd-up", "who-tenth")}
    assert snap_compare(app, terminal_size=SIZE, run_before=answer_all(wrong))


def test_results_nothing_missed(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=answer_all({}))


def test_history(tmp_path, snap_compare, make_app):
    pack = packs.load(write_pack(tmp_path))
    saves = tmp_path / "saves"
    day = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    for n, wrong in enumerate(
        (["unop-qoq", "rd-up", "who-tenth", "platforms"], ["unop-qoq", "rd-up"], ["unop-qoq"])
    ):
        when = day + timedelta(days=n)
        session = Session.start(pack, profile="ana", seed=n, mode="tui", now=when)
        while not session.done:
            qid = session.current.id
            session.answer((TYPED_WRONG if qid in wrong else TYPED_RIGHT)[qid], now=when)
        session.finish(now=when + timedelta(minutes=3, seconds=10 * n))
        store.save(session.record, saves)
    app = make_app(pack, saves)
    assert snap_compare(app, press=["h"], terminal_size=SIZE)


def test_history_empty(app, snap_compare):
    assert snap_compare(app, press=["h"], terminal_size=SIZE)


def test_help(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=counted_then("f1"))


def test_light_theme(app, snap_compare):
    assert snap_compare(app, terminal_size=SIZE, run_before=counted_then("ctrl+t"))


def test_resume_dialog(tmp_path, snap_compare, make_app):
    pack = packs.load(write_pack(tmp_path))
    saves = tmp_path / "saves"
    session = Session.start(pack, profile="ana", seed=7, mode="tui", now=datetime(2026, 1, 5, tzinfo=UTC))
    for _ in range(3):
        session.skip()
    store.save(session.record, saves)
    assert snap_compare(make_app(pack, saves), terminal_size=SIZE, run_before=counted_then())


def test_profile_picker(tmp_path, snap_compare, make_app):
    pack = packs.load(write_pack(tmp_path))
    saves = tmp_path / "saves"
    for name in ("ana", "bo"):
        (saves / name).mkdir(parents=True)
    assert snap_compare(
        make_app(pack, saves, profile=None), press=["tab", "a", "space", "b", "enter"], terminal_size=SIZE
    )


def test_quiz_answer_asked_again(app, snap_compare):
    async def run_before(pilot):
        await skip_to(pilot, "unop-qoq")
        await pilot.press(*"lots", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_quiz_peeked_question(app, snap_compare):
    async def run_before(pilot):
        await skip_to(pilot, "unop-qoq")
        await pilot.press("9", "f2")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_quiz_right_after_a_peek(app, snap_compare):
    async def run_before(pilot):
        await skip_to(pilot, "unop-qoq")
        await pilot.press("f2")
        await pilot.pause()
        await pilot.press("escape", "9", "2", "%", "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_results_with_a_right_answer_after_a_peek(app, snap_compare):
    run_before = answer_all({"rd-up": WRONG["rd-up"]}, peek_at={"unop-qoq"})
    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def test_resume_dialog_asks_before_discarding(tmp_path, snap_compare, make_app):
    pack = packs.load(write_pack(tmp_path))
    saves = tmp_path / "saves"
    session = Session.start(pack, profile="ana", seed=7, mode="tui", now=datetime(2026, 1, 5, tzinfo=UTC))
    for _ in range(3):
        session.skip()
    store.save(session.record, saves)
    assert snap_compare(make_app(pack, saves), terminal_size=SIZE, run_before=counted_then("d"))


def test_start_dialog(app, snap_compare):
    async def run_before(pilot):
        await counted(pilot)
        await pilot.press("down")  # to the second section: the briefing scrolls to it
        await pilot.pause(0.1)  # drawn before the dialog covers it
        await pilot.press("o", "5")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)


def _three_days(pack, saves):
    """Three full quizzes on three days in a row up to the app's clock, two with misses."""
    from conftest import START, save_quiz

    for n, wrong in enumerate((["unop-qoq", "rd-up", "who-tenth", "platforms"], ["unop-qoq"], [])):
        save_quiz(pack, saves, wrong=wrong, when=START - timedelta(days=2 - n, hours=1), seed=n)


def test_progress_empty(app, snap_compare):
    assert snap_compare(app, press=["p"], terminal_size=SIZE)


def test_progress(tmp_path, snap_compare, make_app):
    pack = packs.load(write_pack(tmp_path))
    saves = tmp_path / "saves"
    _three_days(pack, saves)
    assert snap_compare(make_app(pack, saves), press=["h", "p"], terminal_size=SIZE)


def test_team_empty(tmp_path, snap_compare, make_app, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the title names the saves folder: a path that does not vary
    app = make_app(packs.load(write_pack(tmp_path)), "saves")
    assert snap_compare(app, press=["h", "t"], terminal_size=SIZE)


def test_team(tmp_path, snap_compare, make_app, monkeypatch):
    from conftest import save_quiz

    monkeypatch.chdir(tmp_path)
    pack = packs.load(write_pack(tmp_path))
    _three_days(pack, tmp_path / "saves")
    save_quiz(pack, tmp_path / "saves", profile="bo", wrong=["unop-qoq", "rd-up", "who-tenth", "platforms"])
    assert snap_compare(make_app(pack, "saves"), press=["h", "t"], terminal_size=SIZE)


def _shelf(tmp_path, monkeypatch):
    """A folder of two packs and a broken one, named by a path that does not vary."""
    import shutil

    from conftest import SMALL_PACK

    from briefing import library
    from briefing.tui.app import BriefingApp

    monkeypatch.chdir(tmp_path)
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    write_pack(shelf)
    shutil.copy(SMALL_PACK, shelf / "small.toml")
    (shelf / "broken.toml").write_text('[pack]\nid = "broken"\n', encoding="utf-8")
    entries, notes = library.find("shelf")

    def make(saves="saves"):
        from conftest import Clock

        return BriefingApp(
            None, library=entries, library_notes=notes, profile="ana", saves=saves, clock=Clock()
        )

    return entries, make


def test_pack_picker(tmp_path, snap_compare, monkeypatch):
    _, make = _shelf(tmp_path, monkeypatch)
    assert snap_compare(make(), terminal_size=SIZE)


def test_pack_picker_with_results(tmp_path, snap_compare, monkeypatch):
    entries, make = _shelf(tmp_path, monkeypatch)
    _three_days(next(e.pack for e in entries if e.pack.pack.id == "tui-test"), tmp_path / "saves")
    assert snap_compare(make(), press=["down"], terminal_size=SIZE)


def test_briefing_with_due_counts(tmp_path, snap_compare, make_app):
    """Two days after a review that missed two questions and got one right (rated Easy)."""
    from conftest import Clock

    pack = packs.load(write_pack(tmp_path))
    saves = tmp_path / "saves"
    when = datetime(2026, 1, 3, 9, 0, tzinfo=UTC)
    session = Session.start(pack, profile="ana", ordered=["unop-qoq", "rd-up", "rd-q1"], now=when)
    session.answer(TYPED_WRONG["unop-qoq"], now=when)
    session.answer(TYPED_WRONG["rd-up"], now=when)
    session.answer(TYPED_RIGHT["rd-q1"], now=when)
    session.rate(4)
    session.finish(now=when)
    store.save(session.record, saves)
    app = make_app(pack, saves, clock=Clock(when + timedelta(days=2)))
    assert snap_compare(app, terminal_size=SIZE, run_before=counted_then())


def test_review_after_a_verdict(app, snap_compare):
    """A review's answer, right: rated Good unless the learner says otherwise (1-4)."""

    async def run_before(pilot):
        await counted(pilot)
        await pilot.press("v")
        await pilot.pause()
        qid = pilot.app.screen.session.current.id
        await pilot.press(*[{" ": "space"}.get(c, c) for c in TYPED_RIGHT[qid]], "enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZE, run_before=run_before)
