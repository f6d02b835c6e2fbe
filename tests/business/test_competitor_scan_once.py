"""The competitor scan reads each evidence item once (session 25).

Since the scan learnt which names are common words of which language ("Mucho gusto",
"remote employees", "een deel van", "die Sage"), it read every item twice: once for how it
writes the names, once for its mentions. Now it reads each item once, learning as it goes,
and reads again only the items whose reading the whole workspace's usage changed: a
"Mucho gusto" read before the second Spanish courtesy made "gusto" a word.

The stored mentions, their stances, the usage votes and the rows made for phrases of a
kind must be exactly what the plain two-pass computation gives — learn every text, then
read every text — computed here from the items read back by plain SQL.

Run as a user would: a Salesforce report, a help desk's CSV of tickets in five languages,
``scan-competitors`` twice.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import run_cli
from tradeoff.analysis.business import competitor_scan
from tradeoff.analysis.business.competitor_scan import PLAIN_NAMES, MentionFinder
from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind, MentionStance
from tradeoff.storage import competitor_edits, competitors
from tradeoff.storage.session import read_session

HEADER = (
    '"Opportunity Name","Opportunity ID","Account Name","Stage","Amount","Close Date",'
    '"Created Date","Loss Reason","Description","Competitor"'
)
DEALS = (
    '"Deal 1","0065g0000000101","Empresa 1 S.L.","Closed Lost","12000","3/1/2026",'
    '"2/1/2026","Too expensive compared to Gusto","","Gusto"',
    '"Deal 2","0065g0000000102","Lisboa Tech Lda","Closed Lost","9000","3/4/2026",'
    '"2/2/2026","Chose Remote for the EOR in Portugal","","Remote"',
    '"Deal 3","0065g0000000103","Müller Bau GmbH","Closed Lost","15000","3/6/2026",'
    '"2/3/2026","Wechseln zu Sage wegen DATEV","","Sage"',
    '"Deal 4","0065g0000000104","Utrecht Zorg B.V.","Closed Lost","7000","3/9/2026",'
    '"2/4/2026","","","Deel"',
    '"Deal 5","0065g0000000105","Berlin Software GmbH","Closed Won","11000","3/9/2026",'
    '"2/5/2026","","","Personio"',
)
#: In this order: each common-word name is first written as a word once, before the
#: second such use makes it a word of that language.
TICKETS = (
    # Spanish: "gusto" becomes a word at the second courtesy; the first was read earlier.
    "Mucho gusto. Llevamos las horas extra en una hoja de cálculo porque el reporte no sale.",
    "Un gusto saludarles. ¿Pueden poner el recibo de nómina en inglés?",
    "Con gusto les envío el archivo. El finiquito de Laura sale con dos días de más.",
    "Estamos pensando en cambiarnos a Gusto si el aguinaldo sigue saliendo mal.",
    # English: "remote".
    "We hired two remote employees in Lisbon and their payslips show the wrong tax code.",
    "They built their own tool for the contractors' timesheets last year.",
    "Most of our team works remote, so the mobile app matters more than the web one.",
    "We went with Remote for the Portugal hires last year.",
    # German: a noun after an article is the noun's use.
    "Die Sage vom einfachen Lohnlauf glaubt hier niemand mehr.",
    "Wir haben uns fast für Personio entschieden, weil die DATEV-Schnittstelle fehlte.",
    "Das ist eine alte Sage aus der Buchhaltung, sagt der Steuerberater.",
    "Wir wechseln zu Sage, wenn der Export nicht bald geht.",
    # Dutch: "deel".
    "Een deel van de medewerkers ziet de loonstrook van maart niet in de app.",
    "Voor een deel klopt het, maar de reiskostenvergoeding ontbreekt.",
    "We overwegen over te stappen naar Deel voor onze freelancers.",
    # No name at all.
    "The export to the accounting system drops the cost centre column.",
)


@pytest.fixture
def imported(tmp_path: Path, capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    """The deals and tickets imported, not scanned."""
    deals = tmp_path / "deals.csv"
    deals.write_text("\r\n".join([HEADER, *DEALS]) + "\r\n", encoding="utf-8")
    tickets = tmp_path / "tickets.csv"
    with tickets.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["Ticket ID", "Description", "Created Date", "Organization"])
        for number, said in enumerate(TICKETS, 1):
            writer.writerow([f"T{number}", said, f"2026-10-{number:02d}", f"Empresa {number}"])
    for command in (
        ("import", "salesforce", str(deals)),
        ("import", "csv", str(tickets)),
    ):
        assert run_cli(capsys, "--db", workspace_url, *command).exit_code == 0, command
    return workspace_url


#: Item id → competitor id → (words, stance).
Stored = dict[int, dict[int, tuple[str, MentionStance]]]
Votes = dict[tuple[str, str], tuple[int, int]]


def _items(engine: Engine) -> list[tuple[int, str, bool]]:
    """Every item as the scan reads it, by plain SQL: id, title and text, a seller's."""
    query = text("SELECT id, title, text, kind FROM evidence_items ORDER BY id")
    with engine.connect() as connection:
        return [
            (i, f"{title}\n{said}" if title else said, kind == "deal_note")
            for i, title, said, kind in connection.execute(query)
        ]


