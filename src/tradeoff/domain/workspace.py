"""Workspace settings: who "we" are, so internal people can be told from customers."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from tradeoff.domain.rules import RuleViolation, currency_code, non_negative, required_text


def email_domain(email: str | None) -> str | None:
    """The domain part of an address, lower-case; None when the text is not an address."""
    if not email or "@" not in email:
        return None
    domain = email.rsplit("@", 1)[1].strip().lower().rstrip(".")
    return domain or None


@dataclass(kw_only=True)
class WorkspaceSettings:
    company_name: str = "Our company"
    internal_email_domains: list[str] = field(default_factory=list)
    base_currency: str = "USD"
    #: Demand decays with age: an item this many days old counts half (principle 2: fresh).
    demand_half_life_days: int = 180
    #: A churned account's evidence from this many days before churn explains the churn.
    churn_window_days: int = 90

    def __post_init__(self) -> None:
        for name in ("demand_half_life_days", "churn_window_days"):
            if getattr(self, name) < 1:
                raise RuleViolation(name, "must be at least one day")
        self.company_name = required_text("company_name", self.company_name)
        self.internal_email_domains = sorted(
            {d.strip().lower().lstrip("@") for d in self.internal_email_domains if d.strip()}
        )
        base = currency_code("base_currency", self.base_currency)
        if base is None:
            raise RuleViolation("base_currency", "must be set")
        self.base_currency = base

    def is_internal_email(self, email: str | None) -> bool:
        """True for our own people, including sub-domains (``eu.example.com``)."""
        domain = email_domain(email)
        if domain is None:
            return False
        return any(domain == d or domain.endswith("." + d) for d in self.internal_email_domains)


@dataclass(kw_only=True)
class CurrencyRate:
    """What one unit of ``currency`` is worth in the workspace's base currency, as the user
    says: figures mixing currencies are converted with it, or say that they cannot be."""

    currency: str
    per_base: Decimal

    def __post_init__(self) -> None:
        code = currency_code("currency", self.currency)
        if code is None:
            raise RuleViolation("currency", "must be set")
        self.currency = code
        rate = non_negative("per_base", self.per_base)
        if rate is None or rate == 0:
            raise RuleViolation("per_base", "must be a positive number")
        self.per_base = rate
