"""The three dimensions of an opportunity: recounted by hand from the shared company
(``world``), overrides kept visible, unknowns said to be unknown, and every score monotonic
in its inputs."""

from __future__ import annotations

import math
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from tests.business.world import RATES, TODAY, World, build_world
from tradeoff.analysis.business.money import convert
from tradeoff.decisions.assessment import assess_opportunities, assess_opportunity
from tradeoff.decisions.estimates import Estimate, Origin
from tradeoff.decisions.feasibility import feasibility
from tradeoff.decisions.opportunities import new_opportunity, record_estimate
from tradeoff.decisions.problems import link_problem, new_problem
from tradeoff.decisions.scales import parse_confidence, parse_range
from tradeoff.decisions.user_value import UserValueInputs, user_value
from tradeoff.decisions.viability import Money, viability
from tradeoff.domain.enums import AccountLifecycle, EvidenceMode, Level
from tradeoff.errors import InputError, NotFound

AS_OF = TODAY.date()
HALF_LIFE = 180


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def rel(part: float, whole: float) -> float:
    """The documented scale, written out again: ln(1 + 100·share) / ln(101)."""
    return math.log(1 + 100 * min(part / whole, 1)) / math.log(101) if part and whole else 0.0


def fresh(days_ago: list[int]) -> float:
    return sum(0.5 ** (d / HALF_LIFE) for d in days_ago)


def _bulk_export(engine: Engine, world: World) -> tuple[int, int]:
    problem = new_problem(engine, "Exporting invoices takes a day", severity="high").id or 0
    link_problem(engine, problem, theme_ids=[world.theme("Bulk export").id or 0])
    opportunity = new_opportunity(engine, "Bulk export", problem_ids=[problem]).id or 0
    return problem, opportunity


def test_user_value_and_figures_match_a_hand_recount(engine: Engine, world: World) -> None:
    _, opportunity = _bulk_export(engine, world)
    theme = world.theme("Bulk export").id
    evidence_ids = {link.evidence_id for link in world.links if link.theme_id == theme}
    items = [e for e in world.evidence if e.id in evidence_ids]
    accounts = {e.account_id for e in items}
    customers = [
        a for a in world.accounts if a.id in accounts and a.lifecycle is AccountLifecycle.CUSTOMER
    ]
    arr: dict[str | None, Decimal] = {}
    for account in customers:
        arr[account.currency] = arr.get(account.currency, Decimal(0)) + (account.arr or 0)
    observed = sum(e.mode is EvidenceMode.OBSERVED for e in items) / len(items)
    direct = sum(e.relayed_by_id is None for e in items) / len(items)
    workspace_accounts = len({e.account_id for e in world.evidence})
    workspace_users = len({e.person_id for e in world.evidence})
    age = [(TODAY - e.created_at).days for e in items]
    all_ages = [(TODAY - e.created_at).days for e in world.evidence]
    reach = 0.6 * rel(len(accounts), workspace_accounts) + 0.4 * rel(
        len({e.person_id for e in items}), workspace_users
    )
    frequency = rel(fresh(age), fresh(all_ages))
    quality = (0.7 + 0.3 * observed) * (0.6 + 0.4 * direct)
    expected = 10 * (0.7 * reach + 0.3 * frequency) * 1.0 * quality

    assessed = assess_opportunity(engine, opportunity, as_of=AS_OF)
    assert assessed.user_value.score.value == pytest.approx(expected, abs=0.01)
    assert assessed.user_value.score.origin is Origin.COMPUTED
    assert assessed.fields["accounts"].value == len(accounts) == 5
    assert assessed.fields["items"].value == len(items)
    assert assessed.fields["observed_share"].value == pytest.approx(observed)
    assert assessed.fields["proxy_share"].value == pytest.approx(1 - direct)
    assert assessed.fields["arr"].value == float(convert(arr, RATES, "USD").amount)
    assert "--show arr" in assessed.fields["arr"].basis
    assert any("severity: high" in line for line in assessed.user_value.basis)
    assert any(f"{len(accounts)} of {workspace_accounts} accounts" in line
               for line in assessed.user_value.basis)  # fmt: skip
    # confidence: min(1, log2(1 + 5) / log2(17)) × (0.4 + 0.3 observed + 0.3 direct)
    confidence = math.log2(6) / math.log2(17) * (0.4 + 0.3 * observed + 0.3 * direct)
    assert assessed.user_value.score.confidence == pytest.approx(confidence, abs=0.01)
    for name in ("user_value", "viability", "feasibility"):
        assert assessed.fields[name] == getattr(assessed, name).score