def _stored(engine: Engine) -> Stored:
    """Item id → competitor id → (words, stance), as stored, by plain SQL."""
    query = text(
        "SELECT m.evidence_id, m.competitor_id, m.mentioned_as, s.stance "
        "FROM competitor_mentions m LEFT JOIN competitor_mention_stances s "
        "ON s.evidence_id = m.evidence_id AND s.competitor_id = m.competitor_id"
    )
    found: Stored = {}
    with engine.connect() as connection:
        for item, rival, said, stance in connection.execute(query):
            found.setdefault(item, {})[rival] = (said, MentionStance(stance or "named"))
    return found


def _two_passes(engine: Engine, known: list[Competitor]) -> tuple[Stored, Votes]:
    """What the plain two-pass scan stores and the votes it counts: learn every item, then
    read every item, phrases of a kind filed under the row the scan made for the kind."""
    with read_session(engine) as session:
        made = {c.name: c.id for c in competitors.competitors(session)}
    by_kind = {c.kind: c.id for c in reversed(known)}
    finder = MentionFinder(known, lambda kind: by_kind.get(kind, made.get(PLAIN_NAMES[kind])))
    items = _items(engine)
    for _, said, _ in items:
        finder.learn(said)
    read = {i: finder.mentions(said, not sellers) for i, said, sellers in items}
    stored = {i: {c: (m.said, m.stance) for c, m in f.items()} for i, f in read.items() if f}
    return stored, finder.usage.votes()


def test_the_scan_reads_each_item_once_and_stores_what_two_passes_store(
    imported: str, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    with read_session(engine) as session:
        known = competitors.competitors(session)
    assert not any(c.kind is not CompetitorKind.DIRECT for c in known)
    fetched: Counter[int] = Counter()
    reading = competitor_edits.evidence_texts

    def counted(*args: Any, **kwargs: Any) -> list[tuple[int, str, bool]]:
        items = reading(*args, **kwargs)
        fetched.update(i for i, *_ in items)
        return items

    finders: list[MentionFinder] = []

    class Kept(MentionFinder):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            finders.append(self)

    monkeypatch.setattr(competitor_edits, "evidence_texts", counted)
    monkeypatch.setattr(competitor_scan, "MentionFinder", Kept)

    report = competitor_scan.scan_competitors(engine)

    items = _items(engine)
    assert report.evidence_scanned == len(items) == len(fetched)
    again = {i for i, times in fetched.items() if times > 1}
    assert all(times <= 2 for times in fetched.values())
    by_id = {i: said for i, said, _ in items}
    # Read again: only items holding a name whose usage the later items changed, and the
    # first courtesy among them, which was read while "gusto" was no word yet.
    common = ("gusto", "remote", "sage", "deel")
    assert all(any(name in by_id[i].lower() for name in common) for i in again)
    assert any(by_id[i].startswith("Mucho gusto") for i in again)
    assert len(again) < len(items) // 2

    expected, votes = _two_passes(engine, known)
    assert _stored(engine) == expected
    assert finders[0].usage.votes() == votes
    # The phrases' rows were made in the order of the items that named them.
    assert report.competitors_created == ("Spreadsheets", "Homegrown tool")
    names = {by_id[i]: rivals for i, rivals in expected.items()}
    spreadsheet_row, homegrown_row = (next(iter(names[t])) for t in (TICKETS[0], TICKETS[5]))
    assert spreadsheet_row < homegrown_row
    # "Mucho gusto" is the word: the first ticket names the spreadsheet and no Gusto.
    assert [said for said, _ in names[TICKETS[0]].values()] == ["hoja de cálculo"]


def test_a_second_scan_reads_the_same_and_changes_nothing(
    imported: str, engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_cli(capsys, "--db", imported, "scan-competitors").exit_code == 0
    first = _stored(engine)
    again = competitor_scan.scan_competitors(engine)
    assert (again.mentions_added, again.mentions_removed, again.competitors_created) == (0, 0, ())
    assert _stored(engine) == first
