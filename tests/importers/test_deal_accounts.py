"""An account first named by a deal is a customer only once a deal with it is won."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tradeoff.importers.batch import ImportReport
from tradeoff.importers.registry import IMPORTERS, run
from tradeoff.storage.changelog import undo_batch
from tradeoff.storage.session import write_session

# Salesforce Data Loader opportunities naming accounts the workspace does not know yet:
# Contoso lost (with a loss reason, filed as a seller's note), Fabrikam lost then won in
# the same file, Wingtip only open, Northwind won.
OPPORTUNITIES = """\
Id,Name,Account.Name,StageName,Amount,CurrencyIsoCode,CreatedDate,CloseDate,IsClosed,IsWon,\
Loss_Reason__c
0065g00000AbCd1AAB,Contoso - Expansion,Contoso Ltd,Closed Lost,20000,USD,2026-01-30,\
2026-03-15,true,false,Too expensive for this year's budget
0065g00000AbCd2AAB,Fabrikam - Pilot,"Fabrikam, Inc.",Closed Lost,5000,EUR,2026-01-02,\
2026-02-01,true,false,
0065g00000AbCd3AAB,Fabrikam - New,"Fabrikam, Inc.",Closed Won,15500,EUR,2026-03-31,\
2026-04-30,true,true,
0065g00000AbCd4AAB,Wingtip - New,Wingtip,Negotiation/Review,9000,USD,2026-11-01,\
2026-12-15,false,false,
0065g00000AbCd5AAB,Northwind - Platform,Northwind Traders,Closed Won,48000,USD,2026-01-01,\
2026-02-27,true,true,
"""


def lifecycles(engine: Engine) -> dict[str, str]:
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT name, lifecycle FROM accounts"))
        return {name: lifecycle for name, lifecycle in rows}


@pytest.fixture
def imported(engine: Engine, tmp_path: Path) -> ImportReport:
    path = tmp_path / "Opportunity.csv"
    path.write_text(OPPORTUNITIES, encoding="utf-8")
    return run(engine, IMPORTERS["salesforce"], path)


def test_lost_and_open_deals_name_prospects_and_a_won_one_a_customer(
    engine: Engine, imported: ImportReport
) -> None:
    assert imported.created_accounts == 4
    assert lifecycles(engine) == {
        "Contoso Ltd": "prospect",
        "Fabrikam, Inc.": "customer",
        "Wingtip": "prospect",
        "Northwind Traders": "customer",
    }


def test_undo_removes_an_account_made_a_customer_in_the_same_import(
    engine: Engine, imported: ImportReport
) -> None:
    with write_session(engine) as session:
        undo_batch(session, imported.batch_id)
    assert lifecycles(engine) == {}
