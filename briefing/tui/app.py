"""BriefingApp: read the briefing, take the quiz, see what was missed, follow progress.

The app holds what the screens share (the pack, the profile, where saves go,
the quiz in progress) and moves between screens. The engine grades and
scores; the store writes; the screens only show and ask.
"""

from __future__ import annotations

import gc
import importlib
import inspect
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from functools import partial
from pathlib import Path
from time import monotonic, sleep
from types import ModuleType
from typing import TYPE_CHECKING

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker, WorkerState

from briefing.defaults import NEW_PER_DAY, SAVES_DIR, WEAKEST_REVIEW
from briefing.errors import SaveError
from briefing.records import checker, now_utc
from briefing.tui.screens.briefing import BriefingScreen

if TYPE_CHECKING:
    from briefing.engine import Session
    from briefing.learn.review import Plan
    from briefing.library import Entry
    from briefing.pack import Pack
    from briefing.records import Scope, SessionRecord

# The other screens, the engine (and the grader with it) and the store are
# imported once the briefing is drawn: its first frame waits for nothing it
# does not draw (see BriefingApp.later).

Clock = Callable[[], datetime]
# How long ctrl+q lets the messages of keys read with it arrive first (see action_quit).
QUIT_GRACE_SECONDS = 0.05


# What a person may open at once from the briefing, prepared in this order once
# the briefing is quiet: the module is imported in a thread, then its screen's CSS
# and its widgets' default CSS are parsed in one step, so that the first `s` pushes
# the quiz without parsing any CSS.
PREPARED_SCREENS = (
    "briefing.tui.screens.quiz",
    "briefing.tui.screens.history",
    "briefing.tui.screens.progress",
)


# What the first answer needs and a quiz starts without, imported a step per quiet
# turn after the screens (a checked pack needed neither); then the save's writer.
ANSWER_MODULES = ("briefing.grading.grader", "pydantic")


def _collect_garbage_from_now_on() -> None:
    """Once the briefing is drawn: what start-up built lives as long as the app,
    so it is frozen out of the collector's passes, and collection resumes (the
    command line turned it off for start-up; see briefing.cli.main)."""
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
        _frozen.append(True)


_frozen: list[bool] = []  # whether start-up was frozen (not when the app runs in tests)


def _freeze_prepared() -> None:
    """The modules the prepare thread imported after the first frame (the quiz, the
    engine, the grader) live as long as the app too: frozen out of the collector's
    passes as start-up was, or a full pass would walk them all on some answer."""
    if _frozen:
        gc.freeze()


