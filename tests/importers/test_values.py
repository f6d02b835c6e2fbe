"""Values as exports write them: timestamps in a dozen shapes, locale numbers, tag lists."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.importers.exports import utc
from tradeoff.importers.values import (
    EPOCH_MS_THRESHOLD,
    DateOrder,
    DecimalMark,
    LocaleMismatch,
    parse_bool,
    parse_date,
    parse_decimal,
    parse_float,
    parse_tags,
    parse_timestamp,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Zendesk / Help Scout: ISO-8601 with Z.
        ("2009-07-20T22:55:29Z", utc(2009, 7, 20, 22, 55, 29)),
        ("2026-03-04T10:22:31.250Z", utc(2026, 3, 4, 10, 22, 31, 250000)),
        # An offset is converted, not dropped.
        ("2026-03-07T09:00:00+01:00", utc(2026, 3, 7, 8, 0)),
        ("2026-03-06T21:30:00-05:00", utc(2026, 3, 7, 2, 30)),
        # Intercom / Delighted / Zendesk start_time: Unix seconds.
        ("1772640300", utc(2026, 3, 4, 16, 5)),
        ("1772640300.5", utc(2026, 3, 4, 16, 5, 0, 500000)),
        ("999999999", utc(2001, 9, 9, 1, 46, 39)),
        # Google Play / HubSpot v1: epoch milliseconds.
        ("1772785800000", utc(2026, 3, 6, 8, 30)),
        ("1763624712000", utc(2025, 11, 20, 7, 45, 12)),
        # Pipedrive / Typeform / Intercom exporters: zone-less, which means UTC.
        ("2026-03-05 11:00", utc(2026, 3, 5, 11, 0)),
        ("2017-11-14 21:45:08", utc(2017, 11, 14, 21, 45, 8)),
        ("2026-03-05 11:00:00 UTC", utc(2026, 3, 5, 11, 0)),
        ("2026/03/05 11:00:00", utc(2026, 3, 5, 11, 0)),
        # Jira's user-profile format.
        ("14/Jul/25 3:42 PM", utc(2025, 7, 14, 15, 42)),
        ("14/Jul/25 3:42 AM", utc(2025, 7, 14, 3, 42)),
        ("01/Jan/2026 12:05 AM", utc(2026, 1, 1, 0, 5)),
        # US spreadsheets and German Excel.
        ("1/31/2024", utc(2024, 1, 31)),
        ("01/31/2024 13:15", utc(2024, 1, 31, 13, 15)),
        ("1/31/2024 1:15 PM", utc(2024, 1, 31, 13, 15)),
        ("05.03.2026 11:00", utc(2026, 3, 5, 11, 0)),
        ("05.03.2026", utc(2026, 3, 5)),
        # Dates alone are midnight UTC.
        ("2026-02-10", utc(2026, 2, 10)),
        ("Mar 5, 2026", utc(2026, 3, 5)),
        ("5 Mar 2026", utc(2026, 3, 5)),
        # Surrounding whitespace is not part of the value.
        ("  2026-03-05 11:00\t", utc(2026, 3, 5, 11, 0)),
    ],
)
def test_parse_timestamp_reads_export_formats_as_utc(text: str, expected: datetime) -> None:
    parsed = parse_timestamp(text)
    assert parsed == expected
    assert parsed.utcoffset() == timedelta(0)


def test_epoch_milliseconds_and_seconds_name_the_same_instant() -> None:
    seconds = parse_timestamp("1772785800")
    assert parse_timestamp("1772785800000") == seconds
    # 12 digits are past the threshold (year 5138 in seconds), so they are milliseconds.
    assert parse_timestamp(str(EPOCH_MS_THRESHOLD)) == utc(1973, 3, 3, 9, 46, 40)
    assert parse_timestamp(str(EPOCH_MS_THRESHOLD - 1)).year == 5138


def test_zone_less_time_is_taken_as_utc_not_local_time() -> None:
    naive = parse_timestamp("2026-03-05T11:00:00")
    assert naive.tzinfo is not None
    assert naive == utc(2026, 3, 5, 11, 0)
    assert naive == parse_timestamp("2026-03-05T11:00:00Z")
    assert naive == parse_timestamp("2026-03-05T12:00:00+01:00")


@given(st.datetimes(min_value=datetime(1974, 1, 1), max_value=datetime(2200, 1, 1)))
def test_iso_and_epoch_round_trip(moment: datetime) -> None:
    # Unix time needs 9 to 13 digits (from 1973 on): 8 digits would read as YYYYMMDD.
    aware = moment.replace(tzinfo=UTC, microsecond=0)
    assert parse_timestamp(aware.isoformat()) == aware
    assert parse_timestamp(aware.replace(tzinfo=None).isoformat(sep=" ")) == aware
    assert parse_timestamp(str(int(aware.timestamp()))) == aware
    assert parse_timestamp(str(int(aware.timestamp()) * 1000)) == aware
    # Any offset names the same instant once converted.
    shifted = aware.astimezone(timezone(timedelta(hours=-7, minutes=-30)))
    assert parse_timestamp(shifted.isoformat()) == aware


@pytest.mark.parametrize(
    "text",
    ["", "   ", "next Tuesday", "31/31/2024", "2026-13-01", "N/A", "14/Foo/25 3:42 PM", "12345"],
)
def test_parse_timestamp_refuses_what_is_not_a_time(text: str) -> None:
    with pytest.raises(ValueError, match=r"timestamp|not a date or time"):
        parse_timestamp(text)


@pytest.mark.parametrize(
    "text", ["2026-03-05 3:42 PM", "2026-03-05 11:00 PST", "2026-03-05 25:00", "2026-03-05 junk"]
)
def test_a_time_that_cannot_be_read_is_refused_not_truncated_to_midnight(text: str) -> None:
    try:
        parsed = parse_timestamp(text)
    except ValueError:
        return
    assert parsed != utc(2026, 3, 5), f"{text!r} became midnight"


def test_out_of_range_timestamp_is_a_value_error() -> None:
    with pytest.raises(ValueError, match=r"out of range|not a date"):
        parse_timestamp("0001-01-01T00:00:00+01:00")


def test_parse_date_reads_common_date_formats() -> None:
    assert parse_date("2026-03-05").isoformat() == "2026-03-05"
    assert parse_date("2026-03-05T23:59:59Z").isoformat() == "2026-03-05"
    assert parse_date("3/5/2026").isoformat() == "2026-03-05"
    assert parse_date("05.03.2026").isoformat() == "2026-03-05"
    assert parse_date("2026/03/05").isoformat() == "2026-03-05"
    with pytest.raises(ValueError, match="not a date or time: 'soon'"):
        parse_date("soon")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12,000.00", Decimal("12000.00")),
        ("USD 12,000", Decimal("12000")),
        ("$1,200", Decimal("1200")),
        ("(1,200)", Decimal("-1200")),
        ("1'234.50", Decimal("1234.50")),
        ("4.5", Decimal("4.5")),
        ("0.125", Decimal("0.125")),
        ("1,234", Decimal("1234")),
        ("-3", Decimal("-3")),
        ("0", Decimal("0")),
        (" 42 ", Decimal("42")),
    ],
)
def test_parse_decimal_reads_point_amounts_by_default(text: str, expected: Decimal) -> None:
    assert parse_decimal(text) == expected
    assert parse_decimal(text, DecimalMark.POINT) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,56", Decimal("1234.56")),
        ("€ 1.234.567,89", Decimal("1234567.89")),
        ("1 234,56", Decimal("1234.56")),
        ("1\u202f234,56 €", Decimal("1234.56")),
        ("4,5", Decimal("4.5")),
        ("1.234", Decimal("1234")),
        ("12.500", Decimal("12500")),
        ("(1.200)", Decimal("-1200")),
        ("-0,75", Decimal("-0.75")),
        ("42", Decimal("42")),
    ],
)
def test_parse_decimal_reads_comma_amounts_when_told(text: str, expected: Decimal) -> None:
    assert parse_decimal(text, DecimalMark.COMMA) == expected


@pytest.mark.parametrize(
    ("text", "decimal", "says"),
    [
        # Only a decimal comma makes sense of these: refused with a point, never misread.
        ("1.234,56", None, "'1.234,56' has a decimal comma: use --decimal comma"),
        ("12,5", DecimalMark.POINT, "'12,5' has a decimal comma: use --decimal comma"),
        ("1.234.567", None, "'1.234.567' has a decimal comma: use --decimal comma"),
        ("EUR 1.234,56", DecimalMark.POINT, "has a decimal comma: use --decimal comma"),
        # And the other way round.
        ("1,234.56", DecimalMark.COMMA, "'1,234.56' has a decimal point: use --decimal point"),
        ("4.5", DecimalMark.COMMA, "'4.5' has a decimal point: use --decimal point"),
        # Either would do: without --decimal, refused rather than guessed.
        ("1.234", None, "'1.234' could be 1.234 or 1234: say which with --decimal point or"),
        ("$12.500", None, "could be 12.500 or 12500"),
    ],
)
def test_a_number_the_locale_cannot_read_names_the_option(
    text: str, decimal: DecimalMark | None, says: str
) -> None:
    with pytest.raises(LocaleMismatch) as caught:
        parse_decimal(text, decimal)
    assert says in str(caught.value)


def test_a_thousands_dot_is_a_decimal_point_only_when_told() -> None:
    assert parse_decimal("1.234", DecimalMark.POINT) == Decimal("1.234")
    assert parse_decimal("1.234", DecimalMark.COMMA) == Decimal("1234")


@pytest.mark.parametrize("text", ["", "   ", "-", ".", ",", "N/A", "USD", "1.2.3"])
def test_parse_decimal_refuses_what_is_not_a_number(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal(text)


@pytest.mark.parametrize("text", ["4/5", "3 of 5", "1e5"])
def test_parse_decimal_refuses_numbers_it_would_have_to_guess(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("number", "written", "says"),
    [
        # What a caller left after taking a currency code or symbol off the cell: the error
        # quotes the cell as the export wrote it, never the leftover.
        ("s", "lots", "not a number: 'lots'"),
        ("", "$", "not a number: '$'"),
        ("twelve", "USD twelve", "not a number: 'USD twelve'"),
        ("1,2,3", "USD 1,2,3", "not a number: 'USD 1,2,3'"),
        ("8.000", "USD 8.000", "'USD 8.000' could be 8.000 or 8000: say which with --decimal"),
        ("1.234,56", "€1.234,56", "'€1.234,56' has a decimal comma: use --decimal comma"),
    ],
)
def test_a_refused_number_quotes_the_whole_cell_it_was_cut_from(
    number: str, written: str, says: str
) -> None:
    with pytest.raises(ValueError, match=f"^{re.escape(says)}"):
        parse_decimal(number, written=written)


def test_parse_float_is_parse_decimal_as_a_float() -> None:
    assert parse_float("4,5", DecimalMark.COMMA) == 4.5
    assert parse_float("12,000.00") == 12000.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("billing;export", ["billing", "export"]),
        ("billing, export", ["billing", "export"]),
        ("billing|export|csv", ["billing", "export", "csv"]),
        ("billing export  csv", ["billing", "export", "csv"]),
        # The first separator present wins: a ';' list may hold commas inside a tag.
        ("billing; export, csv", ["billing", "export, csv"]),
        ("  ", []),
        ("", []),
        ("a;;b;", ["a", "b"]),
        ("müller-gmbh", ["müller-gmbh"]),
    ],
)
def test_parse_tags(text: str, expected: list[str]) -> None:
    assert parse_tags(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("true", True),
        ("TRUE", True),
        (" yes ", True),
        ("1", True),
        ("Y", True),
        ("t", True),
        ("false", False),
        ("No", False),
        ("0", False),
        ("", False),
        ("f", False),
    ],
)
def test_parse_bool(text: str, expected: bool) -> None:
    assert parse_bool(text) is expected


def test_parse_bool_refuses_anything_else() -> None:
    with pytest.raises(ValueError, match="not true or false: 'maybe'"):
        parse_bool("maybe")


@pytest.mark.parametrize(
    ("text", "dates", "expected"),
    [
        # Day first, as UK, German, French and Spanish exports write them.
        ("24/11/2026 15:04", DateOrder.DMY, utc(2026, 11, 24, 15, 4)),
        ("24.11.26", DateOrder.DMY, utc(2026, 11, 24)),
        ("03/04/2026", DateOrder.DMY, utc(2026, 4, 3)),
        ("3/4/26, 9:05 PM", DateOrder.DMY, utc(2026, 4, 3, 21, 5)),
        ("24-11-2026 15:04:05", DateOrder.DMY, utc(2026, 11, 24, 15, 4, 5)),
        # Month first, said explicitly: dashes too.
        ("11/24/2026 3:04 PM", DateOrder.MDY, utc(2026, 11, 24, 15, 4)),
        ("11-24-2026", DateOrder.MDY, utc(2026, 11, 24)),
        # Year first with two digits (Swedish, Japanese short dates).
        ("26/11/24", DateOrder.YMD, utc(2026, 11, 24)),
        ("26.11.24 08:00", DateOrder.YMD, utc(2026, 11, 24, 8)),
        # A four-digit year written first is year first, whatever the option says.
        ("2026/11/24 15:04", DateOrder.DMY, utc(2026, 11, 24, 15, 4)),
        ("2026-03-04T10:22:31Z", DateOrder.DMY, utc(2026, 3, 4, 10, 22, 31)),
        # Months by name and Unix time need no order.
        ("24 Nov 2026", DateOrder.MDY, utc(2026, 11, 24)),
        ("1772640300", DateOrder.DMY, utc(2026, 3, 4, 16, 5)),
    ],
)
def test_the_dates_option_orders_numeric_dates(
    text: str, dates: DateOrder, expected: datetime
) -> None:
    assert parse_timestamp(text, dates) == expected
    assert parse_date(text, dates) == expected.date()


def test_without_the_option_slashes_are_month_first_and_dots_day_first() -> None:
    """Today's reading is kept: 03/04/2026 is March 4, 03.04.2026 is 3 April."""
    assert parse_timestamp("03/04/2026") == utc(2026, 3, 4)
    assert parse_timestamp("03.04.2026") == utc(2026, 4, 3)
    assert parse_date("03/04/2026").isoformat() == "2026-03-04"