def test_an_override_shows_its_reason_and_keeps_the_computed_score(
    engine: Engine, world: World
) -> None:
    _, opportunity = _bulk_export(engine, world)
    computed = assess_opportunity(engine, opportunity, as_of=AS_OF).user_value
    with pytest.raises(InputError, match="needs a reason"):
        record_estimate(engine, opportunity, "user_value", 9)
    record_estimate(
        engine,
        opportunity,
        "user_value",
        9,
        reason="Six controllers told us in interviews",
        entered_by="ana@nwl.example",
        confidence="medium",
    )
    shown = assess_opportunity(engine, opportunity, as_of=AS_OF).user_value
    assert shown.score.value == 9
    assert shown.score.origin is Origin.OVERRIDE
    assert shown.score.confidence == 0.8
    assert shown.override_reason == "Six controllers told us in interviews"
    assert shown.basis[0].startswith("override: 9 — entered by ana@nwl.example")
    assert shown.basis[1].startswith(f"computed: {computed.score.value:.1f}")
    assert shown.basis[2:] == computed.basis


def test_what_nobody_entered_is_unknown_not_zero(engine: Engine, world: World) -> None:
    floating = new_opportunity(engine, "Dark mode").id or 0
    assessed = assess_opportunity(engine, floating, as_of=AS_OF)
    for dimension in assessed.dimensions:
        assert not dimension.known
        assert (dimension.score.value, dimension.score.confidence) == (5.0, 0.0)
        assert (dimension.score.low, dimension.score.high) == (0.0, 10.0)
    assert assessed.feasibility.basis == (
        f"not estimated yet — tradeoff opportunity estimate {floating} effort_weeks 4..8",
    )
    with pytest.raises(NotFound, match="no opportunity with id 77"):
        assess_opportunity(engine, 77)


def test_entered_estimates_become_fields_with_range_and_confidence(
    engine: Engine, world: World
) -> None:
    _, opportunity = _bulk_export(engine, world)
    record_estimate(engine, opportunity, "effort_weeks", "4..8", confidence="high")
    record_estimate(engine, opportunity, "delivery_risk", 3)
    record_estimate(engine, opportunity, "confidence", "medium")  # RICE's own field
    record_estimate(engine, opportunity, "strategic_fit", 8, value_range="6..9")
    record_estimate(engine, opportunity, "compliance_risk", 2, confidence=0.7)
    [assessed] = assess_opportunities(engine, as_of=AS_OF, ids=[opportunity])
    effort = assessed.fields["effort_weeks"]
    assert (effort.value, effort.low, effort.high, effort.confidence) == (6, 4, 8, 1.0)
    assert effort.origin is Origin.ENTERED
    assert assessed.fields["delivery_risk"].confidence == 0.5  # nobody said: the default
    assert assessed.fields["confidence"].value == 0.8
    # feasibility = 10 × (3 × effort(6) + 1.5 × (1 − 0.3)) / 4.5, effort(w) = 1 − log2(1+w)/log2(53)
    effort_part = 1 - math.log2(7) / math.log2(53)
    expected = 10 * (3 * effort_part + 1.5 * 0.7) / 4.5
    assert assessed.feasibility.score.value == pytest.approx(expected, abs=0.01)
    high = 10 * (3 * (1 - math.log2(5) / math.log2(53)) + 1.5 * 0.7) / 4.5
    low = 10 * (3 * (1 - math.log2(9) / math.log2(53)) + 1.5 * 0.7) / 4.5
    assert assessed.feasibility.score.low == pytest.approx(low, abs=0.01)
    assert assessed.feasibility.score.high == pytest.approx(high, abs=0.01)
    viability_basis = "\n".join(assessed.viability.basis)
    assert "strategic_fit 8 (6..9) of 10 (higher is better)" in viability_basis
    assert "compliance_risk 2 of 10 (higher is worse)" in viability_basis
    assert assessed.viability.score.low < assessed.viability.score.value


def test_entries_a_formula_cannot_read_are_refused(engine: Engine) -> None:
    opportunity = new_opportunity(engine, "Bulk export").id or 0
    refusals = {
        ("arr", "5", None): "arr is computed from the evidence",
        ("strategic_fit", "11", None): "0..10 scale",
        ("effort_weeks", "-2", None): "cannot be negative",
        ("effort_weeks", "6", "8..12"): "outside its range",
        ("effort_weeks", "nan", None): "a range needs finite numbers",
        ("Effort Weeks", "6", None): "is not a field name",
    }
    for (field, value, value_range), message in refusals.items():
        with pytest.raises(InputError, match=message):
            record_estimate(engine, opportunity, field, value, value_range=value_range)
    with pytest.raises(NotFound, match="no opportunity with id 404"):
        record_estimate(engine, 404, "effort_weeks", 3)


def test_confidence_words_and_ranges_are_read_in_one_place() -> None:
    assert [parse_confidence(w) for w in ("low", "Medium", " HIGH ")] == [0.5, 0.8, 1.0]
    assert (parse_confidence("0.7"), parse_confidence("70%"), parse_confidence(None)) == (
        0.7,
        0.7,
        None,
    )
    for bad in ("sure", "1.5", "-0.1"):
        with pytest.raises(InputError):
            parse_confidence(bad)
    assert parse_range("4..8") == (4.0, 8.0)
    assert parse_range("4-8") == (4.0, 8.0)
    assert parse_range("6") == (6.0, 6.0)
    with pytest.raises(InputError, match="low to high"):
        parse_range("8..4")


