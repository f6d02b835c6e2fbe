"""The assumption and experiment pages, on SQLite and PostgreSQL: the register's order, each
assumption's history and verdict, an experiment's sample size and z-test recomputed here by
the textbook formulas, the judgement and result forms, paging, and hostile text kept inert."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from datetime import date
from statistics import NormalDist

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import text

from tests.web.conftest import Workspace, page_token
from tests.web.strategy_world import (
    HYPOTHESIS,
    REASON,
    RULE,
    STATEMENT,
    StrategyPlanted,
    plant_strategy,
)
from tradeoff.domain.enums import AssumptionStatus, Level, MetricDirection
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.domain.users import Role
from tradeoff.storage import metrics
from tradeoff.storage.session import read_session, write_session
from tradeoff.strategy.assumptions import assumption_view, new_assumption
from tradeoff.strategy.enough_evidence import assumption_settled
from tradeoff.strategy.experiments import (
    experiment_list,
    new_experiment,
    required_sample,
    start_experiment,
)
from tradeoff.web.routes.page_parts import PAGE_SIZE

RISK_RANK = {"high": 0, "medium": 1, "low": 2}
ROW_LINK = re.compile(r'<a href="/assumptions/(\d+)">')
EXPERIMENT_LINK = re.compile(r'<td><a href="/experiments/(\d+)">')


@pytest.fixture
def planted(workspace: Workspace) -> StrategyPlanted:
    return plant_strategy(workspace.engine)


def textbook_n(p1: float, p2: float, alpha: float, power: float) -> int:
    """Sample size per arm for a two-sided two-proportion z-test (Fleiss, without the
    continuity correction), written out here apart from ``strategy.sample_size``."""
    z_a, z_b = NormalDist().inv_cdf(1 - alpha / 2), NormalDist().inv_cdf(power)
    mean = (p1 + p2) / 2
    top = z_a * math.sqrt(2 * mean * (1 - mean)) + z_b * math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))
    return math.ceil(round(top**2 / (p2 - p1) ** 2, 6))


def pooled_z(n1: int, s1: int, n2: int, s2: int) -> tuple[float, float]:
    pooled = (s1 + s2) / (n1 + n2)
    z = (s2 / n2 - s1 / n1) / math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    return z, 2 * (1 - NormalDist().cdf(abs(z)))


def register_rows(page: str) -> list[int]:
    table = page.split('<table class="assumptions">', 1)[1].split("</table>", 1)[0]
    return [int(found) for found in ROW_LINK.findall(table)]


def test_the_register_lists_every_assumption_in_its_order(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, planted: StrategyPlanted
) -> None:
    page = signed_in(Role.VIEWER).get("/assumptions")
    assert page.status_code == 200
    # Recounted from the table: behind a frontier opportunity, then risk, confidence, id.
    # The lone opportunity, with no estimates, is dominated by nothing: on the frontier.
    with read_session(workspace.engine) as session:
        rows = session.execute(
            text("SELECT id, risk, confidence, opportunity_id FROM assumptions")
        ).all()
    expected = [
        r.id
        for r in sorted(
            rows,
            key=lambda r: (
                r.opportunity_id != planted.opportunity,
                RISK_RANK[r.risk],
                r.confidence,
                r.id,
            ),
        )
    ]
    assert register_rows(page.text) == expected == [planted.a1, planted.a2, planted.a3]
    row = page.text.split(f'<a href="/assumptions/{planted.a2}">', 1)[1].split("</tr>", 1)[0]
    assert "<td>high</td>\n      <td>60%</td>\n      <td>validated</td>" in row
    assert f'<a href="/decisions/{planted.decision}">decision {planted.decision}</a>' in row
    frontier_row = page.text.split(f'<a href="/assumptions/{planted.a1}">', 1)[0]
    assert frontier_row.rstrip().endswith(
        '<span title="behind an opportunity on the frontier">★</span></td>\n      <td>'
    )


def test_an_assumption_shows_its_history_and_whether_it_is_settled(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, planted: StrategyPlanted
) -> None:
    client = signed_in(Role.VIEWER)
    validated = client.get(f"/assumptions/{planted.a2}").text
    view = assumption_view(workspace.engine, planted.a2)
    sizes = {e.id: required_sample(e) for e in view.experiments if e.id is not None}
    enough = assumption_settled(view, sizes)
    assert enough.settled
    for line in enough.lines:
        assert f"<li>{escape(line)}</li>" in validated
    assert f"by experiment {planted.e1} (passed)" in validated
    assert (
        f'<a href="/experiments/{planted.e1}">experiment {planted.e1}</a> (passed, 3,841 per arm'
        in validated
    )

    judged = client.get(f"/assumptions/{planted.a3}").text
    assert "judgement: untested → <strong>invalidated</strong>: " + str(escape(REASON)) in judged
    assert "settled: invalidated by judgement, not by an experiment" in judged
    assert REASON not in judged

    open_ = client.get(f"/assumptions/{planted.a1}").text
    assert "not settled: untested, confidence 30%" in open_
    assert f"next: start experiment {planted.e2} (1,094 per arm)" in open_
    assert STATEMENT not in open_
    assert HYPOTHESIS not in open_
    assert f"<h1>{escape(STATEMENT)}</h1>" in open_


def test_an_editor_sets_a_status_by_judgement_with_a_reason(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, planted: StrategyPlanted
) -> None:
    editor = signed_in(Role.EDITOR)
    path = f"/assumptions/{planted.a1}"
    token = page_token(editor, path)
    assert 'action="/assumptions/' in editor.get(path).text
    assert 'action="/assumptions/' not in signed_in(Role.VIEWER).get(path).text

    blank = editor.post(f"{path}/status", data={"csrf_token": token, "status": "validated"})
    assert blank.status_code == 400
    assert "needs its reason" in blank.text
    odd = editor.post(
        f"{path}/status", data={"csrf_token": token, "status": "proven", "reason": "x"}
    )
    assert odd.status_code == 400
    assert (
        assumption_view(workspace.engine, planted.a1).assumption.status is AssumptionStatus.UNTESTED
    )

    done = editor.post(
        f"{path}/status",
        data={"csrf_token": token, "status": "validated", "reason": "  12 of 12 rebuild it  "},
    )
    assert done.status_code == 303
    assert done.headers["location"] == f"{path}?judged=1"
    with read_session(workspace.engine) as session:
        status, reason, before = session.execute(
            text(
                "SELECT a.status, j.reason, j.previous_status FROM assumptions a "
                "JOIN assumption_judgements j ON j.assumption_id = a.id WHERE a.id = :id"
            ),
            {"id": planted.a1},
        ).one()
    assert (status, reason, before) == ("validated", "12 of 12 rebuild it", "untested")
    shown = editor.get(done.headers["location"]).text
    assert "Status set by judgement" in shown
    assert "judgement: untested → <strong>validated</strong>: 12 of 12 rebuild it" in shown

    again = editor.post(
        f"{path}/status", data={"csrf_token": token, "status": "validated", "reason": "again"}
    )
    assert again.status_code == 409
    assert "already validated" in again.text
    assert editor.post("/assumptions/999/status", data={"csrf_token": token}).status_code == 404


def test_an_experiment_shows_its_design_sample_and_z_test(
    signed_in: Callable[[Role], TestClient], planted: StrategyPlanted
) -> None:
    page = signed_in(Role.VIEWER).get(f"/experiments/{planted.e1}").text
    n = textbook_n(0.10, 0.12, 0.05, 0.8)
    assert n == 3841
    assert f"at least {n:,} per arm ({2 * n:,} in all)" in page
    assert "baseline 10.0%, minimum effect 2.0 points, alpha 0.05, power 0.8" in page
    z, p = pooled_z(1000, 100, 1000, 130)
    assert f"<dt>z (pooled)</dt><dd>{z:.3f}</dd>" in page
    assert f"<dt>p (two-sided)</dt><dd>{p:.4f}</dd>" in page
    assert "<dd>0.0355</dd>" in page
    assert "<dt>Lift</dt><dd>+3.0 points</dd>" in page
    assert "<strong>Outcome</strong>: passed" in page
    assert (
        "Below the planned sample: the smaller arm has 1,000 participants, fewer than the "
        "3,841 per arm planned." in page
    )
    assert "Rule (written in advance)</dt><dd>Ship to all if the lift is significant" in page
    assert "2026-09-01 to " in page

    planned = signed_in(Role.VIEWER).get(f"/experiments/{planted.e2}").text
    assert f"at least {textbook_n(0.20, 0.25, 0.05, 0.8):,} per arm" in planned
    assert "No result yet: start it with" in planned
    assert HYPOTHESIS not in planned
    assert RULE not in planned
    assert str(escape(RULE)) in planned


def test_the_experiment_list_is_newest_first_with_each_sample(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, planted: StrategyPlanted
) -> None:
    page = signed_in(Role.VIEWER).get("/experiments").text
    listed = experiment_list(workspace.engine)
    assert [int(i) for i in EXPERIMENT_LINK.findall(page)] == [v.experiment.id for v in listed]
    assert {v.experiment.id for v in listed} == {planted.e1, planted.e2}
    for view in listed:
        assert view.required_n is not None
        row = page.split(f'<a href="/experiments/{view.experiment.id}">', 1)[1].split("</tr>")[0]
        assert f"<td>{view.required_n:,}</td>" in row
    assert HYPOTHESIS not in page


def test_an_editor_records_a_running_experiment_s_arms(
    signed_in: Callable[[Role], TestClient], workspace: Workspace, planted: StrategyPlanted
) -> None:
    editor = signed_in(Role.EDITOR)
    path = f"/experiments/{planted.e2}"
    token = page_token(editor, path)
    early = editor.post(
        f"{path}/result", data={"csrf_token": token, "control": "500/100", "treatment": "500/140"}
    )
    assert early.status_code == 409
    assert "has not started" in early.text
    start_experiment(workspace.engine, planted.e2)
    assert "Record and judge" in editor.get(path).text
    assert "Record and judge" not in signed_in(Role.VIEWER).get(path).text
    bad = editor.post(
        f"{path}/result", data={"csrf_token": token, "control": "500", "treatment": "500/140"}
    )
    assert bad.status_code == 400
    assert "N/SUCCESSES" in bad.text

    done = editor.post(
        f"{path}/result", data={"csrf_token": token, "control": "500/100", "treatment": "500/140"}
    )
    assert done.status_code == 303
    with read_session(workspace.engine) as session:
        row = session.execute(
            text(
                "SELECT e.status, e.result, e.control_n, e.treatment_successes, a.status "
                "FROM experiments e JOIN assumptions a ON a.id = e.assumption_id WHERE e.id = :id"
            ),
            {"id": planted.e2},
        ).one()
    # 20% against 28%: z ≈ 2.96, p ≈ 0.003, a lift of 8 points ≥ the 5 planned: passed.
    z, p = pooled_z(500, 100, 500, 140)
    assert p < 0.05
    assert tuple(row) == ("concluded", "passed", 500, 140, "validated")
    shown = editor.get(done.headers["location"]).text
    assert f"<dt>z (pooled)</dt><dd>{z:.3f}</dd>" in shown
    assert f"<dd>{p:.4f}</dd>" in shown
    assert (
        "Below the planned sample: the smaller arm has 500 participants, fewer than the 1,094"
        in shown
    )
    twice = editor.post(
        f"{path}/result", data={"csrf_token": token, "control": "500/100", "treatment": "500/140"}
    )
    assert twice.status_code == 409


def test_long_registers_are_paged(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    for number in range(PAGE_SIZE + 3):
        new_assumption(
            workspace.engine, f"Belief number {number}", risk=Level.MEDIUM, confidence=0.5
        )
    client = signed_in(Role.VIEWER)
    first, second = client.get("/assumptions").text, client.get("/assumptions?page=2").text
    assert len(register_rows(first)) == PAGE_SIZE
    assert len(register_rows(second)) == 3
    assert set(register_rows(first)).isdisjoint(register_rows(second))
    assert '<a href="/assumptions?page=2">Next</a>' in first
    assert f"51–53 of {PAGE_SIZE + 3}" in second
    assert client.get("/assumptions?page=0").status_code == 400


def test_missing_records_and_bad_days_are_one_line_pages(
    signed_in: Callable[[Role], TestClient],
) -> None:
    client = signed_in(Role.VIEWER)
    assert client.get("/assumptions/999").status_code == 404
    assert client.get("/experiments/999").status_code == 404
    assert "No assumptions yet" in client.get("/assumptions").text
    assert "No experiments yet" in client.get("/experiments").text


def test_a_running_metric_experiment_shows_an_interim_reading_never_a_result(
    signed_in: Callable[[Role], TestClient], workspace: Workspace
) -> None:
    with write_session(workspace.engine) as session:
        metric = metrics.define_metric(
            session,
            MetricDefinition(
                name="activation_hours", unit="hours", direction=MetricDirection.DOWN_IS_GOOD
            ),
        )
        assert metric.id is not None
        for day, value in (("2026-08-30", 90.0), ("2026-09-02", 50.0), ("2026-09-03", 44.0)):
            metrics.upsert_value(
                session,
                MetricValue(metric_id=metric.id, observed_on=date.fromisoformat(day), value=value),
            )
    belief = new_assumption(
        workspace.engine, "A checklist speeds activation", risk=Level.MEDIUM, confidence=0.5
    )
    assert belief.id is not None
    made = new_experiment(
        workspace.engine,
        assumption_id=belief.id,
        hypothesis="The checklist brings activation under 48 hours",
        rule="Keep it if the mean is at or below 48 hours",
        metric="activation_hours",
        threshold=48,
        start=date(2026, 9, 1),
        end=date(2026, 9, 30),
    ).experiment
    assert made.id is not None
    start_experiment(workspace.engine, made.id)
    page = signed_in(Role.VIEWER).get(f"/experiments/{made.id}", params={"as_of": "2026-09-10"})
    assert page.status_code == 200
    # The window's values so far: 50 and 44 (August's 90 is before the start), mean 47 ≤ 48.
    mean = (50.0 + 44.0) / 2
    assert "<strong>Interim reading, not a result</strong>: so far it would pass" in page.text
    assert f"the mean over the window is {mean:g} hours (2 values)" in page.text
    assert "activation_hours: mean at or below 48 hours over the window" in page.text
    assert "Outcome" not in page.text
