"""A Typeform question with a comma in it ("Anything else, if anything?") heads its column:
a QA tester followed the error's --map advice and was refused, since --map splits at
commas. The error now says to quote it, and the quoted column imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from tests.cli.helpers import run_cli

QUESTION = "Anything else, if anything?"
SCORE = "How likely are you to recommend Tracewell to a colleague?"
EXPORT = (
    f'#,{SCORE},"{QUESTION}",email,Response Type,Start Date (UTC),Stage Date (UTC),'
    "Submit Date (UTC),Network ID,Tags\n"
    'k3l9x2,3,"Alerts fire twice, every night.",ana@acme.example,completed,'
    "2026-11-02 10:00:00,,2026-11-02 10:01:00,ab12,\n"
)


def test_the_error_says_to_quote_and_the_quoted_column_imports(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    path = tmp_path / "responses.csv"
    path.write_text(EXPORT, encoding="utf-8")

    refused = run_cli(capsys, "--db", workspace_url, "import", "survey", str(path))
    assert refused.exit_code == 2
    assert "in double quotes when it holds a comma" in refused.stderr
    assert "Traceback" not in refused.stderr

    mapped = f'text="{QUESTION}",rating={SCORE}'
    done = run_cli(capsys, "--db", workspace_url, "import", "survey", str(path), "--map", mapped)
    assert done.exit_code == 0, done.stderr
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT title, text, rating FROM evidence_items")).all()
    assert [tuple(r) for r in rows] == [(QUESTION, "Alerts fire twice, every night.", 3.0)]
