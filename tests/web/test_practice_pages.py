"""The practice check and coverage pages on the drifting workspace of
``tests/strategy/test_practice_check`` (SQLite and PostgreSQL): each rule's verdict, count and
items as ``run_check`` returns them, the areas' figures as ``coverage`` does, with the
unowned area and the PMs' contact recounted here in SQL, and hostile names kept inert."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import text

from tests.strategy.test_practice_check import AS_OF, RULE_KEYS, Planted, drifting  # noqa: F401
from tests.web.conftest import Workspace
from tests.web.strategy_world import AREA_NAME, PM_NAME, PM_TITLE, plant_strategy
from tradeoff.domain.strategy import ProductArea, TeamMember
from tradeoff.domain.users import Role
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.team import add_area, add_or_update_member
from tradeoff.strategy.coverage import coverage
from tradeoff.strategy.practice.runner import run_check
from tradeoff.web.routes.practice import CHECKS, COVERAGES

DAY = AS_OF.isoformat()
RULE_ROW = re.compile(r'<tr class="(pass|fail)" id="rule-([a-z-]+)">')


@pytest.fixture
def drifted(workspace: Workspace, drifting: Planted) -> Planted:  # noqa: F811
    """The drifting workspace, with the web users, the hostile theme and hostile strategy."""
    plant_strategy(workspace.engine)
    return drifting


def rule_cell(page: str, key: str) -> str:
    return page.split(f'id="rule-{key}">', 1)[1].split("</tr>", 1)[0]


def test_the_check_shows_every_rule_with_its_verdict_and_items(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, drifted: Planted
) -> None:
    page = signed_in(Role.VIEWER).get("/check", params={"as_of": DAY})
    assert page.status_code == 200
    report = run_check(workspace.engine, as_of=AS_OF)
    assert f"<strong>{report.score}</strong> rules pass at {DAY}" in page.text
    shown = RULE_ROW.findall(page.text)
    assert [key for _, key in shown] == RULE_KEYS
    assert [verdict == "pass" for verdict, _ in shown] == [r.passed for r in report.rules]
    for rule in report.rules:
        cell = rule_cell(page.text, rule.key)
        assert f"<td>{rule.count:,}</td>" in cell
        for finding in rule.findings:
            assert f"{escape(finding.label)}" in cell, (rule.key, finding)
        assert (f"→ {escape(rule.advice)}" in cell) is not rule.passed
        if rule.measured:
            assert str(escape(rule.measured)) in cell
    # Recounted in SQL: the areas with no owner are the onboarding area of the fixture
    # and the hostile one (material or not, both are unowned).
    with read_session(workspace.engine) as session:
        unowned = session.execute(
            text("SELECT key FROM product_areas WHERE owner_email IS NULL ORDER BY key")
        ).scalars()
        assert list(unowned) == ["onboard", "onboarding"]
    owner_rule = rule_cell(page.text, "area-owner")
    assert "onboarding: Onboarding and verification" in owner_rule
    revisit = rule_cell(page.text, "decision-revisit")
    assert re.search(r'<a href="/decisions/\d+">\d+</a>', revisit)
    assert AREA_NAME not in page.text
    assert PM_NAME not in page.text


def test_coverage_shows_owners_evidence_money_and_contact(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, drifted: Planted
) -> None:
    page = signed_in(Role.VIEWER).get("/coverage", params={"as_of": DAY}).text
    found = coverage(workspace.engine, as_of=AS_OF)
    for area in found.areas:
        row = page.split(f'id="area-{area.area.key}"', 1)[1].split("</tr>", 1)[0]
        assert f"<td>{escape(area.area.owner_email or 'nobody')}</td>" in row
        assert f"<td>{area.evidence:,}</td>\n      <td>{area.accounts:,}</td>" in row
        assert f"<td>{escape(str(area.revenue_at_stake))}</td>" in row
        assert row.startswith(' class="flagged"') is area.flagged
    # payments by hand: Harbour's GBP 120,000 at 1.27 and Quayside's 30,000, once each.
    payments = page.split('id="area-payments"', 1)[1].split("</tr>", 1)[0]
    assert f"{Decimal(120000) * Decimal('1.27') + 30000:,.2f}" in payments
    assert "tradeoff area assign onboarding --owner EMAIL" in page

    # Contacts recounted: Tom's interview of 10-20 and call of 09-01 fall in 90 days.
    pms = page.split('<table class="pms">', 1)[1].split("</table>", 1)[0]
    tom = pms.split("Tom Lindqvist", 1)[1].split("</tr>", 1)[0]
    assert "<td>1</td>\n      <td>2</td>\n      <td>2026-10-20</td>" in tom
    assert [p.email for p in found.pms] == [
        "aisha@ours.example",
        "mallory@ours.example",
        "maya@ours.example",
        "tom@ours.example",
    ]
    for hostile in (AREA_NAME, PM_NAME, PM_TITLE):
        assert hostile not in page
        assert str(escape(hostile)) in page


def test_pages_read_today_by_default_and_refuse_a_bad_day(
    signed_in: Callable[[Role], TestClient],
) -> None:
    client = signed_in(Role.VIEWER)
    for path in ("/check", "/coverage"):
        today = client.get(path)
        assert today.status_code == 200, path
        bad = client.get(path, params={"as_of": "31/10/2026"})
        assert bad.status_code == 400, path
        assert "as_of must be a date like 2026-11-15, got &#39;31/10/2026&#39;" in bad.text
    assert "No areas yet" in client.get("/coverage").text
    assert "No PMs yet" in client.get("/coverage").text


def test_todays_figures_are_kept_until_an_area_or_the_team_changes(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    """Migration 0012 versions the strategy tables, so a kept page cannot outlive a change
    to them: the second read is the kept one, an added area or PM is on the next."""
    client = signed_in(Role.VIEWER)
    engine = workspace.engine
    # Counted from here: the process may have served an earlier workspace at this address.
    start = {
        key: cache.computations(engine, key)
        for cache, key in ((COVERAGES, "coverage"), (CHECKS, "check"))
    }
    for path, cache, key in (("/coverage", COVERAGES, "coverage"), ("/check", CHECKS, "check")):
        client.get(path)
        before = cache.computations(engine, key)
        assert before == start[key] + 1, path
        assert client.get(path).status_code == 200
        assert cache.computations(engine, key) == before, path  # kept, not recomputed
    with write_session(engine) as session:
        add_area(session, ProductArea(key="billing", name="Billing and invoices"))
    page = client.get("/coverage").text
    assert COVERAGES.computations(engine, "coverage") == start["coverage"] + 2
    assert "billing: Billing and invoices" in page
    with write_session(engine) as session:
        add_or_update_member(
            session, TeamMember(email="ines@ledgerly.example", name="Inés Ortega", role="pm")
        )
    assert "Inés Ortega" in client.get("/coverage").text
    assert COVERAGES.computations(engine, "coverage") == start["coverage"] + 3
    client.get("/check")
    assert CHECKS.computations(engine, "check") == start["check"] + 2  # one for both writes
