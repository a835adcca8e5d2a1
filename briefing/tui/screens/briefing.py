"""The briefing: the pack's title and source, its sections with a table of contents."""

from __future__ import annotations

import importlib
import sys
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widget import AwaitMount
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from briefing.records import REVIEW_SCOPES
from briefing.tui.text import data
from briefing.tui.widgets.footer import KeysFooter
from briefing.tui.widgets.section_view import MARKDOWN_MODULE, SectionView, needs_markdown

if TYPE_CHECKING:
    from briefing.learn.review import Plan
    from briefing.tui.app import BriefingApp


class BriefingScreen(Screen[None]):
    """Read the briefing; start the quiz from here."""

    # Its layout, briefing.tcss, is read with the app's CSS (it is the default screen).

    app: BriefingApp

    BINDINGS = [
        # One key, named for what it will do: the footer says which (check_action).
        Binding("s", "start", "Start quiz"),
        Binding("s", "continue", "Continue quiz"),
        # On the button beside "Start quiz": the footer has no room left at 80 columns.
        Binding("o", "choose", "Pick the questions", show=False),
        Binding("v", "review", "Review due", show=False),  # on its button, as o is
        Binding("k", "key_figures", "Key figures"),
        Binding("h", "app.history", "History"),
        Binding("p", "app.progress", "Progress", show=False),
        # Only when --pack named a folder of several: back to the pack picker.
        Binding("escape", "packs", "Packs"),  # "Back to the packs" does not fit the footer,
    ]
    HELP = (
        "The arrows and Enter in the contents jump to a section.\n"
        "  Escape: the pack picker, when --pack named a folder."
    )

    def compose(self) -> ComposeResult:
        pack = self.app.pack
        info = pack.pack
        with Horizontal(id="masthead"):
            yield Static(data(info.title), id="pack-title", markup=False)
            yield Static(id="profile")
        source = f"{info.source.title} — {info.source.publisher}, {info.source.date}"
        if info.source.url:
            source += f" ({info.source.url})"
        yield Static(Content.assemble(("Source: ", "bold"), data(source)), id="source")
        with Horizontal(id="reader"):
            yield OptionList(
                *[Option(data(s.title), id=s.id) for s in pack.sections],
                markup=False,
                id="toc",
            )
            with VerticalScroll(id="sections"):
                # The first section now; the rest once it is on screen (see on_mount).
                first = pack.sections[0]
                yield SectionView(first.title, first.body, id=f"section-{first.id}")
        with Horizontal(id="actions"):
            # The thing to do next, and how to choose a shorter quiz; key figures and
            # history are a key away (the footer shows k and h).
            yield Button("Start quiz", id="start", variant="primary", compact=True)
            yield Button("Review (v)", id="review", compact=True)
            yield Button("Pick the questions (o)", id="choose", compact=True)
            # What a review would ask now, counted by the core once the app is quiet: last
            # in the row, so that no button moves under a click when it appears.
            yield Static(id="due-counts", markup=False)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#toc", OptionList).border_title = "Contents"
        self.refresh_state()
        self.query_one("#toc").focus()
        # The sections below the first, after the first frame and one a turn, so a key
        # pressed meanwhile waits for one section at most (see BriefingApp.later).
        self._unmounted = list(self.app.pack.sections[1:])
        self._queue_sections()

    def _queue_sections(self) -> None:
        for _ in self._unmounted:
            self.app.later(self._mount_later)

    def _mount_later(self) -> None:
        """A deferred section, while the briefing is shown (a dialog over it shows it too):
        under the quiz (`s` pressed at once) it would only hold up drawing the quiz;
        they are queued again on return. A section drawn with Markdown waits until
        Textual's Markdown (and markdown-it) is imported in a thread, in a quiet turn:
        imported here, it held up a key for a tenth of a second."""
        top = self.app.screen
        if not (top is self or top.is_modal):
            self._waiting = True
        elif (
            self._unmounted and needs_markdown(self._unmounted[0].body) and MARKDOWN_MODULE not in sys.modules
        ):
            self._import_markdown()
        else:
            self._mount_next()

    _waiting = False
    _importing = False

    def _import_markdown(self) -> None:
        if self._importing:
            return
        self._importing = True
        app = self.app

        def load() -> None:
            with app.quiet_turn():
                importlib.import_module(MARKDOWN_MODULE)

        self.run_worker(load, thread=True, group="markdown", description="import Markdown")

    def _mount_next(self, upto: str | None = None) -> AwaitMount | None:
        """Mount the next section not yet mounted; or every one up to section `upto`."""
        count = 1
        if upto is not None:
            ids = [s.id for s in self._unmounted]
            count = ids.index(upto) + 1 if upto in ids else 0
        sections, self._unmounted = self._unmounted[:count], self._unmounted[count:]
        if not sections:
            return None
        views = [SectionView(s.title, s.body, id=f"section-{s.id}") for s in sections]
        return self.query_one("#sections", VerticalScroll).mount_all(views)

    def on_screen_resume(self) -> None:
        self._counted = None  # answers given, a quiz discarded, time gone by: count again
        self.refresh_state()
        self.app.offer_pending()
        if self._waiting:
            self._waiting = False
            self._queue_sections()

    # --- what a review would ask ------------------------------------------------------

    _counted: str | None = None  # the profile whose due counts are shown or on their way

    def count_due(self) -> None:
        """Count what is due for this profile, as the core's review plan says, off the
        input path: the time now (the app's clock, read here), then the saves read and
        fsrs replayed in a thread worker, in a quiet turn (BriefingApp.quiet_turn)."""
        app = self.app
        if app.profile is None:
            return
        self._counted = app.profile
        now = app.now()

        def count() -> Plan:
            with app.quiet_turn():
                return app.review_plan(now)

        self.run_worker(
            count,
            thread=True,
            group="due",
            exclusive=True,
            exit_on_error=False,
            description="count the questions due",
        )

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == "markdown" and event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            self._importing = False
            self._queue_sections()  # the rest, one a turn (an error: imported on the loop)
            return
        if worker.group != "due":
            return
        counts = self.query_one("#due-counts", Static)
        if event.state == WorkerState.SUCCESS and worker.result is not None:
            plan = worker.result
            if plan.order:
                counts.update(f"{plan.due} due · {plan.new} new")
            else:
                counts.update("nothing due")
        elif event.state == WorkerState.ERROR:
            counts.update("")

    def refresh_state(self) -> None:
        """Show the profile, and whether "start" continues a quiz in progress."""
        app = self.app
        self.query_one("#profile", Static).update(
            Content.assemble(("Profile: ", "dim"), data(app.profile or "—"))
        )
        session = app.session
        label = "Start quiz"
        if session is not None and self._continues():
            what = "review" if session.record.scope in REVIEW_SCOPES else "quiz"
            label = f"Continue {what} ({session.position + 1} of {session.total})"
        self.query_one("#start", Button).label = label
        self.refresh_bindings()
        if app.profile is not None and app.profile != self._counted:
            self.count_due()

    def _continues(self) -> bool:
        """Whether "start" goes on with a quiz in progress."""
        session = self.app.session
        return session is not None and not session.finished and not session.done

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "start":
            return not self._continues()
        if action == "continue":
            return self._continues()
        if action == "packs":
            return len(self.app.screen_stack) > 1 and bool(self.app.library)
        return True

    # --- table of contents ---------------------------------------------------------

    async def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        await self._goto(event.option_id)

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        await self._goto(event.option_id)
        self.query_one("#sections").focus()

    async def _goto(self, section_id: str | None) -> None:
        if section_id is None:
            return
        mounting = self._mount_next(upto=section_id)  # asked for before its turn came
        if mounting is not None:
            await mounting
        target = self.query_one(f"#section-{section_id}")
        sections = self.query_one("#sections", VerticalScroll)
        if mounting is None:
            sections.scroll_to_widget(target, top=True, animate=False)
        else:  # once the new sections are laid out: until then it has no place to scroll to
            self.call_after_refresh(sections.scroll_to_widget, target, top=True, animate=False)

    # --- actions ---------------------------------------------------------------------

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "start":
            self.action_start()
        elif event.button.id == "choose":
            self.action_choose()
        elif event.button.id == "review":
            self.action_review()

    def action_start(self) -> None:
        if self.app.profile is not None:
            self.app.open_quiz()

    def action_continue(self) -> None:
        self.action_start()

    def action_review(self) -> None:
        """A review: the questions due, most overdue first, then new ones (the core's plan);
        when nothing is due, a note says when the next one is."""
        if self.app.profile is not None:
            self.app.open_review()

    def action_choose(self) -> None:
        """The start dialog: all the questions, a number of them, or one section's."""
        app = self.app
        if app.profile is None:
            return
        from briefing.tui.screens.start import StartChoice, StartScreen

        toc = self.query_one("#toc", OptionList)
        here = toc.highlighted_option.id if toc.highlighted_option is not None else None
        session = app.session
        in_progress = None
        if session is not None and self._continues():
            in_progress = f"question {session.position + 1} of {session.total}"

        def chosen(choice: StartChoice | None) -> None:
            if choice is not None:
                app.open_quiz(chosen=(choice.section, choice.limit))

        app.push_screen(StartScreen(here, app.limit, in_progress), chosen)

    def action_packs(self) -> None:
        self.app.pop_screen()

    def action_key_figures(self) -> None:
        from briefing.excerpts import key_figures
        from briefing.tui.screens.key_figures import KeyFiguresScreen

        section = key_figures(self.app.pack)
        if section is None:
            self.notify("This pack has no key figures section.", severity="warning")
            return
        self.app.push_screen(KeyFiguresScreen(section))
