"""``--chart PATH`` that cannot be written (a folder, a folder under a file, a place the
system refuses) is one ``error:`` line and exit 2 from every command that draws, with no
partial file left behind; run as a user would, on the shared company."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli

AS_OF = TODAY.date().isoformat()

#: Every command with ``--chart``, as a user would type it.
DRAWING = [
    ("sales",),
    ("competitors",),
    ("competitor", "Zoho"),
    ("demand", "--as-of", AS_OF),
    ("demand", "--trend", "money", "--as-of", AS_OF),
]


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def _left_behind(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if "partial" in p.name)


def test_a_folder_is_not_a_chart(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World, tmp_path: Path
) -> None:
    folder = tmp_path / "d.svg"
    folder.mkdir()
    for command in DRAWING:
        result = run_cli(capsys, "--db", workspace_url, *command, "--chart", str(folder))
        assert (result.exit_code, result.stderr) == (
            2,
            f"error: {folder}: is a folder, not a file\n",
        ), command
        assert list(folder.iterdir()) == []
        assert _left_behind(tmp_path) == []


def test_a_chart_under_a_file_or_a_missing_folder_says_which(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World, tmp_path: Path
) -> None:
    plain = tmp_path / "notes.txt"
    plain.write_text("mine", encoding="utf-8")
    for command in DRAWING:
        under_a_file = run_cli(
            capsys, "--db", workspace_url, *command, "--chart", str(plain / "c.svg")
        )
        assert (under_a_file.exit_code, under_a_file.stderr) == (
            2,
            f"error: {plain}: is a file, not a folder\n",
        ), command
        missing = run_cli(
            capsys, "--db", workspace_url, *command, "--chart", str(tmp_path / "gone" / "c.png")
        )
        assert (missing.exit_code, missing.stderr) == (
            2,
            f"error: {tmp_path / 'gone'}: the folder does not exist\n",
        ), command
    assert plain.read_text(encoding="utf-8") == "mine"
    assert _left_behind(tmp_path) == []


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_place_the_system_refuses_is_one_line(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    for command in DRAWING:
        result = run_cli(capsys, "--db", workspace_url, *command, "--chart", "/proc/x.svg")
        assert result.exit_code == 2, command
        assert result.stderr.startswith("error: /proc/x.svg: cannot write the chart ("), command
        assert len(result.stderr.splitlines()) == 1
        assert "internal error" not in result.stderr


def test_the_path_is_refused_before_anything_is_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Checked first, like every other argument: with no workspace at all to compute from,
    the one line is still about the chart."""
    folder = tmp_path / "d.svg"
    folder.mkdir()
    plain = tmp_path / "notes.txt"
    plain.write_text("mine", encoding="utf-8")
    refused = [
        (folder, f"error: {folder}: is a folder, not a file\n"),
        (plain / "c.svg", f"error: {plain}: is a file, not a folder\n"),
    ]
    if Path("/proc/self").is_dir():  # a place only the system can refuse
        refused.append((Path("/proc/x.svg"), "error: /proc/x.svg: cannot write the chart ("))
    missing = tmp_path / "no-workspace.db"
    for command in DRAWING:
        for chart, said in refused:
            result = run_cli(capsys, "--db", str(missing), *command, "--chart", str(chart))
            assert result.exit_code == 2, (command, chart)
            assert result.stderr.startswith(said), (command, chart)
            assert len(result.stderr.splitlines()) == 1
    assert not missing.exists()
    assert _left_behind(tmp_path) == []


def test_a_refused_chart_classifies_no_lost_deal(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World, tmp_path: Path
) -> None:
    """``sales`` saves the categories of lost deals it reads; a refused chart reads none."""
    folder = tmp_path / "d.svg"
    folder.mkdir()
    refused = run_cli(capsys, "--db", workspace_url, "sales", "--chart", str(folder))
    assert refused.exit_code == 2
    first = run_cli(capsys, "--db", workspace_url, "sales", "--format", "json")
    assert json.loads(first.stdout)["classified_now"] == 6  # all six were still unclassified


def test_a_write_that_fails_midway_removes_its_partial_file(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    world: World,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    chart = tmp_path / "win-rate.svg"
    monkeypatch.setattr(os, "replace", disk_full)
    result = run_cli(capsys, "--db", workspace_url, "sales", "--chart", str(chart))
    assert (result.exit_code, result.stderr) == (
        2,
        f"error: {chart}: cannot write the chart (No space left on device)\n",
    )
    assert not chart.exists()
    assert _left_behind(tmp_path) == []
