"""A group of leftovers is a new topic only when its members resemble one another more
than the group resembles a theme, each member measured against the others, not against a
centre it is part of: with every topic known, nothing arriving is held back as new."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, select

from tests.analysis.test_new_topic import write_tickets
from tests.analysis.themed import SUBSET, intent_rows
from tests.cli.helpers import run_cli
from tradeoff.analysis.cluster.closeness import apart_closeness
from tradeoff.storage.session import read_session
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow


def every_intent() -> tuple[str, ...]:
    """The subset's 28 Banking77 intents: their themes are found from half their queries,
    and the other half arrives later — nothing new arrives."""
    with SUBSET.open(encoding="utf-8", newline="") as handle:
        return tuple(sorted({row["category"] for row in csv.DictReader(handle)}))


def test_apart_closeness_is_each_rows_cosine_with_the_mean_of_the_others() -> None:
    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(9, 6)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    labels = np.array([0, 0, 0, 2, 2, 2, 2, 5, 0], dtype=np.int64)
    expected = []
    for row, label in enumerate(labels):
        others = [v for k, v in enumerate(vectors) if labels[k] == label and k != row]
        if not others:
            expected.append(0.0)
            continue
        mean = np.mean(others, axis=0)
        expected.append(float(vectors[row] @ mean / np.linalg.norm(mean)))
    assert apart_closeness(vectors, labels).tolist() == pytest.approx(expected, abs=1e-5)


def unsorted_of(engine: Engine, external_ids: list[str]) -> set[str]:
    with read_session(engine) as session:
        filed = set(
            session.scalars(
                select(EvidenceItemRow.external_id)
                .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
                .where(EvidenceItemRow.external_id.in_(external_ids))
            )
        )
    return set(external_ids) - filed


def test_known_topics_arriving_again_are_no_new_topic(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    # Before, each member was measured against its group's centre, a tenth or a fifth of
    # which is the member itself: groups of loose items of known intents looked tight, and
    # 24 queries were held back as "a new topic" though every intent has its theme.
    rows = intent_rows(every_intent())
    first = write_tickets(tmp_path / "first.csv", rows[::2], 0)
    assert run_cli(capsys, "--db", workspace_url, "import", "csv", str(first)).exit_code == 0
    assert run_cli(capsys, "--db", workspace_url, "analyze").exit_code == 0
    later = write_tickets(tmp_path / "later.csv", rows[1::2], 10_000)
    assert run_cli(capsys, "--db", workspace_url, "import", "csv", str(later)).exit_code == 0
    result = run_cli(capsys, "--db", workspace_url, "analyze")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stdout.split())
    assert re.search(r"arrived since the last rebuild", said) is None, said
    arrived = [str(10_000 + i) for i in range(len(rows[1::2]))]
    # What stays unsorted is what sits below every theme's cut, as one at a time would.
    assert len(unsorted_of(engine, arrived)) <= 0.05 * len(arrived)
