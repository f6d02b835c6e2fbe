"""Interview and call notes: a folder of Markdown files with front matter, read back whole."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.exports import snapshot, utc
from tradeoff.domain.accounts import Account
from tradeoff.domain.enums import AccountLifecycle, EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.interviews import InterviewsImporter, NoteError, parse_note
from tradeoff.importers.registry import run
from tradeoff.storage import external_keys, repository
from tradeoff.storage.session import write_session

DEMO_NOTES = Path(__file__).resolve().parents[2] / "demo" / "data" / "interviews"

#: A direct interview as the demo writes them, with hostile text in the body.
QUAYSIDE = """\
---
synthetic: true
kind: interview
date: 2026-05-12
account: "Quayside Coffee Roasters Ltd"
account_id: "0015g0000SIp7PTAQZ"
person: "Zoë O'Brien"
email: "zoe.obrien@quayside-coffee.example"
role: "Owner & Finance"
interviewer: "Aisha Rahman"
interviewer_email: "aisha.rahman@ledgerly.example"
title: "How a three-café roastery runs its money"
tags: [cash-flow, "month end"]   # agreed with research ops
recording: 'https://drive.example/rec/1'
---

# How a three-café roastery runs its money

> "Transfers just go, I don't think about them."

She pasted this into the chat: <script>alert(1)</script>
and her spreadsheet cell =HYPERLINK("x") for the tips.
"""

#: A CSM's call notes: relayed by the interviewer. CRLF line ends, as Windows editors write.
KESTREL_CALL = (
    "---\r\n"
    "kind: call\r\n"
    "date: 2026-05-20 14:30\r\n"
    "account: Kestrel Logistics Ltd\r\n"
    "person: Sarah Whitcombe\r\n"
    "email: swhitcombe@kestrel-logistics.example\r\n"
    "role: buyer\r\n"
    "interviewer: Noah Brennan\r\n"
    "interviewer_email: noah.brennan@ledgerly.example\r\n"
    "title: Quarterly business review\r\n"
    "---\r\n"
    "QBR. Fuel-card declines every week: \"If this is still happening in June, we'll have "
    'to look elsewhere."\r\n'
)

#: A plain-text interview forwarded by sales: relayed_by names the proxy.
GLOBEX_FORWARDED = """\
---
date: 2026-06-01T09:15:00+02:00
account: Globex
person: Hank Scorpio
relayed_by: sam.rivera@ledgerly.example
---
Hank wants payouts in EUR from a USD balance.
"""

#: A call whose notes are the customer's own words, typed live by the customer.
SELF_TYPED_CALL = """\
---
kind: call
date: 2026-06-02
account: Globex
email: hank@globex.example
relayed: false
---
I typed this myself during the call: the approvals screen needs a bulk option.
"""


def write_notes(folder: Path, notes: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in notes.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
    return folder


def nothing_written(engine: Engine) -> bool:
    return snapshot(engine).counts == (0, 0, 0, 0)


def test_a_folder_of_notes_becomes_stated_evidence_with_speakers_and_proxies(
    ledgerly: Engine, tmp_path: Path
) -> None:
    folder = write_notes(
        tmp_path / "notes",
        {
            "2026-05-12-quayside.md": QUAYSIDE,
            "calls/2026-05-20-kestrel.md": KESTREL_CALL,
            "2026-06-01-globex.txt": GLOBEX_FORWARDED,
            "2026-06-02-globex-call.markdown": SELF_TYPED_CALL,
            ".2026-06-03-draft.md": "not a note",
            "recording.m4a": "not text",
        },
    )

    report = run(ledgerly, InterviewsImporter(), folder)

    assert (report.inserted, report.updated, report.unchanged, report.rejected) == (4, 0, 0, 0)
    stored = snapshot(ledgerly)
    names = {a.id: a.name for a in stored.accounts}
    people = {p.id: (p.name, p.email, p.role, names.get(p.account_id)) for p in stored.people}
    outcome = [
        (
            item.external_id,
            item.kind,
            item.mode,
            item.created_at,
            item.title,
            names.get(item.account_id),
            people.get(item.person_id),
            people.get(item.relayed_by_id),
            item.tags,
        )
        for item in stored.evidence
    ]
    zoe = ("Zoë O'Brien", "zoe.obrien@quayside-coffee.example", PersonRole.END_USER)
    sarah = ("Sarah Whitcombe", "swhitcombe@kestrel-logistics.example", PersonRole.BUYER)
    noah = ("Noah Brennan", "noah.brennan@ledgerly.example", PersonRole.UNKNOWN, None)
    assert outcome == [
        (
            "2026-05-12-quayside.md",
            EvidenceKind.INTERVIEW,
            EvidenceMode.STATED,
            utc(2026, 5, 12),
            "How a three-café roastery runs its money",
            "Quayside Coffee Roasters Ltd",
            (*zoe, "Quayside Coffee Roasters Ltd"),
            None,
            ["cash-flow", "month end", "synthetic"],
        ),
        (
            "2026-06-01-globex.txt",
            EvidenceKind.INTERVIEW,
            EvidenceMode.STATED,
            utc(2026, 6, 1, 7, 15),
            None,
            "Globex",
            ("Hank Scorpio", None, PersonRole.END_USER, "Globex"),
            (None, "sam.rivera@ledgerly.example", PersonRole.UNKNOWN, None),
            [],
        ),
        (
            "2026-06-02-globex-call.markdown",
            EvidenceKind.CALL,
            EvidenceMode.STATED,
            utc(2026, 6, 2),
            None,
            "Globex",
            (None, "hank@globex.example", PersonRole.END_USER, "Globex"),
            None,
            [],
        ),
        (
            "calls/2026-05-20-kestrel.md",
            EvidenceKind.CALL,
            EvidenceMode.STATED,
            utc(2026, 5, 20, 14, 30),
            "Quarterly business review",
            "Kestrel Logistics Ltd",
            (*sarah, "Kestrel Logistics Ltd"),
            noah,
            [],
        ),
    ]
    quayside = stored.item("2026-05-12-quayside.md")
    assert quayside.text == QUAYSIDE.split("---\n\n", 1)[1].rstrip("\n")
    assert '<script>alert(1)</script>\nand her spreadsheet cell =HYPERLINK("x")' in quayside.text
    assert quayside.raw == {
        "file": "2026-05-12-quayside.md",
        "front_matter": {
            "synthetic": "true",
            "kind": "interview",
            "date": "2026-05-12",
            "account": "Quayside Coffee Roasters Ltd",
            "account_id": "0015g0000SIp7PTAQZ",
            "person": "Zoë O'Brien",
            "email": "zoe.obrien@quayside-coffee.example",
            "role": "Owner & Finance",
            "interviewer": "Aisha Rahman",
            "interviewer_email": "aisha.rahman@ledgerly.example",
            "title": "How a three-café roastery runs its money",
            "tags": ["cash-flow", "month end"],
            "recording": "https://drive.example/rec/1",
        },
    }
    kestrel = stored.item("calls/2026-05-20-kestrel.md")
    assert kestrel.text.startswith("QBR. Fuel-card declines every week:")
    assert "\r" not in kestrel.text
    # The interviewer of a direct interview is not a person of record: only the raw names her.
    assert "Aisha Rahman" not in {p.name for p in stored.people}
    assert all(a.lifecycle is AccountLifecycle.CUSTOMER for a in stored.accounts)


def test_every_demo_note_imports_and_only_the_calls_are_relayed(ledgerly: Engine) -> None:
    report = run(ledgerly, InterviewsImporter(), DEMO_NOTES)
    assert (report.inserted, report.rejected) == (20, 0)
    stored = snapshot(ledgerly)
    kinds = {(i.kind, i.relayed_by_id is not None) for i in stored.evidence}
    assert kinds == {(EvidenceKind.INTERVIEW, False), (EvidenceKind.CALL, True)}
    assert sum(i.kind is EvidenceKind.CALL for i in stored.evidence) == 6
    assert all("synthetic" in i.tags for i in stored.evidence)
    assert all(i.person_id is not None and i.account_id is not None for i in stored.evidence)


def test_account_ids_join_the_crm_named_by_account_source(ledgerly: Engine, tmp_path: Path) -> None:
    with write_session(ledgerly) as session:
        crm = repository.add(
            session,
            Account(
                name="Quayside Roastery Holdings",
                source="salesforce",
                external_id="0015g0000SIp7PTAQZ",
            ),
        )
        assert crm.id is not None
        external_keys.remember(session, "account", "salesforce", "0015g0000SIp7PTAQZ", crm.id)
    folder = write_notes(tmp_path / "notes", {"quayside.md": QUAYSIDE})

    run(ledgerly, InterviewsImporter(), folder, options={"account-source": "salesforce"})

    stored = snapshot(ledgerly)
    assert [a.name for a in stored.accounts] == ["Quayside Roastery Holdings"]
    assert stored.item("quayside.md").account_id == crm.id


def test_a_single_file_has_the_id_it_has_in_its_folder(ledgerly: Engine, tmp_path: Path) -> None:
    folder = write_notes(tmp_path / "notes", {"quayside.md": QUAYSIDE, "kestrel.md": KESTREL_CALL})
    alone = run(ledgerly, InterviewsImporter(), folder / "quayside.md")
    assert (alone.inserted, alone.file_name) == (1, "quayside.md")
    together = run(ledgerly, InterviewsImporter(), folder)
    assert (together.inserted, together.unchanged) == (1, 1)
    assert [i.external_id for i in snapshot(ledgerly).evidence] == ["quayside.md", "kestrel.md"]


def test_reimport_changes_nothing_and_an_edited_folder_updates_in_place(
    ledgerly: Engine, tmp_path: Path
) -> None:
    notes = {"quayside.md": QUAYSIDE, "calls/kestrel.md": KESTREL_CALL}
    week1 = write_notes(tmp_path / "week1" / "notes", notes)
    run(ledgerly, InterviewsImporter(), week1)
    again = run(ledgerly, InterviewsImporter(), week1)
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)

    week2 = tmp_path / "week2" / "notes"
    shutil.copytree(week1, week2)
    edited = KESTREL_CALL.replace("every week", "every single week")
    write_notes(week2, {"calls/kestrel.md": edited, "globex.txt": GLOBEX_FORWARDED})
    report = run(ledgerly, InterviewsImporter(), week2)

    assert (report.inserted, report.updated, report.unchanged) == (1, 1, 1)
    stored = snapshot(ledgerly)
    ids = [i.external_id for i in stored.evidence]
    assert ids == ["calls/kestrel.md", "quayside.md", "globex.txt"]
    assert "every single week" in stored.item("calls/kestrel.md").text
    assert len(stored.people) == 5  # Zoë, Sarah, Noah, Hank, Sam: nobody twice


BROKEN = {
    "no front matter": ("# Notes\n\nNo front matter at all.\n", 1, None),
    "never closed": ("---\nkind: interview\ndate: 2026-05-12\n\nNotes...\n", 1, None),
    "bad date": ("---\nkind: interview\ndate: 12th of May\n---\nNotes\n", 3, "date"),
    "nested value": ("---\ndate: 2026-05-12\nperson:\n  name: Zoë\n---\nNotes\n", 4, None),
    "unclosed quote": ('---\ndate: 2026-05-12\ntitle: "Cash flow\n---\nNotes\n', 3, "title"),
    "unknown kind": ("---\nkind: webinar\ndate: 2026-05-12\n---\nNotes\n", 2, "kind"),
    "call by nobody": ("---\nkind: call\ndate: 2026-05-12\n---\nNotes\n", 2, "kind"),
    "empty body": ("---\ndate: 2026-05-12\n---\n\n\n", 4, None),
}


@pytest.mark.parametrize("case", list(BROKEN))
def test_a_broken_note_names_its_file_and_line_and_writes_nothing(
    ledgerly: Engine, tmp_path: Path, case: str
) -> None:
    text, line, key = BROKEN[case]
    folder = write_notes(tmp_path / "notes", {"a-good.md": QUAYSIDE, "sub/broken.md": text})

    with pytest.raises(InputError) as caught:
        run(ledgerly, InterviewsImporter(), folder)

    error = caught.value
    assert (error.path, error.line, error.column) == (str(folder), line, key)
    assert "sub/broken.md: " in str(error)
    assert nothing_written(ledgerly)


def test_a_broken_single_file_is_named_as_the_path(ledgerly: Engine, tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text(BROKEN["bad date"][0], encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run(ledgerly, InterviewsImporter(), path)
    assert str(caught.value) == (
        f"{path}, line 3, column 'date': date: not a date or time: '12th of May'"
    )
    assert nothing_written(ledgerly)


def test_an_empty_folder_is_refused(ledgerly: Engine, tmp_path: Path) -> None:
    folder = write_notes(tmp_path / "notes", {"README.pdf": "%PDF"})
    with pytest.raises(InputError, match="no notes here"):
        run(ledgerly, InterviewsImporter(), folder)
    assert nothing_written(ledgerly)


def test_skip_bad_rows_imports_the_good_notes_and_lists_the_bad_one(
    ledgerly: Engine, tmp_path: Path
) -> None:
    folder = write_notes(
        tmp_path / "notes",
        {"quayside.md": QUAYSIDE, "kestrel.md": KESTREL_CALL, "z-bad.md": BROKEN["bad date"][0]},
    )
    with pytest.raises(InputError, match=r"z-bad\.md: date: not a date"):
        run(ledgerly, InterviewsImporter(), folder)
    assert nothing_written(ledgerly)

    report = run(ledgerly, InterviewsImporter(), folder, skip_bad_rows=True)

    assert (report.inserted, report.rejected) == (2, 1)
    assert report.rejects_file == tmp_path / "notes.rejects.csv"
    with report.rejects_file.open(encoding="utf-8", newline="") as handle:
        rejects = list(csv.reader(handle))
    assert rejects == [
        ["line", "json_path", "column", "reason", "record"],
        [
            "3",
            "",
            "date",
            "z-bad.md: date: not a date or time: '12th of May'",
            '{"file": "z-bad.md"}',
        ],
    ]
    assert [i.external_id for i in snapshot(ledgerly).evidence] == ["kestrel.md", "quayside.md"]


def test_the_front_matter_parser_reads_quotes_lists_and_comments() -> None:
    note = parse_note(
        "---\n"
        "# a comment line\n"
        'title: "Say \\"hi\\" \\u00e9"   # trailing comment\n'
        "person: 'Zoë O''Brien'\n"
        "account: Ben & Jerry's: EU # comment\n"
        "tags: []\n"
        "labels: [a, 'b, c', \"d\"]\n"
        "empty:\n"
        "---\n"
        "Body\n"
    )
    assert note.values == {
        "title": 'Say "hi" é',
        "person": "Zoë O'Brien",
        "account": "Ben & Jerry's: EU",
        "tags": [],
        "labels": ["a", "b, c", "d"],
        "empty": None,
    }
    assert (note.lines["labels"], note.body, note.body_line) == (7, "Body", 10)


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("---\ndate: 1\ndate: 2\n---\nx", 3, "date is given twice (first on line 2)"),
        ("---\n- item\n---\nx", 2, "not a 'key: value' line: '- item'"),
        ("---\ntags: [a, , b]\n---\nx", 2, "tags: an empty item in the list"),
        ("---\ntags: [a, b\n---\nx", 2, 'tags: not a list of the form [a, b, "c d"]'),
        ('---\ntitle: "a" b\n---\nx', 2, "title: unexpected text after the value: 'b'"),
        ("---\nbody: |\n---\nx", 2, "body: a value starting with '|' is a YAML feature"),
        ('---\ntitle: "bad \\q"\n---\nx', 2, "title: a bad escape in the quoted value"),
    ],
)
def test_the_front_matter_parser_refuses_what_it_cannot_read_exactly(
    text: str, line: int, message: str
) -> None:
    with pytest.raises(NoteError) as caught:
        parse_note(text)
    assert caught.value.line == line
    assert caught.value.message.startswith(message)
