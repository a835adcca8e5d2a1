"""Before and as the UI starts: the headless one-line errors, Textual imported late, the collector back on."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest
from conftest import (
    PACK_TOML,
    ROOT,
    SIZE,
    sync,
    write_pack,
)

from briefing.errors import PackError, SaveError


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


@sync
async def test_garbage_collection_resumes_once_the_briefing_is_drawn(tui_pack, saves, make_app):
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


def test_a_section_named_on_the_command_line_is_the_quiz_s_starts(tui_pack, saves, make_app):
    """`briefing --section ID`: `s` asks only that section's questions; a section with none is one line."""
    import argparse
    import asyncio

    import pytest

    from briefing.errors import UsageError
    from briefing.tui import run_app

    section = tui_pack.questions[0].section
    app = make_app(tui_pack, saves)
    app.section = section

    async def go():
        async with app.run_test() as pilot:
            await pilot.press("s")
            await pilot.pause()
            assert app.session is not None and app.session.record.scope == "section"
            assert {q.section for q in app.session.questions} == {section}

    asyncio.run(go())
    args = argparse.Namespace(
        pack=None, profile="ana", saves=str(saves), seed=None, limit=None, section="nowhere"
    )
    with pytest.raises(UsageError, match="--section: no questions on section 'nowhere'"):
        run_app(args)


def test_deferred_work_left_when_the_app_closes_is_dropped(tui_pack, saves, make_app):
    """ctrl+q at once: a deferred job (a section still to mount) must not run against no
    screen at all, which raised ScreenStackError on the way out."""
    from collections import deque

    app = make_app(tui_pack, saves)  # not running: no screens on its stack
    ran = []
    app._later = deque([lambda: ran.append(app.screen)])
    app._later_running = True
    app._run_later()
    assert ran == [] and not app._later and not app._later_running


@sync
async def test_threads_wait_for_a_pause_in_the_keys(tui_pack, saves, make_app):
    """Work in threads (reading saves, importing the grader) runs in quiet turns: not
    while keys keep coming, since a thread halves the loop's share of the processor."""
    import threading
    from time import monotonic

    app = make_app(tui_pack, saves)
    app.QUIET_SECONDS = 1.0  # long enough that a loaded test machine keeps up with the keys
    async with app.run_test(size=SIZE) as pilot:
        app._last_input = monotonic()  # a key now
        began: list[float] = []

        def turn() -> None:
            with app.quiet_turn():
                began.append(monotonic())

        thread = threading.Thread(target=turn)
        thread.start()
        for _ in range(6):  # a key every 0.1 s or so: no turn yet
            await pilot.press("down")
            await pilot.pause(0.1)
            assert not began
        last_key = app._last_input
        thread.join(10)
        assert began and began[0] - last_key >= app.QUIET_SECONDS * 0.9


@sync
async def test_a_quiz_started_before_the_saves_are_read_is_not_interrupted_by_an_offer(
    tui_pack, saves, make_app
):
    """`s` at once on a profile with an unfinished quiz: the new quiz goes on, with no
    resume dialog over it, and the unfinished one stays saved for the next start."""
    from conftest import quit_midway, saved_records, saves_read

    from briefing.tui.screens.quiz import QuizScreen

    await quit_midway(tui_pack, saves, 2)
    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        assert isinstance(app.screen, QuizScreen)
        await saves_read(pilot)
        assert isinstance(app.screen, QuizScreen)
    assert [r["status"] for r in saved_records(saves)] == ["in_progress"]


@sync
async def test_every_prepared_screen_can_be_prepared_and_every_screen_css_is_read(tui_pack, saves, make_app):
    """What the prepare thread imports is prepared on the loop without error (a module need
    not list widgets), and opening any screen then finds its CSS file already read."""
    import importlib
    import inspect
    from pathlib import Path

    from briefing.tui import app as app_module
    from briefing.tui.screens.briefing import BriefingScreen

    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for name in app_module.PREPARED_SCREENS:
            app.prepare_module(importlib.import_module(name))
        app.read_screen_css()
        folder = Path(inspect.getfile(BriefingScreen)).parent
        files = sorted(folder.glob("*.tcss"))
        assert len(files) >= 6 and all(app.stylesheet.has_source(str(f), "") for f in files)
