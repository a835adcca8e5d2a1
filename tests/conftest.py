"""Shared test material: the test packs, the app factory, a fixed clock and the pilot helpers.

Fixtures (ask for them by name):
    small_pack       tests/fixtures/small_pack.toml, loaded (one question of each kind)
    tui_pack         PACK_TOML written to tmp_path and loaded (the pilot tests' pack)
    grader_pack      GRADER_PACK_DATA validated (the grader's edge cases: ranges, km, a company speaker)
    bundled_pack     questions.toml, loaded; a pack that does not load FAILS the test, never skips it
    source_article   the article the bundled pack is about; skips when it is not beside the checkout
    saves            a saves folder under tmp_path (not created)
    fixed_now        the fixed start time of every clock here, 2026-01-05 09:00 UTC
    clock            a Clock starting at fixed_now
    make_app         a factory: make_app(pack, saves, profile="ana", seed=7, limit=None, clock=None)

Plain helpers and data (import them: `from conftest import give, RIGHT`; nothing imports a test module):
    ROOT, SMALL_PACK, BUNDLED_PACK, PACK_TOML, GRADER_PACK_DATA, figure_question, RIGHT, WRONG, SIZE,
    write_pack, build_app, Clock, sync, give, next_question, quit_midway, wait_for_screen, current_id,
    static_text, visible_text, saved_records, save_quiz, TYPED_RIGHT, TYPED_WRONG.
"""

from __future__ import annotations

import asyncio
import atexit
import functools
import html
import os
import re
import shutil
import tempfile
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

# Checked packs are kept (briefing.pack_cache) in a folder of this run's own, never in the
# user's ~/.cache; subprocesses inherit it. Later loads of a pack come from it, so the suite
# runs both paths; tests of the cache itself point BRIEFING_CACHE elsewhere.
os.environ["BRIEFING_CACHE"] = tempfile.mkdtemp(prefix="briefing-test-cache-")
atexit.register(shutil.rmtree, os.environ["BRIEFING_CACHE"], True)

from briefing import pack as packs  # noqa: E402
from briefing.errors import PackError  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SMALL_PACK = ROOT / "tests" / "fixtures" / "small_pack.toml"
BUNDLED_PACK = ROOT / "questions.toml"
# The article the bundled pack is about: beside the checkout (as `make validate` looks for it),
# or wherever BRIEFING_SOURCE says.
SOURCE_ARTICLE = ROOT.parent / "shared" / "seed" / "000_7fbc675c4c3e4fdb.txt"
START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


# --- the packs ------------------------------------------------------------------------------

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
    "which-growth": "b",  # the option's label
    "rd-up": "f",
    "platforms": "coconut, cedar, banyan",
}
WRONG = {
    "fivefold": "tenfold",
    "rd-q1": "1.98 billion yuan",
    "rd-yoy": "down 7%",
    "unop-qoq": "40.7%",  # another fact of the pack: a trap hint
    "who-tenth": "Stanley Qu",
    "which-growth": "a",
    "rd-up": "t",
    "platforms": "Cedar, Banyan",
}
SIZE = (80, 24)  # the terminal of the pilot tests
# As handed to the engine (no UI between): an option's text, true/false words.
TYPED_RIGHT = {**RIGHT, "which-growth": "92%", "rd-up": "false"}
TYPED_WRONG = {**WRONG, "which-growth": "40.7%", "rd-up": "true"}


@pytest.fixture(scope="session")
def small_pack() -> packs.Pack:
    return packs.load(SMALL_PACK)


def write_pack(folder: Path, text: str = PACK_TOML) -> Path:
    path = folder / "questions.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def tui_pack(tmp_path) -> packs.Pack:
    return packs.load(write_pack(tmp_path))


@pytest.fixture(scope="session")
def grader_pack() -> packs.Pack:
    return packs.parse(GRADER_PACK_DATA)


