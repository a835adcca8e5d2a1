"""The Textual front end, driven by Pilot: what is on screen and what is saved."""

from __future__ import annotations

import asyncio
import functools
import html
import os
import pty
import re
import subprocess
import sys
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from textual.widgets import Button, DataTable, Input, Markdown, OptionList, Static

from briefing import pack as packs
from briefing import store
from briefing.errors import PackError, SaveError
from briefing.tui.app import BriefingApp
from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.help import HelpScreen
from briefing.tui.screens.help import groups as help_groups
from briefing.tui.screens.history import HistoryScreen
from briefing.tui.screens.key_figures import KeyFiguresScreen
from briefing.tui.screens.peek import PeekScreen
from briefing.tui.screens.profile import ProfileScreen
from briefing.tui.screens.quiz import QuizScreen
from briefing.tui.screens.results import MissedQuestion, ResultsScreen
from briefing.tui.screens.resume import ResumeScreen
from briefing.tui.widgets.percent_trend import PercentTrend

ROOT = Path(__file__).resolve().parent.parent

# A small pack with one question of each kind, a key-figures table, a link,
# and figures that are easily confused (92% vs 40.7%).
PACK_TOML = '''
[pack]
id = "tui-test"
title = "Compute and budget, in brief"
version = "1"
pass_mark = 60

[pack.source]
title = "A test article"
publisher = "Test Wire"
date = "2026"
url = "https://example.com/article"

[[sections]]
id = "overview"
title = "Overview"
body = """
Training compute investment rose roughly fivefold this year, while total R&D fell.
See [the article](https://example.com/article) for the full story.

Cedar, Banyan and Coconut shipped together this spring.
"""

[[sections]]
id = "key-figures"
title = "Key figures"
body = """
| Figure | What it measures |
|---|---|
| 1.89 billion yuan | Q1 R&D expenses |
| down 40.7% | year-over-year fall in Q1 R&D expenses |
| 92% | Q1 quarter-over-quarter growth in Urban NOP mileage |
"""

[[sections]]
id = "people"
title = "Who said what"
body = """
William Li, founder and CEO, said last year's training spend was about a tenth of rivals'.

Stanley Qu, the finance chief, spoke about costs.
"""

[[people]]
id = "william-li"
name = "William Li"
role = "Founder and CEO"
aliases = ["Li"]

[[people]]
id = "stanley-qu"
name = "Stanley Qu"
role = "Chief financial officer"
aliases = ["Qu"]

[[questions]]
id = "fivefold"
kind = "figure"
prompt = "By how much did training compute investment rise this year?"
section = "overview"
explanation = "Training compute investment rose about fivefold."
value = 5
unit = "x"
expected = "fivefold"
measures = "this year's rise in training compute investment"

[[questions]]
id = "rd-q1"
kind = "figure"
prompt = "What were R&D expenses in the first quarter?"
section = "key-figures"
explanation = "1.89 billion yuan in Q1."
value = 1890000000
unit = "yuan"
expected = "1.89 billion yuan"
measures = "Q1 R&D expenses"

[[questions]]
id = "rd-yoy"
kind = "figure"
prompt = "By how much did R&D expenses fall year over year in Q1?"
section = "key-figures"
explanation = "Down 40.7% year over year."
value = -40.7
unit = "%"
expected = "down 40.7%"
measures = "the year-over-year fall in Q1 R&D expenses"

[[questions]]
id = "unop-qoq"
kind = "figure"
prompt = "By how much did Urban NOP mileage grow quarter over quarter in Q1?"
section = "key-figures"
explanation = "92% quarter over quarter; 40.7% is the R&D fall."
value = 92
unit = "%"
expected = "92%"
measures = "Q1 quarter-over-quarter growth in Urban NOP mileage"

[[questions]]
id = "who-tenth"
kind = "attribution"
prompt = "Who put last year's training spend at about a tenth of rivals'?"
section = "people"
explanation = "William Li, the CEO."
quote = "about a tenth of rivals"
paraphrase = true
speaker = "william-li"

[[questions]]
id = "which-growth"
kind = "choice"
prompt = "Which figure is the quarter-over-quarter mileage growth?"
section = "key-figures"
explanation = "92% is mileage growth; 40.7% is the R&D fall."
options = ["40.7%", "92%", "7%"]
answer = "92%"

[[questions]]
id = "rd-up"
kind = "truefalse"
prompt = "True or false: R&D expenses rose year over year in Q1."
section = "key-figures"
explanation = "They fell 40.7%."
answer = false
evidence = "down 40.7%"

[[questions]]
id = "platforms"
kind = "list"
prompt = "Which three platforms shipped together?"
section = "overview"
explanation = "Cedar, Banyan and Coconut."
items = ["Cedar", "Banyan", "Coconut"]
'''

