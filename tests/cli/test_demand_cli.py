"""``tradeoff demand`` and ``tradeoff currency``: the real CLI on the shared company."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from tests.business.test_subject_filed import _add_subjects
from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli
from tradeoff.analysis.business.demand import theme_demand
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme
from tradeoff.storage import demand_kept, repository
from tradeoff.storage.currency import rates
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import AccountRow, DemandKeptStateRow

AS_OF = TODAY.date().isoformat()


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def test_json_carries_the_api_figures(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "demand", "--as-of", AS_OF, "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    expected = [r.to_json() for r in theme_demand(engine, as_of=TODAY.date())]
    assert document == json.loads(json.dumps(expected))
    sso = next(t for t in document if t["name"] == "Single sign-on")
    assert sso["arr"] == {
        "amount": "240000.00",
        "currency": "USD",
        "unconverted": {"JPY": "30000000.00"},
        "records": 2,
        "unpriced": 0,
    }
    assert {"months", "quarters", "weighted_items", "stale", "renewals_90"} <= set(sso)


def test_the_table_marks_amounts_without_a_rate(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "demand", "--as-of", AS_OF, "--by", "segment")
    assert result.exit_code == 0, result.stderr
    assert "Enterprise" in result.stdout
    assert "240k*" in result.stdout  # Single sign-on's ARR: Acme's USD, and Granite's JPY apart
    assert "also amounts in JPY, which have no rate" in result.stdout


def test_show_lists_the_deals_behind_the_pipeline(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    sso = world.theme("Single sign-on").id
    args = ["--db", workspace_url, "demand", "--as-of", AS_OF, "--theme", str(sso)]
    result = run_cli(capsys, *args, "--show", "pipeline", "--format", "json")
    assert result.exit_code == 0, result.stderr
    names = [m["label"] for m in json.loads(result.stdout)]
    assert names == [
        "Acme Freight — Negotiation",
        "Granite Mining — Proposal",
        "Ironclad Security — Discovery",
    ]
    table = run_cli(capsys, *args, "--show", "pipeline")
    # The total of each currency apart, recounted from the JSON; the date column says what
    # date it is.
    totals: dict[str, Decimal] = {}
    for m in json.loads(result.stdout):
        totals[m["currency"]] = totals.get(m["currency"], Decimal(0)) + Decimal(m["amount"])
    summed = "; ".join(f"{c} {a:,.2f}" for c, a in sorted(totals.items()))
    assert len(totals) == 2  # USD and Granite's JPY: never added without a rate
    assert f"3 behind pipeline, totalling {summed} (each currency apart)" in table.stdout
    assert "created" in table.stdout.splitlines()[0]
    # Open deals have no close date: each is dated by its creation, as the world made it.
    created = {d.name: d.created_at.date().isoformat() for d in world.deals if d.name in names}
    assert {m["label"]: m["on"] for m in json.loads(result.stdout)} == created
    # Each deal as the CRM knows it, and whose it is, from the world's own records.
    accounts = {a.id: a.name for a in world.accounts}
    expected = {
        d.name: (d.source, d.external_id, accounts.get(d.account_id))
        for d in world.deals
        if d.name in names
    }
    shown = {
        m["label"]: (m["source"], m["external_id"], m["account"]) for m in json.loads(result.stdout)
    }
    assert shown == expected
    assert None not in {v for triple in expected.values() for v in triple}
    listed = list(csv.DictReader(io.StringIO(run_cli(capsys, *args, "--show", "pipeline",
                                                     "--format", "csv").stdout)))  # fmt: skip
    assert [(r["pipeline"], r["source"], r["external_id"], r["account"]) for r in listed] == [
        (name, *expected[name]) for name in names
    ]
    for name in names:
        source, external_id, account = expected[name]
        row = next(line for line in table.stdout.splitlines() if name[:20] in line)
        assert f"{source} {external_id}" in row
        assert account in row
    assert "whatever the deal's own reason" in table.stdout


def test_csv_neutralises_formulas_in_names(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    with write_session(engine) as session:
        theme = world.theme("Audit logs")
        theme.name = '=HYPERLINK("http://evil.example","x")'
        repository.update(session, theme)
    result = run_cli(capsys, "--db", workspace_url, "demand", "--as-of", AS_OF, "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 3
    assert {r["name"] for r in rows} >= {'\'=HYPERLINK("http://evil.example","x")'}
    sso = next(r for r in rows if r["name"] == "Single sign-on")
    assert sso["arr_unconverted"] == "JPY 30000000.00"  # cents, like every CSV amount


def test_an_unknown_breakdown_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "demand", "--by", "colour")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        "error: cannot break down by 'colour': use segment, plan, region, employees or "
        "attribute:KEY"
    ]
    bad_day = run_cli(capsys, "--db", workspace_url, "demand", "--as-of", "15/10/2026")
    assert bad_day.exit_code == 2
    missing = run_cli(capsys, "--db", workspace_url, "demand", "--show", "arr")
    assert missing.exit_code == 2


def test_a_missing_theme_is_not_found(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "demand", "--theme", "999")
    assert result.exit_code == 1
    assert "no active theme with id 999" in result.stderr


def test_the_chart_is_written(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World, tmp_path: Path
) -> None:
    path = tmp_path / "stake.svg"
    result = run_cli(
        capsys, "--db", workspace_url, "demand", "--as-of", AS_OF, "--chart", str(path)
    )
    assert result.exit_code == 0, result.stderr
    svg = path.read_text(encoding="utf-8")
    assert "<svg" in svg
    assert "Bulk export" in svg
    assert "no rate" in svg


def test_setting_a_rate_converts_what_was_reported_apart(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    listed = run_cli(capsys, "--db", workspace_url, "currency", "list")
    assert "base currency: USD" in listed.stdout
    assert "no rate for JPY" in listed.stdout
    result = run_cli(capsys, "--db", workspace_url, "currency", "set", "jpy", "0.0067")
    assert result.exit_code == 0, result.stderr
    with read_session(engine) as session:
        assert rates(session)["JPY"] == Decimal("0.0067")
    sso = next(r for r in theme_demand(engine, as_of=TODAY.date()) if r.name == "Single sign-on")
    assert sso.total.arr.total.complete
    assert sso.total.arr.total.amount == Decimal("240000") + Decimal("201000")
    assert "no rate" not in run_cli(capsys, "--db", workspace_url, "currency", "list").stdout
    removed = run_cli(capsys, "--db", workspace_url, "currency", "delete", "jpy")
    assert removed.exit_code == 0, removed.stderr
    assert "no rate for JPY" in run_cli(capsys, "--db", workspace_url, "currency", "list").stdout
    again = run_cli(capsys, "--db", workspace_url, "currency", "delete", "JPY")
    assert again.exit_code != 0
    assert again.stderr == "error: there is no rate for JPY\n"


def test_bad_rates_are_refused(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    for args in (["JPY", "lots"], ["JPY", "0"], ["USD", "2"], ["JPY", "NaN"]):
        result = run_cli(capsys, "--db", workspace_url, "currency", "set", *args)
        assert result.exit_code == 2, args
        assert result.stderr.startswith("error: ")


def test_deal_notes_filed_in_a_theme_make_their_account_cite_it(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    harbor = world.account("Harbor Bikes")
    theme = world.theme("Bulk export")
    with write_session(engine) as session:
        note = repository.add(
            session,
            EvidenceItem(
                source="salesforce",
                external_id="0060008:loss_reason",
                kind=EvidenceKind.DEAL_NOTE,
                text="Decided to keep using spreadsheets: no bulk export.",
                created_at=TODAY.replace(day=1),
                account_id=harbor.id,
            ),
        )
        assert note.id is not None
        assert theme.id is not None
        repository.add(session, EvidenceTheme(evidence_id=note.id, theme_id=theme.id))
    args = ["--db", workspace_url, "demand", "--as-of", AS_OF, "--theme", str(theme.id)]
    lost = json.loads(run_cli(capsys, *args, "--show", "lost", "--format", "json").stdout)
    # Harbor's loss closed 100 days ago; its note came long after: not a cause of the loss.
    assert "Harbor Bikes — Closed Lost" not in [m["label"] for m in lost]
    accounts = json.loads(run_cli(capsys, *args, "--show", "accounts", "--format", "json").stdout)
    assert "Harbor Bikes" in [m["label"] for m in accounts]


@pytest.mark.parametrize(
    ("kind", "next_step"),
    [
        (
            "theme",
            "No themes yet: import evidence (tradeoff import ...), then run tradeoff analyze.",
        ),
        ("problem", "No problems yet: write one with tradeoff problem new."),
        ("opportunity", "No opportunities yet: add one with tradeoff opportunity new."),
    ],
)
def test_an_empty_workspace_says_what_to_do_next(
    capsys: pytest.CaptureFixture[str], workspace_url: str, kind: str, next_step: str
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "demand", "--of", kind)
    assert result.exit_code == 0, result.stderr
    assert " ".join(result.stdout.split()) == next_step


def test_a_breakdown_of_problems_is_kept_on_its_first_reading(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In a large workspace (here: a test world told it is one) the first reading keeps
    the breakdown and says so on stderr; the next reads it and prints the same figures."""
    _add_subjects(engine, world)
    monkeypatch.setattr(demand_kept, "KEEP_FROM_ITEMS", 1)
    args = ["--db", workspace_url, "demand", "--of", "problem", "--by", "segment"]
    args += ["--as-of", AS_OF, "--format", "json"]
    first = run_cli(capsys, *args)
    assert first.exit_code == 0, first.stderr
    assert "kept problems by segment" in first.stderr
    second = run_cli(capsys, *args)
    assert second.exit_code == 0, second.stderr
    assert "kept" not in second.stderr
    assert second.stdout == first.stdout
    document = json.loads(first.stdout)
    assert sum(len(p["groups"]) for p in document) > len(document)
    with read_session(engine) as session:
        states = session.scalars(select(DemandKeptStateRow.dimension)).all()
    assert states == ["segment"]


