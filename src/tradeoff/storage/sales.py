"""The sales picture's aggregates, each one GROUP BY in the database.

Nothing here loads a row per deal: counts and per-currency sums are grouped in SQL, medians
read one or two rows of a sorted projection (``LIMIT/OFFSET``), and text is grouped by its
exact wording before Python folds the (few) distinct wordings. Money stays per currency:
converting is ``analysis.business.money``'s job, with the user's rates.

Lost deals stored as disqualified (never real deals: duplicates, spam, tests, unqualified
leads) are in none of these figures: every query here filters on
``loss_reasons.counted_deal``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    ColumnElement,
    Integer,
    Numeric,
    String,
    Text,
    and_,
    case,
    func,
    literal,
    null,
    select,
    type_coerce,
)
from sqlalchemy.orm import Session

from tradeoff.domain.enums import DealOutcome, ThemeStatus
from tradeoff.storage import theme_summary
from tradeoff.storage.calendar_days import days_between
from tradeoff.storage.loss_reasons import counted_deal
from tradeoff.storage.tables import (
    AccountRow,
    DealRow,
    LossClassificationRow,
    ThemeRow,
)

#: What ``tradeoff sales --by`` groups on; each is one column or expression of a deal.
ACCOUNT_DIMENSIONS = ("segment", "plan", "region")
DIMENSIONS = ("segment", "plan", "region", "quarter", "owner", "source", "size", "stage")
NO_AMOUNT = "no amount"
NO_RATE = "no rate"
CLOSED = (DealOutcome.WON, DealOutcome.LOST)
#: Deal ids listed as examples in a data note.
EXAMPLES = 5
#: Amounts are stored to four places (``MONEY``): a sum is exact there whatever SQLite's
#: floating point did, so totals folded in any order compare equal.
SCALE = Decimal("0.0001")
ZERO = Decimal(0)


@dataclass(frozen=True)
class SizeBand:
    """Deals whose amount, in the base currency, is below ``below`` (None: no upper bound)."""

    label: str
    below: Decimal | None


@dataclass(frozen=True)
class OutcomeTotal:
    """Deals of one group, outcome and currency: how many, how many with an amount, the sum."""

    key: str | None
    outcome: DealOutcome
    currency: str | None
    deals: int
    with_amount: int
    amount: Decimal


@dataclass(frozen=True)
class Median:
    days: float | None
    deals: int


@dataclass(frozen=True)
class DateProblems:
    closed_before_created: int
    examples: tuple[str, ...]
    closed_without_dates: int


@dataclass(frozen=True)
class ThemeOutcome:
    theme_id: int
    name: str
    won: int
    lost: int


@dataclass(frozen=True)
class AccountOutcome:
    """Closed deals of the accounts that share one set of attributes and own fields."""

    attributes: Mapping[str, str]
    won: int
    lost: int
    #: How many accounts hold this set: a value one account holds describes no group.
    accounts: int = 1
    #: The accounts' own fields (``ACCOUNT_DIMENSIONS``) that are set, by name, to tell an
    #: attribute that only repeats one (a help desk's ``plan`` beside the CRM's).
    fields: Mapping[str, str] = field(default_factory=dict)


def quarter_of(session: Session, moment: Any) -> ColumnElement[str]:
    """``2026-Q3`` for a UTC timestamp, on either engine."""
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.timezone("UTC", moment), 'YYYY-"Q"Q')
    # SQLite keeps UTC as naive text; strftime reads it as it is.
    month = type_coerce(func.strftime("%m", moment), String).cast(Integer)
    return func.strftime("%Y", moment) + "-Q" + ((month + 2) // 3).cast(String)


def _days(session: Session) -> ColumnElement[Any]:
    """Calendar days (UTC) from created to closed, as CRMs report them: a deal created at
    10:00 and closed the next day took one day, not 0.58."""
    return days_between(session, DealRow.closed_at, DealRow.created_at)


def in_base(rates: Mapping[str, Decimal], base: str) -> ColumnElement[Any]:
    """The deal's amount in the base currency; NULL without an amount or without a rate."""
    known = {base: Decimal(1), **rates}
    rate = case(
        *((DealRow.currency == c, literal(r, Numeric(24, 8))) for c, r in sorted(known.items())),
        else_=null(),
    )
    return DealRow.amount * rate


