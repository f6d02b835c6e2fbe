"""A CSV whose header speaks plainly imports without --map; rows with no date take --date."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tradeoff.domain.evidence import EvidenceItem
from tradeoff.errors import InputError
from tradeoff.importers.mapping import mapping_from_header
from tradeoff.importers.registry import IMPORTERS, run
from tradeoff.storage import repository
from tradeoff.storage.session import read_session

HELP_DESK = (
    "Ticket ID,Subject,Description,Created Date,Requester Email,Organization,Tags,Priority\n"
    '4711,Export fails,"The CSV export times out, every time.",2026-03-05 10:22,'
    'dana@okafor.example,Okafor Ltd,"export, bug",High\n'
)


def items(engine: Engine) -> list[EvidenceItem]:
    with read_session(engine) as session:
        return repository.list_all(session, EvidenceItem)


def test_the_usual_names_of_a_help_desk_export_need_no_mapping() -> None:
    assert mapping_from_header(HELP_DESK.splitlines()[0].split(",")) == {
        "external_id": "Ticket ID",
        "text": "Description",
        "title": "Subject",
        "created_at": "Created Date",
        "account": "Organization",
        "email": "Requester Email",
        "tags": "Tags",
    }


def test_a_field_named_outright_wins_and_a_label_column_is_left_alone() -> None:
    """``text`` beats ``body``; a labelled corpus's label never becomes tags or a kind."""
    assert mapping_from_header(["Body", "TEXT", "label", "category", "Date"]) == {
        "text": "TEXT",
        "created_at": "Date",
    }
    assert mapping_from_header(["e-mail", "created_at", "date"]) == {
        "created_at": "created_at",
        "email": "e-mail",
    }


def test_a_help_desk_export_imports_by_its_header(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text(HELP_DESK, encoding="utf-8")
    report = run(engine, IMPORTERS["csv"], path)
    assert report.inserted == 1
    (item,) = items(engine)
    assert (item.external_id, item.title, item.text) == (
        "4711",
        "Export fails",
        "The CSV export times out, every time.",
    )
    assert item.created_at == datetime(2026, 3, 5, 10, 22, tzinfo=UTC)
    assert sorted(item.tags) == ["bug", "export"]
    assert item.account_id is not None
    assert item.person_id is not None


def test_a_labelled_corpus_without_dates_takes_the_day_given(
    engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        "text,label\nmy card has not arrived,card_arrival\nrefund still missing,refund\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="no column for created_at"):
        run(engine, IMPORTERS["csv"], path)
    assert items(engine) == []
    report = run(engine, IMPORTERS["csv"], path, options={"date": "2026-11-01"})
    assert report.inserted == 2
    assert {(i.text, i.created_at) for i in items(engine)} == {
        ("my card has not arrived", datetime(2026, 11, 1, tzinfo=UTC)),
        ("refund still missing", datetime(2026, 11, 1, tzinfo=UTC)),
    }


def test_only_rows_without_a_date_take_the_day_given(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("Body,Date\nlate card,2026-03-05\nno date here,\n", encoding="utf-8")
    report = run(engine, IMPORTERS["csv"], path, options={"date": "2026-11-01"})
    assert report.inserted == 2
    assert {i.text: i.created_at for i in items(engine)} == {
        "late card": datetime(2026, 3, 5, tzinfo=UTC),
        "no date here": datetime(2026, 11, 1, tzinfo=UTC),
    }


def test_an_empty_date_without_the_option_is_still_refused(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("Body,Date\nlate card,2026-03-05\nno date here,\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        run(engine, IMPORTERS["csv"], path)
    assert caught.value.line == 3
    assert items(engine) == []


def test_a_jsonl_corpus_names_its_fields_by_its_keys(engine: Engine, tmp_path: Path) -> None:
    """JSON Lines without --map: the first record's keys, as a CSV header."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(
        '{"id": "a1", "text": "my card has not arrived", "label": "card_arrival"}\n'
        '{"id": "a2", "text": "refund still missing", "label": "refund"}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        run(engine, IMPORTERS["jsonl"], path)
    assert str(caught.value) == f"{path}, line 1: " + (
        "no key for created_at in the first record (looked for created_at, created, created "
        "date, creation date, date created, …): name it with --map created_at=KEY or date "
        "every record with --date YYYY-MM-DD"
    )
    assert items(engine) == []
    report = run(engine, IMPORTERS["jsonl"], path, options={"date": "2026-11-01"})
    assert report.inserted == 2
    assert {(i.external_id, i.text, i.created_at) for i in items(engine)} == {
        ("a1", "my card has not arrived", datetime(2026, 11, 1, tzinfo=UTC)),
        ("a2", "refund still missing", datetime(2026, 11, 1, tzinfo=UTC)),
    }


def test_jsonl_records_with_their_own_dates_keep_them(engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "feedback.jsonl"
    path.write_text(
        '{"body": "Export fails", "created": "2026-03-05T10:22:00Z"}\n'
        '{"body": "Slow sync", "created": null}\n',
        encoding="utf-8",
    )
    run(engine, IMPORTERS["jsonl"], path, options={"date": "2026-11-01"})
    assert {i.text: i.created_at for i in items(engine)} == {
        "Export fails": datetime(2026, 3, 5, 10, 22, tzinfo=UTC),
        "Slow sync": datetime(2026, 11, 1, tzinfo=UTC),
    }
