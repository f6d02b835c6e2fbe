"""``tradeoff metric ...`` and ``tradeoff import metrics``: the real CLI, whole outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

HOSTILE = "=cmd|' /C calc'!A0 [bold red]boom[/]"


def test_define_import_list_and_show(
    capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path
) -> None:
    db = ["--db", workspace_url]
    empty = run_cli(capsys, *db, "metric", "list")
    assert empty.stdout == 'No metrics yet: tradeoff metric new "..." --kind outcome\n'
    created = run_cli(
        capsys, *db, "metric", "new", "Weekly active businesses", "--kind", "outcome",
        "--unit", "count", "--description", f"Businesses paying in the week {HOSTILE}",
        "--owner", "Aisha Rahman", "--source", "Amplitude",
    )  # fmt: skip
    assert created.exit_code == 0, created.stderr
    assert created.stdout == "metric 1: Weekly active businesses (outcome, up is good)\n"
    activity = run_cli(capsys, *db, "metric", "new", "Tickets closed", "--kind", "activity")
    assert activity.stdout == "metric 2: Tickets closed (activity, up is good)\n"
    again = run_cli(capsys, *db, "metric", "new", "weekly active  businesses", "--kind", "outcome")
    assert again.exit_code == 1
    assert again.stderr == ("error: metric 'Weekly active businesses' is already defined (id 1)\n")

    values = tmp_path / "amplitude.csv"
    values.write_text(
        "Event Name,Date,Uniques,Segment\n"
        "weekly_active_businesses,2026-10-05,1200,\n"
        "weekly_active_businesses,2026-10-12,1260,\n"
        "weekly_active_businesses,2026-10-19,1300.5,\n"
        "weekly_active_businesses,2026-10-19,700,iOS\n",
        encoding="utf-8",
    )
    imported = run_cli(capsys, *db, "import", "metrics", str(values))
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout == (
        "Imported amplitude.csv as metrics (batch 1, utf-8, delimiter ','): 4 inserted, "
        "0 updated, 0 unchanged, 0 rejected.\n"
    )

    listed = run_cli(capsys, *db, "metric", "list")
    rows = [line.split("│") for line in listed.stdout.splitlines()[2:]]
    assert [[cell.strip() for cell in row] for row in rows] == [
        ["2", "Tickets closed", "activity", "up", "–", "0", "–"],
        ["1", "Weekly active businesses", "outcome", "up", "count", "4", "1,300.5 on 2026-10-19"],
    ]

    shown = run_cli(capsys, *db, "metric", "show", "weekly_active_businesses", "--last", "2")
    assert shown.exit_code == 0, shown.stderr
    assert [line.rstrip() for line in shown.stdout.splitlines()] == [
        "metric 1: Weekly active businesses",
        "  kind:        outcome",
        "  good:        up is good",
        "  unit:        count",
        f"  description: Businesses paying in the week {HOSTILE}",
        "  owner:       Aisha Rahman",
        "  source:      Amplitude",
        "  segments:    iOS",
        "Latest 2 of 3 values (whole business): ▁█",
        " date       ┃ value",
        "━━━━━━━━━━━━╇━━━━━━━━━",
        " 2026-10-12 │ 1,260",
        " 2026-10-19 │ 1,300.5",
    ]


def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path
) -> None:
    db = ["--db", workspace_url]
    missing = run_cli(capsys, *db, "metric", "show", "nps")
    assert (missing.exit_code, missing.stderr) == (
        1,
        "error: no metric named 'nps'; see tradeoff metric list\n",
    )
    values = tmp_path / "values.csv"
    values.write_text("Event,Day,Count\nnps,2026-10-05,31\n", encoding="utf-8")
    unknown = run_cli(capsys, *db, "import", "metrics", str(values))
    assert unknown.exit_code == 2
    assert unknown.stderr == (
        f"error: {values}, line 2, column 'Event': no metric named 'nps' in the registry; "
        "define it first with tradeoff metric new\n"
    )
    kind = run_cli(capsys, *db, "metric", "new", "NPS", "--kind", "vanity")
    assert kind.exit_code == 2
