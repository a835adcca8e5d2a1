"""Percent over time on a fixed 0-100% scale: one column per full quiz, oldest first."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

# Eighths of a cell, empty to full.
_BLOCKS = " ▁▂▃▄▅▆▇█"


class PercentTrend(Static):
    """Two rows of bars, so a 40% quiz is drawn at 40% of full height, never
    stretched to the top the way a min-to-max sparkline draws a lone value.
    A passed quiz is drawn in the success colour, a failed one in the error colour."""

    DEFAULT_CSS = """
    PercentTrend {
        height: 2;
        width: auto;
    }
    """

    def __init__(
        self, percents: list[float], passed: list[bool], *, width: int = 60, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.percents = percents[-width:]  # the most recent that fit
        self.passed = passed[-width:]

    def on_mount(self) -> None:
        self.update(self.chart())

    def chart(self) -> Content:
        """The two rows as styled text: 16 levels, and at least a sliver for 0%."""
        top, bottom = [], []
        for percent, passed in zip(self.percents, self.passed, strict=True):
            level = max(1, round(max(0.0, min(percent, 100.0)) / 100 * 16))
            style = "$success" if passed else "$error"
            top.append((_BLOCKS[max(0, level - 8)], style))
            bottom.append((_BLOCKS[min(level, 8)], style))
        scale_top, scale_bottom = (" 100%", "dim"), ("   0%", "dim")
        return Content.assemble(*top, scale_top, "\n", *bottom, scale_bottom)
