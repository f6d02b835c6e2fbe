"""``tradeoff goal ...`` and ``tradeoff goals``: the real CLI, whole outputs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run_cli

VALUES = (
    "metric,date,value,segment\n"
    "time_to_first_card_payment,2026-10-05,62,all\n"
    "time_to_first_card_payment,2026-11-09,55,all\n"
    "weekly_active_businesses,2026-10-19,1290,\n"
)


@pytest.fixture
def db(capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path) -> list[str]:
    db = ["--db", workspace_url]
    for args in (
        ["Time to first card payment", "--kind", "outcome", "--unit", "hours",
         "--direction", "down"],
        ["Weekly active businesses", "--kind", "outcome"],
        ["Features shipped", "--kind", "activity"],
    ):  # fmt: skip
        assert run_cli(capsys, *db, "metric", "new", *args).exit_code == 0
    values = tmp_path / "values.csv"
    values.write_text(VALUES, encoding="utf-8")
    assert run_cli(capsys, *db, "import", "metrics", str(values)).exit_code == 0
    return db


def test_a_goal_with_measured_flagged_and_empty_key_results(
    capsys: pytest.CaptureFixture[str], db: list[str]
) -> None:
    created = run_cli(
        capsys, *db, "goal", "new", "New businesses get value in their first week",
        "--period", "2026Q4", "--owner", "Aisha Rahman",
        "--kr", "Time to first card payment from 62 to 48 by 2026-12-31",
        "--kr", "weekly_active_businesses from 1200 to 1500",
        "--kr", "Launch the new onboarding",
        "--kr", "Features shipped from 2 to 10",
    )  # fmt: skip
    assert created.exit_code == 0, created.stderr
    assert created.stdout == (
        "goal 1 (2026Q4): New businesses get value in their first week\n"
        "  KR 1: Time to first card payment from 62 to 48 by 2026-12-31\n"
        "  KR 2: weekly_active_businesses from 1200 to 1500\n"
        "  KR 3: Launch the new onboarding\n"
        "  KR 4: Features shipped from 2 to 10\n"
        "next: tradeoff goals --period 2026Q4\n"
    )
    # 45 of Q4's 91 days have passed on 15 Nov: the pace mark is at cell round(20 × 45/91).
    # Hours: (55 − 62) / (48 − 62) = 50 %; businesses: (1290 − 1200) / 300 = 30 %.
    progress = run_cli(capsys, *db, "goals", "--as-of", "2026-11-15")
    assert progress.exit_code == 0, progress.stderr
    assert progress.stdout == (
        "Progress at 2026-11-15 (| marks where a steady pace would be)\n"
        "goal 1 (2026Q4): New businesses get value in their first week\n"
        "  [##########|---------]   50% on track  "
        "Time to first card payment from 62 to 48 by 2026-12-31\n"
        "  [######----|---------]   30% behind  weekly_active_businesses from 1200 to 1500\n"
        "  [--------------------]     – no metric  Launch the new onboarding\n"
        "      ! names no metric: its progress cannot be computed\n"
        "      ! reads as output: 'launch' names work to do, not a result\n"
        "  [--------------------]     – no values yet  Features shipped from 2 to 10\n"
        "      ! measures an activity metric (Features shipped): output, not a result\n"
    )
    shown = run_cli(capsys, *db, "goal", "show", "1", "--as-of", "2026-11-15")
    assert shown.stdout.splitlines()[1:4] == [
        "  owner: Aisha Rahman",
        "  [##########|---------]   50% on track  "
        "Time to first card payment from 62 to 48 by 2026-12-31",
        "      Time to first card payment: baseline 62, target 48 hours; by 2026-12-31; "
        "now 55 on 2026-11-09",
    ]
    listed = run_cli(capsys, *db, "goal", "list")
    assert listed.stdout == (
        "   1  2026Q4  New businesses get value in their first week  (4 KRs, 2 flagged)\n"
    )
    other = run_cli(capsys, *db, "goals", "--period", "2027Q1")
    assert other.stdout == 'No goals for this period: tradeoff goal new "..." --period 2026Q4\n'


def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], db: list[str]) -> None:
    bad_day = run_cli(capsys, *db, "goals", "--as-of", "mid-November")
    assert (bad_day.exit_code, bad_day.stderr) == (
        2,
        "error: --as-of must be a date like 2026-11-15, got 'mid-November'\n",
    )
    bad_period = run_cli(capsys, *db, "goal", "new", "G", "--period", "2026-H2")
    assert bad_period.stderr == "error: period: must be a quarter like 2026Q3, got '2026-H2'\n"
    missing = run_cli(capsys, *db, "goal", "show", "9")
    assert missing.stderr == "error: no goal with id 9\n"
