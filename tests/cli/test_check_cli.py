"""``tradeoff check``, ``coverage``, ``area`` and ``team``: the real CLI on the workspaces of
``tests.strategy.test_practice_check``, whole outputs where they are short."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.cli.helpers import run_cli
from tests.strategy.test_practice_check import (  # noqa: F401
    RULE_KEYS,
    Planted,
    clean,
    drifting,
)
from tradeoff.strategy.coverage import coverage
from tradeoff.strategy.practice.runner import run_check

AS_OF = "2026-10-31"


def test_strict_fails_a_drifting_workspace_and_the_table_says_why(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    drifting: Planted,  # noqa: F811
) -> None:
    db = ["--db", workspace_url]
    relaxed = run_cli(capsys, *db, "check", "--as-of", AS_OF)
    assert relaxed.exit_code == 0
    strict = run_cli(capsys, *db, "check", "--strict", "--as-of", AS_OF)
    assert strict.exit_code == 1
    assert strict.stdout == relaxed.stdout
    lines = strict.stdout.splitlines()
    assert lines[0] == "Practice check at 2026-10-31: 0/12 rules pass"
    marks = [line for line in lines if line[:1] in "✓✗"]
    assert [line.split()[0] for line in marks] == ["✗"] * 12
    counts = [int(line.split()[-1]) for line in marks]
    assert counts == [1, 2, 2, 1, 1, 1, 1, 1, 6, 1, 2, 1]
    assert (
        "    onboarding: Onboarding and verification (1 evidence, USD 30,000.00 at stake)" in lines
    )
    assert "    → Give each an owner: tradeoff area assign KEY --owner EMAIL." in lines


def test_json_carries_every_rule_and_strict_still_fails(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    drifting: Planted,  # noqa: F811
) -> None:
    found = run_cli(
        capsys, "--db", workspace_url, "check", "--format", "json", "--strict", "--as-of", AS_OF
    )
    assert found.exit_code == 1
    document = json.loads(found.stdout)
    assert drifting.engine is not None
    assert document == json.loads(
        json.dumps(run_check(drifting.engine, as_of=date(2026, 10, 31)).to_json())
    )
    assert [r["rule"] for r in document["rules"]] == RULE_KEYS
    assert document["rules"][0]["items"] == [
        {"id": drifting["r_dark"], "label": "r_dark", "detail": "now"}
    ]


def test_strict_passes_a_clean_workspace(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    clean: object,  # noqa: F811
) -> None:
    found = run_cli(capsys, "--db", workspace_url, "check", "--strict", "--as-of", AS_OF)
    assert found.exit_code == 0
    assert found.stdout.splitlines()[0] == "Practice check at 2026-10-31: 12/12 rules pass"
    assert "✗" not in found.stdout
    bad = run_cli(capsys, "--db", workspace_url, "check", "--as-of", "31/10/2026")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: --as-of must be a date")


def test_areas_team_and_coverage_from_the_command_line(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    drifting: Planted,  # noqa: F811
) -> None:
    db = ["--db", workspace_url]
    created = run_cli(capsys, *db, "area", "new", "kyc", "[bold]KYC[/bold] checks")
    assert created.stdout == "area kyc: [bold]KYC[/bold] checks (owner: nobody)\n"
    again = run_cli(capsys, *db, "area", "new", "kyc", "KYC")
    assert again.exit_code == 1
    assert again.stderr.startswith("error: an area with key 'kyc' already exists")
    moved = run_cli(
        capsys, *db, "area", "problems", "kyc", "--add", str(drifting["p_verification"])
    )
    assert moved.stdout == (
        f"area kyc: 1 problem(s)\n  {drifting['p_verification']:>4}  Verification stalls\n"
    )
    missing = run_cli(capsys, *db, "area", "problems", "kyc", "--add", "99999")
    assert (missing.exit_code, missing.stderr) == (
        1,
        "error: no problem with id 99999; see tradeoff problem list\n",
    )
    assigned = run_cli(capsys, *db, "area", "assign", "kyc", "--owner", "Aisha@ours.example")
    assert assigned.stdout == "area kyc is owned by aisha@ours.example\n"
    listed = run_cli(capsys, *db, "area", "list").stdout.splitlines()
    assert [line.split()[0] for line in listed[2:]] == [
        "cards",
        "kyc",
        "onboarding",
        "payments",
        "platform",
    ]
    added = run_cli(
        capsys, *db, "team", "add", "maya@ours.example", "--name", "Maya Okafor",
        "--title", "Head of Product", "--role", "pm",
    )  # fmt: skip
    assert added.stdout == "added maya@ours.example: Maya Okafor (pm)\n"
    bad_role = run_cli(
        capsys, *db, "team", "add", "x@ours.example", "--name", "X", "--role", "big boss"
    )
    assert bad_role.exit_code == 2
    team = run_cli(capsys, *db, "team", "list").stdout
    assert "Maya Okafor" in team
    assert "Head of Product" in team
    shown = run_cli(capsys, *db, "coverage", "--as-of", AS_OF, "--format", "json")
    assert drifting.engine is not None
    expected = coverage(drifting.engine, as_of=date(2026, 10, 31))
    assert json.loads(shown.stdout) == json.loads(json.dumps(expected.to_json()))
    areas = {a["key"]: a for a in json.loads(shown.stdout)["areas"]}
    # The verification problem moved to kyc, now owned: onboarding holds nothing.
    assert (areas["kyc"]["evidence"], areas["kyc"]["flagged"]) == (1, False)
    assert (areas["onboarding"]["evidence"], areas["onboarding"]["flagged"]) == (0, False)
    table = run_cli(capsys, *db, "coverage", "--as-of", AS_OF).stdout
    assert table.splitlines()[0] == "Coverage at 2026-10-31 (money in USD)"
    assert "[bold]KYC[/bold] checks" in table
    assert "Maya Okafor" in table
