"""Standard output when its reader goes away or the disk under it is full."""

from __future__ import annotations

import os
import sys


def drop_stdout() -> None:
    """Point stdout at the null device: what it could not take is not retried at exit."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass
