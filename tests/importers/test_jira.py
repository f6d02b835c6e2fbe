"""The Jira importer: an issue CSV export in, internal requests relayed by their reporters out.

Fixtures are the Jira Cloud "Export CSV (all fields)" layout: repeated ``Labels``,
``Watchers``, ``Sprint`` and ``Comment`` columns, profile-format dates, people as a display
name plus an Atlassian account id, wiki-markup descriptions over several lines. Every test
reads the outcome back from the database, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.exports import Snapshot, snapshot, utc, write_export
from tradeoff.domain.accounts import Person
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.batch import ImportReport, rejects_path
from tradeoff.importers.jira import JiraImporter
from tradeoff.importers.registry import run
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

ROOT = Path(__file__).resolve().parents[2]
NOTHING = (0, 0, 0, 0)
OLIVER = "712020:cd79bde6-c01b-4ff6-a834-9f8eb4a90a07"
HUGO = "712020:4b285189-45b6-4101-a4db-4a0ae036fdb7"
SIOBHAN = "712020:5f0e2c1a-8d3b-4e7f-9a61-0c2b7d4e8f13"
MAYA = "712020:cf548a43-54a2-4177-a6e3-c7583f24dfac"

HEADER = (
    "Summary,Issue key,Issue id,Parent id,Issue Type,Status,Project key,Project name,"
    "Project type,Project lead,Project lead id,Priority,Resolution,Assignee,Assignee Id,"
    "Reporter,Reporter Id,Creator,Creator Id,Created,Updated,Last Viewed,Resolved,Due date,"
    "Votes,Labels,Labels,Labels,Description,Environment,Watchers,Watchers,Watchers Id,"
    "Watchers Id,Sprint,Sprint,Custom field (Customer),Custom field (Story Points),Comment,"
    "Comment\n"
)
#: Line 2: a formula summary and a script description, from a German customer.
FORMULA = (
    '"=HYPERLINK(""https://evil.example/x"",""Open invoice"")",FR-103,10112,,'
    "Feature Request,Open,FR,Feature Requests,software,Maya Okafor,"
    f"{MAYA},Medium,,,,Hugo Lefèvre,{HUGO},Hugo Lefèvre,{HUGO},"
    "04/Mar/26 10:05 AM,05/Mar/26 9:00 AM,06/Mar/26 8:00 AM,,,2,approvals,customer-request,,"
    '"<script>alert(1)</script> pasted from the customer portal",,Hugo Lefèvre,,'
    f"{HUGO},,,,Brandt & Söhne Metallbau GmbH,,,\n"
)
#: Lines 3-5: a wiki-markup description over three lines, two comments.
MULTI_CURRENCY = (
    "Pay EU contractors in EUR from a USD balance,FR-102,10108,,Feature Request,"
    f"Under Review,FR,Feature Requests,software,Maya Okafor,{MAYA},High,,Maya Okafor,{MAYA},"
    f"Oliver Grant,{OLIVER},Oliver Grant,{OLIVER},14/Jul/25 3:42 PM,16/Jul/25 11:00 AM,,,,4,"
    'multi-currency,customer-request,from-sales,"h2. Context\n'
    "*Kestrel* pays 40 drivers in Poland and Germany.\n"
    'They convert by hand every Friday: ""we lose half a day"".",,Oliver Grant,Maya Okafor,'
    f"{OLIVER},{MAYA},FR Sprint 7,FR Sprint 8,Kestrel Logistics Ltd,3,"
    f"15/Jul/25 9:10 AM;{MAYA};Can we talk to their finance lead directly?,"
    f'"16/Jul/25 11:00 AM;{OLIVER};+1, Penrose asked for the same."\n'
)
#: Line 6: no labels, description or customer; an ISO date with an offset.
NO_CUSTOMER = (
    "Export approvals to CSV,FR-101,10104,,Improvement,Backlog,FR,Feature Requests,software,"
    f"Maya Okafor,{MAYA},Low,,,,Oliver Grant,{OLIVER},Oliver Grant,{OLIVER},"
    "2026-03-05T09:00:00.000+0100,2026-03-05T09:00:00.000+0100,,,,0,,,,,,Oliver Grant,,"
    f"{OLIVER},,,,,,,\n"
)
#: Line 7: a sub-task from a CSM with an Irish name.
SUBTASK = (
    "Weißdorn card limits per site,FR-100,10100,10104,Sub-task,Done,FR,Feature Requests,"
    f"software,Maya Okafor,{MAYA},Medium,Done,,,Siobhán Ó Súilleabháin,{SIOBHAN},"
    f"Siobhán Ó Súilleabháin,{SIOBHAN},01/Mar/26 11:30 PM,02/Mar/26 9:00 AM,,"
    "02/Mar/26 9:00 AM,,1,card-controls from-cs,,,Fuel allowed; restaurants capped.,,"
    f"Siobhán Ó Súilleabháin,,{SIOBHAN},,,,O'Connor & Daughters Bakery Ltd,,,\n"
)
EXPORT = HEADER + FORMULA + MULTI_CURRENCY + NO_CUSTOMER + SUBTASK
MULTI_CURRENCY_TEXT = (
    "Pay EU contractors in EUR from a USD balance\n\n"
    "h2. Context\n*Kestrel* pays 40 drivers in Poland and Germany.\n"
    'They convert by hand every Friday: "we lose half a day".'
)


def import_jira(
    engine: Engine,
    path: Path,
    *,
    columns: dict[str, str] | None = None,
    skip_bad_rows: bool = False,
    **options: str,
) -> ImportReport:
    return run(
        engine,
        JiraImporter(),
        path,
        columns=columns,
        options={name.replace("_", "-"): value for name, value in options.items()},
        skip_bad_rows=skip_bad_rows,
    )


def refused(engine: Engine, path: Path, **kwargs: str) -> InputError:
    with pytest.raises(InputError) as caught:
        import_jira(engine, path, **kwargs)
    return caught.value


def outcome(stored: Snapshot) -> dict[str, dict[str, object]]:
    """Each item as a PM reads it: names instead of ids."""

    def name_of(person_id: int | None) -> str | None:
        return stored.person(person_id).label if person_id is not None else None

    return {
        item.external_id: {
            "kind": item.kind,
            "mode": item.mode,
            "title": item.title,
            "text": item.text,
            "created_at": item.created_at,
            "account": stored.account(item.account_id).name if item.account_id else None,
            "person": name_of(item.person_id),
            "relayed_by": name_of(item.relayed_by_id),
            "tags": item.tags,
            "url": item.url,
        }
        for item in stored.evidence
    }


def people(stored: Snapshot) -> set[tuple[str | None, str | None, PersonRole, int | None]]:
    return {(p.name, p.email, p.role, p.account_id) for p in stored.people}


def test_an_export_becomes_requests_relayed_by_their_reporters(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "Jira.csv", EXPORT)

    report = import_jira(ledgerly, path)

    assert (report.inserted, report.updated, report.unchanged, report.rejected) == (7, 0, 0, 0)
    assert report.by_entity == {"people": {"inserted": 3}, "evidence items": {"inserted": 4}}
    stored = snapshot(ledgerly)
    assert stored.counts == (4, 3, 3, 1)
    assert outcome(stored) == {
        "10112": {
            "kind": EvidenceKind.INTERNAL_REQUEST,
            "mode": EvidenceMode.STATED,
            "title": '=HYPERLINK("https://evil.example/x","Open invoice")',
            "text": '=HYPERLINK("https://evil.example/x","Open invoice")\n\n'
            "<script>alert(1)</script> pasted from the customer portal",
            "created_at": utc(2026, 3, 4, 10, 5),
            "account": "Brandt & Söhne Metallbau GmbH",
            "person": None,
            "relayed_by": "Hugo Lefèvre",
            "tags": ["Feature Request", "approvals", "customer-request"],
            "url": None,
        },
        "10108": {
            "kind": EvidenceKind.INTERNAL_REQUEST,
            "mode": EvidenceMode.STATED,
            "title": "Pay EU contractors in EUR from a USD balance",
            "text": MULTI_CURRENCY_TEXT,
            "created_at": utc(2025, 7, 14, 15, 42),
            "account": "Kestrel Logistics Ltd",
            "person": None,
            "relayed_by": "Oliver Grant",
            "tags": ["Feature Request", "customer-request", "from-sales", "multi-currency"],
            "url": None,
        },
        "10104": {
            "kind": EvidenceKind.INTERNAL_REQUEST,
            "mode": EvidenceMode.STATED,
            "title": "Export approvals to CSV",
            "text": "Export approvals to CSV",
            "created_at": utc(2026, 3, 5, 8, 0),
            "account": None,
            "person": None,
            "relayed_by": "Oliver Grant",
            "tags": ["Improvement"],
            "url": None,
        },
        "10100": {
            "kind": EvidenceKind.INTERNAL_REQUEST,
            "mode": EvidenceMode.STATED,
            "title": "Weißdorn card limits per site",
            "text": "Weißdorn card limits per site\n\nFuel allowed; restaurants capped.",
            "created_at": utc(2026, 3, 1, 23, 30),
            "account": "O'Connor & Daughters Bakery Ltd",
            "person": None,
            "relayed_by": "Siobhán Ó Súilleabháin",
            "tags": ["Sub-task", "card-controls", "from-cs"],
            "url": None,
        },
    }
    # Reporters are our people: never filed under the customer's account.
    assert people(stored) == {
        ("Hugo Lefèvre", None, PersonRole.UNKNOWN, None),
        ("Oliver Grant", None, PersonRole.UNKNOWN, None),
        ("Siobhán Ó Súilleabháin", None, PersonRole.UNKNOWN, None),
    }
    # The row is kept as exported: every repeated column, in order; not who viewed it last.
    raw = stored.item("10108").raw
    assert raw["Issue key"] == "FR-102"
    assert raw["Labels"] == ["multi-currency", "customer-request", "from-sales"]
    assert raw["Sprint"] == ["FR Sprint 7", "FR Sprint 8"]
    assert raw["Comment"] == [
        f"15/Jul/25 9:10 AM;{MAYA};Can we talk to their finance lead directly?",
        f"16/Jul/25 11:00 AM;{OLIVER};+1, Penrose asked for the same.",
    ]
    assert "Last Viewed" not in raw
    assert (
        stored.item("10112").raw["Summary"] == '=HYPERLINK("https://evil.example/x","Open invoice")'
    )


def test_the_demo_export_imports_cleanly(ledgerly: Engine) -> None:
    path = ROOT / "demo" / "data" / "jira" / "requests.csv"
    with path.open(encoding="utf-8-sig", newline="") as handle:
        issues = len(list(csv.reader(handle))) - 1

    report = import_jira(ledgerly, path, users=str(ROOT / "demo/data/salesforce/users.csv"))

    assert (report.rejected, report.by_entity["evidence items"]) == (0, {"inserted": issues})
    stored = snapshot(ledgerly)
    assert len(stored.evidence) == issues
    formula = [item for item in stored.evidence if item.title and item.title.startswith("=")]
    assert [item.title for item in formula] == [
        '=HYPERLINK("https://evil.example/x","Open invoice")'
    ]
    # Every request is relayed by one of Ledgerly's people, about a customer account.
    for item in stored.evidence:
        assert item.person_id is None
        assert item.account_id is not None
        relay = stored.person(item.relayed_by_id)
        assert relay.email is not None
        assert relay.email.endswith("@ledgerly.example")


# --- reporters ---------------------------------------------------------------------------------


def test_a_users_file_gives_reporters_emails_so_they_match_our_people(
    ledgerly: Engine, tmp_path: Path
) -> None:
    with write_session(ledgerly) as session:
        oliver = repository.add(
            session,
            Person(name="Oliver Grant", email="oliver.grant@ledgerly.example", role="sales"),
        )
    users = write_export(
        tmp_path / "team.csv",
        "Name,Email\r\nOliver Grant,oliver.grant@ledgerly.example\r\n"
        "Hugo Lefèvre,Hugo.Lefevre@Ledgerly.example\r\nMaya Okafor,\r\n",
    )

    import_jira(ledgerly, write_export(tmp_path / "Jira.csv", EXPORT), users=str(users))

    stored = snapshot(ledgerly)
    assert people(stored) == {
        ("Oliver Grant", "oliver.grant@ledgerly.example", PersonRole.SALES, None),
        ("Hugo Lefèvre", "hugo.lefevre@ledgerly.example", PersonRole.UNKNOWN, None),
        ("Siobhán Ó Súilleabháin", None, PersonRole.UNKNOWN, None),
    }
    assert {stored.item(i).relayed_by_id for i in ("10108", "10104")} == {oliver.id}


def test_an_atlassian_user_export_matches_by_account_id(ledgerly: Engine, tmp_path: Path) -> None:
    users = write_export(
        tmp_path / "export-users.csv",
        "User id,User name,email,User status,Added to org\n"
        f"{OLIVER},Ollie Grant,oliver.grant@ledgerly.example,Active,12 Jan 2024\n"
        # Two people of the same name: which one relayed it is unknown, so neither is guessed.
        "712020:aaaa,Hugo Lefèvre,hugo.lefevre@ledgerly.example,Active,12 Jan 2024\n"
        "712020:bbbb,Hugo Lefèvre,hugo.l@ledgerly.example,Active,12 Jan 2024\n",
    )

    import_jira(ledgerly, write_export(tmp_path / "Jira.csv", EXPORT), users=str(users))

    emails = {p.name: p.email for p in snapshot(ledgerly).people}
    assert emails == {
        "Oliver Grant": "oliver.grant@ledgerly.example",
        "Hugo Lefèvre": None,
        "Siobhán Ó Súilleabháin": None,
    }


@pytest.mark.parametrize("spelling", ["reporter-role", "reporter_role"], ids=["manifest", "cli"])
def test_a_reporter_role_makes_every_reporter_a_proxy_of_that_role(
    ledgerly: Engine, tmp_path: Path, spelling: str
) -> None:
    path = write_export(tmp_path / "Jira.csv", EXPORT)

    run(ledgerly, JiraImporter(), path, options={spelling: "CSM"})

    assert {p.role for p in snapshot(ledgerly).people} == {PersonRole.CSM}


def test_a_second_export_later_learns_the_emails(ledgerly: Engine, tmp_path: Path) -> None:
    import_jira(ledgerly, write_export(tmp_path / "Jira.csv", EXPORT))
    users = write_export(tmp_path / "team.csv", "Name,Email\nOliver Grant,og@ledgerly.example\n")

    report = import_jira(ledgerly, tmp_path / "Jira.csv", users=str(users))

    assert report.by_entity == {
        "people": {"updated": 1, "unchanged": 2},
        "evidence items": {"unchanged": 4},
    }
    stored = snapshot(ledgerly)
    assert len(stored.people) == 3
    assert stored.person(stored.item("10108").relayed_by_id).email == "og@ledgerly.example"


# --- dates, links, mapping ---------------------------------------------------------------------


def test_profile_dates_are_read_in_the_exporters_time_zone(
    ledgerly: Engine, tmp_path: Path
) -> None:
    import_jira(
        ledgerly,
        write_export(tmp_path / "Jira.csv", EXPORT),
        timezone="Europe/London",
        site="https://ledgerly.atlassian.net/",
    )

    stored = snapshot(ledgerly)
    # British Summer Time in July, GMT in March; an ISO date's own offset wins.
    assert stored.item("10108").created_at == utc(2025, 7, 14, 14, 42)
    assert stored.item("10112").created_at == utc(2026, 3, 4, 10, 5)
    assert stored.item("10104").created_at == utc(2026, 3, 5, 8, 0)
    assert stored.item("10108").url == "https://ledgerly.atlassian.net/browse/FR-102"


def test_the_customer_column_can_be_renamed(ledgerly: Engine, tmp_path: Path) -> None:
    text = EXPORT.replace("Custom field (Customer)", "Custom field (Company)")

    import_jira(
        ledgerly,
        write_export(tmp_path / "Jira.csv", text),
        columns={"account": "Custom field (Company)", "external_id": "Issue key"},
    )

    stored = snapshot(ledgerly)
    assert sorted(a.name for a in stored.accounts) == [
        "Brandt & Söhne Metallbau GmbH",
        "Kestrel Logistics Ltd",
        "O'Connor & Daughters Bakery Ltd",
    ]
    assert sorted(e.external_id for e in stored.evidence) == [
        "FR-100",
        "FR-101",
        "FR-102",
        "FR-103",
    ]


def test_an_export_without_a_customer_column_still_imports(
    ledgerly: Engine, tmp_path: Path
) -> None:
    text = EXPORT.replace("Custom field (Customer)", "Custom field (Team)")

    report = import_jira(ledgerly, write_export(tmp_path / "Jira.csv", text))

    assert report.by_entity["evidence items"] == {"inserted": 4}
    assert snapshot(ledgerly).accounts == []


# --- idempotency -------------------------------------------------------------------------------


def test_reimporting_the_same_export_changes_nothing(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(tmp_path / "Jira.csv", EXPORT)
    import_jira(ledgerly, path)
    before = snapshot(ledgerly)

    again = import_jira(ledgerly, path)

    assert (again.inserted, again.updated, again.rejected) == (0, 0, 0)
    assert again.unchanged == 7
    after = snapshot(ledgerly)
    assert (after.evidence, after.accounts, after.people) == (
        before.evidence,
        before.accounts,
        before.people,
    )


def test_next_weeks_export_updates_one_inserts_one(ledgerly: Engine, tmp_path: Path) -> None:
    import_jira(ledgerly, write_export(tmp_path / "Jira.csv", EXPORT))
    new = (
        f"Approvals by supplier,FR-104,10115,,Feature Request,Open,FR,Feature Requests,software,"
        f"Maya Okafor,{MAYA},High,,,,Hugo Lefèvre,{HUGO},Hugo Lefèvre,{HUGO},"
        f"09/Mar/26 2:15 PM,09/Mar/26 2:15 PM,,,,0,approvals,,,Auditor asks for four eyes.,,"
        f"Hugo Lefèvre,,{HUGO},,,,Van Dijk Bloemen B.V.,,,\n"
    )
    # Jira sorts newest first; someone viewed FR-103 again (not an edit) and FR-102 was edited.
    next_week = (
        HEADER
        + new
        + FORMULA.replace("06/Mar/26 8:00 AM", "10/Mar/26 8:00 AM")
        + MULTI_CURRENCY.replace("every Friday", "every Friday and Monday")
        + NO_CUSTOMER
    )

    report = import_jira(ledgerly, write_export(tmp_path / "Jira (1).csv", next_week))

    assert report.by_entity["evidence items"] == {"inserted": 1, "updated": 1, "unchanged": 2}
    stored = snapshot(ledgerly)
    assert sorted(e.external_id for e in stored.evidence) == [
        "10100",
        "10104",
        "10108",
        "10112",
        "10115",
    ]
    assert "every Friday and Monday" in stored.item("10108").text
    assert len(stored.people) == 3


# --- bad files and bad rows --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "line", "column", "message"),
    [
        (
            EXPORT.replace(",Created,", ",Created date,"),
            1,
            "Created",
            "no column 'Created' (the issue's created_at): is this a Jira CSV export?",
        ),
        (HEADER + FORMULA + '"Unfinished,FR-1,1\n', 3, None, "not a readable CSV"),
        ("", None, None, "the file is empty: expected a header row"),
    ],
    ids=["no-created-column", "open-quote", "empty"],
)
def test_a_bad_file_is_refused_and_nothing_is_written(
    ledgerly: Engine,
    tmp_path: Path,
    content: str,
    line: int | None,
    column: str | None,
    message: str,
) -> None:
    path = write_export(tmp_path / "Jira.csv", content)

    error = refused(ledgerly, path)

    assert (error.path, error.line, error.column) == (str(path), line, column)
    assert error.message.startswith(message)
    assert snapshot(ledgerly).counts == NOTHING


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"reporter_role": "boss"}, "--reporter-role: 'boss' is not one of: end_user, buyer"),
        ({"timezone": "Mars/Olympus"}, "--timezone: unknown time zone 'Mars/Olympus'"),
        ({"site": "ledgerly.atlassian.net"}, "--site: expected https://"),
    ],
    ids=["role", "timezone", "site"],
)
def test_a_bad_option_is_refused_before_reading(
    ledgerly: Engine, tmp_path: Path, options: dict[str, str], message: str
) -> None:
    error = refused(ledgerly, write_export(tmp_path / "Jira.csv", EXPORT), **options)

    assert error.message.startswith(message)
    assert snapshot(ledgerly).counts == NOTHING


def test_a_mapping_must_name_fields_and_columns_that_exist(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "Jira.csv", EXPORT)

    unknown = refused_with(ledgerly, path, {"customer": "Custom field (Customer)"})
    absent = refused_with(ledgerly, path, {"account": "Custom field (Company)"})

    assert unknown.message.startswith("jira has no field 'customer' to map; its fields are:")
    assert (absent.path, absent.line, absent.column) == (str(path), 1, "Custom field (Company)")
    assert snapshot(ledgerly).counts == NOTHING


def refused_with(engine: Engine, path: Path, columns: dict[str, str]) -> InputError:
    with pytest.raises(InputError) as caught:
        import_jira(engine, path, columns=columns)
    return caught.value


def test_a_users_file_without_emails_is_refused(ledgerly: Engine, tmp_path: Path) -> None:
    users = write_export(tmp_path / "team.csv", "Name,Title\nOliver Grant,AE\n")

    error = refused(ledgerly, write_export(tmp_path / "Jira.csv", EXPORT), users=str(users))

    assert (error.path, error.line, error.column) == (str(users), 1, "Email")
    assert snapshot(ledgerly).counts == NOTHING


BAD_DATE = MULTI_CURRENCY.replace("14/Jul/25 3:42 PM", "sometime in July")


def test_a_bad_row_stops_the_import_at_its_line_and_column(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "Jira.csv", HEADER + FORMULA + BAD_DATE + NO_CUSTOMER)

    error = refused(ledgerly, path)

    assert (error.path, error.line, error.column) == (str(path), 3, "Created")
    assert error.message == "not a date or time: 'sometime in July'"
    assert snapshot(ledgerly).counts == NOTHING


def test_skipping_bad_rows_imports_the_rest_and_lists_the_rejects(
    ledgerly: Engine, tmp_path: Path
) -> None:
    short = "Too short,FR-99,10099\n"
    path = write_export(tmp_path / "Jira.csv", HEADER + FORMULA + BAD_DATE + short + SUBTASK)

    report = import_jira(ledgerly, path, skip_bad_rows=True)

    assert report.rejected == 2
    assert report.by_entity["evidence items"] == {"inserted": 2}
    assert sorted(e.external_id for e in snapshot(ledgerly).evidence) == ["10100", "10112"]
    assert report.rejects_file == rejects_path(path)
    rejects = list(csv.DictReader(io.StringIO(report.rejects_file.read_text(encoding="utf-8"))))
    assert [(r["line"], r["column"], r["reason"]) for r in rejects] == [
        ("3", "Created", "not a date or time: 'sometime in July'"),
        ("6", "", "row has 3 cells but the header has 40"),
    ]
    assert "Pay EU contractors" in rejects[0]["record"]