RIGHT = {
    "fivefold": "fivefold",
    "rd-q1": "1.89bn yuan",
    "rd-yoy": "down 40.7%",
    "unop-qoq": "92%",
    "who-tenth": "Li",
    "which-growth": "2",  # the option's number
    "rd-up": "f",
    "platforms": "coconut, cedar, banyan",
}
WRONG = {
    "fivefold": "tenfold",
    "rd-q1": "1.98 billion yuan",
    "rd-yoy": "down 7%",
    "unop-qoq": "40.7%",  # another fact of the pack: a trap hint
    "who-tenth": "Stanley Qu",
    "which-growth": "1",
    "rd-up": "t",
    "platforms": "Cedar, Banyan",
}
SIZE = (80, 24)


def sync(test):
    """Run an async test on a fresh event loop (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


class Clock:
    """Fixed, advancing time: every call is 7 seconds after the last."""

    def __init__(self, start: datetime = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now


def write_pack(folder: Path, text: str = PACK_TOML) -> Path:
    path = folder / "questions.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tui_pack(tmp_path) -> packs.Pack:
    return packs.load(write_pack(tmp_path))


@pytest.fixture
def saves(tmp_path) -> Path:
    return tmp_path / "saves"


def make_app(pack, saves, profile="ana", seed=7, limit=None, clock=None) -> BriefingApp:
    return BriefingApp(pack, profile=profile, saves=saves, seed=seed, limit=limit, clock=clock or Clock())


def visible_text(app) -> str:
    """The terminal's text, row by row, as a person reads it (from the SVG screenshot)."""
    svg = app.export_screenshot()
    rows: dict[float, dict[int, str]] = {}
    for attrs, text in re.findall(r"<text([^>]*)>([^<]*)</text>", svg):
        x, y = re.search(r'\bx="([\d.]+)"', attrs), re.search(r'\by="([\d.]+)"', attrs)
        if "-title" in attrs or not x or not y or text == "\n":
            continue
        column = round(float(x.group(1)) / 12.2)
        row = rows.setdefault(float(y.group(1)), {})
        for n, char in enumerate(html.unescape(text).replace("\xa0", " ")):
            row[column + n] = char
    return "\n".join(
        "".join(row.get(c, " ") for c in range(max(row) + 1)).rstrip() for _, row in sorted(rows.items())
    )


def saved_records(saves: Path, profile: str = "ana") -> list[dict]:
    return [tomllib.loads(p.read_text("utf-8")) for p in sorted((saves / profile).glob("*.toml"))]


async def give(pilot, text: str) -> None:
    """Answer the question on screen as a person would: type, a number key, or t/f."""
    screen = pilot.app.screen
    assert isinstance(screen, QuizScreen)
    kind = screen.session.current.kind
    if kind in ("choice", "truefalse"):
        await pilot.press(text)
    else:
        box = screen.query_one("#typed", Input)
        box.value = text
        await pilot.press("enter")
    await pilot.pause()


async def next_question(pilot) -> None:
    await pilot.press("enter")  # the Next button has the focus after feedback
    await pilot.pause()


def current_id(app) -> str:
    return app.screen.session.current.id


def static_text(screen, selector: str) -> str:
    content = screen.query_one(selector, Static).content
    return content if isinstance(content, str) else content.plain


# --- before the UI ------------------------------------------------------------------


def run_cli(args, cwd, tty: bool = False) -> subprocess.CompletedProcess:
    """`python -m briefing ARGS`; with `tty`, standard input and output are a terminal
    (the UI refuses to start without one), standard error is still captured."""
    command = [sys.executable, "-m", "briefing", *args]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "TERM": "xterm-256color"}
    if not tty:
        return subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=60, env=env)
    main, terminal = pty.openpty()
    try:
        result = subprocess.run(
            command,
            stdin=terminal,
            stdout=terminal,
            stderr=subprocess.PIPE,
            text=True,
            cwd=cwd,
            timeout=60,
            env=env,
        )
    finally:
        os.close(terminal)
        os.close(main)
    return result


