"""The Pareto frontier of opportunities on user value, viability and feasibility.

The three pressures rarely agree, so nothing is collapsed into one score here: an
opportunity is on the frontier when no other is at least as good on all three dimensions
and strictly better on one. For each dominated opportunity the frontier names every
opportunity that dominates it, and the one that dominates it *most*: the most dimensions
strictly better, then the largest total margin (the sum of the three score differences),
then the one listed first.

Dominance is judged on the point values of the 0–10 scores. It is **certain** only when it
holds for every value within the stated ranges: the dominator's low reaches the dominated
one's high on every dimension, and passes it on at least one. Otherwise it is flagged
**uncertain** — the verdict depends on guesses — naming the dimensions where the dominated
one could be better (its high above the dominator's low), or, when it could only draw
level, the dimensions where the lead could vanish. Exactly equal point scores with no
range are not uncertain: equal on all three, neither dominates.

An opportunity whose dimension is not ``known`` (nothing computed or entered) takes part,
flagged, since its score is a placeholder.

Computed in blocks of rows with numpy: 5,000 opportunities take a fraction of a second.

Example::

    >>> result = frontier(opportunities)
    >>> [s.title for s in result.on_frontier]
    >>> result.standing(12).strongest.dominator   # the id that dominates #12 most
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from tradeoff.decisions.estimates import Assessed, DimensionName

NAMES = tuple(DimensionName)
BLOCK = 256  # rows compared at once: 256 × n × 3 comparisons stay a few MB


@dataclass(frozen=True)
class Domination:
    """``dominator`` is at least as good as ``dominated`` on all three, better on one."""

    dominator: int
    dominated: int
    better_on: tuple[DimensionName, ...]  # strictly better on the point values
    margin: float  # sum of the three score differences
    uncertain_on: tuple[DimensionName, ...]  # where the ranges let the verdict fail

    @property
    def uncertain(self) -> bool:
        return bool(self.uncertain_on)


@dataclass(frozen=True)
class Standing:
    id: int
    title: str
    scores: tuple[float, float, float]  # user value, viability, feasibility
    strongest: Domination | None  # the one that dominates it most
    certain: bool  # at least one dominator dominates it across the stated ranges
    unknown: tuple[DimensionName, ...]  # dimensions with nothing computed or entered
    # Every dominator's id, highest total first: an array, so that a chain of 5,000
    # opportunities (12.5 million pairs) makes no Python objects until someone asks.
    dominator_ids: NDArray[np.int64] = field(repr=False, compare=False)

    @property
    def dominated_by(self) -> tuple[int, ...]:
        """Ids of every opportunity that dominates this one, highest total first."""
        return tuple(self.dominator_ids.tolist())

    @property
    def on_frontier(self) -> bool:
        return self.dominator_ids.size == 0

    @property
    def uncertain(self) -> bool:
        """Dominated on the point values, but not for every value within the ranges."""
        return not self.on_frontier and not self.certain

    def to_json(self) -> dict[str, Any]:
        strongest = self.strongest
        return {
            "id": self.id, "title": self.title,
            "scores": {n.value: v for n, v in zip(NAMES, self.scores, strict=True)},
            "on_frontier": self.on_frontier, "dominated_by": list(self.dominated_by),
            "strongest": None if strongest is None else {
                "dominator": strongest.dominator, "margin": strongest.margin,
                "better_on": [d.value for d in strongest.better_on],
                "uncertain_on": [d.value for d in strongest.uncertain_on],
            },
            "certain": self.certain, "uncertain": self.uncertain,
            "unknown": [d.value for d in self.unknown],
        }  # fmt: skip


@dataclass(frozen=True)
class Frontier:
    standings: tuple[Standing, ...]  # in the order the opportunities were given

    @property
    def on_frontier(self) -> tuple[Standing, ...]:
        return tuple(s for s in self.standings if s.on_frontier)

    @property
    def dominated(self) -> tuple[Standing, ...]:
        return tuple(s for s in self.standings if not s.on_frontier)

    def to_json(self) -> dict[str, Any]:
        return {
            "frontier": [s.id for s in self.on_frontier],
            "opportunities": [s.to_json() for s in self.standings],
        }

    def standing(self, opportunity_id: int) -> Standing:
        for s in self.standings:
            if s.id == opportunity_id:
                return s
        raise KeyError(opportunity_id)


def dominance(a: Assessed, b: Assessed) -> Domination | None:
    """How ``a`` dominates ``b`` on the point scores, or None when it does not."""
    pairs = [(x.score, y.score) for x, y in zip(a.dimensions, b.dimensions, strict=True)]
    if any(x.value < y.value for x, y in pairs) or all(x.value == y.value for x, y in pairs):
        return None
    better = tuple(n for n, (x, y) in zip(NAMES, pairs, strict=True) if x.value > y.value)
    margin = sum(x.value - y.value for x, y in pairs)
    could_beat = tuple(n for n, (x, y) in zip(NAMES, pairs, strict=True) if y.high > x.low)
    clear = any(x.low > y.high for x, y in pairs)
    # With no dimension where it could be better and none clearly apart, it could still
    # draw level everywhere: the lead could vanish where it has one.
    uncertain = could_beat if could_beat or clear else better
    return Domination(a.id, b.id, better, margin, uncertain)


def frontier(items: Sequence[Assessed]) -> Frontier:
    """Every opportunity's standing: on the frontier, or dominated and by whom."""
    n = len(items)
    given = np.array([[d.score.value for d in i.dimensions] for i in items], float)
    # A dominator's total is at least the dominated one's (float sums are monotone), so in
    # order of total, highest first, a block of rows only needs the columns before it ends.
    order = np.argsort(-given.reshape(n, 3).sum(axis=1), kind="stable")
    value, low, high = (
        np.array([[getattr(d.score, part) for d in items[k].dimensions] for k in order], float)
        .reshape(n, 3)
        .T.copy()  # (3, n): one contiguous row per dimension keeps the comparisons fast
        for part in ("value", "low", "high")
    )
    totals = value.sum(axis=0)
    ids = np.array([items[k].id for k in order], dtype=np.int64)
    span = float(np.ptp(value)) if n else 0.0
    dominators: list[NDArray[np.int64]] = []
    strongest = np.full(n, -1)
    certain = np.zeros(n, bool)
    for start in range(0, n, BLOCK):
        stop = min(start + BLOCK, n)
        width = int(np.searchsorted(-totals, -totals[stop - 1], side="right"))
        dominated_by, sure, key = _compare_block(value, low, high, start, stop, width, span)
        has = dominated_by.any(axis=1)
        strongest[start:stop] = np.where(has, key.argmax(axis=1), -1)
        certain[start:stop] = (dominated_by & sure).any(axis=1)
        hit_rows, hit_cols = np.nonzero(dominated_by)
        bounds = np.searchsorted(hit_rows, np.arange(stop - start + 1)).tolist()
        found = ids[hit_cols]
        dominators.extend(found[a:b] for a, b in itertools.pairwise(bounds))
    standing_of = {}
    for position, k in enumerate(order.tolist()):
        item, top = items[k], int(strongest[position])
        standing_of[k] = Standing(
            id=item.id,
            title=item.title,
            scores=(float(given[k, 0]), float(given[k, 1]), float(given[k, 2])),
            strongest=dominance(items[int(order[top])], item) if top >= 0 else None,
            certain=bool(certain[position]),
            unknown=tuple(d.name for d in item.dimensions if not d.known),
            dominator_ids=dominators[position],
        )
    return Frontier(tuple(standing_of[k] for k in range(n)))


Block = NDArray[np.bool_]
Scores = NDArray[np.float64]


def _compare_block(
    value: Scores, low: Scores, high: Scores, start: int, stop: int, width: int, span: float
) -> tuple[Block, Block, Scores]:
    """For rows ``start:stop`` (the possibly dominated) against columns ``:width``:
    who dominates on the point values, who dominates across the ranges, and the "most"
    key — dimensions strictly better, then total margin (the margin is at most 3 × span,
    so one more dimension always outweighs it)."""
    shape = (stop - start, width)
    at_least, any_better = np.ones(shape, bool), np.zeros(shape, bool)
    all_clear, any_clear = np.ones(shape, bool), np.zeros(shape, bool)
    count, margin = np.zeros(shape), np.zeros(shape)
    for d in range(3):
        diff = value[d, None, :width] - value[d, start:stop, None]
        at_least &= diff >= 0
        better = diff > 0
        any_better |= better
        count += better
        margin += diff
        gap = low[d, None, :width] - high[d, start:stop, None]
        all_clear &= gap >= 0
        any_clear |= gap > 0
    dominated_by = at_least & any_better
    key = np.where(dominated_by, count * (3 * span + 1) + margin, -np.inf)
    return dominated_by, all_clear & any_clear, key
