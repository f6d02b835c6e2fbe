"""The generic CSV reader: rows become evidence drafts. No database.

Where a bad row is refused (line, column, message) is tested through the import itself, in
test_import_evidence and tests/cli/test_import_csv.py, since that is what a user sees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importers.exports import (
    EUROPEAN_CSV,
    EUROPEAN_MAP,
    GOOGLE_PLAY_CSV,
    GOOGLE_PLAY_MAP,
    HELPDESK_CSV,
    HELPDESK_MAP,
    utc,
    write_export,
)
from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.errors import InputError
from tradeoff.importers.drafts import AccountRef, EvidenceDraft, PersonRef
from tradeoff.importers.generic_csv import GenericCsvReader
from tradeoff.importers.locales import DEFAULT_LOCALE, Locale
from tradeoff.importers.mapping import build_mapping, parse_map_option
from tradeoff.importers.textfile import inspect_file
from tradeoff.importers.values import DecimalMark


def drafts(
    path: Path,
    map_option: str,
    *,
    kind: EvidenceKind = EvidenceKind.TICKET,
    mode: EvidenceMode | None = None,
    locale: Locale = DEFAULT_LOCALE,
) -> list[EvidenceDraft]:
    reader = GenericCsvReader(
        build_mapping(parse_map_option(map_option)),
        default_kind=kind,
        default_mode=mode,
        locale=locale,
    )
    records = list(reader(inspect_file(path)))
    assert all(isinstance(r, EvidenceDraft) for r in records), records
    return records  # type: ignore[return-value]


def fields(draft: EvidenceDraft) -> dict[str, object]:
    """What a draft says, without how the reader keeps track of where it was read."""
    return {
        "line": draft.line,
        "external_id": draft.external_id,
        "kind": draft.kind,
        "mode": draft.mode,
        "text": draft.text,
        "title": draft.title,
        "created_at": draft.created_at,
        "account": draft.account,
        "person": draft.person,
        "relayed_by": draft.relayed_by,
        "rating": draft.rating,
        "tags": draft.tags,
        "url": draft.url,
        "raw": draft.raw,
    }


def test_helpdesk_rows_become_drafts(tmp_path: Path) -> None:
    first, second, third, fourth, fifth = drafts(
        write_export(tmp_path / "helpdesk.csv", HELPDESK_CSV), HELPDESK_MAP
    )

    assert fields(first) == {
        "line": 2,
        "external_id": "1001",
        "kind": EvidenceKind.TICKET,
        "mode": None,
        "text": 'Hi team,\nthe CSV export turns "Zoë" into "Zo?".\nThanks, Zoë',
        "title": "Export drops accents",
        "created_at": utc(2026, 3, 4, 10, 22, 31),
        "account": AccountRef(name="Acme, Inc."),
        "person": PersonRef(email="zoe.obrien@acme.example", name="Zoë O'Brien"),
        "relayed_by": PersonRef(email="sam.rivera@ledgerly.example"),
        "rating": 2.0,
        "tags": ["billing", "export"],
        "url": None,
        "raw": {
            "Id": "1001",
            "Subject": "Export drops accents",
            "Body": 'Hi team,\nthe CSV export turns "Zoë" into "Zo?".\nThanks, Zoë',
            "Date": "2026-03-04T10:22:31Z",
            "Requester": "Zoë O'Brien",
            "Email": "zoe.obrien@acme.example",
            "Company": "Acme, Inc.",
            "Agent": "sam.rivera@ledgerly.example",
            "Tags": "billing;export",
            "Score": "2",
            "Labels": ["csv", "urgent"],
        },
    }
    assert (second.line, second.text, second.created_at) == (
        5,
        "<script>alert(1)</script>",
        utc(2026, 3, 4, 16, 5),
    )
    assert second.relayed_by == PersonRef()
    assert second.raw["Labels"] == ["", ""]
    assert (third.line, third.text) == (6, '=HYPERLINK("http://x")')
    # A relay without an @ is a name.
    assert third.relayed_by == PersonRef(name="Priya Natarajan")
    assert (fourth.line, fourth.created_at, fourth.rating) == (7, utc(2026, 3, 6, 8, 30), 4.5)
    assert fourth.tags == ["reporting", "spreadsheets"]
    assert (fifth.line, fifth.created_at) == (9, utc(2025, 7, 14, 15, 42))
    assert fifth.account == AccountRef()


def test_cells_are_stripped_but_the_raw_row_is_kept_as_exported(tmp_path: Path) -> None:
    path = write_export(tmp_path / "t.csv", 'Id,Body,Date\n  7 ,"  padded text\n ", 2026-03-05 \n')
    (draft,) = drafts(path, "text=Body,created_at=Date,external_id=Id")
    assert (draft.external_id, draft.text) == ("7", "padded text")
    assert draft.raw == {"Id": "  7 ", "Body": "  padded text\n ", "Date": " 2026-03-05 "}


def test_european_export_reads_decimal_commas(tmp_path: Path) -> None:
    path = write_export(tmp_path / "eu.csv", EUROPEAN_CSV)
    first, second = drafts(path, EUROPEAN_MAP, locale=Locale(decimal=DecimalMark.COMMA))
    assert (first.external_id, first.rating, first.created_at) == ("77", 4.5, utc(2026, 3, 5, 11))
    assert first.account == AccountRef(name="Müller GmbH")
    assert (second.rating, second.created_at) == (1234.56, utc(2026, 3, 6))


def test_google_play_reviews_are_keyed_by_content(tmp_path: Path) -> None:
    path = write_export(tmp_path / "reviews.csv", GOOGLE_PLAY_CSV, "utf-16")
    first, second = drafts(path, GOOGLE_PLAY_MAP, kind=EvidenceKind.REVIEW)
    assert first.kind is EvidenceKind.REVIEW
    assert (first.text, first.title, first.rating) == ("Sync hängt seit dem Update 👎", None, 2.0)
    assert first.created_at == utc(2025, 11, 20, 7, 45, 12)
    assert first.url is not None
    assert first.url.endswith("reviewId=a")
    assert first.external_id.startswith("sha256:")
    assert first.external_id != second.external_id
    again = drafts(path, GOOGLE_PLAY_MAP, kind=EvidenceKind.REVIEW)
    assert [d.external_id for d in again] == [first.external_id, second.external_id]


def test_kind_mode_and_role_columns(tmp_path: Path) -> None:
    path = write_export(
        tmp_path / "mixed.csv",
        "Body,Date,Type,Mode,Role\n"
        "a,2026-03-05,Interview,,buyer\n"
        "b,2026-03-05,usage observation,STATED,End User\n"
        "c,2026-03-05,,,\n",
    )
    first, second, third = drafts(
        path,
        "text=Body,created_at=Date,kind=Type,mode=Mode,role=Role",
        kind=EvidenceKind.CHAT,
        mode=EvidenceMode.OBSERVED,
    )
    assert (first.kind, first.mode, first.person.role) == (
        EvidenceKind.INTERVIEW,
        EvidenceMode.OBSERVED,
        PersonRole.BUYER,
    )
    assert (second.kind, second.mode, second.person.role) == (
        EvidenceKind.USAGE_OBSERVATION,
        EvidenceMode.STATED,
        PersonRole.END_USER,
    )
    # Blank cells fall back to the reader's defaults.
    assert (third.kind, third.mode, third.person.role) == (
        EvidenceKind.CHAT,
        EvidenceMode.OBSERVED,
        None,
    )


def test_a_missing_column_is_refused_before_any_row(tmp_path: Path) -> None:
    path = write_export(tmp_path / "h.csv", HELPDESK_CSV)
    with pytest.raises(InputError) as caught:
        drafts(path, HELPDESK_MAP + ",account_domain=Domain")
    assert (caught.value.path, caught.value.line, caught.value.column) == (str(path), 1, "Domain")
    assert caught.value.message.startswith(
        "no column 'Domain' (mapped to account_domain); the file has:"
    )
