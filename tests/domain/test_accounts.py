"""Accounts and people: the rules a CRM or support export must satisfy to be stored."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal

import pytest

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.enums import AccountLifecycle, PersonRole
from tradeoff.domain.rules import RuleViolation


def test_an_account_from_a_crm_export_is_normalised() -> None:
    account = Account(
        name="  Brightwater Logistics ",
        domain="Brightwater.CO.UK",
        segment=" Mid-market ",
        plan="",
        arr=Decimal("48000.00"),
        currency="gbp",
        employees=420,
        region="EMEA",
        lifecycle=" Customer ",  # type: ignore[arg-type]
        renewal_on=date(2026, 9, 30),
        source="hubspot",
        external_id="C-1001",
        attributes={"industry": "Freight"},
    )
    assert account == Account(
        name="Brightwater Logistics",
        domain="brightwater.co.uk",
        segment="Mid-market",
        plan=None,
        arr=Decimal("48000.00"),
        currency="GBP",
        employees=420,
        region="EMEA",
        lifecycle=AccountLifecycle.CUSTOMER,
        renewal_on=date(2026, 9, 30),
        source="hubspot",
        external_id="C-1001",
        attributes={"industry": "Freight"},
    )


def test_a_churned_account_keeps_its_churn_date_in_utc() -> None:
    berlin_winter = timezone(timedelta(hours=1))
    account = Account(
        name="Hafen Logistik GmbH",
        arr=Decimal(0),
        currency="EUR",
        lifecycle="churned",  # type: ignore[arg-type]
        churned_at=datetime(2026, 2, 1, 0, 30, tzinfo=berlin_winter),
    )
    assert account.lifecycle is AccountLifecycle.CHURNED
    assert account.churned_at == datetime(2026, 1, 31, 23, 30, tzinfo=UTC)
    assert account.churned_at.tzinfo is UTC  # type: ignore[union-attr]


def test_hostile_names_are_kept_verbatim() -> None:
    account = Account(name="<script>alert('pwn')</script> Ltd")
    assert account.name == "<script>alert('pwn')</script> Ltd"
    formula = Account(name='=HYPERLINK("http://evil.test","Click")')
    assert formula.name == '=HYPERLINK("http://evil.test","Click")'


def test_an_account_needs_a_name() -> None:
    with pytest.raises(RuleViolation, match="name: must not be empty"):
        Account(name=" ")


@pytest.mark.parametrize("arr", [Decimal("-1.00"), -48000])
def test_arr_must_not_be_negative(arr: Decimal | int) -> None:
    with pytest.raises(RuleViolation, match="arr: must not be negative") as caught:
        Account(name="Brightwater Logistics", arr=arr, currency="GBP")
    assert caught.value.field == "arr"


@pytest.mark.parametrize("currency", [None, "", "  "])
def test_arr_needs_its_currency(currency: str | None) -> None:
    with pytest.raises(RuleViolation, match="an ARR needs its currency") as caught:
        Account(name="Brightwater Logistics", arr=Decimal(48000), currency=currency)
    assert caught.value.field == "currency"


def test_a_currency_without_arr_is_allowed() -> None:
    assert Account(name="Kumo Analytics KK", currency="jpy").currency == "JPY"


def test_currency_must_be_a_three_letter_code() -> None:
    with pytest.raises(RuleViolation, match="currency: must be a three-letter currency code"):
        Account(name="Brightwater Logistics", arr=Decimal(48000), currency="£")


def test_employees_must_not_be_negative() -> None:
    with pytest.raises(RuleViolation, match="employees: must not be negative"):
        Account(name="Brightwater Logistics", employees=-3)


def test_lifecycle_must_be_known_and_the_error_lists_the_allowed_values() -> None:
    with pytest.raises(RuleViolation) as caught:
        Account(name="Brightwater Logistics", lifecycle="zombie")  # type: ignore[arg-type]
    assert str(caught.value) == "lifecycle: 'zombie' is not one of: prospect, customer, churned"


@pytest.mark.parametrize("lifecycle", [AccountLifecycle.CUSTOMER, AccountLifecycle.PROSPECT])
def test_only_a_churned_account_has_a_churn_date(lifecycle: AccountLifecycle) -> None:
    with pytest.raises(RuleViolation, match="only a churned account has a churn date"):
        Account(
            name="Brightwater Logistics",
            lifecycle=lifecycle,
            churned_at=datetime(2026, 1, 31, tzinfo=UTC),
        )


def test_renewal_is_a_day_not_a_timestamp() -> None:
    with pytest.raises(RuleViolation, match="renewal_on: must be a date"):
        Account(name="Brightwater Logistics", renewal_on=datetime(2026, 9, 30, 9, 0))


@pytest.mark.parametrize(("source", "external_id"), [("hubspot", None), (None, "C-1001")])
def test_source_and_external_id_go_together(source: str | None, external_id: str | None) -> None:
    with pytest.raises(RuleViolation, match="source and external id go together"):
        Account(name="Brightwater Logistics", source=source, external_id=external_id)


def test_a_person_email_is_lower_cased_and_trimmed() -> None:
    person = Person(
        name=" Zoë O'Brien ",
        email="  Zoe.OBrien@Brightwater.CO.UK ",
        account_id=7,
        role="End User",  # type: ignore[arg-type]
    )
    assert person == Person(
        name="Zoë O'Brien",
        email="zoe.obrien@brightwater.co.uk",
        account_id=7,
        role=PersonRole.END_USER,
    )
    assert person.label == "Zoë O'Brien"


def test_a_person_known_only_by_email_is_labelled_by_it() -> None:
    person = Person(email="ops@hafenlogistik.de")
    assert person.name is None
    assert person.role is PersonRole.UNKNOWN
    assert person.label == "ops@hafenlogistik.de"


def test_a_person_needs_a_name_or_an_email() -> None:
    with pytest.raises(RuleViolation, match="a person needs a name or an email"):
        Person(name="  ", email="")


def test_an_email_needs_an_at_sign() -> None:
    with pytest.raises(RuleViolation, match=r"'zoe\.obrien' is not an email address"):
        Person(name="Zoë O'Brien", email="Zoe.OBrien")


def test_a_person_role_must_be_known() -> None:
    with pytest.raises(RuleViolation) as caught:
        Person(name="Priya Raman", role="intern")  # type: ignore[arg-type]
    assert caught.value.field == "role"
    assert caught.value.message == (
        "'intern' is not one of: end_user, buyer, champion, admin, sales, csm, support, "
        "executive, unknown"
    )


@pytest.mark.parametrize(
    ("role", "is_proxy"),
    [
        (PersonRole.SALES, True),
        (PersonRole.CSM, True),
        (PersonRole.SUPPORT, True),
        (PersonRole.EXECUTIVE, True),
        (PersonRole.END_USER, False),
        (PersonRole.BUYER, False),
        (PersonRole.CHAMPION, False),
        (PersonRole.ADMIN, False),
        (PersonRole.UNKNOWN, False),
    ],
)
def test_internal_roles_are_proxies(role: PersonRole, is_proxy: bool) -> None:
    assert role.is_internal_proxy is is_proxy


def test_a_person_source_and_external_id_go_together() -> None:
    with pytest.raises(RuleViolation, match="source and external id go together"):
        Person(name="Zoë O'Brien", source="zendesk")
