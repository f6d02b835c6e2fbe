"""Workspace settings: who "we" are, so internal people can be told from customers."""

from __future__ import annotations

from dataclasses import dataclass, field

from tradeoff.domain.rules import RuleViolation, currency_code, required_text


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

    def __post_init__(self) -> None:
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
