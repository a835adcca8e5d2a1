"""The one place text is made comparable.

`normalize(text)`: NFKC (full-width digits and letters, no-break and thin
spaces, vulgar fractions spelt "1/10"), U+2212 minus and the dashes to '-',
curly quotes to straight ones, invisible format characters (category Cf: zero-width spaces, soft hyphens,
direction marks) removed, casefolded, whitespace collapsed to single spaces.

`strip_accents(text)` drops diacritics ("Cláudio" -> "Claudio"); `fold(text)`
is both, for comparing names.

After normalising, match digits with re.ASCII: Python's \\d also accepts
other scripts' digits, which float() would then read.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2043\u2212\u2796\ufe58\ufe63\uff0d"
_SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u0060"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb"

_TABLE = {ord(c): "-" for c in _DASHES}
_TABLE.update({ord(c): "'" for c in _SINGLE_QUOTES})
_TABLE.update({ord(c): '"' for c in _DOUBLE_QUOTES})
# Fraction and division slashes: NFKC writes "⅒" as "1⁄10" (U+2044).
_TABLE.update({ord(c): "/" for c in "\u2044\u2215"})
# Spaces NFKC leaves alone or that str.split() would not see as spaces.
_TABLE.update({ord(c): " " for c in "\u00a0\u2007\u202f\u180e\u3000"})

# Vulgar fractions ("½", "⅒"), set apart from digits before NFKC spells them out.
_VULGAR = re.compile("([\u00bc-\u00be\u2150-\u215e])")

# Letters that carry no combining mark to drop.
_BASE_LETTERS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th"}
)


def _strip_format(text: str) -> str:
    category = unicodedata.category
    return "".join(c for c in text if c.isascii() or category(c) != "Cf")


@lru_cache(maxsize=8192)
def normalize(text: str) -> str:
    """Text made comparable: Unicode-folded, casefolded, single-spaced, stripped."""
    if text.isascii():
        return " ".join(text.lower().split())
    if _VULGAR.search(text):
        text = _VULGAR.sub(r" \1", text)  # "2½" is 2 and a half, not "21/2"
    text = unicodedata.normalize("NFKC", text).translate(_TABLE)
    text = _strip_format(text).casefold()
    return " ".join(text.split())


def strip_accents(text: str) -> str:
    """ "Cláudio" -> "Claudio": diacritics dropped, for comparing names."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text).translate(_BASE_LETTERS)


@lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """normalize() and strip_accents(): the form names are compared in."""
    return strip_accents(normalize(text))
