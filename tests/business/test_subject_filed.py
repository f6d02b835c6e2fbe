"""Problems and opportunities with their linked items read once and their days folded into
months in the database (``storage.subject_filed``): every figure equal to the links'
reference (``storage.demand``'s ``linked_*``), folded and decayed here in plain Python."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine, select

from tests.business.test_demand_subjects import add_copy, add_orphan_deal
from tests.business.world import TODAY, World
from tradeoff.analysis.business.demand_time import (
    WEIGHT_SCALE,
    decayed,
    scaled_weight,
    weight_horizon,
)
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import DealOutcome
from tradeoff.domain.problems import (
    Opportunity,
    OpportunityProblem,
    Problem,
    ProblemEvidence,
    ProblemSymptom,
    ProblemTheme,
)
from tradeoff.storage import repository, subject_filed
from tradeoff.storage.demand import (
    Breakdown,
    DayCount,
    DemandQuery,
    MonthCount,
    SubjectKind,
    linked_day_counts,
    linked_reach_counts,
)
from tradeoff.storage.demand_money import money_sums
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import AccountRow

HALF_LIFE = 180
#: pieces, observed, proxy, first day, last day, decayed count (units of 1e-12)
Month = tuple[int, int, int, date, date, int]


def _add_subjects(engine: Engine, world: World) -> None:
    """Three problems by hand (the third a symptom of the first; a copy whose original is
    not linked, and two copies of one original; an orphan deal's note), a fourth of a
    theme with an item by hand, and two opportunities over them."""
    items = sorted((e for e in world.evidence if e.id), key=lambda e: e.id or 0)
    ids = [e.id for e in items if e.id]
    with write_session(engine) as session:
        copies = [
            add_copy(session, items[number], number, TODAY - timedelta(days=5 + number * 40))
            for number in (0, 1)
        ]
        copies.append(add_copy(session, items[1], 2, TODAY - timedelta(days=300)))
        _, note = add_orphan_deal(
            session,
            Deal(
                source="hubspot",
                external_id="9002",
                name="Orphan deal",
                amount=Decimal("2500"),
                currency="GBP",
                outcome=DealOutcome.LOST,
                closed_at=TODAY - timedelta(days=20),
            ),
            "loss_reason",
            "Went with a spreadsheet.",
            TODAY - timedelta(days=25),
        )
        problems = [repository.add(session, Problem(statement=f"Problem {n}")).id for n in range(4)]
        held: dict[int | None, list[int | None]] = {
            problems[0]: [*ids[0:12:2], copies[0].id, note.id],
            problems[1]: [ids[1], copies[1].id, copies[2].id, *ids[20:30]],
            problems[2]: [ids[0], *ids[5:15]],
            problems[3]: [ids[3]],
        }
        for problem_id, evidence in held.items():
            for evidence_id in evidence:
                assert problem_id is not None
                assert evidence_id is not None
                repository.add(
                    session, ProblemEvidence(problem_id=problem_id, evidence_id=evidence_id)
                )
        assert all(problems)
        theme = world.theme("Single sign-on").id
        assert theme is not None
        repository.add(session, ProblemTheme(problem_id=problems[3] or 0, theme_id=theme))
        repository.add(
            session, ProblemSymptom(symptom_id=problems[2] or 0, problem_id=problems[0] or 0)
        )
        for number, members in enumerate((problems[:2], problems[1:])):
            opportunity = repository.add(session, Opportunity(title=f"Opportunity {number}"))
            for problem_id in members:
                repository.add(
                    session,
                    OpportunityProblem(
                        opportunity_id=opportunity.id or 0, problem_id=problem_id or 0
                    ),
                )


MonthKey = tuple[int, str | None, date]


def _expected_months(days: list[DayCount], as_of: date) -> dict[MonthKey, Month]:
    """The links' day rows folded here per subject, group and month: pieces, observed,
    proxy, first and last day and the decay weight (0.5 per half-life, in units of 1e-12,
    rounded per day)."""
    folded: dict[MonthKey, list[int]] = defaultdict(lambda: [0, 0, 0, 10**9, 0, 0])
    for row in days:
        month = folded[(row.subject_id, row.group, date(row.day.year, row.day.month, 1))]
        month[0] += row.items
        month[1] += row.observed
        month[2] += row.proxy
        month[3] = min(month[3], row.day.toordinal())
        month[4] = max(month[4], row.day.toordinal())
        month[5] += row.items * round(0.5 ** ((as_of - row.day).days / HALF_LIFE) * 10**12)
    return {
        key: (i, o, p, date.fromordinal(first), date.fromordinal(last), w)
        for key, (i, o, p, first, last, w) in folded.items()
    }


def _months(rows: list[MonthCount]) -> dict[MonthKey, Month]:
    found = {
        (r.subject_id, r.group, r.month): (
            r.items,
            r.observed,
            r.proxy,
            r.first,
            r.last,
            r.weighted,
        )
        for r in rows
    }
    assert len(found) == len(rows), "one row per subject, group and month"
    return found


@pytest.mark.parametrize("kind", [SubjectKind.PROBLEM, SubjectKind.OPPORTUNITY])
@pytest.mark.parametrize("days_back", [0, 60])
def test_read_once_and_folded_equals_the_links(
    engine: Engine, world: World, kind: SubjectKind, days_back: int
) -> None:
    """Every subject (of hand links, and one of a theme the summary answers), today and as
    of a day in the past that leaves later evidence out: months, money and reach equal the
    links' reference; twice in one session (the temporary tables do not linger)."""
    _add_subjects(engine, world)
    as_of = TODAY.date() - timedelta(days=days_back)
    query = DemandQuery(kind, as_of)
    weight = lambda day: scaled_weight(day, as_of, HALF_LIFE)  # noqa: E731
    with read_session(engine) as session:
        found = subject_filed.figures(session, query, weight, weight_horizon(HALF_LIFE))
        again = subject_filed.figures(session, query, weight, weight_horizon(HALF_LIFE))
        short = subject_filed.figures(session, query, weight, 30)
        endless = subject_filed.figures(session, query, weight, 10**7)
        expected_days = linked_day_counts(session, query)
        expected_reach = linked_reach_counts(session, query)
        expected_money = money_sums(session, query)
    assert found == again == endless  # a horizon past the calendar's start is no error
    # Past the horizon a day weighs nothing; every other figure stays.
    assert [m[:8] for m in short.months] == [m[:8] for m in found.months]
    old = [m for m in short.months if m.last < as_of - timedelta(days=30)]
    assert old
    assert all(m.weighted == 0 for m in old)
    assert _months(found.months) == _expected_months(expected_days, as_of)
    assert sorted(found.reach) == sorted(expected_reach)
    key = lambda m: (m.figure, m.subject_id, m.currency or "")  # noqa: E731
    assert sorted(found.money, key=key) == sorted(expected_money, key=key)
    # Not trivial: several subjects and months, every money figure, an orphan deal's loss.
    assert len({r.subject_id for r in found.reach}) >= (4 if kind is SubjectKind.PROBLEM else 2)
    assert len(found.months) > len(found.reach)
    assert {m.figure for m in found.money} >= {"arr", "pipeline", "lost"}
    if days_back == 0:
        assert any(m.currency == "GBP" and m.figure == "lost" for m in found.money)


def test_a_decayed_count_is_an_exact_sum_of_rounded_weights() -> None:
    """The same figure whatever the order (integers), within 1e-12 an item of the float
    weights, and nothing past the horizon, where every weight rounds to 0."""
    as_of = date(2026, 10, 15)
    counts = {as_of - timedelta(days=age): 1 + age % 7 for age in range(0, 3000, 13)}
    exact = decayed(counts, as_of, HALF_LIFE)
    backwards = decayed(dict(reversed(list(counts.items()))), as_of, HALF_LIFE)
    assert exact == backwards
    floats = sum(n * 0.5 ** ((as_of - d).days / HALF_LIFE) for d, n in counts.items())
    assert abs(exact - floats) <= sum(counts.values()) / WEIGHT_SCALE
    horizon = weight_horizon(HALF_LIFE)
    assert scaled_weight(as_of - timedelta(days=horizon), as_of, HALF_LIFE) == 0
    assert scaled_weight(as_of - timedelta(days=horizon - 2 * HALF_LIFE), as_of, HALF_LIFE) > 0
    assert scaled_weight(as_of, as_of, HALF_LIFE) == WEIGHT_SCALE


@pytest.mark.parametrize("kind", [SubjectKind.PROBLEM, SubjectKind.OPPORTUNITY])
@pytest.mark.parametrize("by", ["segment", "region", "attribute:tier"])
def test_broken_down_read_once_equals_the_links(
    engine: Engine, world: World, kind: SubjectKind, by: str
) -> None:
    """Problems and opportunities by a dimension or an attribute key: days, money and reach
    per group, and reach over all groups, equal the links' reference, today and as of a day
    that leaves later evidence out."""
    _add_subjects(engine, world)
    with write_session(engine) as session:
        for account in session.scalars(select(AccountRow).order_by(AccountRow.id)).all():
            if account.id % 4:  # one account in four has no tier: a group of its own
                account.attributes = {"tier": ("gold", "silver", "bronze")[account.id % 3]}
    for as_of in (TODAY.date(), TODAY.date() - timedelta(days=60)):
        query = DemandQuery(kind, as_of, by=Breakdown.parse(by))
        weight = lambda day, as_of=as_of: scaled_weight(day, as_of, HALF_LIFE)  # noqa: E731
        with read_session(engine) as session:
            found = subject_filed.figures(session, query, weight, weight_horizon(HALF_LIFE))
            expected_days = linked_day_counts(session, query)
            expected_grouped = linked_reach_counts(session, query)
            expected_reach = linked_reach_counts(session, replace(query, by=None))
            expected_money = money_sums(session, query)
        assert _months(found.months) == _expected_months(expected_days, as_of)
        assert sorted(found.grouped, key=repr) == sorted(expected_grouped, key=repr)
        assert sorted(found.reach) == sorted(expected_reach)
        key = lambda m: (m.figure, m.subject_id, m.group or "", m.currency or "")  # noqa: E731
        assert sorted(found.money, key=key) == sorted(expected_money, key=key)
        # Not trivial: several groups, money in groups, a group for no value.
        assert len({m.group for m in found.months}) >= 3
        assert any(m.group is not None for m in found.money)
    if by == "attribute:tier":
        assert any(m.group is None for m in found.months)
