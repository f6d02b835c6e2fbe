"""``tradeoff sales``, ``loss-reasons``, ``loss-reason`` and ``classify-losses`` as a user runs
them: the workspace's own figures, safe CSV, one-line errors, and corrections that stick."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.domain.enums import DealOutcome, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.importers.registry import IMPORTERS, run
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

#: What --rows away from --format csv says, rather than being silently ignored.
ROWS_ALONE = "--rows goes with --format csv: the table and JSON show every part"


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def test_sales_json_is_the_python_apis_picture(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "sales", "--by", "owner", "--format", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["classified_now"] == 6  # the first run classifies the lost deals
    picture = sales_picture(engine, "owner")
    assert picture.classified_now == 0  # ... and a second one finds nothing new
    assert {**document, "classified_now": 0} == picture.to_json()
    assert set(document) == {
        "base_currency", "overall", "breakdown", "cycle_time", "average_won_deal",
        "open_pipeline", "win_signals", "win_signals_left_out", "objections", "loss_reasons",
        "data_notes", "classified_now", "classified_on_the_fly", "disqualified",
    }  # fmt: skip
    assert document["classified_on_the_fly"] == 0  # the command saved them first
    owners = {r["key"]: (r["won"], r["lost"]) for r in document["breakdown"]["rows"]}
    expected = {
        o: (
            sum(d.owner == o and d.outcome is DealOutcome.WON for d in world.deals),
            sum(d.owner == o and d.outcome is DealOutcome.LOST for d in world.deals),
        )
        for o in {d.owner for d in world.deals if d.owner}
    }
    assert owners == expected
    assert document["overall"]["win_rate"] == round(3 / 9, 4)


def test_sales_table_shows_counts_with_rates_and_data_notes(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "sales")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "closed 9: won 3, lost 6; win rate 33% (3/9)" in out
    assert "100% (2/2)" in out  # Enterprise: the sample size beside the rate
    assert "pipeline USD 150,000.00 + JPY 12,000,000.00 (no rate)" in out
    assert "Did not trust a vendor this young" in out
    # Grouped by wording, each objection is what they said: no column repeating it.
    assert "(grouped by normalised text)" in out
    assert "as they said it" not in out
    assert "– (no amount)" in out
    assert "Data notes:" in out
    assert "1 closed deal has no amount" in out


def test_sales_csv_is_the_breakdown_with_formulas_neutralised(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    with write_session(engine) as session:
        cobalt = next(d for d in world.deals if d.external_id == "0060003")
        repository.update(session, replace(cobalt, owner='=HYPERLINK("http://x","y")'))
    result = run_cli(capsys, "--db", workspace_url, "sales", "--by", "owner", "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[0][:7] == ["by", "value", "won", "lost", "closed", "open", "win_rate"]
    assert '\'=HYPERLINK("http://x","y")' in [r[1] for r in rows[1:]]
    assert not any(r[1].startswith("=") for r in rows[1:])
    assert sum(int(r[4]) for r in rows[1:]) == 9


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("sales", "--by", "colour"), "error: --by must be one of segment, quarter, owner"),
        (("loss-reason", "0060003", "--category", "vibes"), "error: --category must be one of"),
        (("loss-reason", "nope", "--category", "price_budget"), "error: no deal with id"),
        (("sales", "--rows", "objections"), f"error: {ROWS_ALONE}\n"),
        (("sales", "--format", "json", "--rows", "breakdown"), f"error: {ROWS_ALONE}\n"),
    ],
)
def test_bad_input_is_one_line(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    world: World,
    args: tuple[str, ...],
    message: str,
) -> None:
    result = run_cli(capsys, "--db", workspace_url, *args)
    assert result.exit_code == (1 if "no deal" in message else 2)
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1
    assert result.stdout == ""


def test_csv_objections_are_still_chosen_with_rows(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(
        capsys, "--db", workspace_url, "sales", "--format", "csv", "--rows", "objections"
    )
    assert result.exit_code == 0, result.stderr
    assert next(csv.reader(io.StringIO(result.stdout)))[:3] == [
        "objection", "deals", "deals_with_amount",
    ]  # fmt: skip


def test_one_deal_is_said_in_the_singular(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    """One won, one lost and one open deal: every count in the picture agrees with it."""
    deals = tmp_path / "hubspot-crm-exports-all-deals.csv"
    deals.write_text(
        '"Record ID","Deal Name","Deal Stage","Amount","Currency","Close Date","Create Date"\n'
        '"1","Acme - New","Closed won","1000","USD","2026-02-01","2026-01-01"\n'
        '"2","Beta - New","Closed lost","2000","USD","2026-02-11","2026-01-01"\n'
        '"3","Gamma - New","Demo","3000","USD","","2026-01-01"\n',
        encoding="utf-8",
    )
    run(engine, IMPORTERS["hubspot"], deals)
    result = run_cli(capsys, "--db", workspace_url, "sales")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[:4] == [
        "Sales picture (money in USD)",
        "closed 2: won 1, lost 1; win rate 50% (1/2); open 1 deal, pipeline USD 3,000.00",
        "median cycle: won 31.0 days (1 deal), lost 41.0 days (1 deal)",
        "average won deal: USD 1,000.00 over 1 deal",
    ]
    again = run_cli(capsys, "--db", workspace_url, "classify-losses")
    assert again.stdout == "1 lost deal read, 0 classifications written, 0 corrections kept\n"


def test_a_correction_from_the_cli_sticks(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    first = run_cli(capsys, "--db", workspace_url, "classify-losses")
    assert first.stdout == "6 lost deals read, 6 classifications written, 0 corrections kept\n"
    said = run_cli(
        capsys, "--db", workspace_url, "loss-reason", "0060011", "--category", "Alignment"
    )
    assert said.exit_code == 0, said.stderr
    assert said.stdout == (
        "deal 12 (salesforce 0060011, Juniper Foods — Closed Lost): alignment "
        "(was status_quo, by model)\n"
    )
    again = run_cli(capsys, "--db", workspace_url, "classify-losses")
    assert again.stdout == "6 lost deals read, 0 classifications written, 1 correction kept\n"
    listed = json.loads(
        run_cli(capsys, "--db", workspace_url, "loss-reasons", "--format", "json").stdout
    )
    assert [(c["external_id"], c["category"]) for c in listed["corrections"]] == [
        ("0060011", "alignment")
    ]
    alignment = next(c for c in listed["categories"] if c["category"] == "alignment")
    assert (alignment["deals"], alignment["corrected"]) == (1, 1)
    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT category, assigned_by FROM loss_classifications WHERE deal_id = 12")
        ).one()
    assert tuple(stored) == ("alignment", "person")
    table = run_cli(capsys, "--db", workspace_url, "loss-reasons").stdout
    assert "Corrections" in table
    assert "Lost to an agency that builds it for them" in table


def test_loss_reasons_csv_lists_every_category(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "loss-reasons", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 10  # the eight categories, disqualified and unclassified
    assert sum(int(r["deals"]) for r in rows) == 6
    status_quo = next(r for r in rows if r["category"] == "status_quo")
    assert (status_quo["deals"], status_quo["lost_revenue"]) == ("2", "56000.00")


def test_a_categorys_deals_show_amounts_grouped_as_every_table_does(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World, engine: Engine
) -> None:
    """A QA tester read "AUD 1392000.00" in this table beside "1.4M" and "24,000" in the
    others: amounts are grouped here too; the CSV keeps plain digits for scripts."""
    result = run_cli(capsys, "--db", workspace_url, "loss-reasons", "--category", "status_quo")
    table = " ".join(result.stdout.split())
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT d.currency, d.amount FROM deals d JOIN loss_classifications c "
                "ON c.deal_id = d.id WHERE lower(c.category) = 'status_quo'"
            )
        ).all()
    assert rows
    for currency, amount in rows:
        assert f"{currency} {float(amount):,.2f}" in table
        assert f"{currency} {float(amount):.2f}" not in table or float(amount) < 1000
    listed = csv.DictReader(
        io.StringIO(
            run_cli(
                capsys, "--db", workspace_url, "loss-reasons", "--category", "status_quo",
                "--format", "csv",
            ).stdout
        )
    )  # fmt: skip
    assert sorted(r["amount"] for r in listed) == sorted(f"{float(a):.2f}" for _, a in rows)


def test_chart_draws_win_rate_by_quarter_and_keeps_json_clean(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World, tmp_path: Path
) -> None:
    chart = tmp_path / "win-rate.svg"
    result = run_cli(
        capsys, "--db", workspace_url, "sales", "--format", "json", "--chart", str(chart)
    )
    assert result.exit_code == 0, result.stderr
    json.loads(result.stdout)
    assert "chart written to" in result.stderr
    svg = chart.read_text(encoding="utf-8")
    assert svg.startswith("<svg")
    assert "Win rate by quarter" in svg
    # Each quarter carries its count, recounted from the JSON's own quarters.
    quarters = json.loads(run_cli(capsys, "--db", workspace_url, "sales", "--by", "quarter",
                                  "--format", "json").stdout)["breakdown"]["rows"]  # fmt: skip
    q3 = next(q for q in quarters if q["key"] == "2026-Q3")
    assert f"2026-Q3 ({q3['won']} of {q3['won'] + q3['lost']})" in svg
    bad = run_cli(capsys, "--db", workspace_url, "sales", "--chart", str(tmp_path / "c.gif"))
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: a chart is written as")


def test_language_and_praise_themes_are_named_but_not_compared(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    """Acme (won) writes in Spanish and praises support; Cobalt (lost) praises support too.
    Neither theme is a win signal; both are named under the tables and in the JSON, and the
    themes that are topics keep their counts, recounted from the world's deals."""
    said = [
        ("Acme Freight", "in Spanish · nómina · error", "El cálculo de la nómina no es correcto."),
        ("Acme Freight", "support · great · team", "Your support team is fantastic, thanks!"),
        ("Cobalt Retail", "support · great · team", "Great customer service, always helpful."),
    ]
    with write_session(engine) as session:
        made: dict[str, int] = {}
        for n, (account, name, text_) in enumerate(said):
            if name not in made:
                made[name] = repository.add(session, Theme(name=name)).id or 0
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk", external_id=f"t{n}", kind=EvidenceKind.TICKET, text=text_,
                    created_at=TODAY, account_id=world.account(account).id,
                ),
            )  # fmt: skip
            repository.add(session, EvidenceTheme(evidence_id=item.id or 0, theme_id=made[name]))
    found = run_cli(capsys, "--db", workspace_url, "sales", "--format", "json")
    document = json.loads(found.stdout)
    compared = {s["value"] for s in document["win_signals"] if s["attribute"] == "theme"}
    assert compared == {"Bulk export", "Single sign-on", "Audit logs"}
    assert [(t["name"], t["reason"]) for t in document["win_signals_left_out"]] == [
        ("in Spanish · nómina · error", "language"),
        ("support · great · team", "praise"),
    ]
    bulk = next(s for s in document["win_signals"] if s["value"] == "Bulk export")
    citing = {e.account_id for e in world.evidence if e.id in {
        link.evidence_id for link in world.links if link.theme_id == world.theme("Bulk export").id
    }}  # fmt: skip
    counted = [d for d in world.deals if d.outcome in (DealOutcome.WON, DealOutcome.LOST)]
    assert (bulk["won_with"], bulk["lost_with"]) == (
        sum(d.outcome is DealOutcome.WON and d.account_id in citing for d in counted),
        sum(d.outcome is DealOutcome.LOST and d.account_id in citing for d in counted),
    )
    table = run_cli(capsys, "--db", workspace_url, "sales").stdout
    assert "Themes not compared: " in table
    assert '"in Spanish · nómina · error" (language: their items share a language' in table
