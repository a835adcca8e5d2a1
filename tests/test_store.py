"""Saves: atomic, safe against kills and concurrent runs, and bad files set aside, never lost."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
import tomllib
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # importable without `pip install -e .`

from briefing import store  # noqa: E402
from briefing.errors import SaveError  # noqa: E402
from briefing.records import SCHEMA_VERSION, AnswerRecord, SessionRecord, to_data  # noqa: E402

T0 = datetime(2026, 11, 25, 10, 15, 0, tzinfo=UTC)


def record(
    n: int = 0, *, profile: str = "default", status: str = "finished", pack_id: str = "small", **extra
) -> SessionRecord:
    started = T0 + timedelta(minutes=n)
    fields = dict(
        id=f"{started.strftime('%Y%m%dT%H%M%SZ')}-{n:08x}",
        status=status,
        profile=profile,
        pack_id=pack_id,
        pack_version="1",
        pass_mark=60.0,
        seed=42 + n,
        order=["q1", "q2", "q3"],
        answers=[
            AnswerRecord(id="q1", given="5x", correct=True, answered_at=started + timedelta(seconds=10)),
            AnswerRecord(id="q2", given="", skipped=True, answered_at=started + timedelta(seconds=20)),
            AnswerRecord(id="q3", given='quote " and \\ and\nnewline', correct=False),
        ],
        started_at=started,
        finished_at=started + timedelta(minutes=2) if status == "finished" else None,
        score=1,
        max_score=3,
        percent=33.3,
        passed=False,
    )
    fields.update(extra)
    return SessionRecord(**fields)


def run_python(code: str, *args: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", code, *args], env=env, **kwargs)


# --- round trip and format ---------------------------------------------------------


def test_round_trip_save_then_load_gives_the_same_record(tmp_path):
    original = record(1)
    path = store.save(original, tmp_path / "saves")
    assert path == tmp_path / "saves" / "default" / f"{original.id}.toml"
    loaded = store.load_sessions(tmp_path / "saves", "default")
    assert loaded.problems == []
    assert loaded.sessions == [original]


def test_in_progress_record_without_optional_fields_round_trips(tmp_path):
    original = record(2, status="in_progress", seed=None, answers=[])
    store.save(original, tmp_path)
    assert store.load_sessions(tmp_path, "default").sessions == [original]


def test_file_is_valid_toml_with_schema_version_and_no_nulls(tmp_path):
    path = store.save(record(1, seed=None), tmp_path)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema_version"] == 1
    assert data["status"] == "finished" and data["pack_id"] == "small"
    assert "seed" not in data  # None is left out: TOML has no null
    assert "answered_at" not in data["answers"][2]
    assert data["answers"][2]["given"] == 'quote " and \\ and\nnewline'


def test_saving_again_replaces_the_file_atomically(tmp_path):
    rec = record(1, status="in_progress", answers=[])
    path = store.save(rec, tmp_path)
    rec.answers.append(AnswerRecord(id="q1", given="5", correct=True))
    rec.score = 1
    assert store.save(rec, tmp_path) == path
    assert [p.name for p in (tmp_path / "default").iterdir()] == [path.name]  # no temp left behind
    (loaded,) = store.load_sessions(tmp_path, "default").sessions
    assert loaded.score == 1 and len(loaded.answers) == 1


def test_sessions_are_sorted_by_start_time(tmp_path):
    for n in (3, 1, 2):
        store.save(record(n), tmp_path)
    started = [s.started_at for s in store.load_sessions(tmp_path, "default").sessions]
    assert started == sorted(started) and len(started) == 3


def test_saved_file_gets_ordinary_permissions_not_temp_file_ones(tmp_path):
    old = os.umask(0o022)
    try:
        store._UMASK = None
        path = store.save(record(1), tmp_path)
    finally:
        os.umask(old)
        store._UMASK = None
    assert path.stat().st_mode & 0o777 == 0o644


# --- atomicity -----------------------------------------------------------------------


def _fail(*args, **kwargs):
    raise OSError(errno.EIO, "Input/output error")


@pytest.mark.parametrize("target", ["os.replace", "os.fsync", "tomli_w.dumps"])
def test_failure_mid_save_leaves_the_earlier_file_byte_identical(tmp_path, monkeypatch, target):
    rec = record(1, status="in_progress")
    path = store.save(rec, tmp_path)
    before = path.read_bytes()

    rec.score, rec.status = 3, "finished"
    module, name = target.split(".")
    monkeypatch.setattr(f"{module}.{name}", _fail)
    with pytest.raises((SaveError, OSError)) as err:
        store.save(rec, tmp_path)
    if isinstance(err.value, SaveError):
        assert len(str(err.value).splitlines()) == 1 and "Input/output error" in str(err.value)
    # A brand-new session is not created half-written either.
    with pytest.raises((SaveError, OSError)):
        store.save(record(2), tmp_path)
    monkeypatch.undo()

    assert path.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "default").iterdir()) == [path.name]  # no partial file, no temp
    assert store.load_sessions(tmp_path, "default").sessions[0].status == "in_progress"


KILLED_WRITER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from briefing import store
    from briefing.records import AnswerRecord, SessionRecord

    saves = sys.argv[1]
    rec = SessionRecord(
        id="20260101T000000Z-0000beef", profile="k", pack_id="p", pack_version="1", pass_mark=60,
        order=[f"q{i}" for i in range(300)], started_at=datetime(2026, 1, 1, tzinfo=timezone.utc),
    )
    store.save(rec, saves)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        if len(rec.answers) >= 300:
            rec.answers.clear()
        rec.answers.append(AnswerRecord(id=f"q{len(rec.answers)}", given="x" * 80, correct=n % 2 == 0))
        rec.score = n
        store.save(rec, saves)
        if n % 7 == 0:
            store.save(replace(rec, **{"id": store.new_session_id()}), saves)
    """
)


