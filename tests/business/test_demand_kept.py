"""Demand figures kept for one data version (``storage.demand_kept``): read only while
nothing analysed changed, equal to the figures counted from the summary and the links
(the reference, itself tested against plain recounts), and never a stale answer."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

import pytest
from alembic import command
from sqlalchemy import Engine, func, select, text, update

from tests.business.test_subject_filed import _add_subjects
from tests.business.world import TODAY, World
from tradeoff.analysis.business.demand import (
    demand,
    opportunity_demand,
    problem_demand,
    theme_demand,
)
from tradeoff.analysis.business.demand_model import SubjectDemand
from tradeoff.domain.evidence import Theme
from tradeoff.errors import InputError
from tradeoff.storage import demand_kept, repository
from tradeoff.storage.demand import DemandQuery, SubjectKind
from tradeoff.storage.engine import WRITE_OPTION, open_engine
from tradeoff.storage.schema import alembic_config, upgrade
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import (
    AccountRow,
    DealRow,
    DemandKeptMoneyRow,
    DemandKeptReachRow,
    DemandKeptStateRow,
)
from tradeoff.storage.workspace import load_workspace_settings, save_workspace_settings

#: Days the figures are asked for: the last evidence day, and later ones that move the
#: renewal windows over the world's renewal dates.
AS_OF = [TODAY.date(), TODAY.date() + timedelta(days=45), TODAY.date() + timedelta(days=120)]
#: Breakdowns of problems and opportunities asked for in these tests, so kept once asked.
ASKED = [
    (SubjectKind.PROBLEM, "segment"),
    (SubjectKind.PROBLEM, "attribute:tier"),
    (SubjectKind.OPPORTUNITY, "region"),
]


def _everything(engine: Engine, as_of: date) -> dict[str, list[SubjectDemand]]:
    return {
        "themes": theme_demand(engine, as_of=as_of),
        **{
            f"themes by {by}": theme_demand(engine, as_of=as_of, by=by)
            for by in ("segment", "plan", "region", "attribute:tier")
        },
        "problems": problem_demand(engine, as_of=as_of),
        "opportunities": opportunity_demand(engine, as_of=as_of),
        "two problems": problem_demand(engine, as_of=as_of, ids=[2, 3]),
        **{
            f"{kind.value}s by {by}": demand(engine, kind, as_of=as_of, by=by) for kind, by in ASKED
        },
        "two problems by segment": problem_demand(engine, as_of=as_of, by="segment", ids=[2, 3]),
    }


def _ask(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ask for ``ASKED`` as a large workspace would (the test world is far below the size
    worth keeping for): each is kept on its first reading."""
    monkeypatch.setattr(demand_kept, "KEEP_FROM_ITEMS", 1)
    for kind, by in ASKED:
        demand(engine, kind, as_of=AS_OF[0], by=by)
    monkeypatch.undo()


def _keep(engine: Engine) -> int:
    with write_session(engine) as session:
        return demand_kept.keep(session)


def _answers(engine: Engine, kind: SubjectKind, as_of: date) -> bool:
    with read_session(engine) as session:
        return demand_kept.money(session, DemandQuery(kind, as_of)) is not None


def _tiers(engine: Engine) -> None:
    """An attribute key with few values, which the theme summary (so this) is split by."""
    with write_session(engine) as session:
        for account in session.scalars(select(AccountRow).order_by(AccountRow.id)).all():
            account.attributes = {"tier": ("gold", "silver", "bronze")[account.id % 3]}


def test_kept_figures_equal_the_counted_ones(engine: Engine, world: World) -> None:
    _add_subjects(engine, world)
    _tiers(engine)
    counted = {day: _everything(engine, day) for day in AS_OF}
    assert not _answers(engine, SubjectKind.THEME, AS_OF[0])  # nothing kept yet
    # Themes plain, by three dimensions and by tier; problems; opportunities.
    assert _keep(engine) == 7
    assert _keep(engine) == 0  # all current: nothing written again
    for day in AS_OF:
        for kind in SubjectKind:
            assert _answers(engine, kind, day)
        assert _everything(engine, day) == counted[day]
    # Not trivial: renewals fall in and out of the windows as the day moves, money in
    # several currencies, problems with pieces over many months.
    renewals = [sum(t.total.renewals_90.records for t in counted[day]["themes"]) for day in AS_OF]
    assert len(set(renewals)) > 1
    tiers = counted[AS_OF[0]]["themes by attribute:tier"]
    assert {g.group for t in tiers for g in t.groups} >= {"gold", "silver", "bronze"}
    problems = counted[AS_OF[0]]["problems"]
    assert any(p.total.lost.records for p in problems)
    assert sum(len(p.total.months) for p in problems) > len(problems)


