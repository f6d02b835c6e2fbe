"""Demand weighted by the business, per theme, problem and opportunity (principle 2).

Storage sums in SQL (``tradeoff.storage.demand`` defines every figure); this module turns
the sums into typed results: money converted with the user's rates (a currency without
one is reported, never added), counts decayed by age, trends per month and quarter, and
each figure broken down by segment, plan, region, employees or an account attribute — in
bands of about as many accounts each when it holds a measure (``banded``).

A **praise theme** (at least half of its items read as praise: ``label.area_praise``) is
demand for nothing: its money is that of the customers who say what they value. Its
figures are kept, marked ``praise``, and it comes after every other theme.

>>> theme_demand(engine, as_of=date(2026, 10, 15), by="segment")[0].total.arr.total
... # doctest: +SKIP
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import Engine, or_, select
from sqlalchemy.orm import Session

from tradeoff.analysis.business.attribute_numbers import bands, numbers_of
from tradeoff.analysis.business.demand_model import (
    MONEY_ORDER,
    Demand,
    GroupDemand,
    MoneyFigure,
    Reach,
    SubjectDemand,
)
from tradeoff.analysis.business.demand_time import (
    WEIGHT_SCALE,
    fold_days,
    is_stale,
    periods,
    scaled_weight,
    weight_horizon,
)
from tradeoff.analysis.business.money import ZERO, convert
from tradeoff.analysis.label.area_praise import is_praise_theme
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.domain.enums import ThemeStatus
from tradeoff.errors import NotFound
from tradeoff.gc_pause import collection_paused
from tradeoff.storage import demand_kept, subject_filed
from tradeoff.storage import praise as praise_store
from tradeoff.storage.attribute_bands import Band, value_counts
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.demand import (
    Breakdown,
    DemandQuery,
    Figure,
    Member,
    MoneySum,
    MonthCount,
    ReachCount,
    SubjectKind,
    check_breakdown,
    subjects,
)
from tradeoff.storage.demand_money import figure_members, money_sums
from tradeoff.storage.member_records import with_records
from tradeoff.storage.session import read_session
from tradeoff.storage.subject_demand import day_counts, reach_counts
from tradeoff.storage.tables import AccountRow, ThemeRow
from tradeoff.storage.theme_profile import theme_profiles
from tradeoff.storage.workspace import load_workspace_settings


def theme_demand(
    engine: Engine,
    *,
    as_of: date | None = None,
    by: str | Breakdown | None = None,
    ids: Sequence[int] | None = None,
) -> list[SubjectDemand]:
    """Demand of every active theme (or of ``ids``), most revenue at stake first."""
    return demand(engine, SubjectKind.THEME, as_of=as_of, by=by, ids=ids)


def problem_demand(
    engine: Engine,
    *,
    as_of: date | None = None,
    by: str | Breakdown | None = None,
    ids: Sequence[int] | None = None,
) -> list[SubjectDemand]:
    """Demand of every problem, through its evidence and its symptoms' evidence."""
    return demand(engine, SubjectKind.PROBLEM, as_of=as_of, by=by, ids=ids)


def opportunity_demand(
    engine: Engine,
    *,
    as_of: date | None = None,
    by: str | Breakdown | None = None,
    ids: Sequence[int] | None = None,
) -> list[SubjectDemand]:
    """Demand of every opportunity, through its problems (each item once)."""
    return demand(engine, SubjectKind.OPPORTUNITY, as_of=as_of, by=by, ids=ids)


def demand(
    engine: Engine,
    kind: SubjectKind,
    *,
    as_of: date | None = None,
    by: str | Breakdown | None = None,
    ids: Sequence[int] | None = None,
) -> list[SubjectDemand]:
    """Demand of every subject of ``kind``: three aggregate statements whatever their
    number (four with a breakdown), sorted by revenue at stake in the base currency, then
    items, then id; praise themes after the rest, sorted alike."""
    day = as_of or datetime.now(UTC).date()
    breakdown = Breakdown.parse(by) if isinstance(by, str) else by
    if ids is None:
        keep_breakdown(engine, kind, breakdown, day)
    with collection_paused():  # hundreds of thousands of small objects, no cycles
        return _demand_of(engine, kind, day, breakdown, ids)


