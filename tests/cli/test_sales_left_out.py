"""``tradeoff sales`` on a Salesforce Account export: the table and JSON compare only the
attributes that describe groups of deals and say what they left out and why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.business.account_export import import_exports, write_exports
from tests.cli.helpers import run_cli

#: Columns of the export that hold one value per account, or a date, phone or id.
NOISE = ("BillingStreet", "BillingPostalCode", "Phone", "CreatedDate", "LastModifiedDate",
         "OwnerId", "Description", "Type")  # fmt: skip


def test_the_table_and_json_leave_identifiers_out_and_say_so(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    write_exports(tmp_path)
    import_exports(engine, tmp_path)
    document = json.loads(
        run_cli(capsys, "--db", workspace_url, "sales", "--format", "json").stdout
    )
    compared = {s["attribute"] for s in document["win_signals"]}
    assert not compared & {f"account {key}" for key in (*NOISE, "plan", "region")}
    assert {"account BillingCity", "account Industry", "account AnnualRevenue"} <= compared
    reasons = {
        t["attribute"]: t["reason"]
        for t in document["win_signals_left_out"]
        if t["kind"] == "account attribute"
    }
    assert {key: reasons[f"account {key}"] for key in NOISE} == {
        "BillingStreet": "unique", "BillingPostalCode": "unique", "Phone": "phone",
        "CreatedDate": "date", "LastModifiedDate": "date", "OwnerId": "identifier",
        "Description": "unique", "Type": "lifecycle",
    }  # fmt: skip
    assert (reasons["account plan"], reasons["account region"]) == ("copy", "copy")
    table = run_cli(capsys, "--db", workspace_url, "sales").stdout
    shown = table[table.index("What a win looks like") : table.index("Objections")]
    assert not [key for key in NOISE if key in shown.split("Account attributes not compared")[0]]
    assert "Account attributes not compared: Type (the account's lifecycle" in shown
    assert "CreatedDate, LastModifiedDate (dates of the record" in shown
    assert "Phone (phone numbers)" in shown
