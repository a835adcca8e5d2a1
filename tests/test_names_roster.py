"""A roster of people and organisations (briefing.grading.names.identify), on an invented
wind developer: names by title and employer, organisations by description and initials,
romanised names hyphenated or in either order, and never a different entry."""

import tomllib
from dataclasses import asdict, replace
from pathlib import Path

import pytest

from briefing.checks import check
from briefing.errors import PackError
from briefing.grading.grader import grade
from briefing.grading.names import identify, match_person, mentions
from briefing.pack import Person, load, parse

FIXTURES = Path(__file__).resolve().parent / "fixtures"

ROSTER = [
    Person(id="zhang", name="Zhang Weimin", role="Chief executive, Halcyon Wind", aliases=["Zhang"]),
    Person(id="kim", name="Kim Seo-yeon", role="Chief technology officer, Halcyon Wind", aliases=["Kim"]),
    Person(id="brandt", name="Lukas Brandt", role="Chief financial officer", aliases=["Brandt"]),
    Person(id="halcyon", name="Halcyon Wind", role="the company", kind="organisation"),
    Person(
        id="efwa",
        name="European Floating Wind Association",
        role="an industry body of which Halcyon Wind is a member",
        aliases=["EFWA"],
        kind="organisation",
    ),
    Person(id="insight", name="Maritime Insight", role="research firm", kind="organisation"),
    Person(id="rossi", name="Giulia Rossi", role="Analyst, Maritime Insight", aliases=["Rossi"]),
]


@pytest.mark.parametrize(
    "typed, entry",
    [
        # romanised names: hyphenated, spaced, run together, in either order
        ("Zhang Weimin", "zhang"),
        ("Zhang Wei-min", "zhang"),
        ("Weimin Zhang", "zhang"),
        ("Wei-Min Zhang", "zhang"),
        ("Wei Min Zhang", "zhang"),
        ("zhang wei min", "zhang"),
        ("Weimin Zhnag", "zhang"),  # a small misspelling, the other order
        ("W. Zhang", "zhang"),
        ("Kim Seo-yeon", "kim"),
        ("Seoyeon Kim", "kim"),
        ("Seo-yeon Kim", "kim"),
        ("Kim Seoyeon", "kim"),
        ("Seo Yeon Kim", "kim"),
        ("Brandt, Lukas", "brandt"),
        # a title alone, or with the company, when one entry holds it
        ("the CEO", "zhang"),
        ("CEO", "zhang"),
        ("the chief executive", "zhang"),
        ("the C.E.O.", "zhang"),
        ("Halcyon's CEO", "zhang"),
        ("Halcyon Wind's chief executive", "zhang"),
        ("the chief executive of Halcyon Wind", "zhang"),
        ("the chief executive of Halcyon", "zhang"),
        ("the CFO", "brandt"),
        ("the finance chief", "brandt"),
        ("Halcyon's CFO", "brandt"),  # his role names no employer: the company's
        ("the company's CFO", "brandt"),
        ("according to the CFO", "brandt"),
        ("the CTO", "kim"),
        ("the company's chief technology officer", "kim"),
        ("Halcyon's technology chief", "kim"),
        ("the CTO said", "kim"),
        # a name with its title
        ("Zhang Weimin, the CEO", "zhang"),
        ("CEO Zhang Wei-min", "zhang"),
        ("the chief technology officer, Kim", "kim"),
        ("the Halcyon CTO Kim Seo-yeon", "kim"),
        # an organisation by its name, description, initials or a short form of its name
        ("Maritime Insight", "insight"),
        ("the research firm Maritime Insight", "insight"),
        ("research firm Maritime Insight", "insight"),
        ("Maritime Insight, the research firm", "insight"),
        ("Maritime Insight, a research firm", "insight"),
        ("the research firm", "insight"),
        ("Maritme Insight", "insight"),
        ("EFWA", "efwa"),
        ("E.F.W.A.", "efwa"),
        ("the EFWA", "efwa"),
        ("the European Floating Wind Association", "efwa"),
        ("Floating Wind Association", "efwa"),
        ("the floating wind association", "efwa"),
        ("the association", "efwa"),
        ("the industry body", "efwa"),
        ("the industry body EFWA", "efwa"),
        ("EFWA, the European Floating Wind Association", "efwa"),
        ("Halcyon Wind", "halcyon"),
        ("the company", "halcyon"),
        # a person at an organisation
        ("the analyst", "rossi"),
        ("the Maritime Insight analyst", "rossi"),
        ("Maritime Insight's analyst", "rossi"),
        ("an analyst at Maritime Insight", "rossi"),
        ("Giulia Rossi of Maritime Insight", "rossi"),
        ("Rossi, the analyst", "rossi"),
    ],
)
def test_accepts(typed, entry):
    found = match_person(typed, ROSTER)
    assert found is not None, typed
    assert found.id == entry