def _demand_of(
    engine: Engine,
    kind: SubjectKind,
    day: date,
    breakdown: Breakdown | None,
    ids: Sequence[int] | None,
) -> list[SubjectDemand]:
    with read_session(engine) as session:
        check_breakdown(session, breakdown)
        if breakdown is not None:
            breakdown = banded(session, breakdown)
        settings = load_workspace_settings(session)
        base, known_rates = base_currency(session), rates(session)
        names = subjects(session, kind, ids)
        query = DemandQuery(
            kind=kind,
            as_of=day,
            by=breakdown,
            subject_ids=tuple(names) if ids is not None else None,
            churn_window_days=settings.churn_window_days,
        )
        half_life = settings.demand_half_life_days
        # Problems and opportunities fold days into months in the database, with these.
        weights = partial(scaled_weight, as_of=day, half_life_days=half_life)
        horizon = weight_horizon(half_life)
        grouped: list[ReachCount] = []
        if kind is SubjectKind.THEME:
            days = fold_days(day_counts(session, query), day, half_life)
            kept_money = demand_kept.money(session, query)
            money = money_sums(session, query) if kept_money is None else kept_money
            reach = reach_counts(session, replace(query, by=None))
            # End users are not summed over groups (one person may speak for two accounts).
            grouped = reach_counts(session, query) if breakdown is not None else []
        else:  # every linked item read once (storage.subject_filed), unless kept
            found = demand_kept.figures(session, query, weights, horizon)
            if found is None:
                found = subject_filed.figures(session, query, weights, horizon)
            days, money, reach, grouped = found.months, found.money, found.reach, found.grouped
        linked = {r.subject_id: r.links for r in reach}
        praise = praise_themes(session, kind, names, ids, linked)

    def build(rows: list[MonthCount], sums: list[MoneySum], counts: ReachCount | None) -> Demand:
        return _demand(rows, counts, sums, day, half_life, base, known_rates)

    days_of, money_of = _index(days), _index(money)
    totals = {r.subject_id: r for r in reach}
    # Rows per (subject, group), sorted out once: a breakdown has hundreds of groups.
    group_days, group_money = _index_groups(days), _index_groups(money)
    counts_of: dict[int, dict[str | None, ReachCount]] = defaultdict(dict)
    for counted in grouped:
        counts_of[counted.subject_id][counted.group] = counted
    results = []
    for subject_id, name in names.items():
        subject_days, subject_money = days_of.get(subject_id, []), money_of.get(subject_id, [])
        groups: tuple[GroupDemand, ...] = ()
        if breakdown is not None:
            days_in, money_in = group_days[subject_id], group_money[subject_id]
            counts_in = counts_of[subject_id]
            keys = set(days_in) | set(money_in) | set(counts_in)
            groups = tuple(
                GroupDemand(
                    key,
                    build(days_in.get(key, []), money_in.get(key, []), counts_in.get(key)),
                )
                for key in sorted(keys, key=_group_order(keys, breakdown))
            )
        results.append(
            SubjectDemand(
                kind=kind,
                id=subject_id,
                name=name,
                total=build(subject_days, subject_money, totals.get(subject_id)),
                by=breakdown.label if breakdown is not None else None,
                groups=groups,
                praise=subject_id in praise,
            )
        )
    results.sort(
        key=lambda s: (s.praise, s.total.revenue_at_stake.rank, -s.total.reach.items, s.id)
    )
    return results


