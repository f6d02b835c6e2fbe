"""A CRM import files lost deals that were never real (a duplicate, spam, a test) as
``disqualified`` in the same transaction, says how many in its summary, and never touches a
person's correction either way on a later import."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import run_cli
from tests.importers.test_crm_classifies_losses import MUELLER_ID, stored
from tests.importers.test_salesforce import ACCOUNTS, GARNIER, MAP, MUELLER, opportunities, write
from tradeoff.analysis.business.loss_taxonomy import correct_loss
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.domain.enums import LossCategory
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter

GARNIER_ID = "0065g0000SIVwwIAQT"
GARNIER_REASON = (
    "Procurement uneasy about a young fintech holding payroll funds; stayed with Fernbank."
)
MUELLER_REASON = '=HYPERLINK(""http://x"",""Zoë"")'
#: A third lost opportunity, closed as a duplicate of Garnier's.
COPY_ID = "0065g0000SIVwxXAQT"
COPY = (
    f'"{COPY_ID}","Transports Garnier - New Business (copy)","0015g0000SIvi58AQB",'
    '"Closed Lost","23200.0","EUR","2025-11-05","2025-10-07T08:00:00.000Z","true","false",'
    '"New Business","Event","0055g0000SIZQpzAQH","","","Duplicate Opportunity","","Fernbank"'
)
NOTE = (
    "1 lost deal read as disqualified (duplicate, spam, test, unqualified): left out of win "
    "rates and lost revenue; list: tradeoff loss-reasons --category disqualified"
)


def lost_in_sql(engine: Engine) -> int:
    """Lost deals that count, recounted with plain SQL."""
    with engine.connect() as connection:
        return int(
            connection.execute(
                text(
                    "SELECT count(*) FROM deals d WHERE d.outcome = 'lost' AND NOT EXISTS "
                    "(SELECT 1 FROM loss_classifications c WHERE c.deal_id = d.id "
                    "AND c.category = 'disqualified')"
                )
            ).scalar_one()
        )


def test_an_import_files_never_real_deals_and_says_so(ledgerly: Engine, tmp_path: Path) -> None:
    run(ledgerly, SalesforceImporter(), write(tmp_path / "accounts.csv", ACCOUNTS))
    report = run(
        ledgerly,
        SalesforceImporter(),
        opportunities(tmp_path / "week1", GARNIER, MUELLER, COPY),
        columns=MAP,
    )
    assert NOTE in report.deal_notes
    assert stored(ledgerly)[COPY_ID] == (LossCategory.DISQUALIFIED.value, "model")
    picture = sales_picture(ledgerly)
    assert picture.losses.on_the_fly == 0  # the import filed every lost deal
    assert picture.overall.lost == lost_in_sql(ledgerly) == 2


def test_corrections_either_way_stick_across_a_reimport(ledgerly: Engine, tmp_path: Path) -> None:
    run(ledgerly, SalesforceImporter(), write(tmp_path / "accounts.csv", ACCOUNTS))
    first = opportunities(tmp_path / "week1", GARNIER, MUELLER, COPY)
    run(ledgerly, SalesforceImporter(), first, columns=MAP)
    # The "duplicate" was a real deal after all; Müller's renewal was a test record.
    correct_loss(ledgerly, COPY_ID, LossCategory.PRICE_BUDGET)
    correct_loss(ledgerly, MUELLER_ID, LossCategory.DISQUALIFIED)
    assert lost_in_sql(ledgerly) == 2
    # The next export changes every amount: each deal is updated and re-classified.
    week2 = opportunities(
        tmp_path / "week2",
        *(row.replace('"23200.0"', '"24000.0"').replace('"4800.0"', '"5000.0"') for row in
          (GARNIER, MUELLER, COPY)),
    )  # fmt: skip
    report = run(ledgerly, SalesforceImporter(), week2, columns=MAP)
    assert report.by_entity["deals"]["updated"] == 3
    assert stored(ledgerly) == {
        GARNIER_ID: (LossCategory.STATUS_QUO.value, "model"),
        MUELLER_ID: (LossCategory.DISQUALIFIED.value, "person"),
        COPY_ID: (LossCategory.PRICE_BUDGET.value, "person"),
    }
    picture = sales_picture(ledgerly)
    assert picture.overall.lost == lost_in_sql(ledgerly) == 2
    assert picture.losses.left_out is not None
    assert picture.losses.left_out.deals == 1


def test_the_cli_prints_the_note(
    capsys: pytest.CaptureFixture[str], workspace_url: str, tmp_path: Path
) -> None:
    accounts = write(tmp_path / "accounts.csv", ACCOUNTS)
    assert (
        run_cli(capsys, "--db", workspace_url, "import", "salesforce", str(accounts)).exit_code == 0
    )
    deals = opportunities(tmp_path / "week1", GARNIER, COPY)
    result = run_cli(
        capsys, "--db", workspace_url, "import", "salesforce", str(deals),
        "--map", "loss_reason=Closed_Lost_Reason__c",
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert f"note: {NOTE}" in " ".join(result.stdout.split())
