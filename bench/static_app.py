"""The floor Textual alone sets: an app that shows one Static. bench.py times it to
its first frame."""

from textual.app import App, ComposeResult
from textual.widgets import Static


class StaticFloor(App):
    def compose(self) -> ComposeResult:
        yield Static("Static floor")


if __name__ == "__main__":
    StaticFloor().run()
