"""Big packs are checked on several cores: same problems, same order, nothing left running."""

import os
import sys
from pathlib import Path

import pytest

from briefing.chunks import map_chunks, workers_for

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")

ROOT = Path(__file__).resolve().parent.parent


def no_children_left():
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


def tagged(chunk):
    return [(os.getpid(), x * x) for x in chunk]


@pytest.mark.parametrize("workers, count", [(2, 10), (3, 10), (4, 3), (2, 1), (2, 0)])
def test_results_come_back_whole_and_in_order(workers, count):
    results = map_chunks(tagged, list(range(count)), workers)
    assert [r for _, r in results] == [x * x for x in range(count)]
    if count >= workers:  # the later chunks were done by other processes
        assert len({pid for pid, _ in results}) == workers
    no_children_left()


def test_a_failing_child_costs_speed_not_results():
    parent = os.getpid()

    def fails_in_children(chunk):
        if os.getpid() != parent:
            raise RuntimeError("child broke")
        return tagged(chunk)

    results = map_chunks(fails_in_children, list(range(9)), 3)
    assert [r for _, r in results] == [x * x for x in range(9)]
    assert {pid for pid, _ in results} == {parent}
    no_children_left()


def test_a_failure_here_leaves_no_child_behind():
    parent = os.getpid()

    def fails_here(chunk):
        if os.getpid() == parent:
            raise ValueError("parent broke")
        return list(chunk) * 50_000  # more than a pipe holds: the child blocks writing

    with pytest.raises(ValueError):
        map_chunks(fails_here, list(range(4)), 2)
    no_children_left()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parallel checks are for Linux")
def test_workers_grow_with_the_work_up_to_the_cores():
    assert workers_for(10) == 1
    assert workers_for(999) == 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    assert workers_for(1_000_000) == cores


def test_a_big_pack_checked_in_parallel_reports_what_one_process_reports(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from bench import generated_pack
    finally:
        sys.path.pop(0)
    from briefing import pack as packs
    from briefing.checks import check

    path = tmp_path / "big.toml"
    generated_pack(4000, path)
    data = packs.parse_toml(path.read_text(), "test.toml")
    questions = data["questions"]
    # a problem near the start, one in the middle and one at the end
    choice = next(q for q in questions if q["kind"] == "choice")
    choice["answer"] = choice["options"][2]  # "Delta": not in its section
    listed = next(q for q in questions[2000:] if q["kind"] == "list")
    listed["items"][0] = "Omega"
    figure = next(q for q in reversed(questions) if q["kind"] == "figure")
    figure["value"] = figure.get("value", 1) * 7 + 1  # no longer what `expected` says
    pack = packs.parse(data)
    assert workers_for(len(pack.questions)) > 1 or os.cpu_count() == 1 or not sys.platform.startswith("linux")
    one = check(pack, "big.toml")
    assert [(p.where, p.field) for p in one] == [
        (f"question {choice['id']!r}", "answer"),
        (f"question {listed['id']!r}", "items"),
        (f"question {figure['id']!r}", "value"),
    ]
    assert check(pack, "big.toml", parallel=True) == one
    no_children_left()
