"""grade(question, text, pack): what a person sees after typing an answer."""

import pytest
from conftest import GRADER_PACK_DATA, figure_question

from briefing.grading import numbers
from briefing.grading.grader import Verdict, figure_matches, grade
from briefing.pack import expected_text, parse

# The grader's pack (every kind, with the edge cases asked about here) is shared: tests/conftest.py.
PACK_DATA = GRADER_PACK_DATA
figure = figure_question
PACK = parse(PACK_DATA)


def ask(qid: str, text: str) -> Verdict:
    return grade(PACK.question(qid), text, PACK)


YOY = "is the year-over-year fall in Q1 R&D expenses"
QOQ = "is the quarter-over-quarter fall in Q1 R&D expenses"
GROWTH = "is Q1 quarter-over-quarter growth in Urban Navigate on Pilot mileage"
FIVE = "is this year's rise in training compute investment"
TENTH = "is last year's training compute spend relative to rivals"
FIFTH = "is the cloud compute the system runs on, relative to rivals"
SCALE = "right number, wrong scale"


# --- figures -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qid, text, correct, note, trap",
    [
        # 1.89 billion yuan: written to two decimals of a billion
        ("rd-q1", "1.89 billion yuan", True, None, None),
        ("rd-q1", "1.89bn", True, None, None),
        ("rd-q1", "1,890 million", True, None, None),
        ("rd-q1", "1890 million yuan", True, None, None),
        ("rd-q1", "RMB 1.89 billion", True, None, None),
        ("rd-q1", "RMB1.89bn", True, None, None),
        ("rd-q1", "¥1.89 billion", True, None, None),
        ("rd-q1", "about 1.89 billion yuan", True, None, None),
        ("rd-q1", "1.89\u00a0billion yuan", True, None, None),
        ("rd-q1", "1.98 billion", False, None, None),
        ("rd-q1", "2 billion", False, None, None),
        ("rd-q1", "1.9 billion yuan", False, None, None),
        ("rd-q1", "1.89", False, SCALE, None),
        ("rd-q1", "1,890", False, SCALE, None),
        ("rd-q1", "1.89 million yuan", False, SCALE, None),
        ("rd-q1", "1.89 billion dollars", False, "wrong unit: US dollars", None),
        ("rd-q1", "40.7%", False, "wrong unit: percent", f"40.7% {YOY}"),
        ("rd-q1", "William Li", False, "not a figure", None),
        ("rd-q1", "1.89 billion or 2 billion", False, "give one figure", None),
        # a fall: magnitudes compare, the opposite direction is wrong
        ("rd-yoy", "down 40.7%", True, None, None),
        ("rd-yoy", "40.7%", True, None, None),
        ("rd-yoy", "40.7", True, None, None),
        ("rd-yoy", "-40.7%", True, None, None),
        ("rd-yoy", "\u221240.7%", True, None, None),
        ("rd-yoy", "fell 40.7%", True, None, None),
        ("rd-yoy", "a 40.7% decline", True, None, None),
        ("rd-yoy", "40.7 per cent", True, None, None),
        ("rd-yoy", "up 40.7%", False, "wrong direction: it fell", None),
        ("rd-yoy", "+40.7%", False, "wrong direction: it fell", None),
        ("rd-yoy", "rose 40.7%", False, "wrong direction: it fell", None),
        ("rd-yoy", "41%", False, None, None),
        ("rd-yoy", "40%", False, None, None),
        ("rd-yoy", "92%", False, None, f"92% {GROWTH}"),
        ("rd-yoy", "7%", False, None, f"7% {QOQ}"),
        ("rd-yoy", " down 7% ", False, None, f"down 7% {QOQ}"),
        # a growth
        ("unop-qoq", "92%", True, None, None),
        ("unop-qoq", "92", True, None, None),
        ("unop-qoq", "９２％", True, None, None),
        ("unop-qoq", "92 percent", True, None, None),
        ("unop-qoq", "up 92%", True, None, None),
        ("unop-qoq", "-92%", False, "wrong direction: it rose", None),
        ("unop-qoq", "fell 92%", False, "wrong direction: it rose", None),
        ("unop-qoq", "0.92", False, SCALE, None),
        ("unop-qoq", "93%", False, None, None),
        ("unop-qoq", "40.7%", False, None, f"40.7% {YOY}"),
        ("unop-qoq", "fivefold", False, None, f"fivefold {FIVE}"),
        # a multiple
        ("fivefold", "fivefold", True, None, None),
        ("fivefold", "five", True, None, None),
        ("fivefold", "5", True, None, None),
        ("fivefold", "5x", True, None, None),
        ("fivefold", "5×", True, None, None),
        ("fivefold", "five times", True, None, None),
        ("fivefold", "5-fold", True, None, None),
        ("fivefold", "quintupled", True, None, None),
        ("fivefold", "roughly fivefold", True, None, None),
        ("fivefold", "fourfold", False, None, None),
        ("fivefold", "tenfold", False, None, None),
        ("fivefold", "500%", False, "wrong unit: percent", None),
        ("fivefold", "one-tenth", False, "wrong unit: a fraction", f"one-tenth {TENTH}"),
        ("fivefold", "a fifth", False, "wrong unit: a fraction", f"a fifth {FIFTH}"),
        # a fraction: its percentage is the same figure
        ("tenth", "one-tenth", True, None, None),
        ("tenth", "a tenth", True, None, None),
        ("tenth", "tenth", True, None, None),
        ("tenth", "about a tenth", True, None, None),
        ("tenth", "1/10", True, None, None),
        ("tenth", "10%", True, None, None),
        ("tenth", "ten percent", True, None, None),
        ("tenth", "0.1", True, None, None),
        ("tenth", "11%", False, None, None),
        ("tenth", "10", False, SCALE, None),
        ("tenth", "one-fifth", False, None, f"one-fifth {FIFTH}"),
        ("tenth", "20%", False, None, f"20% {FIFTH}"),
        ("tenth", "fivefold", False, "wrong unit: a multiple", f"fivefold {FIVE}"),
        ("fifth", "a fifth", True, None, None),
        ("fifth", "20%", True, None, None),
        ("fifth", "one tenth", False, None, f"one tenth {TENTH}"),
        # a distance: miles are another unit, never converted
        ("mileage", "200 million kilometres", True, None, None),
        ("mileage", "200 million kilometers", True, None, None),
        ("mileage", "200 million km", True, None, None),
        ("mileage", "200m km", True, None, None),
        ("mileage", "200,000,000 km", True, None, None),
        ("mileage", "2e8", True, None, None),
        ("mileage", "200 million", True, None, None),
        ("mileage", "over 200 million km", True, None, None),
        ("mileage", "200", False, SCALE, None),
        ("mileage", "200 km", False, SCALE, None),
        ("mileage", "200 million miles", False, "wrong unit: miles", None),
        ("mileage", "20 million km", False, None, None),
        # a range: both ends, at the finer end's precision
        ("rd-target", "2 billion to 2.5 billion yuan", True, None, None),
        ("rd-target", "2-2.5bn", True, None, None),
        ("rd-target", "2\u20132.5bn", True, None, None),
        ("rd-target", "2bn-2.5bn", True, None, None),
        ("rd-target", "2 to 2.5 billion", True, None, None),
        ("rd-target", "between 2 and 2.5 billion yuan", True, None, None),
        ("rd-target", "RMB2-2.5bn", True, None, None),
        ("rd-target", "2,000 to 2,500 million yuan", True, None, None),
        ("rd-target", "roughly 2 billion to 2.5 billion yuan a quarter", True, None, None),
        ("rd-target", "2 to 3 billion", False, None, None),
        ("rd-target", "2.1 to 2.5 billion", False, None, None),
        ("rd-target", "2 to 2.5", False, SCALE, None),
        ("rd-target", "2 billion", False, "give the range, low to high", None),
        ("rd-target", "2 to 2.5 billion miles", False, "wrong unit: miles", None),
        ("rd-q1", "1.8 to 2 billion yuan", False, "give one figure, not a range", None),
        # found by the answer battery --------------------------------------------------
        # the edge of a written precision is out: "7%" is not "7.5%", "two" is not "2.5"
        ("rd-qoq", "7.5%", False, None, None),
        ("rd-qoq", "6.5%", False, None, None),
        ("rd-qoq", "7.4%", True, None, None),
        ("rd-q1", "1.895 billion", False, None, None),
        ("rd-q1", "1.885 billion", False, None, None),
        ("upgrades", "2.5", False, None, None),
        ("upgrades", "two", True, None, None),
        ("fifth", "21%", False, None, None),
        ("fifth", "19%", False, None, None),
        ("fifth", "20.5%", True, None, None),
        ("rd-target", "2.05 to 2.5 billion", False, None, None),
        # infinity is no figure (it was "close" to every value)
        ("rd-q1", "1e309", False, "not a figure", None),
        ("unop-qoq", "1e400", False, "not a figure", None),
        ("unop-qoq", "-1e309%", False, "not a figure", None),
        ("fivefold", "1e99999", False, "not a figure", None),
        ("rd-q1", "1e308 billion", False, "not a figure", None),  # raised ValueError
        # a trap names the fact typed, not one within its half-unit tolerance
        ("rd-q1", "1.89", False, SCALE, None),  # was "1.89 is the number of further upgrades"
        ("unop-qoq", "1.92", False, None, None),
        ("rd-q1", "2", False, None, "2 is the number of further upgrades planned"),
        ("fivefold", "two", False, None, "two is the number of further upgrades planned"),
        # ...and quotes just the figure when the answer is long
        ("rd-yoy", "I am fairly sure it was down 7% on the quarter before", False, None, f"7% {QOQ}"),
        # forms that were not read
        ("fivefold", "x5", True, None, None),
        ("fivefold", "×5", True, None, None),
        ("tenth", "1 / 10", True, None, None),
        ("tenth", "1 tenth", True, None, None),
        ("tenth", "one in ten", True, None, None),
        ("fifth", "one in five", True, None, None),
        ("rd-yoy", "40,7%", True, None, None),
        ("rd-yoy", "-40,7 %", True, None, None),
        ("rd-q1", "1,89 billion yuan", True, None, None),
        ("rd-q1", "1890 m yuan", True, None, None),
        ("rd-q1", "1.89 billion yuan (1,890 million)", True, None, None),
        ("mileage", "200 million km in one month", True, None, None),
        ("upgrades", "two (2)", True, None, None),
        ("fifth", "a fifth (20%)", True, None, None),
        ("mileage", "200 000 000 km", True, None, None),
        ("mileage", "200.000.000 km", True, None, None),
        ("rd-target", "20亿到25亿元", True, None, None),
        # vulgar fractions and fraction slashes, hyphenated "one-in-ten"
        ("tenth", "⅒", True, None, None),
        ("tenth", "1⁄10", True, None, None),
        ("tenth", "1∕10", True, None, None),
        ("tenth", "about one-in-ten", True, None, None),
        ("fifth", "⅕", True, None, None),
        ("tenth", "⅕", False, None, "⅕ is the cloud compute the system runs on, relative to rivals"),
        ("fifth", "½", False, None, None),
        ("fifth", "2⅕", False, None, None),  # 2 and a fifth (2.2): not "21/5", not a fifth
        # scales as people write them: a hundred million, plurals, 億, crore
        ("mileage", "2 hundred million km", True, None, None),
        ("mileage", "200 millions km", True, None, None),
        ("mileage", "２億km", True, None, None),
        ("mileage", "2億公里", True, None, None),
        ("mileage", "2 thousand million km", False, None, None),  # 2 billion
        ("mileage", "2 crore km", False, None, None),  # 20 million, read as written
        ("mileage", "20 crore km", True, None, None),
    ],
)
def test_figure_answers(qid, text, correct, note, trap):
    verdict = ask(qid, text)
    assert (verdict.correct, verdict.note, verdict.trap) == (correct, note, trap)
    assert verdict.skipped is False


