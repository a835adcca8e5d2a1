"""The command line: parse arguments, dispatch, turn errors into one-line messages.

Each command imports only what it needs: the headless commands never import
Textual, and a bare `briefing` imports the TUI only once it is going to run.
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import NoReturn

from briefing import defaults
from briefing.errors import BriefingError, UsageError
from briefing.output import drop_stdout, say_error  # os and sys only: nothing to start


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see '{self.prog} --help')")


class _Version(argparse.Action):
    """--version: the installed package's version, read only when asked."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        import briefing

        print(f"briefing {briefing.__version__}")
        parser.exit()


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {text}")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text}")
    return value


def _seed(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None


def _when(text: str):  # -> datetime in UTC
    """--now: an ISO 8601 time (`2026-03-01T09:00`, `2026-03-01T09:00:00+01:00`, `...Z`); naive is UTC."""
    from datetime import UTC, datetime

    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r} (e.g. 2026-03-01T09:00Z)") from None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


SAVES_HELP = f"where sessions are saved (default: ${defaults.SAVES_ENV}, else ./{defaults.SAVES_DIR})"
NOW_HELP = "the clock, fixed: an ISO 8601 time (naive is UTC), to check a schedule"


def _saves_options(p: argparse.ArgumentParser, profile_help: str = "whose progress this is") -> None:
    """--pack, --profile and --saves on a subcommand (their defaults left to the top parser)."""
    p.add_argument(
        "--pack",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="the pack (default: the bundled questions.toml)",
    )
    p.add_argument(
        "--profile",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=f"{profile_help} (default: {defaults.PROFILE})",
    )
    p.add_argument("--saves", metavar="DIR", default=argparse.SUPPRESS, help=SAVES_HELP)


