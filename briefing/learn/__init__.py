"""Learning over time, all of it derived from the saves: a fast read of a saves folder
(`index`), review schedules (`schedule`), progress figures (`progress`), the team view
(`team`) and exports (`export`).

Nothing here is a second record: every figure is rebuilt from the answers in
`<saves>/<profile>/*.toml`; the two caches (`.index.json`, `.schedule-*.json` in a
profile's folder) are derived, checked against the files and rebuilt when stale.
Sits between the front ends and store/stats (pyproject.toml's layers); no Textual.
"""
