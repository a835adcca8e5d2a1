"""The command line's fixed values, each in one place: where saves go, whose they
are, the exit codes and the report formats.

The CLI reads these before it knows which command runs, so this module imports
nothing but `os` (loaded with Python itself): `briefing --version` and argument
errors stay instant.
"""

from __future__ import annotations

import os

SAVES_DIR = "saves"  # relative to where briefing runs: ./saves
# A team points every analyst's briefing at one shared folder: read here and nowhere else.
SAVES_ENV = "BRIEFING_SAVES"


def saves_dir() -> str:
    """Where saves go when --saves is not given: $BRIEFING_SAVES, else ./saves."""
    return os.environ.get(SAVES_ENV) or SAVES_DIR


PROFILE = "default"

EXIT_PASSED = 0  # the quiz reached the pass mark; any other command succeeded
EXIT_FAILED = 1  # the quiz fell below the pass mark
EXIT_USAGE = 2  # a usage error, an invalid pack, answers file or save
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report SIGINT

REPORT_FORMATS = ("text", "json", "junit")  # briefing quiz --headless --format
DATA_FORMATS = ("text", "json")  # validate, due and stats --format
TEAM_FORMATS = ("text", "json", "csv")  # stats --all-profiles --format
EXPORT_FORMATS = ("csv", "json")  # briefing export --format
NEW_PER_DAY = 10  # briefing review: new questions a day, after the due ones (--new N)
WEAKEST_REVIEW = 10  # briefing review --weakest: questions asked (--limit N)
