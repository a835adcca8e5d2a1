"""The README stays true: every command is listed and has help; its layout names real modules."""

import re

import pytest
from conftest import ROOT

from briefing.cli import build_parser

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subparsers() -> dict:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    return dict(sub.choices)


def _commands() -> list[str]:
    return sorted(_subparsers())


@pytest.mark.parametrize("command", _commands())
def test_every_command_is_in_the_readme_and_has_help(command, capsys):
    assert f"`briefing {command}" in README, f"README's Commands table does not list 'briefing {command}'"
    with pytest.raises(SystemExit) as done:
        build_parser().parse_args([command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: briefing " + command)
    for action in _subparsers()[command]._actions:
        if action.option_strings and action.dest != "help":
            assert action.help, f"briefing {command} {action.option_strings[0]} has no help text"


def test_the_layout_names_modules_that_exist():
    layout = README.split("## Layout", 1)[1].split("##", 1)[0]
    for name in re.findall(r"\b([a-z_]+\.py)\b", layout):
        assert list((ROOT / "briefing").rglob(name)), (
            f"README's layout names {name}, which is not in briefing/"
        )


def test_the_rule_homes_the_readme_names_exist():
    homes = README.split("Where each rule lives, once:", 1)[1].split("**Adding", 1)[0]
    for path in re.findall(r"`([a-z_/]+\.py)`", homes):
        assert (ROOT / "briefing" / path).exists(), path


def test_the_pack_that_writing_a_pack_walks_through_is_valid_against_its_article(tmp_path, capsys):
    """The README's walk-through is a real pack: its parts, joined, validate against its article."""
    from briefing.cli import main

    walk = README.split("## Writing a pack", 1)[1].split("\n## ", 1)[0]
    article = re.search(r"```text\n(.*?)```", walk, re.S)
    assert article is not None
    parts = re.findall(r"```toml\n(.*?)```", walk, re.S)
    assert len(parts) == 5
    (tmp_path / "brisa.txt").write_text(article.group(1), encoding="utf-8")
    pack = tmp_path / "brisa.toml"
    pack.write_text("\n".join(parts), encoding="utf-8")
    assert main(["validate", str(pack), "--source", str(tmp_path / "brisa.txt")]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"{pack}: valid: 11 questions in 3 sections")
    assert all(": warning: coverage: " in line for line in err.splitlines())  # what it leaves unasked
    kinds = set(re.findall(r'^kind = "(\w+)"', "\n".join(parts), re.M))
    assert kinds >= {"figure", "attribution", "choice", "truefalse", "list", "organisation"}