@pytest.fixture(scope="session")
def bundled_pack() -> packs.Pack:
    """The bundled questions.toml. Shipping a pack that does not load is a failure, not a skip."""
    try:
        return packs.load()
    except PackError as exc:
        pytest.fail(f"the bundled pack does not load: {'; '.join(exc.lines())}", pytrace=False)


@pytest.fixture(scope="session")
def source_article() -> Path:
    """The source article: $BRIEFING_SOURCE, else ../shared/seed/ beside the checkout."""
    named = os.environ.get("BRIEFING_SOURCE")
    path = Path(named) if named else SOURCE_ARTICLE
    if not path.is_file():
        where = f"BRIEFING_SOURCE={named} is no file" if named else f"no {path}"
        pytest.skip(f"the source article is not beside this checkout: set BRIEFING_SOURCE ({where})")
    return path


# --- time -------------------------------------------------------------------------------------


class Clock:
    """Fixed, advancing time: every call is 7 seconds after the last."""

    def __init__(self, start: datetime = START) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=7)
        return self.now


@pytest.fixture
def fixed_now() -> datetime:
    return START


@pytest.fixture
def clock(fixed_now) -> Clock:
    return Clock(fixed_now)


# --- the app and the pilot --------------------------------------------------------------------


def build_app(pack, saves, profile="ana", seed=7, limit=None, clock=None):
    """A BriefingApp for pilot tests, on its own fixed clock unless given one."""
    from briefing.tui.app import BriefingApp  # Textual only for the tests that drive the UI

    return BriefingApp(pack, profile=profile, saves=saves, seed=seed, limit=limit, clock=clock or Clock())


@pytest.fixture
def make_app():
    """build_app as a fixture: make_app(pack, saves, profile="ana", seed=7, limit=None, clock=None)."""
    return build_app


@pytest.fixture
def saves(tmp_path) -> Path:
    return tmp_path / "saves"


def sync(test):
    """Run an async test on a fresh event loop (no async plugin needed)."""

    @functools.wraps(test)
    def run(*args, **kwargs):
        return asyncio.run(test(*args, **kwargs))

    return run


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


def save_quiz(pack, saves, *, profile="ana", wrong=(), when=START, seed=0, answers=None):
    """A finished full quiz of `pack` saved as the UI saves one, through the engine and the
    store: every question right (TYPED_RIGHT, or `answers`) except those in `wrong`."""
    from briefing import store
    from briefing.engine import Session

    right = answers if answers is not None else TYPED_RIGHT
    session = Session.start(pack, profile=profile, seed=seed, mode="tui", now=when)
    while not session.done:
        qid = session.current.id
        if qid in wrong:
            session.answer(TYPED_WRONG.get(qid, "nothing like it"), now=when)
        else:
            session.answer(right[qid], now=when)
    session.finish(now=when + timedelta(minutes=3))
    store.save(session.record, saves)
    return session


def saved_records(saves: Path, profile: str = "ana") -> list[dict]:
    return [tomllib.loads(p.read_text("utf-8")) for p in sorted((saves / profile).glob("*.toml"))]


async def give(pilot, text: str) -> None:
    """Answer the question on screen as a person would: type, an option's letter, or t/f."""
    from textual.widgets import Input

    from briefing.tui.screens.quiz import QuizScreen

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


async def wait_for_screen(pilot, screen_type, seconds: float = 5.0):
    """Pause until the app shows a `screen_type` (a Screen class), then return that screen.

    What the saves hold (a quiz to resume) is read by a thread once the app has been
    quiet a moment (BriefingApp.quiet_turn): a few tenths of a second after start."""
    for _ in range(int(seconds / 0.02)):
        if isinstance(pilot.app.screen, screen_type):
            await pilot.pause()  # drawn
            return pilot.app.screen
        await pilot.pause(0.02)
    raise AssertionError(f"no {screen_type.__name__} after {seconds} s: {type(pilot.app.screen).__name__}")


