"""The workspace's own settings row."""

from __future__ import annotations

from sqlalchemy.orm import Session

from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.storage.tables import WorkspaceSettingsRow

SETTINGS_ID = 1


def load_workspace_settings(session: Session) -> WorkspaceSettings:
    """The stored settings, or the defaults for a workspace nobody has configured yet."""
    row = session.get(WorkspaceSettingsRow, SETTINGS_ID)
    if row is None:
        return WorkspaceSettings()
    return WorkspaceSettings(
        company_name=row.company_name,
        internal_email_domains=list(row.internal_email_domains),
        base_currency=row.base_currency,
        demand_half_life_days=row.demand_half_life_days,
        churn_window_days=row.churn_window_days,
    )


def save_workspace_settings(session: Session, settings: WorkspaceSettings) -> WorkspaceSettings:
    row = session.get(WorkspaceSettingsRow, SETTINGS_ID)
    if row is None:
        row = WorkspaceSettingsRow(id=SETTINGS_ID)
        session.add(row)
    row.company_name = settings.company_name
    row.internal_email_domains = list(settings.internal_email_domains)
    row.base_currency = settings.base_currency
    row.demand_half_life_days = settings.demand_half_life_days
    row.churn_window_days = settings.churn_window_days
    session.flush()
    return load_workspace_settings(session)
