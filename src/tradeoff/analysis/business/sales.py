"""The sales picture (principle 2): pipeline and outcomes, what a win looks like, objections,
the loss taxonomy, and the data notes that say what the figures could not count.

Every figure is a SQL aggregate (``storage.sales``) folded here; the definitions live with
the figures (``sales_figures``, ``sales_wins``, ``sales_objections``, ``loss_taxonomy``) and in
docs/sales.md. The recorded outcome decides: a deal is won, lost or open as the import said,
whatever its stage's wording.

Size bands are in the base currency, the lower bound included: under 10,000; 10,000 to
50,000; 50,000 to 100,000; 100,000 and over. A deal with no amount is in band "no amount",
one in a currency without a rate in band "no rate".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.analysis.business.attribute_numbers import numbers_of
from tradeoff.analysis.business.demand import banded
from tradeoff.analysis.business.loss_taxonomy import LossBreakdown, breakdown_in, classify_in
from tradeoff.analysis.business.money import Money
from tradeoff.analysis.business.sales_figures import (
    AverageSize,
    CycleTime,
    StageCount,
    WinRate,
    average_won,
    money_of,
    win_rates,
)
from tradeoff.analysis.business.sales_objections import Objection, objections
from tradeoff.analysis.business.sales_wins import (
    ATTRIBUTES,
    LeftOut,
    WinSignal,
    signals_left_out,
    win_signals,
)
from tradeoff.analysis.praise_filing import stored_praise_themes
from tradeoff.domain.deals import stage_contradicts
from tradeoff.domain.enums import DealOutcome
from tradeoff.errors import InputError
from tradeoff.storage import sales as figures
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.demand import Breakdown
from tradeoff.storage.sales import NO_AMOUNT, NO_RATE, SizeBand
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import AccountRow
from tradeoff.wording import its, plural

SIZE_BANDS = (
    SizeBand("under 10k", Decimal(10_000)),
    SizeBand("10k-50k", Decimal(50_000)),
    SizeBand("50k-100k", Decimal(100_000)),
    SizeBand("100k and over", None),
)
#: What ``--by`` accepts: the breakdowns of the win rate.
BREAKDOWNS = ("segment", "quarter", "owner", "source", "size", "plan", "region", "employees")
#: Breakdowns by a measure of the deal's account, in the bands ``tradeoff demand --by``
#: draws for it (``demand.banded``: about as many accounts each, over every account), so
#: "50–199 employees" holds the same companies in both views.
MEASURES = ("employees",)
#: Every breakdown the picture shows, in two GROUP BY passes over the deals (folded per
#: dimension in ``storage.sales.outcome_totals_by``): the attributes a win is compared on,
#: whose combinations stay few, then quarter, owner and stage (more values each).
PASSES = (("all", *ATTRIBUTES), ("quarter", "owner", "stage"))


@dataclass(frozen=True)
class DataNote:
    """Something in the data the figures could not count as-is, and what was done with it."""

    kind: str
    deals: int
    message: str
    examples: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "kind": self.kind,
            "deals": self.deals,
            "message": self.message,
            "examples": list(self.examples),
        }


@dataclass(frozen=True)
class SalesPicture:
    base: str
    overall: WinRate
    by: str
    breakdown: tuple[WinRate, ...]
    cycle_won: CycleTime
    cycle_lost: CycleTime
    average_won: AverageSize
    open_pipeline: Money
    pipeline_by_stage: tuple[StageCount, ...]
    win_signals: tuple[WinSignal, ...]
    #: What is not compared on wins and losses: language and praise themes, and account
    #: attributes that cannot describe a group of deals (``sales_wins``).
    signals_left_out: tuple[LeftOut, ...]
    objections: tuple[Objection, ...]
    losses: LossBreakdown
    notes: tuple[DataNote, ...]
    #: Lost deals whose classification this call wrote (``classify=True``: the CLI).
    classified_now: int

    def to_json(self) -> dict[str, object]:
        return {
            "base_currency": self.base,
            "overall": self.overall.to_json(),
            "breakdown": {"by": self.by, "rows": [r.to_json() for r in self.breakdown]},
            "cycle_time": [self.cycle_won.to_json(), self.cycle_lost.to_json()],
            "average_won_deal": self.average_won.to_json(),
            "open_pipeline": {
                "deals": self.overall.open,
                "deals_with_amount": self.overall.open - self.overall.open_without_amount,
                "amount": self.open_pipeline.to_json(),
                "by_stage": [s.to_json() for s in self.pipeline_by_stage],
            },
            "win_signals": [s.to_json() for s in self.win_signals],
            "win_signals_left_out": [t.to_json() for t in self.signals_left_out],
            "objections": [o.to_json() for o in self.objections],
            "loss_reasons": self.losses.to_json(),
            "data_notes": [n.to_json() for n in self.notes],
            "disqualified": _left_out_json(self.losses),
            "classified_now": self.classified_now,
            "classified_on_the_fly": self.losses.on_the_fly,
        }


#: How a reader lists and corrects the deals left out as disqualified.
LIST_DISQUALIFIED = "tradeoff loss-reasons --category disqualified"
CORRECT_LOSS = "tradeoff loss-reason DEAL_ID --category CATEGORY"


def _left_out_json(losses: LossBreakdown) -> dict[str, object]:
    share = losses.left_out
    return {
        "deals": share.deals if share else 0,
        "deals_with_amount": share.with_amount if share else 0,
        "amount": share.lost_revenue.to_json() if share else None,
        "list_with": LIST_DISQUALIFIED,
        "correct_with": CORRECT_LOSS,
    }


def disqualified_note(losses: LossBreakdown) -> DataNote | None:
    """The line that says how many lost deals the figures left out as never real, with
    their amount and the commands that list and correct them; None when there are none."""
    share = losses.left_out
    if share is None or not share.deals:
        return None
    amount = f", amount {share.lost_revenue}" if share.with_amount else ""
    return DataNote(
        "disqualified",
        share.deals,
        f"{_deals(share.deals, 'lost', verb=False)} left out as disqualified (duplicate, spam, "
        f"test, unqualified){amount}: not in win rates, lost revenue, cycle times or "
        f"objections; list them with {LIST_DISQUALIFIED}, correct one with {CORRECT_LOSS}",
    )


def sales_picture(engine: Engine, by: str = "segment", *, classify: bool = False) -> SalesPicture:
    """The whole picture in one read transaction. ``classify`` first writes the category of
    lost deals that have none (``tradeoff sales`` does); without it nothing is written and
    such deals are classified in memory (``losses.on_the_fly``), so pages stay reads.

    Example: sales_picture(engine, by="quarter").breakdown
    """
    if by not in BREAKDOWNS:
        raise InputError(f"--by must be one of {', '.join(BREAKDOWNS)}, not {by!r}")
    classified = 0
    if classify:
        with write_session(engine) as session:
            classified = classify_in(session, only_new=True).written
    with read_session(engine) as session:
        return _picture(session, by, classified)


def _picture(session: Session, by: str, classified: int) -> SalesPicture:
    base, known = base_currency(session), rates(session)
    totals = {
        dimension: found
        for group in PASSES
        for dimension, found in figures.outcome_totals_by(
            session, group, bands=SIZE_BANDS, rates=known, base=base
        ).items()
    }
    overall_totals = totals["all"]
    overall = next(iter(win_rates(overall_totals, known, base, "all")), None) or WinRate(
        "all", 0, 0, 0, Money(Decimal(0), base)
    )
    per_attribute = {a: totals[a] for a in ATTRIBUTES}
    measure = _measure(session, by) if by in MEASURES else None
    chosen = totals[by] if measure is None else _measure_totals(session, measure, known, base)
    stages = totals["stage"]
    open_totals = [t for t in stages if t.outcome is DealOutcome.OPEN]
    losses = breakdown_in(session)
    themes = figures.theme_outcomes(session)
    praise = stored_praise_themes(session)
    accounts = figures.account_outcomes(session)
    return SalesPicture(
        base=base,
        overall=overall,
        by=by,
        breakdown=tuple(_ordered(by, win_rates(chosen, known, base, _missing(by)), measure)),
        cycle_won=_cycle(session, DealOutcome.WON),
        cycle_lost=_cycle(session, DealOutcome.LOST),
        average_won=average_won(overall_totals, known, base),
        open_pipeline=money_of(open_totals, known, base),
        pipeline_by_stage=_by_stage(open_totals, known, base),
        win_signals=tuple(
            win_signals(
                per_attribute,
                themes,
                accounts,
                (overall.won, overall.lost),
                praise,
            )
        ),
        signals_left_out=tuple(signals_left_out(themes, praise, accounts)),
        objections=tuple(objections(figures.lost_reason_totals(session), known, base)),
        losses=losses,
        notes=tuple(_notes(session, overall_totals, stages, known, base, losses)),
        classified_now=classified,
    )


def _cycle(session: Session, outcome: DealOutcome) -> CycleTime:
    median = figures.median_cycle_days(session, outcome)
    return CycleTime(outcome, median.days, median.deals)


def _measure(session: Session, by: str) -> Breakdown:
    """The breakdown by a measure of the account, in bands when it holds more than a few
    values (``attribute_numbers.MAX_CATEGORIES``), else value by value."""
    return banded(session, Breakdown(by))


def _measure_totals(
    session: Session, measure: Breakdown, known: Mapping[str, Decimal], base: str
) -> list[figures.OutcomeTotal]:
    """Deals per band (or value) of the account's measure: one GROUP BY on the band's SQL
    expression (``Breakdown.of``), the same the demand breakdown groups on."""
    group = {measure.dimension: measure.of(AccountRow)}
    return figures.outcome_totals(
        session, measure.dimension, rates=known, base=base, account_groups=group
    )


def _missing(by: str) -> str:
    return {
        "quarter": "(no close date)",
        "source": "(no lead source)",
        "employees": "(no employee count)",
    }.get(by, f"(no {by})")


def _ordered(by: str, rows: list[WinRate], measure: Breakdown | None = None) -> list[WinRate]:
    if measure is not None:
        # Lowest band (or value) first, the accounts without one last.
        rank = {band.label: n for n, band in enumerate(measure.bands)}
        numbers = numbers_of(r.key for r in rows)
        return sorted(
            rows,
            key=lambda r: (
                r.key.startswith("("),
                rank.get(r.key, len(rank)),
                numbers[r.key] or 0.0,
                r.key,
            ),
        )
    if by == "quarter":
        # Open deals have no close date, so no quarter: a closed deal without one keeps its
        # "(no close date)" row, which counts no open deal (a QA tester read 69 there).
        return sorted(
            (replace(r, open=0, open_without_amount=0) for r in rows if r.closed),
            key=lambda r: (r.key.startswith("("), r.key),
        )
    if by == "size":
        order = [b.label for b in SIZE_BANDS] + [NO_AMOUNT, NO_RATE]
        return sorted(rows, key=lambda r: order.index(r.key) if r.key in order else len(order))
    return sorted(rows, key=lambda r: (r.key.startswith("("), -r.closed, -r.open, r.key))


def _by_stage(
    open_totals: Sequence[figures.OutcomeTotal], known: Mapping[str, Decimal], base: str
) -> tuple[StageCount, ...]:
    grouped: dict[str | None, list[figures.OutcomeTotal]] = {}
    for t in open_totals:
        grouped.setdefault(t.key, []).append(t)
    rows = [
        StageCount(
            k or "(no stage)",
            sum(t.deals for t in g),
            money_of(g, known, base),
            sum(t.with_amount for t in g),
        )
        for k, g in grouped.items()
    ]
    return tuple(sorted(rows, key=lambda s: (-s.deals, s.stage)))


def _notes(
    session: Session,
    overall: Sequence[figures.OutcomeTotal],
    stages: Sequence[figures.OutcomeTotal],
    known: Mapping[str, Decimal],
    base: str,
    losses: LossBreakdown,
) -> list[DataNote]:
    notes: list[DataNote] = []
    left_out = disqualified_note(losses)
    if left_out is not None:
        notes.append(left_out)
    closed = [t for t in overall if t.outcome is not DealOutcome.OPEN]
    no_amount = sum(t.deals - t.with_amount for t in closed)
    if no_amount:
        notes.append(
            DataNote(
                "no_amount",
                no_amount,
                f"{_deals(no_amount, 'closed')} no amount: counted in win rates, "
                "not in deal sizes or revenue",
            )
        )
    no_rate: dict[str, int] = {}
    for t in closed:
        code = (t.currency or base).upper()
        if t.with_amount and code != base and code not in known:
            no_rate[code] = no_rate.get(code, 0) + t.with_amount
    for code, count in sorted(no_rate.items()):
        notes.append(
            DataNote(
                "no_rate",
                count,
                f"{_deals(count, 'closed', verb=False)} in {code}, which has no rate: counted in "
                "win rates, "
                "listed apart in revenue, left out of the average size and the size bands "
                "until it is given a rate",
            )
        )
    dates = figures.date_problems(session)
    if dates.closed_before_created:
        notes.append(
            DataNote(
                "closed_before_created",
                dates.closed_before_created,
                f"{_deals(dates.closed_before_created, 'closed', verb=False)} with a close date "
                "before the create date: "
                "counted in win rates, left out of cycle time",
                dates.examples,
            )
        )
    if dates.closed_without_dates:
        notes.append(
            DataNote(
                "missing_dates",
                dates.closed_without_dates,
                f"{_deals(dates.closed_without_dates, 'closed')} no create or close date: left "
                "out of cycle time (and of quarters, without a close date)",
            )
        )
    notes += _stage_notes(stages)
    silent = figures.lost_without_words(session)
    if silent:
        notes.append(
            DataNote(
                "lost_without_reason",
                silent,
                f"{_deals(silent, 'lost')} neither a loss reason nor notes: unclassified, "
                "not in objections",
            )
        )
    return notes


def _deals(count: int, kind: str = "", *, verb: bool = True) -> str:
    """ "1 closed deal has" / "3 closed deals have" (``verb``), else without the verb."""
    said = plural(count, f"{kind} deal" if kind else "deal")
    return said + ((" has" if count == 1 else " have") if verb else "")


def _stage_notes(stages: Sequence[figures.OutcomeTotal]) -> list[DataNote]:
    notes = []
    no_stage = sum(t.deals for t in stages if t.key is None)
    if no_stage:
        notes.append(
            DataNote(
                "unknown_stage",
                no_stage,
                f"{_deals(no_stage)} no stage: counted by {its(no_stage)} recorded outcome",
            )
        )
    odd: dict[str, int] = {}
    for t in stages:
        if t.key is not None and stage_contradicts(t.key, t.outcome):
            label = f"{t.key!r} recorded {t.outcome.value}"
            odd[label] = odd.get(label, 0) + t.deals
    if odd:
        count = sum(odd.values())
        notes.append(
            DataNote(
                "unknown_stage",
                count,
                f"{_deals(count)} a stage that contradicts {its(count)} recorded outcome: counted "
                "by the outcome",
                tuple(sorted(odd, key=lambda k: (-odd[k], k))[: figures.EXAMPLES]),
            )
        )
    return notes


def win_rates_by(engine: Engine, by: str) -> tuple[WinRate, ...]:
    """One breakdown of the win rate alone (what ``--chart`` draws: by quarter).

    Example: win_rates_by(engine, "quarter")
    """
    if by not in BREAKDOWNS:
        raise InputError(f"--by must be one of {', '.join(BREAKDOWNS)}, not {by!r}")
    with read_session(engine) as session:
        base, known = base_currency(session), rates(session)
        if by in MEASURES:
            measure = _measure(session, by)
            totals = _measure_totals(session, measure, known, base)
            return tuple(_ordered(by, win_rates(totals, known, base, _missing(by)), measure))
        totals = figures.outcome_totals(session, by, bands=SIZE_BANDS, rates=known, base=base)
        return tuple(_ordered(by, win_rates(totals, known, base, _missing(by))))