def size_band(
    bands: Sequence[SizeBand], rates: Mapping[str, Decimal], base: str
) -> ColumnElement[str]:
    value = in_base(rates, base)
    whens: list[tuple[ColumnElement[bool], str]] = [
        (DealRow.amount.is_(None), NO_AMOUNT),
        (value.is_(None), NO_RATE),
    ]
    whens += [(value < literal(b.below, Numeric(20, 4)), b.label) for b in bands if b.below]
    last = next((b.label for b in bands if b.below is None), NO_RATE)
    return case(*whens, else_=literal(last))


def _dimension(
    session: Session,
    name: str,
    bands: Sequence[SizeBand],
    rates: Mapping[str, Decimal],
    base: str,
) -> ColumnElement[Any]:
    columns: dict[str, Any] = {
        "segment": AccountRow.segment,
        "plan": AccountRow.plan,
        "region": AccountRow.region,
        "owner": DealRow.owner,
        "source": DealRow.lead_source,
        "stage": DealRow.stage,
    }
    if name in columns:
        return columns[name]  # type: ignore[no-any-return]
    if name == "quarter":
        return quarter_of(session, DealRow.closed_at)
    if name == "size":
        return size_band(bands, rates, base)
    raise ValueError(f"unknown dimension {name!r}")


def outcome_totals(
    session: Session,
    dimension: str,
    *,
    bands: Sequence[SizeBand] = (),
    rates: Mapping[str, Decimal] | None = None,
    base: str = "USD",
    account_groups: Mapping[str, ColumnElement[Any]] | None = None,
) -> list[OutcomeTotal]:
    """Deals per value of ``dimension`` (or ``"all"``), outcome and currency, in one query."""
    return outcome_totals_by(
        session, (dimension,), bands=bands, rates=rates, base=base, account_groups=account_groups
    )[dimension]


def outcome_totals_by(
    session: Session,
    dimensions: Sequence[str],
    *,
    bands: Sequence[SizeBand] = (),
    rates: Mapping[str, Decimal] | None = None,
    base: str = "USD",
    account_groups: Mapping[str, ColumnElement[Any]] | None = None,
) -> dict[str, list[OutcomeTotal]]:
    """``outcome_totals`` of several dimensions from ONE pass over the deals.

    The database groups by the dimensions' combination (with outcome and currency) and the
    rows are folded per dimension here: segment, plan, region, source and size combine into
    a few thousand groups at most, so one GROUP BY replaces five passes over every deal.
    ``"all"`` is the sum of every group and costs no column. ``account_groups`` names
    further dimensions, each an expression over the deal's account (``employees`` in the
    bands ``tradeoff demand`` draws: ``analysis.business.sales``).
    """
    columns = [d for d in dimensions if d != "all"]
    extra = account_groups or {}
    keys = [
        (extra[d] if d in extra else _dimension(session, d, bands, rates or {}, base)).label(
            f"key_{i}"
        )
        for i, d in enumerate(columns)
    ]
    query = (
        select(
            *keys,
            DealRow.outcome,
            DealRow.currency,
            func.count(),
            func.count(DealRow.amount),
            func.coalesce(func.sum(DealRow.amount), 0),
        )
        .select_from(DealRow)
        .where(counted_deal())
        .group_by(*keys, DealRow.outcome, DealRow.currency)
    )
    if any(d in ACCOUNT_DIMENSIONS or d in extra for d in columns):
        query = query.outerjoin(AccountRow, AccountRow.id == DealRow.account_id)
    folded: dict[str, dict[tuple[str | None, str, str | None], list[Any]]] = {
        d: {} for d in dimensions
    }
    for row in session.execute(query):
        *values, outcome, currency, deals, with_amount, amount = row
        exact = Decimal(str(amount)).quantize(SCALE)
        for dimension, value in (*zip(columns, values, strict=True), ("all", "all")):
            if dimension not in folded:
                continue
            total = folded[dimension].setdefault((value, outcome, currency), [0, 0, ZERO])
            total[0] += deals
            total[1] += with_amount
            total[2] += exact
    return {
        dimension: [
            OutcomeTotal(key, DealOutcome(outcome), currency, n, m, a)
            for (key, outcome, currency), (n, m, a) in groups.items()
        ]
        for dimension, groups in folded.items()
    }