def test_verdict_carries_expected_and_explanation():
    verdict = ask("rd-q1", "2 billion")
    assert verdict == Verdict(
        correct=False,
        given="2 billion",
        expected="1.89 billion yuan",
        explanation="1.89 billion yuan: Q1 R&D expenses.",
    )


@pytest.mark.parametrize("text", ["", "   ", "\n", "\t \u00a0"])
def test_an_empty_answer_is_skipped(text):
    verdict = ask("unop-qoq", text)
    assert verdict.correct is False and verdict.skipped is True
    assert verdict.expected == "92%"
    assert verdict.given == text


def mini_pack(**question):
    data = {**PACK_DATA, "questions": [figure(**question)]}
    return parse(data)


@pytest.mark.parametrize(
    "text, correct",
    [("200 million km", True), ("250 million km", True), ("150 million km", True), ("260 million km", False)],
)
def test_an_explicit_tolerance_replaces_the_written_precision(text, correct):
    pack = mini_pack(
        qid="m", value=2e8, unit="km", expected="200 million km", measures="mileage", tolerance=5e7
    )
    assert grade(pack.questions[0], text, pack).correct is correct


@pytest.mark.parametrize(
    "text, correct",
    [("40.7%", True), ("down 40.7%", True), ("fell 40.7%", True), ("up 40.7%", False), ("rose 40.7%", False)],
)
def test_the_direction_of_a_positive_value_comes_from_the_prompt(text, correct):
    pack = mini_pack(
        qid="f",
        value=40.7,
        unit="%",
        expected="40.7%",
        measures="the year-over-year change in R&D",
        prompt="By how much did R&D expenses fall year over year?",
    )
    assert grade(pack.questions[0], text, pack).correct is correct


