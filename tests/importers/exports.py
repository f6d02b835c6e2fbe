"""Export files as real tools write them, and a snapshot of what an import left behind.

The fixtures are byte-exact: line endings, quoting, BOMs and encodings are part of what is
being tested, so files are written with ``write_bytes`` and never through newline translation.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from sqlalchemy import Engine

from tradeoff.cli.main import app
from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.evidence import EvidenceItem, ImportBatch
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.workspace import save_workspace_settings

#: A helpdesk export (Zendesk/Freshdesk style). Row 1001 has a three-line quoted body, so row
#: 1002 starts on line 5; line 8 is blank; Jira-style repeated ``Labels`` columns at the end.
HELPDESK_CSV = """\
Id,Subject,Body,Date,Requester,Email,Company,Agent,Tags,Score,Labels,Labels
1001,Export drops accents,"Hi team,
the CSV export turns ""Zoë"" into ""Zo?"".
Thanks, Zoë",2026-03-04T10:22:31Z,Zoë O'Brien,zoe.obrien@acme.example,"Acme, Inc.",\
sam.rivera@ledgerly.example,billing;export,2,csv,urgent
1002,XSS attempt,<script>alert(1)</script>,1772640300,Ops Team,ops@globex.example,Globex,,,,,
1003,Formula,"=HYPERLINK(""http://x"")",2026-03-05 11:00,Zoë O'Brien,ZOE.OBRIEN@acme.example,\
"Acme, Inc.",Priya Natarajan,reporting,4,,
1004,Weekly spreadsheet,"Reporting is fine, but I rebuild the same spreadsheet every week",\
1772785800000,Kenji Watanabe,kenji.w@gmail.com,Initech,,"reporting, spreadsheets",4.5,,

1005,Slow dashboards,Dashboards time out when the range is a year,14/Jul/25 3:42 PM,\
Bea Schmidt,Bea.Schmidt@Acme.Example,,bea.schmidt@acme.example,,3,,
"""

#: The next week's export: 1003 and 1005 as before, 1004 edited, 1006 new.
HELPDESK_NEXT_WEEK_CSV = """\
Id,Subject,Body,Date,Requester,Email,Company,Agent,Tags,Score,Labels,Labels
1003,Formula,"=HYPERLINK(""http://x"")",2026-03-05 11:00,Zoë O'Brien,ZOE.OBRIEN@acme.example,\
"Acme, Inc.",Priya Natarajan,reporting,4,,
1004,Weekly spreadsheet,"Reporting is fine, but I rebuild the same spreadsheet EVERY week",\
1772785800000,Kenji Watanabe,kenji.w@gmail.com,Initech,,"reporting, spreadsheets",4.5,,
1005,Slow dashboards,Dashboards time out when the range is a year,14/Jul/25 3:42 PM,\
Bea Schmidt,Bea.Schmidt@Acme.Example,,bea.schmidt@acme.example,,3,,
1006,Export to XLSX,Please export straight to XLSX — finance hates CSV,\
2026-03-07T09:00:00+01:00,Zoë O'Brien,zoe.obrien@acme.example,"Acme, Inc.",,export,5,,
"""

HELPDESK_MAP = (
    "text=Body,title=Subject,created_at=Date,external_id=Id,person=Requester,email=Email,"
    "account=Company,relayed_by=Agent,tags=Tags,rating=Score"
)

#: Interview notes: no id column, so rows are keyed by their content.
INTERVIEWS_CSV = """\
Participant,Email,Company,Notes,Interviewed on
Marta Ruiz,marta@umbrella.example,Umbrella Corp,"Says reporting is fine; later admits she \
exports to Excel every Monday.",2026-02-10
Tomás Ortega,tomas@umbrella.example,Umbrella Corp,"Wants a ""close the month"" checklist.",\
2026-02-11 14:30
"""
INTERVIEWS_MAP = (
    "text=Notes,created_at=Interviewed on,person=Participant,email=Email,account=Company"
)

#: A Windows (cp1252) export: é is 0xE9 and the em dash 0x97, which are not UTF-8.
CP1252_CSV = "Id,Body,Date\r\n1,Le café est froid — merci,2026-03-05\r\n"

#: A German Excel export: ';' delimiter, decimal comma, dd.mm.yyyy dates, commas in cells.
EUROPEAN_CSV = """\
Nr;Kommentar;Datum;Firma;Bewertung
77;Export nach Excel, bitte mit Umlauten (ä, ö, ü);05.03.2026 11:00;Müller GmbH;4,5
78;Rechnung: 1.234,56 EUR falsch gerundet;06.03.2026;Müller GmbH;1.234,56
"""
EUROPEAN_MAP = "text=Kommentar,created_at=Datum,external_id=Nr,account=Firma,rating=Bewertung"

#: Google Play review export: UTF-16 with BOM, epoch milliseconds, no review id column.
GOOGLE_PLAY_HEADER = (
    "Package Name,App Version Code,App Version Name,Reviewer Language,Device,"
    "Review Submit Date and Time,Review Submit Millis Since Epoch,"
    "Review Last Update Date and Time,Review Last Update Millis Since Epoch,Star Rating,"
    "Review Title,Review Text,Developer Reply Date and Time,"
    "Developer Reply Millis Since Epoch,Developer Reply Text,Review Link"
)
GOOGLE_PLAY_ROWS = (
    "com.ledgerly.app,412,4.12.0,de,a52q,2025-11-20T07:45:12Z,1763624712000,"
    '2025-11-20T07:45:12Z,1763624712000,2,,"Sync hängt seit dem Update 👎",,,,'
    "http://play.google.com/console/developers/1/app/2/user-feedback/review-details?reviewId=a",
    "com.ledgerly.app,412,4.12.0,en,OnePlus7,2025-11-21T19:03:00Z,1763751780000,"
    '2025-11-21T19:03:00Z,1763751780000,5,Love it,"Love it, but ""export"" is hidden",,,,'
    "http://play.google.com/console/developers/1/app/2/user-feedback/review-details?reviewId=b",
)
GOOGLE_PLAY_CSV = GOOGLE_PLAY_HEADER + "\n" + "\n".join(GOOGLE_PLAY_ROWS) + "\n"
GOOGLE_PLAY_MAP = (
    "text=Review Text,title=Review Title,created_at=Review Submit Millis Since Epoch,"
    "rating=Star Rating,url=Review Link"
)


def write_export(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` byte-exact in ``encoding`` ("utf-8-sig" adds a BOM, "utf-16" too)."""
    path.write_bytes(text.encode(encoding))
    return path


