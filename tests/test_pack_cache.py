"""Checked packs are kept: the next start reads them without pydantic, and never trusts a
cache over the pack file (an edit, a damaged or foreign cache, a folder others can write)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from briefing import pack as packs
from briefing import pack_cache
from briefing.errors import PackError

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "small_pack.toml"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(where))
    return where


def _kept(cache: Path) -> list[Path]:
    return sorted((cache / "packs").glob("*.pickle")) if (cache / "packs").exists() else []


def _copy(tmp_path: Path, text: str | None = None) -> Path:
    path = tmp_path / "pack.toml"
    path.write_text(text if text is not None else SMALL.read_text(encoding="utf-8"), encoding="utf-8")
    return path


def test_a_pack_loaded_again_comes_from_the_cache_and_is_the_same_pack(tmp_path, cache):
    path = _copy(tmp_path)
    first = packs.load(path)
    assert len(_kept(cache)) == 1
    again = packs.load(path)
    assert again == first
    assert again is not first  # read back from the file, not held in memory


def test_a_cached_pack_starts_without_pydantic(tmp_path, cache):
    path = _copy(tmp_path)
    packs.load(path)
    probe = (
        "import sys\nfrom briefing import library, records, store\n"
        f"pack = library.load_one({str(path)!r})\n"
        "records.check_profile('ana')\n"
        f"store.check_writable({str(tmp_path / 'saves')!r}, None)\n"
        "print(pack.pack.id, 'pydantic' in sys.modules)\n"
    )
    env = {**os.environ, pack_cache.CACHE_ENV: str(cache)}
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == [packs.load(path).pack.id, "False"]


def test_an_edited_pack_is_checked_again(tmp_path, cache):
    path = _copy(tmp_path)
    packs.load(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("pass_mark = ", "pass_mark = 1", 1), encoding="utf-8")  # 60 -> 160
    with pytest.raises(PackError, match="pass_mark"):
        packs.load(path)
    path.write_text(text, encoding="utf-8")  # back as it was: the kept one is good again
    assert packs.load(path).pack.pass_mark <= 100


def test_an_invalid_pack_is_never_kept(tmp_path, cache):
    path = _copy(
        tmp_path, SMALL.read_text(encoding="utf-8").replace('kind = "figure"', 'kind = "figures"', 1)
    )
    with pytest.raises(PackError):
        packs.load(path)
    assert _kept(cache) == []


@pytest.mark.parametrize(
    "content",
    [b"", b"not a pickle at all", pickle.dumps({"pack": "a dict, not a Pack"}), pickle.dumps([1, 2])[:5]],
    ids=["empty", "garbage", "another-type", "truncated"],
)
def test_a_damaged_or_foreign_cache_file_is_a_miss(tmp_path, cache, content):
    path = _copy(tmp_path)
    good = packs.load(path)
    (kept,) = _kept(cache)
    kept.write_bytes(content)
    assert packs.load(path) == good  # checked again, and kept again
    assert kept.read_bytes() != content


def test_nothing_is_written_to_a_cache_folder_others_can_write(tmp_path, cache):
    (cache / "packs").mkdir(parents=True)
    os.chmod(cache / "packs", 0o777)
    path = _copy(tmp_path)
    assert packs.load(path) == packs.load(path)
    assert _kept(cache) == []


def test_a_planted_pickle_in_a_folder_others_can_write_is_not_read(tmp_path, cache):
    path = _copy(tmp_path)
    text = path.read_text(encoding="utf-8")
    key = pack_cache._entry(text)
    assert key is not None
    key.parent.mkdir(parents=True)
    os.chmod(key.parent, 0o777)
    impostor = packs.load(ROOT / "tests" / "fixtures" / "ventamar.toml")
    key.write_bytes(pickle.dumps(impostor))
    os.chmod(key, 0o600)
    assert packs.load(path).pack.id != impostor.pack.id  # the file's own pack, checked


@pytest.mark.parametrize("mode", [0o777, 0o775])
def test_a_planted_pickle_under_a_cache_folder_others_can_write_is_not_read(tmp_path, cache, mode):
    path = _copy(tmp_path)
    key = pack_cache._entry(path.read_text(encoding="utf-8"))
    assert key is not None
    key.parent.mkdir(parents=True, mode=0o700)
    os.chmod(cache, mode)  # the cache folder itself: anyone may swap its packs folder
    impostor = packs.load(ROOT / "tests" / "fixtures" / "ventamar.toml")
    key.write_bytes(pickle.dumps(impostor))
    os.chmod(key, 0o600)
    assert packs.load(path).pack.id != impostor.pack.id


def test_no_cache_folder_to_be_had_still_loads(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(pack_cache.CACHE_ENV, str(blocker / "cache"))
    path = _copy(tmp_path)
    assert packs.load(path) == packs.load(path)


def test_only_the_packs_used_last_are_kept(tmp_path, cache, monkeypatch):
    monkeypatch.setattr(pack_cache, "KEEP", 3)
    text = SMALL.read_text(encoding="utf-8")
    for n in range(5):
        path = _copy(tmp_path, text.replace('version = "', f'version = "{n}.', 1))
        packs.load(path)
        stamp = 1_000_000 + n
        for kept in _kept(cache):  # mtimes a second apart, oldest first
            if kept.stat().st_mtime > stamp:
                os.utime(kept, (stamp, stamp))
    assert len(_kept(cache)) == 3


def test_a_folder_of_packs_reads_each_from_the_cache(tmp_path, cache):
    from briefing import library

    folder = tmp_path / "packs"
    folder.mkdir()
    for name in ("small_pack.toml", "ventamar.toml", "meridian.toml"):
        (folder / name).write_bytes((ROOT / "tests" / "fixtures" / name).read_bytes())
    (folder / "answers.toml").write_text('answers = ["a"]\n')
    first, notes = library.find(folder)
    assert len(first) == 3 and notes == []
    assert len(_kept(cache)) == 3
    again, _ = library.find(folder)
    assert [e.pack for e in again] == [e.pack for e in first]
