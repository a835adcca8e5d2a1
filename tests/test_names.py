"""People and codes (briefing.grading.names): small misspellings, never a different short name."""

import pytest

from briefing.grading.names import match_item, match_person, osa_distance
from briefing.pack import Person

ROSTER = [
    Person(id="william-li", name="William Li", role="Founder and CEO", aliases=["Li"]),
    Person(id="stanley-qu", name="Stanley Qu", role="Chief financial officer", aliases=["Qu"]),
    Person(id="claudio-afonso", name="Cláudio Afonso", role="Founder of CARBA"),
    Person(id="nio", name="Nio", role="The company", aliases=["the company"]),
]


@pytest.mark.parametrize(
    "a, b, limit, distance",
    [
        ("william", "william", 1, 0),
        ("wiliam", "william", 1, 1),  # deletion
        ("willliam", "william", 1, 1),  # insertion
        ("wilxiam", "william", 1, 1),  # substitution
        ("wliliam", "william", 1, 1),  # two neighbours swapped
        ("ca", "abc", 3, 3),  # OSA, not full Damerau: no edit inside a swap
        ("platformisation", "platformization", 2, 1),
        ("stnaly", "stanley", 2, 2),
        ("li", "liu", 1, 1),
        ("abcdef", "uvwxyz", 1, 2),  # stops early: limit + 1
        ("a", "abcdefgh", 2, 3),  # lengths too far apart: limit + 1 at once
    ],
)
def test_osa_distance(a, b, limit, distance):
    assert osa_distance(a, b, limit) == distance


@pytest.mark.parametrize(
    "typed, person_id",
    [
        ("William Li", "william-li"),
        ("william li", "william-li"),
        ("WILLIAM LI", "william-li"),
        ("  William   Li. ", "william-li"),
        ("Li", "william-li"),  # an alias
        ("Wiliam Li", "william-li"),  # one letter dropped from a long word
        ("Willaim Li", "william-li"),  # two letters swapped
        ("Mr Li", "william-li"),
        ("Mr. Li", "william-li"),
        ("the William Li", "william-li"),
        ("Li said", "william-li"),
        ("Ｗｉｌｌｉａｍ Ｌｉ", "william-li"),  # full-width
        ("Stanley Qu", "stanley-qu"),
        ("Stanly Qu", "stanley-qu"),
        ("Qu", "stanley-qu"),
        ("Ms Qu", "stanley-qu"),
        ("Cláudio Afonso", "claudio-afonso"),
        ("Claudio Afonso", "claudio-afonso"),  # accents do not matter
        ("claudio afonzo", "claudio-afonso"),
        ("Nio", "nio"),
        ("the company", "nio"),
        # found by the answer battery: a name with what the roster says of them
        ("CEO William Li", "william-li"),
        ("William Li (CEO)", "william-li"),
        ("Li, the CEO", "william-li"),
        ("founder and CEO William Li", "william-li"),
        ("William Li, the chief executive", "william-li"),
        ("it was William Li", "william-li"),
        ("Wiliam Li, CEO", "william-li"),
        ("Stanley Qu, the chief financial officer", "stanley-qu"),
        ("CFO Stanley Qu", "stanley-qu"),
        ("the company itself", "nio"),
        ("Nio itself", "nio"),
        # a title alone names the one roster entry whose role gives it
        ("CEO", "william-li"),
        ("the chief executive", "william-li"),
        ("the CFO", "stanley-qu"),
        # an initial for a given name
        ("W. Li", "william-li"),
        ("W Li", "william-li"),
        ("S. Qu", "stanley-qu"),
    ],
)
def test_match_person_accepts(typed, person_id):
    person = match_person(typed, ROSTER)
    assert person is not None, typed
    assert person.id == person_id


@pytest.mark.parametrize(
    "typed",
    [
        "Liu",  # a different short name, however close
        "Lee",
        "Lin",
        "L",
        "William Liu",  # the surname must match exactly: it is short
        "William Lee",
        "Wiliam Liu",
        "William",  # a first name alone is not on the roster
        "Stanley",
        "Wllm Li",  # two edits in a 7-letter word
        "Bill Li",
        "Qi",
        "Nia",
        "",
        "   ",
        "said",
        # words beside a name must be said of that person in the roster
        "William Li, the CFO",
        "CEO Stanley Qu",
        "Li Xiang",
        "Li Auto",
        "William Li Qu",
        "William Li and Stanley Qu",
        "Li or Qu",
        # an initial never stands for the surname, nor for another given name
        "W. Liu",
        "William L",
        "B. Li",
        "Stanley Q",
    ],
)
def test_match_person_rejects(typed):
    assert match_person(typed, ROSTER) is None


def test_another_roster_person_is_that_person_not_the_speaker():
    assert match_person("Stanley Qu", ROSTER).id == "stanley-qu"


def test_an_exact_name_wins_over_a_fuzzy_one():
    roster = [
        Person(id="a", name="Anna Marsh", role="r"),
        Person(id="b", name="Anna March", role="r"),
    ]
    assert match_person("Anna Marsh", roster).id == "a"
    assert match_person("Anna March", roster).id == "b"
    assert match_person("Anna Marcg", roster).id == "b"
    assert match_person("Anna Marah", roster) is None  # one edit from both: undecided


@pytest.mark.parametrize(
    "typed, item, matches",
    [
        ("Cedar", "Cedar", True),
        ("cedar", "Cedar", True),
        ("Ceder", "Cedar", True),
        ("Coconutt", "Coconut", True),
        ("Banyan", "Banyan", True),
        ("Banana", "Banyan", False),
        ("ES9", "ES9", True),
        ("es9", "ES9", True),
        ("ES 9", "ES9", True),
        ("ＥＳ９", "ES9", True),
        ("ES8", "ES9", False),  # a code with a digit must match exactly
        ("ES90", "ES9", False),
        ("EC6", "ES6", False),
        ("Oaks", "Oak", False),  # a short word must match exactly
        ("world model", "World Model", True),
        ("world modle", "World Model", True),
        ("world", "World Model", False),
        ("platformisation", "platformization", True),
        ("", "Cedar", False),
    ],
)
def test_match_item(typed, item, matches):
    assert match_item(typed, item) is matches
