"""The decision log: records, revisions that supersede (never edit), the chain's history
and what changed, and the refusals that keep the chain linear and the log whole."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import Engine

from tradeoff.decisions.decision_draft import DecisionDraft, OptionLink
from tradeoff.decisions.log import (
    decision_history,
    get_decision,
    list_decisions,
    record_decision,
)
from tradeoff.decisions.records import Change
from tradeoff.decisions.signals import Subject
from tradeoff.domain.decisions import Decision, DecisionLink
from tradeoff.domain.enums import DecisionStatus
from tradeoff.domain.problems import Opportunity, Problem
from tradeoff.errors import Conflict, InputError, NotFound
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session

SSO = DecisionDraft(
    question="Build single sign-on this quarter?",
    context="Three enterprise prospects ask for SAML; the platform team has one slot.",
    options=("Build SAML SSO now", "Partner with an identity broker", "Not yet"),
    chosen="3",
    tradeoffs="Two enterprise deals may slip a quarter.",
    not_optimising_for="Enterprise win rate this quarter.",
    assumptions=("Prospects will wait one quarter.",),
    signals=("opportunity 1 pipeline >= 250000", "date 2027-03-01"),
    owner="maya.okafor@ledgerly.example",
    stakeholders=("rachel.stein@ledgerly.example", "tom.lindqvist@ledgerly.example"),
    decided_on=date(2026, 4, 20),
    status=DecisionStatus.NOT_YET,
    requested_by="Dana Whitfield (Account Executive) for Acme Freight",
    reason="Please introduce us to the admins who would set it up.",
)


@pytest.fixture
def subjects(engine: Engine) -> tuple[int, int]:
    """An opportunity (id 1 in the signal above) and a problem to link options to."""
    with write_session(engine) as session:
        opportunity = repository.add(session, Opportunity(title="Enterprise SSO"))
        problem = repository.add(session, Problem(statement="Admins cannot control sign-in"))
    assert opportunity.id is not None
    assert problem.id is not None
    return opportunity.id, problem.id


def _stored_rows(engine: Engine) -> list[Decision]:
    with read_session(engine) as session:
        return repository.list_all(session, Decision)


def test_a_decision_is_recorded_whole(engine: Engine, subjects: tuple[int, int]) -> None:
    opportunity_id, problem_id = subjects
    draft = DecisionDraft(
        **{
            **SSO.__dict__,
            "links": (
                OptionLink(1, Subject.OPPORTUNITY, opportunity_id),
                OptionLink(3, Subject.PROBLEM, problem_id),
            ),
        }
    )
    record = record_decision(engine, draft)
    d = record.decision
    assert d.title == SSO.question
    assert d.chosen_option == "Not yet"
    assert d.status is DecisionStatus.NOT_YET
    assert d.decided_at == datetime(2026, 4, 20, tzinfo=UTC)
    assert d.revisit_signals == ["opportunity 1 pipeline >= 250000", "date 2027-03-01"]
    assert "Please introduce us" in (d.reply_text or "")
    assert [str(link) for link in record.option_links] == [
        f"1:opportunity:{opportunity_id}",
        f"3:problem:{problem_id}",
    ]
    assert get_decision(engine, record.id) == record


def test_a_revision_supersedes_and_never_edits(engine: Engine, subjects: tuple[int, int]) -> None:
    first = record_decision(engine, SSO)
    before = _stored_rows(engine)
    second = record_decision(
        engine,
        DecisionDraft(
            supersedes=first.id,
            chosen="Build SAML SSO now",
            status=DecisionStatus.DECIDED,
            decided_on=date(2026, 7, 14),
            signals=("date 2027-01-15",),
        ),
    )
    third = record_decision(
        engine,
        DecisionDraft(supersedes=second.id, owner="tom.lindqvist@ledgerly.example"),
        today=date(2026, 8, 1),
    )
    rows = _stored_rows(engine)
    assert rows[0] == before[0], "the earlier row is exactly as it was"
    assert [r.supersedes_id for r in rows] == [None, first.id, second.id]
    # Fields a revision leaves out are the earlier decision's; the date is its own.
    assert third.decision.chosen_option == "Build SAML SSO now"
    assert third.decision.context == SSO.context
    assert third.decision.revisit_signals == ["date 2027-01-15"]
    assert third.decision.decided_at == datetime(2026, 8, 1, tzinfo=UTC)


def test_history_reads_oldest_to_newest_with_what_changed(
    engine: Engine, subjects: tuple[int, int]
) -> None:
    first = record_decision(engine, SSO)
    second = record_decision(
        engine,
        DecisionDraft(
            supersedes=first.id,
            chosen="1",
            status=DecisionStatus.DECIDED,
            decided_on=date(2026, 7, 14),
            assumptions=("SAML covers 90% of asks.",),
        ),
    )
    third = record_decision(
        engine,
        DecisionDraft(
            supersedes=second.id, owner="tom@ledgerly.example", decided_on=date(2026, 8, 1)
        ),
    )
    for asked in (first.id, second.id, third.id):
        history = decision_history(engine, asked)
        assert [r.record.id for r in history.revisions] == [first.id, second.id, third.id]
        assert history.current.id == third.id
        assert history.asked_record.id == asked
    history = decision_history(engine, first.id)
    assert [r.record.shown_status for r in history.revisions] == [
        f"superseded by #{second.id}",
        f"superseded by #{third.id}",
        "decided",
    ]
    assert history.revisions[0].changes == ()
    changes = {c.field: c for c in history.revisions[1].changes}
    assert changes["chosen"] == Change("chosen", ("Not yet",), ("Build SAML SSO now",))
    assert changes["status"] == Change("status", ("not yet",), ("decided",))
    assert changes["decided on"] == Change("decided on", ("2026-04-20",), ("2026-07-14",))
    assert changes["assumptions"] == Change(
        "assumptions", ("Prospects will wait one quarter.",), ("SAML covers 90% of asks.",)
    )
    assert "reply" in changes  # a decided revision sends no "not yet" reply
    assert [c.field for c in history.revisions[2].changes] == ["owner", "decided on"]


def test_revising_a_superseded_decision_is_refused_naming_the_newest(
    engine: Engine, subjects: tuple[int, int]
) -> None:
    first = record_decision(engine, SSO)
    second = record_decision(engine, DecisionDraft(supersedes=first.id, owner="a@x.example"))
    third = record_decision(engine, DecisionDraft(supersedes=second.id, owner="b@x.example"))
    with pytest.raises(Conflict) as caught:
        record_decision(engine, DecisionDraft(supersedes=first.id, owner="c@x.example"))
    assert f"newest revision is #{third.id}" in str(caught.value)
    assert f"--supersedes {third.id}" in str(caught.value)
    assert len(_stored_rows(engine)) == 3


def test_the_database_refuses_a_fork_a_race_would_make(
    engine: Engine, subjects: tuple[int, int]
) -> None:
    first = record_decision(engine, SSO)
    record_decision(engine, DecisionDraft(supersedes=first.id, owner="a@x.example"))
    with pytest.raises(Conflict), write_session(engine) as session:
        repository.add(session, Decision(title="fork", supersedes_id=first.id))


def test_list_shows_the_newest_revision_of_each_chain(
    engine: Engine, subjects: tuple[int, int]
) -> None:
    first = record_decision(engine, SSO)
    other = record_decision(
        engine, DecisionDraft(question="Dark mode?", decided_on=date(2026, 5, 5))
    )
    second = record_decision(
        engine, DecisionDraft(supersedes=first.id, decided_on=date(2026, 9, 1))
    )
    assert [r.id for r in list_decisions(engine)] == [second.id, other.id]
    every = list_decisions(engine, include_superseded=True)
    assert [(r.id, r.superseded_by) for r in every] == [
        (second.id, None),
        (other.id, None),
        (first.id, second.id),
    ]


def test_links_follow_their_options_when_a_revision_reorders_them(
    engine: Engine, subjects: tuple[int, int]
) -> None:
    opportunity_id, _ = subjects
    first = record_decision(
        engine,
        DecisionDraft(
            **{**SSO.__dict__, "links": (OptionLink.parse(f"1:opportunity:{opportunity_id}"),)}
        ),
    )
    second = record_decision(
        engine,
        DecisionDraft(supersedes=first.id, options=("Not yet", "Build SAML SSO now")),
    )
    assert [str(link) for link in second.option_links] == [f"2:opportunity:{opportunity_id}"]
    assert second.decision.chosen_option == "Not yet"


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (DecisionDraft(question="Q", status=DecisionStatus.SUPERSEDED), "is not recorded"),
        (DecisionDraft(question="Q", status=DecisionStatus.REVERSED), "--supersedes ID"),
        (DecisionDraft(question="Q", status=DecisionStatus.NOT_YET), "--requested-by"),
        (DecisionDraft(context="no question"), "needs its question"),
        (DecisionDraft(question="Q", options=("a", "b"), chosen="c"), "not one of the options"),
        (
            DecisionDraft(question="Q", options=("a",), links=(OptionLink.parse("2:problem:1"),)),
            "there is no option 2",
        ),
        (
            DecisionDraft(question="Q", options=("a",), links=(OptionLink.parse("1:problem:99"),)),
            "no problem with id 99",
        ),
        (DecisionDraft(question="Q", signals=("metric nps >> 3",)), "column 12"),
    ],
)
def test_bad_drafts_are_refused_and_nothing_is_written(
    engine: Engine, draft: DecisionDraft, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        record_decision(engine, draft)
    assert _stored_rows(engine) == []
    with read_session(engine) as session:
        assert repository.list_all(session, DecisionLink) == []


def test_a_missing_decision_is_named(engine: Engine) -> None:
    with pytest.raises(NotFound, match="no decision with id 9"):
        decision_history(engine, 9)
    with pytest.raises(NotFound, match="no decision with id 9"):
        record_decision(engine, DecisionDraft(supersedes=9, owner="x"))


def test_a_proposal_has_no_date_until_decided(engine: Engine) -> None:
    record = record_decision(engine, DecisionDraft(question="Q", status=DecisionStatus.PROPOSED))
    assert record.decision.decided_at is None
    decided = record_decision(
        engine,
        DecisionDraft(supersedes=record.id, status=DecisionStatus.DECIDED),
        today=date(2026, 11, 2),
    )
    assert decided.decision.decided_at == datetime(2026, 11, 2, tzinfo=UTC)
