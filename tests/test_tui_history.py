"""The history screen's trend of percents."""

from __future__ import annotations

from briefing.tui.widgets.percent_trend import PercentTrend


def test_the_trend_is_drawn_on_a_fixed_scale_not_stretched_to_its_own_range():
    """A lone 40% quiz is not drawn as a full bar; 0% still shows a sliver; colours say pass/fail."""
    trend = PercentTrend([40.0, 0.0, 100.0], [False, False, True])
    top, bottom = trend.chart().plain.splitlines()
    assert top == "  █ 100%" and bottom == "▆▁█   0%"
    styles = [str(span.style) for span in trend.chart().spans]
    assert styles[:3] == ["$error", "$error", "$success"]
    assert PercentTrend([40.0], [False]).chart().plain.splitlines() == ["  100%", "▆   0%"]
