"""The quiz: one question at a time, feedback after each answer, then the results.

An answer the engine cannot read for the question's kind is asked again (the
question stays open, the text stays in the box); a peek at the question's section
is recorded by the engine and shown on the question. What is typed and not yet
submitted is kept by the app per question, so it survives a visit to the briefing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Button, Input, Static
from textual.widgets._progress_bar import Bar, ETAStatus, PercentageStatus

from briefing.engine import Session
from briefing.pack import OPTION_LABELS
from briefing.records import RATINGS
from briefing.tui.screens.peek import PeekScreen
from briefing.tui.text import data
from briefing.tui.widgets.answer import (
    AnswerBox,
    ChoiceAnswer,
    TrueFalseAnswer,
    TypedAnswer,
    answer_box_for,
)
from briefing.tui.widgets.feedback import Feedback
from briefing.tui.widgets.footer import KeysFooter
from briefing.tui.widgets.score_bar import ScoreBar

if TYPE_CHECKING:
    from briefing.grading.grader import Verdict
    from briefing.tui.app import BriefingApp


class QuizScreen(Screen[None]):
    """Asks the session's current question and shows the engine's verdict."""

    CSS_PATH = "quiz.tcss"

    app: BriefingApp

    BINDINGS = [
        Binding("ctrl+s", "skip", "Skip"),
        Binding("f2", "peek", "Peek"),
        Binding("ctrl+p", "peek", "Peek", show=False),
        Binding("n", "next", "Next"),
        Binding("escape", "leave", "Briefing"),
        # The answer boxes bind these; here they also work when the focus is elsewhere
        # on the screen (a typed answer's Input takes letters first). None of a-e is
        # another key of the quiz (n, t, f): tests/test_tui_quiz.py checks.
        *[Binding(label, f"pick('{label}')", "Pick that option", show=False) for label in OPTION_LABELS],
        Binding("t", "pick('true')", "True", show=False),
        Binding("f", "pick('false')", "False", show=False),
        # In a review, after the verdict: the learner's own rating of the answer, for the
        # schedule (Session.rate). Shown only then (check_action).
        *[Binding(str(n), f"rate({n})", name.capitalize()) for name, n in RATINGS.items()],
    ]
    HELP = "Enter submits a typed answer; a-e, or the arrows and Enter, pick an option."
    PEEKED = "peeked: a right answer scores nothing"
    RATED = ("review", "weakest")  # the scopes whose answers the learner may rate

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.verdict: Verdict | None = None  # set while the feedback is shown

    def compose(self) -> ComposeResult:
        yield ScoreBar()
        with VerticalScroll(id="question"):
            yield Static(id="prompt", markup=False)
            yield Static(Content.styled(f"This question was {self.PEEKED}.", "$warning"), id="peeked")
            yield Vertical(id="answer-slot")
            yield Feedback(id="feedback")
            yield Static(id="rating", markup=False)
            yield Button("Next question", id="next", variant="primary", compact=True)
        yield KeysFooter()

    async def on_mount(self) -> None:
        if self.session.done:
            self._finish()  # resumed after the last answer: only the finish is left
        else:
            await self._ask()

    # --- asking ----------------------------------------------------------------------

    async def _ask(self) -> None:
        session = self.session
        question = session.current
        if question is None:  # every question has had its turn: results are shown instead
            return
        self.verdict = None
        self.query_one(ScoreBar).show(session.position, session.total, session.score, kind=self._kind)
        self.query_one("#prompt", Static).update(data(question.prompt, "bold"))
        self.query_one(Feedback).clear()
        self.query_one("#rating").display = False
        self.query_one("#next").display = False
        slot = self.query_one("#answer-slot")
        await slot.remove_children()
        box = answer_box_for(question, id="answer")
        await slot.mount(box)
        draft = self.app.drafts.get(question.id)
        if draft and isinstance(box, TypedAnswer):
            box.value = draft
        self._show_peeked()
        self.query_one("#question", VerticalScroll).scroll_home(animate=False)
        box.focus_answer()
        self.refresh_bindings()

    def _show_peeked(self) -> None:
        """Whether the open question's section was peeked at (the engine knows)."""
        self.query_one("#peeked").display = self.verdict is None and self.session.peeked

    def on_input_changed(self, event: Input.Changed) -> None:
        """Keep what is typed for the open question, for a return from the briefing."""
        question = self.session.current
        if self.verdict is None and question is not None:
            if event.value:
                self.app.drafts[question.id] = event.value
            else:
                self.app.drafts.pop(question.id, None)

    def on_answer_box_answered(self, event: AnswerBox.Answered) -> None:
        event.stop()
        question = self.session.current
        if self.verdict is not None or question is None:
            return
        verdict = self.session.answer(event.text, now=self.app.now(), ask_again=True)
        if verdict.unreadable:  # not recorded: the question stays open, the text in its box
            self.query_one(Feedback).ask_again(verdict)
            self.query_one("#answer", AnswerBox).focus_answer()
            return
        self.app.drafts.pop(question.id, None)
        self._show(verdict)

    def _show(self, verdict: Verdict) -> None:
        session = self.session
        self.verdict = verdict
        peeked = session.record.answers[-1].peeked
        self._show_peeked()
        self.query_one(ScoreBar).show(
            session.position, session.total, session.score, asking=False, kind=self._kind
        )
        self.query_one(Feedback).show(verdict, peeked=peeked)
        self._show_rating()
        button = self.query_one("#next", Button)
        button.label = "See results" if session.done else "Next question"
        button.display = True
        # The screen lays itself out in its next frame: the widgets shown here would each
        # ask for it only at their own idle, after a first frame drawn without them (and
        # the focus and keys below would be drawn first).
        self.refresh(layout=True)
        # The verdict is drawn first; what changes no more than focus and keys follows it
        # (disabling the box restyles it, moving focus rebuilds the footer's keys).
        self.call_after_refresh(self._after_verdict)

    def _after_verdict(self) -> None:
        if self.verdict is None:
            return  # already on the next question
        self.query_one("#answer", AnswerBox).disabled = True
        self.query_one("#next", Button).focus()
        self.query_one("#question", VerticalScroll).scroll_end(animate=False)
        self.refresh_bindings()

    @property
    def _kind(self) -> str:
        """What the score bar counts: a review says so ("Review 1 of 4"), a quiz asks "Question"."""
        return {"review": "Review", "weakest": "Drill"}.get(self.session.record.scope, "Question")

    @property
    def rates(self) -> bool:
        """Whether this session's answers are rated by the learner: a review's are."""
        return self.session.record.scope in self.RATED

    def _show_rating(self) -> None:
        """In a review, the rating the schedule will use for the last answer (the verdict's,
        as the core rates it, or the learner's own) and the keys that change it."""
        rating = self.query_one("#rating", Static)
        rating.display = self.rates and self.verdict is not None
        # Four more keys: the footer closes up to keep them on one line at 80 columns.
        self.query_one(KeysFooter).compact = rating.display
        if not rating.display:
            return
        from briefing.learn.schedule import rating_of

        chosen = rating_of(self.session.record.answers[-1])
        keys: list[str | tuple[str, str]] = []
        for name, n in RATINGS.items():
            if n == chosen:  # marked in words as well as colour (NO_COLOR)
                keys.append((f"[{n} {name.capitalize()}]", "bold reverse"))
            else:
                keys.append(f" {n} {name.capitalize()} ")
            keys.append(" ")
        rating.update(Content.assemble(("Rated for review: ", "$text-muted"), *keys))

    def _finish(self) -> None:
        session = self.session
        if not session.finished:
            session.finish(now=self.app.now())  # the saver writes the finished session
        self.app.show_results(session)

    # --- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next":
            return self.verdict is not None
        if action in ("skip", "pick"):
            return self.verdict is None
        if action == "rate":
            return self.verdict is not None and self.rates
        return True

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "next":
            await self.action_next()

    async def action_next(self) -> None:
        if self.verdict is None:
            return
        if self.session.done:
            self._finish()
        else:
            await self._ask()

    def action_pick(self, choice: str) -> None:
        box = self.query_one("#answer", AnswerBox)
        if self.verdict is None and not box.disabled:
            box.pick(choice)

    def action_rate(self, rating: int) -> None:
        """The learner's own rating of the answer just given: the core records it and
        the schedule uses it instead of the verdict's."""
        if self.verdict is not None and self.rates:
            self.session.rate(rating)
            self._show_rating()

    def action_skip(self) -> None:
        question = self.session.current
        if self.verdict is None and question is not None:
            self.app.drafts.pop(question.id, None)
            self._show(self.session.skip(now=self.app.now()))

    def action_peek(self) -> None:
        """The open question's section, recorded as a peek by the engine; after an
        answer, the answered question's section (nothing left to score)."""
        session = self.session
        question = session.current if self.verdict is None else None
        note = None
        if question is not None:
            session.peek()
            self._show_peeked()
            note = self.PEEKED
        elif session.position:
            question = session.questions[session.position - 1]
        if question is not None:
            self.app.push_screen(PeekScreen(self.app.pack.section(question.section), note=note))

    def action_leave(self) -> None:
        self.app.pop_screen()


def prepares() -> list[type[Screen] | Widget]:
    """The screen and the widgets a question shows, whose CSS BriefingApp.prepare_css
    parses before the quiz is first opened (the screen's children are not enough:
    the progress bar's parts and every kind of answer box have CSS of their own)."""
    return [
        QuizScreen,
        ScoreBar(),
        Bar(),
        PercentageStatus(),
        ETAStatus(),
        Feedback(),
        TypedAnswer("figure"),
        ChoiceAnswer([]),
        TrueFalseAnswer(),
        Input(),
    ]
