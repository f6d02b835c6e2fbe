"""The JSON Lines importer: any tool's JSON export through a mapping of dotted paths.

Fixtures are JSON as tools write it: nested objects, ids as numbers or strings, nulls, Unix
seconds and milliseconds next to ISO dates, escaped and raw UTF-8, blank lines, a JSON array
and a wrapped ``{"items": [...]}`` document. Outcomes are read back from the database, on
SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.importers.exports import Snapshot, snapshot, utc, write_export
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.base import ReadContext
from tradeoff.importers.batch import ImportReport, rejects_path
from tradeoff.importers.drafts import EvidenceDraft
from tradeoff.importers.jsonl import JsonLinesImporter, lookup, parse_path
from tradeoff.importers.mapping import parse_map_option
from tradeoff.importers.registry import run
from tradeoff.importers.textfile import inspect_file

NOTHING = (0, 0, 0, 0)

#: A feedback-widget export: line 1 raw UTF-8 with an escaped newline in the body, line 2 a
#: numeric id and Unix seconds, line 3 blank, line 4 a formula relayed by a CSM with an
#: escaped "ü", line 5 epoch milliseconds and no company.
FEEDBACK = """\
{"id": "fb_01HQ8", "title": "Exports lose filters", "body": "Reporting is fine, but I rebuild \
the same spreadsheet every week.\\nCan exports keep my filters?", "meta": {"created": \
"2026-03-04T10:22:31Z", "channel": "widget"}, "user": {"name": "Zoë O'Brien", "email": \
"zoe.obrien@acme.example", "role": "End User"}, "company": {"name": "Acme, Inc.", "domain": \
"acme.example"}, "tags": ["reporting", "export"], "score": 7}
{"id": 1002, "title": null, "body": "<script>alert(1)</script>", "meta": {"created": \
1772640300}, "user": {"name": "Ops Team", "email": "ops@globex.example"}, "company": \
{"name": "Globex"}, "tags": "billing; urgent"}