@pytest.mark.parametrize(
    "typed",
    [
        "Zhang Wei",  # a different, shorter given name
        "Wei Zhang",
        "Weimin",  # a given name alone is not on the roster
        "Kim Seo-jun",
        "Park Seo-yeon",
        "Seoyeon Zhang",
        "Kim Zhang",
        "Zhang Kim",
        "Kim Weimin",
        "Li",
        "Lukas",
        # another company's CEO, or another entry's title
        "Maritime Insight's CEO",
        "the CEO of Maritime Insight",
        "Vestas's CEO",
        "CTO Zhang Weimin",
        "the CEO Kim",
        "Rossi, the CFO",
        "Zhang Weimin of Maritime Insight",
        "Halcyon's analyst",
        # two entries, or none
        "the CEO and the CFO",
        "Zhang Weimin and Kim Seo-yeon",
        "Zhang or Kim",
        "the chief",  # a word of a title is not the title
        "the firm",
        "the boss",
        "the research firm EFWA",
        "the industry body Maritime Insight",
        "the Asian Floating Wind Association",
        "WindEurope",
        "European Wind Association",  # its name's words, but not in order: another body
        "European Wind Energy Association",
        "EFWA's members",  # the role's clause about someone else says nothing of it
        "Halcyon Wind, a member of EFWA",
        "the government",
        "Maritime",
        "Insight",
    ],
)
def test_rejects(typed):
    assert match_person(typed, ROSTER) is None


FOUNDERS = [
    Person(id="li", name="William Li", role="Founder and CEO"),
    Person(id="afonso", name="Cláudio Afonso", role="Founder of CARBA"),
    Person(id="nio", name="Nio", role="the company", kind="organisation"),
    Person(id="a1", name="Mehdi Benali", role="Analyst, Fjordbank Markets"),
    Person(id="a2", name="Sara Lind", role="Analyst, Nordhavn Securities"),
]


@pytest.mark.parametrize(
    "typed, could_be",
    [
        ("the founder", {"li", "afonso"}),
        ("the analyst", {"a1", "a2"}),
    ],
)
def test_a_title_two_entries_hold_names_neither_and_says_who_it_could_be(typed, could_be):
    found, candidates = identify(typed, FOUNDERS)
    assert found is None
    assert {c.id for c in candidates} == could_be


@pytest.mark.parametrize(
    "typed, entry",
    [
        ("Nio's founder", "li"),  # his role names no employer: the company's
        ("the founder of CARBA", "afonso"),
        ("the Fjordbank analyst", "a1"),
        ("the analyst at Nordhavn Securities", "a2"),
        ("the CEO", "li"),
    ],
)
def test_a_title_with_the_employer_decides(typed, entry):
    assert match_person(typed, FOUNDERS).id == entry


def test_the_grader_says_when_a_title_could_be_two():
    pack = _pack(FOUNDERS, speaker="li", body="William Li, Nio's founder, said it.")
    verdict = grade(pack.questions[0], "the founder", pack)
    assert not verdict.correct
    assert verdict.note == "that could be William Li or Cláudio Afonso: name one"
    assert grade(pack.questions[0], "Nio's founder", pack).correct


def test_an_organisation_is_a_kind_of_roster_entry():
    def roster_entry(**fields):
        data = {"id": "o", "name": "O", "role": "r", **fields}
        return _pack([data], speaker="o", body="O said it.").people[0]

    assert roster_entry().kind == "person"
    assert roster_entry(kind="organization").kind == "organisation"  # US spelling
    with pytest.raises(PackError, match="people.0.kind|kind"):
        roster_entry(kind="company")


