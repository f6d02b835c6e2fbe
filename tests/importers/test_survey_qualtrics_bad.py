"""A Qualtrics export whose ImportId row is malformed past what JSON's parser takes.

A cell of that row nested thousands of brackets deep (a corrupted or hostile file) made
Python's JSON parser raise ``RecursionError``, which no importer catches: the import ended in
a traceback. It now stops as every bad input does, naming the file, line and column, exit 2,
with nothing written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.cli.helpers import run_cli
from tests.importers.exports import snapshot
from tests.importers.test_survey_qualtrics import QA_HEADER, QA_ROWS, qualtrics_csv

#: The QA export's ImportId cell of Q2, with a value nested 5,000 lists deep.
DEEP = '{""ImportId"":""QID2_TEXT"",""x"":' + "[" * 5000 + "]" * 5000 + "}"


def test_a_too_deeply_nested_importid_cell_names_its_line_and_column(
    ledgerly: Engine, workspace_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import_ids = QA_HEADER[2].replace('{""ImportId"":""QID2_TEXT""}', DEEP)
    assert import_ids != QA_HEADER[2]
    path = qualtrics_csv(tmp_path, QA_ROWS, [*QA_HEADER[:2], import_ids])

    refused = run_cli(capsys, "--db", workspace_url, "import", "survey", str(path))

    assert refused.exit_code == 2
    assert "Traceback" not in refused.stderr
    assert "RecursionError" not in refused.stderr
    message = " ".join(refused.stderr.split())
    assert f"{path}, line 3, column 'Q2': the ImportId cell is nested too deeply" in message
    assert snapshot(ledgerly).counts == (0, 0, 0, 0)


def test_a_cell_that_is_not_json_still_reads_as_saying_nothing(
    ledgerly: Engine, workspace_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The company column's ImportId cut short: read as no ImportId, the import goes on."""
    import_ids = QA_HEADER[2].replace('{""ImportId"":""company""}', '{""ImportId"":""comp')
    path = qualtrics_csv(tmp_path, QA_ROWS, [*QA_HEADER[:2], import_ids])

    done = run_cli(capsys, "--db", workspace_url, "import", "survey", str(path))

    assert done.exit_code == 0, done.stderr
    assert snapshot(ledgerly).counts[0] == 3
