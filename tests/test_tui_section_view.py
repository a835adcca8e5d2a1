"""A section whose body is plain paragraphs is drawn without Textual's Markdown, exactly as
Markdown draws it; any body Markdown could read as more than text goes to Markdown."""

from __future__ import annotations

import pytest
from conftest import SIZE, sync
from textual.app import App, ComposeResult
from textual.widgets import Markdown

from briefing import pack as packs
from briefing.tui.widgets.section_view import PlainBody, SectionView, plain_paragraphs

BUNDLED = packs.load()

PLAIN = [
    "One line.",
    "Two lines\nof one paragraph.",
    'A quote: "an even larger wave of investment", said Li.\n\nA second paragraph, 40.7% down.',
    "Words   with  runs of   spaces\n   and an indented line.\n\n\n\nafter three blank lines.",
    "R&D expenses fell; R & D, AT&T and Q&A are text too.",
    "Numbers 1.89 and 2026, a range 2-2.5, a fraction 1/10 and a dash — all text.",
    "A long paragraph " + "that wraps over several lines of the section " * 6 + "and ends.",
]

NOT_PLAIN = [
    "Some *emphasis*.",
    "Some **strong** text.",
    "A `code` span.",
    "A [link](https://example.com).",
    "See https://example.com for more.",
    "See www.example.com or nio.com.",
    "Write to a@b.c.",
    "An entity &amp; here.",
    "A numeric entity &#169; here.",
    "A hex entity &#xA9; here.",
    "<b>html</b>",
    "# A heading",
    "A line\n- and a list",
    "1. an ordered list",
    "> a quote",
    "Text\n===",
    "---",
    "    indented code",
    "a | table\n--|--\n1 | 2",
    "A hard break  \nhere.",
    "A tab\there.",
    "A non-breaking\u00a0space.",
    "~~struck~~",
    "An escape \\* here.",
    "An image ![alt](x.png)",
]


@pytest.mark.parametrize("body", PLAIN)
def test_plain_bodies_are_read_as_paragraphs(body):
    assert plain_paragraphs(body) is not None


@pytest.mark.parametrize("body", NOT_PLAIN)
def test_bodies_with_markdown_syntax_go_to_markdown(body):
    assert plain_paragraphs(body) is None


class _Bodies(App[None]):
    def __init__(self, body: str, markdown: bool) -> None:
        super().__init__()
        self.body, self.markdown = body, markdown

    def compose(self) -> ComposeResult:
        view = SectionView("A title", self.body)
        if self.markdown:  # what the section was before: always Markdown
            view.compose = (
                lambda: iter(  # type: ignore[method-assign]
                    [*SectionView.compose(view)][:1] + [Markdown(self.body, open_links=False)]
                )
            )
        yield view


async def _screen(body: str, markdown: bool, size: tuple[int, int]) -> str:
    app = _Bodies(body, markdown)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        if not markdown:
            assert app.query(PlainBody) and not app.query(Markdown)
        return app.export_screenshot()


@pytest.mark.parametrize(
    "body",
    PLAIN + [s.body for s in BUNDLED.sections if plain_paragraphs(s.body) is not None],
)
@pytest.mark.parametrize("size", [(80, 40), (44, 60)])
@sync
async def test_a_plain_body_looks_as_markdown_draws_it(body, size):
    assert await _screen(body, markdown=False, size=size) == await _screen(body, markdown=True, size=size)


def test_the_bundled_briefing_opens_on_a_plain_section():
    """Its first section is drawn without Markdown (see the module's docstring)."""
    assert plain_paragraphs(BUNDLED.sections[0].body) is not None


@sync
async def test_a_deferred_section_waits_under_another_screen_and_follows_on_return(tui_pack, saves, make_app):
    """A section whose turn comes while the quiz (or any screen) covers the briefing is
    mounted once the briefing is shown again, not beneath the quiz while it is drawn."""
    from textual.screen import Screen

    from briefing.tui.screens.briefing import BriefingScreen

    app = make_app(tui_pack, saves)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        briefing = app.screen
        assert isinstance(briefing, BriefingScreen)
        app.push_screen(Screen())
        await pilot.pause()
        briefing._unmounted = [packs.Section(id="later", title="Later", body="A section mounted late.")]
        briefing._mount_later()  # its turn, under the other screen
        await pilot.pause(0.1)
        assert len(briefing.query("#section-later")) == 0
        app.pop_screen()
        await pilot.pause(0.3)
        assert len(briefing.query("#section-later")) == 1
