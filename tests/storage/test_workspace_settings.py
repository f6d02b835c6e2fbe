"""The workspace's own settings row: defaults until saved, then exactly what was saved."""

from __future__ import annotations

from sqlalchemy import Engine, func, select

from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import WorkspaceSettingsRow
from tradeoff.storage.workspace import load_workspace_settings, save_workspace_settings

TRADEWINDS = WorkspaceSettings(
    company_name="Tradewinds Software GmbH & Co. KG — Zoë's team <b>",
    internal_email_domains=["tradewinds.io", "tradewinds-labs.com"],
    base_currency="eur",
)


def test_an_unconfigured_workspace_has_the_defaults(engine: Engine) -> None:
    with read_session(engine) as session:
        assert load_workspace_settings(session) == WorkspaceSettings()


def test_saved_settings_are_loaded_back_whole(engine: Engine) -> None:
    with write_session(engine) as session:
        returned = save_workspace_settings(session, TRADEWINDS)
    assert returned == TRADEWINDS
    with read_session(engine) as session:
        loaded = load_workspace_settings(session)
    assert loaded == TRADEWINDS
    assert loaded.base_currency == "EUR"
    assert loaded.internal_email_domains == ["tradewinds-labs.com", "tradewinds.io"]
    assert loaded.is_internal_email("priya.raman@eu.tradewinds.io")


def test_saving_again_replaces_the_single_row(engine: Engine) -> None:
    renamed = WorkspaceSettings(company_name="Tradewinds", base_currency="GBP")
    with write_session(engine) as session:
        save_workspace_settings(session, TRADEWINDS)
    with write_session(engine) as session:
        save_workspace_settings(session, renamed)
    with read_session(engine) as session:
        assert load_workspace_settings(session) == renamed
        assert session.scalar(select(func.count()).select_from(WorkspaceSettingsRow)) == 1
