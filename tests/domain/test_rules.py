"""The shared rules every domain object applies: what each refuses and how it normalises."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from tradeoff.domain.enums import AccountLifecycle, CompetitorRelation, RoadmapStatus
from tradeoff.domain.rules import (
    RuleViolation,
    calendar_date,
    currency_code,
    member,
    non_negative,
    optional_text,
    quarter,
    required_text,
    unit_interval,
    utc,
)

MUMBAI = timezone(timedelta(hours=5, minutes=30))
NEW_YORK_WINTER = timezone(timedelta(hours=-5))


def test_a_rule_violation_names_its_field_and_is_a_value_error() -> None:
    error = RuleViolation("arr", "must not be negative, got -1")
    assert isinstance(error, ValueError)
    assert error.field == "arr"
    assert error.message == "must not be negative, got -1"
    assert str(error) == "arr: must not be negative, got -1"


@pytest.mark.parametrize("value", ["", "   ", "\t\n", None])
def test_required_text_refuses_blank_or_missing_text(value: str) -> None:
    with pytest.raises(RuleViolation, match="must not be empty") as caught:
        required_text("statement", value)
    assert caught.value.field == "statement"


def test_required_text_trims_whitespace_but_keeps_hostile_content_verbatim() -> None:
    assert required_text("name", "  Zoë O'Brien \n") == "Zoë O'Brien"
    assert required_text("text", "<script>alert(1)</script>") == "<script>alert(1)</script>"
    assert required_text("text", '=HYPERLINK("http://x.test","hi")') == (
        '=HYPERLINK("http://x.test","hi")'
    )


def test_optional_text_turns_blank_into_none() -> None:
    assert optional_text(None, "segment") is None
    assert optional_text("   ", "segment") is None
    assert optional_text("  Enterprise ", "segment") == "Enterprise"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("48000.50"), Decimal("48000.50")),
        (12, Decimal(12)),
        (0, Decimal(0)),
        # Through the float's text, so 0.1 stays 0.1 and not 0.1000000000000000055...
        (0.1, Decimal("0.1")),
        (None, None),
    ],
)
def test_non_negative_accepts_zero_and_positive_amounts_as_exact_decimals(
    value: Decimal | int | float | None, expected: Decimal | None
) -> None:
    assert non_negative("amount", value) == expected
    if expected is not None:
        assert str(non_negative("amount", value)) == str(expected)


@pytest.mark.parametrize("value", [Decimal("-0.01"), -1, -12500.0])
def test_non_negative_refuses_negative_amounts(value: Decimal | int | float) -> None:
    with pytest.raises(RuleViolation, match="must not be negative") as caught:
        non_negative("arr", value)
    assert caught.value.field == "arr"


@pytest.mark.parametrize(
    "value", [float("inf"), float("nan"), Decimal("NaN"), Decimal("-Infinity")]
)
def test_non_negative_refuses_non_finite_numbers(value: Decimal | float) -> None:
    with pytest.raises(RuleViolation, match="must be a finite number"):
        non_negative("amount", value)


@pytest.mark.parametrize("value", [0, 0.0, 0.5, 1, 1.0])
def test_unit_interval_accepts_the_closed_interval(value: float) -> None:
    assert unit_interval("score", value) == float(value)
    assert isinstance(unit_interval("score", value), float)


@pytest.mark.parametrize("value", [-0.01, 1.0001, 42, float("nan")])
def test_unit_interval_refuses_values_outside_zero_to_one(value: float) -> None:
    with pytest.raises(RuleViolation, match="must be between 0 and 1") as caught:
        unit_interval("score", value)
    assert caught.value.field == "score"


def test_unit_interval_keeps_unknown_as_none() -> None:
    assert unit_interval("confidence", None) is None


@pytest.mark.parametrize(
    ("value", "expected"), [("gbp", "GBP"), (" eur ", "EUR"), ("JPY", "JPY"), ("", None)]
)
def test_currency_code_is_stored_upper_case(value: str, expected: str | None) -> None:
    assert currency_code("currency", value) == expected


@pytest.mark.parametrize("value", ["EURO", "£", "US", "U$D", "12€", "GB P"])
def test_currency_code_refuses_anything_but_three_letters(value: str) -> None:
    with pytest.raises(RuleViolation, match="three-letter currency code") as caught:
        currency_code("currency", value)
    assert repr(value) in caught.value.message


def test_utc_takes_a_naive_timestamp_to_be_utc_already() -> None:
    naive = datetime(2026, 3, 29, 0, 30, 15, 123456)
    assert utc("created_at", naive) == datetime(2026, 3, 29, 0, 30, 15, 123456, tzinfo=UTC)
    assert utc("created_at", naive).tzinfo is UTC  # type: ignore[union-attr]


def test_utc_converts_an_aware_timestamp_to_utc() -> None:
    in_mumbai = datetime(2026, 1, 15, 9, 0, tzinfo=MUMBAI)
    converted = utc("created_at", in_mumbai)
    assert converted is not None
    assert converted.tzinfo is UTC
    assert (converted.year, converted.month, converted.day) == (2026, 1, 15)
    assert (converted.hour, converted.minute) == (3, 30)

    late_in_new_york = utc("closed_at", datetime(2025, 12, 31, 22, 0, tzinfo=NEW_YORK_WINTER))
    assert late_in_new_york == datetime(2026, 1, 1, 3, 0, tzinfo=UTC)
    assert late_in_new_york.tzinfo is UTC  # type: ignore[union-attr]


@pytest.mark.parametrize("value", [date(2026, 1, 15), "2026-01-15T09:00:00Z", 1768467600])
def test_utc_refuses_what_is_not_a_timestamp(value: object) -> None:
    with pytest.raises(RuleViolation, match="must be a timestamp"):
        utc("created_at", value)  # type: ignore[arg-type]


def test_calendar_date_refuses_a_timestamp_where_a_day_is_meant() -> None:
    assert calendar_date("renewal_on", date(2026, 6, 30)) == date(2026, 6, 30)
    assert calendar_date("renewal_on", None) is None
    with pytest.raises(RuleViolation, match="must be a date"):
        calendar_date("renewal_on", datetime(2026, 6, 30, 12, 0))
    with pytest.raises(RuleViolation, match="must be a date"):
        calendar_date("renewal_on", "2026-06-30")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" Customer ", AccountLifecycle.CUSTOMER),
        ("CHURNED", AccountLifecycle.CHURNED),
        (AccountLifecycle.PROSPECT, AccountLifecycle.PROSPECT),
    ],
)
def test_member_coerces_text_to_the_enum(text: str, expected: AccountLifecycle) -> None:
    assert member("lifecycle", AccountLifecycle, text) is expected


def test_member_reads_spaces_and_hyphens_as_underscores() -> None:
    assert member("status", RoadmapStatus, "In Progress") is RoadmapStatus.IN_PROGRESS
    assert member("relation", CompetitorRelation, "lost-to") is CompetitorRelation.LOST_TO


def test_member_names_the_allowed_values_when_refusing() -> None:
    with pytest.raises(RuleViolation) as caught:
        member("lifecycle", AccountLifecycle, "zombie")
    assert caught.value.field == "lifecycle"
    assert caught.value.message == "'zombie' is not one of: prospect, customer, churned"


@pytest.mark.parametrize(("text", "expected"), [("2026Q3", "2026Q3"), (" 2027q1 ", "2027Q1")])
def test_quarter_is_written_like_2026q3(text: str, expected: str) -> None:
    assert quarter("period", text) == expected


@pytest.mark.parametrize(
    "text", ["2026Q5", "2026Q0", "26Q3", "2026-Q3", "Q3 2026", "2026 Q3", "2026", "", "2026Q3Q"]
)
def test_quarter_refuses_other_spellings(text: str) -> None:
    with pytest.raises(RuleViolation, match="must be a quarter like 2026Q3"):
        quarter("period", text)
