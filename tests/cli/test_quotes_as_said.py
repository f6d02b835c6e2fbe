"""A quote shows what the customer said: an email-shaped ticket's greeting, signature (name,
title, phone), device footer and our quoted reply are left out wherever a problem's or a
competitor's quotes are shown — the terminal, the web pages and the report — while the
stored text stays whole."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape
from sqlalchemy import Engine

from tests.business.world import TODAY, World, build_world
from tests.cli.helpers import run_cli
from tests.web.conftest import PEOPLE, add_user, log_in
from tradeoff.decisions.problems import link_problem, new_problem
from tradeoff.domain.deals import CompetitorMention
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.users import Role
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.web.app import create_app

SAID = (
    "We are comparing you with Zoho this quarter because the bulk invoice export still "
    "times out after 30 seconds.",
    "If this is not fixed by our renewal we will move.",
)
TICKET = f"""Hi Ledgerly team,

{SAID[0]}
{SAID[1]}

Best regards,
Dana Whitfield
Head of Finance | Dunmore Legal
+44 20 7946 0123

Sent from my iPhone

On Tue, 3 Mar 2026 at 10:22, Ledgerly Support <support@ledgerly.io> wrote:
> Thanks for reaching out! Could you tell us how many invoices you export at once?
> Zoho users often ask the same.
"""
#: Parts of the ticket that are not the customer's message.
WRAPPING = ("Hi Ledgerly", "Best regards", "Dana Whitfield", "+44 20", "iPhone", "Ledgerly Support")


@pytest.fixture
def quoted(engine: Engine) -> tuple[World, int, int]:
    """The company, an email-shaped ticket naming Zoho (the newest item), a problem linked
    to that ticket alone. Returns (world, the ticket's id, the problem's id)."""
    world = build_world(engine)
    zoho = next(c for c in world.competitors if c.name == "Zoho")
    with write_session(engine) as session:
        item = repository.add(
            session,
            EvidenceItem(
                source="zendesk",
                external_id="wrapped-1",
                kind=EvidenceKind.TICKET,
                text=TICKET,
                created_at=TODAY - timedelta(days=1),
                account_id=world.account("Dunmore Legal").id,
            ),
        )
        assert item.id is not None
        assert zoho.id is not None
        repository.add(
            session,
            CompetitorMention(evidence_id=item.id, competitor_id=zoho.id, mentioned_as="Zoho"),
        )
    problem = new_problem(engine, "Finance cannot export invoices in bulk")
    assert problem.id is not None
    link_problem(engine, problem.id, evidence_ids=[item.id])
    return world, item.id, problem.id


def _only_the_customers_words(shown: str) -> None:
    flat = " ".join(shown.split())
    assert all(" ".join(s.split()) in flat for s in SAID), shown
    assert not [w for w in WRAPPING if w in shown], shown


def _quotes_section(output: str, evidence_id: int) -> str:
    """The printed "Quotes:" section, up to our quote's "#id" (a quote may wrap)."""
    section = output.split("\nQuotes:\n", 1)[1]
    return section[: section.index(f"#{evidence_id}")]


def test_the_terminal_quotes_the_customers_words(
    capsys: pytest.CaptureFixture[str],
    workspace_url: str,
    engine: Engine,
    quoted: tuple[World, int, int],
) -> None:
    _, item, problem = quoted
    db = ("--db", workspace_url)
    shown = run_cli(capsys, *db, "problem", "show", str(problem), "--as-of", "2026-10-15")
    assert shown.exit_code == 0, shown.stderr
    _only_the_customers_words(_quotes_section(shown.stdout, item))
    competitor = run_cli(capsys, *db, "competitor", "Zoho")
    assert competitor.exit_code == 0, competitor.stderr
    _only_the_customers_words(_quotes_section(competitor.stdout, item))
    # The item itself keeps every word: the export is the stored text.
    with read_session(engine) as session:
        stored = repository.get(session, EvidenceItem, item)
    assert stored.text == TICKET.strip()


def test_the_report_quotes_the_customers_words(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    workspace_url: str,
    quoted: tuple[World, int, int],
) -> None:
    out = tmp_path / "report.html"
    db = ("--db", workspace_url)
    made = run_cli(capsys, *db, "report", "--out", str(out), "--as-of", "2026-10-15")
    assert made.exit_code == 0, made.stderr
    html = out.read_text(encoding="utf-8")
    ours = [b for b in _blockquotes(html) if str(escape(SAID[1])) in b]
    assert ours, "the problem's quote is in the report"
    for quote in ours:
        assert not [w for w in WRAPPING if w in quote], quote


def _blockquotes(html: str) -> list[str]:
    return [part.split("</blockquote>")[0] for part in html.split("<blockquote>")[1:]]


def test_the_web_pages_quote_the_customers_words(
    workspace_url: str, engine: Engine, quoted: tuple[World, int, int]
) -> None:
    _, _, problem = quoted
    add_user(engine, PEOPLE[Role.VIEWER], Role.VIEWER)
    app = create_app(workspace_url, secure_cookies=False, background=False)
    with TestClient(app, base_url="http://testserver", follow_redirects=False) as client:
        log_in(client, PEOPLE[Role.VIEWER])
        for path in (f"/problems/{problem}", "/competitors/Zoho"):
            page = client.get(path)
            assert page.status_code == 200, path
            ours = [b for b in _blockquotes(page.text) if str(escape(SAID[1])) in b]
            assert len(ours) == 1, path
            assert str(escape(SAID[0])) in " ".join(ours[0].split())
            assert not [w for w in WRAPPING if w in ours[0]], (path, ours[0])
