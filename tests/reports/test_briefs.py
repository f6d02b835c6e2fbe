"""The briefs for each room, generated on the shared company with a quarter of strategy:
what each says, how each line is labelled, that customer text stays inert in Markdown and
HTML, and the ``tradeoff brief`` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape
from sqlalchemy import Engine

from tests.business.world import TODAY
from tests.cli.helpers import run_cli
from tests.reports.brief_world import (
    AS_OF,
    KR_HOURS,
    KR_OUTPUT,
    MOUSEOVER,
    PERIOD,
    build_brief_world,
    plant_everything_hostile,
)
from tests.reports.hostile import (
    ATTRIBUTE,
    PROBLEM,
    PWNED_ATTRIBUTE,
    PWNED_SCRIPT,
    SCRIPT,
)
from tests.reports.recount import competitor_order
from tradeoff.analysis.business.loss_taxonomy import classify_losses
from tradeoff.reports.briefs import Brief, Room, build_brief
from tradeoff.reports.briefs.claims import ClaimKind
from tradeoff.reports.briefs.render import markdown_text, render_html, render_markdown


def texts(brief: Brief, heading: str) -> list[str]:
    """Every claim, block title and quote of one section, as plain text."""
    section = next(s for s in brief.sections if s.heading == heading)
    found = [c.text for c in section.claims]
    for block in section.blocks:
        found += [block.title, *(c.text for c in block.claims), *(q.text for q in block.quotes)]
    return found


def test_the_exec_brief_reads_outcomes_decisions_money_competition_risks_and_asks(
    engine: Engine,
) -> None:
    bw = build_brief_world(engine)
    brief = build_brief(engine, Room.EXEC, period=PERIOD, as_of=AS_OF)
    assert [s.heading for s in brief.sections] == [
        "Outcomes against goals", "Decisions taken this period", "What we will not do",
        "Revenue at stake by theme", "Competitive position", "Risks", "What we need from you",
    ]  # fmt: skip
    outcomes = texts(brief, "Outcomes against goals")
    # (55 − 62) / (48 − 62) = 50 %; 45 of the quarter's 91 days gone at 15 November = 49 %.
    assert outcomes[:3] == [
        "Activate new businesses",
        f"{KR_HOURS}: Time to first card payment at 55 hours on 2026-11-09 (baseline 62, "
        "target 48): 50% of the way",
        "On track: 49% of the time to the key result's date has passed",
    ]
    assert f"{KR_OUTPUT}: progress cannot be computed (it names no metric)" in outcomes
    assert "Flagged: reads as output: 'ship' names work to do, not a result" in outcomes
    taken = texts(brief, "Decisions taken this period")
    assert taken[0] == "Build bulk export before SSO? (decided 2026-10-20, Maya Okafor)"
    assert "Chose: Build bulk export now" in taken
    assert texts(brief, "What we will not do")[0] == (
        "Not yet: SAML single sign-on, asked by Rachel Stein (sales) (2026-11-02)"
    )
    stake = texts(brief, "Revenue at stake by theme")
    assert [t.split(":")[0] for t in stake] == ["Bulk export", "Single sign-on", "Audit logs"]
    competition = texts(brief, "Competitive position")
    ranked = [t.split(" (")[0] for t in competition[1:]]
    assert ranked == competitor_order(bw.world)[:5]
    assert competition[0] == f"Our costliest competitor is {ranked[0]}"
    # Only the high-risk assumption we are unsure of is a risk (not the 80 % one, not the
    # low-risk one); the key result on track is not "behind".
    assert texts(brief, "Risks") == [
        "Finance leads will export monthly once it works (risk high, confidence 30%, untested)"
    ]
    assert texts(brief, "What we need from you") == [
        "Decide: Price the Scale plan per seat? (owner Maya Okafor)",
        "Option: Per seat",
        "Option: Flat fee",
    ]


def test_the_sales_brief_says_what_is_coming_what_is_not_and_how_to_compete(
    engine: Engine,
) -> None:
    bw = build_brief_world(engine)
    # The world was written directly, not imported: its lost deals have no saved loss
    # category, so the brief (a read) says so; the CRM import or the CLI would save them.
    unsaved = build_brief(engine, Room.SALES, period=PERIOD, as_of=AS_OF)
    assert texts(unsaved, "Battlecards")[0].startswith("6 lost deals had no saved loss category")
    classify_losses(engine)
    brief = build_brief(engine, Room.SALES, period=PERIOD, as_of=AS_OF)
    assert texts(brief, "What is coming") == [
        "Now: Bulk export v1 — Export a year of invoices in one file (for the goal: Activate "
        "new businesses)",
        "Next: Audit log viewer",
    ]  # the shipped "Old importer" is no promise; "Dark mode" is later
    not_coming = next(s for s in brief.sections if s.heading == "What is not coming, and why")
    assert [c.text for c in not_coming.claims] == ["Later, not committed: Dark mode"]
    (reply,) = not_coming.blocks
    assert reply.title == "Not yet: SAML single sign-on"
    assert reply.reply == bw.not_yet.decision.reply_text  # the reply as it was sent
    objections = texts(brief, "Objection handling")
    assert objections[:2] == [
        "Lost to an agency that builds it for them",
        "Raised in 1 lost deal; USD 50k lost in the 1 deal with an amount",
    ]
    assert "Raised in 1 lost deal; no amount recorded" in objections
    cards = next(s for s in brief.sections if s.heading == "Battlecards").blocks
    assert [b.title.split(" (")[0] for b in cards] == competitor_order(bw.world)[:6]
    dynamics = [c.text for c in cards[0].claims]
    assert dynamics == [
        "Record: met in 4 deals, won 2, lost 1, open 1; win rate 67%; USD 114k at stake",
        "They win in Mid-Market: we lost 1 of 1 closed deal (loss rate 100%)",
        "We win in Enterprise: we lost 0 of 2 closed deals (loss rate 0%)",
        "We lose to them on product gap: 1 deal, USD 44k",
        "Landmine: customers raise Bulk export when they are present — 4 items from 3 accounts",
        "Landmine: customers raise Audit logs when they are present — 3 items from 3 accounts",
        "Landmine: customers raise Single sign-on when they are present — 2 items from 2 accounts",
    ]


def test_the_team_brief_gives_problems_with_who_has_them_goals_and_tradeoffs(
    engine: Engine,
) -> None:
    bw = build_brief_world(engine)
    brief = build_brief(engine, Room.TEAM, period=PERIOD, as_of=AS_OF)
    (problem,) = next(s for s in brief.sections if s.heading.startswith("The problems")).blocks
    assert problem.title == bw.problem.statement
    assert [c.text for c in problem.claims][:3] == [
        "Who has it: Finance leads at mid-market customers",
        "What they are trying to do: close the books each month",
        "What goes wrong: the export times out and they rebuild it by hand",
    ]
    assert problem.quotes
    assert all(q.who.startswith("User at ") for q in problem.quotes)  # who said it
    assert texts(brief, "The goal each item serves") == [
        "Now: Bulk export v1 serves Activate new businesses (2026Q4)",
        "Next: Audit log viewer is unanchored: linked to no goal and no opportunity",
    ]
    assert texts(brief, "Trade-offs we accepted") == [
        "Build bulk export before SSO?: we accept SSO waits a quarter; two enterprise "
        "prospects may stall.",
        "Build bulk export before SSO?: we are not optimising for Enterprise security "
        "reviews this quarter",
    ]


@pytest.mark.parametrize("room", list(Room))
def test_every_claim_says_how_we_know_it(engine: Engine, room: Room) -> None:
    build_brief_world(engine)
    brief = build_brief(engine, room, period=PERIOD, as_of=AS_OF)
    claims = list(brief.claims())
    assert claims
    for claim in claims:
        assert claim.source
        if claim.kind is ClaimKind.FACT:
            assert claim.count is not None  # a fact says how many records are behind it
    markdown = render_markdown(brief)
    assert markdown.count("- **fact:**") == sum(c.kind is ClaimKind.FACT for c in claims)
    assert markdown.count("- **inference:**") == sum(c.kind is ClaimKind.INFERENCE for c in claims)
    assert markdown.count("- **assumption:**") == sum(
        c.kind is ClaimKind.ASSUMPTION for c in claims
    )


#: Markup payloads; LINK is Markdown syntax, plain text in HTML, and checked in Markdown.
PAYLOADS = (SCRIPT, PWNED_SCRIPT, ATTRIBUTE, PWNED_ATTRIBUTE, MOUSEOVER)


@pytest.mark.parametrize("room", list(Room))
def test_customer_text_is_escaped_in_html(engine: Engine, room: Room) -> None:
    plant_everything_hostile(engine)
    brief = build_brief(engine, room, period=PERIOD, as_of=TODAY.date())
    page = render_html(brief)
    assert "<script" not in page  # the page runs nothing, and prints no tag it was given
    for payload in PAYLOADS:
        assert payload not in page
    assert 'onmouseover="' not in page
    shown = {Room.EXEC: MOUSEOVER, Room.SALES: MOUSEOVER, Room.TEAM: PROBLEM}
    assert str(escape(shown[room])) in page


@pytest.mark.parametrize("room", list(Room))
def test_customer_text_cannot_become_markdown_links_or_html(engine: Engine, room: Room) -> None:
    plant_everything_hostile(engine)
    markdown = render_markdown(build_brief(engine, room, period=PERIOD, as_of=TODAY.date()))
    # Every <, >, [ and ] customer text brought is escaped (a line's leading "> " is the
    # quoted reply's own blockquote); no address is left to link.
    unquoted = re.sub(r"(?m)^> ?", "", markdown)
    assert re.findall(r"(?<!\\)[<>\[\]]", unquoted) == []
    assert re.findall(r"(?i)(?<!\\)javascript:|https?:(?!\S*\\)", markdown) == []
    assert markdown_text(SCRIPT) in markdown or room is Room.EXEC
    assert markdown_text(MOUSEOVER) in markdown or room is Room.TEAM


def test_markdown_text_escapes_every_special_character() -> None:
    assert markdown_text("<b>*bold* _x_ [a](b) `c` # | ~ & !\n next") == (
        r"\<b\>\*bold\* \_x\_ \[a\](b) \`c\` \# \| \~ \& \! next"
    )
    assert markdown_text("see https://x.example or www.x.example") == (
        r"see https\://x.example or www\.x.example"
    )


def test_the_command_prints_markdown_and_writes_html_whole(
    engine: Engine, workspace_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build_brief_world(engine)
    args = ["--db", workspace_url, "brief"]
    printed = run_cli(capsys, *args, "team", "--period", PERIOD, "--as-of", "2026-11-15")
    assert printed.exit_code == 0, printed.stderr
    expected = render_markdown(build_brief(engine, Room.TEAM, period=PERIOD, as_of=AS_OF))
    assert printed.stdout == expected
    out = tmp_path / "briefs"
    out.mkdir()
    target = out / "exec.html"
    written = run_cli(
        capsys, *args, "exec", "--period", "2026q4", "--as-of", "2026-11-15",
        "--format", "html", "--output", str(target),
    )  # fmt: skip
    assert written.exit_code == 0, written.stderr
    assert written.stdout.strip() == str(target)
    page = target.read_text(encoding="utf-8")
    assert page == render_html(build_brief(engine, Room.EXEC, period=PERIOD, as_of=AS_OF))
    assert [p.name for p in out.iterdir()] == ["exec.html"]  # no partial file left


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["exec", "--period", "2026-Q5"], "--period must be a quarter like 2026Q4"),
        (["sales", "--as-of", "15/11/2026"], "--as-of must be a date like 2026-11-15"),
        (["team", "--output", "/no/such/folder/brief.md"], "the folder does not exist"),
    ],
)
def test_bad_input_is_one_line_and_a_non_zero_exit(
    engine: Engine,
    workspace_url: str,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "brief", *extra)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