async def saves_read(pilot) -> None:
    """Wait until the app has read the saves at start (a quiz to resume, in a thread once
    the app is quiet) and shown what it found."""
    await pilot.app.workers.wait_for_complete([w for w in pilot.app.workers if w.group == "resume"])
    await pilot.pause()


async def quit_midway(pack, saves, answers: int) -> list[str]:
    """Answer `answers` questions right, then stop without finishing, as a kill would.

    The feedback of the last answer is left on screen: the quiz is not finished even
    when every question has been answered.
    """
    app = build_app(pack, saves, seed=7)
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


def current_id(app) -> str:
    return app.screen.session.current.id


def static_text(screen, selector: str) -> str:
    from textual.widgets import Static

    content = screen.query_one(selector, Static).content
    return content if isinstance(content, str) else content.plain


# --- the grader's pack: every kind, with the edge cases test_grader.py asks about -------------------


def figure_question(qid, value, unit, expected, measures, section="budget", prompt=None, **extra):
    q = {
        "id": qid,
        "kind": "figure",
        "section": section,
        "unit": unit,
        "expected": expected,
        "measures": measures,
        "prompt": prompt or f"What is {measures}?",
        "explanation": f"{expected}: {measures}.",
    }
    if isinstance(value, tuple):
        q["low"], q["high"] = value
    else:
        q["value"] = value
    q.update(extra)
    return q