def test_invalid_pack_is_the_headless_one_line_error_before_the_ui(tmp_path):
    bad = write_pack(tmp_path, PACK_TOML.replace("pass_mark = 60", 'pass_mark = "high"'))
    tui = run_cli(["--pack", str(bad), "--saves", str(tmp_path / "s")], tmp_path, tty=True)
    headless = run_cli(["quiz", "--headless", "--pack", str(bad), "--saves", str(tmp_path / "s")], tmp_path)
    assert tui.returncode == 2
    assert tui.stderr == headless.stderr
    assert len(tui.stderr.splitlines()) == 1 and "pass_mark" in tui.stderr
    assert not (tmp_path / "s").exists()  # stopped before the saves folder was even checked


def test_unwritable_saves_folder_is_the_headless_one_line_error(tmp_path):
    pack = write_pack(tmp_path)
    blocker = tmp_path / "saves"
    blocker.write_text("a file, not a folder")
    tui = run_cli(["--pack", str(pack), "--saves", str(blocker), "--profile", "ana"], tmp_path, tty=True)
    headless = run_cli(
        ["quiz", "--headless", "--pack", str(pack), "--saves", str(blocker), "--profile", "ana"], tmp_path
    )
    assert tui.returncode == 2
    assert tui.stderr == headless.stderr
    assert len(tui.stderr.splitlines()) == 1 and "cannot save" in tui.stderr


