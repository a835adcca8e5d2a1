"""Section bodies read as plain text: paragraphs wrapped, tables lined up, markup gone."""

import pytest

from briefing.markdown import inline, to_text


@pytest.mark.parametrize(
    "text, plain",
    [
        ("**1.89 billion yuan**", "1.89 billion yuan"),
        ("__bold__ and *em* and _em_", "bold and em and em"),
        ("the `ES9` launch", "the ES9 launch"),
        ("[the filing](https://example.com/q1)", "the filing (https://example.com/q1)"),
        ("[https://x.y](https://x.y)", "https://x.y"),
        ("snake_case_name and 2*3*4", "snake_case_name and 2*3*4"),  # not emphasis
        ("a * b * c", "a * b * c"),
    ],
)
def test_inline_markup_is_dropped_but_text_that_only_looks_like_it_stays(text, plain):
    assert inline(text) == plain


def test_paragraph_lines_are_joined_and_wrapped_to_the_width():
    body = (
        "Q1 R&D expenses were 1.89 billion yuan,\ndown 40.7% year over year and down 7% from the fourth quarter, "
        * 3
    )
    out = to_text(body, 40)
    lines = out.splitlines()
    assert all(len(line) <= 40 for line in lines)
    assert " ".join(out.split()) == " ".join(body.split())  # nothing lost, nothing added
    assert len(lines) > 5


def test_long_words_and_hyphenated_figures_are_never_split():
    out = to_text("range 2-2.5bn and https://example.com/a/very/long/path/that/cannot/fit", 20)
    assert "2-2.5bn" in out.split() and "https://example.com/a/very/long/path/that/cannot/fit" in out.split()


def test_a_table_is_lined_up_in_columns_under_a_rule():
    body = "| Figure | Scope |\n|---|---|\n| fivefold | training compute |\n| down 40.7% | Q1 R&D, **year over year** |"
    lines = to_text(body, 80).splitlines()
    assert lines == [
        "Figure      Scope",
        "----------  ----------------------",
        "fivefold    training compute",
        "down 40.7%  Q1 R&D, year over year",
    ]


def test_a_table_cell_may_hold_an_escaped_bar_and_rows_may_be_short():
    lines = to_text("| a | b | c |\n|---|---|---|\n| x \\| y | z |", 80).splitlines()
    assert lines[2] == "x | y  z"
    assert "|" not in lines[0]


def test_list_items_stay_together_and_wrap_under_their_text():
    body = "Three platforms:\n\n- Cedar, which serves the Nio brand itself\n- Banyan\n* Coconut\n\n1. first\n2. second"
    assert to_text(body, 24).splitlines() == [
        "Three platforms:",
        "",
        "- Cedar, which serves",
        "  the Nio brand itself",
        "- Banyan",
        "- Coconut",
        "",
        "1. first",
        "2. second",
    ]


def test_a_heading_is_underlined_and_blocks_are_spaced():
    assert to_text("## Key figures\nBelow.\n\n\n\nEnd.", 80) == "Key figures\n-----------\n\nBelow.\n\nEnd.\n"


def test_an_empty_body_is_empty():
    assert to_text("  \n\n", 80) == ""


def test_a_long_title_wraps_and_its_rule_spans_its_longest_line():
    from briefing.markdown import heading

    assert (
        heading("Training compute: **fivefold**", "=", 20) == "Training compute:\nfivefold\n================="
    )


def test_a_table_of_only_rules_or_one_row_does_not_break_the_briefing():
    assert to_text("|---|---|", 80) == ""
    assert to_text("| lone | row |", 80) == "lone  row\n"


def test_a_table_too_wide_for_the_width_lists_each_row_with_its_labels():
    body = "| Figure | Scope |\n|---|---|\n| fivefold | training compute investment, this year vs last |"
    assert to_text(body, 30).splitlines() == [
        "fivefold",
        "  Scope: training compute",
        "    investment, this year vs",
        "    last",
    ]
