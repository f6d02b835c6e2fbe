"""``tradeoff problem ...`` and ``tradeoff unanchored``: the real CLI on the shared company,
read back through the API and compared whole where that is clearer."""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta

import pytest
from sqlalchemy import Engine

from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli
from tradeoff.analysis.business.demand import problem_demand
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.storage import repository
from tradeoff.storage.problems import problem_links
from tradeoff.storage.session import read_session, write_session

AS_OF = TODAY.date().isoformat()
HOSTILE = "=cmd|' /C calc'!A0 <script>alert(1)</script> [bold red]boom[/]"


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def test_a_problem_is_recorded_linked_and_shown(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    db = ["--db", workspace_url]
    created = run_cli(
        capsys, *db, "problem", "new", "Finance exports invoices one by one",
        "--who", "finance teams", "--trying-to", "close the month",
        "--goes-wrong", "exporting takes a day", "--severity", "high",
    )  # fmt: skip
    assert created.exit_code == 0, created.stderr
    assert created.stdout.startswith("problem 1: Finance exports invoices one by one\n")
    deeper = run_cli(capsys, *db, "problem", "new", "Finance cannot trust its numbers")
    assert deeper.exit_code == 0
    bulk = world.theme("Bulk export").id
    ticket = world.evidence[7]  # Dunmore's audit ticket, e7
    linked = run_cli(
        capsys, *db, "problem", "link", "1", "--theme", str(bulk), "--symptom-of", "2",
        "--source", "zendesk", "--external-id", ticket.external_id,
    )  # fmt: skip
    assert linked.exit_code == 0, linked.stderr
    assert linked.stdout == "problem 1: linked 1 evidence items, 1 themes, 1 deeper problems\n"
    with read_session(engine) as session:
        links = problem_links(session, 1)
    assert [t.id for t in links.themes] == [bulk]
    assert links.evidence_ids == (ticket.id,)
    assert [p for p, _ in links.symptom_of] == [2]

    shown = run_cli(capsys, *db, "problem", "show", "1", "--as-of", AS_OF)
    assert shown.exit_code == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[:4] == [
        "Finance exports invoices one by one  (problem 1, severity high)",
        "  who has it: finance teams",
        "  trying to: close the month",
        "  goes wrong: exporting takes a day",
    ]
    assert "Evidence: 7 items from 5 accounts and 5 end users" in shown.stdout
    assert "Symptom of:\n  2  Finance cannot trust its numbers" in shown.stdout
    assert '"Audit trail is missing for deletions."  — Dunmore Legal (ticket, relayed by ' in (
        shown.stdout
    )
    assert shown.stdout.count("  — ") >= 3  # quotes with their account

    as_json = run_cli(capsys, *db, "problem", "show", "1", "--as-of", AS_OF, "--format", "json")
    document = json.loads(as_json.stdout)
    [expected] = problem_demand(engine, as_of=TODAY.date(), ids=[1])
    assert document["demand"] == json.loads(json.dumps(expected.total.to_json()))
    assert document["symptom_of"] == [{"id": 2, "statement": "Finance cannot trust its numbers"}]
    assert all(q["account"] for q in document["quotes"])


def test_bad_links_are_one_line_and_change_nothing(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    db = ["--db", workspace_url]
    for statement in ("Root", "Surface"):
        run_cli(capsys, *db, "problem", "new", statement)
    assert run_cli(capsys, *db, "problem", "link", "2", "--symptom-of", "1").exit_code == 0
    cycle = run_cli(capsys, *db, "problem", "link", "1", "--symptom-of", "2")
    assert cycle.exit_code == 1
    assert cycle.stderr == (
        "error: problem 1 cannot be a symptom of 2: 2 is already a symptom of 1 "
        "(2 → 1, each a symptom of the next)\n"
    )
    first = world.evidence[0].id
    missing = run_cli(capsys, *db, "problem", "link", "1", "--evidence", f"{first},999")
    assert (missing.exit_code, missing.stderr) == (1, "error: no evidence item with id 999\n")
    garbled = run_cli(capsys, *db, "problem", "link", "1", "--evidence", "12,x")
    assert garbled.exit_code == 2
    assert "like 12,13" in garbled.stderr
    lonely = run_cli(capsys, *db, "problem", "link", "1", "--source", "zendesk")
    assert (lonely.exit_code, lonely.stderr) == (
        2,
        "error: --source and --external-id go together\n",
    )
    nothing = run_cli(capsys, *db, "problem", "link", "1")
    assert nothing.exit_code == 2
    unknown = run_cli(capsys, *db, "problem", "show", "42")
    assert (unknown.exit_code, unknown.stderr) == (1, "error: no problem with id 42\n")
    severity = run_cli(capsys, *db, "problem", "new", "X", "--severity", "extreme")
    assert severity.exit_code == 2
    assert "Traceback" not in severity.stderr
    with read_session(engine) as session:
        assert problem_links(session, 1).evidence_ids == ()  # the good id was not linked


def test_hostile_statements_are_literal_in_tables_and_inert_in_csv(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    db = ["--db", workspace_url]
    assert run_cli(capsys, *db, "problem", "new", HOSTILE).exit_code == 0
    run_cli(capsys, *db, "problem", "link", "1", "--theme", str(world.theme("Audit logs").id))
    table = run_cli(capsys, *db, "problem", "list", "--as-of", AS_OF)
    assert table.exit_code == 0, table.stderr
    flat = " ".join(table.stdout.split())
    assert "<script>alert(1)</script>" in flat  # shown as typed, not interpreted
    assert "[bold red]boom[/]" in flat  # not taken as markup
    shown = run_cli(capsys, *db, "problem", "show", "1", "--as-of", AS_OF)
    assert shown.stdout.startswith(f"{HOSTILE}  (problem 1, severity not set)")
    as_csv = run_cli(capsys, *db, "problem", "list", "--as-of", AS_OF, "--format", "csv")
    rows = list(csv.reader(io.StringIO(as_csv.stdout)))
    assert rows[1][1] == "'" + HOSTILE
    assert rows[0][:6] == ["id", "statement", "severity", "items", "accounts", "end_users"]
    audit = {
        link.evidence_id for link in world.links if link.theme_id == world.theme("Audit logs").id
    }
    accounts = {e.account_id for e in world.evidence if e.id in audit}
    assert rows[1][3:5] == [str(len(audit)), str(len(accounts))]


def test_the_list_carries_the_demand_figures(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    db = ["--db", workspace_url]
    for name in ("Bulk export", "Single sign-on"):
        run_cli(capsys, *db, "problem", "new", f"Customers need {name.lower()}")
    run_cli(capsys, *db, "problem", "link", "1", "--theme", str(world.theme("Bulk export").id))
    run_cli(capsys, *db, "problem", "link", "2", "--theme", str(world.theme("Single sign-on").id))
    listed = run_cli(capsys, *db, "problem", "list", "--as-of", AS_OF, "--format", "json")
    document = json.loads(listed.stdout)
    expected = problem_demand(engine, as_of=TODAY.date())
    assert [p["id"] for p in document] == [d.id for d in expected]
    assert [p["demand"] for p in document] == json.loads(
        json.dumps([d.total.to_json() for d in expected])
    )
    table = run_cli(capsys, *db, "problem", "list", "--as-of", AS_OF)
    assert "ARR USD" in table.stdout
    assert "240k*" in table.stdout  # SSO: Acme's USD ARR, and Granite's JPY with no rate


def test_suggest_names_themes_with_their_counts(
    capsys: pytest.CaptureFixture[str], workspace_url: str, world: World
) -> None:
    db = ["--db", workspace_url]
    run_cli(capsys, *db, "problem", "new", "Finance needs a bulk export of every invoice")
    result = run_cli(capsys, *db, "problem", "suggest", "1", "--depth", "10")
    assert result.exit_code == 0, result.stderr
    first = result.stdout.splitlines()[2]
    assert "Bulk export" in first
    assert " of " in first
    as_json = json.loads(
        run_cli(capsys, *db, "problem", "suggest", "1", "--depth", "10", "--format", "json").stdout
    )
    assert as_json[0]["name"] == "Bulk export"
    assert as_json[0]["hits"] == max(s["hits"] for s in as_json)
    assert {"theme_id", "hits", "searched", "share", "confident", "linked"} <= set(as_json[0])


def test_unanchored_lists_requests_and_opportunities_tied_to_no_problem(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, world: World
) -> None:
    db = ["--db", workspace_url]
    with write_session(engine) as session:
        for number, text in enumerate(("Bulk export for Acme", '=HYPERLINK("x") dark mode')):
            repository.add(
                session,
                EvidenceItem(
                    source="jira",
                    external_id=f"REQ-{number}",
                    kind=EvidenceKind.INTERNAL_REQUEST,
                    text=text,
                    created_at=TODAY - timedelta(days=number),
                    account_id=world.account("Acme Freight").id,
                    relayed_by_id=world.people[0].id,
                ),
            )
    run_cli(capsys, *db, "problem", "new", "Exports take a day")
    run_cli(capsys, *db, "problem", "link", "1", "--source", "jira", "--external-id", "REQ-0")
    run_cli(capsys, *db, "opportunity", "new", "<b>Dark mode</b>")
    table = run_cli(capsys, *db, "unanchored")
    assert table.exit_code == 0, table.stderr
    assert "Opportunities tied to no problem: 1" in table.stdout
    assert "<b>Dark mode</b>" in table.stdout
    assert "Internal requests that are evidence of no problem: 1" in table.stdout
    assert "Casey CSM" in table.stdout
    rows = list(
        csv.reader(io.StringIO(run_cli(capsys, *db, "unanchored", "--format", "csv").stdout))
    )
    assert [r[0] for r in rows] == ["type", "opportunity", "internal_request"]
    assert rows[2][-1] == '\'=HYPERLINK("x") dark mode'
    document = json.loads(run_cli(capsys, *db, "unanchored", "--format", "json").stdout)
    assert document["internal_requests"]["total"] == 1
    assert document["opportunities"]["items"][0]["title"] == "<b>Dark mode</b>"
