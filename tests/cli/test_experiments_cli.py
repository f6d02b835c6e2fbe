"""``tradeoff assumption``, ``tradeoff experiment`` and ``tradeoff enough``: the real CLI,
whole outputs, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tests.cli.helpers import run_cli
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import repository
from tradeoff.storage.engine import open_engine
from tradeoff.storage.session import write_session

HOSTILE = "[bold red]Finance leads[/] reconcile <script>weekly</script>"


@pytest.fixture
def db(capsys: pytest.CaptureFixture[str], workspace_url: str) -> list[str]:
    db = ["--db", workspace_url]
    made = run_cli(
        capsys, *db, "assumption", "new", HOSTILE, "--risk", "high", "--confidence", "0.3"
    )
    assert made.exit_code == 0, made.stderr
    assert made.stdout == (
        f"assumption 1: {HOSTILE}\n"
        "  risk high, confidence 30%, untested\n"
        'next: tradeoff experiment new --assumption 1 --hypothesis "..." --rule "..."\n'
    )
    low = run_cli(
        capsys, *db, "assumption", "new", "SSO can wait", "--risk", "low", "--confidence", "0.1"
    )
    assert low.exit_code == 0, low.stderr
    return db


def test_the_register_lists_riskiest_first(
    capsys: pytest.CaptureFixture[str], db: list[str]
) -> None:
    run_cli(
        capsys,
        *db,
        "assumption",
        "new",
        "Approvals block deals",
        "--risk",
        "medium",
        "--confidence",
        "0.9",
    )
    listed = run_cli(capsys, *db, "assumption", "list")
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout == (
        f"   1   high    30%  untested    {HOSTILE}\n"
        "   3   medium  90%  untested    Approvals block deals\n"
        "   2   low     10%  untested    SSO can wait\n"
        "* behind an opportunity on the frontier\n"
    )


def test_an_experiment_from_plan_to_outcome(
    capsys: pytest.CaptureFixture[str], db: list[str]
) -> None:
    planned = run_cli(
        capsys,
        *db,
        "experiment",
        "new",
        "--assumption",
        "1",
        "--hypothesis",
        "A virtual card at approval lifts first-week card use",
        "--rule",
        "Roll out if significant and at least 2 points",
        "--baseline",
        "0.10",
        "--effect",
        "0.02",
        "--start",
        "2026-09-01",
        "--end",
        "2026-09-30",
    )
    assert planned.exit_code == 0, planned.stderr
    # 3,841 per arm: hand-computed in tests/strategy/test_sample_size.py.
    assert planned.stdout == (
        "experiment 1 (planned, pending): A virtual card at approval lifts first-week card use\n"
        f"  tests assumption 1 (untested): {HOSTILE}\n"
        "  rule (written in advance): Roll out if significant and at least 2 points\n"
        "  design: baseline 10.0%, minimum effect 2.0 points, alpha 0.05, power 0.8: at least "
        "3,841 per arm (7,682 in all)\n"
        "  window: 2026-09-01 to 2026-09-30\n"
        "next: tradeoff experiment start 1\n"
    )
    early = run_cli(
        capsys, *db, "experiment", "result", "1", "--control", "4000/400", "--treatment", "4000/520"
    )
    assert early.exit_code == 1
    assert early.stderr == (
        "error: experiment 1 has not started: its rule is fixed by tradeoff experiment start 1 "
        "before any result\n"
    )
    started = run_cli(capsys, *db, "experiment", "start", "1")
    assert started.stdout == (
        "experiment 1 running since 2026-09-01: hypothesis, metric, threshold, rule and design "
        "are now fixed\n"
    )
    refused = run_cli(capsys, *db, "experiment", "edit", "1", "--effect", "0.01")
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert refused.stderr == (
        "error: experiment 1 started on 2026-09-01 (running): its minimum effect cannot change "
        "after the start (pre-registration); plan a new experiment instead\n"
    )
    result = run_cli(
        capsys, *db, "experiment", "result", "1", "--control", "4000/400", "--treatment", "4000/520"
    )
    assert result.exit_code == 0, result.stderr
    # pooled 920/8000 = 0.115; z = 0.03 / √(0.115 · 0.885 · 2/4000) = 4.2055; p = 2.6e-5
    assert result.stdout == (
        "experiment 1 (concluded, passed): A virtual card at approval lifts first-week card use\n"
        f"  tests assumption 1 (validated): {HOSTILE}\n"
        "  rule (written in advance): Roll out if significant and at least 2 points\n"
        "  design: baseline 10.0%, minimum effect 2.0 points, alpha 0.05, power 0.8: at least "
        "3,841 per arm (7,682 in all)\n"
        "  window: 2026-09-01 to 2026-09-30\n"
        "  outcome: passed: treatment 13.0% (520/4,000) against control 10.0% (400/4,000): "
        "+3.0 points, p = 0.0000; p < alpha 0.05 with the rate higher as hypothesised, by at "
        "least the minimum effect (2.0 points)\n"
    )
    shown = run_cli(capsys, *db, "assumption", "show", "1")
    assert shown.stdout == (
        f"assumption 1: {HOSTILE}\n"
        "  risk high, confidence 30%, validated\n"
        "  experiment 1 (passed): A virtual card at approval lifts first-week card use\n"
    )
    enough = run_cli(capsys, *db, "enough", "--assumption", "1")
    assert enough.stdout == (
        f"assumption 1: {HOSTILE}\n"
        "settled: validated by experiment 1 (passed): more research will not change the "
        "decision\n"
    )
    listed = run_cli(capsys, *db, "experiment", "list")
    assert listed.stdout == (
        "   1  concluded passed       assumption 1  3,841/arm  A virtual card at approval "
        "lifts first-week card use\n"
    )


def test_judgement_bad_input_and_enough_questions(
    capsys: pytest.CaptureFixture[str], db: list[str]
) -> None:
    judged = run_cli(
        capsys,
        *db,
        "assumption",
        "status",
        "2",
        "invalidated",
        "--reason",
        "Three enterprise deals lost on SSO in Q3",
    )
    assert judged.exit_code == 0, judged.stderr
    assert judged.stdout == (
        "assumption 2 is now invalidated: Three enterprise deals lost on SSO in Q3\n"
    )
    shown = run_cli(capsys, *db, "assumption", "show", "2")
    assert shown.stdout.splitlines()[-1].endswith(
        ": untested → invalidated: Three enterprise deals lost on SSO in Q3"
    )
    # A judgement is the assumption's history, not an experiment.
    assert run_cli(capsys, *db, "experiment", "list").stdout.startswith("No experiments yet")
    one = "error: give exactly one of --theme, --opportunity or --assumption\n"
    for args, code, message in [
        (["enough"], 2, one),
        (["enough", "--theme", "1", "--assumption", "1"], 2, one),
        (["enough", "--theme", "7"], 1, "error: no theme with id 7\n"),
        (["experiment", "result", "5", "--from-metric"], 1, "error: no experiment with id 5\n"),
        (
            [
                "experiment",
                "new",
                "--assumption",
                "1",
                "--hypothesis",
                "h",
                "--rule",
                "r",
                "--baseline",
                "0.99",
                "--effect",
                "0.05",
            ],
            2,
            "error: the baseline 0.99 moved by the effect 0.05 goes above 1\n",
        ),
        (
            ["assumption", "new", "x", "--opportunity", "4"],
            1,
            "error: no opportunity with id 4; see tradeoff opportunity list\n",
        ),
    ]:
        failed = run_cli(capsys, *db, *args)
        assert (failed.exit_code, failed.stdout, failed.stderr) == (code, "", message)


def test_enough_on_a_saturated_theme(
    capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    """Theme 1 with sub-themes 2 and 3; five items arrive a day apart into 2, 3, 2, 3, 2."""
    engine = open_engine(workspace_url)
    with write_session(engine) as session:
        top = repository.add(session, Theme(name="Reconciliation takes days"))
        repository.add(session, Theme(name="CSV exports", parent_id=top.id))
        repository.add(session, Theme(name="Bank feeds", parent_id=top.id))
        for day, sub in enumerate([2, 3, 2, 3, 2]):
            item = repository.add(
                session,
                EvidenceItem(
                    source="zendesk",
                    external_id=f"Z-{day}",
                    kind=EvidenceKind.TICKET,
                    text="Month-end took two days again",
                    created_at=datetime(2026, 9, 1 + day, tzinfo=UTC),
                ),
            )
            for theme_id in (1, sub):
                repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme_id))
    engine.dispose()
    db = ["--db", workspace_url]
    saturated = run_cli(capsys, *db, "enough", "--theme", "1", "--last", "3")
    assert saturated.exit_code == 0, saturated.stderr
    assert saturated.stdout == (
        "theme 1: Reconciliation takes days\n"
        "saturated: stop researching this theme (5 items; of the last 3, 3 fell into the 2 "
        "sub-themes seen before them and 0 into none; no new sub-theme)\n"
    )
    # The last 4 start on day 1, the first item of sub-theme 3.
    opening = run_cli(capsys, *db, "enough", "--theme", "1", "--last", "4")
    assert opening.stdout == (
        "theme 1: Reconciliation takes days\n"
        "keep researching: 1 new sub-theme appeared in the last 4 items (5 items; of the last "
        "4, 2 fell into the 1 sub-theme seen before them and 0 into none)\n"
        "  new late: sub-theme 3 (2 of the last 4): Bank feeds\n"
    )


def test_enough_on_two_unassessed_opportunities(
    capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    db = ["--db", workspace_url]
    for title in ("Transfer tracker", "Bulk payments"):
        assert run_cli(capsys, *db, "opportunity", "new", title).exit_code == 0
    found = run_cli(capsys, *db, "enough", "--opportunity", "1", "--draws", "4000")
    assert found.exit_code == 0, found.stderr
    lines = found.stdout.splitlines()
    assert lines[0] == "opportunity 1: Transfer tracker (on the frontier)"
    # Nothing is assessed: every score is 5 within 0..10 for both. 1 leaves the frontier
    # exactly when 2 draws higher on all three dimensions: (1/2)³ = 12.5 % of draws.
    share = float(lines[1].split("flips in ")[1].split("%")[0]) / 100
    assert share == pytest.approx(0.125, abs=0.02)
    assert lines[1].startswith("not settled: no uncertain relation, but its standing flips")
    assert lines[2] == "the most valuable research: narrow these ranges"
    assert len(lines) == 3 + 5 + 1  # the widest five of six ranges, then how many more
    assert lines[-1] == "  … and 1 more"
