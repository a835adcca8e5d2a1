"""The floor our two libraries set: import pydantic, validate one small model,
show one Markdown widget with Textual. bench.py times it to its first frame."""

from pydantic import BaseModel
from textual.app import App, ComposeResult
from textual.widgets import Markdown


class Doc(BaseModel):
    title: str
    body: str


DOC = Doc.model_validate(
    {"title": "Floor", "body": "# Floor briefing\n\nSome *text* to read.\n\n| a | b |\n|---|---|\n| 1 | 2 |"}
)


class Floor(App):
    def compose(self) -> ComposeResult:
        yield Markdown(DOC.body)


if __name__ == "__main__":
    Floor().run()