{"id": "fb_03", "body": "=HYPERLINK(\\"http://x\\")", "meta": {"created": "2026-03-05 11:00"}, \
"user": {"name": "J\\u00fcrgen Wei\\u00df", "email": null}, "company": {"name": "Brandt & \
Söhne Metallbau GmbH"}, "agent": {"email": "noah.brennan@ledgerly.example"}, "score": "4.5"}
{"id": "fb_04", "body": "Dashboards time out when the range is a year", "meta": {"created": \
1772785800000}, "user": {"email": "kenji.w@gmail.com"}, "company": null, "score": 2.5}
"""
FEEDBACK_MAP = (
    "text=body,title=title,created_at=meta.created,external_id=id,email=user.email,"
    "person=user.name,role=user.role,account=company.name,account_domain=company.domain,"
    "relayed_by=agent.email,rating=score,tags=tags"
)


def import_jsonl(
    engine: Engine,
    path: Path,
    map_option: str = FEEDBACK_MAP,
    *,
    skip_bad_rows: bool = False,
    **options: str,
) -> ImportReport:
    return run(
        engine,
        JsonLinesImporter(),
        path,
        columns=parse_map_option(map_option),
        options=options,
        skip_bad_rows=skip_bad_rows,
    )


def refused(
    engine: Engine, path: Path, map_option: str = FEEDBACK_MAP, **options: str
) -> InputError:
    with pytest.raises(InputError) as caught:
        import_jsonl(engine, path, map_option, **options)
    return caught.value


def outcome(stored: Snapshot) -> dict[str, dict[str, object]]:
    """Each item as a PM reads it: names instead of ids."""

    def who(person_id: int | None) -> tuple[str | None, str | None, PersonRole] | None:
        if person_id is None:
            return None
        person = stored.person(person_id)
        return person.name, person.email, person.role

    return {
        item.external_id: {
            "kind": item.kind,
            "mode": item.mode,
            "title": item.title,
            "text": item.text,
            "created_at": item.created_at,
            "account": stored.account(item.account_id).name if item.account_id else None,
            "person": who(item.person_id),
            "relayed_by": who(item.relayed_by_id),
            "rating": item.rating,
            "tags": item.tags,
        }
        for item in stored.evidence
    }


def test_nested_objects_become_evidence_with_accounts_and_people(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "feedback.jsonl", FEEDBACK)

    report = import_jsonl(ledgerly, path, kind="survey")

    assert (report.inserted, report.updated, report.unchanged, report.rejected) == (4, 0, 0, 0)
    stored = snapshot(ledgerly)
    assert outcome(stored) == {
        "fb_01HQ8": {
            "kind": EvidenceKind.SURVEY,
            "mode": EvidenceMode.STATED,
            "title": "Exports lose filters",
            "text": "Reporting is fine, but I rebuild the same spreadsheet every week.\n"
            "Can exports keep my filters?",
            "created_at": utc(2026, 3, 4, 10, 22, 31),
            "account": "Acme, Inc.",
            "person": ("Zoë O'Brien", "zoe.obrien@acme.example", PersonRole.END_USER),
            "relayed_by": None,
            "rating": 7.0,
            "tags": ["export", "reporting"],
        },
        "1002": {
            "kind": EvidenceKind.SURVEY,
            "mode": EvidenceMode.STATED,
            "title": None,
            "text": "<script>alert(1)</script>",
            "created_at": utc(2026, 3, 4, 16, 5),
            "account": "Globex",
            "person": ("Ops Team", "ops@globex.example", PersonRole.UNKNOWN),
            "relayed_by": None,
            "rating": None,
            "tags": ["billing", "urgent"],
        },
        "fb_03": {
            "kind": EvidenceKind.SURVEY,
            "mode": EvidenceMode.STATED,
            "title": None,
            "text": '=HYPERLINK("http://x")',
            "created_at": utc(2026, 3, 5, 11, 0),
            "account": "Brandt & Söhne Metallbau GmbH",
            "person": ("Jürgen Weiß", None, PersonRole.UNKNOWN),
            "relayed_by": (None, "noah.brennan@ledgerly.example", PersonRole.UNKNOWN),
            "rating": 4.5,
            "tags": [],
        },
        "fb_04": {
            "kind": EvidenceKind.SURVEY,
            "mode": EvidenceMode.STATED,
            "title": None,
            "text": "Dashboards time out when the range is a year",
            "created_at": utc(2026, 3, 6, 8, 30),
            "account": None,
            "person": (None, "kenji.w@gmail.com", PersonRole.UNKNOWN),
            "relayed_by": None,
            "rating": 2.5,
            "tags": [],
        },
    }
    acme = next(a for a in stored.accounts if a.name == "Acme, Inc.")
    assert acme.domain == "acme.example"
    # The whole object is the raw record, nested as exported.
    assert stored.item("fb_01HQ8").raw["meta"] == {
        "created": "2026-03-04T10:22:31Z",
        "channel": "widget",
    }


def test_default_kind_is_a_ticket_and_a_field_can_give_kind_and_mode(
    ledgerly: Engine, tmp_path: Path
) -> None:
    path = write_export(
        tmp_path / "mixed.jsonl",
        '{"t": "a", "at": "2026-03-05", "type": {"name": "Interview"}}\n'
        '{"t": "b", "at": "2026-03-05", "type": {"name": null}, "mode": "OBSERVED"}\n',
    )

    import_jsonl(ledgerly, path, "text=t,created_at=at,kind=type.name,mode=mode")

    items = {e.text: (e.kind, e.mode) for e in snapshot(ledgerly).evidence}
    assert items == {
        "a": (EvidenceKind.INTERVIEW, EvidenceMode.STATED),
        "b": (EvidenceKind.TICKET, EvidenceMode.OBSERVED),
    }


@pytest.mark.parametrize(
    ("name", "content", "options"),
    [
        ("array.json", "[{records}]", {}),
        ("wrapped.json", '{{"count": 4, "items": [{records}]}}', {"list-key": "items"}),
        ("wrapped.json", '{{"count": 4, "items": [{records}]}}', {"list_key": "items"}),
    ],
    ids=["array", "wrapped-manifest", "wrapped-cli"],
)
def test_a_json_array_or_wrapped_list_reads_the_same(
    ledgerly: Engine, tmp_path: Path, name: str, content: str, options: dict[str, str]
) -> None:
    records = ",\n".join(line for line in FEEDBACK.splitlines() if line.strip())
    path = write_export(tmp_path / name, content.format(records=records))

    report = import_jsonl(ledgerly, path, **options)

    assert report.inserted == 4
    assert sorted(e.external_id for e in snapshot(ledgerly).evidence) == [
        "1002",
        "fb_01HQ8",
        "fb_03",
        "fb_04",
    ]


def test_a_json_lines_file_of_one_line_is_one_record(ledgerly: Engine, tmp_path: Path) -> None:
    line = '{"body": "Receipts upload fails on Android", "meta": {"created": "2026-03-05"}}'

    report = import_jsonl(ledgerly, write_export(tmp_path / "one.jsonl", line + "\n"))

    assert report.inserted == 1
    assert [e.text for e in snapshot(ledgerly).evidence] == ["Receipts upload fails on Android"]
    # The same line in a .json file is a document, which must hold the list.
    error = refused(ledgerly, write_export(tmp_path / "one.json", line))
    assert error.message.startswith("expected a JSON object with a 'records' list")


def test_paths_reach_into_lists_and_flattened_keys(ledgerly: Engine, tmp_path: Path) -> None:
    # An Intercom-style conversation, and a flattened export whose key contains dots.
    path = write_export(
        tmp_path / "conversations.jsonl",
        json.dumps(
            {
                "id": "215470",
                "created_at": 1772640300,
                "source": {"body": "<p>We need SSO before renewal</p>"},
                "contacts": {"contacts": [{"email": "it@initech.example"}]},
                "tags": {"tags": [{"name": "sso"}, {"name": "enterprise"}]},
            }
        )
        + "\n"
        + json.dumps(
            {
                "id": "215471",
                "created_at": "2026-03-05T09:00:00+01:00",
                "source.body": "Flattened",
                "contacts": {"contacts": []},
                "tags": {"tags": []},
            }
        )
        + "\n",
    )

    import_jsonl(
        ledgerly,
        path,
        "text=source.body,created_at=created_at,external_id=id,"
        "email=contacts.contacts[0].email,tags=tags.tags[*].name",
        kind="chat",
    )

    stored = snapshot(ledgerly)
    first, second = stored.item("215470"), stored.item("215471")
    assert (first.text, first.tags, first.kind) == (
        "<p>We need SSO before renewal</p>",
        ["enterprise", "sso"],
        EvidenceKind.CHAT,
    )
    assert stored.person(first.person_id).email == "it@initech.example"
    assert (second.text, second.created_at, second.person_id) == (
        "Flattened",
        utc(2026, 3, 5, 8, 0),
        None,
    )


def test_path_syntax() -> None:
    assert parse_path("contacts[0].email") == ("contacts", 0, "email")
    assert parse_path("tags.tags[*].name") == ("tags", "tags", "*", "name")
    assert lookup({"a": [{"b": 1}, {"b": 2}]}, parse_path("a.1.b")) == 2
    for bad in ("", "user..email", ".user", "user.", "a[x]", "a]b"):
        with pytest.raises(InputError, match="is not a JSON path"):
            parse_path(bad)


def test_lines_are_read_as_they_come(tmp_path: Path) -> None:
    """JSON Lines stream: the first record is ready before a later line is even parsed."""
    path = write_export(tmp_path / "f.jsonl", FEEDBACK + "{not json\n")
    records = JsonLinesImporter().read(
        inspect_file(path), ReadContext(columns=parse_map_option(FEEDBACK_MAP))
    )

    first = next(records)

    assert isinstance(first, EvidenceDraft)
    assert (first.external_id, first.line) == ("fb_01HQ8", 1)
    with pytest.raises(InputError) as caught:
        list(records)
    assert caught.value.line == 6


# --- idempotency -------------------------------------------------------------------------------


def test_reimporting_the_same_file_changes_nothing(ledgerly: Engine, tmp_path: Path) -> None:
    path = write_export(tmp_path / "feedback.jsonl", FEEDBACK)
    import_jsonl(ledgerly, path)
    before = snapshot(ledgerly)

    again = import_jsonl(ledgerly, path)

    assert (again.inserted, again.updated, again.unchanged, again.rejected) == (0, 0, 4, 0)
    after = snapshot(ledgerly)
    assert (after.evidence, after.accounts, after.people) == (
        before.evidence,
        before.accounts,
        before.people,
    )


def test_an_overlapping_export_updates_one_inserts_one(ledgerly: Engine, tmp_path: Path) -> None:
    import_jsonl(ledgerly, write_export(tmp_path / "week1.jsonl", FEEDBACK))
    lines = [line for line in FEEDBACK.splitlines() if line.strip()]
    week2 = [
        lines[1],
        lines[2].replace("4.5", "5"),
        lines[3],
        '{"id": "fb_05", "body": "Ich möchte Belege per E-Mail weiterleiten", '
        '"meta": {"created": "2026-03-07T09:00:00+01:00"}, "user": {"email": '
        '"katrin@kohler-zahntechnik.example"}}',
    ]

    report = import_jsonl(ledgerly, write_export(tmp_path / "week2.jsonl", "\n".join(week2)))

    assert (report.inserted, report.updated, report.unchanged, report.rejected) == (1, 1, 2, 0)
    stored = snapshot(ledgerly)
    assert len(stored.evidence) == 5
    assert stored.item("fb_03").rating == 5.0
    assert stored.item("fb_05").created_at == utc(2026, 3, 7, 8, 0)


def test_without_ids_records_are_keyed_by_content(ledgerly: Engine, tmp_path: Path) -> None:
    mapping = "text=comment,created_at=at,email=who.email"
    first = '{"comment": "Löschen geht nicht", "at": "2026-03-05", "who": {"email": "a@x.example"}}'
    second = '{"at": "2026-03-06", "comment": "Export is slow", "extra": 1}'
    import_jsonl(ledgerly, write_export(tmp_path / "a.jsonl", f"{first}\n{second}\n"), mapping)

    # Keys in another order, an unmapped field changed, one record more: same two items.
    reordered = (
        '{"who": {"email": "a@x.example"}, "at": "2026-03-05", "comment": "Löschen geht nicht"}'
    )
    second_again = '{"at": "2026-03-06", "comment": "Export is slow", "extra": 2}'
    third = '{"comment": "Need SSO", "at": "2026-03-07"}'
    report = import_jsonl(
        ledgerly,
        write_export(tmp_path / "b.jsonl", f"{reordered}\n{second_again}\n{third}\n"),
        mapping,
    )

    assert (report.inserted, report.unchanged) == (1, 1)
    assert report.updated == 1  # the raw record changed for the second one
    stored = snapshot(ledgerly)
    assert len(stored.evidence) == 3
    assert all(e.external_id.startswith("sha256:") for e in stored.evidence)


# --- bad files, mappings and records -----------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "line", "message"),
    [
        ("broken.jsonl", FEEDBACK + '{"id": "fb_06", "body": "x",}\n', 6, "not valid JSON"),
        ("export.json", '{"data": []}', None, "expected a JSON object with a 'records' list"),
        ("scalar.json", '"hello"', None, "expected a JSON object or array"),
    ],
    ids=["broken-line", "no-list", "scalar"],
)
def test_a_bad_file_is_refused_and_nothing_is_written(
    ledgerly: Engine, tmp_path: Path, name: str, content: str, line: int | None, message: str
) -> None:
    path = write_export(tmp_path / name, content)

    error = refused(ledgerly, path)

    assert (error.path, error.line) == (str(path), line)
    assert error.message.startswith(message)
    assert snapshot(ledgerly).counts == NOTHING


@pytest.mark.parametrize(
    ("mapping", "options", "message"),
    [
        ("text=body", {}, "the mapping must name a column for created_at"),
        ("text=body,created_at=meta.created,company=x", {}, "unknown field 'company'"),
        ("text=body,created_at=meta..created", {}, "'meta..created' is not a JSON path"),
        (FEEDBACK_MAP, {"kind": "tweet"}, "--kind: 'tweet' is not one of: ticket"),
    ],
    ids=["required", "unknown", "path", "kind"],
)
def test_a_bad_mapping_is_refused_before_reading(
    ledgerly: Engine, tmp_path: Path, mapping: str, options: dict[str, str], message: str
) -> None:
    path = write_export(tmp_path / "feedback.jsonl", FEEDBACK)

    error = refused(ledgerly, path, mapping, **options)

    assert error.message.startswith(message)
    assert snapshot(ledgerly).counts == NOTHING


BAD_LINES = [
    ('"meta": {"created": "2026-03-04T10:22:31Z"', '"meta": {"created": "soon"'),
    ('"body": "<script>alert(1)</script>"', '"body": {"html": "<b>x</b>"}'),
    ('"score": "4.5"', '"score": [4]'),
]


@pytest.mark.parametrize(
    ("edit", "line", "column", "message"),
    [
        (BAD_LINES[0], 1, "meta.created", "not a date or time: 'soon'"),
        (BAD_LINES[1], 2, "body", "expected text, got an object"),
        (BAD_LINES[2], 4, "score", "expected a number, got a list"),
    ],
    ids=["date", "text-object", "rating-list"],
)
def test_a_bad_record_stops_the_import_at_its_line_and_path(
    ledgerly: Engine,
    tmp_path: Path,
    edit: tuple[str, str],
    line: int,
    column: str,
    message: str,
) -> None:
    assert edit[0] in FEEDBACK
    path = write_export(tmp_path / "feedback.jsonl", FEEDBACK.replace(*edit))

    error = refused(ledgerly, path)

    assert (error.path, error.line, error.column, error.message) == (
        str(path),
        line,
        column,
        message,
    )
    assert snapshot(ledgerly).counts == NOTHING


def test_in_an_array_the_error_names_the_element(ledgerly: Engine, tmp_path: Path) -> None:
    records = [json.loads(line) for line in FEEDBACK.splitlines() if line.strip()]
    records[2]["meta"]["created"] = "soon"
    path = write_export(tmp_path / "feedback.json", json.dumps(records, ensure_ascii=False))

    error = refused(ledgerly, path)

    assert (error.line, error.column, error.message) == (
        None,
        "meta.created",
        "[2]: not a date or time: 'soon'",
    )
    assert snapshot(ledgerly).counts == NOTHING


def test_skipping_bad_records_imports_the_rest_and_lists_the_rejects(
    ledgerly: Engine, tmp_path: Path
) -> None:
    content = FEEDBACK.replace(*BAD_LINES[0]) + '["not", "an", "object"]\n'
    path = write_export(tmp_path / "feedback.jsonl", content)

    report = import_jsonl(ledgerly, path, skip_bad_rows=True)

    assert (report.inserted, report.rejected) == (3, 2)
    assert sorted(e.external_id for e in snapshot(ledgerly).evidence) == ["1002", "fb_03", "fb_04"]
    assert report.rejects_file == rejects_path(path)
    rejects = list(csv.DictReader(io.StringIO(report.rejects_file.read_text(encoding="utf-8"))))
    assert [(r["line"], r["json_path"], r["column"], r["reason"]) for r in rejects] == [
        ("1", "", "meta.created", "not a date or time: 'soon'"),
        ("6", "", "", "expected a JSON object, got a list"),
    ]
    assert json.loads(rejects[0]["record"])["id"] == "fb_01HQ8"
