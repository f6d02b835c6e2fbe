"""Problems and opportunities broken down read their themes from the group summaries
(migration 0020): the same figures per group as the links give.

The workspace is the theme-summary tests' company (real Banking77 tickets placed by an
analysis, problems over themes, a theme with its sub-theme, items by hand), with a copy
across two themes of one problem, and an end user who speaks for accounts in two segments
inside one problem's themes: counted once per group, never summed over themes.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import Engine, select, update

from tests.business.test_subject_filed import HALF_LIFE, _expected_months, _months
from tests.business.world import TODAY, World
from tests.storage.test_theme_summary import (
    _copies_across_themes,
    mark_every_theme_dirty,
    refresh,
)
from tradeoff.analysis.business.demand_time import scaled_weight, weight_horizon
from tradeoff.domain.enums import INTERNAL_PROXY_ROLES
from tradeoff.storage import subject_demand, subject_filed
from tradeoff.storage.demand import (
    Breakdown,
    DemandQuery,
    SubjectKind,
    linked_day_counts,
    linked_reach_counts,
)
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import (
    AccountRow,
    EvidenceItemRow,
    EvidenceThemeRow,
    PersonRow,
    ProblemThemeRow,
)

AS_OF = TODAY.date() + timedelta(days=400)  # after every item: "now"


def _speaker_in_two_segments(engine: Engine) -> tuple[int, int]:
    """One end user speaks for two accounts of different segments in a problem the summary
    answers: two items of one of its themes get that speaker and those accounts. Returns
    (problem, person)."""
    refresh(engine)
    query = DemandQuery(SubjectKind.PROBLEM, AS_OF)
    with read_session(engine) as session:
        fast, _ = subject_demand.split(session, query)
    assert fast is not None
    assert fast.subject_ids
    problem = max(fast.subject_ids)
    item, link = EvidenceItemRow, EvidenceThemeRow
    with write_session(engine) as session:
        themes = session.scalars(
            select(ProblemThemeRow.theme_id)
            .where(ProblemThemeRow.problem_id == problem)
            .order_by(ProblemThemeRow.theme_id)
        ).all()
        first, second = next(  # the first of its themes holding two items at least
            members[:2]
            for theme in themes
            if len(
                members := session.scalars(
                    select(link.evidence_id)
                    .where(link.theme_id == theme)
                    .order_by(link.evidence_id)
                ).all()
            )
            >= 2
        )
        person = session.scalar(
            select(PersonRow.id)
            .where(PersonRow.role.not_in(INTERNAL_PROXY_ROLES))
            .order_by(PersonRow.id)
        )
        accounts = session.execute(
            select(AccountRow.id, AccountRow.segment).order_by(AccountRow.id)
        ).all()
        one = next(a for a in accounts if a.segment)
        other = next(a for a in accounts if a.segment and a.segment != one.segment)
        for evidence_id, account in ((first, one.id), (second, other.id)):
            session.execute(
                update(item)
                .where(item.id == evidence_id)
                .values(person_id=person, account_id=account)
            )
    assert person is not None
    return problem, person


def _figures(engine: Engine, query: DemandQuery) -> subject_filed.Figures:
    weight = lambda day: scaled_weight(day, query.as_of, HALF_LIFE)  # noqa: E731
    with read_session(engine) as session:
        return subject_filed.figures(session, query, weight, weight_horizon(HALF_LIFE))


def _sorted(found: subject_filed.Figures) -> tuple[object, ...]:
    money = sorted(
        found.money, key=lambda m: (m.figure, m.subject_id, m.group or "", m.currency or "")
    )
    return (_months(found.months), sorted(found.grouped, key=repr), sorted(found.reach), money)


@pytest.mark.parametrize("by", ["segment", "region", "attribute:tier"])
def test_broken_down_through_the_summary_equals_the_links(
    engine: Engine, company: World, by: str
) -> None:
    with write_session(engine) as session:
        _copies_across_themes(session)
    problem, _person = _speaker_in_two_segments(engine)
    refresh(engine)
    through: dict[SubjectKind, tuple[object, ...]] = {}
    for kind in (SubjectKind.PROBLEM, SubjectKind.OPPORTUNITY):
        query = DemandQuery(kind, AS_OF, by=Breakdown.parse(by))
        with read_session(engine) as session:
            fast, slow = subject_demand.split(session, query)
            expected_days = linked_day_counts(session, query)
            expected_grouped = linked_reach_counts(session, query)
            expected_reach = linked_reach_counts(session, replace(query, by=None))
        assert fast is not None
        assert fast.subject_ids, "the summary answers most subjects"
        assert slow is not None, "a problem of a theme and its sub-theme is counted"
        if kind is SubjectKind.PROBLEM:
            assert problem in fast.subject_ids
        found = _figures(engine, query)
        assert _months(found.months) == _expected_months(expected_days, AS_OF)
        assert sorted(found.grouped, key=repr) == sorted(expected_grouped, key=repr)
        assert sorted(found.reach) == sorted(expected_reach)
        # Not trivial: several groups, and money in groups.
        assert len({m.group for m in found.months}) >= 2
        assert any(m.group is not None and m.amount for m in found.money)
        through[kind] = _sorted(found)
    # Money: the same with every theme counted from its links.
    mark_every_theme_dirty(engine)
    for kind in (SubjectKind.PROBLEM, SubjectKind.OPPORTUNITY):
        query = DemandQuery(kind, AS_OF, by=Breakdown.parse(by))
        with read_session(engine) as session:
            assert subject_demand.split(session, query)[0] is None
        assert _sorted(_figures(engine, query)) == through[kind]


def test_an_end_user_of_two_segments_counts_once_in_each(engine: Engine, company: World) -> None:
    """The case the per-theme group counts could not answer: one person, two groups of one
    problem, each counting them once; the problem as a whole counts them once."""
    problem, person = _speaker_in_two_segments(engine)
    refresh(engine)
    query = DemandQuery(SubjectKind.PROBLEM, AS_OF, by=Breakdown.parse("segment"))
    with read_session(engine) as session:
        fast, _ = subject_demand.split(session, query)
        expected = linked_reach_counts(session, query)
        segments = {
            s
            for (s,) in session.execute(
                select(AccountRow.segment)
                .join(EvidenceItemRow, EvidenceItemRow.account_id == AccountRow.id)
                .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
                .join(ProblemThemeRow, ProblemThemeRow.theme_id == EvidenceThemeRow.theme_id)
                .where(ProblemThemeRow.problem_id == problem, EvidenceItemRow.person_id == person)
            )
        }
    assert fast is not None
    assert problem in (fast.subject_ids or ())
    assert len(segments) >= 2
    found = _figures(engine, query)
    mine = sorted((r for r in found.grouped if r.subject_id == problem), key=repr)
    assert mine == sorted((r for r in expected if r.subject_id == problem), key=repr)
    # Summed over groups, end users would count this person twice: the whole is less.
    (whole,) = [r for r in found.reach if r.subject_id == problem]
    assert sum(r.end_users for r in mine) > whole.end_users


def test_a_day_in_the_past_is_counted_from_the_links(engine: Engine, company: World) -> None:
    refresh(engine)
    day = TODAY.date() - timedelta(days=3650)  # before every item
    past = DemandQuery(SubjectKind.PROBLEM, day, by=Breakdown.parse("segment"))
    with read_session(engine) as session:
        assert subject_demand.split(session, past)[0] is None
