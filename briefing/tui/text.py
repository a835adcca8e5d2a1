"""Pack and user text on screen: always data, never markup or terminal codes.

Every string that comes from the pack or from the person goes through
`data()`: a Content built from plain text (never parsed as markup), with
control characters shown as `\\x1b` rather than sent to the terminal.
Styles may use theme variables ("bold $success").
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.content import Content

from briefing.errors import printable


def data(text: str, style: str = "") -> Content:
    """`text` shown as it is: `[bold]` stays `[bold]`, an escape code is shown as `\\x1b`."""
    return Content.styled(printable(text), style)


def labelled(label: str, text: str, label_style: str = "bold") -> Content:
    """`label` (ours, styled) followed by `text` (data)."""
    return Content.assemble((label, label_style), data(text))


def lines(parts: Iterable[Content]) -> Content:
    return Content("\n").join(parts)


def pack_title(screen: str, profile: str | None) -> Content:
    """A screen's title over one profile's saves of this pack: "History · profile ana · this pack only"."""
    return Content.assemble((screen, "bold"), "  ·  profile ", data(profile or ""), "  ·  this pack only")
