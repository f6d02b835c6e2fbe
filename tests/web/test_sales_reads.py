"""Reading the sales picture writes nothing: ``/sales`` and the sales brief classify lost
deals that have no saved loss category in memory, and the figures are the ones a write
would give (tests/business/world.py's lost deals are stored without a classification)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select, text

from tests.business.world import World, build_world
from tests.web.conftest import Workspace
from tests.web.test_sales_pages import rows_of
from tradeoff.analysis.business.loss_reasons import classify_loss
from tradeoff.analysis.business.loss_taxonomy import classify_losses
from tradeoff.domain.enums import DealOutcome
from tradeoff.domain.users import Role
from tradeoff.storage.tables.base import Base

Snapshot = dict[str, object]


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace.engine)


def snapshot(engine: Engine) -> Snapshot:
    """Every table's row count, the data version counter and the stored classifications."""
    taken: Snapshot = {}
    with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            taken[table.name] = connection.scalar(select(func.count()).select_from(table))
        taken["data_version"] = connection.execute(
            text("SELECT instance, version FROM data_version")
        ).all()
        taken["loss_classifications rows"] = connection.execute(
            text("SELECT deal_id, category, assigned_by FROM loss_classifications ORDER BY 1")
        ).all()
    return taken


def test_reading_sales_writes_nothing_and_shows_what_a_write_would(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    viewer = signed_in(Role.VIEWER)
    lost = [d for d in world.deals if d.outcome is DealOutcome.LOST]
    before = snapshot(workspace.engine)
    assert before["loss_classifications"] == 0
    page = viewer.get("/sales")
    assert viewer.get("/sales?by=quarter").status_code == 200
    assert viewer.get("/briefs/sales").status_code == 200
    assert page.status_code == 200
    assert snapshot(workspace.engine) == before
    assert f"{len(lost)} lost deals had no saved loss category" in page.text
    # The in-memory categories are the classifier's, deal by deal, recounted here.
    expected: dict[str, int] = {}
    for deal in lost:
        category = classify_loss(deal.loss_reason, deal.notes).category.value
        expected[category] = expected.get(category, 0) + 1
    shown = {r[0]: int(r[1]) for r in rows_of(page.text, "loss-reasons") if r[1] != "0"}
    assert shown == expected
    # Saving the classification (what the CLI and the CRM import do) changes no figure.
    assert classify_losses(workspace.engine).written == len(lost)
    saved = viewer.get("/sales")
    assert rows_of(saved.text, "loss-reasons") == rows_of(page.text, "loss-reasons")
    assert rows_of(saved.text, "objections") == rows_of(page.text, "objections")
    assert "had no saved loss category" not in saved.text


def test_the_brief_says_how_many_were_classified_for_it_only(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    viewer = signed_in(Role.VIEWER)
    lost = sum(d.outcome is DealOutcome.LOST for d in world.deals)
    page = viewer.get("/briefs/sales")
    assert f"{lost} lost deals had no saved loss category" in page.text
    classify_losses(workspace.engine)
    assert "had no saved loss category" not in viewer.get("/briefs/sales").text