def praise_themes(
    session: Session,
    kind: SubjectKind,
    names: Mapping[int, str],
    ids: Sequence[int] | None,
    linked: Mapping[int, int],
) -> frozenset[int]:
    """Which of the themes ``names`` are praise themes: at least half of the items linked
    to them (``linked``, the figures' own count) read as praise by the kept readings
    (``storage.praise.praised_per_theme``: a count over the praised items only, so a read
    of a million items' kept figures does not pay a pass over every link; the full rule,
    ``praise_filing.stored_praise_themes``, took 0.8 s of it). A sub-theme asked for by id
    is read from its profile's praise items (``label.area_praise.is_praise_theme``): a
    top-level theme's profile read that way took 2.1 s for the bench's largest theme.
    Problems and opportunities are never praise."""
    if kind is not SubjectKind.THEME or not names:
        return frozenset()
    asked = list(names) if ids is not None else None
    praised = praise_store.praised_per_theme(session, PRAISE_RULES, ids=asked)
    flagged = {
        theme
        for theme in names
        if praised.get(theme, 0) and 2 * praised[theme] >= linked.get(theme, 0)
    }
    if ids is not None:
        finer = _below_top_level(session, names)
        profiles = theme_profiles(session, finer, praise=PRAISE_RULES) if finer else {}
        flagged |= {i for i, profile in profiles.items() if is_praise_theme(profile)}
    return frozenset(flagged)


def _below_top_level(session: Session, ids: Iterable[int]) -> list[int]:
    """The themes of ``ids`` that are not active top-level ones (sub-themes, mostly)."""
    theme = ThemeRow
    return list(
        session.scalars(
            select(theme.id)
            .where(theme.id.in_(list(ids)))
            .where(or_(theme.parent_id.is_not(None), theme.status != ThemeStatus.ACTIVE))
            .order_by(theme.id)
        )
    )


def keep_breakdown(
    engine: Engine, kind: SubjectKind, by: str | Breakdown | None, as_of: date | None = None
) -> bool:
    """Keep every problem's or opportunity's figures broken down ``by`` from now on, in a
    large workspace where counting them costs seconds each time (themes' breakdowns are
    kept always): ``storage.demand_kept.keep_breakdown``. ``demand`` calls it; returns
    whether this call kept them (False when already kept, or not worth it)."""
    breakdown = Breakdown.parse(by) if isinstance(by, str) else by
    if kind is SubjectKind.THEME or breakdown is None:
        return False
    if breakdown.measure:
        with read_session(engine) as session:
            breakdown = banded(session, breakdown)
    day = as_of or datetime.now(UTC).date()
    return demand_kept.keep_breakdown(engine, kind, breakdown, day)


def banded(session: Session, by: Breakdown) -> Breakdown:
    """``by`` in bands when it holds a measure (an attribute such as seats or revenue, or
    the accounts' own employees: more than ``attribute_numbers.MAX_CATEGORIES`` numbers),
    else as it is. Bands hold about as many accounts each, drawn over every account with a
    value, so every subject's groups are the same bands and compare; the database then
    groups by band (``storage.demand.Breakdown``), never by value, since end users do not
    add up.

    Example: banded(session, Breakdown.parse("attribute:Seats")).bands[0].label == "10–49"
    """
    if not by.measure or by.bands:
        return by
    counts = value_counts(session, by.value(AccountRow))
    labels = bands(counts) if counts is not None else None
    if labels is None:
        return by
    texts: dict[str, list[str]] = {}
    for text, label in labels.items():
        texts.setdefault(label, []).append(text)
    return replace(by, bands=tuple(Band(label, tuple(t)) for label, t in texts.items()))


def demand_behind(
    engine: Engine,
    kind: SubjectKind,
    subject_id: int,
    figure: Figure,
    *,
    as_of: date | None = None,
    by: str | Breakdown | None = None,
) -> list[Member]:
    """The evidence items, accounts, people or deals behind one figure of one subject: no
    number without its evidence.

    >>> demand_behind(engine, SubjectKind.THEME, 3, Figure.PIPELINE)  # doctest: +SKIP
    """
    breakdown = Breakdown.parse(by) if isinstance(by, str) else by
    with read_session(engine) as session:
        if subject_id not in subjects(session, kind, [subject_id]):
            active = " active" if kind is SubjectKind.THEME else ""
            raise NotFound(f"no{active} {kind.value} with id {subject_id}")
        settings = load_workspace_settings(session)
        query = DemandQuery(
            kind=kind,
            as_of=as_of or datetime.now(UTC).date(),
            by=banded(session, breakdown) if breakdown is not None else None,
            subject_ids=(subject_id,),
            churn_window_days=settings.churn_window_days,
        )
        return with_records(session, figure, figure_members(session, query, figure))


