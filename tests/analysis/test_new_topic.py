"""Items that arrived since the last rebuild and say the same thing that no theme says: a
new topic, left unsorted and reported so the PM knows to rebuild, even where each item on
its own sits close enough to an old theme to be filed there."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import Engine, select

from tests.analysis.themed import intent_rows
from tests.cli.helpers import run_cli
from tradeoff.analysis.discover import DiscoverySettings, centroids_of, discover
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.new_topic import NEW_TOPIC_ITEMS, loose, new_topic_members
from tradeoff.storage.session import read_session
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow

CUT = 0.4
OLD = ("declined_card_payment", "pending_transfer", "failed_transfer", "card_arrival")
NEW = ("top_up_failed",)
#: One query each of intents no theme covers and no new topic makes.
STRAY_INTENTS = (
    "terminate_account",
    "edit_personal_details",
    "pin_blocked",
    "fiat_currency_support",
    "verify_source_of_funds",
    "request_refund",
    "getting_spare_card",
    "extra_charge_on_statement",
)


def texts_of(intents: tuple[str, ...]) -> list[str]:
    return [row["text"] for row in intent_rows(intents)]


def centres(groups: list[list[str]]) -> np.ndarray:
    embedder = StaticEmbedder()
    rows = [embedder.embed(texts).mean(axis=0) for texts in groups]
    return np.stack([row / np.linalg.norm(row) for row in rows])


def members(texts: list[str], themes: np.ndarray) -> list[str]:
    found = new_topic_members(StaticEmbedder().embed(texts), DiscoverySettings(), CUT, themes)
    return [text for text, member in zip(texts, found, strict=True) if member]


STRAYS = [texts_of((intent,))[0] for intent in STRAY_INTENTS]
OLD_THEMES = [texts_of((intent,)) for intent in OLD]


def test_new_items_saying_what_no_theme_says_are_a_new_topic() -> None:
    top_ups = texts_of(NEW)
    found = members(top_ups + STRAYS, centres(OLD_THEMES))
    assert len(set(found) & set(top_ups)) >= len(top_ups) / 2
    assert len(set(found) - set(top_ups)) <= 2


def test_items_gathered_around_a_theme_that_exists_are_no_new_topic() -> None:
    # The same complaints, but a rebuild saw them and made their (sub-)themes: however
    # tightly they group, most sit near one.
    top_ups = texts_of(NEW)
    seen = StaticEmbedder().embed([*texts_of(OLD), *top_ups])
    found = discover(seen, DiscoverySettings())
    grouped = found.subthemes >= 0
    themes = centroids_of(seen[grouped], found.subthemes[grouped])
    found_again = members(top_ups + STRAYS, themes[np.linalg.norm(themes, axis=1) > 0])
    assert len(found_again) <= len(top_ups) / 5  # against half and more with no such themes


def test_unrelated_leftovers_are_no_topic() -> None:
    assert members(STRAYS, centres(OLD_THEMES)) == []
    few = texts_of(NEW)[: NEW_TOPIC_ITEMS - 1]
    assert members(few, centres(OLD_THEMES)) == []  # too few to rebuild for


def test_no_vectors_is_no_topic() -> None:
    none = new_topic_members(
        np.zeros((0, 256), dtype=np.float32), DiscoverySettings(), CUT, np.zeros((3, 256))
    )
    assert none.shape == (0,)


def test_an_item_is_loose_in_its_themes_lowest_quarter() -> None:
    # Theme 7's items sit at 0.8 ± 0.1: its lower quartile starts near 0.733.
    spread = {7: (0.8, 0.1)}
    closeness = np.array([0.70, 0.75, 0.90, 0.10, 0.10], dtype=np.float32)
    finest = np.array([7, 7, 7, -1, 9], dtype=np.int64)
    assert loose(closeness, finest, spread).tolist() == [True, False, False, False, False]


def write_tickets(path: Path, rows: list[dict[str, str]], first: int) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["external_id", "text", "created_at"])
        for offset, row in enumerate(rows):
            writer.writerow([first + offset, row["text"], "2026-03-01"])
    return path


def filed_ids(engine: Engine, external_ids: list[str]) -> set[str]:
    with read_session(engine) as session:
        query = (
            select(EvidenceItemRow.external_id)
            .join(EvidenceThemeRow, EvidenceThemeRow.evidence_id == EvidenceItemRow.id)
            .where(EvidenceItemRow.external_id.in_(external_ids))
        )
        return set(session.scalars(query))


def test_a_topic_arriving_after_the_themes_stays_unsorted_though_near_an_old_theme(
    capsys: pytest.CaptureFixture[str], workspace_url: str, engine: Engine, tmp_path: Path
) -> None:
    # Failed top-ups read like failed transfers and declined payments: each one alone is
    # close enough to such a theme to be filed there; together they are a topic of their own.
    old = intent_rows((*OLD, "activate_my_card"))
    new = intent_rows(NEW)
    first = write_tickets(tmp_path / "first.csv", old[::2], 0)
    assert run_cli(capsys, "--db", workspace_url, "import", "csv", str(first)).exit_code == 0
    assert run_cli(capsys, "--db", workspace_url, "analyze").exit_code == 0
    # Fewer than a topic's worth arrive first: each is filed by its nearest theme, as ever.
    alone = write_tickets(tmp_path / "alone.csv", new[: NEW_TOPIC_ITEMS - 1], 20_000)
    assert run_cli(capsys, "--db", workspace_url, "import", "csv", str(alone)).exit_code == 0
    assert run_cli(capsys, "--db", workspace_url, "analyze").exit_code == 0
    later = write_tickets(tmp_path / "later.csv", old[1::2] + new[NEW_TOPIC_ITEMS - 1 :], 10_000)
    assert run_cli(capsys, "--db", workspace_url, "import", "csv", str(later)).exit_code == 0
    result = run_cli(capsys, "--db", workspace_url, "analyze")
    assert result.exit_code == 0, result.stderr
    known = [str(10_000 + i) for i in range(len(old[1::2]))]
    arrived = [str(10_000 + len(known) + i) for i in range(len(new) - NEW_TOPIC_ITEMS + 1)]
    left = set(arrived) - filed_ids(engine, arrived)
    assert len(left) >= 2 * len(arrived) / 3
    assert len(filed_ids(engine, known)) >= 0.97 * len(known)
    said = re.search(
        r"(\d+) of them, which arrived since the last rebuild", " ".join(result.stdout.split())
    )
    assert said is not None, result.stdout
    assert int(said[1]) >= len(left) - 2
    assert filed_ids(engine, [str(20_000 + i) for i in range(NEW_TOPIC_ITEMS - 1)])
