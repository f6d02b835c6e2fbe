"""A CRM import files its lost deals in the loss taxonomy in the same transaction, so pages
and briefs only ever read it; a re-import that changes a reason re-files that deal, a deal
that is no longer lost loses its row, and a person's correction is never touched."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, text

from tests.importers.test_salesforce import (
    ACCOUNTS,
    DE_VRIES,
    GARNIER,
    MAP,
    MUELLER,
    opportunities,
    write,
)
from tradeoff.analysis.business.loss_reasons import classify_loss
from tradeoff.analysis.business.loss_taxonomy import correct_loss
from tradeoff.domain.enums import LossCategory
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter

GARNIER_ID, MUELLER_ID = "0065g0000SIVwwIAQT", "0065g0000SIV4RwAQL"
GARNIER_REASON = (
    "Procurement uneasy about a young fintech holding payroll funds; stayed with Fernbank."
)
MUELLER_REASON = '=HYPERLINK("http://x","Zoë")'


def stored(engine: Engine) -> dict[str, tuple[str, str]]:
    """CRM id → (category, assigned by), read back with plain SQL."""
    with engine.connect() as connection:
        rows = connection.execute(
            text(
                "SELECT d.external_id, c.category, c.assigned_by FROM loss_classifications c "
                "JOIN deals d ON d.id = c.deal_id"
            )
        ).all()
    return {external_id: (category, by) for external_id, category, by in rows}


def test_an_import_classifies_its_lost_deals_and_a_reimport_refiles_them(
    ledgerly: Engine, tmp_path: Path
) -> None:
    run(ledgerly, SalesforceImporter(), write(tmp_path / "accounts.csv", ACCOUNTS))
    assert stored(ledgerly) == {}  # no deals, nothing to classify
    first = opportunities(tmp_path / "week1", GARNIER, DE_VRIES, MUELLER)
    run(ledgerly, SalesforceImporter(), first, columns=MAP)
    assert stored(ledgerly) == {
        GARNIER_ID: (classify_loss(GARNIER_REASON).category.value, "model"),
        # The reason says nothing; the competitor field "No decision" decides.
        MUELLER_ID: (LossCategory.TIMING_NO_DECISION.value, "model"),
    }
    assert stored(ledgerly)[GARNIER_ID][0] == LossCategory.STATUS_QUO.value  # "stayed with"
    # A person corrects Garnier; the next export rewrites both reasons.
    correct_loss(ledgerly, GARNIER_ID, LossCategory.RELATIONSHIP)
    price = "Too expensive for their budget this year"
    week2 = opportunities(
        tmp_path / "week2",
        GARNIER.replace(GARNIER_REASON, "No decision - project postponed"),
        MUELLER.replace(MUELLER_REASON.replace('"', '""'), price),
    )
    run(ledgerly, SalesforceImporter(), week2, columns=MAP)
    assert stored(ledgerly) == {
        GARNIER_ID: (LossCategory.RELATIONSHIP.value, "person"),
        MUELLER_ID: (LossCategory.PRICE_BUDGET.value, "model"),
    }
    # Müller is won back: a won deal has no loss category.
    won = MUELLER.replace('"Closed Lost"', '"Closed Won"').replace(
        '"true","false","Renewal"', '"true","true","Renewal"'
    )
    run(ledgerly, SalesforceImporter(), opportunities(tmp_path / "week3", won), columns=MAP)
    assert stored(ledgerly) == {GARNIER_ID: (LossCategory.RELATIONSHIP.value, "person")}
