"""The command line's promises: exit statuses, one plain sentence per mistake, --help, docs.

0 success, 1 ``check`` found errors, 2 the command was mistyped (argparse),
3 the person's mistake or a file that cannot be used, said in one sentence
on stderr without a traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from smallbiz_codes import cli, i18n
from smallbiz_codes.domain import checks
from smallbiz_codes.store.workbook import WorkbookFile

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _english(monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setenv("LANGUAGE", "en")
    before = i18n.current_language()
    yield
    i18n.set_language(before)


@pytest.fixture
def bakery(cjk_dir: Path) -> Path:
    path = cjk_dir / "麦香坊.sbcodes"
    assert cli.main(["new", str(path), "--example", "bakery"]) == 0
    return path


def _fake_pdf(wb: Any, doc: str, lang: str, out: Path, **kwargs: Any) -> Path:
    out.write_bytes(b"%PDF-1.4 fake")
    return out


# -- success -------------------------------------------------------------------


def test_new_empty_and_from_example(cjk_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = cjk_dir / "空白.sbcodes"
    assert cli.main(["new", str(empty), "--lang", "en"]) == 0
    assert f"Created {empty}." in capsys.readouterr().out
    with WorkbookFile.open(empty) as wf:
        assert wf.organization().language == "en"
    bakery = cjk_dir / "面包店.sbcodes"
    assert cli.main(["new", str(bakery), "--example", "bakery"]) == 0
    with WorkbookFile.open(bakery) as wf:
        assert wf.load().promises


def test_export_and_import(bakery: Path, cjk_dir: Path) -> None:
    out = cjk_dir / "导出.json"
    assert cli.main(["export-json", str(bakery), "--out", str(out)]) == 0
    copy = cjk_dir / "副本.sbcodes"
    assert cli.main(["import", str(out), "--into", str(copy)]) == 0
    with WorkbookFile.open(bakery) as a, WorkbookFile.open(copy) as b:
        assert a.load() == b.load()


def test_pdf(bakery: Path, cjk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "export_pdf", _fake_pdf)
    out = cjk_dir / "告示.pdf"
    args = ["pdf", str(bakery), "--doc", "notice", "--lang", "both", "--size", "A5", "--out"]
    assert cli.main([*args, str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_check_exit_status_follows_errors(
    bakery: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    advice = checks.Finding(
        checks.WARNING, "x.advice", "Promise {n} has nobody responsible for it.", {"n": "1"}
    )
    monkeypatch.setattr(checks, "run_all", lambda wb: [advice])
    assert cli.main(["check", str(bakery), "--lang", "en"]) == cli.EXIT_OK
    error = checks.Finding(checks.ERROR, "x.error", "The business has no name yet.")
    monkeypatch.setattr(checks, "run_all", lambda wb: [error, advice])
    capsys.readouterr()
    assert cli.main(["check", str(bakery), "--lang", "en"]) == cli.EXIT_FINDINGS
    out = capsys.readouterr().out
    assert "error: The business has no name yet." in out
    assert "1 errors, 1 pieces of advice." in out


def test_check_of_an_empty_workbook_finds_errors(cjk_dir: Path) -> None:
    path = cjk_dir / "空.sbcodes"
    assert cli.main(["new", str(path)]) == 0
    assert cli.main(["check", str(path)]) == cli.EXIT_FINDINGS


def test_check_labels_follow_the_findings_language(
    bakery: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    error = checks.Finding(checks.ERROR, "x.error", "The business has no name yet.")
    monkeypatch.setattr(checks, "run_all", lambda wb: [error])
    cli.main(["check", str(bakery), "--lang", "zh"])
    out = capsys.readouterr().out
    assert "error" not in out and "advice" not in out  # not English labels on Chinese lines


def test_demo(cjk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "export_pdf", _fake_pdf)
    out = cjk_dir / "演示"
    assert cli.main(["demo", str(out)]) == 0
    assert (out / "bakery.sbcodes").is_file()
    assert (out / "notice-zh.pdf").is_file()


# -- the person's mistakes: 3, one sentence ---------------------------------------


def _mistakes(cjk_dir: Path, bakery: Path) -> dict[str, list[str]]:
    png = cjk_dir / "照片.sbcodes"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    (cjk_dir / "演示").mkdir()
    (cjk_dir / "演示" / "bakery.sbcodes").write_bytes(bakery.read_bytes())
    missing = str(cjk_dir / "没有这个.sbcodes")
    return {
        "new over an existing file": ["new", str(bakery)],
        "new from an unknown trade": ["new", str(cjk_dir / "新.sbcodes"), "--example", "火箭"],
        "import a missing file": ["import", str(cjk_dir / "没有.json"), "--into", str(bakery)],
        "import into a photo": ["import", str(cjk_dir / "没有.json"), "--into", str(png)],
        "export a missing workbook": ["export-json", missing, "--out", str(cjk_dir / "x.json")],
        "pdf of a photo": ["pdf", str(png), "--doc", "notice", "--out", str(cjk_dir / "x.pdf")],
        "check a missing workbook": ["check", missing],
        "demo over a workbook": ["demo", str(cjk_dir / "演示")],
        "export into a missing folder": [
            "export-json", str(bakery), "--out", str(cjk_dir / "没有的文件夹" / "x.json")
        ],
    }


def test_mistakes_exit_3_with_one_sentence(
    bakery: Path, cjk_dir: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(cli, "export_pdf", _fake_pdf)
    capsys.readouterr()
    for name, argv in _mistakes(cjk_dir, bakery).items():
        assert cli.main(argv) == cli.EXIT_FAILED, name
        captured = capsys.readouterr()
        err = captured.err
        assert err.count("\n") == 1 and err.strip(), (name, err)
        assert "Traceback" not in err and "Error" not in err, (name, err)
        assert err.strip().endswith("."), (name, err)


def test_mistake_in_chinese(cjk_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    run = subprocess.run(
        [sys.executable, "-m", "smallbiz_codes", "check", str(cjk_dir / "没有这个.sbcodes")],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)),
    )
    assert run.returncode == cli.EXIT_FAILED
    assert "找不到" in run.stderr and "Traceback" not in run.stderr


# -- argparse misuse: 2 -----------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["neww", "a.sbcodes"],
        ["new"],
        ["export-json", "a.sbcodes"],
        ["pdf", "a.sbcodes", "--doc", "poster", "--out", "a.pdf"],
        ["check", "a.sbcodes", "--lang", "fr"],
        ["--no-such-option"],
    ],
)
def test_mistyped_command_exits_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == cli.EXIT_USAGE
    err = capsys.readouterr().err
    assert "usage:" in err and "Traceback" not in err


def test_the_real_command_exits_2_on_a_typo() -> None:
    run = subprocess.run([sys.executable, "-m", "smallbiz_codes", "chek", "a.sbcodes"],
                         capture_output=True, text=True,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    assert run.returncode == 2 and "invalid choice" in run.stderr


# -- documentation --------------------------------------------------------------


def _readme_commands() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Command line", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z-]+)[ `]", section, flags=re.MULTILINE))


def test_every_command_is_in_the_readme_table() -> None:
    commands = cli.commands(cli.build_parser())
    assert commands, "no subcommands found"
    assert set(commands) <= _readme_commands()
    assert _readme_commands() <= set(commands), "README lists a command that does not exist"


@pytest.mark.parametrize("command", cli.commands(cli.build_parser()))
def test_every_command_has_help(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main([command, "--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage:")
    description = out.split("\n\n")[1]
    assert len(description.split()) >= 4, out
    # Every argument has its own help line (argparse leaves it blank otherwise).
    parser = cli.build_parser()
    sub = next(a for a in parser._subparsers._group_actions)  # type: ignore[union-attr]
    for action in sub.choices[command]._actions:  # type: ignore[attr-defined]
        assert action.help, (command, action.dest)


def test_help_in_chinese(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    with pytest.raises(SystemExit):
        cli.main(["new", "--help"])
    assert "新建" in capsys.readouterr().out


def test_chinese_findings_use_a_full_width_colon(
    bakery: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    error = checks.Finding(checks.ERROR, "x.error", "The business has no name yet.")
    monkeypatch.setattr(checks, "run_all", lambda wb: [error])
    cli.main(["check", str(bakery), "--lang", "zh"])
    first = capsys.readouterr().out.splitlines()[0]
    assert "：" in first and ": " not in first, first
