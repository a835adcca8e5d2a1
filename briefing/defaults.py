"""The command line's fixed values, each in one place: where saves go, whose they
are, the exit codes and the report formats.

The CLI reads these before it knows which command runs, so this module imports
nothing: `briefing --version` and argument errors stay instant.
"""

from __future__ import annotations

SAVES_DIR = "saves"  # relative to where briefing runs: ./saves
PROFILE = "default"

EXIT_PASSED = 0  # the quiz reached the pass mark; any other command succeeded
EXIT_FAILED = 1  # the quiz fell below the pass mark
EXIT_USAGE = 2  # a usage error, an invalid pack, answers file or save
EXIT_INTERRUPTED = 130  # Ctrl+C, as shells report SIGINT

REPORT_FORMATS = ("text", "json", "junit")  # briefing quiz --headless --format
DATA_FORMATS = ("text", "json")  # validate and stats --format
