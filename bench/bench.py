"""How fast briefing is, as ratios to yardsticks measured in the same run.

    .venv/bin/python bench/bench.py [--runs N] [--skip-tui]

Start-up is timed as whole processes (what a person or a script waits for),
each the median of N runs, against a bare `python -c pass` and against
pydantic's own start. Validation is timed on generated packs of 10,000 and
20,000 questions; grading as answers per second in one process. The TUI's
time to its first frame and its peak memory, in a real 80x24 pseudo-terminal,
are compared with a minimal app that imports pydantic, validates one model and
shows one Markdown widget (bench/floor_app.py).

A pack is checked once and kept (briefing.pack_cache): the bench keeps its own
cache, warmed by one untimed load, and times the TUI's first frame from a cold
cache too (a pack opened for the first time, or just edited), for information.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable
PYDANTIC_START = "from pydantic import create_model; create_model('M', a=(int, ...))(a=1)"

TARGETS = {
    "headless / pydantic start": 1.5,
    "validate 10k seconds": 1.5,
    "validate 20k / 10k": 2.2,
    "validate 10k --source seconds": 1.5,
    "graded answers per second": 100_000,
    "draft of a 5,000-word article, seconds": 1.0,
    "tui first frame / one-Static app": 1.5,
    "tui s -> first question, ms": 100,
    "tui Enter -> verdict, ms": 50,
    "tui peak memory / pydantic + Textual app": 1.15,
    "stats 1k sessions / pydantic start": 3.0,
    "due 1k sessions / pydantic start": 3.0,
    "review start 1k sessions / pydantic start": 3.0,
    "team view 1k sessions / pydantic start": 3.0,
}


def timed(commands: dict[str, list[str]], runs: int, cwd=None) -> dict[str, float]:
    """Median wall time of each command, in seconds, over `runs` rounds.

    Each round runs every command once, in turn, so that a machine that speeds
    up or slows down during the benchmark moves all of them alike: the ratios
    between them are what we report.
    """
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            start = time.perf_counter()
            subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd, check=False)
            times[name].append(time.perf_counter() - start)
    return {name: statistics.median(t) for name, t in times.items()}


def expected_answers(path: Path) -> None:
    from briefing import pack as packs

    pack = packs.load()
    lines = ["[answers]"] + [
        f"{q.id} = {json.dumps(packs.expected_text(q, pack), ensure_ascii=False)}" for q in pack.questions
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def long_article(path: Path, words: int) -> int:
    """An article of at least `words` words: the invented test article's paragraphs, repeated
    with their figures and names varied so that the draft finds new ones in each copy."""
    text = (ROOT / "tests" / "fixtures" / "ventamar.txt").read_text(encoding="utf-8")
    parts, n = [], 0
    while sum(len(p.split()) for p in parts) < words:
        parts.append(text.replace("2025", str(1990 + n)).replace("Ventamar", f"Ventamar{n}"))
        n += 1
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return sum(len(p.split()) for p in parts)


def packs_rtoml(path: Path) -> dict:
    import rtoml

    return rtoml.loads(path.read_text(encoding="utf-8"))


def generated_pack(n: int, path: Path) -> None:
    """A valid pack of n questions over n/20 sections, every kind represented."""
    import tomli_w

    sections, questions = [], []
    per = 20
    for s in range((n + per - 1) // per):
        sid = f"s{s}"
        facts = [
            f"Metric {s}-{i} rose {i + 2}.{s % 10}% to {i + 1}.{s % 9 + 1}1 billion yuan." for i in range(5)
        ]
        body = (
            " ".join(facts)
            + f" Alpha{s}, Beta{s} and Gamma{s} shipped. William Li said so. Ana Lopes agreed."
        )
        sections.append({"id": sid, "title": f"Section {s}", "body": body})
        for i in range(per):
            qid = f"q{s}-{i}"
            if len(questions) >= n:
                break
            kind = i % 5
            base = {"id": qid, "prompt": f"Question {qid}?", "section": sid, "explanation": "Because."}
            if kind == 0:
                base |= {
                    "kind": "figure",
                    "value": float(f"{i % 5 + 2}.{s % 10}"),
                    "unit": "%",
                    "expected": f"{i % 5 + 2}.{s % 10}%",
                    "measures": f"metric {s}-{i % 5}",
                }
            elif kind == 1:
                v = f"{i % 5 + 1}.{s % 9 + 1}1"
                base |= {
                    "kind": "figure",
                    "value": round(float(v) * 1e9),
                    "unit": "yuan",
                    "expected": f"{v} billion yuan",
                    "measures": f"level {s}-{i % 5}",
                }
            elif kind == 2:
                speaker = "li" if i % 2 == 0 else "lopes"  # no one speaker answers most of them
                base |= {"kind": "attribution", "quote": "so", "paraphrase": True, "speaker": speaker}
            elif kind == 3:
                options = [f"Alpha{s}", f"Beta{s}", "Delta"]
                turn = s % 3  # the answer's letter moves, as validate asks of a pack
                base |= {"kind": "choice", "options": options[turn:] + options[:turn], "answer": f"Beta{s}"}
            else:
                base |= {"kind": "list", "items": [f"Alpha{s}", f"Beta{s}", f"Gamma{s}"]}
            questions.append(base)
    data = {
        "pack": {
            "id": f"gen-{n}",
            "title": "Generated",
            "version": "1",
            "pass_mark": 50,
            "source": {"title": "t", "publisher": "p", "date": "2026"},
        },
        "sections": sections,
        "people": [
            {"id": "li", "name": "William Li", "role": "CEO", "aliases": ["Li"]},
            {"id": "lopes", "name": "Ana Lopes", "role": "CFO", "aliases": ["Lopes"]},
        ],
        "questions": questions,
    }
    path.write_bytes(tomli_w.dumps(data).encode())


def generated_saves(n: int, saves: Path, profiles: list[str]) -> None:
    """n finished full quizzes of the bundled pack, 7 hours apart, dealt round the
    profiles; about 70% right. Written directly (no fsync): only reading is timed."""
    import random
    from datetime import UTC, datetime, timedelta

    import tomli_w

    from briefing import pack as packs

    pack = packs.load()
    ids = [q.id for q in pack.questions]
    rnd = random.Random(1)
    t0 = datetime(2025, 1, 1, tzinfo=UTC)
    for p in profiles:
        (saves / p).mkdir(parents=True, exist_ok=True)
    for i in range(n):
        start = t0 + timedelta(hours=7 * i)
        answers = []
        for j, qid in enumerate(ids):
            ok = rnd.random() < 0.7
            answers.append(
                {
                    "id": qid,
                    "given": "x",
                    "correct": ok,
                    "skipped": False,
                    "peeked": False,
                    "answered_at": start + timedelta(seconds=20 * j),
                }
            )
        score = sum(a["correct"] for a in answers)
        sid = f"{start:%Y%m%dT%H%M%SZ}-{i:08x}"
        record = {
            "schema_version": 1,
            "id": sid,
            "status": "finished",
            "profile": profiles[i % len(profiles)],
            "pack_id": pack.pack.id,
            "pack_version": pack.pack.version,
            "pass_mark": 70.0,
            "seed": i,
            "order": ids,
            "answers": answers,
            "started_at": start,
            "finished_at": start + timedelta(seconds=20 * len(ids)),
            "score": score,
            "max_score": len(ids),
            "percent": round(100 * score / len(ids), 1),
            "passed": score / len(ids) >= 0.7,
            "mode": "headless",
            "scope": "full",
        }
        (saves / profiles[i % len(profiles)] / f"{sid}.toml").write_bytes(tomli_w.dumps(record).encode())


def learn_measure(runs: int, pyd: float, rows: list, results: dict) -> None:
    """stats, due, review's start and the team view over 1,000 and 10,000 saved sessions,
    warm (the derived caches built) and cold (caches removed before each run)."""
    base = [PY, "-m", "briefing"]
    for n in (1_000, 10_000):
        with tempfile.TemporaryDirectory() as tmp:
            one, team = Path(tmp) / "one", Path(tmp) / "team"
            generated_saves(n, one, ["ana"])
            generated_saves(n, team, [f"analyst{k}" for k in range(10)])
            now = ["--now", "2026-06-01T09:00Z"]
            commands = {
                "stats": base + ["stats", "--saves", str(one), "--profile", "ana", "--format", "json"] + now,
                "due": base + ["due", "--saves", str(one), "--profile", "ana"] + now,
                "review start": base
                + ["review", "--headless", "--no-save", "--saves", str(one), "--profile", "ana"]
                + now,
                "team view": base + ["stats", "--all-profiles", "--saves", str(team)],
            }
            secs = timed(commands, max(3, runs // 3), cwd=tmp)
            for name, value in secs.items():
                rows.append(
                    (
                        f"{name}, {n:,} sessions ({46 * n:,} answers)",
                        f"{value * 1000:.0f} ms, {value / pyd:.2f}x pydantic start",
                    )
                )
                if n == 1_000:
                    results[f"{name} 1k sessions / pydantic start"] = value / pyd
            cold = {}
            for name, argv in commands.items():
                for cache in list(one.glob("*/.*.json")) + list(team.glob("*/.*.json")):
                    cache.unlink()
                start = time.perf_counter()
                subprocess.run(
                    argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=tmp, check=False
                )
                cold[name] = time.perf_counter() - start
            rows.append(
                (f"  without caches ({n:,}): " + ", ".join(f"{k} {v:.2f} s" for k, v in cold.items()), "")
            )
        if n == 1_000:
            rows.append(("  (10,000 sessions: the caches scale with the saves; the target is for 1,000)", ""))


def grading_rate(seconds: float = 2.0) -> tuple[float, int]:
    """Answers graded per second over the bundled pack: right, wrong and odd answers."""
    from briefing import pack as packs
    from briefing.grading.grader import grade

    pack = packs.load()
    samples = []
    for q in pack.questions:
        samples += [
            (q, packs.expected_text(q, pack)),
            (q, "40.7%"),
            (q, "William Liu"),
            (q, "about 2 billion yuan"),
            (q, ""),
        ]
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for q, text in samples:
            grade(q, text, pack)
        count += len(samples)
    return count / (time.perf_counter() - start), len(samples)


class Terminal:
    """A program in a real 80x24 pseudo-terminal, as a person would start it.

    `wait_for(marker)` reads the program's output until `marker` is drawn after
    the last `send` (or the start), and returns the seconds since then.
    """

    def __init__(self, argv: list[str], cwd: str, env: dict[str, str] | None = None) -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.argv = argv
        self.seen = b""
        self.since = 0  # where in `seen` the output after the last key begins
        self.clock = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: an 80x24 terminal, then the program
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            os.chdir(cwd)
            env_all = {**os.environ, **(env or {}), "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
            os.execvpe(argv[0], argv, env_all)
        self.pid, self.fd = pid, fd

    def wait_for(self, marker: bytes, timeout: float = 30) -> float:
        import select

        while marker not in self.seen[self.since :]:
            ready, _, _ = select.select([self.fd], [], [], timeout)
            if not ready:
                raise SystemExit(f"{self.argv}: {marker!r} not drawn within {timeout} s")
            try:
                self.seen += os.read(self.fd, 65536)
            except OSError:
                raise SystemExit(
                    f"{self.argv}: ended before drawing {marker!r}: {self.seen[-500:]!r}"
                ) from None
        return time.perf_counter() - self.clock

    def drain(self, seconds: float) -> None:
        """Read whatever the program draws for `seconds` (it settles)."""
        import select

        end = time.perf_counter() + seconds
        while (left := end - time.perf_counter()) > 0:
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    self.seen += os.read(self.fd, 65536)
                except OSError:
                    return

    def send(self, keys: bytes) -> None:
        self.since = len(self.seen)
        self.clock = time.perf_counter()
        os.write(self.fd, keys)

    def peak_mb(self) -> float:
        with open(f"/proc/{self.pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def close(self) -> None:
        import signal

        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)


def first_frame(argv: list[str], marker: bytes, cwd: str) -> dict[str, float]:
    """Seconds from start until `marker` is drawn, and peak RSS (MB) then."""
    term = Terminal(argv, cwd)
    try:
        frame = term.wait_for(marker)
        return {"frame": frame, "peak": term.peak_mb()}
    finally:
        term.close()


def cold_first_frame(argv: list[str], marker: bytes, cwd: str) -> dict[str, float]:
    """first_frame with no pack checked before: an empty cache of its own."""
    term = Terminal(argv, cwd, env={"BRIEFING_CACHE": str(Path(cwd) / "cold-cache")})
    try:
        frame = term.wait_for(marker)
        return {"frame": frame, "peak": term.peak_mb()}
    finally:
        term.close()


def typed_first_question():
    """A seed whose first question is typed, that question, and its right answer."""
    from briefing import pack as packs
    from briefing.engine import choose_order

    pack = packs.load()
    for seed in range(1, 1000):
        question = pack.question(choose_order(pack, seed)[0])
        if question.kind in ("figure", "attribution", "list"):
            return seed, question, packs.expected_text(question, pack)
    raise SystemExit("no seed asks a typed question first")


def briefing_keys(argv: list[str], marker: bytes, cwd: str) -> dict[str, float]:
    """The briefing's first frame and peak memory then; `s` sent the moment it is drawn,
    until the first question is drawn; then a typed answer, and Enter until its verdict."""
    term = Terminal(argv, cwd)
    try:
        got = {"frame": term.wait_for(marker), "peak": term.peak_mb()}
        term.send(b"s")
        got["s"] = term.wait_for(b"Question 1 of")  # only the quiz's score bar says this
        answer = typed_first_question()[2]
        term.send(answer.encode())
        term.wait_for(answer.encode())  # echoed in the answer box
        term.drain(0.5)
        term.send(b"\r")
        got["enter"] = term.wait_for(b"Your answer: ")  # only the feedback says this
        return got
    finally:
        term.close()


def tui_measure(runs: int) -> dict[str, dict[str, float]]:
    """Medians of each app's measures, the apps run in alternation (see `timed`)."""
    from briefing import pack as packs

    marker = packs.load().sections[0].title.split(":")[0].encode()
    seed = typed_first_question()[0]
    bench = ROOT / "bench"
    apps = {
        "static": (first_frame, [PY, str(bench / "static_app.py")], b"Static floor"),
        "floor": (first_frame, [PY, str(bench / "floor_app.py")], marker),
        "briefing": (
            briefing_keys,
            [PY, "-m", "briefing", "--profile", "bench", "--saves", "saves", "--seed", str(seed)],
            marker,
        ),
        "cold": (cold_first_frame, [PY, "-m", "briefing", "--profile", "bench", "--saves", "saves"], marker),
    }
    seen: dict[str, list[dict[str, float]]] = {name: [] for name in apps}
    for _ in range(runs):
        for name, (measure, argv, mark) in apps.items():
            with tempfile.TemporaryDirectory() as cwd:  # no saves from the run before
                seen[name].append(measure(argv, mark, cwd))
    return {
        name: {key: statistics.median(run[key] for run in got) for key in got[0]}
        for name, got in seen.items()
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--skip-tui", action="store_true")
    parser.add_argument("--tui-only", action="store_true", help="only the TUI's measures")
    parser.add_argument(
        "--learn-only", action="store_true", help="only stats/due/review/team over many saved sessions"
    )
    args = parser.parse_args()
    # The bench's own cache of checked packs (never the user's), warmed by one untimed load.
    os.environ["BRIEFING_CACHE"] = cache = tempfile.mkdtemp(prefix="briefing-bench-cache-")
    import atexit
    import shutil

    atexit.register(shutil.rmtree, cache, True)
    from briefing import pack as packs

    packs.load()
    # Time what an installed package runs: its bytecode compiled (pip does this at
    # install; an editable install with PYTHONDONTWRITEBYTECODE set would recompile
    # every module on every start and time the compiler instead).
    import compileall

    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)
    results: dict[str, float] = {}
    rows: list[tuple[str, str]] = []

    if args.learn_only:
        start = timed({"bare": [PY, "-c", "pass"], "pydantic": [PY, "-c", PYDANTIC_START]}, args.runs)
        rows.append(("pydantic start (create_model)", f"{start['pydantic'] * 1000:.0f} ms"))
        learn_measure(args.runs, start["pydantic"], rows, results)
        args.skip_tui = True
    elif not args.tui_only:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            answers = tmp / "answers.toml"
            expected_answers(answers)
            start = timed(
                {
                    "bare": [PY, "-c", "pass"],
                    "pydantic": [PY, "-c", PYDANTIC_START],
                    "headless": [
                        PY,
                        "-m",
                        "briefing",
                        "quiz",
                        "--headless",
                        "--answers",
                        str(answers),
                        "--format",
                        "json",
                        "--no-save",
                    ],
                },
                args.runs,
                cwd=tmp,
            )
            bare, pyd, headless = start["bare"], start["pydantic"], start["headless"]
            rows += [
                ("python -c pass", f"{bare * 1000:.0f} ms"),
                ("pydantic start (create_model)", f"{pyd * 1000:.0f} ms ({pyd / bare:.1f}x bare python)"),
                ("headless quiz, bundled pack, json", f"{headless * 1000:.0f} ms"),
                ("  / pydantic start", f"{headless / pyd:.2f}x"),
                ("  / python -c pass", f"{headless / bare:.1f}x"),
            ]
            results["headless / pydantic start"] = headless / pyd

            paths = {}
            for n in (10_000, 20_000):
                paths[n] = tmp / f"pack-{n}.toml"
                generated_pack(n, paths[n])
                check = subprocess.run(
                    [PY, "-m", "briefing", "validate", str(paths[n])], capture_output=True, text=True, cwd=tmp
                )
                if check.returncode != 0:
                    raise SystemExit(f"generated pack of {n} is invalid:\n{check.stderr[:2000]}")
            # The generated pack's source: its sections' text, so every figure and name is in it.
            source = tmp / "source-10k.txt"
            source.write_text(
                "\n\n".join(s["body"] for s in packs_rtoml(paths[10_000])["sections"]), encoding="utf-8"
            )
            commands = {n: [PY, "-m", "briefing", "validate", str(path)] for n, path in paths.items()}
            commands["source"] = [
                PY,
                "-m",
                "briefing",
                "validate",
                str(paths[10_000]),
                "--source",
                str(source),
            ]
            secs = timed(commands, max(5, args.runs // 3), cwd=tmp)
            rows += [(f"validate {n:,} questions", f"{secs[n]:.2f} s") for n in paths]
            rows.append(("  20k / 10k", f"{secs[20_000] / secs[10_000]:.2f}x"))
            rows.append(("validate 10,000 questions --source", f"{secs['source']:.2f} s"))
            results["validate 10k seconds"] = secs[10_000]
            results["validate 20k / 10k"] = secs[20_000] / secs[10_000]
            results["validate 10k --source seconds"] = secs["source"]

            article = tmp / "article.txt"
            words = long_article(article, 5000)
            out = tmp / "draft.toml"
            drafted = []
            for _ in range(max(3, args.runs // 3)):
                out.unlink(missing_ok=True)
                start_draft = time.perf_counter()
                subprocess.run(
                    [PY, "-m", "briefing", "draft", str(article), "-o", str(out)],
                    check=True,
                    capture_output=True,
                    cwd=tmp,
                )
                drafted.append(time.perf_counter() - start_draft)
            rows.append((f"draft of a {words:,}-word article", f"{statistics.median(drafted):.2f} s"))
            results["draft of a 5,000-word article, seconds"] = statistics.median(drafted)
            learn_measure(args.runs, pyd, rows, results)

        rate, distinct = grading_rate()
        rows.append((f"grader ({distinct} distinct answers, looped)", f"{rate:,.0f} answers/s"))
        results["graded answers per second"] = rate

    if not args.skip_tui:
        tui = tui_measure(max(5, args.runs // 2))
        static, floor, app = tui["static"], tui["floor"], tui["briefing"]
        rows += [
            ("minimal Textual app (one Static), first frame", f"{static['frame'] * 1000:.0f} ms"),
            (
                "minimal pydantic + Textual app, first section, first frame",
                f"{floor['frame'] * 1000:.0f} ms, peak {floor['peak']:.0f} MB",
            ),
            (
                "briefing TUI, first frame of the briefing",
                f"{app['frame'] * 1000:.0f} ms, peak {app['peak']:.0f} MB",
            ),
            ("  first frame / one-Static app", f"{app['frame'] / static['frame']:.2f}x"),
            ("  peak memory / pydantic + Textual app", f"{app['peak'] / floor['peak']:.2f}x"),
            ("  s at the first frame -> first question drawn", f"{app['s'] * 1000:.0f} ms"),
            ("  Enter on a typed answer -> verdict drawn", f"{app['enter'] * 1000:.0f} ms"),
            (
                "  first frame of a pack not checked before (cold cache)",
                f"{tui['cold']['frame'] * 1000:.0f} ms, {tui['cold']['frame'] / static['frame']:.2f}x",
            ),
        ]
        results["tui first frame / one-Static app"] = app["frame"] / static["frame"]
        results["tui s -> first question, ms"] = app["s"] * 1000
        results["tui Enter -> verdict, ms"] = app["enter"] * 1000
        results["tui peak memory / pydantic + Textual app"] = app["peak"] / floor["peak"]

    width = max(len(r[0]) for r in rows)
    print(
        f"briefing benchmark ({os.cpu_count()} cores, Python {sys.version.split()[0]}, "
        f"{args.runs} runs, medians)"
    )
    for name, value in rows:
        print(f"  {name:<{width}}  {value}")
    print("targets:")
    failed = 0
    for name, target in TARGETS.items():
        if name not in results:
            continue
        value = results[name]
        ok = value >= target if name == "graded answers per second" else value <= target
        failed += not ok
        sign = ">=" if name == "graded answers per second" else "<="
        print(f"  {'PASS' if ok else 'MISS'} {name}: {value:,.2f} (target {sign} {target:,})")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
