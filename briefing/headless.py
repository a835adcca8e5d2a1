"""The headless front end: answers from a file or standard input -> engine -> report.

Never imports Textual or Rich (tests/test_import_contract.py holds it to that).
Prompts and feedback go to standard error, so standard output carries only
the report and can be piped (`| jq`).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from briefing import pack as packs
from briefing.defaults import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_PASSED, saves_dir
from briefing.engine import Saver, Session
from briefing.errors import AnswersError, Problem, UsageError, printable
from briefing.grading.grader import Verdict
from briefing.pack import option_label
from briefing.records import now_utc, profile_or_default

MAX_ANSWERS_BYTES = 5 * 1024 * 1024


def read_answers(name: str, pack: packs.Pack, ratings: dict[str, int] | None = None) -> dict[str, str]:
    """The `[answers]` table of a TOML file: question id -> the answer as typed.

    With `ratings` (a review), an optional `[ratings]` table is read into it too:
    question id = "again" | "hard" | "good" | "easy" (or 1-4), the learner's own rating."""
    try:
        data = packs.read_toml(Path(name), label=name, max_bytes=MAX_ANSWERS_BYTES)
    except packs.PackError as exc:
        raise AnswersError(exc.problems) from None
    if ratings is not None and "ratings" in data:
        ratings.update(_read_ratings(name, pack, data.pop("ratings")))
    answers = data.get("answers")
    if answers is None:
        raise AnswersError(
            [Problem(name, None, "answers", "required: an [answers] table of question id = answer")]
        )
    if not isinstance(answers, dict):
        raise AnswersError([Problem(name, None, "answers", "must be a table of question id = answer")])
    problems = [
        Problem(name, None, key, "ratings rate a review's answers: use it with briefing review --headless")
        if key == "ratings"
        else Problem(name, None, key, "unknown field")
        for key in data
        if key != "answers"
    ]
    known = {q.id for q in pack.questions}
    result: dict[str, str] = {}
    for qid, value in answers.items():
        where = f"question {qid!r}"
        if qid not in known:
            problems.append(Problem(name, where, None, f"no such question in pack {pack.pack.id!r}"))
        elif isinstance(value, bool):
            result[qid] = "true" if value else "false"
        elif isinstance(value, (str, int, float)):
            result[qid] = str(value)
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            result[qid] = ", ".join(value)  # a list question's items as an array
        else:
            problems.append(Problem(name, where, "answer", "must be a string (or an array of strings)"))
    if problems:
        raise AnswersError(problems)
    return result


def _read_ratings(name: str, pack: packs.Pack, table: object) -> dict[str, int]:
    from briefing.records import RATINGS

    if not isinstance(table, dict):
        raise AnswersError([Problem(name, None, "ratings", "must be a table of question id = rating")])
    known = {q.id for q in pack.questions}
    out: dict[str, int] = {}
    problems = []
    for qid, value in table.items():
        rating = RATINGS.get(value.casefold()) if isinstance(value, str) else value
        if qid not in known:
            problems.append(
                Problem(name, f"question {qid!r}", None, f"no such question in pack {pack.pack.id!r}")
            )
        elif isinstance(rating, int) and not isinstance(rating, bool) and 1 <= rating <= 4:
            out[qid] = rating
        else:
            problems.append(
                Problem(name, f"question {qid!r}", "rating", "must be again, hard, good or easy (or 1-4)")
            )
    if problems:
        raise AnswersError(problems)
    return out


def ask_text(question: packs.AnyQuestion, number: int, total: int) -> str:
    """How a question reads on a line-based terminal."""
    lines = [f"[{number}/{total}] {question.prompt}"]
    if question.kind == "choice":
        lines += [f"  {option_label(i)}) {option}" for i, option in enumerate(question.options)]
    elif question.kind == "truefalse":
        lines.append("  (true or false)")
    elif question.kind == "list":
        lines.append("  (name them all, separated by commas)")
    return printable("\n".join(lines))


def feedback_text(verdict: Verdict) -> str:
    if verdict.correct:
        return "  right."
    head = "  skipped" if verdict.skipped else "  wrong"
    lines = [f"{head}: the answer is {verdict.expected}."]
    if verdict.trap or verdict.note:
        lines.append(f"  ({verdict.trap or verdict.note})")
    lines.append(f"  {verdict.explanation}")
    return printable("\n".join(lines))


