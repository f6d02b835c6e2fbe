"""A theme's name and quotes say what customers said, not what our sellers wrote about a deal
(``label.namers``): a help desk's HR and payroll tickets, and a Salesforce export whose lost
deals repeat the canned reasons sellers pick ("No PTO accrual rules for union contracts" on
six deals), filed into the PTO theme by likeness or by their words. Named over every member,
that theme was "pto accrual · rules union contracts · hr": words no customer wrote."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tests.analysis.hr_workspace import DEALS, HrDeal, add_hr_tickets, salesforce_export
from tests.analysis.themed import file_ticket, links
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.label.keywords import WORD
from tradeoff.analysis.label.quotes import Candidate, representative_quotes
from tradeoff.analysis.run import analyze
from tradeoff.analysis.theme_page import theme_page
from tradeoff.config import sqlite_url_for
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.importers.registry import run
from tradeoff.importers.salesforce import SalesforceImporter
from tradeoff.storage import repository
from tradeoff.storage.engine import open_engine
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.themes import active_themes, quote_candidates

UNION = "No PTO accrual rules for union contracts"
TENURE = "Lacked tenure-based PTO accrual tiers"
#: Lost deals whose sellers picked the same reason, as CRM exports repeat them.
CANNED = [
    HrDeal(f"New business, {40 + 10 * n} employees", reason, Decimal(12000 + 500 * n), "pto")
    for n, reason in enumerate([*[UNION] * 6, *[TENURE] * 4])
]

#: A theme's name and its quotes, as ``tradeoff theme`` shows them.
Named = tuple[str, tuple[str, ...]]


def names_and_quotes(engine: Engine) -> tuple[list[str], list[Named]]:
    """Every active theme's and sub-theme's name, and each theme's name with its quotes."""
    with read_session(engine) as session:
        summaries = active_themes(session)
    names = sorted(s.name for s in summaries)
    quoted = sorted(
        (s.name, tuple(q.text for q in theme_page(engine, s.id).quotes))
        for s in summaries
        if s.parent_id is None
    )
    return names, quoted


def words(texts: list[str]) -> set[str]:
    return {w for text in texts for w in WORD.findall(text.lower())}


def evidence(engine: Engine) -> dict[int, EvidenceItem]:
    with read_session(engine) as session:
        return {i.id: i for i in repository.list_all(session, EvidenceItem) if i.id}


@pytest.fixture
def tickets_alone(tmp_path: Path, sqlite_template: Path) -> tuple[list[str], list[Named]]:
    """The names and quotes of the same tickets analysed without the CRM import."""
    path = tmp_path / "tickets-alone.db"
    shutil.copyfile(sqlite_template, path)
    alone = open_engine(sqlite_url_for(path))
    try:
        add_hr_tickets(alone)
        analyze(alone, StaticEmbedder())
        return names_and_quotes(alone)
    finally:
        alone.dispose()


@pytest.mark.parametrize("later", [False, True], ids=["imported-together", "imported-later"])
def test_names_and_quotes_come_from_customers_words_not_deal_notes(
    engine: Engine, tmp_path: Path, tickets_alone: tuple[list[str], list[Named]], later: bool
) -> None:
    add_hr_tickets(engine)
    if later:
        analyze(engine, StaticEmbedder())
    run(engine, SalesforceImporter(), salesforce_export(tmp_path, [*DEALS, *CANNED]))
    analyze(engine, StaticEmbedder())
    if later:  # filed into the themes there are, then found again with them
        assert names_and_quotes(engine) == tickets_alone
        assert analyze(engine, StaticEmbedder(), rebuild=True).mode == "rebuild"
    items = evidence(engine)
    notes = {i: item.text for i, item in items.items() if item.kind is EvidenceKind.DEAL_NOTE}
    filed = {link.evidence_id for link in links(engine)}
    # The canned reasons joined a theme: they are the PTO theme's money at stake.
    assert {UNION, TENURE} <= {text for i, text in notes.items() if i in filed}
    sellers_only = words(list(notes.values())) - words(
        [item.text for i, item in items.items() if i not in notes]
    )
    assert {"union", "contracts", "tenure-based", "tiers"} <= sellers_only
    names, quoted = names_and_quotes(engine)
    assert [n for n in names if words([n]) & sellers_only] == []
    assert not any(quote in notes.values() for _, quotes in quoted for quote in quotes)
    assert (names, quoted) == tickets_alone


def test_a_crm_import_alone_is_named_and_quoted_from_its_notes(
    engine: Engine, tmp_path: Path
) -> None:
    run(engine, SalesforceImporter(), salesforce_export(tmp_path, [*DEALS, *CANNED, *CANNED]))
    report = analyze(engine, StaticEmbedder())
    assert report.themes >= 1
    notes = [item.text for item in evidence(engine).values()]
    names, quoted = names_and_quotes(engine)
    assert "(no words)" not in names
    assert all(words([name]) <= words(notes) for name in names)
    assert all(quotes for _, quotes in quoted)
    assert all(quote in notes for _, quotes in quoted for quote in quotes)


