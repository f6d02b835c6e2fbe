"""Workspace settings, accounts and people."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, validates

from tradeoff.domain.enums import AccountLifecycle, PersonRole
from tradeoff.domain.names import company_name_key, person_name_key
from tradeoff.storage.tables.base import Base
from tradeoff.storage.types import MONEY, RATE, UTCDateTime, enum_column


def _person_key(name: str | None) -> str | None:
    return person_name_key(name) if name else None


class WorkspaceSettingsRow(Base):
    """A single row (id = 1): the workspace's own identity."""

    __tablename__ = "workspace_settings"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    company_name: Mapped[str] = mapped_column(String(200))
    internal_email_domains: Mapped[list[str]]
    base_currency: Mapped[str] = mapped_column(String(3))
    demand_half_life_days: Mapped[int] = mapped_column(default=180, server_default="180")
    churn_window_days: Mapped[int] = mapped_column(default=90, server_default="90")


class CurrencyRateRow(Base):
    """The user's rate for one currency: one unit is worth ``per_base`` base currency."""

    __tablename__ = "currency_rates"
    __table_args__ = (CheckConstraint("per_base > 0", name="rate_positive"),)

    currency: Mapped[str] = mapped_column(String(3), primary_key=True)
    per_base: Mapped[Decimal] = mapped_column(RATE)


class AccountRow(Base):
    __tablename__ = "accounts"
    __table_args__ = (
        UniqueConstraint("source", "external_id"),
        CheckConstraint("arr IS NULL OR arr >= 0", name="arr_not_negative"),
        CheckConstraint("employees IS NULL OR employees >= 0", name="employees_not_negative"),
        CheckConstraint("arr IS NULL OR currency IS NOT NULL", name="arr_has_currency"),
        CheckConstraint(
            "churned_at IS NULL OR lifecycle = 'churned'", name="churn_date_only_when_churned"
        ),
        # Demand's churn window starts from the churned accounts (migration 0009).
        Index("ix_accounts_lifecycle_churned_at", "lifecycle", "churned_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    #: The folded name accounts are matched on across sources (SQL lower() is ASCII-only).
    name_key: Mapped[str] = mapped_column(
        String(300),
        index=True,
        default=lambda ctx: company_name_key(ctx.get_current_parameters()["name"]),
    )
    domain: Mapped[str | None] = mapped_column(String(255), index=True)
    segment: Mapped[str | None] = mapped_column(String(100), index=True)
    plan: Mapped[str | None] = mapped_column(String(100))
    arr: Mapped[Decimal | None] = mapped_column(MONEY)
    currency: Mapped[str | None] = mapped_column(String(3))
    employees: Mapped[int | None]
    region: Mapped[str | None] = mapped_column(String(100))
    lifecycle: Mapped[AccountLifecycle] = mapped_column(
        enum_column(AccountLifecycle, "account_lifecycle")
    )
    churned_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    renewal_on: Mapped[date | None]
    source: Mapped[str | None] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(String(255))
    attributes: Mapped[dict[str, str]]
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )

    @validates("name")
    def _keep_name_key(self, _key: str, name: str) -> str:
        self.name_key = company_name_key(name)
        return name


class PersonRow(Base):
    __tablename__ = "people"
    __table_args__ = (UniqueConstraint("source", "external_id"), UniqueConstraint("email"))

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300))
    name_key: Mapped[str | None] = mapped_column(
        String(300),
        index=True,
        default=lambda ctx: _person_key(ctx.get_current_parameters().get("name")),
    )
    email: Mapped[str | None] = mapped_column(String(320))
    account_id: Mapped[int | None] = mapped_column(
        ForeignKey("accounts.id", ondelete="SET NULL"), index=True
    )
    role: Mapped[PersonRole] = mapped_column(enum_column(PersonRole, "person_role"))
    source: Mapped[str | None] = mapped_column(String(64))
    external_id: Mapped[str | None] = mapped_column(String(255))
    import_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batches.id", ondelete="SET NULL"), index=True
    )

    @validates("name")
    def _keep_name_key(self, _key: str, name: str | None) -> str | None:
        self.name_key = _person_key(name)
        return name


class ExternalKeyRow(Base):
    """Every id a source system uses for an account or person, so one Account can be
    Zendesk organisation 123 and Salesforce account 0015g00000AbCdE at once."""

    __tablename__ = "external_keys"

    entity: Mapped[str] = mapped_column(String(16), primary_key=True)
    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    external_id: Mapped[str] = mapped_column(String(255), primary_key=True)
    record_id: Mapped[int] = mapped_column(index=True)

    __table_args__ = (CheckConstraint("entity IN ('account', 'person')", name="known_entity"),)
