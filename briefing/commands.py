"""The small headless commands: validate, brief, stats, due, export, packs, schema, draft."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from briefing import pack as packs
from briefing.defaults import EXIT_PASSED, EXIT_USAGE, saves_dir
from briefing.errors import BriefingError, PackError, Problem, SaveError, UsageError, printable
from briefing.pack import DRAFT_MARK
from briefing.records import profile_or_default

# A source is an article; anything this big is the wrong file.
MAX_SOURCE_BYTES = 10 * 2**20


def validate(args: argparse.Namespace) -> int:
    """Report every problem of a pack, one line each naming its line; 0 when valid, 2 otherwise.

    Warnings (answers that pay when given every time) are printed too, and fail
    the pack only with --strict."""
    from briefing import sources
    from briefing.checks import answer_spread, check
    from briefing.positions import Positions

    path = Path(args.pack) if args.pack else packs.BUNDLED_PACK
    label = args.pack or path.name
    strict = getattr(args, "strict", False)
    pack: packs.Pack | None = None
    problems: list[Problem | str] = []  # a PackError's may be plain lines
    warnings: list[Problem] = []
    count: int | None = None
    try:
        if path.is_dir():  # `briefing packs DIR` lists a folder's packs; validate checks one
            raise PackError(
                [f"{label}: is a folder: name a pack file in it (briefing packs {label} lists them)"]
            )
        text = packs.read_text(path, label=label)
        data = packs.parse_toml(text, label)
        if isinstance(data.get("questions"), list):
            count = len(data["questions"])  # as written, the invalid ones too
        positions = Positions(text, data)
        pack, found = packs.problems_of(data, label, positions)
        if pack is not None:
            found += check(pack, label, parallel=True)
            warnings = answer_spread(pack, label)
            if args.source:
                source = read_source(args.source)
                found += sources.check(pack, source, label)
                warnings += sources.coverage(pack, source, label)
            if strict:
                found += [w._replace(warning=False) for w in warnings]
                warnings = []
        problems += packs.place(found, positions)
    except PackError as exc:
        problems = exc.problems
    if args.format == "json":
        import json

        def as_json(p: Problem | str) -> dict:
            return p.to_json() if isinstance(p, Problem) else {"message": str(p)}

        print(
            json.dumps(
                {
                    "file": label,
                    "valid": not problems,
                    "questions": count,
                    "problems": [as_json(p) for p in problems],
                    "warnings": [as_json(w) for w in warnings],
                    "source_checked": bool(args.source),
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for problem in [*problems, *warnings]:
            print(str(problem), file=sys.stderr)
        if not problems and pack is not None:  # one line per problem, nothing else: `wc -l` counts them
            noted = f" ({len(warnings)} warning{'s' if len(warnings) > 1 else ''})" if warnings else ""
            print(f"{label}: valid: {len(pack.questions)} questions in {len(pack.sections)} sections{noted}")
        if not args.source and count is not None:  # a file that could not be read says only why
            print(f"{label}: quotes and figures not checked against a source (--source ARTICLE checks them)")
        if getattr(args, "explain", False) and pack is not None:
            from briefing.checks import explain

            for qid, section, sentence in explain(pack):
                print(printable(f"{qid} [{section}]: {sentence}"))
    return EXIT_PASSED if not problems else EXIT_USAGE


def read_source(name: str) -> str:
    """The source document for quote checks, or a one-line error."""
    path = Path(name)
    try:
        if path.stat().st_size > MAX_SOURCE_BYTES:
            raise UsageError(f"{name}: is larger than {MAX_SOURCE_BYTES // 2**20} MB; a source is an article")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UsageError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise UsageError(f"{name}: is a folder, not a file") from None
    except OSError as exc:
        raise UsageError(f"{name}: cannot read: {exc.strerror}") from None
    if b"\0" in raw:
        raise UsageError(f"{name}: is not text (it holds NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageError(f"{name}: is not UTF-8 text") from None
    if not text.strip():
        raise UsageError(f"{name}: is empty; there is nothing to check the quotes against")
    return text


def brief(args: argparse.Namespace) -> int:
    """Print the briefing as plain text, wrapped to the terminal (80 columns on a pipe)."""
    import shutil

    from briefing import library

    pack = library.load_one(getattr(args, "pack", None))
    width = max(40, min(shutil.get_terminal_size((80, 24)).columns, 100))
    print(printable(briefing_text(pack, width)), end="")
    return 0


def briefing_text(pack: packs.Pack, width: int = 80) -> str:
    """The briefing as plain text: titles underlined, Markdown read, paragraphs wrapped."""
    import textwrap

    from briefing.markdown import heading, to_text

    info = pack.pack
    src = info.source
    source = textwrap.fill(
        f"Source: {src.title} ({src.publisher}, {src.date})", width, break_long_words=False
    )
    out = [heading(info.title, "=", width), source, ""]
    for section in pack.sections:
        out += [heading(section.title, "-", width), to_text(section.body, width)]
    return "\n".join(out)


def stats(args: argparse.Namespace) -> int:
    """One profile's statistics (JSON adds progress: score over time, mastery, streak),
    or with --all-profiles the team view of a shared saves folder."""
    from briefing import stats as stats_mod
    from briefing.learn import progress, schedule

    saves = Path(getattr(args, "saves", None) or saves_dir())
    pack = _optional_pack(args)
    if getattr(args, "all_profiles", False):
        _mention_missing(saves)
        return _team(args, saves, pack)
    if args.format == "csv":
        raise UsageError("briefing stats: --format csv is the team table: give --all-profiles")
    profile = profile_or_default(getattr(args, "profile", None))
    loaded = _load_profile(saves, profile)
    _mention_missing(saves)
    result = stats_mod.compute(loaded.sessions, pack)
    if args.format == "json":
        import json

        now = _clock(args)
        cards = [] if pack is None else schedule.build(loaded.sessions, pack, now, _cache_dir(saves, profile))
        data = result.model_dump(mode="json")
        data.update(progress.compute(loaded.sessions, pack, cards, now).model_dump(mode="json"))
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(printable(stats_mod.render_text(result, profile)), end="")
    return 0


def _mention_missing(saves: Path) -> None:
    if not saves.exists():  # a mistyped --saves is not an empty history
        print(f"briefing: no saves folder {printable(str(saves))!r} yet", file=sys.stderr)


def _team(args: argparse.Namespace, saves: Path, pack: packs.Pack | None) -> int:
    from briefing.learn import index, team

    loaded = index.load_all(saves)
    for profile_loaded in loaded.values():
        for problem in profile_loaded.problems:
            print(printable(problem), file=sys.stderr)
    result = team.compute(loaded, pack if getattr(args, "pack", None) else None)
    if args.format == "json":
        print(result.model_dump_json(indent=2))
    elif args.format == "csv":
        sys.stdout.write(team.to_csv(result))
    else:
        print(printable(team.to_text(result)), end="")
    return 0


def due(args: argparse.Namespace) -> int:
    """Each question's review schedule: state, stability, difficulty, last review, next due."""
    from briefing import library
    from briefing.learn import schedule

    pack = library.load_one(getattr(args, "pack", None))
    profile = profile_or_default(getattr(args, "profile", None))
    saves = Path(getattr(args, "saves", None) or saves_dir())
    loaded = _load_profile(saves, profile)
    now = _clock(args)
    cards = schedule.build(loaded.sessions, pack, now, _cache_dir(saves, profile))
    if args.format == "json":
        import json

        data = {
            "pack": pack.pack.id,
            "profile": profile,
            "now": now.isoformat(),
            "due_now": len(schedule.due_now(cards, now)),
            "questions": [c.to_json() for c in cards],
        }
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_PASSED
    from briefing.stats import when_text

    def num(x: float | None, fmt: str) -> str:
        return "-" if x is None else format(x, fmt)

    rows = [
        (
            c.id,
            c.state,
            str(c.reviews),
            num(c.stability, ".2f"),
            num(c.difficulty, ".2f"),
            num(None if c.retrievability is None else 100 * c.retrievability, ".0f")
            + ("%" if c.retrievability is not None else ""),
            "-" if c.last_review is None else when_text(c.last_review),
            ("now" if c.due <= now else when_text(c.due)) if c.reviews else "new",
        )
        for c in cards
    ]
    header = ("Question", "State", "Reviews", "Stability", "Difficulty", "Recall", "Last review", "Due (UTC)")
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    n_due = len(schedule.due_now(cards, now))
    print(
        printable(
            f"Review schedule of {profile!r} on {pack.pack.id} at {when_text(now)} UTC: {n_due} due now"
        )
    )
    for r in (header, *rows):
        print(printable("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()))
    return EXIT_PASSED


def export(args: argparse.Namespace) -> int:
    """Every answer as a CSV or JSON row, for one profile or the whole saves folder."""
    from briefing import store
    from briefing.learn import export as export_mod

    saves = Path(getattr(args, "saves", None) or saves_dir())
    if args.all_profiles:
        profiles = store.list_profiles(saves)
    else:
        profiles = [profile_or_default(getattr(args, "profile", None))]
    sessions = []
    for profile in profiles:
        loaded = store.load_sessions(saves, profile)
        for problem in loaded.problems:
            print(printable(problem), file=sys.stderr)
        sessions += loaded.sessions
    known = [p for p in [_optional_pack(args)] if p is not None]
    table = export_mod.rows(sessions, known)
    text = export_mod.to_csv(table) if args.format == "csv" else export_mod.to_json(table)
    if args.output:
        from briefing.store import atomic_write

        try:
            atomic_write(Path(args.output), text.encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write the export: {exc.strerror}") from None
        print(f"{args.output}: {len(table)} answers from {len(sessions)} sessions", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return EXIT_PASSED


def _optional_pack(args: argparse.Namespace) -> packs.Pack | None:
    """The pack named by --pack, else the bundled one; without --pack a pack that
    cannot be loaded is left out (it only names sections and questions)."""
    from briefing import library

    pack_arg = getattr(args, "pack", None)
    try:
        return library.load_one(pack_arg)
    except BriefingError:
        if pack_arg:
            raise
        return None


def _load_profile(saves: Path, profile: str):  # -> index.Loaded
    from briefing.learn import index

    loaded = index.load(saves, profile)
    if loaded.unreadable:  # no stats at all is an error, not an empty history
        raise SaveError(loaded.problems[0])
    for problem in loaded.problems:
        print(printable(problem), file=sys.stderr)
    return loaded


def _cache_dir(saves: Path, profile: str) -> Path | None:
    from briefing import store

    folder = store.profile_dir(saves, profile)
    return folder if folder.is_dir() else None


def _clock(args: argparse.Namespace):  # -> datetime, in datetime.timezone.utc
    from briefing.learn.schedule import utc

    fixed = getattr(args, "now", None)
    if fixed is not None:
        return utc(fixed)
    from datetime import UTC, datetime

    return datetime.now(UTC)


def packs_list(args: argparse.Namespace) -> int:
    """List the packs a file or folder holds: id, title, source, questions, and the
    profile's last result on each; one line for each file that is not a valid pack."""
    from briefing import library, store
    from briefing import stats as stats_mod

    entries, problems = library.find(getattr(args, "dir", None))
    for problem in problems:
        print(printable(problem), file=sys.stderr)
    profile = profile_or_default(getattr(args, "profile", None))
    saves = Path(getattr(args, "saves", None) or saves_dir())
    sessions = store.load_sessions(saves, profile).sessions if saves.is_dir() else []
    rows = []
    for entry in entries:
        info = entry.pack.pack
        last = stats_mod.last_result_text(stats_mod.compute(sessions, entry.pack))
        rows.append(
            {
                "id": info.id,
                "version": info.version,
                "title": info.title,
                "source": f"{info.source.title} ({info.source.publisher}, {info.source.date})",
                "questions": len(entry.pack.questions),
                "last": last,
                "file": entry.label,
            }
        )
    if args.format == "json":
        import json

        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        if not rows:
            where = getattr(args, "dir", None) or "the bundled pack"
            print(f"briefing: no packs in {printable(str(where))}", file=sys.stderr)
        for row in rows:
            print(printable(f"{row['id']} {row['version']}  {row['title']}"))
            print(printable(f"  source: {row['source']}"))
            print(printable(f"  {row['questions']} questions · last result ({profile}): {row['last']}"))
            print(printable(f"  file: {row['file']}"))
    return EXIT_PASSED if rows else EXIT_USAGE


def schema(args: argparse.Namespace) -> int:
    """Print the pack format as a JSON Schema, for editors that check TOML as it is typed."""
    import json

    print(json.dumps(packs.json_schema(), indent=2, ensure_ascii=False))
    return EXIT_PASSED


def draft(args: argparse.Namespace) -> int:
    """Write a starting pack for an article (to a new file, or standard output)."""
    from briefing.draft import draft as make_draft

    text = read_source(args.article)
    out = make_draft(text, Path(args.article).name)
    if args.output:
        path = Path(args.output)
        if path.exists():
            raise UsageError(f"{args.output}: already exists; a draft never overwrites a pack")
        from briefing.store import atomic_write

        try:
            atomic_write(path, out.encode("utf-8"))
        except OSError as exc:
            raise UsageError(f"{args.output}: cannot write the draft: {exc.strerror}") from None
        stubs = out.count(DRAFT_MARK)
        print(
            f"{args.output}: drafted; {stubs} stubs to write ('briefing validate {args.output}' lists them)"
        )
    else:
        sys.stdout.write(out)
    return EXIT_PASSED