def test_a_kept_figure_is_read_and_a_change_to_the_data_stops_it(
    engine: Engine, world: World
) -> None:
    """Proof that the kept rows are what is read (a row altered by hand shows), and that any
    analysed write — here a deal's amount — makes readers count again."""
    counted = theme_demand(engine, as_of=AS_OF[0])
    _keep(engine)
    subject = counted[0].id
    with write_session(engine) as session:
        kept = DemandKeptMoneyRow
        session.execute(
            update(kept)
            .where(kept.kind == "theme", kept.dimension == "", kept.subject_id == subject)
            .where(kept.figure == "pipeline")
            .values(records=kept.records + 1000)
        )
    altered = {t.id: t for t in theme_demand(engine, as_of=AS_OF[0])}
    assert altered[subject].total.pipeline.records == counted[0].total.pipeline.records + 1000
    with write_session(engine) as session:
        deal = session.scalars(
            select(DealRow).where(DealRow.amount.is_not(None)).order_by(DealRow.id)
        ).first()
        assert deal is not None
        session.execute(update(DealRow).where(DealRow.id == deal.id).values(amount=deal.amount + 1))
    assert not _answers(engine, SubjectKind.THEME, AS_OF[0])
    again = theme_demand(engine, as_of=AS_OF[0])
    assert again[0].total.pipeline.records == counted[0].total.pipeline.records
    _keep(engine)
    assert theme_demand(engine, as_of=AS_OF[0]) == again


def test_other_settings_a_past_day_or_a_sub_theme_are_counted(engine: Engine, world: World) -> None:
    _keep(engine)
    with read_session(engine) as session:
        settings = load_workspace_settings(session)
        # A day before the last evidence leaves items out: never kept.
        past = DemandQuery(SubjectKind.THEME, AS_OF[0] - timedelta(days=30))
        assert demand_kept.money(session, past) is None
        other_window = DemandQuery(
            SubjectKind.THEME, AS_OF[0], churn_window_days=settings.churn_window_days + 1
        )
        assert demand_kept.money(session, other_window) is None
        parent = world.themes[0].id
        assert parent is not None
    with write_session(engine) as session:
        child = repository.add(session, Theme(name="A finer part", parent_id=parent))
    _keep(engine)
    with read_session(engine) as session:
        assert child.id is not None
        ids = (parent, child.id)
        assert demand_kept.money(session, DemandQuery(SubjectKind.THEME, AS_OF[0])) is not None
        assert (
            demand_kept.money(session, DemandQuery(SubjectKind.THEME, AS_OF[0], subject_ids=ids))
            is None
        )
    # A changed setting is a write: the kept sets are computed again for it.
    with write_session(engine) as session:
        save_workspace_settings(session, replace(settings, churn_window_days=30))
    counted = theme_demand(engine, as_of=AS_OF[0])
    assert _keep(engine) == 6
    assert theme_demand(engine, as_of=AS_OF[0]) == counted
    with read_session(engine) as session:
        windows = set(session.scalars(select(DemandKeptStateRow.churn_window_days)))
    assert windows == {30}


def test_a_small_workspace_keeps_nothing(engine: Engine, world: World) -> None:
    _add_subjects(engine, world)
    problem_demand(engine, as_of=AS_OF[0], by="segment")  # asked, but counted in no time
    with write_session(engine) as session:
        assert demand_kept.keep_if_worth_it(session) == 0
        assert session.scalar(select(func.count()).select_from(DemandKeptStateRow)) == 0
    assert demand_kept.keep_engine(engine) == 0