#: csv.QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC or QUOTE_NONE.
Quoting = Literal[0, 1, 2, 3]
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def csv_text(
    records: list[list[str]],
    delimiter: str = ",",
    lineterminator: str = "\r\n",
    quoting: Quoting = 0,
) -> tuple[str, list[int]]:
    """``records`` as csv.writer writes them, and the line each record after the first
    (the header) starts on, counting CRLF, CR and LF as one line end each."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=lineterminator, quoting=quoting)
    starts = []
    for number, record in enumerate(records):
        if number:
            starts.append(len(LINE_BREAK.findall(buffer.getvalue())) + 1)
        writer.writerow(record)
    return buffer.getvalue(), starts


def holds(text: str, delimiter: str, records: list[list[str]]) -> bool:
    """Whether ``text``, read back by the standard library, holds exactly ``records``.

    Python 3.11's csv.writer leaves a lone CR unquoted when the line terminator is LF, which
    ends the record early for any CSV reader: such a file holds other records than were
    written, and an importer must refuse it rather than import what was meant.
    """
    try:
        read = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True))
    except csv.Error:
        return False
    return read == records


def database_url(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def import_csv(engine: Engine, path: Path, *options: str) -> ImportBatch | None:
    """``tradeoff --db URL import csv PATH OPTIONS``, run in-process exactly as a user runs it.

    Returns the latest import batch (None when a run that changed nothing left none). A
    refusal propagates as the command's own error (``InputError``, ...) rather than as an
    exit status, so tests can read where it points.
    """
    args = ["--db", database_url(engine), "import", "csv", str(path), *options]
    app(args=args, prog_name="tradeoff", standalone_mode=False)
    batches = snapshot(engine).batches
    return batches[-1] if batches else None


def make_ledgerly(engine: Engine) -> None:
    """The workspace settings ``tradeoff init --company Ledgerly --email-domain ...`` writes."""
    with write_session(engine) as session:
        save_workspace_settings(
            session,
            WorkspaceSettings(company_name="Ledgerly", internal_email_domains=["ledgerly.example"]),
        )


def utc(
    year: int, month: int, day: int, hour: int = 0, minute: int = 0, second: int = 0, micro: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, micro, tzinfo=UTC)


@dataclass(frozen=True)
class Snapshot:
    """Everything an import can write, read back through the repository."""

    evidence: list[EvidenceItem]
    accounts: list[Account]
    people: list[Person]
    batches: list[ImportBatch]

    @property
    def counts(self) -> tuple[int, int, int, int]:
        return len(self.evidence), len(self.accounts), len(self.people), len(self.batches)

    def item(self, external_id: str) -> EvidenceItem:
        (found,) = [e for e in self.evidence if e.external_id == external_id]
        return found

    def account(self, account_id: int | None) -> Account:
        (found,) = [a for a in self.accounts if a.id == account_id]
        return found

    def person(self, person_id: int | None) -> Person:
        (found,) = [p for p in self.people if p.id == person_id]
        return found


def snapshot(engine: Engine) -> Snapshot:
    with read_session(engine) as session:
        return Snapshot(
            evidence=repository.list_all(session, EvidenceItem),
            accounts=repository.list_all(session, Account),
            people=repository.list_all(session, Person),
            batches=repository.list_all(session, ImportBatch),
        )