class BriefingApp(App[int]):
    """The briefing and quiz on one pack, for one profile."""

    # The briefing is the default screen, which Textual builds without reading
    # a screen's own CSS_PATH: its layout is read with the app's.
    CSS_PATH = ["app.tcss", "screens/briefing.tcss"]
    TITLE = "briefing"
    ENABLE_COMMAND_PALETTE = False  # ctrl+p peeks at the briefing during the quiz
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("f1", "help", "Help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+t", "toggle_theme", "Theme"),
    ]
    HELP = "Tab and shift+Tab move between the parts of a screen."

    def __init__(
        self,
        pack: Pack | None,
        *,
        library: Sequence[Entry] = (),
        library_notes: Sequence[str] = (),
        profile: str | None = None,
        saves: str | Path = SAVES_DIR,
        seed: int | None = None,
        limit: int | None = None,
        section: str | None = None,
        clock: Clock = now_utc,
        review: Scope | None = None,
        new_per_day: int = NEW_PER_DAY,
    ) -> None:
        super().__init__()
        # None: `library` holds several packs and the UI opens on the picker (open_pack).
        self._pack = pack
        self.library = list(library)
        self.library_notes = list(library_notes)  # files in the folder that are not valid packs
        self.profile = profile
        self.saves = Path(saves)
        self.seed = seed
        self.limit = limit
        self.section = section  # --section: `s` starts a quiz on this section only
        self.clock = clock
        self.review = review  # `briefing review`: open on a "review" (or the "weakest"), not the briefing
        self.new_per_day = new_per_day  # review: new questions a day, after the due ones
        self.session: Session | None = None  # the quiz in progress, if any
        # A quiz in progress left for one started from the start dialog: continued after it.
        self.parked: Session | None = None
        # What is typed and not yet submitted, by question id, for the quiz in progress:
        # kept here so that it outlives a quiz screen left for the briefing (QuizScreen).
        self.drafts: dict[str, str] = {}
        self.theme = "textual-dark"
        self._turns = threading.Lock()  # one thread at a time in its quiet turn

    @property
    def pack(self) -> Pack:
        """The pack being read; the screens that use it open only once one is chosen."""
        if self._pack is None:
            raise RuntimeError("no pack is chosen yet: the picker is open")
        return self._pack

    def open_pack(self, pack: Pack) -> None:
        """The picker's choice: its briefing, over the picker (Escape comes back)."""
        self._pack = pack
        self.session = None
        self.drafts.clear()
        self.push_screen(BriefingScreen())
        self._offer_resume()

    async def action_quit(self) -> None:
        """Quit, once what came just before ctrl+q is handled: an answer and Enter that
        reach the app with it in one read (a paste, a macro) are graded and saved
        first, not dropped with the messages still on their way (Enter itself comes
        back through the app's own queue, so this returns at once and exits later)."""
        self.set_timer(QUIT_GRACE_SECONDS, self.exit)

    # --- start-up ----------------------------------------------------------------

    def get_default_screen(self) -> Screen:
        """The briefing is the bottom screen: the first frame draws it, not a blank one
        (the picker, when --pack named a folder of several packs)."""
        if self._pack is None:
            from briefing.tui.screens.picker import PickerScreen

            return PickerScreen()
        return BriefingScreen()

    def on_mount(self) -> None:
        self._last_input = monotonic()
        self.later(_collect_garbage_from_now_on)
        if self.profile is None:
            from briefing.tui.screens.profile import ProfileScreen

            self.push_screen(ProfileScreen(self.saves), self._profile_chosen)
        elif self.review:  # asked for on the command line: opened at once
            self.later(self._open_review)
        else:
            self._offer_resume()  # reads the saves in a quiet turn
        self.call_after_refresh(self._prepare_screens)  # not before the first frame

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown)):
            self._last_input = monotonic()  # background work waits for quiet (quiet_turn)
        await super().on_event(event)

    # --- work deferred past the first frame -----------------------------------------

    _later: deque[Callable[[], object]]

    def later(self, job: Callable[[], object]) -> None:
        """Run `job` after the first frame, one job a turn, each behind the keys already typed.

        Deferred work must not hold up a key pressed the moment the briefing is
        drawn: each job is small, and the next one is queued behind whatever
        reached the app in the meantime, so input is answered between jobs.
        """
        if not hasattr(self, "_later"):
            self._later = deque()
        self._later.append(job)
        if not self._later_running:  # not begun, or run dry: a job queued later still runs
            self._later_running = True
            self.call_after_refresh(self._run_later)

    _later_running = False

    def _run_later(self) -> None:
        if not self.screen_stack:  # the app is closing (ctrl+q at once): nothing left to do
            self._later.clear()
            self._later_running = False
            return
        if self._later:
            self._later.popleft()()
        if self._later:
            self.set_timer(0.005, self._run_later)
        else:
            self._later_running = False

    # --- work in threads, in quiet turns -------------------------------------------

    QUIET_SECONDS = 0.3
    _last_input = 0.0

    @contextmanager
    def quiet_turn(self) -> Iterator[None]:
        """In a worker thread: wait until no key or click has come for QUIET_SECONDS, and
        no other thread is in its turn, then run the block.

        A thread takes turns with the loop for the GIL, so a key pressed while one
        imports waits up to twice as long; work off the input path is therefore done
        one step at a time, each when the person has paused."""
        with self._turns:
            while (left := self._last_input + self.QUIET_SECONDS - monotonic()) > 0:
                sleep(left)
            yield

    def _prepare_screens(self) -> None:
        """Import the screens a first key may open, then what the first answer needs,
        in a thread, a step per quiet turn (see PREPARED_SCREENS)."""

        def prepare() -> list[ModuleType]:
            modules = []
            for name in PREPARED_SCREENS:
                with self.quiet_turn():
                    modules.append(importlib.import_module(name))
            for name in ANSWER_MODULES:
                with self.quiet_turn():
                    importlib.import_module(name)
            with self.quiet_turn():
                checker()  # the compiled writer of a save
            return modules

        self.run_worker(prepare, thread=True, group="prepare", description="prepare the quiz")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The quiz's modules are imported: parse their CSS on the loop, in one slice.
        A quiz to resume is found: offer it."""
        worker = event.worker
        if event.state != WorkerState.SUCCESS:
            return
        if worker.group == "prepare":
            self.later(self.read_screen_css)  # in the quiet time the thread waited for
            for module in worker.result or []:
                self.later(partial(self.prepare_module, module))
        elif worker.group == "resume" and worker.result is not None:
            self._resume_found(*worker.result)

    def read_screen_css(self) -> None:
        """Every screen's CSS file into the stylesheet, in one parse (a few ms, once the
        prepare thread is done). Textual reads a screen's CSS file when the screen first
        opens, then reparses the whole stylesheet and restyles every widget: `h` waited
        over 100 ms for that, the first time."""
        stylesheet = self.stylesheet
        folder = Path(inspect.getfile(BriefingScreen)).parent  # as Textual finds a CSS_PATH
        for path in sorted(folder.glob("*.tcss")):
            if not stylesheet.has_source(str(path), ""):
                stylesheet.read(path)
        stylesheet.parse()

    _prepared: set[str]

    def prepare_module(self, module: ModuleType) -> None:
        """Parse the CSS of what this module's screen shows (its `prepares()`, if it has one:
        widgets with CSS of their own), once; also at once when that screen is opened
        before its turn came (`s` at the first frame), or Textual would reparse the whole
        stylesheet for the screen's CSS file."""
        if not hasattr(self, "_prepared"):
            self._prepared = set()
        if module.__name__ not in self._prepared:
            self._prepared.add(module.__name__)
            prepares = getattr(module, "prepares", None)  # its widgets with CSS of their own
            if prepares is not None:
                self.prepare_css(prepares())
            _freeze_prepared()

    def prepare_css(self, nodes: Iterable[type[Screen] | Widget]) -> None:
        """Read the CSS files of these screens and the default CSS of these widgets into
        the stylesheet now, in one parse, as Textual would when they are first shown."""
        stylesheet = self.stylesheet
        for node in nodes:
            if isinstance(node, type):  # a screen: its CSS_PATH, relative to its module
                paths = node.CSS_PATH if isinstance(node.CSS_PATH, list) else [node.CSS_PATH]
                for path in paths:
                    if path is not None:
                        full = str(Path(inspect.getfile(node)).parent / path)
                        if not stylesheet.has_source(full):
                            stylesheet.read(full)
            else:
                for read_from, css, tie_breaker, scope in node._get_default_css():
                    stylesheet.add_source(
                        css, read_from=read_from, is_default_css=True, tie_breaker=tie_breaker, scope=scope
                    )
        stylesheet.parse()

    def _profile_chosen(self, profile: str | None) -> None:
        if profile is None:
            return
        self.profile = profile
        self._refresh_screen()
        if self.review:
            self._open_review()
        else:
            self._offer_resume()

    def _open_review(self) -> None:
        self.open_review(weakest=self.review == "weakest")

    def _offer_resume(self) -> None:
        """An unfinished quiz of this profile and pack: offer to go on with it. The saves
        are read (and the grader imported) in a thread, in a quiet turn."""
        if self.profile is None or self._pack is None:
            return
        pack, profile = self._pack, self.profile

        def find() -> tuple[Pack, str, Session | None, list[str], list[str]]:
            with self.quiet_turn():
                from briefing import store

                return pack, profile, *store.resume_saved(pack, self.saves, profile, saver=self.save)

        self.run_worker(
            find, thread=True, group="resume", exclusive=True, description="find a quiz to resume"
        )

    def _resume_found(
        self, pack: Pack, profile: str, session: Session | None, unreadable: list[str], stale: list[str]
    ) -> None:
        if pack is not self._pack or profile != self.profile:
            return  # another pack or profile was chosen meanwhile: its own search follows
        for problem in unreadable:
            self.notify(problem, title="A save could not be read", severity="warning", markup=False)
        for line in stale:
            self.notify(line, title="An unfinished quiz cannot be resumed", severity="warning", markup=False)
        if session is None or self.session is not None:
            return  # a quiz was started meanwhile: the unfinished one stays saved for next time
        if not isinstance(self.screen, BriefingScreen):  # history, help, ... opened meanwhile
            self._resume_pending = session  # offered once the briefing is back (offer_pending)
            return
        self._offer(session)

    _resume_pending: Session | None = None

    def offer_pending(self) -> None:
        """The briefing is shown again: offer the unfinished quiz found while it was covered."""
        session, self._resume_pending = self._resume_pending, None
        if session is not None and self.session is None and session.pack is self._pack:
            self._offer(session)

    def _offer(self, session: Session) -> None:
        record = session.record

        def decided(resume: bool | None) -> None:
            if resume is None:  # later: keep it as the quiz to continue
                self.session = session
                self._refresh_screen()
            elif resume:
                self.session = session
                self.open_quiz()
            else:
                self.discard(record)

        from briefing.tui.screens.resume import ResumeScreen

        self.push_screen(ResumeScreen(session.position, session.total, session.score), decided)

    # --- what screens ask of the app --------------------------------------------

    def now(self) -> datetime:
        return self.clock()

    def save(self, record: SessionRecord) -> None:
        """The engine's saver: write the record; a failure is told, not fatal."""
        from briefing import store

        try:
            store.save(record, self.saves)
        except SaveError as exc:
            self.notify(str(exc), title="Progress not saved", severity="error", markup=False)

    def discard(self, record: SessionRecord) -> None:
        from briefing import store

        try:
            store.discard(self.saves, record)
        except SaveError as exc:
            self.notify(str(exc), severity="error", markup=False)

    def new_session(
        self, only: Iterable[str] | None = None, *, section: str | None = None, limit: int | None = None
    ) -> Session:
        """A new quiz of the pack (or `only` these questions, or one `section`'s), at most `limit`."""
        if self.profile is None:
            raise RuntimeError("a quiz needs a profile: none is chosen yet")
        from briefing.engine import Session

        self.drafts.clear()
        self.session = Session.start(
            self.pack,
            profile=self.profile,
            seed=self.seed,
            limit=limit,
            only=only,
            section=section,
            mode="tui",
            saver=self.save,
            now=self.now(),
        )
        return self.session

    def open_quiz(
        self,
        only: Iterable[str] | None = None,
        replace: bool = False,
        *,
        chosen: tuple[str | None, int | None] | None = None,
    ) -> None:
        """Continue the quiz in progress, or start one: of `only` these questions, or
        the `chosen` (section or None, limit or None) of the start dialog, or the pack
        cut to --limit."""
        session = self.session
        if chosen is not None:
            section, limit = chosen
            if session is not None and not session.finished:
                self.parked = session  # the start dialog's promise: offered again after this one
            session = self.new_session(section=section, limit=limit)
        elif only is not None or session is None or session.finished:
            if only is not None:
                session = self.new_session(only)
            else:
                session = self.new_session(section=self.section, limit=self.limit)
        self._show_quiz(session, replace)

    def review_plan(self, now: datetime, *, weakest: bool = False) -> Plan:
        """What a review of this profile asks at `now`, as the core plans it: the questions
        due, most overdue first, then new ones up to the daily limit; or the weakest first.
        Reads the saves: from a thread worker or on a key, never before the first frame."""
        from briefing import store
        from briefing.learn import index, review

        if self.profile is None:
            raise RuntimeError("a review needs a profile: none is chosen yet")
        loaded = index.load(self.saves, self.profile)
        folder = store.profile_dir(self.saves, self.profile)
        limit = self.limit if self.limit is not None or not weakest else WEAKEST_REVIEW
        return review.plan(
            loaded.sessions,
            self.pack,
            now,
            new_per_day=self.new_per_day,
            weakest=weakest,
            limit=limit,
            section=self.section,
            cache_dir=folder if folder.is_dir() else None,
        )

    def open_review(self, *, weakest: bool = False, replace: bool = False) -> bool:
        """Start a review in the order the core plans (see review_plan); False, and said
        on screen, when there is nothing to review."""
        if self.profile is None:
            return False
        now = self.now()
        plan = self.review_plan(now, weakest=weakest)
        if not plan.order:
            from briefing.stats import when_text

            if weakest:
                message = "No question missed yet: nothing to drill."
            elif plan.next_due is None:
                message = "Nothing to review now."
            else:
                message = f"Nothing to review now: the next question is due {when_text(plan.next_due)} UTC."
            self.notify(message, title="Review", markup=False)
            return False
        from briefing.engine import Session

        self.drafts.clear()
        self.session = Session.start(
            self.pack,
            profile=self.profile,
            seed=self.seed,
            ordered=plan.order,
            scope=plan.scope,
            mode="tui",
            saver=self.save,
            now=now,
        )
        self._show_quiz(self.session, replace)
        return True

    def _show_quiz(self, session: Session, replace: bool) -> None:
        from briefing.tui.screens import quiz

        self.prepare_module(quiz)
        screen = quiz.QuizScreen(session)
        if replace:
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    def show_results(self, session: Session) -> None:
        from briefing.tui.screens.results import ResultsScreen

        parked, self.parked = self.parked, None
        if parked is not None and not parked.finished:
            self.session = parked  # the quiz left for a shorter one: "Continue quiz" again
        self.switch_screen(ResultsScreen(session))

    def _refresh_screen(self) -> None:
        refresh = getattr(self.screen, "refresh_state", None)
        if refresh is not None:
            refresh()

    # --- actions -----------------------------------------------------------------

    def action_help(self) -> None:
        from briefing.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_history(self) -> None:
        from briefing.tui.screens.history import HistoryScreen

        self._open_or_return(HistoryScreen)

    def action_progress(self) -> None:
        from briefing.tui.screens.progress import ProgressScreen

        self._open_or_return(ProgressScreen)

    def action_team(self) -> None:
        from briefing.tui.screens.team import TeamScreen

        self._open_or_return(TeamScreen)

    def _open_or_return(self, screen_type: type[Screen]) -> None:
        """Open a screen over this one; when the one just below is of that type (history
        and progress open each other), go back to it rather than pile up another."""
        if isinstance(self.screen, screen_type):
            return
        stack = self.screen_stack
        if len(stack) > 1 and isinstance(stack[-2], screen_type):
            self.pop_screen()
        else:
            self.push_screen(screen_type())

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.current_theme.dark else "textual-dark"