def _session_options(p: argparse.ArgumentParser, top: bool = False) -> None:
    # On a subcommand the defaults are left to the top-level parser, so that
    # `briefing --profile ana quiz` and `briefing quiz --profile ana` agree.
    def default(value: str | None) -> str | None:
        return value if top else argparse.SUPPRESS

    p.add_argument(
        "--pack",
        metavar="FILE",
        default=default(None),
        help="the pack to use (default: the bundled questions.toml)",
    )
    p.add_argument(
        "--profile",
        metavar="NAME",
        default=default(None),
        help=f"whose progress this is (letters, digits, - and _; default: {defaults.PROFILE})",
    )
    p.add_argument(
        "--saves",
        metavar="DIR",
        default=default(defaults.saves_dir()),
        help=SAVES_HELP,
    )
    p.add_argument(
        "--seed",
        type=_seed,
        metavar="N",
        default=default(None),
        help="question order: the same seed gives the same order",
    )
    p.add_argument(
        "--limit", type=_positive, metavar="N", default=default(None), help="ask at most N questions"
    )
    p.add_argument(
        "--section",
        metavar="ID",
        default=default(None),
        help="ask only the questions on this section of the briefing (its id, as in the pack)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="briefing",
        description="A condensed briefing on a source document, then a quiz on its figures and "
        "attributions. With no command, opens the briefing and quiz in the terminal UI.",
    )
    parser.add_argument("--version", action=_Version, help="print the version and exit")
    _session_options(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    quiz = sub.add_parser(
        "quiz",
        help="take the quiz (in the UI, or --headless for scripts)",
        description="Take the quiz. With --headless, answers come from --answers FILE "
        "or one a line on standard input; exit 0 on a pass, 1 below the pass mark.",
    )
    _session_options(quiz)
    quiz.add_argument("--headless", action="store_true", help="no UI: read answers, print a report")
    quiz.add_argument(
        "--answers", metavar="FILE", help="TOML file with an [answers] table: question id = answer"
    )
    quiz.add_argument(
        "--format",
        choices=defaults.REPORT_FORMATS,
        default="text",
        help="report format (default: text)",
    )
    quiz.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    quiz.add_argument("--no-save", action="store_true", help="do not save this session")
    quiz.add_argument(
        "--resume",
        action="store_true",
        help="with --headless: go on with this profile's unfinished quiz (its own order and length)",
    )

    validate = sub.add_parser(
        "validate",
        help="check a pack; exit 0 when valid, 2 otherwise",
        description="Check a pack: schema, references, that each answer is stated "
        "in its section (a quote in quotation marks), and with --source that each quote is "
        "verbatim. Every problem is one line naming the file, its line, the question and "
        "the field. Warnings (one answer right for more than half of a kind's questions) "
        "fail the pack only with --strict.",
    )
    validate.add_argument(
        "pack", nargs="?", metavar="PACK", help="the pack (default: the bundled questions.toml)"
    )
    validate.add_argument(
        "--source",
        metavar="FILE",
        help="the article: its quotes, figures and names are held against the pack, and what no "
        "question asks is listed (warnings)",
    )
    validate.add_argument(
        "--explain",
        action="store_true",
        help="print, for each question, the sentence of its section that grounds its answer",
    )
    validate.add_argument(
        "--format",
        choices=defaults.DATA_FORMATS,
        default="text",
        help="text: problems on stderr, one a line; json: a report on stdout",
    )
    validate.add_argument(
        "--strict",
        action="store_true",
        help="warnings fail the pack too (one answer right for most questions of a kind)",
    )

    brief = sub.add_parser(
        "brief",
        help="print the briefing as plain text",
        description="Print the briefing as plain text, wrapped to the terminal "
        "(80 columns in a pipe, at most 100).",
    )
    brief.add_argument(
        "--pack",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="the pack (default: the bundled questions.toml)",
    )

    packs = sub.add_parser(
        "packs",
        help="list the packs in a folder, with your last result on each",
        description="List the packs DIR holds (its *.toml files with a [pack] table): id, "
        "version, title, source, questions, and the profile's last result. Without DIR, the "
        "bundled pack.",
    )
    packs.add_argument("dir", nargs="?", metavar="DIR", help="a folder of packs (or one pack file)")
    packs.add_argument(
        "--profile",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=f"whose last results (default: {defaults.PROFILE})",
    )
    packs.add_argument(
        "--saves",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=SAVES_HELP,
    )
    packs.add_argument(
        "--format", choices=defaults.DATA_FORMATS, default="text", help="output format (default: text)"
    )

    draft = sub.add_parser(
        "draft",
        help="draft a starting pack from an article",
        description="Write a starting pack for ARTICLE: its title, the people and organisations "
        "it names, a question stub per figure and per attributed quote. What needs a person "
        "is marked DRAFT:, and validate lists each one until it is written.",
    )
    draft.add_argument("article", metavar="ARTICLE", help="the article, as UTF-8 text")
    draft.add_argument(
        "-o",
        "--output",
        metavar="PACK",
        help="write the draft here (default: standard output); never overwritten",
    )

    sub.add_parser(
        "schema",
        help="print the pack format as a JSON Schema, for TOML editors",
        description="Print the pack format as a JSON Schema. Save it (briefing schema > "
        "pack.schema.json) and put '#:schema pack.schema.json' on a pack's first line: taplo and "
        "Even Better TOML then check and complete the pack as it is typed.",
    )

    stats = sub.add_parser(
        "stats",
        help="scores and weakest questions from saved sessions",
        description="Sessions, last/best/mean percent, accuracy per question and "
        "section, and the weakest questions, from a profile's saved sessions.",
    )
    stats.add_argument(
        "--pack", metavar="FILE", default=argparse.SUPPRESS, help="the pack, to name sections and prompts"
    )
    stats.add_argument(
        "--profile",
        metavar="NAME",
        default=argparse.SUPPRESS,
        help=f"whose sessions (default: {defaults.PROFILE})",
    )
    stats.add_argument(
        "--saves",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=SAVES_HELP,
    )
    stats.add_argument(
        "--format",
        choices=defaults.TEAM_FORMATS,
        default="text",
        help="output format (default: text); json adds score over time, mastery per section and the "
        "streak; csv is the team table (with --all-profiles)",
    )
    stats.add_argument(
        "--all-profiles",
        action="store_true",
        help="the team view: every profile in the saves folder, who passed which pack, latest and best, "
        "the questions the team misses most",
    )
    stats.add_argument("--now", type=_when, metavar="ISO-TIME", help=NOW_HELP)

    review = sub.add_parser(
        "review",
        help="spaced review: what is due, most overdue first, then new questions (the UI, or --headless)",
        description="Review with spaced repetition (fsrs): the questions due, most overdue first, then "
        "questions never answered, up to --new a day. The schedule is rebuilt from every answer saved "
        "(quizzes and reviews). With --weakest: the questions this profile misses most. Answers, "
        "formats and exit codes as 'quiz --headless'.",
    )
    _session_options(review)
    review.add_argument("--headless", action="store_true", help="no UI: read answers, print a report")
    review.add_argument(
        "--answers",
        metavar="FILE",
        help="TOML with an [answers] table (question id = answer) and optionally [ratings] "
        "(question id = again|hard|good|easy: your own rating, used instead of the verdict's)",
    )
    review.add_argument(
        "--format", choices=defaults.REPORT_FORMATS, default="text", help="report format (default: text)"
    )
    review.add_argument(
        "--output", metavar="FILE", help="write the report to FILE instead of standard output"
    )
    review.add_argument("--no-save", action="store_true", help="do not save this session")
    review.add_argument(
        "--new",
        type=_count,
        metavar="N",
        default=defaults.NEW_PER_DAY,
        help=f"new questions a day, after the due ones (default: {defaults.NEW_PER_DAY})",
    )
    review.add_argument(
        "--weakest",
        action="store_true",
        help="ask the questions missed most, weakest first "
        f"(at most --limit, default {defaults.WEAKEST_REVIEW})",
    )
    review.add_argument("--now", type=_when, metavar="ISO-TIME", help=NOW_HELP)

    due = sub.add_parser(
        "due",
        help="each question's review schedule: state, stability, difficulty, last review, next due",
        description="Each question's fsrs schedule for a profile, rebuilt from the saved answers: state "
        "(new, learning, review, relearning), reviews, stability, difficulty, recall probability, "
        "last review and when it is next due (JSON: ISO times).",
    )
    _saves_options(due)
    due.add_argument(
        "--format", choices=defaults.DATA_FORMATS, default="text", help="output format (default: text)"
    )
    due.add_argument("--now", type=_when, metavar="ISO-TIME", help=NOW_HELP)

    export = sub.add_parser(
        "export",
        help="every answer as CSV or JSON, one row per answer",
        description="Every saved answer, one row each: profile, pack id and version, session id, mode, "
        "scope, question id, kind, given, correct, skipped, peeked, rating, answered at (ISO, UTC). "
        "CSV has a header row and RFC 4180 quoting: Python's csv module and pandas read it as is.",
    )
    _saves_options(export, "whose answers")
    export.add_argument("--all-profiles", action="store_true", help="every profile in the saves folder")
    export.add_argument(
        "--format", choices=defaults.EXPORT_FORMATS, default="csv", help="output format (default: csv)"
    )
    export.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="write to FILE (whole or not at all) instead of standard output",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    # A command runs briefly and builds long-lived objects (modules, classes, the
    # pack): the cyclic garbage collector finds nothing to free, yet its passes
    # cost 10-20% of a run (bench/). It stays off for a command; the UI turns it
    # back on once the briefing is drawn (BriefingApp.on_mount).
    collecting = gc.isenabled()
    gc.disable()
    try:
        args = build_parser().parse_args(argv)
        code = _dispatch(args)
        sys.stdout.flush()  # a full disk under stdout fails here, as this command's error
        return code
    except BriefingError as exc:
        say_error(exc.lines())
        return exc.exit_code
    except KeyboardInterrupt:
        say_error(["briefing: interrupted"])
        return defaults.EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`| head -1`): it had what it wanted, and the command did its
        # work; a script with pipefail must not read that as a failure (the quiz's own exit
        # code, which follows its score, is kept by the headless front end).
        drop_stdout()
        return defaults.EXIT_PASSED
    except OSError as exc:  # no traceback, whatever the system refused
        where = f"{exc.filename}: " if exc.filename else "cannot write the output: "
        say_error([f"briefing: {where}{exc.strerror or exc}"])
        if not exc.filename:
            drop_stdout()
        return defaults.EXIT_USAGE
    finally:
        if collecting:
            gc.enable()


