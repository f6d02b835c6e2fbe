"""``safe_csv``: a cell a spreadsheet would run as a formula is neutralised, a plain number
is written as it is, and every CSV has the same CRLF-ended shape (RFC 4180)."""

from __future__ import annotations

import csv
import io

import pytest

from tradeoff.safe_csv import neutralise, write_rows


@pytest.mark.parametrize(
    "number",
    ["-5000.00", "+3", "-0.5", "-1e3", "+2.5E-4", "-16200.00", "5000.00", "0", "-0"],
)
def test_a_plain_number_is_written_as_it_is(number: str) -> None:
    assert neutralise(number) == number


@pytest.mark.parametrize(
    "formula",
    [
        "-2+3",
        "=1+1",
        "+SUM(A1)",
        "-cmd|' /C calc'!A0",
        "@x",
        "\tx",
        "\r-1",
        "\n=1",
        "-1e3+cmd|x",  # a number in front does not make a formula a number
        "-5000.00\n",  # nor does a line break after it
        "-5,000.00",
        "-.5",  # conservative: only digits before the point are exempt
        "+1.",
        "-1e",
        "-٣",  # a digit of another script is text to us, so it stays neutralised
        "-",
        "+",
    ],
)
def test_text_starting_with_a_formula_character_is_neutralised(formula: str) -> None:
    assert neutralise(formula) == "'" + formula


def test_other_cells_are_their_text() -> None:
    assert [neutralise(v) for v in (None, 12, -3, "Acme", "a-b", " -1+2")] == [
        "", "12", "-3", "Acme", "a-b", " -1+2",
    ]  # fmt: skip


def test_write_rows_ends_lines_with_crlf_and_quotes_only_where_needed() -> None:
    out = io.StringIO()
    write_rows(
        out,
        ["name", "amount", "change"],
        [['=HYPERLINK("x")', "5000.00", "-5000.00"], ["Acme, Inc.", "0.00", "+3"]],
    )
    assert out.getvalue() == (
        'name,amount,change\r\n"\'=HYPERLINK(""x"")",5000.00,-5000.00\r\n"Acme, Inc.",0.00,+3\r\n'
    )
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[1] == ['\'=HYPERLINK("x")', "5000.00", "-5000.00"]
