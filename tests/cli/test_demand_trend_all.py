"""``tradeoff demand --trend money`` with no subject: one figure of every subject per month
or quarter, as table, JSON and CSV; ``--figure`` with one subject; and ``--chart`` of
either, a valid SVG or PNG whose customer text stays text."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ElementTree
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, update

from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli
from tradeoff.analysis.business.money_trends_all import money_trends_all
from tradeoff.storage.demand import Figure, SubjectKind
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import DealRow, ThemeRow

AS_OF = TODAY.date().isoformat()
HOSTILE = '<script>alert("x")</script> SSO'
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def trend(capsys: pytest.CaptureFixture[str], url: str, *args: str) -> str:
    result = run_cli(capsys, "--db", url, "demand", "--trend", "money", "--as-of", AS_OF, *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_json_is_the_apis_and_csv_its_cells(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    document = json.loads(
        trend(capsys, workspace_url, "--figure", "pipeline", "--periods", "9", "--format", "json")
    )
    expected = money_trends_all(
        engine, SubjectKind.THEME, Figure.PIPELINE, periods=9, as_of=TODAY.date()
    )
    assert document == json.loads(json.dumps(expected.to_json()))
    assert document["periods"][-1] == "2026-10"
    assert len(document["periods"]) == 9
    assert {"earlier", "later", "undated"} <= set(document["subjects"][0])
    shown = trend(capsys, workspace_url, "--quarterly", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(shown)))
    quarterly = money_trends_all(engine, SubjectKind.THEME, quarterly=True, as_of=TODAY.date())
    assert quarterly.figure is Figure.LOST
    assert [(r["id"], r["period"], Decimal(r["amount"]), int(r["records"])) for r in rows] == [
        (str(s.id), p.period, p.amount.amount.quantize(Decimal("0.01")), p.records)
        for s in quarterly.rows
        for p in s.periods
    ]
    assert {r["figure"] for r in rows} == {"lost"}
    assert len({r["period"] for r in rows}) == 4


def test_the_table_ranks_subjects_and_says_what_it_left_out(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    found = money_trends_all(engine, SubjectKind.THEME, Figure.LOST, as_of=TODAY.date())
    shown = trend(capsys, workspace_url)
    assert "Lost per month (close date) of every theme, to 2026-10-15" in shown
    for label in found.labels:
        assert label in shown
    positions = [shown.index(row.name) for row in found.rows]
    assert positions == sorted(positions)
    assert found.left_out == 1  # Bulk export: its lost deal closed in March
    assert "1 theme with no lost money in these months left out" in shown
    problems = trend(capsys, workspace_url, "--of", "problem", "--figure", "churned")
    assert "No problem has churned money in these months." in problems


def test_one_undated_record_is_said_in_the_singular(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    """Dunmore Legal's lost deal loses its close date: it is in no month, and one is one."""
    with write_session(engine) as session:
        session.execute(
            update(DealRow).where(DealRow.external_id == "0060004").values(closed_at=None)
        )
    shown = trend(capsys, workspace_url).splitlines()
    assert "1 record with no close date is in no month (see --format json)" in shown
    assert "1 theme with no lost money in these months left out" in shown


@pytest.mark.parametrize(
    ("as_of", "quarterly", "said"),
    [
        ("2026-10-15", False, "(month 2026-10 runs only to 2026-10-15)"),
        ("2026-10-31", False, None),  # October is over
        ("2026-10-31", True, "(quarter 2026-Q4 runs only to 2026-10-31)"),
        ("2026-12-31", True, None),
    ],
)
def test_a_last_period_still_filling_is_said(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    world: World,
    as_of: str,
    quarterly: bool,
    said: str | None,
) -> None:
    args = ["--db", workspace_url, "demand", "--trend", "money", "--as-of", as_of]
    result = run_cli(capsys, *args, *(["--quarterly"] if quarterly else []))
    assert result.exit_code == 0, result.stderr
    shown = " ".join(result.stdout.split())  # the note may wrap at the terminal's width
    if said is None:
        assert "runs only to" not in shown
    else:
        assert said in shown


def test_figure_keeps_one_column_of_one_subject(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    sso = world.theme("Single sign-on").id
    document = json.loads(
        trend(capsys, workspace_url, "--theme", str(sso), "--figure", "churned", "--format", "json")
    )
    assert [t["figure"] for t in document["trends"]] == ["churned"]
    everything = json.loads(trend(capsys, workspace_url, "--theme", str(sso), "--format", "json"))
    assert document["trends"] == [t for t in everything["trends"] if t["figure"] == "churned"]


@pytest.mark.parametrize("suffix", [".svg", ".png"])
@pytest.mark.parametrize("one_subject", [False, True])
def test_chart_is_written_and_names_stay_text(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    world: World,
    tmp_path: Path,
    suffix: str,
    one_subject: bool,
) -> None:
    sso = world.theme("Single sign-on").id
    with write_session(engine) as session:
        session.execute(update(ThemeRow).where(ThemeRow.id == sso).values(name=HOSTILE))
    path = tmp_path / f"trend{suffix}"
    # Largest over the window first: Audit logs (50k in August), Bulk export, then SSO.
    subject = ("--theme", str(sso)) if one_subject else ("--periods", "12")
    result = run_cli(
        capsys, "--db", workspace_url, "demand", "--trend", "money", "--as-of", "2026-08-31",
        *subject, "--chart", str(path), "--format", "json",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)  # the chart's note went to stderr: stdout stays parseable
    assert f"chart written to {path}" in result.stderr
    data = path.read_bytes()
    if suffix == ".png":
        assert data.startswith(PNG_MAGIC)
        return
    svg = data.decode("utf-8")
    root = ElementTree.fromstring(svg)  # noqa: S314 - our own output, parsed to prove it is XML
    assert root.tag.endswith("svg")
    assert "<script" not in svg
    texts = " ".join(e.text or "" for e in root.iter() if e.tag.endswith("text"))
    assert "<script>" in texts  # the name, unescaped by the parser: it was text, not markup
    if one_subject:
        assert {"lost", "pipeline", "churned"} <= set(texts.split())
    else:  # the legend lists the subjects by rank, as the table does
        ranked = money_trends_all(engine, SubjectKind.THEME, periods=12, as_of=date(2026, 8, 31))
        labels = [f"(#{r.id})" for r in ranked.rows]
        totals = {r.name: sum(p.amount.amount for p in r.periods) for r in ranked.rows}
        assert [r.name for r in ranked.rows] == sorted(totals, key=lambda n: -totals[n])
        assert [r.name for r in ranked.rows] == ["Audit logs", "Bulk export", HOSTILE]
        assert sorted(labels, key=texts.index) == labels


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--periods", "3"), "error: --periods goes with --trend money"),
        (
            ("--trend", "money", "--theme", "1", "--periods", "3"),
            "error: --periods goes with --trend money of every subject, not of one",
        ),
        (("--trend", "money", "--periods", "0"), "error: --periods must be from 1 to 120, not 0"),
        (("--trend", "money", "--chart", "trend.gif"), "error: a chart is written as .svg or"),
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
