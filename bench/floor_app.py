"""The floor our two libraries set for the briefing's first frame: read the bundled
pack's first section, validate it with a pydantic model, show its title and its
Markdown body with Textual. bench.py compares its peak memory with the briefing's."""

import tomllib
from pathlib import Path

from pydantic import BaseModel
from textual.app import App, ComposeResult
from textual.widgets import Markdown, Static

PACK = Path(__file__).resolve().parent.parent / "briefing" / "data" / "questions.toml"


class Section(BaseModel):
    id: str
    title: str
    body: str


with PACK.open("rb") as f:
    FIRST = Section.model_validate(tomllib.load(f)["sections"][0])


class Floor(App):
    def compose(self) -> ComposeResult:
        yield Static(FIRST.title, markup=False)
        yield Markdown(FIRST.body)


if __name__ == "__main__":
    Floor().run()
