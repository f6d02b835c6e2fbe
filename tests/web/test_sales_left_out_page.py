"""The sales page on a Salesforce Account export: the signals it lists are the API's, none
of them a street, phone, date or id, and the line under them says what was left out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from fastapi.testclient import TestClient
from markupsafe import escape

from tests.business.account_export import import_exports, write_exports
from tests.web.conftest import Workspace
from tradeoff.analysis.business.sales import sales_picture
from tradeoff.analysis.business.sales_wins import left_out_line
from tradeoff.domain.users import Role


def test_the_sales_page_says_which_account_attributes_it_left_out(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, tmp_path: Path
) -> None:
    exported = write_exports(tmp_path)
    import_exports(workspace.engine, tmp_path)
    page = signed_in(Role.VIEWER).get("/sales")
    assert page.status_code == 200
    picture = sales_picture(workspace.engine)
    line = left_out_line(picture.signals_left_out)
    assert line is not None
    assert "Account attributes not compared: " in line
    assert f'<p class="hint">{escape(line)}</p>' in page.text
    listed = page.text[
        page.text.index("What a win looks like") : page.text.index(str(escape(line)))
    ]
    for account in exported.accounts.values():
        for key in ("BillingStreet", "Phone", "CreatedDate", "OwnerId"):
            assert f"<td>{escape(account[key])}</td>" not in listed
    assert "<td>account BillingCity</td>" in listed