@pytest.mark.parametrize(
    "qid, text, correct, note",
    [
        # another currency is another answer, however it is written
        ("rd-q1", "1.89 billion euros", False, "wrong unit: euros"),
        ("rd-q1", "€1.89bn", False, "wrong unit: euros"),
        ("rd-q1", "EUR 1.89bn", False, "wrong unit: euros"),
        ("rd-q1", "1.89 billion in euros", False, "wrong unit: euros"),
        ("rd-q1", "£1.89bn", False, "wrong unit: pounds"),
        ("rd-q1", "1.89 billion yen", False, "wrong unit: yen"),
        ("rd-q1", "JP¥1.89bn", False, "wrong unit: yen"),
        ("rd-q1", "HK$1.89bn", False, "wrong unit: Hong Kong dollars"),
        ("rd-q1", "1.89 billion Hong Kong dollars", False, "wrong unit: Hong Kong dollars"),
        ("rd-q1", "$1.89bn", False, "wrong unit: US dollars"),
        ("rd-q1", "1.89 billion bananas", False, "wrong unit: bananas"),
        ("rd-target", "2-2.5bn euros", False, "wrong unit: euros"),
        # yuan in all its names, and words the question itself uses
        ("rd-q1", "¥1.89bn", True, None),
        ("rd-q1", "1.89 billion RMB", True, None),
        ("rd-q1", "1.89 billion cny", True, None),
        ("rd-q1", "1.89 billion expenses", True, None),
        ("rd-target", "2 to 2.5 billion yuan a quarter", True, None),
        # lengths and periods that are not kilometres
        ("mileage", "200 million metres", False, "wrong unit: metres"),
        ("mileage", "200 million meters", False, "wrong unit: metres"),
        ("mileage", "200 million hours", False, "wrong unit: hours (time), not length"),
        ("mileage", "200 million km this month", True, None),
        # a count may name what it counts
        ("upgrades", "two upgrades", True, None),
        ("upgrades", "2 more upgrades", True, None),
        ("rd-yoy", "40.7 points", True, None),
    ],
)
def test_a_figure_in_another_unit_is_wrong_and_says_which(qid, text, correct, note):
    verdict = ask(qid, text)
    assert (verdict.correct, verdict.note) == (correct, note)


