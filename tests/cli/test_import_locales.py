"""``--dates`` and ``--decimal`` as a user types them: a German export in, read back out."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.exports import snapshot, utc, write_export

#: A German spreadsheet export: cp1252, ';', day-first slashed dates, decimal commas.
FEEDBACK = (
    "Nr.;Kommentar;Datum;Bewertung\r\n"
    "1;Überweisungen ins Ausland dauern zu lange;24/11/2026 15:04;4,5\r\n"
    "2;Belege lassen sich nicht hochladen;03/12/2026 09:30;1,5\r\n"
)
MAP = "external_id=Nr.,text=Kommentar,created_at=Datum,rating=Bewertung"


@pytest.fixture
def workspace(capsys: pytest.CaptureFixture[str], workspace_url: str) -> str:
    result = run_cli(capsys, "--db", workspace_url, "init", "--company", "Ledgerly")
    assert result.exit_code == 0, result.stderr
    return workspace_url


def test_a_german_export_imports_with_its_locale_and_re_imports_as_unchanged(
    capsys: pytest.CaptureFixture[str], workspace: str, engine: Engine, tmp_path: Path
) -> None:
    path = write_export(tmp_path / "feedback.csv", FEEDBACK, "cp1252")
    args = ["--db", workspace, "import", "csv", str(path), "--map", MAP]

    refused = run_cli(capsys, *args)
    assert refused.exit_code == 2
    assert refused.stderr.count("\n") == 1
    assert refused.stderr.strip().endswith("it looks day-first: use --dates dmy")
    assert snapshot(engine).counts == (0, 0, 0, 0)

    imported = run_cli(capsys, *args, "--dates", "dmy", "--decimal", "comma")
    assert imported.exit_code == 0, imported.stderr
    items = {e.external_id: (e.created_at, e.rating) for e in snapshot(engine).evidence}
    assert items == {"1": (utc(2026, 11, 24, 15, 4), 4.5), "2": (utc(2026, 12, 3, 9, 30), 1.5)}

    again = run_cli(capsys, *args, "--dates", "dmy", "--decimal", "comma")
    assert again.exit_code == 0, again.stderr
    assert "already imported" in " ".join(again.stdout.split())
    assert snapshot(engine).counts[0] == 2


@pytest.mark.parametrize("source", ["csv", "zendesk", "freshdesk", "survey", "metrics"])
def test_each_import_command_documents_the_locale_options(
    capsys: pytest.CaptureFixture[str], source: str
) -> None:
    result = run_cli(capsys, "import", source, "--help")
    shown = " ".join(result.stdout.split())
    assert "--dates" in shown
    assert "Order of numeric dates: dmy (24/11/2026, 24.11.26)" in shown
    assert ("--decimal" in shown) == (source in {"csv", "survey", "metrics"})
