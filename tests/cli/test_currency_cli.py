"""``tradeoff currency``: the rates a person gives, and what a bad one must never do."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from tests.business.world import RATES, TODAY, build_world
from tests.cli.helpers import run_cli
from tradeoff.storage.currency import rates, unusable_rates
from tradeoff.storage.session import read_session

AS_OF = TODAY.date().isoformat()
RANGE = "the rate must be from 0.00000001 to 9999999999999999.99999999"
PLAIN = (
    "the rate must be a plain decimal number such as 1.27 (digits and at most one decimal point)"
)
HUGE = "1" + "0" * 400
TINY = "0." + "0" * 29 + "1"


@pytest.fixture
def northwind(engine: Engine, workspace_url: str) -> str:
    """Northwind Ledger: USD, with GBP and EUR rates and JPY amounts that have none."""
    build_world(engine)
    return workspace_url


def stored(engine: Engine) -> dict[str, Decimal]:
    with read_session(engine) as session:
        return rates(session)


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        # Stored as Infinity by SQLite, turning every sum into Infinity.
        (HUGE, f"{RANGE}, got '{HUGE}'"),
        # Stored as 0E-8: zero at the column's eight decimals.
        (TINY, f"{RANGE}, got '{TINY}'"),
        ("0.000000004", f"{RANGE}, got '0.000000004'"),
        # Sixteen digits before the point is the column's limit, and this rounds up past it.
        ("10000000000000000", f"{RANGE}, got '10000000000000000'"),
        ("9999999999999999.999999999", f"{RANGE}, got '9999999999999999.999999999'"),
        # Only digits and one point: not what else Python's Decimal reads.
        ("NaN", f"{PLAIN}, got 'NaN'"),
        ("inf", f"{PLAIN}, got 'inf'"),
        ("-inf", f"{PLAIN}, got '-inf'"),
        ("Infinity", f"{PLAIN}, got 'Infinity'"),
        ("lots", f"{PLAIN}, got 'lots'"),
        ("", f"{PLAIN}, got ''"),
        ("1_0", f"{PLAIN}, got '1_0'"),  # Decimal reads 10
        ("1e3", f"{PLAIN}, got '1e3'"),  # Decimal reads 1000
        ("1e400", f"{PLAIN}, got '1e400'"),
        ("1,10", f"{PLAIN}, got '1,10'"),  # no decimal comma: no rate takes one
        ("1.2.3", f"{PLAIN}, got '1.2.3'"),
        ("+1", f"{PLAIN}, got '+1'"),
        ("\u0661", f"{PLAIN}, got '\u0661'"),  # an Arabic-Indic one, which Decimal reads
        ("0", "the rate must be a positive number, got 0"),
        ("0.00", "the rate must be a positive number, got 0.00"),
        ("-1", "the rate must be a positive number, got -1"),
        ("-0.5", "the rate must be a positive number, got -0.5"),
    ],
)
def test_a_rate_the_column_cannot_keep_is_refused_and_nothing_stored(
    capsys: pytest.CaptureFixture[str], northwind: str, engine: Engine, rate: str, message: str
) -> None:
    for code in ("JPY", "EUR"):  # one with no rate yet, one whose rate must stay
        result = run_cli(capsys, "--db", northwind, "currency", "set", code, "--", rate)
        assert (result.exit_code, result.stdout) == (2, "")
        assert result.stderr == f"error: {message}\n"
    assert stored(engine) == RATES


@pytest.mark.parametrize(
    ("rate", "kept"),
    [
        ("0.0067", "0.0067"),
        ("0.006700001", "0.0067"),  # PostgreSQL would round it so; SQLite keeps the same
        ("0.000000005", "0.00000001"),  # still positive at eight decimals
        ("1000", "1000"),
        (" 1.5 ", "1.5"),
    ],
)
def test_a_rate_is_stored_and_shown_as_the_column_keeps_it(
    capsys: pytest.CaptureFixture[str], northwind: str, engine: Engine, rate: str, kept: str
) -> None:
    result = run_cli(capsys, "--db", northwind, "currency", "set", "jpy", rate)
    assert (result.exit_code, result.stdout) == (0, f"1 JPY = {kept} USD\n"), result.stderr
    assert stored(engine) == {**RATES, "JPY": Decimal(kept)}


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        # As typed, without "--": a negative rate is refused in our words, not Click's
        # "No such option: -1".
        ("-1", "the rate must be a positive number, got -1"),
        ("-0.5", "the rate must be a positive number, got -0.5"),
        ("-x", f"{PLAIN}, got '-x'"),
        ("0", "the rate must be a positive number, got 0"),
        ("1_0", f"{PLAIN}, got '1_0'"),
    ],
)
def test_a_bad_rate_as_typed_is_one_line_and_nothing_stored(
    capsys: pytest.CaptureFixture[str], northwind: str, engine: Engine, rate: str, message: str
) -> None:
    result = run_cli(capsys, "--db", northwind, "currency", "set", "EUR", rate)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"error: {message}\n"
    assert stored(engine) == RATES


def test_the_largest_rate_the_column_keeps_is_accepted(
    capsys: pytest.CaptureFixture[str], northwind: str, engine: Engine
) -> None:
    largest = "9999999999999999.99999999"
    result = run_cli(capsys, "--db", northwind, "currency", "set", "JPY", largest)
    assert (result.exit_code, result.stdout) == (0, f"1 JPY = {largest} USD\n"), result.stderr
    # PostgreSQL keeps every digit; SQLite stores the column as a float (1e16).
    assert stored(engine)["JPY"] in {Decimal(largest), Decimal("1e16")}


def test_the_base_currency_has_no_rate_to_delete(
    capsys: pytest.CaptureFixture[str], northwind: str, engine: Engine
) -> None:
    result = run_cli(capsys, "--db", northwind, "currency", "delete", "usd")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "error: USD is the base currency: it has no rate to delete\n"
    missing = run_cli(capsys, "--db", northwind, "currency", "delete", "JPY")
    assert (missing.exit_code, missing.stderr) == (1, "error: there is no rate for JPY\n")
    assert stored(engine) == RATES


def _corrupt_eur_rate(engine: Engine) -> str:
    """Write the rate an earlier version let through, as it lies in each database:
    SQLite kept ``1e400`` as Infinity; PostgreSQL refuses that, but takes NaN."""
    value = "9e999" if engine.dialect.name == "sqlite" else "'NaN'::numeric"
    with engine.begin() as connection:
        connection.execute(
            text(f"UPDATE currency_rates SET per_base = {value} WHERE currency = 'EUR'")  # noqa: S608 - a literal
        )
    return "Infinity" if engine.dialect.name == "sqlite" else "NaN"


def test_a_stored_rate_that_is_no_rate_is_left_out_as_if_never_given(
    capsys: pytest.CaptureFixture[str], northwind: str, engine: Engine
) -> None:
    """Every figure reads EUR as a currency with no rate: the same whole output as after
    deleting it, never an internal error or an Infinity in a total."""
    # The first ``sales`` files the lost deals in the loss taxonomy and says so: done here,
    # so the runs compared below differ only by the rate.
    assert run_cli(capsys, "--db", northwind, "sales").exit_code == 0
    shown = _corrupt_eur_rate(engine)
    with read_session(engine) as session:
        assert (rates(session), list(unusable_rates(session))) == (
            {"GBP": RATES["GBP"]},
            ["EUR"],
        )
    commands = (
        ("sales",),
        ("sales", "--format", "json"),
        ("demand", "--as-of", AS_OF),
        ("demand", "--as-of", AS_OF, "--format", "csv"),
        ("competitors", "--format", "csv"),
    )
    with_bad_rate = [run_cli(capsys, "--db", northwind, *command) for command in commands]
    assert [r.exit_code for r in with_bad_rate] == [0] * len(commands)
    assert not any("Infinity" in r.stdout or "NaN" in r.stdout for r in with_bad_rate)
    listed = run_cli(capsys, "--db", northwind, "currency", "list")
    assert " ".join(listed.stdout.split()) == (
        "base currency: USD currency ┃ 1 unit in USD ━━━━━━━━━━╇━━━━━━━━━━━━━━━ GBP │ "
        f"1.27000000 the stored rate of EUR ({shown}) is not a usable rate: its amounts are "
        "reported unconverted until it is set again (tradeoff currency set EUR RATE) "
        "no rate for JPY: amounts in them are reported, not added (tradeoff currency set JPY "
        "RATE)"
    )

    assert run_cli(capsys, "--db", northwind, "currency", "delete", "EUR").exit_code == 0
    without_rate = [run_cli(capsys, "--db", northwind, *command) for command in commands]
    assert [r.stdout for r in with_bad_rate] == [r.stdout for r in without_rate]
