"""The import summary counts records, not rows (QA round 26, D14): the first import of 60
Jira issues by 3 reporters said "people: 60 unchanged". Here each reporter appears under
two Atlassian account ids (a site moved from Server to Cloud: ``JIRAUSER`` keys and new
account ids), and the users file gives each one email, so the rows land on 3 people."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from tests.importers.exports import snapshot, write_export
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.jira import JiraImporter
from tradeoff.importers.registry import run

HEADER = (
    "Summary,Issue key,Issue id,Issue Type,Status,Reporter,Reporter Id,Created,Labels,Labels,"
    "Description,Custom field (Customer)\n"
)
REPORTERS = {
    "Liam Kelly": ("JIRAUSER10201", "5b10ac8d82e05b22cc7d4000"),
    "Sophie Durand": ("JIRAUSER10202", "5b10ac8d82e05b22cc7d4003"),
    "Max Bauer": ("JIRAUSER10203", "712020:9d1f6c2e-3b4a-4e5f-8a7b-1c2d3e4f5a6b"),
}
ISSUES = [
    ("Video call drops", "Liam Kelly", 0, "telehealth", "Die Videosprechstunde bricht ab.",
     "Tandvård Norr Centre 16"),
    ("Practitioner utilisation report", "Liam Kelly", 1, "reporting",
     "The revenue dashboard doesn't match our invoices.", "Clínica Fisio Sol Centre 4"),
    ("Charge no-show fee to card on file", "Sophie Durand", 0, "noshow_fees",
     "The cancellation fee policy is not shown before they book.", "Meadow Sports"),
    ("Intake form answers lost", "Sophie Durand", 1, "intake_forms",
     "Le formulaire d'accueil envoyé par e-mail expire.", "Gabinet Fizjo Zdrowie Plus 27"),
    ("SMS reminders in Polish", "Max Bauer", 0, "reminders",
     "Przypomnienia SMS przychodzą po angielsku.", "Gabinet Fizjo Zdrowie Plus 27"),
    ("Two practices, one login", "Max Bauer", 1, "multi_location",
     "We run two branches and need one account.", "Meadow Sports"),
]  # fmt: skip
USERS = (
    "Name,Email\nLiam Kelly,liam.kelly@ledgerly.example\n"
    "Sophie Durand,sophie.durand@ledgerly.example\nMax Bauer,max.bauer@ledgerly.example\n"
)


def export(tmp_path: Path) -> Path:
    rows = [
        f'"{summary}",CR-{100 + n},{31000 + n},Feature Request,Open,{who},{REPORTERS[who][which]},'
        f'{1 + n:02d}/Aug/26 9:42 AM,customer-request,{label},"h3. Problem\n{text}",{customer}\n'
        for n, (summary, who, which, label, text, customer) in enumerate(ISSUES)
    ]
    return write_export(tmp_path / "jira_requests.csv", HEADER + "".join(rows))


def import_jira(engine: Engine, path: Path, users: Path) -> ImportReport:
    options = {"users": str(users), "reporter-role": "sales", "timezone": "Europe/London"}
    return run(engine, JiraImporter(), path, options=options)


def test_rows_of_one_reporter_count_as_one_person(ledgerly: Engine, tmp_path: Path) -> None:
    users = write_export(tmp_path / "User.csv", USERS)
    report = import_jira(ledgerly, export(tmp_path), users)
    assert report.by_entity == {"people": {"inserted": 3}, "evidence items": {"inserted": 6}}
    assert (report.inserted, report.updated, report.unchanged) == (9, 0, 0)
    assert len(snapshot(ledgerly).people) == 3


def test_a_person_counts_once_by_the_most_that_happened_to_it(
    ledgerly: Engine, tmp_path: Path
) -> None:
    """Liam's email changed: his first row updates him, his second finds him as updated;
    he is 1 updated person, not 1 updated and 1 unchanged."""
    users = write_export(tmp_path / "User.csv", USERS)
    path = export(tmp_path)
    import_jira(ledgerly, path, users)
    moved = write_export(
        tmp_path / "User2.csv", USERS.replace("liam.kelly@ledgerly", "liam@ledgerly")
    )
    report = import_jira(ledgerly, path, moved)
    assert report.by_entity == {
        "people": {"updated": 1, "unchanged": 2},
        "evidence items": {"unchanged": 6},
    }
    assert (report.inserted, report.updated, report.unchanged) == (0, 1, 8)
