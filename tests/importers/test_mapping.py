"""Column mappings from --map and from TOML files, checked against a file's header."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradeoff.errors import InputError
from tradeoff.importers.mapping import (
    EVIDENCE_FIELDS,
    REQUIRED_FIELDS,
    ColumnMapping,
    build_mapping,
    load_mapping_file,
    parse_map_option,
)

ALL_FIELDS = ", ".join(EVIDENCE_FIELDS)


def test_parse_map_option_reads_field_column_pairs() -> None:
    assert parse_map_option(
        "text=Body, created_at = Created at ,external_id=Id,,account=Company Name"
    ) == {
        "text": "Body",
        "created_at": "Created at",
        "external_id": "Id",
        "account": "Company Name",
    }


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("text", "--map entry 'text' is not FIELD=COLUMN"),
        ("text=Body,created_at", "--map entry 'created_at' is not FIELD=COLUMN"),
        ("text=Body,created_at=  ", "--map entry 'created_at=' is not FIELD=COLUMN"),
        ("text:Body", "--map entry 'text:Body' is not FIELD=COLUMN"),
    ],
)
def test_parse_map_option_refuses_entries_without_a_column(option: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_map_option(option)
    assert str(caught.value).startswith(message + " (a column name with a comma goes in double")


def test_a_column_whose_name_holds_a_comma_goes_in_double_quotes() -> None:
    """A Typeform question heads its column: "Anything else, if anything?"."""
    assert parse_map_option('text="Anything else, if anything?", rating=How likely?') == {
        "text": "Anything else, if anything?",
        "rating": "How likely?",
    }


def test_load_mapping_file_reads_a_map_table(tmp_path: Path) -> None:
    path = tmp_path / "helpdesk.toml"
    path.write_text(
        '# Columns of our helpdesk export\n[map]\ntext = "Body"\ncreated_at = "Date"\n'
        'account = "Company, Inc. name"\n',
        encoding="utf-8",
    )
    assert load_mapping_file(path) == {
        "text": "Body",
        "created_at": "Date",
        "account": "Company, Inc. name",
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('[map]\ntext = "Body"\ncreated_at = \n', "not valid TOML"),
        ('[columns]\ntext = "Body"\n', 'expected a [map] table of field = "column" pairs'),
        ('map = "Body"\n', 'expected a [map] table of field = "column" pairs'),
        ("[map]\nrating = 5\n", 'expected a [map] table of field = "column" pairs'),
    ],
)
def test_load_mapping_file_refuses_other_shapes(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "m.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_mapping_file(path)
    assert caught.value.message.startswith(message)
    assert caught.value.path == str(path)


def test_load_mapping_file_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        load_mapping_file(tmp_path / "nope.toml")
    assert str(caught.value) == f"{tmp_path / 'nope.toml'}: mapping file not found"


def test_build_mapping_keeps_the_columns() -> None:
    mapping = build_mapping({"text": "Body", "created_at": "Date", "tags": "Labels"})
    assert mapping.columns == {"text": "Body", "created_at": "Date", "tags": "Labels"}
    assert REQUIRED_FIELDS == ("text", "created_at")


def test_build_mapping_refuses_an_unknown_field_and_lists_the_known_ones() -> None:
    with pytest.raises(InputError) as caught:
        build_mapping({"text": "Body", "created_at": "Date", "priority": "Prio"})
    assert str(caught.value) == f"unknown field 'priority' in the mapping; fields are: {ALL_FIELDS}"


@pytest.mark.parametrize(
    ("fields", "missing"),
    [
        ({"text": "Body"}, "created_at"),
        ({"created_at": "Date"}, "text"),
        ({"external_id": "Id"}, "text, created_at"),
    ],
)
def test_build_mapping_requires_text_and_created_at(fields: dict[str, str], missing: str) -> None:
    with pytest.raises(InputError) as caught:
        build_mapping(fields)
    assert str(caught.value) == f"the mapping must name a column for {missing}"


def test_index_finds_columns_exactly_then_case_insensitively(tmp_path: Path) -> None:
    mapping = ColumnMapping({"text": "body", "created_at": "Date", "tags": "Labels"})
    header = ["Id", "Body", "Date", "Labels", "Labels", "BODY"]
    # Exact match wins over a case-folded one; the first of repeated headers wins.
    assert mapping.index(header, tmp_path / "x.csv") == {"text": 1, "created_at": 2, "tags": 3}
    exact = ColumnMapping({"text": "BODY", "created_at": "Date"})
    assert exact.index(header, tmp_path / "x.csv") == {"text": 5, "created_at": 2}


def test_index_names_the_missing_column_on_line_1(tmp_path: Path) -> None:
    path = tmp_path / "helpdesk.csv"
    mapping = ColumnMapping({"text": "Body", "created_at": "Date", "account": "Organisation"})
    with pytest.raises(InputError) as caught:
        mapping.index(["Id", "Body", "Date", "Company"], path)
    error = caught.value
    assert (error.path, error.line, error.column) == (str(path), 1, "Organisation")
    assert str(error) == (
        f"{path}, line 1, column 'Organisation': no column 'Organisation' (mapped to account); "
        "the file has: 'Id', 'Body', 'Date', 'Company'"
    )


def test_index_lists_at_most_twenty_columns(tmp_path: Path) -> None:
    header = [f"c{i}" for i in range(30)]
    with pytest.raises(InputError) as caught:
        ColumnMapping({"text": "Body"}).index(header, tmp_path / "wide.csv")
    assert "'c19'" in caught.value.message
    assert "'c20'" not in caught.value.message


def test_an_unclosed_quote_is_refused_not_swallowing_the_rest() -> None:
    with pytest.raises(InputError) as caught:
        parse_map_option('text="Unclosed, rating=Score')
    assert "opens a double quote it never closes" in str(caught.value)
