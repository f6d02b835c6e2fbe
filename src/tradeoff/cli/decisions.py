"""``tradeoff decide``: write a decision down, from flags, a file or prompts.

A thin shell over ``tradeoff.decisions.log``: the flags, the file or the answers become one
``DecisionDraft``, recorded in one transaction. ``decisions``, ``decision`` and ``revisit``
(reading the log) live in ``cli.decision_view`` and register from here.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Annotated, Any

import typer

from tradeoff.cli import decision_view
from tradeoff.cli.context import console, err_console, open_workspace
from tradeoff.cli.dates import optional_day
from tradeoff.decisions.decision_draft import DecisionDraft, OptionLink
from tradeoff.decisions.decision_file import read_decision_file
from tradeoff.decisions.log import record_decision
from tradeoff.decisions.signals import SignalSyntaxError, is_note, parse_signal
from tradeoff.domain.enums import DecisionStatus
from tradeoff.errors import InputError

Texts = list[str] | None


def decide(
    ctx: typer.Context,
    question: Annotated[str | None, typer.Option(help="The question decided.")] = None,
    context: Annotated[str | None, typer.Option(help="What made it a question now.")] = None,
    option: Annotated[
        Texts, typer.Option("--option", metavar="TEXT", help="An option considered (repeat).")
    ] = None,
    chosen: Annotated[
        str | None, typer.Option(help="The chosen option: its text or its number (1, 2, ...).")
    ] = None,
    tradeoffs: Annotated[str | None, typer.Option(help="The trade-offs accepted.")] = None,
    not_optimising_for: Annotated[
        str | None, typer.Option("--not-optimising-for", help="What we will not optimise for now.")
    ] = None,
    assumption: Annotated[
        Texts,
        typer.Option("--assumption", metavar="TEXT", help="An assumption it rests on (repeat)."),
    ] = None,
    signal: Annotated[
        Texts,
        typer.Option(
            "--signal",
            metavar="SIGNAL",
            help="What would change it (repeat), e.g. 'theme 12 accounts >= 30', "
            "'metric nps < 20 for 2 periods', 'date 2027-03-01', or 'note: free text'.",
        ),
    ] = None,
    owner: Annotated[str | None, typer.Option(help="Who owns the decision.")] = None,
    stakeholder: Annotated[
        Texts, typer.Option("--stakeholder", metavar="WHO", help="Someone consulted (repeat).")
    ] = None,
    decided_on: Annotated[
        str | None, typer.Option("--decided-on", help="YYYY-MM-DD. [default: today]")
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(help="decided, not_yet or proposed. [default: decided]"),
    ] = None,
    requested_by: Annotated[
        str | None, typer.Option("--requested-by", help="Who asked (a 'not yet' answers them).")
    ] = None,
    reason: Annotated[
        str | None, typer.Option(help="A sentence for the requester, added to the reply.")
    ] = None,
    reply: Annotated[
        str | None, typer.Option(help="Your own reply text instead of the generated one.")
    ] = None,
    link_option: Annotated[
        Texts,
        typer.Option(
            "--link-option", metavar="N:KIND:ID", help="N:problem:ID or N:opportunity:ID (repeat)."
        ),
    ] = None,
    supersedes: Annotated[
        int | None,
        typer.Option(help="Revise this decision: fields you leave out are kept from it."),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Read the decision from a .toml or .md file.")
    ] = None,
) -> None:
    """Record a decision: the question, context, options (linked to problems or
    opportunities), the choice, trade-offs accepted, what we will not optimise for now,
    assumptions, the signals that would change it, owner, people consulted and the date.

    A decision is never edited: --supersedes ID records a revision and keeps the history.
    A 'not yet' (--status not_yet --requested-by WHO) gets a reply for the requester,
    generated from its reasoning unless you give --reply. On a terminal with no flags it
    asks for each field; docs/decisions.md describes the file formats and signals.

    Example: tradeoff decide --question "Build SSO now?" --option SSO --option Later --chosen 2
    """
    given: dict[str, Any] = {
        "question": question, "context": context, "options": _tuple(option), "chosen": chosen,
        "tradeoffs": tradeoffs, "not_optimising_for": not_optimising_for,
        "assumptions": _tuple(assumption), "signals": _tuple(signal), "owner": owner,
        "stakeholders": _tuple(stakeholder), "decided_on": optional_day(decided_on, "--decided-on"),
        "status": _status(status), "requested_by": requested_by, "reason": reason,
        "reply": reply, "links": tuple(OptionLink.parse(t) for t in link_option or []),
        "supersedes": supersedes,
    }  # fmt: skip
    flags = {k: v for k, v in given.items() if v not in (None, ())}
    if file is not None:
        draft = replace(read_decision_file(file), **flags)
    elif flags:
        draft = DecisionDraft(**flags)
    elif sys.stdin.isatty():
        draft = prompt_draft()
    else:
        raise InputError(
            "give the decision as flags (--question ...) or --file decision.toml; "
            "questions are asked only on a terminal"
        )
    engine = open_workspace(ctx)
    record = record_decision(engine, draft)
    d = record.decision
    revised = f", superseding #{d.supersedes_id}" if d.supersedes_id else ""
    when = f", {d.decided_at.date().isoformat()}" if d.decided_at else ""
    console.print(f"recorded decision #{record.id}{revised}: {d.title} ({record.shown_status}"
                  f"{when})", soft_wrap=True)  # fmt: skip
    if d.status is DecisionStatus.NOT_YET and d.reply_text:
        console.print(f"\nReply to send (tradeoff decision {record.id} --reply prints it alone):\n")
        console.print(d.reply_text.rstrip("\n"), soft_wrap=True)


def prompt_draft() -> DecisionDraft:
    """Ask for each field in turn; an empty answer skips an optional one."""
    values: dict[str, Any] = {"question": _ask("Question decided")}
    values["context"] = _ask("Context (what made it a question now)", optional=True)
    values["options"] = _ask_many("Option")
    if values["options"]:
        for number, text in enumerate(values["options"], 1):
            console.print(f"  {number}. {text}", soft_wrap=True)
        values["chosen"] = _ask("Chosen option (number or text)", optional=True)
    values["tradeoffs"] = _ask("Trade-offs accepted", optional=True)
    values["not_optimising_for"] = _ask("What we will not optimise for now", optional=True)
    values["assumptions"] = _ask_many("Assumption")
    values["signals"] = _ask_signals()
    values["owner"] = _ask("Owner", optional=True)
    values["stakeholders"] = _ask_many("Stakeholder consulted")
    values["decided_on"] = optional_day(
        _ask("Decided on", default=_today().isoformat()), "the date"
    )
    values["status"] = _status(_ask("Status (decided, not_yet, proposed)", default="decided"))
    if values["status"] is DecisionStatus.NOT_YET:
        values["requested_by"] = _ask("Requested by (who asked)")
        values["reason"] = _ask("A sentence for them, added to the reply", optional=True)
    return DecisionDraft(**{k: v for k, v in values.items() if v not in (None, ())})


def _ask(text: str, *, optional: bool = False, default: str | None = None) -> str | None:
    if default is not None:
        answer = str(typer.prompt(text, default=default))
    elif optional:
        answer = str(typer.prompt(f"{text} (optional)", default="", show_default=False))
    else:
        answer = str(typer.prompt(text))
    return answer.strip() or None


def _ask_many(text: str) -> tuple[str, ...]:
    answers: list[str] = []
    while answer := _ask(f"{text} {len(answers) + 1} (empty to finish)", optional=True):
        answers.append(answer)
    return tuple(answers)


def _ask_signals() -> tuple[str, ...]:
    """Signals, each checked as it is typed, so a typo is fixed now rather than lost."""
    answers: list[str] = []
    while answer := _ask(f"Signal {len(answers) + 1} that would change it (empty to finish)",
                         optional=True):  # fmt: skip
        if not is_note(answer):
            try:
                parse_signal(answer)
            except SignalSyntaxError as exc:
                err_console.print(f"{exc}; try again, or start it with 'note:'", soft_wrap=True)
                continue
        answers.append(answer)
    return tuple(answers)


def _tuple(values: list[str] | None) -> tuple[str, ...]:
    return tuple(values or ())


def _today() -> date:
    return datetime.now(UTC).date()


def _status(text: str | None) -> DecisionStatus | None:
    if text is None:
        return None
    try:
        return DecisionStatus(text.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        raise InputError(f"--status must be decided, not_yet or proposed, got {text!r}") from None


def register(app: typer.Typer) -> None:
    app.command("decide")(decide)
    decision_view.register(app)
