"""Standard output and error when their reader goes away or the disk under them is full."""

from __future__ import annotations

import os
import sys


def drop_stdout() -> None:
    """Point stdout at the null device: what it could not take is not retried at exit."""
    _drop(sys.stdout)


def say_error(lines: list[str]) -> None:
    """Error lines on stderr; a reader gone (`2>&1 | head -1`) takes nothing more, and the
    command still ends with its own exit code, not a traceback's."""
    try:
        for line in lines:
            print(line, file=sys.stderr)
        sys.stderr.flush()
    except (OSError, ValueError):
        _drop(sys.stderr)


def _drop(stream) -> None:
    try:
        stream.flush()
    except (OSError, ValueError):
        pass
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
