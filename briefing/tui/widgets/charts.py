"""Charts drawn with block characters: a horizontal bar for a share, and a strip of days.

Plain text in the theme's colours, so they cost a Static and nothing else to start
(no plotting library), and read in a snapshot as they read on screen.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

from textual.content import Content

# Eighths of a cell, left to right.
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(share: float, width: int, style: str = "$success") -> Content:
    """`share` (0 to 1) of `width` cells, to an eighth of a cell; the rest a dim track."""
    eighths = round(max(0.0, min(share, 1.0)) * width * 8)
    full, part = divmod(eighths, 8)
    filled = "█" * full + (_EIGHTHS[part] if part else "")
    return Content.assemble((filled, style), ("░" * (width - len(filled)), "dim"))


def day_strip(studied: Collection[date], today: date, days: int = 28) -> Content:
    """The last `days` days up to `today`, oldest first, a week to a group: a full
    block for a day studied, a dot for a day not."""
    cells: list[tuple[str, str] | str] = []
    for n in range(days - 1, -1, -1):
        day = today - timedelta(days=n)
        cells.append(("█", "$success") if day in studied else ("·", "dim"))
        if n and n % 7 == 0:
            cells.append(" ")
    return Content.assemble(*cells)
