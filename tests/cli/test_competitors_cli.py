"""``tradeoff competitors``, ``competitor``, ``scan-competitors``, ``competitor-merge``,
``competitor-split`` and ``competitor-rename``, run as a user would, read back from the
workspace."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.business.world import World, build_world
from tests.cli.helpers import run_cli
from tradeoff.analysis.business.competitor_scan_stamp import ScanFreshness
from tradeoff.analysis.business.competitors import competitor_profile, competitor_ranking
from tradeoff.cli.competitor_scan import BEHIND
from tradeoff.domain.deals import Competitor, DealCompetitor
from tradeoff.domain.enums import CompetitorRelation
from tradeoff.importers.registry import IMPORTERS, run
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

HOSTILE = "=2+3 [bold]x[/bold]"


@pytest.fixture
def world(engine: Engine) -> World:
    """The business world, plus a competitor whose name is a formula and rich markup."""
    built = build_world(engine)
    with write_session(engine) as session:
        hostile = repository.add(session, Competitor(name=HOSTILE))
        lost = next(d for d in built.deals if d.loss_reason and d.amount)
        assert hostile.id is not None
        assert lost.id is not None
        repository.add(
            session,
            DealCompetitor(
                deal_id=lost.id, competitor_id=hostile.id, relation=CompetitorRelation.LOST_TO
            ),
        )
    return built


def test_the_ranking_as_json_is_the_apis(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "competitors", "--format", "json")
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert document == [s.to_json() for s in competitor_ranking(engine)]
    assert set(document[0]) == {
        "id", "name", "kind", "aliases", "deals_met", "won", "lost", "open", "win_rate",
        "revenue_lost", "open_pipeline", "revenue_at_stake", "mentions", "disqualified",
        "lost_unpriced", "open_unpriced", "mentions_came_from", "mentions_leaving_for",
        "partner",
    }  # fmt: skip
    assert document[0]["revenue_at_stake"] == {
        "amount": "114450.00",
        "currency": "USD",
        "unconverted": {},
    }


def test_the_ranking_as_csv_neutralises_formulas(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "competitors", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["competitor"] for r in rows][:2] == ["Dynamics 365", "Zoho"]
    assert "'" + HOSTILE in [r["competitor"] for r in rows]
    spreadsheets = next(r for r in rows if r["competitor"] == "Spreadsheets")
    assert spreadsheets["unconverted"] == "open JPY 12000000.00"
    assert spreadsheets["win_rate"] == "0.5000"


def test_the_table_prints_customer_text_literally_and_says_how_it_ranks(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "competitors")
    assert HOSTILE in result.stdout  # markup printed as typed, never interpreted
    assert "Ranked by revenue at stake (lost + open pipeline), not by mentions." in result.stdout
    assert "6,000*" in result.stdout


def test_one_competitor_by_alias_in_any_case(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    world: World,
    tmp_path: Path,
) -> None:
    chart = tmp_path / "dynamics.svg"
    result = run_cli(
        capsys, "--db", workspace_url, "competitor", "msft DYNAMICS", "--format", "json",
        "--chart", str(chart),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout.split("chart written")[0])
    assert document == competitor_profile(engine, "Dynamics 365").to_json()
    assert document["segments"][0] == {
        "segment": "Mid-Market", "won": 0, "lost": 1, "open": 1, "loss_rate": 1.0,
    }  # fmt: skip
    assert chart.read_text(encoding="utf-8").startswith("<svg")
    table = run_cli(capsys, "--db", workspace_url, "competitor", "Zoho CRM")
    assert table.stdout.splitlines()[0] == "Zoho  [direct]  (also: Zoho CRM)"
    assert "win rate 0%" in table.stdout


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("microsoft dynamics crm", "Dynamics 365"),  # the key of alias "Microsoft Dynamics"
        ("Dynamics365", "Dynamics 365"),  # spacing
        ("dynamics", "Dynamics 365"),  # the only Dynamics known
        ("Zoho Inc", "Zoho"),  # a legal form, never part of a rival's name
        ("Spread-sheets", "Spreadsheets"),  # punctuation
        ("Goggle Sheets", "Spreadsheets"),  # a one-letter typo of an alias
    ],
)
def test_a_name_that_can_only_mean_one_competitor_shows_it(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World, typed: str, shown: str
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "competitor", typed)
    # The world's mentions come from no scan: the one line says so, nothing else.
    assert (result.exit_code, result.stderr.strip()) == (0, BEHIND[ScanFreshness.NEVER])
    assert result.stdout.splitlines()[0].startswith(f"{shown}  [")


def test_a_name_several_competitors_could_be_names_them_all(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    with write_session(engine) as session:
        repository.add(session, Competitor(name="Dynamics GP"))
    result = run_cli(capsys, "--db", workspace_url, "competitor", "dynamics")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        "error: no competitor called 'dynamics'; did you mean 'Dynamics 365', 'Dynamics GP'?\n"
    )
    # A merge acts on a name as stored, never on a reading of it.
    merge = run_cli(
        capsys, "--db", workspace_url, "competitor-merge", "Zoho Inc", "--into", "Dynamics GP"
    )
    assert merge.exit_code == 1
    assert merge.stderr == "error: no competitor called 'Zoho Inc'; did you mean 'Zoho'?\n"


def test_rows_without_csv_is_refused_not_ignored(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    for output in ((), ("--format", "json")):
        result = run_cli(
            capsys, "--db", workspace_url, "competitor", "Zoho", *output, "--rows", "losses"
        )
        assert (result.exit_code, result.stdout, result.stderr) == (
            2,
            "",
            "error: --rows goes with --format csv: the table and JSON show every part\n",
        ), output


def test_one_deal_and_one_account_are_said_in_the_singular(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "competitor", "Acme Agency")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "Acme Agency  [agency]\n"
        "met in 1 deal: won 0, lost 1, open 0; win rate 0%; named in 0 evidence items\n"
        "revenue at stake USD 50,000.00\n"
        "  lost to deals where present USD 50,000.00; open pipeline USD 0.00\n"
        "written as: Acme Agency ×1\n"
        "Segments (where they win is where we lose):\n"
        "  Mid-Market: loss rate 100% (lost 1 of 1 closed; 0 open)\n"
        "Why we lose to them (loss taxonomy):\n"
        "  status_quo: 1 deal, USD 50,000.00\n"
        "  (1 deal with no saved category classified for this view by the same rules; "
        "tradeoff classify-losses saves them)\n"
        "Themes customers raise when they are present:\n"
        "  3  Audit logs: 1 item from 1 account (0 name them)\n"
        "Quotes:\n"
        "  none: no evidence item names them\n"
        "By quarter (met by created date; won and lost by close date):\n"
        "  2026-Q2: met 1, won 0, lost 0\n"
        "  2026-Q3: met 0, won 0, lost 1\n"
    )


def test_an_unknown_competitor_is_one_line_naming_close_ones(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    world: World,
    tmp_path: Path,
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "competitor", "Zohar")
    assert result.exit_code == 1
    assert result.stderr == "error: no competitor called 'Zohar'; did you mean 'Zoho'?\n"
    ranked = tmp_path / "ranked.svg"
    drawn = run_cli(capsys, "--db", workspace_url, "competitors", "--chart", str(ranked))
    assert drawn.exit_code == 0, drawn.stderr
    closed = [s for s in competitor_ranking(engine) if s.won + s.lost]
    svg = ranked.read_text(encoding="utf-8")
    assert all(
        f"{s.name} ({s.won} of {s.won + s.lost})" in svg for s in closed if "<" not in s.name
    )
    bad_chart = run_cli(capsys, "--db", workspace_url, "competitors", "--chart", "out.txt")
    assert bad_chart.exit_code == 2
    assert len(bad_chart.stderr.splitlines()) == 1


def test_scan_merge_and_split_from_the_command_line(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    db = ("--db", workspace_url)
    first = run_cli(capsys, *db, "scan-competitors")
    assert first.stdout.splitlines()[:3] == [
        "scanned 14 evidence items: 1 mention added, 0 removed",
        "scanned the notes of 12 deals: 1 deal newly linked to a competitor",
        "new competitor: Status quo",
    ]
    merged = run_cli(capsys, *db, "competitor-merge", "zoho", "--into", "Dynamics 365")
    assert merged.stdout.startswith("merged into Dynamics 365: 1 deal and 1 mention moved")
    split = run_cli(
        capsys, *db, "competitor-split", "Dynamics 365", "--aliases", "Zoho, Zoho CRM",
        "--as", "Zoho",
    )  # fmt: skip
    assert split.stdout == "split into Zoho (direct): 1 deal and 1 mention moved\n"
    again = run_cli(capsys, *db, "scan-competitors")
    assert again.stdout.startswith("scanned 14 evidence items: 0 mentions added, 0 removed")
    zoho = competitor_profile(engine, "Zoho")
    assert (zoho.standing.aliases, zoho.standing.mentions) == (("Zoho CRM",), 1)
    missing = run_cli(capsys, *db, "competitor-merge", "Nobody", "--into", "Zoho")
    assert (missing.exit_code, missing.stderr.count("\n")) == (1, 1)
    renamed = run_cli(capsys, *db, "competitor-rename", "zoho crm", "--to", "Zoho One")
    assert renamed.stdout == "renamed 'zoho crm' to 'Zoho One'; aliases now Zoho, Zoho CRM\n"
    assert competitor_profile(engine, "Zoho One").standing.aliases == ("Zoho", "Zoho CRM")
    clash = run_cli(capsys, *db, "competitor-rename", "Zoho One", "--to", "dynamics 365")
    assert (clash.exit_code, clash.stderr) == (
        1,
        "error: 'dynamics 365' is a name of competitor 'Dynamics 365': "
        'tradeoff competitor-merge "Zoho One" --into "Dynamics 365"\n',
    )


def test_a_crm_only_workspace_says_why_themes_and_quotes_are_empty(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    """Deals imported, no evidence analysed yet: the empty sections name the next step."""
    deals = tmp_path / "hubspot-crm-exports-all-deals.csv"
    deals.write_text(
        '"Record ID","Deal Name","Deal Stage","Close Date","Amount","Create Date","Currency",'
        '"Associated Company (Primary)","Competitors"\n'
        '"901","Initech - Seats","Closed Lost","2026-03-01","12000","2026-02-01","USD",'
        '"Initech","Pipedrive"\n',
        encoding="utf-8",
    )
    run(engine, IMPORTERS["hubspot"], deals)
    result = run_cli(capsys, "--db", workspace_url, "competitor", "pipedrive")
    assert result.exit_code == 0, result.stderr
    shown = " ".join(result.stdout.split())
    assert (
        "Themes customers raise when they are present: none yet: no evidence from the accounts "
        "they met, or naming them, is filed in a theme (import tickets and notes, then run "
        "tradeoff analyze) Quotes: none: no evidence item names them"
    ) in shown


def test_a_competitor_s_page_names_the_rows_that_look_like_the_same_vendor(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    """A workspace imported before brands were read holds ADP's product lines apart."""
    with write_session(engine) as session:
        for name in ("ADP", "ADP Workforce Now", "ADP Run", "Deel"):
            repository.add(session, Competitor(name=name))
    result = run_cli(capsys, "--db", workspace_url, "competitor", "ADP")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[4] == (
        "maybe the same vendor: 'ADP Run', 'ADP Workforce Now'; to merge one: "
        'tradeoff competitor-merge "ADP Run" --into "ADP"'
    )
    # From the newer row's page the merge goes the same way: into the older row, as the
    # scan proposes it.
    line = run_cli(capsys, "--db", workspace_url, "competitor", "ADP Run").stdout.splitlines()[4]
    assert line == (
        "maybe the same vendor: 'ADP'; to merge one: "
        'tradeoff competitor-merge "ADP Run" --into "ADP"'
    )
