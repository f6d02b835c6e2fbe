"""``tradeoff roadmap ...``, ``tradeoff churn``, ``tradeoff post-ship`` and the post-ship
check on ``tradeoff decision``: the real CLI, reading back what it wrote."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tradeoff.domain.decisions import Decision
from tradeoff.storage import repository
from tradeoff.storage.engine import open_engine
from tradeoff.storage.session import write_session

MAYA = "maya@ledgerly.example"
RACHEL = "rachel@ledgerly.example"
SHIPPED = date(2026, 3, 2)
#: Four weekly values before the ship day, four from it: median hours fall 90 → 70.
HOURS = [90.0, 88.0, 91.0, 89.0, 70.0, 69.0, 71.0, 72.0]


@pytest.fixture
def db(capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path) -> list[str]:
    db = ["--db", workspace_url]
    assert run_cli(capsys, *db, "metric", "new", "Time to first card payment", "--kind",
                   "outcome", "--unit", "hours", "--direction", "down").exit_code == 0  # fmt: skip
    days = [SHIPPED + timedelta(weeks=i - 4) for i in range(8)]
    rows = "".join(
        f"time_to_first_card_payment,{d},{v},all\n" for d, v in zip(days, HOURS, strict=True)
    )
    values = tmp_path / "values.csv"
    values.write_text("metric,date,value,segment\n" + rows, encoding="utf-8")
    assert run_cli(capsys, *db, "import", "metrics", str(values)).exit_code == 0
    goal = run_cli(capsys, *db, "goal", "new", "New businesses get value in their first week",
                   "--period", "2026Q1")  # fmt: skip
    assert goal.exit_code == 0, goal.stderr
    return db


def test_new_move_status_and_show(capsys: pytest.CaptureFixture[str], db: list[str]) -> None:
    created = run_cli(capsys, *db, "roadmap", "new", "Virtual card at sign-up", "--horizon",
                      "next", "--goal", "1", "--metric", "time_to_first_card_payment",
                      "--owner", "aisha@ledgerly.example", "--by", MAYA, "--reason",
                      "Cards arrive late")  # fmt: skip
    assert created.exit_code == 0, created.stderr
    assert created.stdout == "roadmap item 1: Virtual card at sign-up (next, rank 1)\n"
    hostile = run_cli(capsys, *db, "roadmap", "new", "[bold]Dark mode[/bold] =1+1", "--horizon",
                      "now", "--by", "ceo@ledgerly.example", "--reason", "Board demo")  # fmt: skip
    assert hostile.stdout == (
        "roadmap item 2: [bold]Dark mode[/bold] =1+1 (now, rank 1)\n"
        "  unanchored: tied to no goal and no opportunity: work that serves no outcome anyone "
        "has agreed on (link one with tradeoff roadmap link ITEM --goal ID)\n"
    )
    moved = run_cli(capsys, *db, "roadmap", "move", "Virtual card at sign-up", "--to", "now",
                    "--by", MAYA, "--reason", "Activation goal")  # fmt: skip
    assert moved.stdout == "moved 1 Virtual card at sign-up: horizon next → now (rank 2)\n"
    shipped = run_cli(capsys, *db, "roadmap", "status", "1", "shipped", "--on", str(SHIPPED),
                      "--by", MAYA, "--reason", "Live for all")  # fmt: skip
    assert shipped.stdout == (
        "1 Virtual card at sign-up: planned → shipped, shipped on 2026-03-02\n"
    )
    shown = run_cli(capsys, *db, "roadmap", "show", "1")
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[:9] == [
        "1  Virtual card at sign-up",
        "  column:       now, rank 2",
        "  status:       shipped",
        "  owner:        aisha@ledgerly.example",
        "  requested by: maya@ledgerly.example",
        "  area:         –",
        "  metric:       Time to first card payment",
        "  shipped on:   2026-03-02",
        "  goal 1 (2026Q1): New businesses get value in their first week",
    ]
    history = [line.split("  ", 3)[2] for line in lines[10:13]]
    assert history == ["created in next", "horizon next → now",
                                       "status planned → shipped"]  # fmt: skip
    # before 90 88 91 89: mean 89.5; after 70 69 71 72: mean 70.5; change −19 (−21.2 %).
    assert lines[13:] == [
        "Post-ship check: Time to first card payment (down is good), shipped 2026-03-02, "
        "8 weeks each side",
        "  before 2026-01-05 to 2026-03-01: mean 89.5 hours (n=4): 90 88 91 89",
        "  after  2026-03-02 to 2026-04-26: mean 70.5 hours (n=4): 70 69 71 72",
        "  change -19.00 hours (-21.2%), ±1.83 is noise",
        "  verdict: moved the way it should",
    ]
    alias = run_cli(capsys, *db, "post-ship", "Virtual card at sign-up", "--window-weeks", "2")
    assert alias.stdout.splitlines()[-1] == "  verdict: not enough data"


def test_a_move_without_a_reason_or_to_the_same_place_is_refused(
    capsys: pytest.CaptureFixture[str], db: list[str]
) -> None:
    run_cli(capsys, *db, "roadmap", "new", "SSO", "--horizon", "later", "--by", MAYA,
            "--reason", "Enterprise asks")  # fmt: skip
    blank = run_cli(capsys, *db, "roadmap", "move", "SSO", "--to", "next", "--by", RACHEL,
                    "--reason", "  ")  # fmt: skip
    assert (blank.exit_code, blank.stderr) == (
        2, "error: --reason is required and must not be blank: say why it changes\n",
    )  # fmt: skip
    missing = run_cli(capsys, *db, "roadmap", "move", "SSO", "--to", "next", "--by", RACHEL)
    assert missing.exit_code == 2
    assert "--reason" in missing.stderr
    same = run_cli(capsys, *db, "roadmap", "move", "SSO", "--to", "later", "--by", RACHEL,
                   "--reason", "again")  # fmt: skip
    assert (same.exit_code, same.stderr) == (
        2, "error: 'SSO' is already in later at rank 1; nothing moved\n",
    )  # fmt: skip
    history = run_cli(capsys, *db, "roadmap", "history", "--item", "SSO")
    assert history.stdout.count("\n") == 1  # only its creation
    no_check = run_cli(capsys, *db, "post-ship", "SSO")
    assert no_check.stderr == (
        "error: no post-ship check for 'SSO': it names no metric "
        "(tradeoff roadmap new --metric NAME)\n"
    )


def test_the_board_in_every_format(capsys: pytest.CaptureFixture[str], db: list[str]) -> None:
    for title, column in (("Virtual card", "now"), ("Payouts", "2026Q3"), ("Dark mode", "now")):
        extra = ["--goal", "1"] if title != "Dark mode" else []
        run_cli(capsys, *db, "roadmap", "new", title, "--horizon", column, *extra, "--by", MAYA,
                "--reason", "planned")  # fmt: skip
    listed = json.loads(run_cli(capsys, *db, "roadmap", "--format", "json").stdout)
    assert [(i["title"], i["rank"]) for i in listed["columns"]["now"]] == [
        ("Virtual card", 1), ("Dark mode", 2),
    ]  # fmt: skip
    assert [i["title"] for i in listed["columns"]["2026Q3"]] == ["Payouts"]
    assert (listed["columns"]["later"], listed["unanchored"]) == ([], [3])
    rows = list(csv.reader(io.StringIO(run_cli(capsys, *db, "roadmap", "--format", "csv").stdout)))
    assert [(r[1], r[3], r[9]) for r in rows[1:]] == [
        ("now", "Virtual card", "yes"), ("now", "Dark mode", "no"), ("2026Q3", "Payouts", "yes"),
    ]  # fmt: skip
    table = run_cli(capsys, *db, "roadmap").stdout
    assert "UNANCHORED" in table
    assert table.rstrip().endswith("3  Dark mode  (now, asked by maya@ledgerly.example)")


def test_churn_prints_the_period_and_its_trend(
    capsys: pytest.CaptureFixture[str], db: list[str], workspace_url: str
) -> None:
    run_cli(capsys, *db, "roadmap", "new", "Payouts", "--horizon", "later", "--by", MAYA,
            "--reason", "Sales asks")  # fmt: skip
    for column in ("next", "later", "next"):
        moved = run_cli(capsys, *db, "roadmap", "move", "Payouts", "--to", column, "--by",
                        RACHEL, "--reason", "Deals")  # fmt: skip
        assert moved.exit_code == 0, moved.stderr
    today = date.today()
    shown = run_cli(capsys, *db, "churn", "--as-of", today.isoformat())
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    # 3 moves, 1 item, the days from the quarter's first day to today.
    start = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    days = (today - start).days + 1
    assert lines[1] == (
        f"  moves per item per week  {3 / 1 / (days / 7):.3f}  "
        f"(3 moves, 1 items, {days / 7:.1f} weeks)"
    )
    assert f"      3  {RACHEL}" in lines
    assert "    1 Payouts: 2 bounces (2 in " in shown.stdout
    assert lines[-5].startswith("Trend")
    bad = run_cli(capsys, *db, "churn", "--period", "Q3")
    assert (bad.exit_code, bad.stderr) == (
        2, "error: period: must be a quarter like 2026Q3, got 'Q3'\n",
    )  # fmt: skip


def test_a_decision_with_a_metric_and_ship_date_shows_the_check(
    capsys: pytest.CaptureFixture[str], db: list[str], workspace_url: str
) -> None:
    engine: Engine = open_engine(workspace_url)
    with write_session(engine) as session:
        repository.add(session, Decision(title="Ship virtual cards at sign-up", metric_id=1,
                                         shipped_on=SHIPPED))  # fmt: skip
    engine.dispose()
    shown = run_cli(capsys, *db, "decision", "1")
    assert shown.exit_code == 0, shown.stderr
    assert "  verdict: moved the way it should\n" in shown.stdout
    assert "mean 89.5 hours (n=4)" in shown.stdout