def test_kilometres_in_words_or_abbreviated_and_never_miles():
    pack = mini_pack(qid="k", value=2e8, unit="km", expected="200 million kilometres", measures="mileage")
    q = pack.questions[0]
    assert grade(q, "200m km", pack).correct
    assert grade(q, "200 million miles", pack).note == "wrong unit: miles"


def test_caches_follow_the_pack_not_the_question_id():
    """Two packs with the same question id and different values: each grades by its own."""
    a = mini_pack(qid="same", value=92, unit="%", expected="92%", measures="growth")
    b = mini_pack(qid="same", value=7, unit="%", expected="7%", measures="growth")
    for _ in range(2):
        assert grade(a.questions[0], "92%", a).correct and not grade(a.questions[0], "7%", a).correct
        assert grade(b.questions[0], "7%", b).correct and not grade(b.questions[0], "92%", b).correct


def test_figure_matches_finds_each_figure_stated_in_its_section():
    """The validator's use: a figure question's value is stated, in some form, in its section."""
    for q in PACK.questions:
        if q.kind != "figure":
            continue
        found = numbers.find_all(PACK.section(q.section).body)
        assert any(figure_matches(q, f) for f in found), q.id
    q = PACK.question("unop-qoq")
    assert not any(figure_matches(q, f) for f in numbers.find_all("Mileage rose 29% and costs fell 92%."))