def run(args: argparse.Namespace) -> int:
    from briefing import library, store

    pack = library.load_one(args.pack)
    profile = profile_or_default(args.profile)
    answers = read_answers(args.answers, pack) if args.answers else None
    saves = Path(args.saves)
    if not args.no_save:
        store.check_writable(saves, profile)  # fail now, not after the last answer
    if args.output:
        _check_output(args.output)

    # Typed answers are saved one by one, so an interrupted quiz is not lost:
    # --resume (or the UI) goes on with it. A file of answers is graded in one go.
    saver = None if args.no_save or answers is not None else (lambda record: store.save(record, saves))
    if getattr(args, "resume", False):
        if saver is None:
            raise UsageError(
                "briefing quiz: --resume is for answers typed on standard input, with saving on "
                "(not --answers or --no-save)"
            )
        session = _resumed(pack, profile, saves, saver)
    else:
        if saver is not None:
            _mention_unfinished(pack, profile, saves)
        try:
            session = Session.start(
                pack,
                profile=profile,
                seed=args.seed,
                limit=args.limit,
                section=getattr(args, "section", None),
                mode="headless",
                saver=saver,
            )
        except ValueError as exc:  # a section with no questions
            raise UsageError(f"briefing quiz: --section: {exc}") from None
    return take(session, args, answers, saver, saves)


def take(
    session: Session,
    args: argparse.Namespace,
    answers: dict[str, str] | None,
    saver: Saver | None,
    saves: Path,
    *,
    ratings: dict[str, int] | None = None,
    now: datetime | None = None,
) -> int:
    """Ask every question of a started session (from `answers`, else standard input),
    finish and save it, print the report; the exit code. Quizzes and reviews alike.

    `ratings`: the learner's own ratings by question id (a review's answers file);
    `now`: a fixed clock (--now), every answer and the finish recorded at it."""
    from briefing import report, store

    if answers is not None:
        while (question := session.current) is not None:  # until done
            session.answer(answers.get(question.id, ""), now)
            if ratings and question.id in ratings:
                session.rate(ratings[question.id])
    else:
        try:
            _ask_on_stdin(session, now)
        except KeyboardInterrupt:
            kept = ""
            if saver and session.position:
                where = "" if args.saves == saves_dir() else f" --saves {args.saves}"
                kept = (
                    f"; {session.position} answered and saved: 'briefing quiz --headless --resume "
                    f"--profile {session.record.profile}{where}' (or the UI) resumes it"
                )
            print(f"\nbriefing: interrupted{kept}", file=sys.stderr)
            return EXIT_INTERRUPTED
    session.finish(now)  # with a saver, this saves the finished session
    if not args.no_save and saver is None:
        store.save(session.record, saves)

    text = report.render(report.build(session), args.format)
    if args.output:
        _write_output(args.output, text)
    else:
        try:
            sys.stdout.write(text)
            sys.stdout.flush()
        except BrokenPipeError:
            # The reader went away (`| head -1`): the quiz is over and saved, and its
            # score, not the pipe, says whether it passed.
            from briefing.output import drop_stdout

            drop_stdout()
    return EXIT_PASSED if session.passed else EXIT_FAILED


def _resumed(pack: packs.Pack, profile: str, saves: Path, saver: Saver) -> Session:
    from briefing import store

    session, unreadable, stale = store.resume_saved(pack, saves, profile, saver)
    for line in unreadable + stale:
        print(printable(line), file=sys.stderr)
    if session is None:
        raise UsageError(
            f"briefing: no unfinished quiz of profile {profile!r} on {pack.pack.id} to resume in {saves}"
        )
    print(f"briefing: resuming at question {session.position + 1} of {session.total}", file=sys.stderr)
    return session


def _mention_unfinished(pack: packs.Pack, profile: str, saves: Path) -> None:
    from briefing import store

    session, _, _ = store.resume_saved(pack, saves, profile)
    if session is not None:
        print(
            f"briefing: an unfinished quiz of {profile!r} ({session.position} of {session.total} answered) "
            "is kept; --resume goes on with it",
            file=sys.stderr,
        )


