"""The bundled Nio pack: what its questions cover and how they are laid out.

Validity (schema, references, answers stated in their sections, quotes in the
source) is `briefing validate`'s job and tested in test_validate.py; this is
what a demanding reader of the question bank would check by hand.
"""

import re
from collections import Counter
from pathlib import Path

from briefing.checks import answer_spread
from briefing.pack import load

PACK = load(Path(__file__).resolve().parent.parent / "questions.toml")
QUESTIONS = PACK.questions


def of_kind(kind):
    return [q for q in QUESTIONS if q.kind == kind]


def test_at_least_forty_questions_of_every_kind():
    assert len(QUESTIONS) >= 40
    kinds = Counter(q.kind for q in QUESTIONS)
    assert set(kinds) == {"figure", "attribution", "choice", "truefalse", "list"}
    assert kinds["figure"] >= 10 and kinds["attribution"] >= 10


def test_at_least_five_questions_are_built_on_the_traps():
    assert sum("trap" in q.tags for q in QUESTIONS) >= 5


def test_the_confusable_figures_each_have_a_typed_question():
    """fivefold vs a tenth vs a fifth; 92% vs 40.7% vs 7%: each asked as a figure."""
    figures = {(q.unit, q.value) for q in of_kind("figure")}
    for wanted in [("x", 5), ("fraction", 0.1), ("fraction", 0.2), ("%", 92), ("%", -40.7), ("%", -7)]:
        assert wanted in figures, wanted


def test_the_ceo_and_the_finance_chief_are_both_asked_about():
    speakers = Counter(q.speaker for q in of_kind("attribution"))
    assert speakers["william-li"] >= 5
    assert speakers["stanley-qu"] >= 1  # he is quoted once, on the R&D target


def test_no_one_answer_pays_when_given_every_time():
    """validate's one rule (briefing.checks.answer_spread) for speakers, true/false and option letters:
    no answer is right for more than half of its kind's questions."""
    assert answer_spread(PACK, "questions.toml") == []
    speakers = Counter(q.speaker for q in of_kind("attribution"))
    assert speakers["nio"] >= 2  # the company itself is a speaker


def test_every_quote_asked_about_is_shown_in_its_section():
    """A verbatim quote is taught before it is asked: in quotation marks, in the section the question names."""
    for q in of_kind("attribution"):
        if not q.paraphrase:
            assert f'"{q.quote}"' in " ".join(PACK.section(q.section).body.split()), q.id


def test_figures_say_their_scope():
    """The period, comparison base or bound of a figure the article scopes, so a wrong scope can be refused."""
    scoped = {q.id: (q.period, q.base, q.bound) for q in of_kind("figure")}
    assert scoped["unop-qoq"] == ("quarter", "quarter-over-quarter", None)
    assert scoped["rd-yoy"] == ("quarter", "year-over-year", None)
    assert scoped["monthly-mileage"] == ("month", None, "more than")
    assert scoped["fivefold"][2] == "about"


def test_the_packaged_copy_is_the_pack():
    root = Path(__file__).resolve().parent.parent
    assert (root / "briefing" / "data" / "questions.toml").read_bytes() == (
        root / "questions.toml"
    ).read_bytes()


def test_the_briefing_reads_in_about_two_minutes():
    """300-450 words of prose; the key-figures table is a reference, not reading."""
    prose = " ".join(s.body for s in PACK.sections if s.id != PACK.pack.key_figures)
    words = re.findall(r"[\w'’%.-]+", prose)
    assert 300 <= len(words) <= 450, len(words)
    assert 4 <= len([s for s in PACK.sections if s.id != PACK.pack.key_figures]) <= 6