#: A payouts theme as discovery files it: two sub-themes of customers' tickets, and deal
#: notes filed in both that sit closer to the centre than any ticket (a seller's summary is
#: short and on topic; a customer's ticket carries the rest of their day).
TICKETS = {
    "local": [
        "Can we pay our contractors in Poland in zloty instead of euros?",
        "We need to send payouts in the freelancer's own currency, not USD.",
        "Paying our Spanish suppliers means converting by hand every month.",
    ],
    "balance": [
        "Is there a way to hold a GBP balance next to our EUR one?",
        "We'd like to keep money in several currencies in the same account.",
    ],
}
NOTES = {
    "local": "Lost: no multi-currency payouts to their overseas contractors.",
    "balance": "Needs multi-currency balances; chose a competitor's FX desk.",
}


def file_note(session: Session, theme_ids: list[int], text: str, deal: str, score: float) -> int:
    """A deal's loss reason filed in each of ``theme_ids`` at closeness ``score``."""
    return file_item(
        session,
        theme_ids,
        text,
        ("salesforce", f"{deal}:loss_reason", EvidenceKind.DEAL_NOTE),
        score,
    )


def file_item(
    session: Session,
    theme_ids: list[int],
    text: str,
    origin: tuple[str, str, EvidenceKind],
    score: float,
) -> int:
    """An item from ``origin`` (source, external id, kind) filed in each of ``theme_ids`` at
    closeness ``score``."""
    source, external_id, kind = origin
    item = repository.add(
        session,
        EvidenceItem(
            source=source,
            external_id=external_id,
            kind=kind,
            text=text,
            created_at=datetime(2026, 3, 2, tzinfo=UTC),
        ),
    )
    assert item.id is not None
    for theme_id in theme_ids:
        repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=theme_id, score=score))
    return item.id


def payouts(engine: Engine, *, customers: bool) -> int:
    """The payouts theme's id: its notes, and its tickets when ``customers``."""
    with write_session(engine) as session:
        top = repository.add(session, Theme(name="payouts · currencies")).id
        assert top is not None
        for n, (group, texts) in enumerate(TICKETS.items()):
            sub = repository.add(session, Theme(name=group, parent_id=top)).id
            assert sub is not None
            file_note(session, [top, sub], NOTES[group], f"0065g00000PAY{n}", 0.95)
            for m, text in enumerate(texts if customers else []):
                day = datetime(2026, 3, 1, tzinfo=UTC)
                ticket = file_ticket(session, sub, text, f"{group}-{m}", day, 0.7)
                repository.add(session, EvidenceTheme(evidence_id=ticket, theme_id=top, score=0.7))
    return top


def report_quotes(engine: Engine, theme_id: int) -> list[str]:
    """The quotes the report and a problem's page choose, from ``quote_candidates``."""
    with read_session(engine) as session:
        groups = quote_candidates(session, theme_id)
    chosen = representative_quotes([[Candidate(*member) for member in g] for g in groups])
    return [c.text for c in chosen]


def test_a_deal_note_is_no_quote_of_a_theme_with_customers_items(engine: Engine) -> None:
    theme = payouts(engine, customers=True)
    tickets = [text for texts in TICKETS.values() for text in texts]
    page = [q.text for q in theme_page(engine, theme).quotes]
    assert sorted(page) == sorted(tickets)  # all five, though each note sits closer
    assert sorted(report_quotes(engine, theme)) == sorted(tickets)


def test_a_theme_of_notes_alone_is_quoted_from_its_notes(engine: Engine) -> None:
    theme = payouts(engine, customers=False)
    assert sorted(q.text for q in theme_page(engine, theme).quotes) == sorted(NOTES.values())
    assert sorted(report_quotes(engine, theme)) == sorted(NOTES.values())


#: What colleagues filed in Jira for the payouts theme, each sitting closer to its centre
#: than any ticket (a summary is short and on topic).
REQUESTS = [
    "Multi-currency payouts\n\nNorthwind asked for this on a call. We need payouts in EUR.",
    "Payout currency per contractor\n\nSales: three prospects asked; blocking two deals.",
]


def relayed_requests(engine: Engine, theme_id: int) -> None:
    with write_session(engine) as session:
        for n, text in enumerate(REQUESTS):
            origin = ("jira", f"PAY-{n + 1}", EvidenceKind.INTERNAL_REQUEST)
            file_item(session, [theme_id], text, origin, 0.99)


def test_a_relayed_request_is_no_quote_where_customers_said_enough(engine: Engine) -> None:
    """A QA corpus's route theme quoted Jira requests sales had filed ("Oak Climate Control
    asked for this on a call…") beside a dozen customers' tickets: the quotes are the
    customers' words wherever there are enough of them."""
    theme = payouts(engine, customers=True)
    relayed_requests(engine, theme)
    tickets = [text for texts in TICKETS.values() for text in texts]
    assert sorted(q.text for q in theme_page(engine, theme).quotes) == sorted(tickets)
    assert sorted(report_quotes(engine, theme)) == sorted(tickets)


def test_a_relayed_request_is_quoted_where_customers_said_too_little(engine: Engine) -> None:
    """Notes alone and requests: the requests, the closest voice to the customers' there."""
    theme = payouts(engine, customers=False)
    relayed_requests(engine, theme)
    assert sorted(q.text for q in theme_page(engine, theme).quotes) == sorted(REQUESTS)
    assert sorted(report_quotes(engine, theme)) == sorted(REQUESTS)
