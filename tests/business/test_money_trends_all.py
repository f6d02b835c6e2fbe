"""Every subject's money trend at once (``money_trends_all``) against two independent
computations: the one-subject trend of each subject (``money_trends``, the existing path),
cell by cell, and a recount in plain Python over ``World``'s own lists.

The world gains what the shared fixture lacks: deals with no account cited by their own
notes (one lost in EUR, one open with no created date), a theme marked dirty (read from
its links while the others come from the theme summary), and a problem and an
opportunity of themes (the summary path of ``subject_demand``) and of items by hand.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine

from tests.business.test_demand import AS_OF, CHURN_WINDOW, LOST_AFTER_CLOSE
from tests.business.world import RATES, TODAY, World
from tradeoff.analysis.business.money import convert
from tradeoff.analysis.business.money_trends import money_trends
from tradeoff.analysis.business.money_trends_all import (
    MoneyTrendsAll,
    money_trends_all,
    period_starts,
)
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import AssignedBy, DealOutcome, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme
from tradeoff.domain.problems import (
    Opportunity,
    OpportunityProblem,
    Problem,
    ProblemEvidence,
    ProblemTheme,
)
from tradeoff.errors import InputError
from tradeoff.storage import repository, theme_summary
from tradeoff.storage.demand import Figure, SubjectKind, subjects
from tradeoff.storage.session import read_session, write_session

FIGURES = (Figure.LOST, Figure.PIPELINE, Figure.CHURNED)


@dataclass
class Extras:
    """What the test adds to the world: the account-less deals and the dirty theme."""

    orphan_deals: list[Deal]
    dirty_theme: int


def _note(world: World, session: Any, deal: Deal, theme: str, on: datetime) -> None:
    """The deal's loss-reason note as the importer files it, filed in ``theme``."""
    item = repository.add(
        session,
        EvidenceItem(
            source=deal.source,
            external_id=f"{deal.external_id}:loss_reason",
            kind=EvidenceKind.DEAL_NOTE,
            text=f"Notes of {deal.name}",
            created_at=on,
        ),
    )
    world.evidence.append(item)
    theme_id = world.theme(theme).id
    assert item.id
    assert theme_id
    world.links.append(
        repository.add(
            session,
            EvidenceTheme(evidence_id=item.id, theme_id=theme_id, assigned_by=AssignedBy.MODEL),
        )
    )


@pytest.fixture
def extras(engine: Engine, world: World) -> Extras:
    orphans = []
    with write_session(engine) as session:
        for number, (outcome, amount, currency, created, closed, theme) in enumerate(
            [
                (DealOutcome.LOST, "25000", "EUR", 130, 50, "Audit logs"),
                (DealOutcome.OPEN, "4000", "USD", None, None, "Bulk export"),
            ]
        ):
            deal = repository.add(
                session,
                Deal(
                    source="hubspot",
                    external_id=f"90{number}",
                    name=f"Orphan deal {number}",
                    amount=Decimal(amount),
                    currency=currency,
                    outcome=outcome,
                    created_at=TODAY - timedelta(days=created) if created else None,
                    closed_at=TODAY - timedelta(days=closed) if closed else None,
                ),
            )
            orphans.append(deal)
            world.deals.append(deal)
            _note(world, session, deal, theme, TODAY - timedelta(days=closed or 20))
        bulk, audit = world.theme("Bulk export"), world.theme("Audit logs")
        assert bulk.id
        assert audit.id
        problem = repository.add(session, Problem(statement="Exports are one by one"))
        assert problem.id
        repository.add(session, ProblemTheme(problem_id=problem.id, theme_id=bulk.id))
        hand = repository.add(session, Problem(statement="Auditors ask for logs"))
        assert hand.id
        for link in world.links:
            if link.theme_id == audit.id:
                repository.add(
                    session, ProblemEvidence(problem_id=hand.id, evidence_id=link.evidence_id)
                )
        opportunity = repository.add(session, Opportunity(title="Month-end tools"))
        assert opportunity.id
        for problem_id in (problem.id, hand.id):
            repository.add(
                session, OpportunityProblem(opportunity_id=opportunity.id, problem_id=problem_id)
            )
        theme_summary.refresh(session)
    # A new link, no refresh: Single sign-on is dirty and read from its links. Juniper
    # Foods churned ten days ago, so the churned trend of the theme changes with it.
    sso = world.theme("Single sign-on")
    juniper = world.account("Juniper Foods")
    assert sso.id
    with write_session(engine) as session:
        item = next(e for e in world.evidence if e.account_id == juniper.id)
        assert item.id
        world.links.append(
            repository.add(
                session,
                EvidenceTheme(evidence_id=item.id, theme_id=sso.id, assigned_by=AssignedBy.MODEL),
            )
        )
    with read_session(engine) as session:
        assert theme_summary.dirty_ids(session) == {sso.id}
    return Extras(orphans, sso.id)