# --- attribution -------------------------------------------------------------------


@pytest.mark.parametrize(
    "qid, text, correct, note",
    [
        ("who-tenth", "William Li", True, None),
        ("who-tenth", "william li", True, None),
        ("who-tenth", "Li", True, None),
        ("who-tenth", "Wiliam Li", True, None),
        ("who-tenth", "Mr Li", True, None),
        ("who-tenth", "Li said", True, None),
        ("who-tenth", "Liu", False, None),
        ("who-tenth", "Lee", False, None),
        ("who-tenth", "William Liu", False, None),
        ("who-tenth", "Stanley Qu", False, "that is Stanley Qu, Chief financial officer"),
        ("who-tenth", "Qu", False, "that is Stanley Qu, Chief financial officer"),
        ("who-tenth", "Nio", False, "that is Nio, The company"),
        ("who-target", "Stanley Qu", True, None),
        ("who-target", "Stanly Qu", True, None),
        ("who-target", "Li", False, "that is William Li, Founder and CEO"),
        ("who-decline", "Nio", True, None),
        ("who-decline", "the company", True, None),
        ("who-decline", "NIO", True, None),
        # found by the answer battery: a name with its role, an initial
        ("who-tenth", "CEO William Li", True, None),
        ("who-tenth", "William Li (CEO)", True, None),
        ("who-tenth", "Li, the CEO", True, None),
        ("who-tenth", "founder and CEO William Li", True, None),
        ("who-tenth", "W. Li", True, None),
        ("who-tenth", "it was William Li", True, None),
        ("who-target", "Stanley Qu, the chief financial officer", True, None),
        ("who-target", "S. Qu", True, None),
        ("who-decline", "the company itself", True, None),
        ("who-decline", "Nio itself", True, None),
        ("who-tenth", "Stanley Qu, the CFO", False, "that is Stanley Qu, Chief financial officer"),
        ("who-tenth", "William Li, the CFO", False, None),
        ("who-tenth", "W. Liu", False, None),
        ("who-tenth", "William Li and Stanley Qu", False, None),
    ],
)
def test_attribution_answers(qid, text, correct, note):
    verdict = ask(qid, text)
    assert (verdict.correct, verdict.note, verdict.trap) == (correct, note, None)


# --- choice ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qid, text, correct, trap",
    [
        ("which-growth", "b", True, None),
        ("which-growth", "B", True, None),
        ("which-growth", "b)", True, None),
        ("which-growth", "(b)", True, None),
        ("which-growth", "b.", True, None),
        ("which-growth", "Ｂ", True, None),
        ("which-growth", "92%", True, None),
        ("which-growth", "92", True, None),
        ("which-growth", "92 percent", True, None),
        ("which-growth", "a", False, f"40.7% {YOY}"),
        ("which-growth", "40.7%", False, f"40.7% {YOY}"),
        ("which-growth", "(c)", False, f"7% {QOQ}"),
        ("which-growth", "d", False, f"fivefold {FIVE}"),
        ("which-growth", "5x", False, f"fivefold {FIVE}"),
        ("which-compute", "b", True, None),
        ("which-compute", "training compute", True, None),
        ("which-compute", "Training Compute.", True, None),
        ("which-compute", "traning compute", True, None),
        ("which-compute", "total R&D", False, None),
        ("which-compute", "a", False, None),
        # found by the answer battery: the letter with the option's text
        ("which-growth", "b) 92%", True, None),
        ("which-growth", "(b) 92 percent", True, None),
        ("which-compute", "b. Training compute", True, None),
        ("which-compute", "option b: training compute", True, None),
        ("month", "b) February", True, None),
        ("month", "b) Feb", True, None),  # the text names no other option: the letter decides
        # the option's text without its article, with "&" or a contraction, or most of it
        ("why-wait", "architecture was not yet complete", True, None),
        ("why-wait", "The architecture wasn't yet complete", True, None),
        ("other-cut", "Reduced design & development costs", True, None),
        ("other-cut", "design and development costs", True, None),
        ("other-cut", "chip development costs", False, None),
        # a one-word option shortened
        ("month", "Feb", True, None),
        ("month", "Feb.", True, None),
        ("month", "Jan", False, None),
        ("month", "in February", True, None),
        ("month", "In June", False, None),
    ],
)
def test_choice_answers(qid, text, correct, trap):
    verdict = ask(qid, text)
    assert (verdict.correct, verdict.trap) == (correct, trap)