def _dated_in_order(session: Session) -> ColumnElement[bool]:
    """Both dates known and not closed on a day before it was created (the same day is in
    order, whatever the hours say)."""
    return and_(
        DealRow.created_at.is_not(None),
        DealRow.closed_at.is_not(None),
        _days(session) >= 0,
    )


def median_cycle_days(session: Session, outcome: DealOutcome) -> Median:
    """Median days from created to closed, over deals dated in order: two small queries."""
    where = and_(DealRow.outcome == outcome, _dated_in_order(session), counted_deal())
    deals = session.scalar(select(func.count()).select_from(DealRow).where(where)) or 0
    if deals == 0:
        return Median(None, 0)
    days = _days(session).label("days")
    middle = session.scalars(
        select(days).where(where).order_by(days).limit(2 - deals % 2).offset((deals - 1) // 2)
    ).all()
    return Median(sum(float(d) for d in middle) / len(middle), deals)


def date_problems(session: Session) -> DateProblems:
    """Closed deals whose close date is before their create date, and closed undated ones."""
    backwards = and_(
        DealRow.outcome.in_(CLOSED),
        counted_deal(),
        DealRow.closed_at.is_not(None),
        DealRow.created_at.is_not(None),
        _days(session) < 0,
    )
    count = session.scalar(select(func.count()).select_from(DealRow).where(backwards)) or 0
    examples = session.scalars(
        select(DealRow.external_id).where(backwards).order_by(DealRow.id).limit(EXAMPLES)
    ).all()
    undated = and_(
        DealRow.outcome.in_(CLOSED),
        counted_deal(),
        (DealRow.closed_at.is_(None)) | (DealRow.created_at.is_(None)),
    )
    missing = session.scalar(select(func.count()).select_from(DealRow).where(undated)) or 0
    return DateProblems(count, tuple(examples), missing)


def theme_outcomes(session: Session) -> list[ThemeOutcome]:
    """Closed deals won and lost per active theme that the deal's account cited.

    An account cites a theme when any of its evidence is filed in it (at any time: this is an
    association between accounts and outcomes, not a cause). Deals are first counted per
    account, then joined to the (theme, account) pairs of ``storage.theme_summary`` (each
    pair once), so an account with a hundred tickets in a theme counts each of its deals once.
    """
    won = func.count(case((DealRow.outcome == DealOutcome.WON, 1)))
    lost = func.count(case((DealRow.outcome == DealOutcome.LOST, 1)))
    per_account = (
        select(DealRow.account_id, won.label("won"), lost.label("lost"))
        .where(DealRow.outcome.in_(CLOSED), DealRow.account_id.is_not(None), counted_deal())
        .group_by(DealRow.account_id)
        .subquery()
    )
    theme_summary.refresh_if_writing(session)
    # Top-level themes only: a sub-theme repeats its theme's accounts under a finer name.
    top_level = select(ThemeRow.id, ThemeRow.name).where(
        ThemeRow.status == ThemeStatus.ACTIVE, ThemeRow.parent_id.is_(None)
    )
    themes = {theme_id: name for theme_id, name in session.execute(top_level)}
    cited = theme_summary.account_pairs(session, list(themes)).subquery()
    query = (
        select(cited.c.theme_id, func.sum(per_account.c.won), func.sum(per_account.c.lost))
        .select_from(cited)
        # "+ 0": scan the pairs in theme order and look each account up (grouped as read),
        # not 60 index probes per account and a sort.
        .join(per_account, per_account.c.account_id == cited.c.account_id + 0)
        .group_by(cited.c.theme_id)
    )
    return [
        ThemeOutcome(i, themes[i], int(w), int(lo))
        for i, w, lo in sorted(session.execute(query).all())
    ]


def account_outcomes(session: Session) -> list[AccountOutcome]:
    """Closed deals won and lost, and accounts, per distinct set of account attributes and
    own fields (segment, plan, region).

    Grouped in SQL by the attributes' JSON text (the two engines query JSON differently, and
    PostgreSQL's ``json`` has no equality: its text does), so Python reads one row per
    distinct set, not per deal or account, and tallies each attribute itself.
    """
    attributes = type_coerce(AccountRow.attributes, JSON).cast(Text).label("attributes")
    own = [getattr(AccountRow, name) for name in ACCOUNT_DIMENSIONS]
    query = (
        select(
            attributes,
            func.count(case((DealRow.outcome == DealOutcome.WON, 1))),
            func.count(case((DealRow.outcome == DealOutcome.LOST, 1))),
            func.count(AccountRow.id.distinct()),
            *own,
        )
        .select_from(DealRow)
        .join(AccountRow, AccountRow.id == DealRow.account_id)
        .where(DealRow.outcome.in_(CLOSED), counted_deal())
        .group_by(attributes, *own)
        .order_by(attributes, *own)
    )
    found = []
    for text, won, lost, accounts, *values in session.execute(query):
        parsed = json.loads(text) if text else None
        if isinstance(parsed, dict) and parsed:
            fields = {n: str(v) for n, v in zip(ACCOUNT_DIMENSIONS, values, strict=True) if v}
            attrs = {str(k): str(v) for k, v in parsed.items()}
            found.append(AccountOutcome(attrs, won, lost, accounts, fields))
    return found


@dataclass(frozen=True)
class ReasonTotal:
    """Lost deals that gave one exact wording, per currency (``from_notes``: no reason given)."""

    text: str
    from_notes: bool
    currency: str | None
    deals: int
    with_amount: int
    amount: Decimal
    #: The deals' loss category (``None``: not classified yet).
    category: str | None = None


def lost_reason_totals(session: Session) -> list[ReasonTotal]:
    """Lost deals grouped by their exact loss reason (else their notes), currency and loss
    category."""
    said = func.coalesce(DealRow.loss_reason, DealRow.notes).label("said")
    from_notes = DealRow.loss_reason.is_(None).label("from_notes")
    category = LossClassificationRow.category
    query = (
        select(
            said,
            from_notes,
            DealRow.currency,
            func.count(),
            func.count(DealRow.amount),
            func.coalesce(func.sum(DealRow.amount), 0),
            category,
        )
        .outerjoin(LossClassificationRow, LossClassificationRow.deal_id == DealRow.id)
        .where(DealRow.outcome == DealOutcome.LOST, said.is_not(None), counted_deal())
        .group_by(said, from_notes, DealRow.currency, category)
    )
    return [
        ReasonTotal(t, bool(f), c, n, m, Decimal(str(s)), None if k is None else str(k.value))
        for t, f, c, n, m, s, k in session.execute(query)
    ]


def lost_without_words(session: Session) -> int:
    """Lost deals with neither a loss reason nor notes: nothing to group or classify."""
    where = and_(
        DealRow.outcome == DealOutcome.LOST,
        DealRow.loss_reason.is_(None),
        DealRow.notes.is_(None),
        counted_deal(),
    )
    return session.scalar(select(func.count()).select_from(DealRow).where(where)) or 0
