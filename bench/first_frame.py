"""Start an app, wait for its first frame, exit, and print the peak memory.

    python bench/first_frame.py floor|briefing

`floor` is the least our two libraries allow: import pydantic, validate one
small model, show one Markdown widget with Textual. `briefing` is our TUI on
the bundled pack, showing the briefing. bench.py times the whole process
from the outside and compares the two.
"""

from __future__ import annotations

import json
import resource
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def floor_app():
    from pydantic import BaseModel
    from textual.app import App, ComposeResult
    from textual.widgets import Markdown

    class Doc(BaseModel):
        title: str
        body: str

    doc = Doc.model_validate({"title": "Briefing", "body": "# Briefing\n\nSome *text*.\n\n| a | b |\n|---|---|\n| 1 | 2 |"})

    class Floor(App):
        def compose(self) -> ComposeResult:
            yield Markdown(doc.body)

    async def shown(pilot) -> None:
        await pilot.pause()
        assert pilot.app.query_one(Markdown)
        pilot.app.exit()

    return Floor(), shown


def briefing_app():
    # What `briefing --profile bench` does before its first frame (briefing.tui.run_app).
    from briefing import pack as packs
    from briefing import store

    saves = Path(tempfile.mkdtemp())
    pack = packs.load()
    store.check_writable(saves, "bench")
    from briefing.tui.app import BriefingApp

    app = BriefingApp(pack, profile="bench", saves=saves, seed=1)

    async def shown(pilot) -> None:
        await pilot.pause()
        from textual.widgets import Markdown

        assert pilot.app.screen.query(Markdown), "the briefing is not on screen"
        pilot.app.exit()

    return app, shown


def main() -> None:
    which = sys.argv[1]
    app, shown = {"floor": floor_app, "briefing": briefing_app}[which]()
    app.run(headless=True, size=(80, 24), auto_pilot=shown)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"which": which, "peak_mb": peak_kb / 1024}))


if __name__ == "__main__":
    main()