def period_of(moment: date | datetime, quarterly: bool) -> str:
    if quarterly:
        return f"{moment.year:04d}-Q{(moment.month - 1) // 3 + 1}"
    return f"{moment.year:04d}-{moment.month:02d}"


def recount(
    world: World, theme_id: int, figure: Figure, quarterly: bool
) -> dict[str | None, tuple[Decimal, dict[str, Decimal], int]]:
    """period (None: undated) → (amount in USD, unconverted, records) of one theme, each
    citation rule of ``storage.demand`` written out over the world's lists."""
    filed = {link.evidence_id for link in world.links if link.theme_id == theme_id}
    items = [e for e in world.evidence if e.id in filed and e.created_at.date() <= AS_OF]
    by_account: dict[int, list[datetime]] = defaultdict(list)
    by_note: dict[tuple[str, str], list[datetime]] = defaultdict(list)
    for item in items:
        if item.account_id:
            by_account[item.account_id].append(item.created_at)
        by_note[(item.source, item.external_id)].append(item.created_at)
    placed: dict[str | None, list[tuple[str | None, Decimal | None]]] = defaultdict(list)
    if figure is Figure.CHURNED:
        for account in world.accounts:
            churned, moments = account.churned_at, by_account.get(account.id or 0, [])
            if churned and any(
                timedelta(0) <= churned - m <= timedelta(days=CHURN_WINDOW) for m in moments
            ):
                placed[period_of(churned, quarterly)].append((account.currency, account.arr))
    for deal in world.deals:
        if deal.account_id:
            moments = by_account.get(deal.account_id, [])
        else:
            parts = ("description", "loss_reason")
            notes = [(deal.source, f"{deal.external_id}:{p}") for p in parts]
            moments = [m for n in notes for m in by_note.get(n, [])]
        if not moments:
            continue
        if figure is Figure.PIPELINE and deal.outcome is DealOutcome.OPEN:
            on = deal.created_at
        elif figure is Figure.LOST and deal.outcome is DealOutcome.LOST:
            on = deal.closed_at
            if on is not None and min(moments) > on + timedelta(days=LOST_AFTER_CLOSE):
                continue
        else:
            continue
        period = None if on is None else period_of(on, quarterly)
        placed[period].append((deal.currency, deal.amount))
    result = {}
    for period, amounts in placed.items():
        sums: dict[str | None, Decimal] = defaultdict(Decimal)
        for currency, amount in amounts:
            if amount is not None:
                sums[currency] += amount
        money = convert(sums, RATES, "USD")
        result[period] = (money.amount, dict(money.unconverted), len(amounts))
    return result


def cells(found: MoneyTrendsAll) -> dict[int, dict[str, tuple[Decimal, dict[str, Decimal], int]]]:
    return {
        row.id: {
            p.period: (p.amount.amount, dict(p.amount.unconverted), p.records) for p in row.periods
        }
        for row in found.rows
    }


@pytest.mark.parametrize("quarterly", [False, True])
def test_every_theme_matches_a_plain_python_recount(
    engine: Engine, world: World, extras: Extras, quarterly: bool
) -> None:
    compared = 0
    for figure in FIGURES:
        found = money_trends_all(
            engine, SubjectKind.THEME, figure, quarterly=quarterly, periods=16, as_of=AS_OF
        )
        shown = cells(found)
        for theme in world.themes:
            assert theme.id is not None
            expected = recount(world, theme.id, figure, quarterly)
            undated = expected.pop(None, (Decimal(0), {}, 0))
            mine = shown.get(theme.id, {})
            assert {k: v for k, v in mine.items() if v[2]} == expected, (theme.name, figure)
            compared += len(expected)
            row = next((r for r in found.rows if r.id == theme.id), None)
            if row is not None:
                assert row.undated.records == undated[2]
                assert row.undated.amount.amount == undated[0]
                assert row.earlier.records == row.later.records == 0  # 16 periods hold all
        assert found.labels[-1] == period_of(AS_OF, quarterly)
        assert found.left_out == len(world.themes) - len(found.rows)
    assert compared >= 12  # several themes, figures and periods hold money
    # The additions count: the orphan lost deal (EUR) in Audit logs, the dirty theme's new
    # churned account (Juniper Foods, 55,000 USD ten days ago).
    lost = money_trends_all(engine, SubjectKind.THEME, Figure.LOST, periods=16, as_of=AS_OF)
    audit = next(r for r in lost.rows if r.name == "Audit logs")
    orphan = extras.orphan_deals[0]
    assert orphan.closed_at is not None
    assert any(
        p.period == period_of(orphan.closed_at, False) and p.amount.amount >= Decimal("27000")
        for p in audit.periods
    )
    churned = money_trends_all(engine, SubjectKind.THEME, Figure.CHURNED, as_of=AS_OF)
    sso = next(r for r in churned.rows if r.id == extras.dirty_theme)
    assert sso.last.amount.amount >= Decimal(55000)