# --- the invented Ventamar pack and its answer key -----------------------------------

VENTAMAR = load(FIXTURES / "ventamar.toml")
KEY = [
    c
    for c in tomllib.loads((FIXTURES / "ventamar_key.toml").read_text(encoding="utf-8"))["case"]
    if VENTAMAR.question(c["question"]).kind == "attribution"
]
# The roster a new author writes: surnames and initials as aliases, no titles; the
# titles, the company's roles and the hyphen-free and reversed names are read from it.
LEAN = replace(
    VENTAMAR,
    people=[
        Person(
            id="ana-teixeira", name="Ana Teixeira", role="Chief executive, Ventamar", aliases=["Teixeira"]
        ),
        Person(
            id="kim-seo-yeon",
            name="Kim Seo-yeon",
            role="Chief technology officer, Ventamar",
            aliases=["Kim"],
        ),
        Person(
            id="lukas-brandt",
            name="Lukas Brandt",
            role="Finance chief (CFO), Ventamar",
            aliases=["Brandt"],
        ),
        Person(
            id="ventamar",
            name="Ventamar",
            role="the company",
            aliases=["Ventamar Energia"],
            kind="organisation",
        ),
        Person(
            id="efwa",
            name="European Floating Wind Association",
            role="an industry body of which Ventamar is a member",
            kind="organisation",
        ),
        Person(id="mehdi-benali", name="Mehdi Benali", role="Analyst, Fjordbank Markets", aliases=["Benali"]),
    ],
)


@pytest.mark.parametrize("pack", [VENTAMAR, LEAN], ids=["pack-roster", "lean-roster"])
@pytest.mark.parametrize("case", KEY, ids=lambda c: f"{c['question']}:{c['answer']}")
def test_the_answer_key_attributions(pack, case):
    verdict = grade(pack.question(case["question"]), case["answer"], pack)
    assert verdict.correct == case["right"], case["why"]


# --- validate: the speaker named in its section ---------------------------------------


def _pack(people, speaker, body):
    return parse(
        {
            "pack": {
                "id": "t",
                "title": "t",
                "version": "1",
                "pass_mark": 70,
                "source": {"title": "t", "publisher": "p", "date": "2026"},
            },
            "sections": [{"id": "s", "title": "S", "body": body}],
            "people": [p if isinstance(p, dict) else asdict(p) for p in people],
            "questions": [
                {
                    "id": "who",
                    "kind": "attribution",
                    "prompt": "Who said it?",
                    "section": "s",
                    "explanation": "x",
                    "quote": "it",
                    "paraphrase": True,  # the speaker's grounding is tested here, not the quote's
                    "speaker": speaker,
                }
            ],
        }
    )


@pytest.mark.parametrize(
    "speaker, body",
    [
        ("insight", "The research firm Maritime Insight expects more orders."),
        ("insight", "Maritime Insight, a research firm in Oslo, expects more orders."),
        ("efwa", "The industry body (EFWA) wants indexed prices."),
        ("zhang", "Chief executive Weimin Zhang says so."),  # the other order
        ("zhang", "Chief executive Zhang Wei-min says so."),  # hyphenated
        ("kim", "Seo-yeon Kim, the CTO, says so."),
    ],
)
def test_a_speaker_named_in_any_form_the_grader_reads_is_grounded(speaker, body):
    assert check(_pack(ROSTER, speaker, body), "t.toml") == []


@pytest.mark.parametrize(
    "speaker, body",
    [
        ("insight", "A research firm expects more orders."),  # described, never named
        ("efwa", "The industry body wants indexed prices."),
        ("zhang", "The chief executive says so."),
        ("kim", "Park Seo-yeon says so."),  # another person
    ],
)
def test_a_speaker_only_described_is_not_named(speaker, body):
    problems = check(_pack(ROSTER, speaker, body), "t.toml")
    assert [(p.field, p.message) for p in problems] == [
        ("speaker", f"{next(p.name for p in ROSTER if p.id == speaker)} is not named in section 's'")
    ]


def test_mentions_reads_names_not_titles():
    zhang = ROSTER[0]
    assert mentions("Weimin Zhang said", zhang, ROSTER)
    assert not mentions("the CEO said", zhang, ROSTER)
