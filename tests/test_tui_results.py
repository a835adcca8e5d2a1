"""The results screen, reached the whole way: briefing -> quiz -> results -> history -> retry."""

from __future__ import annotations

from datetime import datetime

from conftest import (
    RIGHT,
    SIZE,
    WRONG,
    current_id,
    give,
    next_question,
    saved_records,
    static_text,
    sync,
    visible_text,
)
from textual.widgets import DataTable, Markdown, Static

from briefing import store
from briefing.tui.screens.briefing import BriefingScreen
from briefing.tui.screens.history import HistoryScreen
from briefing.tui.screens.quiz import QuizScreen
from briefing.tui.screens.results import MissedQuestion, PeekedQuestion, ResultsScreen
from briefing.tui.widgets.percent_trend import PercentTrend


@sync
async def test_quiz_right_wrong_skipped_then_results_history_and_retry(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    plan = {"unop-qoq": "wrong", "which-growth": "wrong", "rd-up": "skip"}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, QuizScreen)
        total = screen.session.total
        assert total == 8
        for n in range(1, total + 1):
            assert static_text(screen, "#number") == f"Question {n} of {total}"
            qid = current_id(app)
            question = tui_pack.question(qid)
            assert static_text(screen, "#prompt") == question.prompt
            what = plan.get(qid, "right")
            if what == "skip":
                await pilot.press("ctrl+s")
                await pilot.pause()
            else:
                await give(pilot, (RIGHT if what == "right" else WRONG)[qid])
            feedback = static_text(screen, "#feedback")
            if what == "right":
                assert feedback.startswith("✔ Right"), (qid, feedback)
            elif what == "skip":
                assert feedback.startswith("✘ Skipped")
                assert "Expected: false" in feedback
            else:
                assert feedback.startswith("✘ Wrong")
            if qid == "unop-qoq":
                assert "Your answer: 40.7%" in feedback
                assert "Expected: 92%" in feedback
                assert "92% quarter over quarter; 40.7% is the R&D fall." in feedback
                assert "Careful: 40.7% is the year-over-year fall in Q1 R&D expenses" in feedback
            # Saved after every answer, in progress until the end.
            [record] = saved_records(saves)
            assert record["status"] == "in_progress" and len(record["answers"]) == n
            assert record["mode"] == "tui"
            await next_question(pilot)

        results = app.screen
        assert isinstance(results, ResultsScreen)
        summary = static_text(results, "#summary")
        assert (
            summary.startswith("5 of 8 right")
            and "62.5%" in summary
            and "PASS" in summary
            and "pass mark 60%" in summary
        )
        missed = list(results.query(MissedQuestion))
        assert [m.outcome.question.id for m in missed] == [
            i for i in results.session.record.order if i in plan
        ]
        by_id = {m.outcome.question.id: m for m in missed}
        text = by_id["unop-qoq"].query_one(".missed-text", Static).content.plain
        assert "Given: 40.7%" in text and "Expected: 92%" in text
        # The excerpt is the table row that answers it, under its header.
        assert by_id["unop-qoq"].query_one(Markdown).source.strip().splitlines()[-1].startswith("| 92% |")
        assert "Given: (skipped)" in by_id["rd-up"].query_one(".missed-text", Static).content.plain
        assert "down 40.7%" in by_id["rd-up"].query_one(Markdown).source

        [record] = saved_records(saves)
        assert record["status"] == "finished"
        assert (record["score"], record["max_score"], record["percent"], record["passed"]) == (
            5,
            8,
            62.5,
            True,
        )
        answers = {a["id"]: a for a in record["answers"]}
        assert answers["unop-qoq"]["given"] == "40.7%" and not answers["unop-qoq"]["correct"]
        assert answers["which-growth"]["given"] == "40.7%"  # the option's text, not its number
        assert answers["rd-up"]["skipped"] and answers["rd-up"]["given"] == ""
        assert answers["platforms"]["correct"]
        # The app's clock, not the wall clock: one of its readings, 7 s apart from 09:00:00
        # (earlier readings dated the due counts, counted again as the briefing came back).
        from conftest import START

        started = datetime.fromisoformat(record["started_at"])
        ticks = (started - START).total_seconds() / 7
        assert ticks == int(ticks) and 0 < ticks < 10, started
        assert record["finished_at"] > record["started_at"]

        # The finished session counts in `briefing stats`, read by the same code.
        loaded = store.load_sessions(saves, "ana")
        assert [s.status for s in loaded.sessions] == ["finished"] and loaded.problems == []

        await pilot.press("h")
        await pilot.pause()
        history = app.screen
        assert isinstance(history, HistoryScreen)
        table = history.query_one("#sessions", DataTable)
        assert table.row_count == 1
        row = [str(c) for c in table.get_row_at(0)]
        assert row[0] == "2026-01-05 09:00" and row[1:5] == ["5/8", "62.5%", "pass", "full"]
        assert row[5] == "1m03s"  # stats.duration_text, as `briefing stats` prints it
        assert history.query_one(PercentTrend).percents == [62.5]
        # 62.5% is 10 of the two rows' 16 eighths: a full bottom cell and 2/8 of the top one
        assert history.query_one(PercentTrend).chart().plain.splitlines() == ["▂ 100%", "█   0%"]
        weakest = [w.content.plain for w in history.query("#weakest .prompt").results(Static)]
        assert "Which figure is the quarter-over-quarter mileage growth?" in weakest
        await pilot.press("escape")
        assert app.screen is results

        # Retry the missed ones: a new session of exactly those.
        await pilot.press("r")
        await pilot.pause()
        retry = app.screen
        assert isinstance(retry, QuizScreen)
        assert sorted(retry.session.record.order) == sorted(plan)
        assert static_text(retry, "#number") == "Question 1 of 3"
        for _ in range(3):
            await give(pilot, RIGHT[current_id(app)])
            await next_question(pilot)
        assert isinstance(app.screen, ResultsScreen)
        assert "3 of 3 right" in static_text(app.screen, "#summary")
        assert "Nothing missed" in visible_text(app)
        assert [r["status"] for r in saved_records(saves)] == ["finished", "finished"]
        assert sorted(r["scope"] for r in saved_records(saves)) == ["full", "retry"]
        await pilot.press("h")
        await pilot.pause()
        # the 3-of-3 retry is listed but does not become the best score
        assert "best 62.5%" in static_text(app.screen, "#totals")
        assert app.screen.query_one(PercentTrend).percents == [62.5]
        await pilot.press("escape")
        await pilot.press("escape")
        assert isinstance(app.screen, BriefingScreen)


