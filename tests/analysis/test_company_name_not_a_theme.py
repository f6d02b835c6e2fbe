"""The workspace's own company name never names a theme.

A QA tester's rebuild named a theme "clinicly account · two practices share · split" in a
workspace made with ``init --company Clinicly``: customers write the vendor's name ("my
Clinicly account"), and in one topic often enough to lead its name. Here tickets of two
topics name the company in most items of one of them; the theme still gets a name, and no
name holds the company's name nor its email domain's.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Engine

from tests.analysis.themed import active
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.label.naming_texts import own_name
from tradeoff.analysis.run import analyze
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.storage import repository
from tradeoff.storage.session import write_session
from tradeoff.storage.workspace import save_workspace_settings

ACCOUNTS = [
    "Two practices share one Clinicly account and we need to split it.",
    "Can we split our Clinicly account between our two practices?",
    "Our two practices share a Clinicly account, please split the billing.",
    "We run two practices on one Clinicly account; the diaries get mixed up.",
    "Splitting a shared Clinicly account for two practices is not possible.",
    "Each of our two practices needs its own Clinicly account, not a shared one.",
    "The shared Clinicly account mixes the patients of our two practices.",
    "How do we split one Clinicly account into two practices with separate billing?",
    "Our second practice cannot have its own Clinicly account, only a shared one.",
    "Two practices, one Clinicly account: reports mix both clinics.",
    "Please let us split the Clinicly-account between our two practices.",
    "We were told two practices must share one Clinicly account. That does not work.",
]
REMINDERS = [
    "SMS reminders were not sent to patients yesterday.",
    "Our patients did not get their SMS reminders this morning.",
    "SMS reminders fail for patients with foreign numbers.",
    "No SMS reminders went out for Monday's appointments.",
    "The SMS reminder for tomorrow's appointments never arrived.",
    "Patients complain they get no SMS reminder before the appointment.",
    "SMS reminders stopped working after the update.",
    "Several patients missed appointments because the SMS reminders were not sent.",
    "SMS reminders are sent twice to some patients.",
    "The SMS reminder shows the wrong appointment time.",
    "Why are SMS reminders not going out to our patients?",
    "SMS reminders failed again for half of our patients.",
]


def test_no_theme_is_named_by_the_company(engine: Engine) -> None:
    with write_session(engine) as session:
        save_workspace_settings(
            session,
            WorkspaceSettings(company_name="Clinicly", internal_email_domains=["clinicly.io"]),
        )
        for n, text in enumerate(ACCOUNTS * 2 + REMINDERS * 2):
            repository.add(
                session,
                EvidenceItem(
                    source="desk",
                    external_id=str(n),
                    kind=EvidenceKind.TICKET,
                    text=text,
                    created_at=datetime(2026, 3, 1, tzinfo=UTC),
                ),
            )
    analyze(engine, StaticEmbedder())
    names = [theme.name for theme in active(engine).values()]
    assert names
    assert all(name != "(no words)" for name in names), names
    assert not any("clinicly" in name.lower() for name in names), names
    assert any("practices" in name or "account" in name for name in names), names


def test_own_names_are_the_company_and_its_domains() -> None:
    own = own_name("Clinicly", ["clinicly.io", "mail.clinicly-health.co.uk"])
    assert own is not None
    said = "My Clinicly account, clinicly's app and Clinicly-Health's portal; clinical notes"
    assert own.sub("|", said) == "My | account, | app and | portal; clinical notes"
    assert own_name("Our company", []) is None
    assert own_name("Our company", ["ourco.com"]) is not None