def test_writer_killed_at_random_moments_leaves_every_save_whole(tmp_path):
    saves = tmp_path / "saves"
    rng = random.Random(1234)
    for _ in range(5):
        proc = run_python(KILLED_WRITER, str(saves), stdout=subprocess.PIPE, text=True)
        try:
            assert proc.stdout.readline().strip() == "ready"
            time.sleep(rng.uniform(0.02, 0.3))
        finally:
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        for path in (saves / "k").glob("*.toml"):
            tomllib.loads(path.read_text(encoding="utf-8"))  # every save parses
        loaded = store.load_sessions(saves, "k")
        assert loaded.problems == [] and loaded.set_aside == []
        assert "20260101T000000Z-0000beef" in {s.id for s in loaded.sessions}
    assert not list((saves / "k").glob("*.corrupt*"))


CONCURRENT_WRITER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timezone
    from briefing import store
    from briefing.records import SessionRecord

    saves, worker = sys.argv[1], int(sys.argv[2])
    same_second = datetime(2026, 11, 25, 10, 15, 0, tzinfo=timezone.utc)
    for n in range(20):
        rec = SessionRecord(
            id=store.new_session_id(same_second), status="finished", profile="shared", pack_id="p",
            pack_version="1", pass_mark=60, order=["a"], started_at=same_second, score=worker, max_score=n,
        )
        store.save(rec, saves)
    """
)


def test_concurrent_processes_saving_to_one_profile_lose_nothing(tmp_path):
    saves = tmp_path / "saves"
    workers = [run_python(CONCURRENT_WRITER, str(saves), str(w)) for w in range(3)]
    assert [w.wait(timeout=60) for w in workers] == [0, 0, 0]
    assert len(list((saves / "shared").glob("*.toml"))) == 60
    loaded = store.load_sessions(saves, "shared")
    assert loaded.problems == [] and len(loaded.sessions) == 60
    assert len({s.id for s in loaded.sessions}) == 60
    assert sorted((s.score, s.max_score) for s in loaded.sessions) == [
        (w, n) for w in range(3) for n in range(20)
    ]


# --- bad saves -----------------------------------------------------------------------


def _truncated(tmp_path) -> bytes:
    data = store.save(record(9), tmp_path / "scratch").read_bytes()
    return data[: len(data) // 2]


def _valid_text(**changes) -> str:
    import tomli_w

    data = to_data(record(9))
    data.update(changes)
    return tomli_w.dumps(data)


@pytest.mark.parametrize(
    "content, fragment",
    [
        (b"\x00\xff\xfe garbage \x89PNG", "not UTF-8"),
        (b"id = = 3\n[[[", "not valid TOML ("),
        ("truncated", "not valid TOML ("),
        ("wrong type", "field 'score': must be a whole number"),
        ("missing field", "field 'pack_id': required"),
        ("bad status", "field 'status': must be 'in_progress' or 'finished'"),
        ("bad answer", "field 'answers[0].correct': must be true or false"),
        (b"", "is empty"),
    ],
)
def test_bad_save_is_one_line_set_aside_and_the_rest_still_load(tmp_path, content, fragment):
    good = store.save(record(1), tmp_path)
    if content == "truncated":
        content = _truncated(tmp_path)
    elif content == "wrong type":
        content = _valid_text(score="three").encode()
    elif content == "missing field":
        data = tomllib.loads(_valid_text())
        del data["pack_id"]
        import tomli_w

        content = tomli_w.dumps(data).encode()
    elif content == "bad status":
        content = _valid_text(status="paused").encode()
    elif content == "bad answer":
        text = _valid_text()
        content = text.replace("correct = true", 'correct = "maybe"', 1).encode()
    bad = tmp_path / "default" / "20261125T120000Z-deadbeef.toml"
    bad.write_bytes(content)

    loaded = store.load_sessions(tmp_path, "default")

    assert [s.id for s in loaded.sessions] == [good.stem]
    assert len(loaded.problems) == 1
    line = loaded.problems[0]
    assert "\n" not in line and line.startswith(f"{bad}: ") and fragment in line, line
    assert "set aside as 20261125T120000Z-deadbeef.toml.corrupt" in line
    assert not bad.exists()
    assert bad.with_name(bad.name + ".corrupt").read_bytes() == content  # moved, not changed
    assert loaded.set_aside == [bad.with_name(bad.name + ".corrupt")]
    # Set aside once: the next load is clean.
    again = store.load_sessions(tmp_path, "default")
    assert again.problems == [] and len(again.sessions) == 1


def test_a_second_bad_file_of_the_same_name_never_overwrites_the_first(tmp_path):
    folder = tmp_path / "default"
    folder.mkdir()
    bad = folder / "20261125T120000Z-deadbeef.toml"
    for content in [b"first = = bad", b"second [[ bad", b"third"]:
        bad.write_bytes(content)
        loaded = store.load_sessions(tmp_path, "default")
        assert len(loaded.problems) == 1
    assert (folder / f"{bad.name}.corrupt").read_bytes() == b"first = = bad"
    assert (folder / f"{bad.name}.corrupt-2").read_bytes() == b"second [[ bad"
    assert (folder / f"{bad.name}.corrupt-3").read_bytes() == b"third"
    assert "set aside as 20261125T120000Z-deadbeef.toml.corrupt-3" in loaded.problems[0]


def test_save_from_a_newer_version_is_reported_and_left_in_place(tmp_path):
    """Not damaged, just newer: renaming it would hide it from the briefing that wrote it."""
    store.save(record(1), tmp_path)
    newer = tmp_path / "default" / "20261125T120000Z-0000f00d.toml"
    newer.write_text(_valid_text(schema_version=SCHEMA_VERSION + 1, id=newer.stem, shiny_new_field=1))
    before = newer.read_bytes()
    loaded = store.load_sessions(tmp_path, "default")
    assert len(loaded.sessions) == 1
    (line,) = loaded.problems
    assert (
        line.startswith(f"{newer}: ")
        and "newer briefing" in line
        and f"schema_version {SCHEMA_VERSION + 1}" in line
    )
    assert newer.read_bytes() == before and not list(newer.parent.glob("*.corrupt*"))


def test_directory_named_like_a_save_is_skipped_not_renamed(tmp_path):
    store.save(record(1), tmp_path)
    odd = tmp_path / "default" / "odd.toml"
    odd.mkdir()
    loaded = store.load_sessions(tmp_path, "default")
    assert len(loaded.sessions) == 1 and len(loaded.problems) == 1 and str(odd) in loaded.problems[0]
    assert odd.is_dir()


def test_missing_folder_is_an_empty_result(tmp_path):
    loaded = store.load_sessions(tmp_path / "nowhere", "default")
    assert loaded.sessions == [] and loaded.problems == []


def test_file_name_decides_the_session_id(tmp_path):
    """A save copied by hand is the session its name says: later saves and discard act on it."""
    path = store.save(record(1), tmp_path)
    copy = path.with_name("20270101T000000Z-c0c0c0c0.toml")
    copy.write_bytes(path.read_bytes())
    ids = {s.id for s in store.load_sessions(tmp_path, "default").sessions}
    assert ids == {path.stem, copy.stem}


# --- temp files ----------------------------------------------------------------------


def test_temp_files_are_ignored_and_old_ones_cleaned_up(tmp_path):
    store.save(record(1), tmp_path)
    folder = tmp_path / "default"
    fresh = folder / ".abc123.tmp"
    stale = folder / ".def456.tmp"
    fresh.write_text("half a sa")
    stale.write_text("half a sa")
    hour_ago = time.time() - 3700
    os.utime(stale, (hour_ago, hour_ago))
    loaded = store.load_sessions(tmp_path, "default")
    assert len(loaded.sessions) == 1 and loaded.problems == []
    assert fresh.exists() and not stale.exists()


# --- names -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name", ["..", ".", "a/b", "", "con\n", "a b", "x" * 65, "é", "../etc", "a\\b", None, 3]
)
def test_bad_profile_names_are_rejected_in_one_line(tmp_path, name):
    with pytest.raises(SaveError) as err:
        store.check_profile(name)
    message = str(err.value)
    assert "\n" not in message and "profile" in message and repr(name) in message
    with pytest.raises(SaveError):
        store.load_sessions(tmp_path, name)
    if name is not None:  # None is "no profile chosen yet": the saves folder alone is checked
        with pytest.raises(SaveError):
            store.check_writable(tmp_path, name)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["default", "Ana_2", "a-b", "x" * 64, "0"])
def test_good_profile_names_are_accepted(name):
    assert store.check_profile(name) == name


@pytest.mark.parametrize("bad_id", ["../escape", ".hidden", "a/b", "", "x.toml"])
def test_unsafe_session_ids_are_refused(tmp_path, bad_id):
    with pytest.raises(SaveError):
        store.save(record(1, id=bad_id), tmp_path / "saves")
    assert not (tmp_path / "saves").exists() and not (tmp_path / "escape.toml").exists()


def test_record_with_a_bad_profile_is_refused(tmp_path):
    rec = record(1)
    rec.profile = "../x"  # no validation on assignment: save checks it
    with pytest.raises(SaveError):
        store.save(rec, tmp_path / "saves")
    assert not (tmp_path / "x").exists()


def test_session_ids_sort_by_time_and_are_unique_within_a_second():
    ids = {store.new_session_id(T0) for _ in range(500)}
    assert len(ids) == 500
    assert all(i.startswith("20261125T101500Z-") and len(i) == 25 for i in ids)
    later = store.new_session_id(T0 + timedelta(seconds=1))
    assert later > max(ids)
    assert store.new_session_id(
        datetime(2026, 11, 25, 11, 15, tzinfo=timezone(timedelta(hours=1)))
    ).startswith("20261125T101500Z-")


# --- unwritable places --------------------------------------------------------------------


def test_saving_under_a_regular_file_is_a_one_line_save_error(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    saves = blocker / "sub"
    with pytest.raises(SaveError) as err:
        store.save(record(1), saves)
    message = str(err.value)
    assert len(message.splitlines()) == 1
    assert str(saves / "default") in message and "Not a directory" in message
    with pytest.raises(SaveError) as err:
        store.check_writable(saves, "default")
    assert str(saves / "default") in str(err.value) and "Not a directory" in str(err.value)
    assert blocker.read_text() == "not a folder"


def test_profile_path_taken_by_a_file_is_a_save_error(tmp_path):
    (tmp_path / "default").write_text("in the way")
    with pytest.raises(SaveError):
        store.check_writable(tmp_path, "default")
    loaded = store.load_sessions(tmp_path, "default")
    assert loaded.sessions == [] and len(loaded.problems) == 1 and "is not a folder" in loaded.problems[0]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_a_save_error(tmp_path):
    folder = tmp_path / "default"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(SaveError) as err:
            store.check_writable(tmp_path, "default")
        assert "Permission denied" in str(err.value)
        with pytest.raises(SaveError):
            store.save(record(1), tmp_path)
    finally:
        folder.chmod(0o700)


def test_check_writable_creates_the_folder_and_leaves_nothing(tmp_path):
    folder = store.check_writable(tmp_path / "a" / "b", "ana")
    assert folder == tmp_path / "a" / "b" / "ana" and folder.is_dir()
    assert list(folder.iterdir()) == []


# --- resuming and discarding --------------------------------------------------------------


def test_in_progress_is_newest_first_of_the_pack(tmp_path):
    """What resume_saved offers first: the newest unfinished session of this pack."""
    store.save(record(1, status="in_progress"), tmp_path)
    newest = record(3, status="in_progress")
    store.save(newest, tmp_path)
    store.save(record(4, status="finished"), tmp_path)
    store.save(record(5, status="in_progress", pack_id="other"), tmp_path)
    (tmp_path / "default" / "20261125T130000Z-0badf00d.toml").write_text("broken = = ")
    problems: list[str] = []
    assert store.in_progress(tmp_path, "default", "small", problems)[0] == newest
    assert len(problems) == 1 and "not valid TOML" in problems[0]
    assert store.in_progress(tmp_path, "default", "missing-pack") == []
    assert store.in_progress(tmp_path / "none", "default", "small") == []


def test_discard_removes_only_that_session(tmp_path):
    keep, drop = record(1), record(2, status="in_progress")
    store.save(keep, tmp_path)
    store.save(drop, tmp_path)
    assert store.discard(tmp_path, drop) is True
    assert store.discard(tmp_path, drop) is False
    assert [s.id for s in store.load_sessions(tmp_path, "default").sessions] == [keep.id]


# --- atomic_write, also used for reports -----------------------------------------------------


def test_atomic_write_replaces_whole_or_not_at_all(tmp_path, monkeypatch):
    target = tmp_path / "report.json"
    store.atomic_write(target, b"old")
    monkeypatch.setattr(os, "replace", _fail)
    with pytest.raises(OSError):
        store.atomic_write(target, b"new")
    monkeypatch.undo()
    assert target.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["report.json"]
    store.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"


def test_list_profiles_names_only_profile_folders(tmp_path):
    assert store.list_profiles(tmp_path / "missing") == []
    for name in ("ana", "bo-2", "not a profile", ".hidden"):
        (tmp_path / name).mkdir()
    (tmp_path / "file.toml").write_text("")
    assert store.list_profiles(tmp_path) == ["ana", "bo-2"]


def test_check_writable_without_a_profile_makes_no_profile_folder(tmp_path):
    saves = tmp_path / "saves"
    store.check_writable(saves, None)
    assert saves.is_dir() and list(saves.iterdir()) == []
    (tmp_path / "file.toml").write_text("x")
    with pytest.raises(SaveError, match="cannot save sessions here"):
        store.check_writable(tmp_path / "file.toml" / "saves", None)