@sync
async def test_right_after_a_peek_is_shown_apart_from_the_missed_and_not_scored(tui_pack, saves, make_app):
    app = make_app(tui_pack, saves, seed=7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("s")
        await pilot.pause()
        while isinstance(app.screen, QuizScreen):
            qid = current_id(app)
            if qid == "unop-qoq":
                await pilot.press("f2")
                await pilot.pause()
                await pilot.press("escape")
                await pilot.pause()
            await give(pilot, (WRONG if qid == "rd-up" else RIGHT)[qid])
            await next_question(pilot)
        results = app.screen
        assert isinstance(results, ResultsScreen)
        summary = static_text(results, "#summary")
        assert summary.startswith("6 of 8 right  ·  1 right after a peek, not scored  ·  75%")
        assert [m.outcome.question.id for m in results.query(MissedQuestion)] == ["rd-up"]
        [peeked] = results.query(PeekedQuestion)
        text = peeked.content.plain
        assert "By how much did Urban NOP mileage grow" in text and "Given: 92%" in text
        assert "not scored" in text
        assert static_text(results, "#peeked-title") == "Right after a peek, not scored: 1"
        assert results.query_one("#missed").border_title == "Missed questions: 1 · right after a peek: 1"
        assert "Retry the 1 missed" in visible_text(app)
