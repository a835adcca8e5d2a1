"""The Textual front end.

`run_app(args)` checks everything that can fail before the UI starts (the
pack, the profile, that the saves folder is writable), so those failures are
the same one-line message and exit code as the headless mode. Textual is
imported only after that, never at this module's import: the headless
commands must not pay for it.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefing.records import Scope


def run_app(args: argparse.Namespace) -> int:
    """Open the briefing and quiz; BriefingError before the UI when it cannot start."""
    from pathlib import Path

    from briefing import library, store
    from briefing.defaults import saves_dir

    where = getattr(args, "pack", None)
    entries, notes = library.find(where) if where is not None and Path(where).is_dir() else ([], [])
    # A folder of several packs opens on the picker; one pack (or none: its error) as before.
    pack = None if len(entries) > 1 else entries[0].pack if entries else library.load_one(where)
    profile = getattr(args, "profile", None)
    if profile is not None:
        profile = store.check_profile(profile)
    saves = Path(getattr(args, "saves", None) or saves_dir())
    section = getattr(args, "section", None)
    if section is not None and pack is None:
        from briefing.errors import UsageError

        raise UsageError(f"briefing: --section needs one pack: {where} holds {len(entries)}: name one")
    if section is not None and pack is not None:  # the engine (and the grader) only when a section is named
        from briefing.engine import questions_of_section
        from briefing.errors import UsageError

        try:
            questions_of_section(pack, section)
        except ValueError as exc:  # before the UI starts, as headless says it
            raise UsageError(f"briefing: --section: {exc}") from None
    store.check_writable(saves, profile)  # without a profile yet: the saves folder itself

    from briefing.tui.app import BriefingApp

    review: Scope | None = None  # `briefing review`: the UI opens on a review (or the weakest questions)
    options: dict[str, Any] = {}
    if getattr(args, "command", None) == "review":
        review = "weakest" if args.weakest else "review"
        options["new_per_day"] = args.new
        if args.now is not None:  # --now fixes the clock, as headless does
            from briefing.learn.schedule import utc

            fixed = utc(args.now)
            options["clock"] = lambda: fixed
    app = BriefingApp(
        pack,
        library=entries,
        library_notes=notes,
        profile=profile,
        saves=saves,
        seed=getattr(args, "seed", None),
        limit=getattr(args, "limit", None),
        section=section,
        review=review,
        **options,
    )
    app.run()
    return app.return_code or 0
