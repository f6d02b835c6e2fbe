"""``tradeoff opportunity ...``: the real CLI on the shared company; the three dimensions
shown side by side, overrides visible, history kept, bad input one line."""

from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import Engine

from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli
from tradeoff.decisions.assessment import assess_opportunity, assessed_json
from tradeoff.domain.enums import OpportunityStatus
from tradeoff.storage.opportunities import estimate_history, opportunity_summaries
from tradeoff.storage.session import read_session

AS_OF = TODAY.date().isoformat()


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


@pytest.fixture
def db(capsys: pytest.CaptureFixture[str], workspace_url: str, world: World) -> list[str]:
    """A workspace with problem 1 (Bulk export's evidence) and opportunity 1 addressing it."""
    db = ["--db", workspace_url]
    run_cli(capsys, *db, "problem", "new", "Exports take a day", "--severity", "high")
    run_cli(capsys, *db, "problem", "link", "1", "--theme", str(world.theme("Bulk export").id))
    created = run_cli(
        capsys, *db, "opportunity", "new", "Bulk export", "--problem", "1",
        "--hypothesis", "If finance can export everything at once, month-end takes hours",
    )  # fmt: skip
    assert created.exit_code == 0, created.stderr
    return db


def test_estimates_overrides_and_history(
    capsys: pytest.CaptureFixture[str], db: list[str], engine: Engine
) -> None:
    first = run_cli(
        capsys, *db, "opportunity", "estimate", "1", "effort_weeks", "4..8",
        "--confidence", "medium", "--reason", "two sprints", "--by", "ana@nwl.example",
    )  # fmt: skip
    assert first.exit_code == 0, first.stderr
    assert first.stdout == ("opportunity 1: effort_weeks = 6 (4..8), confidence 0.8 (estimate 1)\n")
    second = run_cli(capsys, *db, "opportunity", "estimate", "1", "effort_weeks", "10",
                     "--range", "8..14", "--confidence", "0.6")  # fmt: skip
    assert (
        second.stdout == "opportunity 1: effort_weeks = 10 (8..14), confidence 0.6 (estimate 2)\n"
    )
    override = run_cli(capsys, *db, "opportunity", "override", "1", "--user-value", "8",
                       "--reason", "Controllers say so in every interview")  # fmt: skip
    assert override.exit_code == 0, override.stderr

    history = run_cli(capsys, *db, "opportunity", "history", "1", "--format", "json")
    entries = json.loads(history.stdout)
    assert [(e["id"], e["field"], e["value"], e["in_use"]) for e in entries] == [
        (3, "user_value", 8.0, True),
        (2, "effort_weeks", 10.0, True),
        (1, "effort_weeks", 6.0, False),
    ]
    table = run_cli(capsys, *db, "opportunity", "history", "1", "--field", "effort_weeks")
    in_use = [line.lstrip().startswith("*") for line in table.stdout.splitlines()[2:]]
    assert in_use == [True, False]  # the newest effort is in use, the older one listed
    with read_session(engine) as session:
        assert len(estimate_history(session, 1)) == 3

    shown = run_cli(capsys, *db, "opportunity", "show", "1", "--as-of", AS_OF)
    assert shown.exit_code == 0, shown.stderr
    text = " ".join(shown.stdout.split())
    assert "User value" in text and "Business viability" in text  # noqa: PT018
    assert "Technical feasibility" in text
    assert "OVERRIDE: Controllers" in text  # the cell wraps: the reason goes on
    computed = assess_opportunity(engine, 1, as_of=TODAY.date()).user_value.basis[1]
    assert computed.startswith("computed: ")
    assert " ".join(computed.split()[:2]) in text  # the computed score stays visible
    assert "never added up" in text
    as_json = json.loads(
        run_cli(
            capsys, *db, "opportunity", "show", "1", "--as-of", AS_OF, "--format", "json"
        ).stdout
    )
    expected = assessed_json(assess_opportunity(engine, 1, as_of=TODAY.date()))
    assert {k: v for k, v in as_json.items() if k in expected} == json.loads(json.dumps(expected))
    assert as_json["user_value"]["origin"] == "override"
    assert as_json["problems"] == [{"id": 1, "statement": "Exports take a day"}]

    listed = run_cli(capsys, *db, "opportunity", "list", "--as-of", AS_OF)
    row = next(line for line in listed.stdout.splitlines() if "Bulk export" in line)
    assert "8.0! ·0.5" in row  # the override is marked where the score is