Row = TypeVar("Row", MonthCount, MoneySum)


def _index(rows: list[Row]) -> dict[int, list[Row]]:
    indexed: dict[int, list[Row]] = defaultdict(list)
    for row in rows:
        indexed[row.subject_id].append(row)
    return indexed


def _group_order(
    keys: set[str | None], by: Breakdown | None
) -> Callable[[str | None], tuple[Any, ...]]:
    """Groups in order, "(none)" last: bands from the lowest; by number when every group is
    one (an attribute such as seats or employees: a QA tester read "130, 151, 401, … 837,
    93"), else by text."""
    if by is not None and by.bands:
        rank = {band.label: n for n, band in enumerate(by.bands)}
        return lambda g: (g is None, rank.get(g, len(rank)) if g is not None else 0, g or "")
    numbers = numbers_of(k for k in keys if k is not None)
    if numbers and all(n is not None for n in numbers.values()):
        return lambda g: (g is None, numbers.get(g) if g is not None else 0.0, g or "")
    return lambda g: (g is None, 0.0, g or "")


def _index_groups(rows: list[Row]) -> dict[int, dict[str | None, list[Row]]]:
    indexed: dict[int, dict[str | None, list[Row]]] = defaultdict(lambda: defaultdict(list))
    for row in rows:
        indexed[row.subject_id][row.group].append(row)
    return indexed


def _demand(
    months: list[MonthCount],
    counts: ReachCount | None,
    money: list[MoneySum],
    as_of: date,
    half_life_days: int,
    base: str,
    known_rates: dict[str, Decimal],
) -> Demand:
    # One pass over each list: a breakdown builds this for thousands of (subject, group).
    per_month: dict[date, int] = defaultdict(int)
    observed = proxy = weighted = 0
    first_seen: date | None = None
    last_seen: date | None = None
    for row in months:
        per_month[row.month] += row.items
        observed += row.observed
        proxy += row.proxy
        weighted += row.weighted
        if first_seen is None or row.first < first_seen:
            first_seen = row.first
        if last_seen is None or row.last > last_seen:
            last_seen = row.last
    reach = Reach(
        items=sum(per_month.values()),
        links=counts.links if counts else 0,
        accounts=counts.accounts if counts else 0,
        end_users=counts.end_users if counts else 0,
        observed=observed,
        proxy=proxy,
        # An exact integer sum (demand_time.WEIGHT_SCALE): the same in any order.
        weighted_items=weighted / WEIGHT_SCALE,
        first_seen=first_seen,
        last_seen=last_seen,
    )
    figures = _money_figures(money, base, known_rates)
    return Demand(
        reach=reach,
        arr=figures[Figure.ARR],
        pipeline=figures[Figure.PIPELINE],
        lost=figures[Figure.LOST],
        churned=figures[Figure.CHURNED],
        renewals_90=figures[Figure.RENEWALS_90],
        renewals_180=figures[Figure.RENEWALS_180],
        stale=is_stale(last_seen, as_of, half_life_days),
        months=periods(per_month, as_of, quarterly=False),
        quarters=periods(per_month, as_of, quarterly=True),
    )


def _money_figures(
    rows: list[MoneySum], base: str, known_rates: dict[str, Decimal]
) -> dict[Figure, MoneyFigure]:
    """Per figure, per-currency sums (over groups too) added up first, then converted once."""
    by_currency: dict[Figure, dict[str | None, Decimal]] = {f: {} for f in MONEY_ORDER}
    records = dict.fromkeys(MONEY_ORDER, 0)
    unpriced = dict.fromkeys(MONEY_ORDER, 0)
    for row in rows:
        figure = row.figure
        if row.amount is not None:
            sums = by_currency[figure]
            sums[row.currency] = sums.get(row.currency, ZERO) + row.amount
        records[figure] += row.records
        unpriced[figure] += row.records - row.priced
    return {
        f: MoneyFigure(convert(by_currency[f], known_rates, base), records[f], unpriced[f])
        for f in MONEY_ORDER
    }