def test_scores_stay_with_their_opportunity_as_the_workspace_grows(
    engine: Engine, world: World
) -> None:
    """Every opportunity is assessed in one pass, each from its own evidence."""
    _, bulk = _bulk_export(engine, world)
    sso_problem = new_problem(engine, "IT cannot roll us out without SSO").id or 0
    link_problem(engine, sso_problem, theme_ids=[world.theme("Single sign-on").id or 0])
    sso = new_opportunity(engine, "SAML SSO", problem_ids=[sso_problem]).id or 0
    together = {a.id: a for a in assess_opportunities(engine, as_of=AS_OF)}
    assert set(together) == {bulk, sso}
    for opportunity_id, alone in ((bulk, assess_opportunity(engine, bulk, as_of=AS_OF)),
                                  (sso, assess_opportunity(engine, sso, as_of=AS_OF))):  # fmt: skip
        assert together[opportunity_id] == alone
    sso_money = together[sso].fields["arr"].basis
    assert "JPY 30,000,000 (no rate)" in sso_money  # Granite Mining's ARR is named, not added
    earlier = assess_opportunity(engine, bulk, as_of=AS_OF - timedelta(days=30))
    assert earlier.fields["items"].value < together[bulk].fields["items"].value


# -- monotonicity: more evidence, money or fit never lowers a score -----------------------

LEVELS = st.sampled_from([None, Level.LOW, Level.MEDIUM, Level.HIGH])


@st.composite
def user_inputs(draw: st.DrawFn) -> UserValueInputs:
    items = draw(st.integers(1, 500))
    return UserValueInputs(
        accounts=draw(st.integers(0, 200)),
        end_users=draw(st.integers(0, 400)),
        items=items,
        observed=draw(st.integers(0, items)),
        proxy=draw(st.integers(0, items)),
        fresh_items=draw(st.floats(0, 500)),
        severity=draw(LEVELS),
        severity_source="problem 1",
        workspace_accounts=200,
        workspace_end_users=400,
        workspace_fresh_items=500.0,
    )


def _score(inputs: UserValueInputs) -> Estimate:
    return user_value(inputs).score


@settings(max_examples=200, deadline=None)
@given(user_inputs(), st.integers(1, 50), st.data())
def test_user_value_never_falls_when_evidence_grows(
    inputs: UserValueInputs, more: int, data: st.DataObject
) -> None:
    before = _score(inputs).value
    assert _score(replace(inputs, accounts=inputs.accounts + more)).value >= before
    assert _score(replace(inputs, end_users=inputs.end_users + more)).value >= before
    assert _score(replace(inputs, fresh_items=inputs.fresh_items + more)).value >= before
    if inputs.observed < inputs.items:
        assert _score(replace(inputs, observed=inputs.observed + 1)).value >= before
    if inputs.proxy > 0:
        assert _score(replace(inputs, proxy=inputs.proxy - 1)).value >= before
    if inputs.severity is not None:
        order = [Level.LOW, Level.MEDIUM, Level.HIGH]
        worse = order[: order.index(inputs.severity)]
        for level in worse:
            assert _score(replace(inputs, severity=level)).value <= before
    score = _score(inputs)
    assert 0 <= score.low <= score.value <= score.high <= 10


@settings(max_examples=200, deadline=None)
@given(
    st.decimals(0, 10**7, places=0),
    st.decimals(1, 10**6, places=0),
    st.floats(0, 10),
    st.floats(0, 10),
    st.floats(0, 9),
)
def test_viability_rises_with_money_and_fit_and_falls_with_risk(
    arr: Decimal, more: Decimal, fit: float, risk: float, step: float
) -> None:
    def score(arr: Decimal, fit: float, risk: float) -> float:
        money = Money(arr, Decimal(0), Decimal(0), Decimal(0), Decimal(5 * 10**6), "USD")
        factors = {
            "strategic_fit": Estimate(fit, fit, fit, 0.8, Origin.ENTERED, ""),
            "compliance_risk": Estimate(risk, risk, risk, 0.8, Origin.ENTERED, ""),
        }
        return viability(money, 10, factors).score.value

    before = score(arr, fit, risk)
    assert score(arr + more, fit, risk) >= before
    assert score(arr, min(fit + step, 10), risk) >= before
    assert score(arr, fit, min(risk + step, 10)) <= before


@settings(max_examples=200, deadline=None)
@given(st.floats(0, 200), st.floats(0, 50), st.floats(0, 10))
def test_feasibility_falls_as_effort_grows(weeks: float, more: float, risk: float) -> None:
    def score(weeks: float) -> float:
        entries = {
            "effort_weeks": Estimate(weeks, weeks, weeks, 0.8, Origin.ENTERED, ""),
            "delivery_risk": Estimate(risk, risk, risk, 0.8, Origin.ENTERED, ""),
        }
        return feasibility(1, entries).score.value

    assert score(weeks + more) <= score(weeks)
