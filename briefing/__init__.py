"""briefing: a condensed briefing on a source document, then a quiz on it."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version has one home, pyproject.toml, read from the installed package's
    # metadata; only when asked, so no command pays for importlib.metadata at start.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("briefing")
        except PackageNotFoundError:  # run from a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'briefing' has no attribute {name!r}")