@pytest.mark.parametrize("text", ["e", "f", "z", "the big one", "93%"])
def test_a_choice_that_is_no_option_says_so(text):
    verdict = ask("which-growth", text)
    assert verdict.correct is False
    assert verdict.note == "choose one of the options, a to d"


@pytest.mark.parametrize(
    "qid, text, note",
    [
        # a letter and another option's text: neither is taken (both were, as the text's option)
        ("which-growth", "a) 92%", "a is 40.7%, but 92% is b: choose one"),
        ("month", "a) February", "a is January, but February is b: choose one"),
        # part of an option that leaves out a "not" or an "only" is not that option
        ("why-wait", "enough chips were available", "choose one of the options, a to c"),
        ("why-wait", "the budget could stretch further", "choose one of the options, a to c"),
        # words shared by two options pick neither
        ("other-cut", "development costs", "choose one of the options, a to c"),
    ],
)
def test_a_choice_that_picks_no_single_option(qid, text, note):
    verdict = ask(qid, text)
    assert (verdict.correct, verdict.note) == (False, note)


# --- true/false ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, answer_false_q, answer_true_q",
    [
        ("true", False, True),
        ("True", False, True),
        ("T", False, True),
        ("yes", False, True),
        ("Y", False, True),
        ("right", False, True),
        ("correct", False, True),
        ("1", False, True),
        ("TRUE.", False, True),
        ("false", True, False),
        ("F", True, False),
        ("no", True, False),
        ("n", True, False),
        ("wrong", True, False),
        ("incorrect", True, False),
        ("0", True, False),
        ("False.", True, False),
        ("ＦＡＬＳＥ", True, False),
        # found by the answer battery
        ("yep", False, True),
        ("yeah", False, True),
        ("it's true", False, True),
        ("That is true.", False, True),
        ("not false", False, True),
        ("nope", True, False),
        ("nah", True, False),
        ("untrue", True, False),
        ("not true", True, False),
        ("it's false", True, False),
        ("that's false!", True, False),
        ("True - it does", False, True),
        ("false, it does not", True, False),
        ("no, they don't", True, False),
    ],
)
def test_truefalse_answers(text, answer_false_q, answer_true_q):
    assert ask("rd-up", text).correct is answer_false_q
    assert ask("compute-up", text).correct is answer_true_q


@pytest.mark.parametrize(
    "text", ["maybe", "true or false", "yes and no", "no, it's true", "truee", "not really"]
)
def test_truefalse_neither(text):
    verdict = ask("rd-up", text)
    assert (verdict.correct, verdict.note) == (False, "answer true or false")


