"""The database itself enforces the rules, so a bug or a hand-written SQL script cannot
store what the domain would refuse. Rows here bypass the domain (SQLAlchemy Core and raw
SQL), and every refusal is checked on both engines, with the constraint that caught it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, Table, delete, insert, select, text
from sqlalchemy.exc import IntegrityError

from tradeoff.config import sqlite_url_for
from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.decisions import Decision, Experiment
from tradeoff.domain.enums import AccountLifecycle, EvidenceKind, PersonRole
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.domain.problems import Opportunity, Problem
from tradeoff.domain.strategy import Goal, KeyResult, MetricDefinition
from tradeoff.errors import Conflict
from tradeoff.storage import repository
from tradeoff.storage import tables as t
from tradeoff.storage.engine import open_engine
from tradeoff.storage.session import read_session, write_session

NOW = datetime(2026, 3, 2, 14, 5, tzinfo=UTC)


@dataclass(frozen=True)
class Seed:
    """Ids of a few stored records that the rows under test point to."""

    account: int
    zoe: int
    priya: int
    ticket: int
    reporting: int
    excel: int
    metric: int
    problem: int
    symptom: int
    opportunity: int
    decision: int


@pytest.fixture
def seed(engine: Engine) -> Seed:
    with write_session(engine) as session:

        def add(entity: Any) -> int:
            return repository.add(session, entity).id  # type: ignore[no-any-return]

        account = add(Account(name="Brightwater Logistics", arr=Decimal(48000), currency="GBP"))
        zoe = add(Person(name="Zoë O'Brien", email="zoe@brightwater.co.uk", account_id=account))
        priya = add(Person(name="Priya Raman", email="priya@tradewinds.io", role=PersonRole.CSM))
        ticket = add(
            EvidenceItem(
                source="zendesk",
                external_id="48213",
                kind=EvidenceKind.TICKET,
                text="Excel every Monday",
                created_at=NOW,
                account_id=account,
                person_id=zoe,
            )
        )
        return Seed(
            account=account,
            zoe=zoe,
            priya=priya,
            ticket=ticket,
            reporting=add(Theme(name="Reporting")),
            excel=add(Theme(name="Excel export")),
            metric=add(MetricDefinition(name="Time to detect a late carrier")),
            problem=add(Problem(statement="Late carriers are found too late")),
            symptom=add(Problem(statement="Carrier report rebuilt by hand every Monday")),
            opportunity=add(Opportunity(title="Late-carrier alerts")),
            decision=add(Decision(title="Which carrier problem first?")),
        )


def account(_: Seed) -> dict[str, Any]:
    return {
        "name": "Hafen Logistik GmbH",
        "lifecycle": "customer",
        "attributes": {},
        "arr": Decimal("61250.50"),
        "currency": "EUR",
    }


def deal(_: Seed) -> dict[str, Any]:
    return {
        "source": "salesforce",
        "external_id": "006Dn00000AbCdE",
        "name": "Hafen Logistik — fleet rollout",
        "amount": Decimal("86500.00"),
        "currency": "EUR",
        "outcome": "lost",
    }


def evidence(seed: Seed) -> dict[str, Any]:
    return {
        "source": "intercom",
        "external_id": "conv-1",
        "kind": "chat",
        "mode": "observed",
        "text": "<script>alert(1)</script> the export is broken",
        "created_at": NOW,
        "tags": [],
        "raw": {},
        "person_id": seed.zoe,
        "relayed_by_id": seed.priya,
    }


def person(seed: Seed) -> dict[str, Any]:
    return {"name": "Jonas Müller", "email": "jonas@hafenlogistik.de", "role": "buyer"}


def theme(_: Seed) -> dict[str, Any]:
    return {"name": "CSV download", "status": "active", "created_at": NOW}


def roadmap_item(_: Seed) -> dict[str, Any]:
    return {
        "title": "Late-carrier alerts",
        "horizon": "quarter",
        "quarter": "2026Q3",
        "rank": 0,
        "status": "planned",
    }


def evidence_theme(seed: Seed) -> dict[str, Any]:
    return {
        "evidence_id": seed.ticket,
        "theme_id": seed.reporting,
        "score": 0.9,
        "assigned_by": "model",
    }


def assumption(_: Seed) -> dict[str, Any]:
    return {
        "statement": "Dispatchers act on alerts",
        "risk": "high",
        "confidence": 0.35,
        "status": "untested",
    }


def experiment(seed: Seed) -> dict[str, Any]:
    return {
        "hypothesis": "Alerts halve time to detect",
        "metric_id": seed.metric,
        "threshold": 30.0,
        "status": "planned",
        "result": "pending",
        "created_at": NOW,
    }


def decision(_: Seed) -> dict[str, Any]:
    return {
        "id": 7001,
        "title": "Alerts first",
        "options": [],
        "assumptions": [],
        "revisit_signals": [],
        "stakeholders": [],
        "status": "proposed",
        "recorded_at": NOW,
    }


def decision_link(seed: Seed) -> dict[str, Any]:
    return {"decision_id": seed.decision, "option_index": 0, "problem_id": seed.problem}


def estimate(seed: Seed) -> dict[str, Any]:
    return {
        "opportunity_id": seed.opportunity,
        "field": "effort_weeks",
        "value": 6.0,
        "low": 4.0,
        "high": 10.0,
        "confidence": 0.6,
        "entered_at": NOW,
    }


def problem_symptom(seed: Seed) -> dict[str, Any]:
    return {"symptom_id": seed.symptom, "problem_id": seed.problem}


def settings_row(_: Seed) -> dict[str, Any]:
    return {
        "id": 1,
        "company_name": "Tradewinds",
        "internal_email_domains": [],
        "base_currency": "GBP",
    }


@dataclass(frozen=True)
class Refusal:
    table: Table
    good: Callable[[Seed], dict[str, Any]]
    bad: Callable[[Seed], dict[str, Any]]
    #: What the engines say: PostgreSQL names every constraint, SQLite names CHECKs and
    #: lists the columns of a UNIQUE, and says only "FOREIGN KEY constraint failed".
    error: str


REFUSALS = {
    "negative arr": Refusal(
        t.AccountRow.__table__, account, lambda s: {"arr": Decimal("-0.01")}, "arr_not_negative"
    ),
    "arr without currency": Refusal(
        t.AccountRow.__table__, account, lambda s: {"currency": None}, "arr_has_currency"
    ),
    "churn date on a customer": Refusal(
        t.AccountRow.__table__,
        account,
        lambda s: {"churned_at": NOW},
        "churn_date_only_when_churned",
    ),
    "negative employees": Refusal(
        t.AccountRow.__table__, account, lambda s: {"employees": -1}, "employees_not_negative"
    ),
    "negative deal amount": Refusal(
        t.DealRow.__table__,
        deal,
        lambda s: {"external_id": "006-2", "amount": Decimal(-1)},
        "amount_not_negative",
    ),
    "deal amount without currency": Refusal(
        t.DealRow.__table__,
        deal,
        lambda s: {"external_id": "006-2", "currency": None},
        "amount_has_currency",
    ),
    "duplicate deal": Refusal(
        t.DealRow.__table__,
        deal,
        lambda s: {"name": "Re-imported"},
        r"uq_deals_source_external_id|deals\.source, deals\.external_id",
    ),
    "duplicate evidence (source, external id)": Refusal(
        t.EvidenceItemRow.__table__,
        evidence,
        lambda s: {"text": "the same conversation, imported twice"},
        r"uq_evidence_items_source_external_id"
        r"|evidence_items\.source, evidence_items\.external_id",
    ),
    "evidence relayed by the person it came from": Refusal(
        t.EvidenceItemRow.__table__,
        evidence,
        lambda s: {"external_id": "conv-2", "relayed_by_id": s.zoe},
        "not_relayed_by_self",
    ),
    "evidence of a missing account": Refusal(
        t.EvidenceItemRow.__table__,
        evidence,
        lambda s: {"external_id": "conv-2", "account_id": 999_999},
        "fk_evidence_items_account_id_accounts|FOREIGN KEY constraint failed",
    ),
    "evidence from a missing person": Refusal(
        t.EvidenceItemRow.__table__,
        evidence,
        lambda s: {"external_id": "conv-2", "person_id": 999_999},
        "fk_evidence_items_person_id_people|FOREIGN KEY constraint failed",
    ),
    "duplicate person email": Refusal(
        t.PersonRow.__table__,
        person,
        lambda s: {"name": "J. Müller"},
        r"uq_people_email|people\.email",
    ),
    "person of a missing account": Refusal(
        t.PersonRow.__table__,
        person,
        lambda s: {"email": "anna@hafenlogistik.de", "account_id": 999_999},
        "fk_people_account_id_accounts|FOREIGN KEY constraint failed",
    ),
    "theme merged without target": Refusal(
        t.ThemeRow.__table__, theme, lambda s: {"status": "merged"}, "merged_names_target"
    ),
    "active theme with a merge target": Refusal(
        t.ThemeRow.__table__, theme, lambda s: {"merged_into_id": s.excel}, "merged_names_target"
    ),
    "quarter horizon without quarter": Refusal(
        t.RoadmapItemRow.__table__,
        roadmap_item,
        lambda s: {"quarter": None},
        "quarter_iff_horizon_quarter",
    ),
    "quarter on a 'later' item": Refusal(
        t.RoadmapItemRow.__table__,
        roadmap_item,
        lambda s: {"horizon": "later"},
        "quarter_iff_horizon_quarter",
    ),
    "negative roadmap rank": Refusal(
        t.RoadmapItemRow.__table__, roadmap_item, lambda s: {"rank": -1}, "rank_not_negative"
    ),
    "theme score above 1": Refusal(
        t.EvidenceThemeRow.__table__,
        evidence_theme,
        lambda s: {"theme_id": s.excel, "score": 1.5},
        "score_in_unit_interval",
    ),
    "confidence below 0": Refusal(
        t.AssumptionRow.__table__,
        assumption,
        lambda s: {"confidence": -0.1},
        "confidence_in_unit_interval",
    ),
    "experiment on a metric without threshold": Refusal(
        t.ExperimentRow.__table__, experiment, lambda s: {"threshold": None}, "metric_has_threshold"
    ),
    "decision superseding itself": Refusal(
        t.DecisionRow.__table__,
        decision,
        lambda s: {"id": 7002, "supersedes_id": 7002},
        "not_self_superseding",
    ),
    "two revisions of one decision": Refusal(
        t.DecisionRow.__table__,
        lambda s: {**decision(s), "supersedes_id": s.decision},
        lambda s: {"id": 7002},
        "supersedes_id",
    ),
    "decision option linked to nothing": Refusal(
        t.DecisionLinkRow.__table__, decision_link, lambda s: {"problem_id": None}, "one_target"
    ),
    "decision option linked to two things": Refusal(
        t.DecisionLinkRow.__table__,
        decision_link,
        lambda s: {"opportunity_id": s.opportunity},
        "one_target",
    ),
    "estimate below its low bound": Refusal(
        t.OpportunityEstimateRow.__table__,
        estimate,
        lambda s: {"value": 3.0},
        "low_not_above_value",
    ),
    "estimate above its high bound": Refusal(
        t.OpportunityEstimateRow.__table__,
        estimate,
        lambda s: {"value": 11.0},
        "high_not_below_value",
    ),
    "problem as its own symptom": Refusal(
        t.ProblemSymptomRow.__table__,
        problem_symptom,
        lambda s: {"symptom_id": s.problem},
        "not_own_symptom",
    ),
    "second settings row": Refusal(
        t.WorkspaceSettingsRow.__table__, settings_row, lambda s: {"id": 2}, "single_row"
    ),
}


@pytest.mark.parametrize("refusal", REFUSALS.values(), ids=list(REFUSALS))
def test_the_database_refuses(engine: Engine, seed: Seed, refusal: Refusal) -> None:
    good = refusal.good(seed)
    # The same row without the fault is accepted, so the refusal below is about the fault.
    with engine.begin() as connection:
        connection.execute(insert(refusal.table).values(good))
    with pytest.raises(IntegrityError, match=refusal.error), engine.begin() as connection:
        connection.execute(insert(refusal.table).values({**good, **refusal.bad(seed)}))


@pytest.mark.parametrize(
    ("sql", "constraint"),
    [
        (
            "INSERT INTO accounts (name, name_key, lifecycle, attributes) "
            "VALUES ('Brightwater Logistics', 'brightwater logistics', 'zombie', '{}')",
            "account_lifecycle",
        ),
        (
            "INSERT INTO deals (source, external_id, name, outcome) "
            "VALUES ('salesforce', '006-9', 'Hafen pilot', 'stalled')",
            "deal_outcome",
        ),
        (
            "INSERT INTO roadmap_items (title, horizon, rank, status) "
            "VALUES ('Late-carrier alerts', 'someday', 0, 'planned')",
            "roadmap_horizon",
        ),
        (
            "INSERT INTO people (name, role) VALUES ('Zoë O''Brien', 'END_USER')",
            "person_role",
        ),
    ],
    ids=["account lifecycle", "deal outcome", "roadmap horizon", "role in the wrong case"],
)
def test_the_database_refuses_unknown_enum_values(
    engine: Engine, sql: str, constraint: str
) -> None:
    with pytest.raises(IntegrityError, match=constraint), engine.begin() as connection:
        connection.execute(text(sql))


def test_a_duplicate_through_write_session_is_a_conflict(engine: Engine, seed: Seed) -> None:
    twice = EvidenceItem(
        source="zendesk",
        external_id="48213",
        kind=EvidenceKind.TICKET,
        text="The same ticket, imported again",
        created_at=NOW,
    )
    with (
        pytest.raises(Conflict, match="the change breaks a rule of the data") as caught,
        write_session(engine) as session,
    ):
        repository.add(session, twice)
    assert isinstance(caught.value.__cause__, IntegrityError)


def test_a_link_the_domain_cannot_check_is_a_conflict(engine: Engine) -> None:
    orphan = Person(name="Jonas Müller", email="jonas@hafenlogistik.de", account_id=999_999)
    with pytest.raises(Conflict), write_session(engine) as session:
        repository.add(session, orphan)
    with read_session(engine) as session:
        assert repository.count(session, Person) == 0


def test_a_raw_statement_through_write_session_is_a_conflict(engine: Engine, seed: Seed) -> None:
    with (
        pytest.raises(Conflict, match="the change breaks a rule of the data"),
        write_session(engine) as session,
    ):
        session.execute(
            text("UPDATE evidence_items SET relayed_by_id = person_id WHERE id = :id"),
            {"id": seed.ticket},
        )
    with read_session(engine) as session:
        assert repository.get(session, EvidenceItem, seed.ticket).relayed_by_id is None


def write_half_an_import(engine: Engine, failure: Exception | None) -> None:
    with write_session(engine) as session:
        hafen = repository.add(session, Account(name="Hafen Logistik GmbH"))
        jonas = repository.add(
            session,
            Person(name="Jonas Müller", email="jonas@hafenlogistik.de", account_id=hafen.id),
        )
        repository.add(
            session,
            EvidenceItem(
                source="gong",
                external_id="call-1",
                kind=EvidenceKind.CALL,
                text="We need alerts before the customer calls",
                created_at=NOW,
                account_id=hafen.id,
                person_id=jonas.id,
            ),
        )
        if failure is not None:
            raise failure
        # A duplicate email, caught only by the database at flush time.
        repository.add(session, Person(name="Jonas M.", email="jonas@hafenlogistik.de"))


@pytest.mark.parametrize(
    ("failure", "raised"),
    [(RuntimeError("importer crashed at line 3"), RuntimeError), (None, Conflict)],
    ids=["crash mid-way", "database refusal mid-way"],
)
def test_write_session_rolls_back_the_whole_block(
    engine: Engine, failure: Exception | None, raised: type[Exception]
) -> None:
    with pytest.raises(raised):
        write_half_an_import(engine, failure)
    with read_session(engine) as session:
        assert set(repository.counts(session).values()) == {0}


def test_write_session_commits_when_the_block_ends_normally(engine: Engine) -> None:
    with write_session(engine) as session:
        repository.add(session, Account(name="Hafen Logistik GmbH"))
    with read_session(engine) as session:
        assert [a.name for a in repository.list_all(session, Account)] == ["Hafen Logistik GmbH"]


def test_sqlite_connections_enforce_foreign_keys_and_use_wal(tmp_path: Path) -> None:
    engine = open_engine(sqlite_url_for(tmp_path / "workspace.db"))
    try:
        for _ in range(2):  # every pooled connection, not just the first
            with engine.connect() as connection:
                pragma = connection.exec_driver_sql
                assert pragma("PRAGMA foreign_keys").scalar() == 1
                assert pragma("PRAGMA journal_mode").scalar() == "wal"
                assert pragma("PRAGMA busy_timeout").scalar() == 10_000
                assert pragma("PRAGMA synchronous").scalar() == 2  # FULL
    finally:
        engine.dispose()


def test_deleting_an_account_keeps_its_evidence_and_people(engine: Engine, seed: Seed) -> None:
    evidence_table, people = t.EvidenceItemRow.__table__, t.PersonRow.__table__
    with engine.begin() as connection:
        connection.execute(delete(t.AccountRow.__table__).where(t.AccountRow.id == seed.account))
    with engine.connect() as connection:
        assert connection.execute(
            select(evidence_table.c.id, evidence_table.c.account_id, evidence_table.c.person_id)
        ).all() == [(seed.ticket, None, seed.zoe)]
        assert connection.execute(
            select(people.c.id, people.c.account_id).order_by(people.c.id)
        ).all() == [(seed.zoe, None), (seed.priya, None)]


def test_deleting_an_evidence_item_deletes_its_theme_filings(engine: Engine, seed: Seed) -> None:
    with write_session(engine) as session:
        for theme_id in (seed.reporting, seed.excel):
            repository.add(session, EvidenceTheme(evidence_id=seed.ticket, theme_id=theme_id))
    with engine.begin() as connection:
        connection.execute(
            delete(t.EvidenceItemRow.__table__).where(t.EvidenceItemRow.id == seed.ticket)
        )
    with read_session(engine) as session:
        assert repository.list_all(session, EvidenceTheme) == []
        assert repository.count(session, Theme) == 2


def test_a_metric_in_use_cannot_be_deleted(engine: Engine, seed: Seed) -> None:
    with write_session(engine) as session:
        goal = repository.add(session, Goal(title="Hear about delays first", period="2026Q3"))
        repository.add(
            session,
            KeyResult(
                goal_id=goal.id, description="Median below 15", metric_id=seed.metric, target=15
            ),
        )
        repository.add(
            session, Experiment(hypothesis="Alerts help", metric_id=seed.metric, threshold=30)
        )
    metrics = t.MetricDefinitionRow.__table__
    with (
        pytest.raises(IntegrityError, match=r"fk_key_results_metric_id|FOREIGN KEY constraint"),
        engine.begin() as connection,
    ):
        connection.execute(delete(metrics).where(metrics.c.id == seed.metric))
    with read_session(engine) as session:
        assert repository.count(session, MetricDefinition) == 1


def test_enum_text_written_by_hand_reads_back_as_the_enum(engine: Engine) -> None:
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO accounts (name, name_key, lifecycle, attributes) "
                "VALUES ('Kumo Butsuryu', 'kumo butsuryu', 'churned', '{}')"
            )
        )
    with read_session(engine) as session:
        (kumo,) = repository.list_all(session, Account)
    assert kumo.lifecycle is AccountLifecycle.CHURNED
