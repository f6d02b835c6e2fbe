"""``tradeoff init``, ``status`` and ``db upgrade`` as a user runs them."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.cli.helpers import run_cli
from tradeoff.config import DATABASE_URL_ENV
from tradeoff.storage.engine import open_engine
from tradeoff.storage.schema import head_revision
from tradeoff.storage.session import read_session
from tradeoff.storage.workspace import load_workspace_settings


def test_init_creates_a_workspace_with_our_identity(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "ledgerly.db"
    result = run_cli(
        capsys,
        "init",
        str(path),
        "--company",
        "Ledgerly",
        "--email-domain",
        "ledgerly.example",
        "--email-domain",
        "LEDGERLY.co.uk",
        "--currency",
        "gbp",
    )
    assert result.exit_code == 0, result.stderr
    assert path.exists()
    engine = open_engine(f"sqlite:///{path}")
    with read_session(engine) as session:
        settings = load_workspace_settings(session)
    assert settings.company_name == "Ledgerly"
    assert settings.internal_email_domains == ["ledgerly.co.uk", "ledgerly.example"]
    assert settings.base_currency == "GBP"
    assert "ledgerly.co.uk, ledgerly.example" in result.stdout


def test_init_twice_keeps_settings_and_data(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = str(tmp_path / "w.db")
    assert run_cli(capsys, "init", path, "--company", "Ledgerly").exit_code == 0
    again = run_cli(capsys, "init", path)
    assert again.exit_code == 0
    assert "Company: Ledgerly" in again.stdout


def test_status_lists_counts_and_schema(
    capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    result = run_cli(capsys, "--db", workspace_url, "status")
    assert result.exit_code == 0, result.stderr
    assert f"Schema: {head_revision()} (this Tradeoff: {head_revision()})" in result.stdout
    for entity in ("accounts", "evidence items", "deals", "decisions", "roadmap items"):
        assert entity in result.stdout


def test_status_hides_the_database_password(
    capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    if not workspace_url.startswith("postgresql"):
        pytest.skip("only a server URL carries a password")
    with_password = make_url(workspace_url).set(password="s3cret-pw").render_as_string(False)
    result = run_cli(capsys, "--db", with_password, "status")
    assert "s3cret-pw" not in result.stdout + result.stderr
    assert "***" in result.stdout


def test_workspace_from_environment(
    capsys: pytest.CaptureFixture[str], workspace_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(DATABASE_URL_ENV, workspace_url)
    result = run_cli(capsys, "status")
    assert result.exit_code == 0, result.stderr


def test_missing_workspace_is_one_clear_line_and_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "typo.db"
    result = run_cli(capsys, "--db", str(missing), "status")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"error: no workspace at {missing}")
    assert "Traceback" not in result.stderr
    assert not missing.exists()


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nosuch://x", "unsupported database 'nosuch'"),
        ("postgresql+psycopg://u:pw@127.0.0.1:1/x", "cannot reach the workspace database"),
    ],
)
def test_wrong_database_url_is_one_clear_line(
    capsys: pytest.CaptureFixture[str], url: str, message: str
) -> None:
    result = run_cli(capsys, "--db", url, "status")
    assert result.exit_code != 0
    assert result.stderr.startswith("error: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1
    assert ":pw@" not in result.stderr


def test_newer_schema_is_refused_by_every_command(
    capsys: pytest.CaptureFixture[str], workspace_url: str
) -> None:
    engine = open_engine(workspace_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    for args in (["status"], ["db", "upgrade"]):
        result = run_cli(capsys, "--db", workspace_url, *args)
        assert result.exit_code == 1
        assert "newer Tradeoff" in result.stderr


def test_db_upgrade_brings_an_empty_database_to_head(
    capsys: pytest.CaptureFixture[str], empty_database_url: str
) -> None:
    if empty_database_url.startswith("sqlite"):
        Path(make_url(empty_database_url).database or "").touch()
    before = run_cli(capsys, "--db", empty_database_url, "status")
    assert before.exit_code == 1
    assert "tradeoff init" in before.stderr
    result = run_cli(capsys, "--db", empty_database_url, "db", "upgrade")
    assert result.exit_code == 0, result.stderr
    assert f"from schema empty to {head_revision()}" in result.stdout
    assert run_cli(capsys, "--db", empty_database_url, "status").exit_code == 0
    assert (
        "Already up to date" in run_cli(capsys, "--db", empty_database_url, "db", "upgrade").stdout
    )


def test_help_lists_every_command_with_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    result = run_cli(capsys, "--help")
    assert result.exit_code == 0
    for command in ("init", "status", "db", "import", "demo"):
        assert command in result.stdout


@pytest.mark.parametrize("command", [["themes"], ["status"], ["demand", "--format", "json"]])
def test_a_file_that_is_not_a_database_is_one_line_not_an_internal_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: list[str]
) -> None:
    notes = tmp_path / "notes.db"
    notes.write_text("These are my meeting notes, not a workspace.\n", encoding="utf-8")
    result = run_cli(capsys, "--db", str(notes), *command)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"error: {notes} is not a Tradeoff workspace: it is not a SQLite database "
        "(create one with 'tradeoff init')"
    ]
    assert notes.read_text(encoding="utf-8").startswith("These are my meeting notes")