# --- lists --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "qid, text, correct, note",
    [
        ("platforms", "Cedar, Banyan, Coconut", True, None),
        ("platforms", "coconut, cedar, banyan", True, None),
        ("platforms", "Cedar, Banyan and Coconut", True, None),
        ("platforms", "Cedar, Banyan, and Coconut.", True, None),
        ("platforms", "Cedar; Banyan; Coconut", True, None),
        ("platforms", "Cedar & Banyan & Coconut", True, None),
        ("platforms", "Cedar/Banyan/Coconut", True, None),
        ("platforms", "Cedar + Banyan + Coconut", True, None),
        ("platforms", "Cedar\nBanyan\nCoconut", True, None),
        ("platforms", "Cedar Banyan Coconut", True, None),
        ("platforms", "Ceder, Banyan, Coconutt", True, None),
        ("platforms", "Cedar, Banyan", False, "1 of 3 missing"),
        ("platforms", "Cedar", False, "2 of 3 missing"),
        ("platforms", "Cedar, Banyan, Coconut, Oak", False, "not on the list: oak"),
        ("platforms", "Cedar, Banana, Coconut", False, "not on the list: banana"),
        ("platforms", "Cedar, Banyan, Coconut, Cedar", False, "given twice: Cedar"),
        ("platforms", "Cedar, Cedar, Banyan", False, "given twice: Cedar"),
        ("platforms", "Cedar, Banyan, Coconut and Oak Tree, Elm", False, "not on the list: oak tree, elm"),
        ("reasons", "lower personnel costs and reduced design and development costs", True, None),
        ("reasons", "reduced design and development costs; lower personnel costs", True, None),
        ("reasons", "lower personnel costs", False, "1 of 2 missing"),
        ("models", "ES9, EC6", True, None),
        ("models", "ec6 and es9", True, None),
        ("models", "ES8, EC6", False, "not on the list: es8"),
        ("models", "ES9, ES9", False, "given twice: ES9"),
        # found by the answer battery: numbered lists, an ideographic comma, articles, acronyms
        ("platforms", "1. Cedar 2. Banyan 3. Coconut", True, None),
        ("platforms", "1) Cedar\n2) Banyan\n3) Coconut", True, None),
        ("platforms", "Cedar\u3001Banyan\u3001Coconut", True, None),
        ("platforms", "the Cedar, the Banyan and the Coconut", True, None),
        ("platforms", "1. Cedar 2. Banyan", False, "1 of 3 missing"),
        ("core", "chips and an operating system", True, None),
        ("core", "chips and OS", True, None),
        ("core", "chips, OSes", True, None),
        ("core", "chips and software", False, "not on the list: software"),
    ],
)
def test_list_answers(qid, text, correct, note):
    verdict = ask(qid, text)
    assert (verdict.correct, verdict.note) == (correct, note)


# --- the expected answer, typed back, is right --------------------------------------------


def variants(text: str) -> list[str]:
    return [text, f"  {text}  ", text.upper(), text.lower()]


def test_every_expected_answer_typed_back_is_right():
    for q in PACK.questions:
        for text in variants(expected_text(q, PACK)):
            verdict = grade(q, text, PACK)
            assert verdict.correct, (q.id, text, verdict)
            assert verdict.expected == expected_text(q, PACK)
            assert verdict.explanation == q.explanation


def test_every_expected_answer_typed_back_is_right_in_the_real_pack(bundled_pack):
    pack = bundled_pack  # a bundled pack that does not load fails here, it is not skipped
    for q in pack.questions:
        if q.kind == "attribution" and q.speaker not in {p.id for p in pack.people}:
            continue  # a broken reference is the validator's to report
        text = expected_text(q, pack)
        verdict = grade(q, text, pack)
        assert verdict.correct, (q.id, text, verdict)


# --- nothing typed makes grade() raise, or read a page -----------------------------------

JUNK = [
    "idk",
    "?",
    "[bold]x[/bold]",
    "x" * 10_000,
    "1" * 10_000,
    "1e308",
    "1e309",
    "-1e309",
    "1e308 billion",
    "9" * 400 + " billion",
    "1e300 trillion trillion",
    "nan",
    "inf",
    "-inf",
    "-0",
    "1/0",
    "0/0",
    "0x10",
    "1e99999",
    "\u0669\u0662",
    "\x00",
    "\u202e92%",
    "- " * 5000,
    "1," * 3000,
    "a tenth " * 2000,
    "twenty " * 2000,
    "1.1.1.1",
    "%",
    "¥",
    "$",
    "billion",
    "one-",
    "-fold",
    "1/",
    "/10",
    "between 2 and",
    "--92",
    "2 x 3",
    "x",
    "Li " * 3000,
    "option",
    "a)",
    "(",
    "1. 2. 3.",
]


HUGE = {"1e308 billion", "1e309", "-1e309", "1e300 trillion trillion", "1e99999", "9" * 400 + " billion"}


@pytest.mark.parametrize("text", JUNK, ids=range(len(JUNK)))
def test_no_answer_makes_grade_raise(text):
    for q in PACK.questions:
        verdict = grade(q, text, PACK)
        assert isinstance(verdict, Verdict) and verdict.given == text
        if text in HUGE:
            assert verdict.correct is False, (q.id, text[:40])  # infinity is no figure


def test_a_page_of_text_is_not_read():
    verdict = ask("unop-qoq", "92% " + "and so on " * 1000)
    assert (verdict.correct, verdict.note) == (False, "too long: type just the answer")
    assert ask("unop-qoq", " " * 5000 + "92%" + " " * 5000).correct  # padding is not length