def test_kept_money_keeps_every_decimal(engine: Engine, world: World) -> None:
    """Sums are stored as the database summed them, to the fourth decimal."""
    _tiers(engine)
    amount = Decimal("0.0001")
    with write_session(engine) as session:
        deal = session.scalars(
            select(DealRow).where(DealRow.amount.is_not(None)).order_by(DealRow.id)
        ).first()
        assert deal is not None
        session.execute(
            update(DealRow).where(DealRow.id == deal.id).values(amount=deal.amount + amount)
        )
    counted = _everything(engine, AS_OF[0])
    _keep(engine)
    assert _everything(engine, AS_OF[0]) == counted


def _states(engine: Engine) -> dict[tuple[str, str], str]:
    with read_session(engine) as session:
        return {
            (s.kind, s.dimension): s.version for s in session.scalars(select(DemandKeptStateRow))
        }


def test_a_breakdown_asked_once_is_kept_from_then_on(
    engine: Engine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add_subjects(engine, world)
    _tiers(engine)
    counted = {day: _everything(engine, day) for day in AS_OF}
    assert _keep(engine) == 7  # no breakdown of problems asked for yet
    _ask(engine, monkeypatch)
    states = _states(engine)
    assert {("problem", "segment"), ("problem", "attribute:tier"), ("opportunity", "region")} < set(
        states
    )
    assert len(set(states.values())) == 1  # every set at the same, current, version
    assert _keep(engine) == 0
    for day in AS_OF:
        assert _everything(engine, day) == counted[day]
    # Not trivial: problems in several groups, some with money, end users per group.
    by_segment = counted[AS_OF[0]]["problems by segment"]
    assert sum(len(p.groups) for p in by_segment) > 2 * len(by_segment)
    assert any(g.demand.lost.records for p in by_segment for g in p.groups)
    # The kept rows are what is read: one altered by hand shows in its group only.
    first = next(p for p in by_segment if p.groups)
    group = first.groups[0]
    with write_session(engine) as session:
        reach = DemandKeptReachRow
        session.execute(
            update(reach)
            .where(reach.kind == "problem", reach.dimension == "segment")
            .where(reach.subject_id == first.id, reach.grouped.is_(True))
            .where(reach.grp == group.group if group.group is not None else reach.grp.is_(None))
            .values(links=reach.links + 1000)
        )
    read = {p.id: p for p in problem_demand(engine, as_of=AS_OF[0], by="segment")}
    assert read[first.id].groups[0].demand.reach.links == group.demand.reach.links + 1000
    assert read[first.id].total == first.total
    # A change to the data stops every set; the next keep writes the asked ones again.
    # Here the accounts of the first problem's first group move to a segment of their own.
    with write_session(engine) as session:
        session.execute(
            update(AccountRow).where(AccountRow.segment == group.group).values(segment="Public")
        )
    recounted = _everything(engine, AS_OF[0])
    assert recounted["problems by segment"] != by_segment
    assert _keep(engine) == 10
    assert _everything(engine, AS_OF[0]) == recounted


def test_a_breakdown_is_not_kept_when_keeping_would_not_answer(
    engine: Engine, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A day before the last evidence, a breakdown the summary is not split by, or a few
    problems asked by id are counted, and nothing is kept for them."""
    _add_subjects(engine, world)
    monkeypatch.setattr(demand_kept, "KEEP_FROM_ITEMS", 1)
    problem_demand(engine, as_of=AS_OF[0] - timedelta(days=30), by="segment")
    with pytest.raises(InputError, match="no account has the attribute 'no such key'"):
        problem_demand(engine, as_of=AS_OF[0], by="attribute:no such key")
    problem_demand(engine, as_of=AS_OF[0], by="segment", ids=[2, 3])
    assert _states(engine) == {}
    problem_demand(engine, as_of=AS_OF[0], by="plan")
    assert set(_states(engine)) == {("problem", "plan")}
    # Asked once, kept by every keep from then on: here still current, so the keep writes
    # the six others only (themes plain and three ways, problems, opportunities).
    assert _keep(engine) == 6
    assert ("problem", "plan") in _states(engine)


def _rows(engine: Engine, statement: str) -> set[tuple[object, ...]]:
    with engine.connect() as connection:
        return {tuple(row) for row in connection.execute(text(statement))}


def test_upgrading_forgets_the_subjects_kept_sets_and_downgrading_again(
    empty_database_url: str,
) -> None:
    """0021 makes the subjects' day and reach tables again with groups: their sets (money
    rows too) are forgotten, to be kept again; the themes' stay. And back."""
    engine = open_engine(empty_database_url)
    upgrade(engine, "0020")
    state = "INSERT INTO demand_kept_state VALUES ('{}', '', 'i.d1', 90, 365)"
    money = (
        "INSERT INTO demand_kept_money (kind, dimension, subject_id, figure, records, priced) "
        "VALUES ('{}', '', 1, 'arr', 1, 1)"
    )
    old_day = "INSERT INTO demand_kept_days VALUES ('problem', 1, '2026-10-01', 3, 1, 0)"
    with engine.begin() as connection:
        for kind in ("theme", "problem", "opportunity"):
            connection.execute(text(state.format(kind)))
            connection.execute(text(money.format(kind)))
        connection.execute(text(old_day))
    upgrade(engine, "0021")
    assert _rows(engine, "SELECT kind FROM demand_kept_state") == {("theme",)}
    assert _rows(engine, "SELECT kind FROM demand_kept_money") == {("theme",)}
    assert _rows(engine, "SELECT count(*) FROM demand_kept_days") == {(0,)}
    with engine.begin() as connection:
        connection.execute(text(state.format("problem")))
        connection.execute(
            text(
                "INSERT INTO demand_kept_reach (kind, dimension, subject_id, grp, grouped, "
                "links, accounts, end_users) VALUES ('problem', 'segment', 1, NULL, true, 4, 2, 1)"
            )
        )
    config = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0020")
    assert _rows(engine, "SELECT kind FROM demand_kept_state") == {("theme",)}
    with engine.begin() as connection:
        connection.execute(text(old_day))  # the old shape again
    upgrade(engine, "0021")
    assert _rows(engine, "SELECT count(*) FROM demand_kept_days") == {(0,)}
    engine.dispose()


def test_packing_the_days_forgets_the_subjects_kept_sets_and_back(
    empty_database_url: str,
) -> None:
    """0022 makes the day table again with a packed array per subject and group: the
    subjects' sets (their money and reach rows too) are forgotten; the themes' stay."""
    engine = open_engine(empty_database_url)
    upgrade(engine, "0021")
    day = (
        "INSERT INTO demand_kept_days (kind, dimension, subject_id, grp, day, items, observed, "
        "proxy) VALUES ('problem', 'segment', 1, 'SMB', '2026-10-01', 3, 1, 0)"
    )
    reach = (
        "INSERT INTO demand_kept_reach (kind, dimension, subject_id, grp, grouped, links, "
        "accounts, end_users) VALUES ('{}', '', 1, NULL, false, 4, 2, 1)"
    )
    with engine.begin() as connection:
        for kind in ("theme", "problem"):
            state = "INSERT INTO demand_kept_state VALUES (:kind, '', 'i.d1', 90, 365)"
            connection.execute(text(state), {"kind": kind})
            connection.execute(text(reach.format(kind)))
        connection.execute(text(day))
    upgrade(engine, "0022")
    assert _rows(engine, "SELECT kind FROM demand_kept_state") == {("theme",)}
    assert _rows(engine, "SELECT kind FROM demand_kept_reach") == {("theme",)}
    assert _rows(engine, "SELECT count(*) FROM demand_kept_days") == {(0,)}
    config = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0021")
    with engine.begin() as connection:
        connection.execute(text(day))  # the row-per-day shape again
    assert _rows(engine, "SELECT kind FROM demand_kept_state") == {("theme",)}
    engine.dispose()


def test_a_deal_dated_after_the_day_asked_is_counted_not_read_from_kept(
    engine: Engine, world: World
) -> None:
    """Figures are kept as of today; a deal created after the day asked about must not
    reach that day's figures, so the kept set does not answer it, and the day after the
    deal (which sees the same records as today) it does."""
    _add_subjects(engine, world)
    _tiers(engine)
    later = AS_OF[0] + timedelta(days=20)
    _date_first_deal(engine, "open", created_at=datetime.combine(later, time(9), tzinfo=UTC))
    counted = {day: _everything(engine, day) for day in (AS_OF[0], later)}
    _keep(engine)
    assert not _answers(engine, SubjectKind.THEME, AS_OF[0])
    assert _answers(engine, SubjectKind.THEME, later)
    for day, found in counted.items():
        assert _everything(engine, day) == found

    # Not trivial: the deal is in the later day's pipeline and not in the earlier one's.
    def pipeline(day: date) -> int:
        return sum(t.total.pipeline.records for t in counted[day]["themes"])

    assert pipeline(later) > pipeline(AS_OF[0])


def test_a_deal_closed_on_a_future_date_leaves_today_read_from_kept(
    engine: Engine, world: World
) -> None:
    """A CRM's close date typed ahead (a lost deal dated next month) is not known today:
    the sets kept today answer today and every earlier day that sees the same records, and
    a day past that close date is counted, since the deal reaches it. Until 0027 one such
    deal made every read count, seconds at a million items."""
    _add_subjects(engine, world)
    _tiers(engine)
    today = demand_kept.today()
    ahead = today + timedelta(days=30)
    _date_first_deal(engine, "lost", closed_at=datetime.combine(ahead, time(9), tzinfo=UTC))
    days = (AS_OF[0], today, ahead + timedelta(days=1))
    counted = {day: _everything(engine, day) for day in days}
    assert _keep(engine) == 7
    for kind in SubjectKind:
        assert _answers(engine, kind, AS_OF[0])  # no record dated from then to today
        assert _answers(engine, kind, today)
        assert not _answers(engine, kind, ahead + timedelta(days=1))
    for day, found in counted.items():
        assert _everything(engine, day) == found

    # Not trivial: the deal's loss reaches only the day past its close date.
    def lost_records(day: date) -> int:
        return sum(t.total.lost.records for t in counted[day]["themes"])

    assert lost_records(ahead + timedelta(days=1)) > lost_records(today)
    # Kept as of a later day, the sets are written again for it (the data version did not
    # move: time did), and then answer that day.
    with write_session(engine) as session:
        assert demand_kept.keep(session, as_of=ahead + timedelta(days=1)) == 7
    assert _answers(engine, SubjectKind.THEME, ahead + timedelta(days=1))
    assert not _answers(engine, SubjectKind.THEME, today)
    assert _everything(engine, ahead + timedelta(days=1)) == counted[ahead + timedelta(days=1)]


def test_the_day_kept_as_of_forgets_every_kept_set_and_back(empty_database_url: str) -> None:
    """0027 records the day each set was counted as of; sets kept before it have none, so
    they are forgotten (kept again by the next analysis), and forgotten again on the way
    back, where a set answered only a day past every record."""
    engine = open_engine(empty_database_url)
    upgrade(engine, "0026")
    reach = (
        "INSERT INTO demand_kept_reach (kind, dimension, subject_id, grp, grouped, links, "
        "accounts, end_users) VALUES (:kind, '', 1, NULL, false, 4, 2, 1)"
    )
    state = "INSERT INTO demand_kept_state VALUES (:kind, '', 'i.d1', 90, 365)"
    with engine.begin() as connection:
        for kind in ("theme", "problem"):
            connection.execute(text(state), {"kind": kind})
            connection.execute(text(reach), {"kind": kind})
    upgrade(engine)
    assert _rows(engine, "SELECT count(*) FROM demand_kept_state") == {(0,)}
    assert _rows(engine, "SELECT count(*) FROM demand_kept_reach") == {(0,)}
    with engine.begin() as connection:
        connection.execute(text(state), {"kind": "theme"})
        connection.execute(text("INSERT INTO demand_kept_as_of VALUES ('theme', '', '2026-11-26')"))
    config = alembic_config()
    with engine.execution_options(**{WRITE_OPTION: True}).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0026")
    assert _rows(engine, "SELECT count(*) FROM demand_kept_state") == {(0,)}
    engine.dispose()


def _date_first_deal(engine: Engine, outcome: str, **dates: datetime) -> None:
    """The first priced deal of ``outcome`` given ``dates`` (a CRM's date typed ahead)."""
    with write_session(engine) as session:
        deal = session.scalars(
            select(DealRow)
            .where(DealRow.outcome == outcome, DealRow.amount.is_not(None))
            .order_by(DealRow.id)
        ).first()
        assert deal is not None
        session.execute(update(DealRow).where(DealRow.id == deal.id).values(**dates))
