"""The problem pages against the shared company: the figures and quotes are
``decisions.problems``' own, and a statement written as markup stays text."""

from __future__ import annotations

import base64
import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from tests.business.world import World, build_world
from tests.web.conftest import HOSTILE_NAME, HOSTILE_QUOTE, Workspace
from tradeoff.decisions.assessment import assess_opportunities
from tradeoff.decisions.fragility import fragility, number
from tradeoff.decisions.frontier import frontier
from tradeoff.decisions.opportunities import new_opportunity, record_estimate
from tradeoff.decisions.pairs import compare
from tradeoff.decisions.problems import link_problem, new_problem, problem_list, problem_page
from tradeoff.decisions.rankings import known_fields, rank, ranking_rule
from tradeoff.domain.users import Role

ESCAPED_QUOTE = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"


@pytest.fixture
def world(workspace: Workspace) -> World:
    return build_world(workspace.engine)


def test_the_list_shows_every_problem_with_its_figures(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, world: World
) -> None:
    theme = world.themes[0].id
    assert theme is not None
    first = new_problem(workspace.engine, "Finance cannot reconcile exports", severity="high")
    second = new_problem(workspace.engine, "Admins cannot find audit logs")
    assert first.id is not None
    link_problem(workspace.engine, first.id, theme_ids=[theme])
    page = signed_in(Role.VIEWER).get("/problems")
    assert page.status_code == 200
    listed = problem_list(workspace.engine)
    assert [e.summary.id for e in listed] == [first.id, second.id]
    for entry in listed:
        assert f'<a href="/problems/{entry.summary.id}">{entry.summary.statement}</a>' in page.text
        assert f"<td>{entry.demand.arr.total}</td>" in page.text
    assert page.text.index(f"/problems/{first.id}") < page.text.index(f"/problems/{second.id}")


def test_the_empty_list_says_how_to_start(signed_in: Callable[[Role], TestClient]) -> None:
    assert "No problems yet" in signed_in(Role.VIEWER).get("/problems").text


def test_one_problem_shows_its_links_money_and_quotes_escaped(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    problem = new_problem(workspace.engine, HOSTILE_NAME, who_has_it=HOSTILE_QUOTE)
    assert problem.id is not None
    link_problem(workspace.engine, problem.id, theme_ids=[workspace.theme_id])
    page = signed_in(Role.VIEWER).get(f"/problems/{problem.id}").text
    expected = problem_page(workspace.engine, problem.id)
    assert HOSTILE_NAME not in page
    assert "<img src=x" not in page
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert ESCAPED_QUOTE in page
    assert f"ARR {expected.demand.arr.total}" in page
    assert f'<a href="/themes/{workspace.theme_id}">' in page
    assert len(expected.quotes) == 2
    for quote in expected.quotes:
        assert f"#{quote.evidence_id})" in page
    container = page.index("<div hx-disable>")
    assert container < page.index(ESCAPED_QUOTE) < page.index("</div>", container)
    for path in ("/problems", f"/problems/{problem.id}"):
        listed = signed_in(Role.EDITOR).get(path).text
        assert HOSTILE_NAME not in listed, path


def test_a_missing_problem_is_a_404_page(signed_in: Callable[[Role], TestClient]) -> None:
    page = signed_in(Role.VIEWER).get("/problems/999")
    assert page.status_code == 404
    assert "no problem with id 999" in page.text


@pytest.fixture
def opportunities(workspace: Workspace, world: World) -> list[int]:
    """Two priced opportunities, one titled as markup, and one with no figures at all."""
    problem = new_problem(workspace.engine, "Finance cannot reconcile exports")
    assert problem.id is not None
    theme = world.themes[0].id
    assert theme is not None
    link_problem(workspace.engine, problem.id, theme_ids=[theme])
    ids = []
    for title, impact, effort in ((HOSTILE_NAME, "2", "4..8"), ("Scheduled exports", "1", "2")):
        made = new_opportunity(workspace.engine, title, problem_ids=[problem.id])
        assert made.id is not None
        record_estimate(workspace.engine, made.id, "impact", impact, confidence="medium")
        record_estimate(workspace.engine, made.id, "effort_weeks", effort, confidence="low")
        ids.append(made.id)
    bare = new_opportunity(workspace.engine, "Audit log search")
    assert bare.id is not None
    return [*ids, bare.id]


def test_opportunities_show_three_dimensions_the_frontier_and_a_chart_image(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, opportunities: list[int]
) -> None:
    page = signed_in(Role.VIEWER).get("/opportunities").text
    items = assess_opportunities(workspace.engine)
    result = frontier(items)
    assert f"{len(result.on_frontier)} on the frontier" in page
    for item in items:
        scores = "".join(
            f"<td>{d.score.value:.1f}{'' if d.known else '?'}</td>" for d in item.dimensions
        )
        assert scores in page, item.title
    chart = re.search(r'<img class="chart" src="data:image/svg\+xml;base64,([^"]+)"', page)
    assert chart is not None
    svg = base64.b64decode(chart.group(1)).decode()
    assert "Scheduled exports" in svg
    assert "<script" not in svg
    assert HOSTILE_NAME not in page
    assert "<img src=x" not in page


def test_compare_lays_two_side_by_side_as_the_cli_does(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, opportunities: list[int]
) -> None:
    a, b = opportunities[:2]
    page = signed_in(Role.VIEWER).get("/opportunities/compare", params={"a": a, "b": b})
    assert page.status_code == 200
    found = {i.id: i for i in assess_opportunities(workspace.engine, ids=[a, b])}
    comparison = compare(found[a], found[b], "USD")
    assert str(escape(comparison.summary)) in page.text
    for sentence in (*comparison.a_gives_up, *comparison.b_gives_up):
        assert str(escape(sentence)) in page.text
    assert HOSTILE_NAME not in page.text
    same = signed_in(Role.VIEWER).get("/opportunities/compare", params={"a": a, "b": a})
    assert same.status_code == 400
    assert signed_in(Role.VIEWER).get(f"/opportunities/compare?a={a}&b=999").status_code == 404


def test_rank_shows_fragility_beside_every_score(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, opportunities: list[int]
) -> None:
    page = signed_in(Role.VIEWER).get("/opportunities/rank", params={"by": "rice"}).text
    items = assess_opportunities(workspace.engine)
    report = fragility(rank(items, ranking_rule("rice", known=known_fields(items))))
    assert len(report.ranking.ranked) == 2
    for ranked, stability in zip(report.ranking.ranked, report.items, strict=True):
        row = f"<td>{ranked.position}</td>\n    <td>{ranked.item.id}</td>"
        assert row in page
        assert f"<td>{number(ranked.score)}</td>\n    <td>{stability.holds:.0%}</td>" in page
    assert "Not ranked: #" in page
    assert HOSTILE_NAME not in page
    bad = signed_in(Role.VIEWER).get("/opportunities/rank", params={"by": "reach / nothing"})
    assert bad.status_code == 400
