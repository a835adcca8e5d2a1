"""Words the grader reads for what they say about a figure, each list in one place.

The scanner (numbers) reads them beside a figure ("fell 40.7%", "a 92% increase");
the grader reads them in a question's prompt to know whether its figure is a fall
or a rise. One list for both: two copies had drifted (only one knew "plunged").
"""

from __future__ import annotations

# A fall: verbs in their forms, and the adverbs and nouns that say one.
FALL_WORDS = frozenset(
    "down fell fall falls falling fallen decline declined declines declining drop dropped drops dropping "
    "decrease decreased decreases decreasing lower lowered cut cuts shrank shrink shrinks shrinking shrunk "
    "slid slide slides sliding slipped slip slips dipped dip dips reduce reduced reduces reducing reduction "
    "contracted contraction slumped slump slumps plunged plunge plunges tumbled tumble tumbles "
    "sank sink sinks sunk".split()
)
# A rise, likewise.
RISE_WORDS = frozenset(
    "up rose rise rises rising risen increase increased increases increasing grew grow grows growing grown "
    "growth gain gained gains jumped jump jumps climbed climb climbs higher raised surged surge surges "
    "soared soar soars".split()
)
# Signs written as words: they set a direction beside a figure, but say nothing in a prompt
# ("how many more"; "plus" of a list).
MINUS_WORDS = frozenset({"minus"})
PLUS_WORDS = frozenset({"plus", "more"})
