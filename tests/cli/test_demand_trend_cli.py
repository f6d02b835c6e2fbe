"""``tradeoff demand --trend money``: one subject's lost, pipeline and churned money per
month or quarter, as table, JSON and CSV, and clear one-line errors."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli
from tests.cli.test_money_never_zero import table as cells_by_row
from tradeoff.analysis.business.money_trends import money_trends
from tradeoff.storage.demand import SubjectKind

AS_OF = TODAY.date().isoformat()


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def test_json_is_the_apis_trend_and_csv_its_rows(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    sso = world.theme("Single sign-on").id
    assert sso is not None
    args = ("--db", workspace_url, "demand", "--trend", "money", "--theme", str(sso))
    result = run_cli(capsys, *args, "--quarterly", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    expected = money_trends(engine, SubjectKind.THEME, sso, quarterly=True, as_of=TODAY.date())
    assert json.loads(result.stdout) == json.loads(json.dumps(expected.to_json()))
    table = run_cli(capsys, *args, "--as-of", AS_OF, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(table.stdout)))
    monthly = money_trends(engine, SubjectKind.THEME, sso, as_of=TODAY.date())
    assert len(rows) == sum(len(t.periods) for t in monthly.trends)
    for trend in monthly.trends:
        mine = [r for r in rows if r["figure"] == trend.figure.value]
        assert [(r["period"], Decimal(r["amount"]), int(r["records"])) for r in mine] == [
            (p.period, p.amount.amount.quantize(Decimal("0.01")), p.records) for p in trend.periods
        ]
    assert any(r["unconverted"] == "JPY 12000000.00" for r in rows)  # no rate: kept apart
    shown = run_cli(capsys, *args, "--as-of", AS_OF).stdout
    assert f"(month {AS_OF[:7]} runs only to {AS_OF})" in " ".join(shown.split())
    assert "runs only to" not in run_cli(capsys, *args, "--as-of", "2026-09-30").stdout
    assert "Money trend of theme" in shown
    assert "lost (close date)" in shown
    # July's new pipeline is JPY only (no rate): said so, never "0*", so no star to explain.
    assert cells_by_row(shown)["2026-07"]["pipeline (created date)"] == "JPY 12M (no rate)"
    assert "* also amounts in JPY" not in shown


def test_csv_writes_a_fall_as_a_number_like_every_other_csv(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    sso = world.theme("Single sign-on").id
    args = ("--db", workspace_url, "demand", "--trend", "money", "--as-of", AS_OF)
    one = run_cli(capsys, *args, "--theme", str(sso), "--format", "csv")
    assert one.exit_code == 0, one.stderr
    lines = one.stdout.split("\r\n")
    assert lines[0] == TREND_CSV_HEADER
    for line in (
        f"theme,{sso},Single sign-on,lost,close date,2026-07,0.00,USD,,0,-16200.00,0,True",
        f"theme,{sso},Single sign-on,pipeline,created date,2026-07,0.00,USD,JPY 12000000.00,1,"
        "0.00,0,False",  # no figure in USD: no change known either
        f"theme,{sso},Single sign-on,pipeline,created date,2026-10,0.00,USD,,0,-70000.00,0,True",
    ):
        assert line in lines
    every = run_cli(capsys, *args, "--format", "csv")
    assert every.exit_code == 0, every.stderr
    assert "theme,3,Audit logs,lost,close date,2026-09,0.00,USD,,0,-50000.00,0,True" in every.stdout
    for output in (one.stdout, every.stdout):
        assert output.count("\r\n") == output.count("\n")  # RFC 4180 line ends
        changes = [Decimal(r["change"]) for r in csv.DictReader(io.StringIO(output))]
        assert min(changes) < 0


TREND_CSV_HEADER = (
    "kind,id,name,figure,dated_by,period,amount,currency,unconverted,records,change,unpriced,"
    "change_known"
)


def test_show_csv_writes_amounts_like_every_other_csv(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    sso = world.theme("Single sign-on").id
    args = ("--db", workspace_url, "demand", "--theme", str(sso), "--as-of", AS_OF)
    listed = json.loads(run_cli(capsys, *args, "--show", "pipeline", "--format", "json").stdout)
    result = run_cli(capsys, *args, "--show", "pipeline", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "id,pipeline,amount,currency,date,source,external_id,account\r\n" + (
        "".join(
            f"{m['id']},{m['label']},{Decimal(m['amount']):.2f},{m['currency']},{m['on']},"
            f"{m['source']},{m['external_id']},{m['account']}\r\n"
            for m in listed
        )
    )
    assert [Decimal(m["amount"]) for m in listed] == [80000, 12000000, 70000]
    assert all(m["on"] for m in listed)  # an open deal is dated by its creation


def test_show_with_a_period_lists_one_cell(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    sso = world.theme("Single sign-on").id
    assert sso is not None
    monthly = money_trends(engine, SubjectKind.THEME, sso, as_of=TODAY.date())
    lost = next(t for t in monthly.trends if t.figure.value == "lost")
    cell = next(p for p in lost.periods if p.records)
    args = ("--db", workspace_url, "demand", "--theme", str(sso), "--show", "lost")
    result = run_cli(capsys, *args, "--period", cell.period, "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)
    assert len(listed) == cell.records
    assert {r["on"][:7] for r in listed} == {cell.period}
    # Each deal as the CRM knows it, and whose it is, as without --period.
    deals = {d.name: d for d in world.deals}
    accounts = {a.id: a.name for a in world.accounts}
    assert [(r["source"], r["external_id"], r["account"]) for r in listed] == [
        (deals[r["label"]].source, deals[r["label"]].external_id,
         accounts[deals[r["label"]].account_id])
        for r in listed
    ]  # fmt: skip
    table = run_cli(capsys, *args, "--period", cell.period, "--as-of", AS_OF).stdout
    assert "close date" in table
    first = deals[listed[0]["label"]]
    assert f"{first.source} {first.external_id}" in table


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--figure", "lost"), "error: --figure goes with --trend money"),
        (("--quarterly",), "error: --quarterly goes with --trend money"),
        (("--trend", "money", "--theme", "999"), "error: no active theme with id 999"),
        (("--period", "2026-09"), "error: --period goes with --show lost, pipeline or churned"),
        (
            ("--theme", "1", "--show", "arr", "--period", "2026-09"),
            "error: a money trend has lost, pipeline, churned, not arr",
        ),
        (
            ("--theme", "1", "--show", "lost", "--period", "Sept"),
            "error: a period is a month (2026-09) or a quarter (2026-Q3), not 'Sept'",
        ),
    ],
)
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    world: World,
    args: tuple[str, ...],
    message: str,
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "demand", *args)
    assert result.exit_code != 0
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
