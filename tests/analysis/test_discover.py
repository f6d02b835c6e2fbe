"""Two-level discovery: themes, sub-themes nested in them, and a small explicit unsorted list."""

from __future__ import annotations

import numpy as np
import pytest

from tradeoff.analysis.discover import DiscoverySettings, discover, distinct_rows
from tradeoff.analysis.metrics import normalized_mutual_information


def groups(seed: int = 5) -> tuple[np.ndarray, list[int], list[int]]:
    """Two themes of two sub-themes each (20 points per sub-theme), plus 4 stray points."""
    rng = np.random.default_rng(seed)
    axes = np.eye(32, dtype=np.float32)
    centres = [axes[0] + 0.4 * axes[1], axes[0] + 0.4 * axes[2], axes[8] + 0.4 * axes[9],
               axes[8] + 0.4 * axes[10]]  # fmt: skip
    points, theme, sub = [], [], []
    for index, centre in enumerate(centres):
        for _ in range(20):
            points.append(centre + rng.normal(0, 0.1, 32))
            theme.append(index // 2)
            sub.append(index)
    for stray in (20, 24, 28, 31):
        points.append(axes[stray] + rng.normal(0, 0.04, 32))
        theme.append(-1)
        sub.append(-1)
    matrix = np.asarray(points, dtype=np.float32)
    return matrix / np.linalg.norm(matrix, axis=1, keepdims=True), theme, sub


def test_strays_are_unsorted_not_forced_into_a_theme() -> None:
    vectors, _theme, _sub = groups()
    found = discover(vectors, DiscoverySettings(max_unsorted_share=0.1))
    assert found.unsorted == [80, 81, 82, 83]
    assert all(found.themes[i] >= 0 for i in range(80))


def test_sub_themes_nest_inside_themes() -> None:
    vectors, theme, sub = groups()
    found = discover(
        vectors,
        DiscoverySettings(theme_resolution=0.2, subtheme_resolution=1.5, max_unsorted_share=0.1),
    )
    sorted_items = list(range(80))
    # Sub-groups of one theme touch at their edges (noise 0.1): a point or two may swap.
    assert (
        normalized_mutual_information(
            [sub[i] for i in sorted_items], [int(found.subthemes[i]) for i in sorted_items]
        )
        >= 0.9
    )
    assert (
        normalized_mutual_information(
            [theme[i] for i in sorted_items], [int(found.themes[i]) for i in sorted_items]
        )
        == 1.0
    )
    parents = found.parent_of()
    assert len(parents) == 4
    assert len(set(parents.values())) == 2


def test_the_unsorted_list_never_exceeds_its_cap() -> None:
    rng = np.random.default_rng(0)
    noise = rng.normal(size=(200, 24)).astype(np.float32)
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    found = discover(noise, DiscoverySettings(max_unsorted_share=0.05))
    assert len(found.unsorted) <= 10


def test_same_input_same_discovery() -> None:
    vectors, _theme, _sub = groups(seed=11)
    first, second = discover(vectors), discover(vectors)
    np.testing.assert_array_equal(first.themes, second.themes)
    np.testing.assert_array_equal(first.subthemes, second.subthemes)


def test_identical_rows_are_one_point_that_weighs_as_many() -> None:
    """Fifty copies of one ticket made a graph of ties that Leiden cut into dozens of
    themes. Copies now share one theme and sub-theme; a text sent thirty times is a
    sub-theme of its own, not a tiny cluster folded into a neighbour."""
    vectors, _theme, _sub = groups()
    ticket = np.zeros(32, dtype=np.float32)
    ticket[16] = 1.0  # unlike every group
    copies = np.repeat(ticket[None, :], 30, axis=0)
    found = discover(np.vstack([vectors, copies]), DiscoverySettings(max_unsorted_share=0.1))
    tail = slice(len(vectors), None)
    assert len(set(found.themes[tail].tolist())) == 1
    assert len(set(found.subthemes[tail].tolist())) == 1
    assert found.themes[len(vectors)] >= 0
    # Their sub-theme is theirs alone: the groups' points are not folded into it.
    assert found.subthemes[len(vectors)] not in set(found.subthemes[: len(vectors)].tolist())
    # The other points keep the themes they had without the copies (the copies sit close to
    # their own centroid, so the unsorted cap, a share of rows, may now take a few of them).
    before = discover(vectors, DiscoverySettings(max_unsorted_share=0.1))
    both = [i for i in range(len(vectors)) if min(before.themes[i], found.themes[i]) >= 0]
    assert len(both) >= 0.85 * len(vectors)
    assert (
        normalized_mutual_information(
            [int(before.themes[i]) for i in both], [int(found.themes[i]) for i in both]
        )
        == 1.0
    )

    alone = discover(np.repeat(ticket[None, :], 50, axis=0))
    assert alone.themes.tolist() == [0] * 50
    assert alone.subthemes.tolist() == [0] * 50


def test_distinct_rows_keep_row_order_and_give_every_row_back() -> None:
    rng = np.random.default_rng(3)
    base = rng.normal(size=(6, 8)).astype(np.float32)
    picks = [4, 1, 4, 0, 1, 1, 5, 4]
    vectors = base[picks]
    firsts, row_of = distinct_rows(vectors)
    np.testing.assert_array_equal(vectors[firsts][row_of], vectors)
    seen: dict[int, int] = {}
    expected_firsts = [seen.setdefault(p, i) for i, p in enumerate(picks) if p not in seen]
    assert firsts.tolist() == expected_firsts == [0, 1, 3, 6]
    assert row_of.tolist() == [0, 1, 0, 2, 1, 1, 3, 0]


def test_distinct_rows_of_an_odd_width_are_compared_whole() -> None:
    """Rows of 12 bytes cannot be read as 64-bit words: they are sorted whole instead."""
    rng = np.random.default_rng(4)
    base = rng.normal(size=(4, 3)).astype(np.float32)
    vectors = base[[2, 2, 0, 3, 0]]
    firsts, row_of = distinct_rows(vectors)
    assert firsts.tolist() == [0, 2, 3]
    assert row_of.tolist() == [0, 0, 1, 2, 1]


@pytest.mark.parametrize("size", [10, 30, 57, 200])
def test_the_cap_holds_for_small_corpora_too(size: int) -> None:
    """An interpolated 5 % quantile let 2 of 30 items (6.7 %) be unsorted."""
    rng = np.random.default_rng(size)
    noise = rng.normal(size=(size, 24)).astype(np.float32)
    noise /= np.linalg.norm(noise, axis=1, keepdims=True)
    found = discover(noise, DiscoverySettings(max_unsorted_share=0.05, min_similarity=0.99))
    assert len(found.unsorted) == int(0.05 * size)  # noise is far from everything: the cap binds
