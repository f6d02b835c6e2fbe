"""The web pages mark an integration partner, read-only, with its name escaped; and
migration 0029 adds the table that holds the mark to a workspace made before it, on SQLite
and PostgreSQL, keeping the competitors there."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic import command
from fastapi.testclient import TestClient
from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import IntegrityError

from tests.test_competitor_partner import _write_inputs
from tests.web.conftest import PEOPLE, add_user, log_in
from tradeoff.analysis.business.competitor_edits import partner_competitor, rename_competitor
from tradeoff.analysis.business.competitor_scan import scan_competitors
from tradeoff.domain.users import Role
from tradeoff.importers.generic_csv import GenericCsvImporter
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.storage.engine import WRITE_OPTION, open_engine
from tradeoff.storage.schema import alembic_config, upgrade
from tradeoff.web.app import create_app
from tradeoff.web.routes.competitors import href

HOSTILE = '<img src=x onerror=alert(1)> "PagerDuty"'
ESCAPED = "&lt;img src=x onerror=alert(1)&gt; &#34;PagerDuty&#34;"


@pytest.fixture
def viewer(workspace_url: str, engine: Engine, tmp_path: Path) -> Iterator[TestClient]:
    """A viewer's browser on a workspace whose partner was renamed to hostile markup."""
    yield from partner_viewer(workspace_url, engine, tmp_path, HOSTILE)


def partner_viewer(
    workspace_url: str, engine: Engine, tmp_path: Path, name: str
) -> Iterator[TestClient]:
    """A viewer's browser on a scanned workspace whose partner PagerDuty is renamed ``name``."""
    deals, tickets = _write_inputs(tmp_path)
    run(engine, SalesforceImporter(), deals)
    run(engine, GenericCsvImporter(), tickets)
    scan_competitors(engine)
    partner_competitor(engine, "PagerDuty")
    rename_competitor(engine, "PagerDuty", to=name)
    add_user(engine, PEOPLE[Role.VIEWER], Role.VIEWER)
    client = TestClient(create_app(workspace_url, secure_cookies=False), follow_redirects=False)
    yield log_in(client, PEOPLE[Role.VIEWER])
    client.close()


def test_the_competitor_page_says_it_is_a_partner(viewer: TestClient) -> None:
    page = viewer.get(href(HOSTILE))
    assert page.status_code == 200
    assert HOSTILE not in page.text
    assert f"<h1>{ESCAPED}</h1>" in page.text
    assert (
        '<p class="partner"><strong>Integration partner</strong>: one of our integrations, '
        "named in evidence only where the words compete with it"
    ) in page.text
    assert f"tradeoff competitor-partner '{ESCAPED}' --off" in page.text
    assert "(as a rival only: an integration partner)" in page.text
    other = viewer.get("/competitors/Datadog").text
    assert "Integration partner" not in other


def test_the_ranking_marks_the_partner_row(viewer: TestClient) -> None:
    page = viewer.get("/competitors").text
    assert HOSTILE not in page
    rows = {
        "partner" if ESCAPED in row else "Datadog" if "Datadog" in row else "": row
        for row in (part.split("</tr>")[0] for part in page.split("<tr>"))
    }
    assert '<span class="hint partner">(integration partner)</span>' in rows["partner"]
    assert "(integration partner)" not in rows["Datadog"]
    assert "(integration partner): one of our integrations" in page


def test_migration_0029_adds_the_table_and_keeps_the_competitors(
    empty_database_url: str,
) -> None:
    engine = open_engine(empty_database_url)
    upgrade(engine, "0028")
    assert "competitor_partners" not in inspect(engine).get_table_names()
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO competitors (id, name, aliases, kind) VALUES "
                "(1, 'PagerDuty', '[]', 'direct'), (2, 'Datadog', '[]', 'direct')"
            )
        )
    upgrade(engine)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO competitor_partners (competitor_id, marked_at) VALUES (1, :at)"),
            {"at": datetime(2026, 11, 27, tzinfo=UTC)},
        )
        names = connection.execute(text("SELECT name FROM competitors ORDER BY id")).scalars()
        assert list(names) == ["PagerDuty", "Datadog"]
    with pytest.raises(IntegrityError), engine.begin() as connection:
        connection.execute(
            text("INSERT INTO competitor_partners (competitor_id, marked_at) VALUES (9, :at)"),
            {"at": datetime(2026, 11, 27, tzinfo=UTC)},
        )
    # The mark goes with its competitor.
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM competitors WHERE id = 1"))
        left = connection.execute(text("SELECT count(*) FROM competitor_partners")).scalar_one()
        assert left == 0
    config = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0028")
    assert "competitor_partners" not in inspect(engine).get_table_names()
    engine.dispose()
