"""Workspace settings: telling our own people from customers by their email domain."""

from __future__ import annotations

import pytest

from tradeoff.domain.rules import RuleViolation
from tradeoff.domain.workspace import WorkspaceSettings, email_domain


@pytest.fixture
def settings() -> WorkspaceSettings:
    return WorkspaceSettings(
        company_name="Tradewinds Software",
        internal_email_domains=["tradewinds.io", "@Tradewinds-Labs.COM "],
        base_currency="gbp",
    )


def test_settings_are_normalised_on_creation(settings: WorkspaceSettings) -> None:
    assert settings == WorkspaceSettings(
        company_name="Tradewinds Software",
        internal_email_domains=["tradewinds-labs.com", "tradewinds.io"],
        base_currency="GBP",
    )


def test_blank_domains_and_duplicates_are_dropped() -> None:
    settings = WorkspaceSettings(internal_email_domains=["acme.com", " ", "ACME.com", "@acme.com"])
    assert settings.internal_email_domains == ["acme.com"]


def test_defaults_describe_an_unconfigured_workspace() -> None:
    assert WorkspaceSettings() == WorkspaceSettings(
        company_name="Our company", internal_email_domains=[], base_currency="USD"
    )


def test_company_name_is_required() -> None:
    with pytest.raises(RuleViolation, match="company_name: must not be empty"):
        WorkspaceSettings(company_name="  ")


@pytest.mark.parametrize("currency", ["", "   "])
def test_base_currency_must_be_set(currency: str) -> None:
    with pytest.raises(RuleViolation, match="base_currency: must be set"):
        WorkspaceSettings(base_currency=currency)


def test_base_currency_must_be_a_currency_code() -> None:
    with pytest.raises(RuleViolation, match="three-letter currency code"):
        WorkspaceSettings(base_currency="pounds")


@pytest.mark.parametrize(
    "email",
    [
        "priya.raman@tradewinds.io",
        "PRIYA.RAMAN@TRADEWINDS.IO",
        "support@eu.tradewinds.io",
        "ops@deep.eu.tradewinds.io",
        "sales@tradewinds-labs.com",
        "cso@tradewinds.io.",
    ],
)
def test_our_people_are_internal_including_subdomains(
    settings: WorkspaceSettings, email: str
) -> None:
    assert settings.is_internal_email(email)


@pytest.mark.parametrize(
    "email",
    [
        "zoe.obrien@brightwater.co.uk",
        # Look-alike domains must not pass for ours.
        "attacker@eviltradewinds.io",
        "attacker@tradewinds.io.evil.com",
        "attacker@tradewinds.iot",
        "tradewinds.io@gmail.com",
        "no-at-sign-tradewinds.io",
        "",
        None,
    ],
)
def test_customers_and_look_alikes_are_not_internal(
    settings: WorkspaceSettings, email: str | None
) -> None:
    assert not settings.is_internal_email(email)


def test_no_email_is_internal_when_no_domain_is_configured() -> None:
    assert not WorkspaceSettings().is_internal_email("someone@tradewinds.io")


@pytest.mark.parametrize(
    ("email", "expected"),
    [
        ("Zoë.OBrien@Brightwater.CO.UK", "brightwater.co.uk"),
        ('"odd@name"@hafenlogistik.de', "hafenlogistik.de"),
        ("trailing@dot.example.", "dot.example"),
        ("nobody@", None),
        ("not an address", None),
        (None, None),
    ],
)
def test_email_domain(email: str | None, expected: str | None) -> None:
    assert email_domain(email) == expected