@pytest.mark.parametrize(
    ("argv", "day"),
    [
        (["demand"], "9999-12-31"),
        (["demand", "--of", "problem"], "9999-09-01"),
        (["demand", "--trend", "money"], "9999-12-31"),
        (["demand", "--trend", "money", "--periods", "12"], "0001-03-01"),
    ],
)
def test_a_day_at_the_calendars_ends_is_refused_in_one_line(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    world: World,
    argv: list[str],
    day: str,
) -> None:
    """Windows and periods reach past such a day: one line saying which days are asked
    for, not an internal error."""
    result = run_cli(capsys, "--db", workspace_url, *argv, "--as-of", day)
    assert result.exit_code == 2, result.stdout
    assert result.stderr.strip().splitlines() == [
        f"error: --as-of must be between 1900-01-01 and 2999-12-31, got '{day}'"
    ]


def test_an_attribute_no_account_has_is_refused_with_the_keys_there_are(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    with write_session(engine) as session:
        for n, account in enumerate(session.scalars(select(AccountRow).order_by(AccountRow.id))):
            account.attributes = {"Industry": ("Retail", "Health")[n % 2], "tier": "gold"}
    args = ["--db", workspace_url, "demand", "--as-of", AS_OF, "--by"]
    typo = run_cli(capsys, *args, "attribute:industry")
    assert typo.exit_code == 2, typo.stdout
    assert typo.stderr.strip().splitlines() == [
        "error: no account has the attribute 'industry': did you mean attribute:Industry? "
        "the accounts' attributes: Industry, tier; their own fields: segment, plan, region, "
        "employees"
    ]
    unknown = run_cli(capsys, *args, "attribute:Nope", "--of", "problem")
    assert unknown.exit_code == 2
    assert "the accounts' attributes: Industry, tier" in unknown.stderr
    found = run_cli(capsys, *args, "attribute:Industry", "--format", "json")
    assert found.exit_code == 0, found.stderr
    groups = {g["group"] for t in json.loads(found.stdout) for g in t["groups"]}
    assert groups >= {"Retail", "Health"}
