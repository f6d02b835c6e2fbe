"""Decisions written in files: TOML and Markdown give the same draft, and every mistake is
reported with the file and the line (and for a signal, the column)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from tradeoff.decisions.decision_draft import DecisionDraft, OptionLink
from tradeoff.decisions.decision_file import parse_markdown, parse_toml, read_decision_file
from tradeoff.decisions.signals import Subject
from tradeoff.domain.enums import DecisionStatus
from tradeoff.errors import InputError

EXPECTED = DecisionDraft(
    question="Not yet: multi-currency payouts",
    context="Sales report lost deals citing payouts.\n\nWe have no first-hand evidence.",
    options=("Build payouts in H2", "Partner with an FX provider", "Gather direct evidence first"),
    chosen="Gather direct evidence first",
    tradeoffs="Some deals will be lost meanwhile.",
    not_optimising_for="Winning the largest prospects this half.",
    assumptions=("The need is real for a few large prospects.",),
    signals=("problem 4 direct_items >= 5 -- five end users describe it", "date 2027-03-01"),
    owner="maya.okafor@ledgerly.example",
    stakeholders=("rachel.stein@ledgerly.example", "tom.lindqvist@ledgerly.example"),
    decided_on=date(2026, 4, 20),
    status=DecisionStatus.NOT_YET,
    requested_by="rachel.stein@ledgerly.example",
    reason="Please introduce us to the people who make these payments.",
    links=(OptionLink(3, Subject.PROBLEM, 4),),
)

TOML = '''\
question = "Not yet: multi-currency payouts"
context = """Sales report lost deals citing payouts.

We have no first-hand evidence."""
options = [
  "Build payouts in H2",
  "Partner with an FX provider",
  "Gather direct evidence first",
]
chosen = 3
tradeoffs = "Some deals will be lost meanwhile."
not_optimising_for = "Winning the largest prospects this half."
assumptions = ["The need is real for a few large prospects."]
signals = [
  "problem 4 direct_items >= 5 -- five end users describe it",
  "date 2027-03-01",
]
owner = "maya.okafor@ledgerly.example"
stakeholders = ["rachel.stein@ledgerly.example", "tom.lindqvist@ledgerly.example"]
decided_on = 2026-04-20
status = "not yet"
requested_by = "rachel.stein@ledgerly.example"
reason = "Please introduce us to the people who make these payments."
links = ["3:problem:4"]
'''

MARKDOWN = """\
# Not yet: multi-currency payouts

## Context

Sales report lost deals citing payouts.

We have no first-hand evidence.

## Options

- Build payouts in H2
- Partner with an FX provider
- [x] Gather direct evidence first

## Trade-offs accepted
Some deals will be lost meanwhile.

## Not optimising for
Winning the largest prospects this half.

## Assumptions
- The need is real for a few large prospects.

## Signals
- problem 4 direct_items >= 5
  -- five end users describe it
- date 2027-03-01

## Owner
maya.okafor@ledgerly.example

## Stakeholders
rachel.stein@ledgerly.example, tom.lindqvist@ledgerly.example

## Decided on
2026-04-20

## Status
not yet

## Requested by
rachel.stein@ledgerly.example

## Reason
Please introduce us to the people who make these payments.

## Links
- 3:problem:4
"""


def test_toml_and_markdown_give_the_same_draft(tmp_path: Path) -> None:
    toml_file, md_file = tmp_path / "d.toml", tmp_path / "d.md"
    toml_file.write_text(TOML, encoding="utf-8")
    md_file.write_text(MARKDOWN, encoding="utf-8")
    from_toml = read_decision_file(toml_file)
    assert from_toml == DecisionDraft(**{**EXPECTED.__dict__, "chosen": "3"})
    assert from_toml.chosen_option() == "Gather direct evidence first"
    assert read_decision_file(md_file) == EXPECTED


def test_the_chosen_option_may_be_marked_by_words(tmp_path: Path) -> None:
    draft = parse_markdown("# Q\n\n## Options\n1. Ship it\n2. Wait (chosen)\n")
    assert draft.options == ("Ship it", "Wait")
    assert draft.chosen == "Wait"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            'question = "Q"\nsignals = [\n  "date 2027-03-01",\n  "metric nps >> 3",\n]\n',
            4,
            "column 12: expected a comparison",
        ),
        ('question = "Q"\ncolour = "blue"\n', 2, "unknown key 'colour'"),
        ('question = "Q"\ndecided_on = "last tuesday"\n', 2, "decided on must be a date"),
        ('question = "Q"\nstatus = "maybe"\n', 2, "status must be"),
        ('question = "Q"\nlinks = ["option 1 is problem 4"]\n', 2, "write OPTION:problem:ID"),
        ('question = "Q"\noptions = "just one"\nassumptions = [1, 2]\n', 3, "list of text"),
        ('question = "Q\n', 1, "not valid TOML"),
    ],
)
def test_toml_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_toml(text, "decision.toml")
    assert caught.value.path == "decision.toml"
    assert caught.value.line == line
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        (
            "# Q\n\n## Signals\n- date 2027-03-01\n- theme x accounts >= 3\n",
            5,
            "column 7: expected a theme id",
        ),
        ("Q without a heading\n", 1, "start with '# The question'"),
        ("# Q\nstray text\n", 2, "under a section"),
        ("# Q\n## Colour\nblue\n", 2, "unknown section 'Colour'"),
        ("# Q\n## Owner\na\n## Owner\nb\n", 4, "appears twice (first on line 2)"),
        ("# Q\n## Options\n- [x] a\n- [x] b\n", 4, "two options are marked chosen"),
        ("# Q\n## Decided on\n\nsoon\n", 4, "decided on must be a date"),
        ("# Q\n## Links\n- 1:problem\n", 3, "write OPTION:problem:ID"),
    ],
)
def test_markdown_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_markdown(text, "decision.md")
    assert caught.value.line == line
    assert words in caught.value.message
    assert str(caught.value).startswith(f"decision.md, line {line}: ")


def test_a_note_signal_is_taken_as_written() -> None:
    draft = parse_markdown("# Q\n## Signals\n- note: the board asks again\n")
    assert draft.signals == ("note: the board asks again",)


def test_other_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_decision_file(tmp_path / "missing.toml")
    other = tmp_path / "decision.json"
    other.write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match=r"\.toml or \.md"):
        read_decision_file(other)