def test_run_app_checks_before_importing_textual(tmp_path):
    code = (
        "import sys, argparse\n"
        "from briefing.tui import run_app\n"
        "from briefing.errors import BriefingError\n"
        f"args = argparse.Namespace(pack={str(tmp_path / 'none.toml')!r}, profile=None, saves='s', seed=None, limit=None)\n"
        "try:\n    run_app(args)\nexcept BriefingError as e:\n    print('ERROR', e)\n"
        "print('TEXTUAL', any(m.startswith('textual') for m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    ).stdout
    assert "ERROR none.toml: no such file" in out.replace(str(tmp_path) + "/", "")
    assert "TEXTUAL False" in out


def test_run_app_raises_for_a_bad_profile(tmp_path):
    import argparse

    from briefing.tui import run_app

    args = argparse.Namespace(
        pack=str(write_pack(tmp_path)), profile="no spaces", saves=str(tmp_path), seed=None, limit=None
    )
    with pytest.raises(SaveError):
        run_app(args)
    args.pack = str(tmp_path / "missing.toml")
    with pytest.raises(PackError):
        run_app(args)


# --- briefing ----------------------------------------------------------------------------


@sync
async def test_briefing_shows_title_source_sections_and_key_figures(tui_pack, saves):
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
async def test_links_are_shown_not_opened(tui_pack, saves):
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


# --- the whole path: briefing -> quiz -> results -> history -> retry ----------------------


@sync
async def test_quiz_right_wrong_skipped_then_results_history_and_retry(tui_pack, saves):
    app = make_app(tui_pack, saves, seed=7)
    plan = {"unop-qoq": "wrong", "which-growth": "wrong", "rd-up": "skip"}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        total = screen.session.total
        assert total == 8
        for n in range(1, total + 1):
            assert static_text(screen, "#number") == f"Question {n} of {total}"
            qid = current_id(app)
            question = tui_pack.question(qid)
            assert static_text(screen, "#prompt") == question.prompt
            what = plan.get(qid, "right")
            if what == "skip":
                await pilot.press("ctrl+s")
                await pilot.pause()
            else:
                await give(pilot, (RIGHT if what == "right" else WRONG)[qid])
            feedback = static_text(screen, "#feedback")
            if what == "right":
                assert feedback.startswith("✔ Right"), (qid, feedback)
            elif what == "skip":
                assert feedback.startswith("✘ Skipped")
                assert "Expected: false" in feedback
            else:
                assert feedback.startswith("✘ Wrong")
            if qid == "unop-qoq":
                assert "Your answer: 40.7%" in feedback
                assert "Expected: 92%" in feedback
                assert "92% quarter over quarter; 40.7% is the R&D fall." in feedback
                assert "Careful: 40.7% is the year-over-year fall in Q1 R&D expenses" in feedback
            # Saved after every answer, in progress until the end.
            [record] = saved_records(saves)
            assert record["status"] == "in_progress" and len(record["answers"]) == n
            assert record["mode"] == "tui"
            await next_question(pilot)

        results = app.screen
        assert isinstance(results, ResultsScreen)
        summary = static_text(results, "#summary")
        assert (
            summary.startswith("5 of 8 right")
            and "62.5%" in summary
            and "PASS" in summary
            and "pass mark 60%" in summary
        )
        missed = list(results.query(MissedQuestion))
        assert [m.outcome.question.id for m in missed] == [
            i for i in results.session.record.order if i in plan
        ]
        by_id = {m.outcome.question.id: m for m in missed}
        text = by_id["unop-qoq"].query_one(".missed-text", Static).content.plain
        assert "Given: 40.7%" in text and "Expected: 92%" in text
        # The excerpt is the table row that answers it, under its header.
        assert by_id["unop-qoq"].query_one(Markdown).source.strip().splitlines()[-1].startswith("| 92% |")
        assert "Given: (skipped)" in by_id["rd-up"].query_one(".missed-text", Static).content.plain
        assert "down 40.7%" in by_id["rd-up"].query_one(Markdown).source

        [record] = saved_records(saves)
        assert record["status"] == "finished"
        assert (record["score"], record["max_score"], record["percent"], record["passed"]) == (
            5,
            8,
            62.5,
            True,
        )
        answers = {a["id"]: a for a in record["answers"]}
        assert answers["unop-qoq"]["given"] == "40.7%" and not answers["unop-qoq"]["correct"]
        assert answers["which-growth"]["given"] == "40.7%"  # the option's text, not its number
        assert answers["rd-up"]["skipped"] and answers["rd-up"]["given"] == ""
        assert answers["platforms"]["correct"]
        assert record["started_at"] == "2026-01-05T09:00:07Z"  # the app's clock, not the wall clock
        assert record["finished_at"] > record["started_at"]

        # The finished session counts in `briefing stats`, read by the same code.
        loaded = store.load_sessions(saves, "ana")
        assert [s.status for s in loaded.sessions] == ["finished"] and loaded.problems == []

        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one("#sessions", DataTable)
        assert table.row_count == 1
        row = [str(c) for c in table.get_row_at(0)]
        assert row[0] == "2026-01-05 09:00" and row[1:5] == ["5/8", "62.5%", "pass", "full"]
        assert row[5].endswith(" s")
        assert history.query_one(PercentTrend).percents == [62.5]
        # 62.5% is 10 of the two rows' 16 eighths: a full bottom cell and 2/8 of the top one
        assert history.query_one(PercentTrend).chart().plain.splitlines() == ["▂ 100%", "█   0%"]
        weakest = [w.content.plain for w in history.query("#weakest .prompt").results(Static)]
        assert "Which figure is the quarter-over-quarter mileage growth?" in weakest
        await pilot.press("escape")
        assert app.screen is results

        # Retry the missed ones: a new session of exactly those.
        await pilot.press("r")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, QuizScreen)
        assert sorted(retry.session.record.order) == sorted(plan)
        assert static_text(retry, "#number") == "Question 1 of 3"
        for _ in range(3):
            await give(pilot, RIGHT[current_id(app)])
            await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "3 of 3 right" in static_text(app.screen, "#summary")
        assert "Nothing missed" in visible_text(app)
        assert [r["status"] for r in saved_records(saves)] == ["finished", "finished"]
        assert sorted(r["scope"] for r in saved_records(saves)) == ["full", "retry"]
        await pilot.press("h")
        await pilot.pause()
        # the 3-of-3 retry is listed but does not become the best score
        assert "best 62.5%" in static_text(app.screen, "#totals")
        assert app.screen.query_one(PercentTrend).percents == [62.5]
        await pilot.press("escape")
        await pilot.press("escape")
        assert isinstance(app.screen, BriefingScreen)