def _ask_on_stdin(session: Session, now: datetime | None = None) -> None:
    """One answer a line. A person at a terminal is asked again when an answer cannot
    be read (no figure, no option, not true or false); from a pipe it is marked wrong,
    so a script's later answers never shift to other questions."""
    err = sys.stderr
    typing = sys.stdin.isatty()
    asked = None
    while (question := session.current) is not None:  # until done
        if asked is not question:
            print(ask_text(question, session.position + 1, session.total), file=err)
            asked = question
        print("> ", end="", file=err, flush=True)
        line = sys.stdin.readline()
        if not line:  # end of input: the rest count as unanswered
            print(file=err)
            break
        verdict = session.answer(line.rstrip("\r\n"), now, ask_again=typing)
        if verdict.unreadable and typing:
            print(printable(f"  {verdict.note}: try again (Enter alone skips)"), file=err)
            continue
        print(feedback_text(verdict), file=err)


def _check_output(name: str) -> None:
    path = Path(name)
    if path.is_dir():
        raise UsageError(f"{name}: --output is a directory")
    if not path.parent.exists():
        raise UsageError(f"{name}: --output folder {str(path.parent)!r} does not exist")


def _write_output(name: str, text: str) -> None:
    """Write the report whole or not at all; through a link, into a device or pipe.

    A regular file (or none yet) is replaced atomically; a symlink's target is
    the file replaced. A device or FIFO ("/dev/stdout", a named pipe) is written
    into, never replaced by a file.
    """
    import os
    import stat

    from briefing.store import atomic_write

    data = text.encode("utf-8")
    try:
        try:
            mode = os.stat(name).st_mode  # follows links
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            with open(name, "wb") as out:
                out.write(data)
        else:
            atomic_write(Path(os.path.realpath(name)), data)
    except OSError as exc:
        raise UsageError(f"{name}: cannot write the report: {exc.strerror}") from None


def run_review(args: argparse.Namespace) -> int:
    """`briefing review --headless`: what is due (or the weakest), asked and reported as a quiz is."""
    from briefing import library, store
    from briefing.learn import index, review
    from briefing.learn.schedule import utc

    pack = library.load_one(args.pack)
    profile = profile_or_default(args.profile)
    ratings: dict[str, int] = {}
    answers = read_answers(args.answers, pack, ratings) if args.answers else None
    saves = Path(args.saves)
    fixed = getattr(args, "now", None)
    now = utc(fixed) if fixed is not None else None
    if not args.no_save:
        store.check_writable(saves, profile)
    if args.output:
        _check_output(args.output)
    loaded = index.load(saves, profile)
    for line in loaded.problems:
        print(printable(line), file=sys.stderr)
    folder = store.profile_dir(saves, profile)
    try:
        chosen = review.plan(
            loaded.sessions,
            pack,
            now or now_utc(),
            new_per_day=args.new,
            weakest=args.weakest,
            limit=args.limit,
            section=getattr(args, "section", None),
            cache_dir=folder if folder.is_dir() else None,
        )
    except ValueError as exc:
        raise UsageError(f"briefing review: {exc}") from None
    if not chosen.order:
        if args.weakest:
            print(
                f"briefing: {profile!r} has missed no question of {pack.pack.id}: nothing to review",
                file=sys.stderr,
            )
        else:
            when = chosen.next_due.isoformat() if chosen.next_due else "-"
            print(
                f"briefing: nothing to review for {profile!r} now; the next question is due {when}",
                file=sys.stderr,
            )
        return EXIT_PASSED
    what = "weakest" if args.weakest else f"{chosen.due} due, {chosen.new} new"
    print(f"briefing: reviewing {len(chosen.order)} questions ({what})", file=sys.stderr)
    saver = None if args.no_save or answers is not None else (lambda record: store.save(record, saves))
    session = Session.start(
        pack,
        profile=profile,
        seed=args.seed,
        ordered=chosen.order,
        scope=chosen.scope,
        mode="headless",
        saver=saver,
        now=now,
    )
    return take(session, args, answers, saver, saves, ratings=ratings, now=now)
