"""Revisit signals: the grammar (round trips, errors with columns) and firing on data —
metric series with runs of periods, theme and problem demand from a real workspace, dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.business.world import TODAY, World, build_world
from tradeoff.analysis.business.demand import problem_demand, theme_demand
from tradeoff.decisions.decision_draft import DecisionDraft
from tradeoff.decisions.log import record_decision
from tradeoff.decisions.revisit import Outcome, revisit
from tradeoff.decisions.signals import (
    DateSignal,
    DemandSignal,
    Measure,
    MetricSignal,
    NoteSignal,
    Operator,
    SignalSyntaxError,
    Subject,
    canonical,
    parse_signal,
)
from tradeoff.domain.decisions import Decision
from tradeoff.domain.enums import DecisionStatus, ThemeStatus
from tradeoff.domain.evidence import Theme
from tradeoff.domain.names import metric_slug
from tradeoff.domain.problems import Problem, ProblemEvidence
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

DAY = TODAY.date()

# --- the grammar --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("metric card_decline_tickets > 18 for 2 periods",
         "metric card_decline_tickets > 18 for 2 periods"),
        ("METRIC  nps<20", "metric nps < 20"),
        ("metric nps < 20 for 1 period", "metric nps < 20"),
        ('metric "Net revenue retention (quarterly)" <= 95.50',
         'metric "Net revenue retention (quarterly)" <= 95.5'),
        ("theme 12 accounts>=30", "theme 12 accounts >= 30"),
        ("problem #4 DIRECT_ITEMS >= 5 --   five   say it themselves",
         "problem 4 direct_items >= 5 -- five say it themselves"),
        ("opportunity 3 pipeline >= 250000", "opportunity 3 pipeline >= 250000"),
        ("date 2027-03-01", "date 2027-03-01"),
        ("Note:  a regulator asks for it", "note: a regulator asks for it"),
    ],
)  # fmt: skip
def test_signals_are_stored_in_one_canonical_form(written: str, stored: str) -> None:
    assert canonical(written) == stored
    assert canonical(stored) == stored


def test_a_parsed_signal_says_what_it_watches() -> None:
    assert parse_signal("theme 12 accounts >= 30 -- big enough") == DemandSignal(
        Subject.THEME, 12, Measure.ACCOUNTS, Operator.AT_LEAST, Decimal(30), "big enough"
    )
    assert parse_signal("metric card_decline_tickets > 18 for 2 periods") == MetricSignal(
        "card_decline_tickets", Operator.ABOVE, Decimal(18), 2
    )
    assert parse_signal("date 2027-03-01") == DateSignal(date(2027, 3, 1))


@pytest.mark.parametrize(
    ("text", "column", "words"),
    [
        ("metric nps >> 3", 12, "expected a comparison"),
        ("metric nps > lots", 14, "expected a number"),
        ("theme twelve accounts >= 3", 7, "expected a theme id"),
        ("theme 12 revenue >= 3", 10, "expected a measure"),
        ("problem 4 items >= 5 extra", 22, "unexpected 'extra'"),
        ("date 2027-13-01", 6, "expected a date"),
        ("deadline 2027-03-01", 1, "expected metric, theme"),
        ("metric nps > 3 for two periods", 20, "whole number of periods"),
        ('metric "nps > 3', 8, "never closed"),
        ("theme 12 accounts >=", 21, "expected a number"),
        ("note:", 6, "a note says"),
    ],
)
def test_errors_name_the_column(text: str, column: int, words: str) -> None:
    with pytest.raises(SignalSyntaxError) as caught:
        parse_signal(text)
    assert caught.value.column == column
    assert words in caught.value.message
    assert f"column {column}" in str(caught.value)


def test_metric_names_match_by_their_slug() -> None:
    assert metric_slug("Card-decline tickets") == "card_decline_tickets"
    assert metric_slug(" NPS ") == "nps"


numbers = st.decimals(min_value=-(10**9), max_value=10**9, places=2, allow_nan=False)
descriptions = st.none() | st.text(
    st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1
).map(lambda s: " ".join(s.split())).filter(bool)
signals = st.one_of(
    st.builds(
        MetricSignal,
        st.from_regex(r"[a-z][a-z0-9_]{0,20}", fullmatch=True)
        | st.from_regex(r"[A-Za-z][A-Za-z0-9 ()%-]{0,20}[A-Za-z0-9)]", fullmatch=True),
        st.sampled_from(Operator),
        numbers,
        st.integers(1, 12),
        descriptions,
    ),
    st.builds(
        DemandSignal,
        st.sampled_from(Subject),
        st.integers(1, 10**6),
        st.sampled_from(Measure),
        st.sampled_from(Operator),
        numbers,
        descriptions,
    ),
    st.builds(DateSignal, st.dates(date(2000, 1, 1), date(2100, 12, 31)), descriptions),
    st.builds(NoteSignal, descriptions.filter(lambda d: d is not None)),
)


@given(signals)
def test_every_signal_survives_a_round_trip_through_its_text(signal: object) -> None:
    parsed = parse_signal(str(signal))
    if isinstance(signal, MetricSignal):
        signal = replace(signal, metric=" ".join(signal.metric.split()))
    if isinstance(signal, DemandSignal | MetricSignal):
        assert parsed.threshold == signal.threshold  # type: ignore[union-attr]
        signal = replace(signal, threshold=parsed.threshold)  # type: ignore[union-attr]
    assert parsed == signal
    assert str(parse_signal(str(parsed))) == str(parsed)


# --- firing on data -----------------------------------------------------------------------


def _metric(
    engine: Engine, name: str, series: list[tuple[str, float]], segment: str = "all"
) -> None:
    with write_session(engine) as session:
        metric = repository.add(session, MetricDefinition(name=name))
        assert metric.id is not None
        for day, value in series:
            repository.add(
                session,
                MetricValue(metric_id=metric.id, observed_on=date.fromisoformat(day),
                            value=value, segment=segment),
            )  # fmt: skip
            # A segment's own value never counts as the whole business's.
            repository.add(
                session,
                MetricValue(metric_id=metric.id, observed_on=date.fromisoformat(day),
                            value=999, segment="Enterprise"),
            )  # fmt: skip


def _decide(engine: Engine, *signals: str, on: str = "2026-01-20", question: str = "Q") -> int:
    record = record_decision(
        engine,
        DecisionDraft(question=question, signals=signals, decided_on=date.fromisoformat(on),
                      owner="maya@example.com"),
    )  # fmt: skip
    return record.id


def test_a_metric_signal_fires_on_a_run_of_periods_after_the_decision(engine: Engine) -> None:
    _metric(engine, "Card-decline tickets", [
        ("2025-12-01", 30), ("2026-01-01", 31),  # before the decision: known, not news
        ("2026-02-01", 11), ("2026-04-01", 25), ("2026-05-01", 15), ("2026-06-01", 25),
        ("2026-07-01", 29), ("2026-08-01", 13),
    ])  # fmt: skip
    fires = _decide(engine, "metric card_decline_tickets > 18 for 2 periods")
    quiet = _decide(engine, "metric card_decline_tickets > 18 for 3 periods", question="Q2")
    report = revisit(engine, as_of=date(2026, 10, 31))
    [fired] = report.fired
    assert fired.decision_id == fires
    assert fired.fired_on == date(2026, 7, 1)
    assert fired.figure == "13 on 2026-08-01"
    assert fired.detail == "fired with 25 on 2026-06-01, 29 on 2026-07-01"
    assert fired.threshold == "> 18 for 2 periods"
    [not_fired] = report.of(Outcome.NOT_FIRED)
    assert not_fired.decision_id == quiet
    # Looking back from before the run, it had not fired yet.
    assert revisit(engine, as_of=date(2026, 6, 30)).fired == []


def test_signals_that_cannot_be_read_say_why(engine: Engine) -> None:
    _metric(engine, "NPS", [("2025-12-01", 10)])
    _metric(engine, "Empty", [])
    _decide(engine, "metric nps < 20", "metric empty < 3", "metric churn > 3", "note: ask sales")
    report = revisit(engine, as_of=date(2026, 10, 31))
    reasons = {c.signal: c.detail for c in report.of(Outcome.CANNOT_EVALUATE)}
    assert reasons == {
        "metric nps < 20": "no value since the decision (2026-01-20)",
        "metric empty < 3": "Empty has no values on or before 2026-10-31",
        "metric churn > 3": "no metric named 'churn'",
    }
    assert [c.signal for c in report.of(Outcome.BY_HAND)] == ["note: ask sales"]


def test_a_date_signal_fires_on_its_day(engine: Engine) -> None:
    _decide(engine, "date 2027-03-01 -- look again after the pilot")
    assert revisit(engine, as_of=date(2027, 2, 28)).fired == []
    [fired] = revisit(engine, as_of=date(2027, 3, 1)).fired
    assert fired.fired_on == date(2027, 3, 1)


def test_only_current_taken_decisions_are_watched(engine: Engine) -> None:
    first = _decide(engine, "date 2026-01-01")
    record_decision(engine, DecisionDraft(supersedes=first, owner="someone else"))
    record_decision(engine, DecisionDraft(question="Maybe", signals=("date 2026-01-01",),
                                          status=DecisionStatus.PROPOSED))  # fmt: skip
    fired = revisit(engine, as_of=date(2026, 10, 31)).fired
    assert [c.decision_id for c in fired] == [first + 1]


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def test_theme_signals_read_the_themes_demand(engine: Engine, world: World) -> None:
    bulk = world.theme("Bulk export")
    assert bulk.id is not None
    [demand] = theme_demand(engine, as_of=DAY, ids=[bulk.id])
    accounts, arr = demand.total.reach.accounts, demand.total.arr.total
    assert accounts > 1
    _decide(engine, f"theme {bulk.id} accounts >= {accounts}", question="enough accounts",
            on="2026-10-01")  # fmt: skip
    _decide(engine, f"theme {bulk.id} accounts > {accounts}", question="too many",
            on="2026-10-01")  # fmt: skip
    _decide(engine, f"theme {bulk.id} arr >= {arr.amount}", question="money", on="2026-10-01")
    report = revisit(engine, as_of=DAY)
    fired = {c.question: c for c in report.fired}
    assert set(fired) == {"enough accounts", "money"}
    assert fired["enough accounts"].figure == f"{accounts:,}"
    assert (fired["money"].figure or "").startswith("USD ")
    assert [c.question for c in report.of(Outcome.NOT_FIRED)] == ["too many"]


def test_a_merged_theme_is_followed_and_an_archived_one_reported(
    engine: Engine, world: World
) -> None:
    bulk = world.theme("Bulk export")
    with write_session(engine) as session:
        old = repository.add(session, Theme(name="Export all invoices"))
        gone = repository.add(session, Theme(name="Dark mode"))
    _decide(engine, f"theme {old.id} items >= 1", question="merged", on="2026-10-01")
    _decide(engine, f"theme {gone.id} items >= 1", question="archived", on="2026-10-01")
    with write_session(engine) as session:
        repository.update(session, replace(old, status=ThemeStatus.MERGED, merged_into_id=bulk.id))
        repository.update(session, replace(gone, status=ThemeStatus.ARCHIVED))
    report = revisit(engine, as_of=DAY)
    [merged] = report.fired
    assert merged.detail == f"theme {old.id} was merged into theme {bulk.id}"
    [archived] = report.of(Outcome.CANNOT_EVALUATE)
    assert archived.detail == f"theme {gone.id} is archived"


def test_a_problem_signal_counts_direct_evidence_only(engine: Engine, world: World) -> None:
    relayed = [e for e in world.evidence if e.relayed_by_id is not None]
    direct = [e for e in world.evidence if e.relayed_by_id is None]
    with write_session(engine) as session:
        problem = repository.add(session, Problem(statement="Finance cannot export a year"))
        assert problem.id is not None
        for item in [*relayed[:2], *direct[:3]]:
            assert item.id is not None
            repository.add(session, ProblemEvidence(problem_id=problem.id, evidence_id=item.id))
    [demand] = problem_demand(engine, as_of=DAY, ids=[problem.id])
    assert demand.total.reach.direct == 3
    _decide(engine, f"problem {problem.id} direct_items >= 3", question="three", on="2026-10-01")
    _decide(engine, f"problem {problem.id} direct_items >= 4", question="four", on="2026-10-01")
    report = revisit(engine, as_of=DAY)
    assert [(c.question, c.figure) for c in report.fired] == [("three", "3")]


def test_recording_refuses_a_signal_on_a_subject_that_does_not_exist(engine: Engine) -> None:
    from tradeoff.errors import InputError

    with pytest.raises(InputError, match="no theme with id 404"):
        _decide(engine, "theme 404 accounts >= 3")
    with pytest.raises(InputError, match="no problem with id 7"):
        _decide(engine, "problem 7 items >= 3")
    with write_session(engine) as session:
        assert repository.list_all(session, Decision) == []


def test_the_report_is_plain_json(engine: Engine) -> None:
    _decide(engine, "date 2026-02-01", "note: ask")
    document = revisit(engine, as_of=date(2026, 3, 1)).to_json()
    assert document["as_of"] == "2026-03-01"
    assert [c["signal"] for c in document["fired"]] == ["date 2026-02-01"]
    assert [c["signal"] for c in document["check_by_hand"]] == ["note: ask"]
    assert document["cannot_evaluate"] == document["not_fired"] == []
