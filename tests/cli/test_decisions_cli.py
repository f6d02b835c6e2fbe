"""``tradeoff decide``, ``decisions``, ``decision ID`` and ``revisit``, run as a user would
and read back from the workspace — including hostile text in every field a table shows."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tradeoff.decisions.log import decision_history, list_decisions
from tradeoff.domain.decisions import Decision
from tradeoff.domain.enums import DecisionStatus, MetricDirection
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session

SCRIPT = "<script>alert(1)</script>"
FORMULA = "=cmd|' /C calc'!A0"
MARKUP = "[bold]loud[/bold]"

PAYOUTS = [
    "decide",
    "--question",
    "Not yet: multi-currency payouts",
    "--context",
    "Sales report lost deals; no first-hand evidence yet.",
    "--option",
    "Build payouts in H2",
    "--option",
    "Gather direct evidence first",
    "--chosen",
    "2",
    "--tradeoffs",
    "Some deals will be lost meanwhile.",
    "--not-optimising-for",
    "Winning the largest prospects this half.",
    "--assumption",
    "The need is real for a few large prospects.",
    "--signal",
    "metric card_decline_tickets > 18 for 2 periods",
    "--signal",
    "date 2027-03-01",
    "--signal",
    "note: a regulator asks for it",
    "--owner",
    "maya.okafor@ledgerly.example",
    "--stakeholder",
    "rachel.stein@ledgerly.example",
    "--stakeholder",
    "tom@ledgerly.example",
    "--decided-on",
    "2026-04-20",
    "--status",
    "not_yet",
    "--requested-by",
    "Rachel Stein (sales)",
    "--reason",
    "Please introduce us to the people who make these payments.",
]


def _decisions(engine: Engine) -> list[Decision]:
    with read_session(engine) as session:
        return repository.list_all(session, Decision)


def _plain(output: str) -> str:
    """Output without the spaces a table pads its last column with."""
    return "\n".join(line.rstrip() for line in output.split("\n"))


def _card_declines(engine: Engine) -> None:
    with write_session(engine) as session:
        metric = repository.add(session, MetricDefinition(name="Card-decline tickets"))
        assert metric.id is not None
        for month, value in ((2, 11), (5, 25), (6, 29), (7, 15)):
            repository.add(
                session,
                MetricValue(metric_id=metric.id, value=value, observed_on=date(2026, month, 1)),
            )


def test_decide_with_flags_records_and_prints_the_reply(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    result = run_cli(capsys, "--db", workspace_url, *PAYOUTS)
    assert result.exit_code == 0, result.stderr
    [stored] = _decisions(engine)
    assert stored.status is DecisionStatus.NOT_YET
    assert stored.chosen_option == "Gather direct evidence first"
    assert stored.revisit_signals == [
        "metric card_decline_tickets > 18 for 2 periods",
        "date 2027-03-01",
        "note: a regulator asks for it",
    ]
    assert result.stdout.startswith(
        "recorded decision #1: Not yet: multi-currency payouts (not yet, 2026-04-20)\n"
    )
    assert stored.reply_text is not None
    assert stored.reply_text.rstrip("\n") in result.stdout
    reply = run_cli(capsys, "--db", workspace_url, "decision", "1", "--reply")
    assert reply.stdout == stored.reply_text + "\n"
    assert "on 1 March 2027 we look again" in reply.stdout


def test_decide_from_toml_and_markdown_files(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    toml_file = tmp_path / "sso.toml"
    toml_file.write_text(
        'question = "Build SSO now?"\noptions = ["Build SSO", "Later"]\nchosen = "Build SSO"\n'
        'decided_on = 2026-05-01\nsignals = ["date 2027-01-01"]\n',
        encoding="utf-8",
    )
    md_file = tmp_path / "dark.md"
    md_file.write_text(
        "# Dark mode?\n\n## Options\n- Ship it\n- [x] Wait\n\n## Decided on\n2026-05-05\n",
        encoding="utf-8",
    )
    for path in (toml_file, md_file):
        result = run_cli(capsys, "--db", workspace_url, "decide", "--file", str(path))
        assert result.exit_code == 0, result.stderr
    # A flag overrides the file: the file is a draft, the command line the last word.
    result = run_cli(
        capsys,
        "--db",
        workspace_url,
        "decide",
        "--file",
        str(md_file),
        "--supersedes",
        "2",
        "--chosen",
        "Ship it",
    )
    assert result.exit_code == 0, result.stderr
    assert [(d.title, d.chosen_option, d.supersedes_id) for d in _decisions(engine)] == [
        ("Build SSO now?", "Build SSO", None),
        ("Dark mode?", "Wait", None),
        ("Dark mode?", "Ship it", 2),
    ]


def test_a_bad_file_is_one_line_naming_it_and_nothing_is_written(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text("# Q\n\n## Signals\n- date 2027-03-01\n- theme 3 revenue >= 5\n", "utf-8")
    result = run_cli(capsys, "--db", workspace_url, "decide", "--file", str(bad))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"error: {bad}, line 5: signal 'theme 3 revenue >= 5', column 9: expected a measure"
    )
    assert result.stderr.count("\n") == 1
    assert _decisions(engine) == []


def test_a_bad_signal_flag_names_the_column(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    result = run_cli(
        capsys, "--db", workspace_url, "decide", "--question", "Q", "--signal", "metric nps >> 3"
    )
    assert result.exit_code == 2
    assert "column 12: expected a comparison (>, >=, < or <=), got '>>'" in result.stderr
    assert "Traceback" not in result.stderr
    assert _decisions(engine) == []


def test_without_flags_or_a_terminal_decide_says_what_to_give(
    capsys: pytest.CaptureFixture[str], workspace_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    result = run_cli(capsys, "--db", workspace_url, "decide")
    assert result.exit_code == 2
    assert result.stderr == (
        "error: give the decision as flags (--question ...) or --file decision.toml; "
        "questions are asked only on a terminal\n"
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_decide_asks_for_each_field_on_a_terminal(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = [
        "Build SSO now?",
        "Three prospects ask for it.",
        "Build SSO",
        "Wait",
        "",
        "2",
        "Two deals may slip.",
        "",
        "Prospects will wait.",
        "",
        "metric nps >> 3",  # refused on the spot, asked again
        "date 2027-03-01",
        "",
        "maya@ledgerly.example",
        "rachel@ledgerly.example",
        "",
        "2026-06-01",
        "not yet",
        "Dana (sales)",
        "Send us the admins.",
    ]
    monkeypatch.setattr(sys, "stdin", _Terminal("\n".join(answers) + "\n"))
    result = run_cli(capsys, "--db", workspace_url, "decide")
    assert result.exit_code == 0, result.stderr
    assert "column 12" in result.stderr
    [stored] = _decisions(engine)
    assert (stored.title, stored.chosen_option, stored.requested_by) == (
        "Build SSO now?",
        "Wait",
        "Dana (sales)",
    )
    assert stored.revisit_signals == ["date 2027-03-01"]
    assert stored.not_optimising_for is None
    assert "Send us the admins." in (stored.reply_text or "")


def test_decision_shows_the_record_and_its_whole_history(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    run_cli(capsys, "--db", workspace_url, *PAYOUTS)
    revised = run_cli(
        capsys,
        "--db",
        workspace_url,
        "decide",
        "--supersedes",
        "1",
        "--chosen",
        "1",
        "--status",
        "decided",
        "--decided-on",
        "2026-07-14",
    )
    assert revised.stdout.startswith("recorded decision #2, superseding #1: ")
    shown = _plain(run_cli(capsys, "--db", workspace_url, "decision", "1").stdout)
    assert "\nstatus              superseded by #2\n" in shown
    assert "History, oldest first:" in shown
    assert "  #1  2026-04-20  superseded by #2  ← this one" in shown
    assert "      chosen: Gather direct evidence first → Build payouts in H2" in shown
    assert "      status: not yet → decided" in shown
    document = json.loads(
        run_cli(capsys, "--db", workspace_url, "decision", "2", "--format", "json").stdout
    )
    history = decision_history(engine, 2)
    assert document["chosen"] == "Build payouts in H2"
    assert [r["id"] for r in document["history"]] == [r.record.id for r in history.revisions]
    refused = run_cli(capsys, "--db", workspace_url, "decide", "--supersedes", "1", "--owner", "x")
    assert refused.exit_code == 1
    assert "its newest revision is #2" in refused.stderr
    no_reply = run_cli(capsys, "--db", workspace_url, "decision", "2", "--reply")
    assert no_reply.exit_code == 2
    assert "has no reply" in no_reply.stderr


def test_decisions_lists_current_ones_with_fired_signals(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    _card_declines(engine)
    decide = ["--db", workspace_url, "decide", "--decided-on", "2026-01-20"]
    run_cli(
        capsys,
        *decide,
        "--question",
        "Stay on our card processor",
        "--signal",
        "metric card_decline_tickets > 18 for 2 periods",
    )
    run_cli(capsys, *decide, "--question", "Accounting sync first", "--signal", "date 2027-01-01")
    run_cli(capsys, *decide, "--supersedes", "2", "--owner", "tom@ledgerly.example")
    as_of = ["--as-of", "2026-10-31"]
    document = json.loads(
        run_cli(capsys, "--db", workspace_url, "decisions", *as_of, "--format", "json").stdout
    )
    expected = [{**r.to_json(), "fired": 1 if r.id == 1 else 0} for r in list_decisions(engine)]
    assert document == expected
    assert [d["id"] for d in document] == [3, 1]
    every = run_cli(capsys, "--db", workspace_url, "decisions", "--all", *as_of, "--format", "csv")
    rows = list(csv.reader(io.StringIO(every.stdout)))
    assert [(r[0], r[2], r[8]) for r in rows] == [
        ("id", "status", "fired"),
        ("3", "decided", "0"),
        ("2", "superseded by #3", ""),
        ("1", "decided", "1"),
    ]
    table = run_cli(capsys, "--db", workspace_url, "decisions", *as_of).stdout
    assert "1 fired" in table
    assert "1 signal(s) fired: tradeoff revisit shows which and why." in table


def test_revisit_lists_fired_and_unreadable_signals(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    _card_declines(engine)
    run_cli(
        capsys,
        "--db",
        workspace_url,
        "decide",
        "--question",
        "Stay on our card processor",
        "--decided-on",
        "2026-01-20",
        "--owner",
        "maya@ledgerly.example",
        "--signal",
        "metric card_decline_tickets > 18 for 2 periods -- two bad months",
        "--signal",
        "metric nps < 20",
        "--signal",
        "note: ask support",
    )
    result = run_cli(capsys, "--db", workspace_url, "revisit", "--as-of", "2026-10-31")
    assert result.exit_code == 0
    assert _plain(result.stdout) == (
        "Signals fired as of 2026-10-31:\n\n"
        "#1        Stay on our card processor\n"
        "  owner   maya@ledgerly.example\n"
        "  signal  metric card_decline_tickets > 18 for 2 periods -- two bad months\n"
        "  now     15 on 2026-07-01 (threshold > 18 for 2 periods)\n"
        "  fired   2026-06-01: fired with 25 on 2026-05-01, 29 on 2026-06-01\n"
        "\n"
        "1 signal(s) fired on 1 decision(s): revise one with tradeoff decide --supersedes 1 ...\n"
        "\nCannot evaluate:\n"
        "  #1  metric nps < 20: no metric named 'nps'\n"
        "\nCheck by hand:\n"
        "  #1  note: ask support\n"
    )
    document = json.loads(
        run_cli(
            capsys, "--db", workspace_url, "revisit", "--as-of", "2026-05-31", "--format", "json"
        ).stdout
    )
    assert document["fired"] == []
    assert [c["detail"] for c in document["not_fired"]] == [
        "latest 11 on 2026-02-01, 25 on 2026-05-01"
    ]


def test_hostile_text_is_shown_as_written_and_neutralised_in_csv(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    result = run_cli(
        capsys,
        "--db",
        workspace_url,
        "decide",
        "--question",
        SCRIPT,
        "--owner",
        FORMULA,
        "--option",
        MARKUP,
        "--option",
        FORMULA,
        "--chosen",
        "1",
        "--context",
        f"{MARKUP} {SCRIPT}",
    )
    assert result.exit_code == 0, result.stderr
    assert SCRIPT in result.stdout
    table = run_cli(capsys, "--db", workspace_url, "decisions").stdout
    assert SCRIPT in table
    assert FORMULA in table
    shown = run_cli(capsys, "--db", workspace_url, "decision", "1").stdout
    assert f"✓ 1. {MARKUP}" in shown, "markup is printed, never interpreted"
    assert f"{MARKUP} {SCRIPT}" in shown
    assert "\\[" not in shown, "nothing is escaped into visible backslashes"
    exported = run_cli(capsys, "--db", workspace_url, "decisions", "--format", "csv").stdout
    [header, row] = list(csv.reader(io.StringIO(exported)))
    assert row[header.index("owner")] == "'" + FORMULA
    assert row[header.index("question")] == SCRIPT
    assert (
        json.loads(
            run_cli(capsys, "--db", workspace_url, "decision", "1", "--format", "json").stdout
        )["owner"]
        == FORMULA
    )


def test_decision_shipped_shows_the_metric_before_and_after(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine
) -> None:
    """Weekly support tickets 40, 42, 41, 43 before the ship day and 30, 29, 31, 30 from it:
    means 41.5 → 30.0, a fall far beyond the noise, and fewer tickets is good."""
    with write_session(engine) as session:
        metric = repository.add(
            session,
            MetricDefinition(name="Support tickets", direction=MetricDirection.DOWN_IS_GOOD),
        )
        assert metric.id is not None
        shipped = date(2026, 6, 1)
        for weeks, value in zip(range(-4, 4), (40, 42, 41, 43, 30, 29, 31, 30), strict=True):
            day = shipped + timedelta(weeks=weeks)
            repository.add(session, MetricValue(metric_id=metric.id, value=value, observed_on=day))
    assert run_cli(capsys, "--db", workspace_url, *PAYOUTS).exit_code == 0
    [decision] = _decisions(engine)

    refused = run_cli(capsys, "--db", workspace_url, "decision-shipped", str(decision.id),
                      "--on", "2026-06-01")  # fmt: skip
    assert refused.exit_code != 0
    assert refused.stderr.count("\n") == 1
    assert "names no metric yet" in refused.stderr

    result = run_cli(capsys, "--db", workspace_url, "decision-shipped", str(decision.id),
                     "--on", "2026-06-01", "--metric", "Support tickets")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert f"decision #{decision.id} shipped on 2026-06-01" in result.stdout
    assert "41.5" in result.stdout
    assert "30" in result.stdout
    assert "moved the way it should" in result.stdout
    [stored] = _decisions(engine)
    assert (stored.metric_id, stored.shipped_on) == (metric.id, date(2026, 6, 1))
    shown = run_cli(capsys, "--db", workspace_url, "decision", str(decision.id))
    assert "moved the way it should" in shown.stdout
