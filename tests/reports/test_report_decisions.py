"""The report's problems, opportunities and decision log, built through the decisions API
on the shared company and checked against hand counts and a hand-made Pareto check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import Engine

from tests.business.world import TODAY, World, build_world
from tests.reports.hostile import (
    OPPORTUNITY,
    PAYLOADS,
    PROBLEM,
    QUESTION,
    REQUESTER,
    plant_hostile_decision,
    plant_hostile_text,
)
from tests.reports.page import folded, parse, section, svg_texts, table_rows
from tests.reports.recount import AS_OF, recount
from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.decision_draft import DecisionDraft
from tradeoff.decisions.log import get_decision, record_decision
from tradeoff.decisions.opportunities import new_opportunity, record_estimate
from tradeoff.decisions.problems import link_problem, new_problem
from tradeoff.domain.enums import DecisionStatus, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.reports.html import render_html
from tradeoff.reports.report import build_report


@dataclass(frozen=True)
class Judged:
    world: World
    problems: dict[str, int]
    opportunities: dict[str, int]
    revised: int  # the decision "Build SSO first" revised
    current: int  # its revision
    not_yet: int


@pytest.fixture
def judged(engine: Engine) -> Judged:
    world = build_world(engine)
    problems, opportunities = {}, {}
    for statement, theme, who, severity in (
        ("Finance teams cannot export a year of invoices", "Bulk export", "Finance leads", "high"),
        ("IT cannot control who signs in", "Single sign-on", "IT admins", "medium"),
    ):
        problem = new_problem(
            engine,
            statement,
            who_has_it=who,
            trying_to="close the books",
            goes_wrong="it takes days",
            severity=severity,
        )
        assert problem.id is not None
        theme_id = world.theme(theme).id
        assert theme_id is not None
        link_problem(engine, problem.id, theme_ids=[theme_id])
        problems[statement] = problem.id
    for title, problem_ids, weeks in (
        ("Bulk export", [problems["Finance teams cannot export a year of invoices"]], "2..4"),
        ("SAML single sign-on", [problems["IT cannot control who signs in"]], "8..12"),
        ("Dark mode", [], "20"),
    ):
        opportunity = new_opportunity(engine, title, problem_ids=problem_ids)
        assert opportunity.id is not None
        record_estimate(engine, opportunity.id, "effort_weeks", weeks, confidence="medium")
        opportunities[title] = opportunity.id
    sso = world.theme("Single sign-on").id
    first = record_decision(
        engine,
        DecisionDraft(
            question="Build bulk export before SSO?",
            options=("Build bulk export now", "Build SSO first"),
            chosen="1",
            tradeoffs="SSO prospects wait a quarter.",
            not_optimising_for="Enterprise win rate this quarter.",
            signals=(
                "date 2026-10-01 -- Look again in October.",
                f"theme {sso} accounts >= 10 -- If ten accounts ask for SSO.",
            ),
            owner="ana@nwl.example",
            decided_on=date(2026, 7, 1),
            status=DecisionStatus.DECIDED,
        ),
        today=AS_OF,
    )
    revision = record_decision(
        engine,
        DecisionDraft(supersedes=first.id, chosen="2", decided_on=date(2026, 9, 1)),
        today=AS_OF,
    )
    not_yet = record_decision(
        engine,
        DecisionDraft(
            question="Build dark mode?",
            options=("Build dark mode", "Not yet"),
            chosen="2",
            tradeoffs="Some prospects find the app dated.",
            signals=(f"opportunity {opportunities['Dark mode']} accounts >= 5",),
            decided_on=date(2026, 8, 1),
            status=DecisionStatus.NOT_YET,
            requested_by="Dana (sales) for Acme Freight",
            reason="Tell us which customers would leave over it.",
        ),
        today=AS_OF,
    )
    return Judged(world, problems, opportunities, first.id, revision.id, not_yet.id)


def test_the_decision_sections_follow_sales(engine: Engine, judged: Judged) -> None:
    page = parse(render_html(build_report(engine, as_of=AS_OF)))
    assert [text for tag, text in page.headings if tag == "h2"] == [
        "Themes",
        "Demand and money",
        "Sales and competition",
        "Problems",
        "Opportunities",
        "Decision log",
    ]


def test_problems_show_their_statement_demand_and_links(engine: Engine, judged: Judged) -> None:
    html = render_html(build_report(engine, as_of=AS_OF))
    problems = parse(section(html, "problems"))
    # Most revenue at stake first: bulk export's USD 622k before SSO's USD 390k.
    assert [text for tag, text in problems.headings if tag == "h3"] == list(judged.problems)
    for statement, theme in zip(judged.problems, ("Bulk export", "Single sign-on"), strict=True):
        card = section(html, f"problem-{judged.problems[statement]}")
        figures = recount(judged.world, theme)
        assert f"<dt>Evidence items</dt><dd>{figures.items}</dd>" in card
        assert f"<dt>Accounts</dt><dd>{figures.accounts}</dd>" in card
        text = folded(parse(card).text)
        assert "Trying to close the books What goes wrong it takes days" in text
        assert f"Themes: {theme}" in text
        quoted = [e.text for e in judged.world.evidence if e.text in text]
        assert len(quoted) == min(3, len(customers_said(judged.world, theme)))
    bulk = folded(parse(section(html, "problem-1")).text)
    assert "Who has it Finance leads" in bulk
    assert "high severity" in bulk
    assert "Addressed by: Bulk export" in bulk
    assert "1 opportunity and 0 feature requests point to no problem" in problems.text


def customers_said(world: World, name: str) -> list[EvidenceItem]:
    """The items a theme is quoted from: its customers' words, sellers' deal notes only
    where it holds nothing else."""
    theme = world.theme(name).id
    filed = {link.evidence_id for link in world.links if link.theme_id == theme}
    items = [e for e in world.evidence if e.id in filed]
    return [e for e in items if e.kind is not EvidenceKind.DEAL_NOTE] or items


def test_opportunities_sit_side_by_side_with_the_frontier_recounted(
    engine: Engine, judged: Judged
) -> None:
    html = render_html(build_report(engine, as_of=AS_OF))
    opportunities = section(html, "opportunities")
    header, *rows = table_rows(opportunities)
    assert header == [
        "Opportunity",
        "User value",
        "Business viability",
        "Technical feasibility",
        "Standing",
    ]  # three columns side by side, and no total
    assessed = assess_opportunities(engine, as_of=AS_OF)
    scores = {a.title: tuple(d.score.value for d in a.dimensions) for a in assessed}
    known = {a.title: [d.known for d in a.dimensions] for a in assessed}
    assert len(rows) == len(scores) == 3
    for title_cell, *score_cells, standing in rows:
        title = next(t for t in scores if title_cell.startswith(t))
        mine = scores[title]
        shown = [cell.split()[0] for cell in score_cells]
        assert [s.rstrip("?") for s in shown] == [f"{s:.1f}" for s in mine]
        assert [not s.endswith("?") for s in shown] == known[title]  # a placeholder is marked
        dominators = [
            other
            for other, theirs in scores.items()
            if all(t >= m for t, m in zip(theirs, mine, strict=True)) and theirs != mine
        ]
        if dominators:
            assert standing.startswith("dominated by ")
            assert any(standing.startswith(f"dominated by {d}") for d in dominators)
        else:
            assert standing == "on the frontier"
    (chart,) = parse(opportunities).svgs()
    assert set(scores) <= set(svg_texts(chart))


def test_the_decision_log_shows_current_decisions_signals_and_replies(
    engine: Engine, judged: Judged
) -> None:
    html = render_html(build_report(engine, as_of=AS_OF))
    assert f'id="decision-{judged.revised}"' not in html  # superseded: shown in its history
    current = folded(parse(section(html, f"decision-{judged.current}")).text)
    assert "Build bulk export before SSO?" in current
    assert "Build bulk export now Build SSO first chosen" in current
    assert "Trade-offs accepted SSO prospects wait a quarter." in current
    assert "Not optimising for Enterprise win rate this quarter." in current
    assert "a revisit signal has fired" in current
    assert "fired 1 Oct 2026 Look again in October." in current
    assert "not fired If ten accounts ask for SSO." in current
    assert f"History: #{judged.revised} decided, 1 Jul 2026 → #{judged.current}" in current
    assert "changed chosen, decided on" in current
    declined = folded(parse(section(html, f"decision-{judged.not_yet}")).text)
    reply = get_decision(engine, judged.not_yet).decision.reply_text
    assert reply
    assert "Tell us which customers would leave over it" in reply
    assert f"Reply sent to Dana (sales) for Acme Freight {folded(reply)}" in declined
    assert "a revisit signal has fired" not in declined


def test_hostile_decisions_stay_text(engine: Engine) -> None:
    world = build_world(engine)
    planted = plant_hostile_text(engine, world)
    assert planted.theme.id is not None
    decided = plant_hostile_decision(engine, planted.theme.id)
    html = render_html(build_report(engine, as_of=TODAY.date()))
    page = parse(html)
    assert not page.named("script")
    assert not [t for t in page.tags for name in t.attrs if name.startswith("on")]
    assert all(a.attrs["href"].startswith("#") for a in page.named("a"))
    for payload in PAYLOADS:
        assert payload in page.text
    assert ("h3", PROBLEM) in page.headings
    assert ("h3", QUESTION) in page.headings
    assert f"Reply sent to {REQUESTER}" in page.text
    card = folded(parse(section(html, f"decision-{decided.decision_id}")).text)
    assert "fired 1 Oct 2026 <script>alert(1)</script>" in card
    charts = page.svgs()
    labels = [t for svg in charts for t in svg_texts(svg)]
    assert any(label.startswith("Bulk export '><svg") for label in labels)
    assert OPPORTUNITY in page.text