def test_bad_estimates_are_one_line_with_the_rule(
    capsys: pytest.CaptureFixture[str], db: list[str]
) -> None:
    cases = {
        ("estimate", "1", "arr", "5"): "arr is computed from the evidence",
        ("estimate", "1", "strategic_fit", "12"): "strategic_fit is on a 0..10 scale, got 12",
        ("estimate", "1", "effort_weeks", "6", "--range", "8..4"): "a range goes from low to high",
        ("estimate", "1", "effort_weeks", "6", "--confidence", "sure"): "confidence 'sure'",
        ("estimate", "9", "effort_weeks", "6"): "no opportunity with id 9",
        ("override", "1", "--reason", "because"): "say what to override",
        ("override", "1", "--user-value", "7", "--reason", " "): "needs a reason",
        ("link", "1", "--problem", "5"): "no problem with id 5",
    }
    for args, message in cases.items():
        result = run_cli(capsys, *db, "opportunity", *args)
        assert result.exit_code in (1, 2), args
        assert result.stderr.startswith("error: "), args
        assert message in result.stderr, args
        assert result.stderr.count("\n") == 1, args


def test_the_list_sets_the_three_apart_and_csv_is_safe(
    capsys: pytest.CaptureFixture[str], db: list[str], engine: Engine
) -> None:
    hostile = "=1+1 <script>x</script>"
    assert run_cli(capsys, *db, "opportunity", "new", hostile).exit_code == 0
    run_cli(capsys, *db, "opportunity", "estimate", "1", "effort_weeks", "6")
    table = run_cli(capsys, *db, "opportunity", "list", "--as-of", AS_OF)
    assert table.exit_code == 0, table.stderr
    floating = next(line for line in table.stdout.splitlines() if "<script>" in line)
    assert floating.count("?") == 3  # nothing known about it, said so on each dimension
    assert "none" in floating
    rows = list(
        csv.reader(
            io.StringIO(
                run_cli(
                    capsys, *db, "opportunity", "list", "--as-of", AS_OF, "--format", "csv"
                ).stdout
            )
        )
    )
    assert rows[0][:9] == [
        "id", "title", "status", "problems", "user_value", "user_value_low", "user_value_high",
        "user_value_confidence", "user_value_origin",
    ]  # fmt: skip
    by_id = {row[0]: row for row in rows[1:]}
    assert by_id["2"][1] == "'" + hostile
    assert by_id["2"][8] == "unknown"
    bulk = assess_opportunity(engine, 1, as_of=TODAY.date())
    assert float(by_id["1"][4]) == bulk.user_value.score.value
    assert float(by_id["1"][14]) == bulk.feasibility.score.value
    assert by_id["1"][3] == "1"


def test_link_and_status(capsys: pytest.CaptureFixture[str], db: list[str], engine: Engine) -> None:
    run_cli(capsys, *db, "opportunity", "new", "Dark mode")
    linked = run_cli(capsys, *db, "opportunity", "link", "2", "--problem", "1")
    assert linked.stdout == "opportunity 2: 1 new problem links\n"
    again = run_cli(capsys, *db, "opportunity", "link", "2", "--problem", "1")
    assert again.stdout == "opportunity 2: 0 new problem links\n"
    status = run_cli(capsys, *db, "opportunity", "status", "2", "not_yet")
    assert status.stdout == "opportunity 2: not_yet\n"
    with read_session(engine) as session:
        [summary] = opportunity_summaries(session, [2])
    assert summary.status is OpportunityStatus.NOT_YET
    assert [p.id for p in summary.problems] == [1]
    unanchored = run_cli(capsys, *db, "unanchored")
    assert "Opportunities tied to no problem: 0" in unanchored.stdout
