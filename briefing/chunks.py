"""Running a function over a long list on several cores, for a big pack's checks.

`map_chunks(fn, items, workers)` splits `items` into contiguous chunks and
returns fn's results for them concatenated in order, as `fn(items)` would.
Chunks after the first run in forked children that send their results back
pickled through a pipe, while this process does the first. A child that
fails, or a platform with no fork, costs only speed: its chunk is done here.

Only for single-threaded commands (`validate`): forking a process that runs
threads, like the TUI, is unsafe.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def workers_for(count: int, per_worker: int = 1000) -> int:
    """How many processes `count` items are worth: one per `per_worker`, at most one per core.

    One off Linux: macOS system libraries are not safe to fork, Windows cannot.
    """
    if not sys.platform.startswith("linux"):
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, count // per_worker))


def map_chunks(fn: Callable[[Sequence[T]], list[R]], items: Sequence[T], workers: int) -> list[R]:
    """fn over `workers` contiguous chunks of items, results concatenated in order."""
    if workers <= 1 or len(items) < 2 or not hasattr(os, "fork"):
        return fn(items)
    size = -(-len(items) // workers)
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    children = [_fork(fn, chunk) for chunk in chunks[1:]]
    try:
        results = list(fn(chunks[0]))
    except BaseException:  # a bug or Ctrl+C here: leave no child behind
        for child in children:
            if child is not None:
                _discard(child)
        raise
    for chunk, child in zip(chunks[1:], children, strict=False):
        done = _collect(child) if child is not None else None
        results += done if done is not None else fn(chunk)
    return results


def _fork(fn: Callable[[Sequence[T]], list[R]], chunk: Sequence[T]) -> tuple[int, int] | None:
    """(pid, read end of its pipe) of a child working on chunk; None if no child could start."""
    try:
        read, write = os.pipe()
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # the child: never returns, never runs the parent's exit handlers
        code = 1
        try:
            os.close(read)
            with os.fdopen(write, "wb") as out:
                pickle.dump(fn(chunk), out, protocol=pickle.HIGHEST_PROTOCOL)
            code = 0
        finally:
            os._exit(code)
    os.close(write)
    return pid, read


def _discard(child: tuple[int, int]) -> None:
    pid, read = child
    os.close(read)  # a child still writing gets EPIPE and exits
    os.waitpid(pid, 0)


def _collect(child: tuple[int, int]) -> list | None:
    """A child's results, or None when it failed."""
    pid, read = child
    with os.fdopen(read, "rb") as pipe:
        data = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        return None
    try:
        return pickle.loads(data)
    except Exception:
        return None