GRADER_PACK_DATA = {
    "pack": {
        "id": "test",
        "title": "Test pack",
        "version": "1",
        "pass_mark": 60,
        "source": {"title": "An article", "publisher": "Tests", "date": "2026"},
    },
    "sections": [
        {
            "id": "compute",
            "title": "Compute",
            "body": (
                "Nio raised training compute investment roughly fivefold this year. Last year it spent about "
                "a tenth of what rivals spent, William Li said. The system runs on about a fifth of rivals' "
                "cloud compute. Two further upgrades are planned."
            ),
        },
        {
            "id": "budget",
            "title": "Budget",
            "body": (
                "R&D expenses fell to 1.89 billion yuan in Q1, down 40.7% year over year and 7% from Q4. "
                "Urban Navigate on Pilot mileage rose 92% quarter over quarter, and total mileage topped "
                "200 million kilometres in February. Finance chief Stanley Qu targets 2 billion to 2.5 billion "
                "yuan a quarter. Nio attributed the decline to lower personnel costs and reduced design and "
                "development costs. Cedar, Banyan and Coconut released together; the ES9 launched."
            ),
        },
    ],
    "people": [
        {"id": "william-li", "name": "William Li", "role": "Founder and CEO", "aliases": ["Li"]},
        {"id": "stanley-qu", "name": "Stanley Qu", "role": "Chief financial officer", "aliases": ["Qu"]},
        {"id": "nio", "name": "Nio", "role": "The company", "aliases": ["the company"]},
    ],
    "questions": [
        figure_question(
            "fivefold", 5, "x", "fivefold", "this year's rise in training compute investment", "compute"
        ),
        figure_question(
            "tenth",
            0.1,
            "fraction",
            "one-tenth",
            "last year's training compute spend relative to rivals",
            "compute",
        ),
        figure_question(
            "fifth",
            0.2,
            "fraction",
            "one-fifth",
            "the cloud compute the system runs on, relative to rivals",
            "compute",
        ),
        figure_question("rd-q1", 1.89e9, "yuan", "1.89 billion yuan", "Q1 R&D expenses"),
        figure_question("rd-yoy", -40.7, "%", "down 40.7%", "the year-over-year fall in Q1 R&D expenses"),
        figure_question("rd-qoq", -7, "%", "down 7%", "the quarter-over-quarter fall in Q1 R&D expenses"),
        figure_question(
            "unop-qoq", 92, "%", "92%", "Q1 quarter-over-quarter growth in Urban Navigate on Pilot mileage"
        ),
        figure_question(
            "mileage", 2e8, "km", "200 million kilometres", "the monthly mileage on the system in February"
        ),
        figure_question(
            "rd-target",
            (2e9, 2.5e9),
            "yuan",
            "2 billion to 2.5 billion yuan",
            "the quarterly R&D spending target",
        ),
        figure_question("upgrades", 2, "", "two", "the number of further upgrades planned", "compute"),
        {
            "id": "who-tenth",
            "kind": "attribution",
            "section": "compute",
            "prompt": "Who put it at a tenth?",
            "explanation": "William Li, the CEO.",
            "quote": "about a tenth of rivals",
            "paraphrase": True,
            "speaker": "william-li",
        },
        {
            "id": "who-target",
            "kind": "attribution",
            "section": "budget",
            "prompt": "Who set the target?",
            "explanation": "Stanley Qu, the CFO.",
            "quote": "2 billion to 2.5 billion yuan",
            "speaker": "stanley-qu",
        },
        {
            "id": "who-decline",
            "kind": "attribution",
            "section": "budget",
            "prompt": "Who explained the decline?",
            "explanation": "The company itself.",
            "quote": "lower personnel costs",
            "speaker": "nio",
        },
        {
            "id": "which-growth",
            "kind": "choice",
            "section": "budget",
            "prompt": "Which is the mileage growth?",
            "explanation": "92% is mileage growth.",
            "options": ["40.7%", "92%", "7%", "fivefold"],
            "answer": "92%",
        },
        {
            "id": "which-compute",
            "kind": "choice",
            "section": "compute",
            "prompt": "What rose fivefold?",
            "explanation": "Training compute.",
            "options": ["cloud compute the system runs on", "training compute", "total R&D"],
            "answer": "training compute",
        },
        {
            "id": "why-wait",
            "kind": "choice",
            "section": "compute",
            "prompt": "Why did Nio wait?",
            "explanation": "The architecture.",
            "options": [
                "The architecture was not yet complete",
                "The budget could not stretch further",
                "Not enough chips were available",
            ],
            "answer": "The architecture was not yet complete",
        },
        {
            "id": "month",
            "kind": "choice",
            "section": "budget",
            "prompt": "In which month?",
            "explanation": "February.",
            "options": ["January", "February", "June"],
            "answer": "February",
        },
        {
            "id": "other-cut",
            "kind": "choice",
            "section": "budget",
            "prompt": "What other reduction?",
            "explanation": "Design and development.",
            "options": [
                "Reduced design and development costs",
                "Lower AI training compute spending",
                "Lower chip development costs",
            ],
            "answer": "Reduced design and development costs",
        },
        {
            "id": "rd-up",
            "kind": "truefalse",
            "section": "budget",
            "prompt": "R&D rose year over year?",
            "explanation": "It fell 40.7%.",
            "answer": False,
            "evidence": "down 40.7% year over year",
        },
        {
            "id": "compute-up",
            "kind": "truefalse",
            "section": "compute",
            "prompt": "Training compute rose?",
            "explanation": "Roughly fivefold.",
            "answer": True,
            "evidence": "roughly fivefold",
        },
        {
            "id": "platforms",
            "kind": "list",
            "section": "budget",
            "prompt": "Which platforms released together?",
            "explanation": "Cedar, Banyan and Coconut.",
            "items": ["Cedar", "Banyan", "Coconut"],
        },
        {
            "id": "reasons",
            "kind": "list",
            "section": "budget",
            "prompt": "Why did R&D fall?",
            "explanation": "Personnel, design and development.",
            "items": ["lower personnel costs", "reduced design and development costs"],
        },
        {
            "id": "models",
            "kind": "list",
            "section": "budget",
            "prompt": "Which models?",
            "explanation": "ES9 and EC6.",
            "items": ["ES9", "EC6"],
        },
        {
            "id": "core",
            "kind": "list",
            "section": "budget",
            "prompt": "Which core technologies?",
            "explanation": "Chips and operating systems.",
            "items": ["chips", "operating systems"],
        },
    ],
}