@sync
async def test_choice_by_arrows_and_enter_truefalse_by_key_typed_by_keys(tui_pack, saves):
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
async def test_option_keys_work_when_the_focus_is_elsewhere(tui_pack, saves):
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
async def test_empty_answer_is_not_submitted(tui_pack, saves):
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
async def test_peek_keeps_the_answer_typed_so_far(tui_pack, saves):
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
async def test_escape_leaves_the_quiz_which_waits_behind_continue(tui_pack, saves):
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


# --- killed mid-quiz, then resumed ----------------------------------------------------------


async def quit_midway(pack, saves, answers: int) -> list[str]:
    """Answer `answers` questions right, then stop without finishing, as a kill would.

    The feedback of the last answer is left on screen: the quiz is not finished even
    when every question has been answered.
    """
    app = make_app(pack, saves, seed=7)
    given = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        for _ in range(answers):
            given.append(current_id(app))
            await give(pilot, RIGHT[current_id(app)])
            if len(given) < answers:
                await next_question(pilot)
    return given


@sync
async def test_killed_quiz_is_resumed_at_the_same_question_with_the_same_answers(tui_pack, saves):
    done = await quit_midway(tui_pack, saves, 3)
    [before] = saved_records(saves)
    assert before["status"] == "in_progress" and [a["id"] for a in before["answers"]] == done

    app = make_app(tui_pack, saves, seed=99)  # another seed: the saved order wins
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
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
async def test_resume_declined_discards_it(tui_pack, saves):
    await quit_midway(tui_pack, saves, 2)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert saved_records(saves) == []
        assert str(app.screen.query_one("#start", Button).label) == "Start quiz"


@sync
async def test_resume_not_now_keeps_it_behind_continue(tui_pack, saves):
    await quit_midway(tui_pack, saves, 2)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert str(app.screen.query_one("#start", Button).label) == "Continue quiz (3 of 8)"
        await pilot.press("s")
        await pilot.pause()
        assert static_text(app.screen, "#number") == "Question 3 of 8"
    assert len(saved_records(saves)) == 1


@sync
async def test_resume_after_the_last_answer_goes_to_results(tui_pack, saves):
    await quit_midway(tui_pack, saves, 8)  # every answer given, killed before "See results"
    assert saved_records(saves)[0]["status"] == "in_progress"
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()  # the offer comes once the briefing is drawn
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        assert "8 of 8 right" in static_text(app.screen, "#summary")
    assert saved_records(saves)[0]["status"] == "finished"


@sync
async def test_a_changed_pack_starts_fresh_and_says_so(tui_pack, tmp_path, saves):
    await quit_midway(tui_pack, saves, 2)
    newer = packs.load(write_pack(tmp_path, PACK_TOML.replace('version = "1"', 'version = "2"')))
    app = make_app(newer, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BriefingScreen)
        assert any("cannot be resumed" in str(n.message) for n in app._notifications)
        await pilot.press("s")
        await pilot.pause()
        assert static_text(app.screen, "#number") == "Question 1 of 8"


@sync
async def test_a_failed_save_is_told_and_the_quiz_goes_on(tui_pack, saves, monkeypatch):
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


# --- profile -----------------------------------------------------------------------------


