"""briefing: a condensed briefing on a source document, then a quiz on it."""

__version__ = "0.1.0"