@pytest.mark.parametrize(
    ("text", "dates", "says"),
    [
        ("24/11/2026", None, "not month-first; it looks day-first: use --dates dmy"),
        ("24/11/2026 15:04", DateOrder.MDY, "not month-first; it looks day-first: use --dates dmy"),
        ("11/24/2026", DateOrder.DMY, "not day-first; it looks month-first: use --dates mdy"),
        ("05-03-2026", None, "dashes leave the order open: say it with --dates mdy or --dates dmy"),
        (
            "24/11/26",
            None,
            "not month-first; it looks day-first or year-first: use --dates dmy or --dates ymd",
        ),
        ("24/11/2026", DateOrder.YMD, "not year-first; it looks day-first: use --dates dmy"),
    ],
)
def test_a_date_the_order_cannot_read_is_refused_naming_the_order_it_fits(
    text: str, dates: DateOrder | None, says: str
) -> None:
    with pytest.raises(LocaleMismatch) as caught:
        parse_timestamp(text, dates)
    assert str(caught.value) == f"not a date or time: {text!r}: {says}"


@pytest.mark.parametrize("dates", [None, *DateOrder])
def test_a_date_no_order_can_read_is_simply_not_a_date(dates: DateOrder | None) -> None:
    with pytest.raises(ValueError, match=r"^not a date or time: '31/31/2024'$") as caught:
        parse_timestamp("31/31/2024", dates)
    assert not isinstance(caught.value, LocaleMismatch)


@given(st.dates(min_value=date(1970, 1, 1), max_value=date(2068, 12, 31)))
def test_every_order_reads_back_what_it_wrote(day: date) -> None:
    written = {
        DateOrder.DMY: f"{day.day}/{day.month}/{day.year}",
        DateOrder.MDY: f"{day.month:02}/{day.day:02}/{day.year % 100:02}",
        DateOrder.YMD: f"{day.year % 100:02}.{day.month}.{day.day}",
    }
    for order, text in written.items():
        assert parse_date(text, order) == day, (order, text)
