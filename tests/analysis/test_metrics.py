"""NMI and ARI against values worked out by hand (and published in scikit-learn's docs)."""

from __future__ import annotations

import math

import pytest

from tradeoff.analysis.metrics import adjusted_rand_index, normalized_mutual_information


def test_identical_partitions_score_one_whatever_the_names() -> None:
    truth = ["card", "card", "transfer", "transfer", "pin"]
    assert normalized_mutual_information(truth, [7, 7, 3, 3, 9]) == 1.0
    assert adjusted_rand_index(truth, [7, 7, 3, 3, 9]) == 1.0


def test_a_split_cluster_by_hand() -> None:
    # H(truth) = ln 2; H(found) = 1.5 ln 2; I = ln 2  ->  NMI = ln2 / (1.25 ln2) = 0.8
    assert normalized_mutual_information([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(0.8)
    # pairs together: 1; in truth: 2; in found: 1; expected 2*1/6; best 1.5 -> 0.5714...
    assert adjusted_rand_index([0, 0, 1, 1], [0, 0, 1, 2]) == pytest.approx(4 / 7)


def test_a_crossed_partition_is_worse_than_chance() -> None:
    assert adjusted_rand_index([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(-0.5)
    assert normalized_mutual_information([0, 0, 1, 1], [0, 1, 0, 1]) == pytest.approx(0.0)


def test_nmi_against_the_definition_on_an_uneven_case() -> None:
    truth = ["a"] * 5 + ["b"] * 3 + ["c"] * 2
    found = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3]
    n = len(truth)

    def entropy(labels: list[object]) -> float:
        return -sum(labels.count(x) / n * math.log(labels.count(x) / n) for x in set(labels))

    pairs = list(zip(truth, found, strict=True))
    mutual = sum(
        pairs.count(p) / n * math.log(pairs.count(p) * n / (truth.count(p[0]) * found.count(p[1])))
        for p in set(pairs)
    )
    expected = mutual / ((entropy(list(truth)) + entropy(list(found))) / 2)
    assert normalized_mutual_information(truth, found) == pytest.approx(expected)


def test_mismatched_lengths_are_refused() -> None:
    with pytest.raises(ValueError, match="3 labels against 2"):
        normalized_mutual_information([1, 2, 3], [1, 2])