@sync
async def test_profile_picker_lists_profiles_and_checks_a_typed_name(tui_pack, saves):
    (saves / "bo").mkdir(parents=True)
    (saves / "zoe").mkdir()
    (saves / "not a profile").mkdir()
    app = make_app(tui_pack, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProfileScreen)
        profiles = screen.query_one("#profiles", OptionList)
        assert [profiles.get_option_at_index(i).id for i in range(profiles.option_count)] == ["bo", "zoe"]
        await pilot.press("tab")
        await pilot.press("a", "space", "b", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert "must be 1-64 letters, digits, '-' or '_'" in static_text(screen, "#profile-error")
        screen.query_one(Input).value = ""
        await pilot.press("c", "l", "a", "r", "a", "enter")
        await pilot.pause()
        assert app.profile == "clara"
        assert isinstance(app.screen, BriefingScreen)
        assert static_text(app.screen, "#profile") == "Profile: clara"
        assert (saves / "clara").is_dir()


@sync
async def test_profile_picker_enter_on_a_listed_profile_or_empty_for_default(tui_pack, saves):
    (saves / "bo").mkdir(parents=True)
    app = make_app(tui_pack, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.profile == "bo"
    app = make_app(tui_pack, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("tab", "enter")
        await pilot.pause()
        assert app.profile == "default"


@sync
async def test_profile_picker_then_resume(tui_pack, saves):
    await quit_midway(tui_pack, saves, 1)  # profile "ana"
    app = make_app(tui_pack, saves, profile=None)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # "ana", the only profile
        await pilot.pause()
        assert isinstance(app.screen, ResumeScreen)


# --- keys, themes, sizes --------------------------------------------------------------------


@sync
async def test_help_theme_quit_and_resize(tui_pack, saves):
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = static_text(app.screen, "#keys")
        for key in ("^q", "^s", "f2 ^p", "^t", "\n  r ", "\n  k ", "\n  t ", "\n  1 2 3 4 5 "):
            assert key in text
        # Built from the bindings: every described key of every screen is listed.
        for where, node in help_groups(app):
            assert where in text
            for binding in node.__dict__.get("BINDINGS", []):
                if binding.description:
                    assert binding.description in text, (where, binding)
        await pilot.press("escape")
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")

        assert app.current_theme.dark
        await pilot.press("ctrl+t")
        assert not app.current_theme.dark
        await pilot.press("ctrl+t")
        assert app.current_theme.dark

        for size in ((60, 20), (120, 40), (80, 24)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            assert "Start quiz" in visible_text(app)
        await pilot.press("s")
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        assert "Question 1 of 8" in visible_text(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert not app.is_running


def test_the_footer_shows_the_keys():
    bindings = {b.key: b for b in QuizScreen.BINDINGS}
    assert {"ctrl+s", "f2", "ctrl+p", "n", "escape"} <= set(bindings)
    assert {b.key for b in BriefingScreen.BINDINGS} >= {"s", "k", "h"}
    assert {b.key for b in BriefingApp.BINDINGS} >= {"ctrl+q", "f1", "question_mark", "ctrl+t"}


# --- text from the pack and the person is data ------------------------------------------------

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
async def test_pack_and_user_text_is_shown_literally(tmp_path, saves):
    pack = packs.load(write_pack(tmp_path, HOSTILE))
    # An escape code cannot get into a valid pack; build one past validation.
    section = pack.sections[0].model_copy(update={"title": "\x1b[31mRed overview"})
    pack = pack.model_copy(update={"sections": [section, *pack.sections[1:]]})
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
        typed.value = "\x1b[31m[bold]six[/bold] [@click=app.quit]x[/]"
        typed.focus()
        await pilot.press("enter")
        await pilot.pause()
        feedback = static_text(app.screen, "#feedback")
        assert "Your answer: \\x1b[31m[bold]six[/bold] [@click=app.quit]x[/]" in feedback
        assert "\\x1b[31m[bold]six[/bold]" in visible_text(app)
        await pilot.click("#feedback")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, QuizScreen)
    saved = saved_records(saves)[0]["answers"]
    assert saved[-1]["given"] == "\x1b[31m[bold]six[/bold] [@click=app.quit]x[/]"  # stored as typed


# --- the bundled pack ---------------------------------------------------------------------


def bundled():
    try:
        return packs.load()
    except PackError as exc:
        pytest.skip(f"the bundled pack is not valid yet: {exc.lines()[0]}")


@sync
async def test_bundled_pack_opens_and_a_question_can_be_answered(saves):
    pack = bundled()
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


@sync
async def test_garbage_collection_resumes_once_the_briefing_is_drawn(tui_pack, saves):
    """The command line turns the collector off for start-up; the app must turn it back on."""
    import gc

    gc.disable()
    try:
        app = make_app(tui_pack, saves)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # start-up's objects are left out of later passes
    finally:
        gc.unfreeze()
        gc.enable()


def test_the_trend_is_drawn_on_a_fixed_scale_not_stretched_to_its_own_range():
    """A lone 40% quiz is not drawn as a full bar; 0% still shows a sliver; colours say pass/fail."""
    trend = PercentTrend([40.0, 0.0, 100.0], [False, False, True])
    top, bottom = trend.chart().plain.splitlines()
    assert top == "  █ 100%" and bottom == "▆▁█   0%"
    styles = [str(span.style) for span in trend.chart().spans]
    assert styles[:3] == ["$error", "$error", "$success"]
    assert PercentTrend([40.0], [False]).chart().plain.splitlines() == ["  100%", "▆   0%"]
