"""Customer and prospect accounts, and the people who speak for them or for us."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from tradeoff.domain.enums import AccountLifecycle, PersonRole
from tradeoff.domain.rules import (
    RuleViolation,
    calendar_date,
    currency_code,
    member,
    non_negative,
    optional_text,
    required_text,
    utc,
)


@dataclass(kw_only=True)
class Account:
    id: int | None = None
    name: str
    domain: str | None = None
    segment: str | None = None
    plan: str | None = None
    arr: Decimal | None = None
    currency: str | None = None
    employees: int | None = None
    region: str | None = None
    lifecycle: AccountLifecycle = AccountLifecycle.PROSPECT
    churned_at: datetime | None = None
    renewal_on: date | None = None
    source: str | None = None
    external_id: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    import_batch_id: int | None = None

    def __post_init__(self) -> None:
        self.name = required_text("name", self.name)
        self.domain = optional_text(self.domain.lower() if self.domain else None, "domain")
        self.segment = optional_text(self.segment, "segment")
        self.plan = optional_text(self.plan, "plan")
        self.region = optional_text(self.region, "region")
        self.arr = non_negative("arr", self.arr)
        self.currency = currency_code("currency", self.currency)
        if self.arr is not None and self.currency is None:
            raise RuleViolation("currency", "an ARR needs its currency")
        if self.employees is not None and self.employees < 0:
            raise RuleViolation("employees", f"must not be negative, got {self.employees}")
        self.lifecycle = member("lifecycle", AccountLifecycle, self.lifecycle)
        self.churned_at = utc("churned_at", self.churned_at)
        self.renewal_on = calendar_date("renewal_on", self.renewal_on)
        if self.churned_at is not None and self.lifecycle is not AccountLifecycle.CHURNED:
            raise RuleViolation("churned_at", "only a churned account has a churn date")
        if (self.source is None) != (self.external_id is None):
            raise RuleViolation("external_id", "source and external id go together")


@dataclass(kw_only=True)
class Person:
    id: int | None = None
    name: str | None = None
    email: str | None = None
    account_id: int | None = None
    role: PersonRole = PersonRole.UNKNOWN
    source: str | None = None
    external_id: str | None = None
    import_batch_id: int | None = None

    def __post_init__(self) -> None:
        self.name = optional_text(self.name, "name")
        self.email = optional_text(self.email.lower() if self.email else None, "email")
        if self.email is not None and "@" not in self.email:
            raise RuleViolation("email", f"{self.email!r} is not an email address")
        if self.name is None and self.email is None:
            raise RuleViolation("name", "a person needs a name or an email")
        self.role = member("role", PersonRole, self.role)
        if (self.source is None) != (self.external_id is None):
            raise RuleViolation("external_id", "source and external id go together")

    @property
    def label(self) -> str:
        return self.name or self.email or "unknown"