@pytest.mark.parametrize("kind", list(SubjectKind))
@pytest.mark.parametrize(("quarterly", "periods"), [(False, 6), (False, 16), (True, 2)])
def test_every_cell_is_the_subjects_own_trend(
    engine: Engine,
    world: World,
    extras: Extras,
    kind: SubjectKind,
    quarterly: bool,
    periods: int,
) -> None:
    """Cell, change and the records outside the window, against ``money_trends`` of each
    subject: the same records, placed and converted the same way."""
    checked = 0
    for figure in FIGURES:
        found = money_trends_all(
            engine, kind, figure, quarterly=quarterly, periods=periods, as_of=AS_OF
        )
        assert len(found.labels) == periods
        shown = {r.id: r for r in found.rows}
        subjects = _subject_ids(engine, kind)
        assert found.left_out == len(subjects) - len(shown)
        for subject_id in subjects:
            own = money_trends(engine, kind, subject_id, quarterly=quarterly, as_of=AS_OF)
            trend = next(t for t in own.trends if t.figure is figure)
            by_label = {p.period: p for p in trend.periods}
            row = shown.get(subject_id)
            if row is None:  # left out: nothing in any period of the window
                assert not any(
                    by_label[label].amount.amount or by_label[label].amount.unconverted
                    for label in found.labels
                    if label in by_label
                )
                continue
            for period in row.periods:
                theirs = by_label.get(period.period)
                if theirs is None:  # before the subject's first record
                    assert (period.amount.amount, period.records, period.change) == (0, 0, 0)
                    continue
                assert period.amount == theirs.amount, (subject_id, figure, period.period)
                assert (period.records, period.change) == (theirs.records, theirs.change)
                # Deals with no amount, and whether the change is known, alike too.
                assert (period.unpriced, period.change_known) == (
                    theirs.unpriced,
                    theirs.change_known,
                )
                checked += 1
            before = [p for p in trend.periods if p.period < found.labels[0]]
            after = [p for p in trend.periods if p.period > found.labels[-1]]
            assert row.earlier.records == sum(p.records for p in before)
            assert row.earlier.amount.amount == sum(p.amount.amount for p in before)
            assert row.later.records == sum(p.records for p in after)
            assert row.undated.records == trend.undated
            assert row.undated.amount == trend.undated_amount
        amounts = [r.last.amount.amount for r in found.rows]
        assert amounts == sorted(amounts, reverse=True)
    assert checked >= 3


def _subject_ids(engine: Engine, kind: SubjectKind) -> list[int]:
    with read_session(engine) as session:
        return list(subjects(session, kind))


def test_the_window_ends_with_the_as_of_period() -> None:
    assert period_starts(date(2026, 2, 15), 3, quarterly=False) == [
        date(2025, 12, 1), date(2026, 1, 1), date(2026, 2, 1)
    ]  # fmt: skip
    assert period_starts(date(2026, 2, 15), 3, quarterly=True) == [
        date(2025, 7, 1), date(2025, 10, 1), date(2026, 1, 1)
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("figure", "periods", "message"),
    [
        (Figure.ARR, 6, "no money trend of arr: use lost, pipeline or churned"),
        (Figure.LOST, 0, "--periods must be from 1 to 120, not 0"),
    ],
)
def test_bad_input_is_refused(
    engine: Engine, world: World, figure: Figure, periods: int, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        money_trends_all(engine, SubjectKind.THEME, figure, periods=periods, as_of=AS_OF)
