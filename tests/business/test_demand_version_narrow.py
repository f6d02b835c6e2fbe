"""Migration 0019: settings and loss classes move the demand version only when a demand
figure can change — the churn window, and a lost deal going into or out of
``disqualified`` — and kept figures read after any other such write equal a count."""

from __future__ import annotations

from alembic import command
from sqlalchemy import Engine, delete, text

from tests.business.test_demand_version import _kept_answers, _version
from tests.business.test_subject_filed import _add_subjects
from tests.business.world import TODAY, World
from tradeoff.analysis.business.demand import opportunity_demand, problem_demand, theme_demand
from tradeoff.analysis.business.demand_model import SubjectDemand
from tradeoff.analysis.business.loss_taxonomy import classify_losses, correct_loss
from tradeoff.domain.enums import DealOutcome, LossCategory
from tradeoff.storage import demand_kept
from tradeoff.storage.engine import WRITE_OPTION, open_engine
from tradeoff.storage.schema import alembic_config, upgrade
from tradeoff.storage.session import write_session
from tradeoff.storage.tables import DemandKeptStateRow
from tradeoff.storage.workspace import load_workspace_settings, save_workspace_settings

DELETE_CLASS = text("DELETE FROM loss_classifications WHERE deal_id = :deal")


def _every_figure(engine: Engine) -> list[SubjectDemand]:
    day = TODAY.date()
    return [
        *theme_demand(engine, as_of=day),
        *theme_demand(engine, as_of=day, by="segment"),
        *problem_demand(engine, as_of=day),
        *opportunity_demand(engine, as_of=day),
    ]


def _counted(engine: Engine) -> list[SubjectDemand]:
    """Every figure with nothing kept (the kept sets are derived rows: dropping them makes
    every reader count from the summary and the links)."""
    with write_session(engine) as session:
        session.execute(delete(DemandKeptStateRow))
    return _every_figure(engine)


def _keep(engine: Engine) -> None:
    with write_session(engine) as session:
        demand_kept.keep(session)
    assert _kept_answers(engine)


def test_settings_that_change_no_kept_figure_leave_them_current(
    engine: Engine, world: World
) -> None:
    _add_subjects(engine, world)
    _keep(engine)
    before = _version(engine)
    with write_session(engine) as session:
        settings = load_workspace_settings(session)
        settings.company_name = "Northwind Ledger Ltd"
        settings.internal_email_domains = [*settings.internal_email_domains, "nwl.test"]
        settings.demand_half_life_days = 30
        settings.base_currency = "EUR"
        save_workspace_settings(session, settings)
    assert _version(engine) == before
    assert _kept_answers(engine)
    kept = _every_figure(engine)
    # The new half-life and base currency are applied to the kept figures when read.
    assert kept == _counted(engine)
    assert {s.total.arr.total.base for s in kept} == {"EUR"}

    _keep(engine)
    with write_session(engine) as session:
        settings = load_workspace_settings(session)
        settings.churn_window_days = 30
        save_workspace_settings(session, settings)
    assert _version(engine) != before
    assert not _kept_answers(engine), "churned ARR reads the window: the kept sets are stale"


def _lost_deal(world: World) -> tuple[str, int]:
    """A lost deal whose account cites evidence, so lost revenue reaches some subject."""
    citing = {e.account_id for e in world.evidence}
    deal = next(d for d in world.deals if d.outcome is DealOutcome.LOST and d.account_id in citing)
    assert deal.id is not None
    return str(deal.id), deal.id


def test_a_loss_class_moves_the_version_only_into_or_out_of_disqualified(
    engine: Engine, world: World
) -> None:
    _add_subjects(engine, world)
    classify_losses(engine)
    ref, _ = _lost_deal(world)
    correct_loss(engine, ref, LossCategory.PRICE_BUDGET)
    _keep(engine)
    before = _version(engine)
    counted_before = _counted(engine)
    _keep(engine)

    correct_loss(engine, ref, LossCategory.PRODUCT_GAP)
    classify_losses(engine)  # the classifier again: the person's class stays
    assert _version(engine) == before
    assert _kept_answers(engine)
    assert _every_figure(engine) == counted_before

    correct_loss(engine, ref, LossCategory.DISQUALIFIED)
    left_out = _version(engine)
    assert left_out != before
    assert not _kept_answers(engine)
    counted = _counted(engine)
    lost = [s.total.lost.total.amount for s in counted]
    assert lost != [s.total.lost.total.amount for s in counted_before]

    _keep(engine)
    correct_loss(engine, ref, LossCategory.RELATIONSHIP)
    assert _version(engine) != left_out
    assert _counted(engine) == counted_before


def test_deleting_a_disqualified_class_moves_the_version(engine: Engine, world: World) -> None:
    classify_losses(engine)
    ref, deal_id = _lost_deal(world)
    correct_loss(engine, ref, LossCategory.TIMING_NO_DECISION)
    before = _version(engine)
    with engine.begin() as connection:
        connection.execute(DELETE_CLASS, {"deal": deal_id})
    assert _version(engine) == before
    correct_loss(engine, ref, LossCategory.DISQUALIFIED)
    bumped = _version(engine)
    with engine.begin() as connection:
        connection.execute(DELETE_CLASS, {"deal": deal_id})
    assert _version(engine) != bumped


def _bumps(engine: Engine, statement: str) -> bool:
    before = _version(engine)
    with engine.begin() as connection:
        connection.execute(text(statement))
    return _version(engine) != before


def test_upgrading_narrows_and_downgrading_widens_again(empty_database_url: str) -> None:
    engine = open_engine(empty_database_url)
    upgrade(engine, "0018")
    rename = "UPDATE workspace_settings SET company_name = 'Acme {}'"
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO workspace_settings (id, company_name, internal_email_domains, "
                "base_currency, demand_half_life_days, churn_window_days) "
                "VALUES (1, 'Acme', '[]', 'USD', 180, 90)"
            )
        )
    assert _bumps(engine, rename.format(1))
    upgrade(engine)
    assert not _bumps(engine, rename.format(2))
    assert _bumps(engine, "UPDATE workspace_settings SET churn_window_days = 60")
    config = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0018")
    assert _bumps(engine, rename.format(3))
    upgrade(engine)
    assert not _bumps(engine, rename.format(4))
    engine.dispose()
