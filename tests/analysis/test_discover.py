"""Two-level discovery: themes, sub-themes nested in them, and a small explicit unsorted list."""

from __future__ import annotations

import numpy as np

from tradeoff.analysis.discover import DiscoverySettings, discover
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
