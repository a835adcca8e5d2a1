"""Every key, screen by screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

KEYS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Anywhere",
        [
            ("ctrl+q", "quit (progress is already saved)"),
            ("F1  ?", "this help"),
            ("ctrl+t", "light or dark theme"),
            ("Tab  shift+Tab", "next / previous part of the screen"),
        ],
    ),
    (
        "Briefing",
        [
            ("↑ ↓  Enter", "jump to a section, then read it"),
            ("s", "start the quiz (or continue it)"),
            ("k", "key figures"),
            ("h", "history"),
        ],
    ),
    (
        "Quiz",
        [
            ("Enter", "submit a typed answer"),
            ("1-5  or ↑ ↓ Enter", "pick an option"),
            ("t  f", "true / false"),
            ("ctrl+s", "skip the question (counts as wrong)"),
            ("F2  ctrl+p", "peek at the question's briefing section"),
            ("Enter  n", "next question, after the feedback"),
            ("Escape", "back to the briefing; the quiz waits"),
        ],
    ),
    (
        "Results",
        [
            ("r", "retry the missed questions"),
            ("h", "history"),
            ("Escape", "back to the briefing"),
        ],
    ),
    ("History, key figures", [("Escape", "back")]),
]


def keys_text() -> Content:
    width = max(len(key) for _, rows in KEYS for key, _ in rows) + 2
    parts: list[Content] = []
    for where, rows in KEYS:
        if parts:
            parts.append(Content(""))
        parts.append(Content.styled(where, "bold $accent"))
        for key, does in rows:
            parts.append(Content.assemble(("  " + key.ljust(width), "bold"), does))
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
            yield Static(keys_text(), id="keys")

    def on_mount(self) -> None:
        body = self.query_one("#help-body")
        body.border_title = "Keys"
        body.border_subtitle = "Escape closes"
        body.focus()