def run() -> None:
    """The `briefing` command (and `python -m briefing`): main() in a process that ends with it.

    Python's exit makes one last collector pass over every object still alive,
    only for the process to end: after validating a big pack that pass cost
    0.1-0.25 s (bench/). Frozen objects are left out of it, so the collector
    stays off to the end of a command and everything is frozen before exit.
    """
    gc.disable()  # main() then leaves it off; the UI turns it on for itself
    code = main()
    gc.freeze()
    sys.exit(code)


def _dispatch(args: argparse.Namespace) -> int:
    command = args.command
    if command == "validate":
        from briefing.commands import validate

        return validate(args)
    if command == "brief":
        from briefing.commands import brief

        return brief(args)
    if command == "stats":
        from briefing.commands import stats

        return stats(args)
    if command == "packs":
        from briefing.commands import packs_list

        return packs_list(args)
    if command == "draft":
        from briefing.commands import draft

        return draft(args)
    if command == "schema":
        from briefing.commands import schema

        return schema(args)
    if command == "due":
        from briefing.commands import due

        return due(args)
    if command == "export":
        from briefing.commands import export

        return export(args)
    if command == "review":
        if args.headless:
            if args.weakest and args.limit is None:  # the UI's drill has the same default
                args.limit = defaults.WEAKEST_REVIEW
            from briefing.headless import run_review

            return run_review(args)
    if command == "quiz" and args.headless:
        from briefing.headless import run

        return run(args)
    if command in ("quiz", "review"):
        # --no-save is for a script's review; the UI saves every answer, as its quiz does.
        flags = ("answers", "output", "resume") + (("no_save",) if command == "review" else ())
        for flag in flags:
            if getattr(args, flag, None):
                option = flag.replace("_", "-")
                raise UsageError(f"briefing {command}: --{option} needs --headless")
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        script = "review" if command == "review" else "quiz"
        raise UsageError(f"briefing: the UI needs a terminal; in a script use 'briefing {script} --headless'")
    from briefing.tui import run_app

    return run_app(args)
