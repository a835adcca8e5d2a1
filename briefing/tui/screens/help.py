"""Every key, screen by screen, read from the bindings themselves.

Each group lists the BINDINGS a class declares (the app's apply anywhere), by
their descriptions and with the keys as Textual shows them in the footer, so
that a key added, changed or removed in a screen shows here without a second
list to keep in step. What is not a binding of ours (a focused widget's own
keys, such as Enter in a text box) is the class's HELP line.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.history import HistoryScreen
from briefing.tui.screens.key_figures import KeyFiguresScreen
from briefing.tui.screens.peek import PeekScreen
from briefing.tui.screens.picker import PickerScreen
from briefing.tui.screens.progress import ProgressScreen
from briefing.tui.screens.quiz import QuizScreen
from briefing.tui.screens.results import ResultsScreen
from briefing.tui.screens.team import TeamScreen

Row = tuple[str, str]  # keys as shown, what they do


def _bindings(node: type[DOMNode]) -> list[Binding]:
    """The bindings `node` declares itself (not those it inherits), one key each."""
    declared: list[BindingType] = node.__dict__.get("BINDINGS", [])
    return list(Binding.make_bindings(declared))


def rows(app: App, node: type[DOMNode]) -> list[Row]:
    """One row per description, its keys together ("f1 ?  Help"); keys bound to
    several actions by turn show them all ("s  Start quiz / Continue quiz")."""
    keys: dict[str, list[str]] = {}
    for binding in _bindings(node):
        if binding.description:
            shown = keys.setdefault(binding.description, [])
            display = app.get_key_display(binding)
            if display not in shown:
                shown.append(display)
    by_keys: dict[str, list[str]] = {}
    for description, displays in keys.items():
        by_keys.setdefault(" ".join(displays), []).append(description)
    return [(key, " / ".join(descriptions)) for key, descriptions in by_keys.items()]


def groups(app: App) -> list[tuple[str, type[DOMNode]]]:
    return [
        ("Anywhere", type(app)),
        ("Briefing", BriefingScreen),
        ("Quiz", QuizScreen),
        ("Peek at the briefing", PeekScreen),
        ("Results", ResultsScreen),
        ("History", HistoryScreen),
        ("Progress", ProgressScreen),
        ("Team", TeamScreen),
        ("Key figures", KeyFiguresScreen),
        ("Pack picker", PickerScreen),
    ]


def keys_text(app: App) -> Content:
    table = [(where, rows(app, node), node.HELP) for where, node in groups(app)]
    width = max(len(key) for _, found, _ in table for key, _ in found) + 2
    parts: list[Content] = []
    for where, found, note in table:
        if parts:
            parts.append(Content(""))
        parts.append(Content.styled(where, "bold $accent"))
        for key, does in found:
            parts.append(Content.assemble(("  " + key.ljust(width), "bold"), does))
        if note:
            parts.append(Content.styled("  " + note, "$text-muted"))
    return Content("\n").join(parts)


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "reference.tcss"
    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("f1", "dismiss", "Close", show=False),
        Binding("question_mark", "dismiss", "Close", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(keys_text(self.app), id="keys")

    def on_mount(self) -> None:
        body = self.query_one("#help-body")
        body.border_title = "Keys"
        body.border_subtitle = "Escape closes"
        body.focus()
