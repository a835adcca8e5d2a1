"""A library of packs: --pack takes a folder, `briefing packs` lists it, `briefing schema` publishes the format."""

import json
import shutil

import pytest
from conftest import ROOT, SMALL_PACK

from briefing import library
from briefing.cli import main
from briefing.errors import PackError, UsageError

VENTAMAR = ROOT / "tests" / "fixtures" / "ventamar.toml"


@pytest.fixture
def shelf(tmp_path):
    """A folder with two packs, an answers file, an answer key and a broken pack."""
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copy(SMALL_PACK, folder / "small.toml")
    shutil.copy(VENTAMAR, folder / "ventamar.toml")
    (folder / "answers.toml").write_text('[answers]\nfivefold = "5x"\n')
    (folder / "broken.toml").write_text('[pack]\nid = "broken"\n')
    return folder


def test_a_folder_lists_its_packs_by_title_and_reports_the_broken_one(shelf):
    entries, problems = library.find(shelf)
    assert [e.pack.pack.id for e in entries] == ["small", "ventamar-floating-wind"]
    assert len(problems) == 1 and problems[0].startswith(f"{shelf / 'broken.toml'}")


def test_one_pack_is_taken_from_a_folder_that_holds_one(tmp_path):
    shutil.copy(VENTAMAR, tmp_path / "v.toml")
    assert library.load_one(tmp_path).pack.id == "ventamar-floating-wind"


def test_a_folder_of_several_packs_must_be_narrowed_for_a_quiz(shelf, tmp_path):
    with pytest.raises(UsageError, match="holds 2 packs .*small.toml, ventamar.toml.*--pack FILE"):
        library.load_one(shelf)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(PackError, match="no valid pack in this folder"):
        library.load_one(empty)


def test_packs_command_lists_each_pack_with_the_last_result(shelf, tmp_path, capsys):
    saves = tmp_path / "saves"
    code = main(
        ["quiz", "--headless", "--pack", str(shelf / "small.toml"), "--saves", str(saves), "--profile", "ana"]
        + ["--answers", str(_answers(tmp_path))]
    )
    assert code in (0, 1)
    capsys.readouterr()
    assert main(["packs", str(shelf), "--saves", str(saves), "--profile", "ana", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    rows = {row["id"]: row for row in json.loads(out)}
    assert rows["small"]["questions"] == 10 and rows["small"]["last"].endswith(tuple("0123456789"))
    assert " fail " in rows["small"]["last"] or " pass " in rows["small"]["last"]
    assert rows["ventamar-floating-wind"]["last"] == "-"
    assert "broken.toml" in err
    assert main(["packs", str(shelf), "--saves", str(saves), "--profile", "ana"]) == 0
    text = capsys.readouterr().out
    assert "small 1  A small pack" in text and "last result (ana): " in text


def _answers(tmp_path):
    path = tmp_path / "answers.toml"
    path.write_text('[answers]\nfivefold = "5x"\ntenth = "a tenth"\n')
    return path


def test_schema_is_the_pack_models_as_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/")
    figure = schema["$defs"]["FigureQuestion"]
    for field in ("value", "unit", "expected", "measures", "period", "base", "bound"):
        assert field in figure["properties"]
    assert set(schema["required"]) >= {"pack", "sections", "questions"}
    assert figure["additionalProperties"] is False  # a typo in a field name is flagged as it is typed


def test_a_new_version_of_a_pack_keeps_its_history_for_unchanged_questions(tmp_path):
    """Sessions taken on 1.0.0 count toward 1.1.0's stats for the question ids both have."""
    from briefing import pack as packs
    from briefing import stats, store
    from briefing.engine import Session

    old = packs.load(SMALL_PACK)
    saves = tmp_path / "saves"
    session = Session.start(old, profile="ana", seed=1, only=["fivefold", "tenth"])
    while (question := session.current) is not None:
        session.answer(packs.expected_text(question, old))
    store.save(session.finish(), saves)
    text = SMALL_PACK.read_text(encoding="utf-8").replace('version = "1"', 'version = "1.1.0"', 1)
    assert 'version = "1.1.0"' in text
    new_path = tmp_path / "small-1.1.toml"
    new_path.write_text(text.replace('id = "tenth"', 'id = "tenth-renamed"', 1), encoding="utf-8")
    new = packs.load(new_path)
    result = stats.compute(store.load_sessions(saves, "ana").sessions, new)
    by_id = {q.id: q for q in result.per_question}
    assert by_id["fivefold"].asked == 1 and by_id["fivefold"].correct == 1
    assert "tenth-renamed" not in by_id  # a changed id is a new question
    assert result.sessions == 1
