"""How much a ranking can be trusted: what it takes to swap two neighbours, and how often
they swap when every estimate moves within its stated range.

A score is shared language, not a verdict, so every ranked view carries this next to it:

- **Swap margins.** For each adjacent pair (the item at position i and the one at i + 1)
  and each figure the formula reads, the smallest change of that one figure, on either
  item with everything else held, after which the lower item scores strictly higher.
  Found without assuming the formula is monotone: the figure is moved up and down on a
  geometric grid (from a millionth of its size to 10,000 times it, within the figure's
  sensible range: 0–10 for a dimension, 0 or more for counts, money and effort), and the
  first grid step that swaps is bisected to about a billionth of the step. The reported
  value is on the swapping side, so re-ranking with it really swaps the pair. Scores within
  a billionth of each other are tied, not swapped, so float noise never counts as a swap.
- **Monte Carlo.** Each figure with a range is drawn ``draws`` times from a triangular
  distribution over [low, high] with its mode at the value (a figure without a range stays
  fixed), with a seeded generator, so the same seed gives the same answer. For each pair:
  the share of draws where the lower item scores strictly higher; for each item: the
  share of draws where it keeps its position and its 5–95% rank interval. A pair whose
  share reaches ``threshold`` (5% by default) "flips within the stated ranges". A draw
  where the formula has no value for an item (a zero effort) puts that item last.

Example::

    >>> report = fragility(rank(opportunities, rice()), draws=2000, seed=0)
    >>> [p.smallest.sentence for p in report.pairs if p.smallest]
    ["Bulk payments overtakes Card controls if Card controls' effort_weeks rises from 4
    to 5.2 (+30%)"]
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from tradeoff.decisions.estimates import Estimate
from tradeoff.decisions.formulas import Floats
from tradeoff.decisions.pairs import possessive
from tradeoff.decisions.rankings import Input, Ranked, Ranking, RankingRule
from tradeoff.errors import InputError

DRAWS = 2000
SEED = 0
THRESHOLD = 0.05
MAX_DRAWS = 100_000
GRID = np.geomspace(1e-6, 1e4, 400)  # steps, as multiples of the figure's own size
REFINE_ROUNDS, REFINE_POINTS = 5, 65
TIE = 1e-9  # scores closer than this share of the larger one are tied


@dataclass(frozen=True)
class Swap:
    """Setting ``field`` of ``changed`` (the upper or the lower item) to ``to`` swaps them."""

    upper: Ranked
    lower: Ranked
    changes_upper: bool
    field: str
    value: float
    to: float

    @property
    def changed(self) -> Ranked:
        return self.upper if self.changes_upper else self.lower

    @property
    def change(self) -> float:
        return self.to - self.value

    @property
    def relative(self) -> float | None:
        """The change as a share of the value; None when the value is 0."""
        return self.change / abs(self.value) if self.value else None

    @property
    def size(self) -> tuple[bool, float]:
        """Sort key: relative changes first (smallest first), then absolute ones. Rounded so
        that changes equal but for the bisection's last digits keep the formula's order."""
        relative = self.relative
        return (relative is None, round(abs(relative if relative is not None else self.change), 9))

    @property
    def sentence(self) -> str:
        """``B overtakes A if A's effort_weeks rises from 4 to 5.2 (+30%)``."""
        upper, lower = self.upper.item.title, self.lower.item.title
        if self.upper.score == self.lower.score:
            return f"{lower} and {upper} are tied: {upper} is first only as listed first"
        verb = "rises" if self.change > 0 else "falls"
        before, after = numbers(self.value, self.to)
        whose = possessive(self.changed.item.title)
        return (
            f"{lower} overtakes {upper} if {whose} {self._field} {verb} "
            f"from {before} to {after}{self._share}"
        )

    @property
    def short(self) -> str:
        """For a table cell: ``#12 effort_weeks 4→5.2 (+30%)``."""
        if self.upper.score == self.lower.score:
            return f"tied with #{self.lower.item.id}"
        before, after = numbers(self.value, self.to)
        return f"#{self.changed.item.id} {self._field} {before}→{after}{self._share}"

    def to_json(self) -> dict[str, Any]:
        return {"opportunity": self.changed.item.id, "field": self.field, "from": self.value,
                "to": self.to, "change": self.change, "relative": self.relative,
                "sentence": self.sentence}  # fmt: skip

    @property
    def _field(self) -> str:
        return self.field + (" (derived)" if self.field in self.changed.derived else "")

    @property
    def _share(self) -> str:
        relative = self.relative
        return "" if relative is None else f" ({relative:+.0%})"


@dataclass(frozen=True)
class PairFragility:
    upper: Ranked
    lower: Ranked
    swaps: tuple[Swap, ...]  # per field and item, the nearer direction; smallest first
    flip_share: float  # Monte Carlo: share of draws where the lower scores higher

    @property
    def smallest(self) -> Swap | None:
        return self.swaps[0] if self.swaps else None

    @property
    def tied(self) -> bool:
        return self.upper.score == self.lower.score


@dataclass(frozen=True)
class Stability:
    ranked: Ranked
    holds: float  # share of draws where it keeps its position
    rank_low: int  # 5th percentile of its rank over the draws (1 = top)
    rank_high: int  # 95th percentile


@dataclass(frozen=True)
class Fragility:
    ranking: Ranking
    pairs: tuple[PairFragility, ...]  # pairs[i]: positions i + 1 and i + 2
    items: tuple[Stability, ...]  # in ranking order
    draws: int
    seed: int
    threshold: float

    @property
    def flipping(self) -> tuple[PairFragility, ...]:
        """Pairs that flip within the stated ranges (share of draws ≥ ``threshold``)."""
        return tuple(p for p in self.pairs if p.flip_share >= self.threshold)

    def pair_below(self, position: int) -> PairFragility | None:
        """The pair of the item at ``position`` (1-based) and the next one, if any."""
        return self.pairs[position - 1] if position <= len(self.pairs) else None

    def to_json(self) -> dict[str, Any]:
        """The ranking with its fragility, as every script and the web app read it."""
        rule, ranked = self.ranking.rule, []
        for r, stability in zip(self.ranking.ranked, self.items, strict=True):
            pair = self.pair_below(r.position)
            ranked.append({
                "position": r.position, "id": r.item.id, "title": r.item.title,
                "score": r.score, "inputs": {name: e.value for name, e in r.inputs.items()},
                "derived": list(r.derived), "holds": stability.holds,
                "rank_low": stability.rank_low, "rank_high": stability.rank_high,
                "next": None if pair is None else {
                    "id": pair.lower.item.id, "flip_share": pair.flip_share, "tied": pair.tied,
                    "swaps": [s.to_json() for s in pair.swaps],
                },
            })  # fmt: skip
        return {
            "ranking": rule.name, "formula": rule.shown, "explanation": rule.explanation,
            "draws": self.draws, "seed": self.seed, "threshold": self.threshold,
            "ranked": ranked,
            "not_ranked": [{"id": n.item.id, "title": n.item.title, "reason": n.reason}
                           for n in self.ranking.not_ranked],
            "flipping": [{"upper": p.upper.item.id, "lower": p.lower.item.id,
                          "flip_share": p.flip_share} for p in self.flipping],
        }  # fmt: skip


def fragility(
    ranking: Ranking, *, draws: int = DRAWS, seed: int = SEED, threshold: float = THRESHOLD
) -> Fragility:
    """Swap margins and Monte Carlo for ``ranking``; deterministic for a seed."""
    if not 1 <= draws <= MAX_DRAWS:
        raise InputError(f"--draws must be between 1 and {MAX_DRAWS:,}, got {draws}")
    ranked = ranking.ranked
    flips, holds, lows, highs = monte_carlo(ranking, draws=draws, seed=seed)
    pairs = tuple(
        PairFragility(upper, lower, swap_margins(ranking.rule, upper, lower), float(flips[i]))
        for i, (upper, lower) in enumerate(itertools.pairwise(ranked))
    )
    items = tuple(
        Stability(r, float(holds[i]), int(lows[i]), int(highs[i])) for i, r in enumerate(ranked)
    )
    return Fragility(ranking, pairs, items, draws, seed, threshold)


def swap_margins(rule: RankingRule, upper: Ranked, lower: Ranked) -> tuple[Swap, ...]:
    """For each field and each of the two items, the smallest change that swaps them."""
    # Scores within a billionth are a tie, not a swap: float noise must not "swap"
    # (6 + 6 + 5)/3 and (5 + 10 + 2)/3.
    tolerance = TIE * max(1.0, abs(upper.score), abs(lower.score))
    swaps = []
    for spec in rule.inputs:
        for changes_upper in (True, False):
            moved, other = (upper, lower) if changes_upper else (lower, upper)
            to = _nearest_swap(rule, moved.inputs, spec, other.score, changes_upper, tolerance)
            if to is not None:
                value = moved.inputs[spec.name].value
                swaps.append(Swap(upper, lower, changes_upper, spec.name, value, to))
    return tuple(sorted(swaps, key=lambda s: s.size))


def _nearest_swap(
    rule: RankingRule, inputs: Mapping[str, Estimate], spec: Input, other: float,
    moving_upper: bool, tolerance: float,
) -> float | None:  # fmt: skip
    """The value of ``spec`` nearest the current one at which the pair swaps, if any."""
    value = inputs[spec.name].value
    env = {name: np.asarray(estimate.value) for name, estimate in inputs.items()}
    low, high = spec.bounds

    def swapped(points: Floats) -> Floats:
        env[spec.name] = points
        scores = np.nan_to_num(rule.formula.evaluate_many(env), nan=-math.inf)
        if moving_upper:  # the upper falls strictly below the lower; NaN never swaps
            return np.asarray((scores < other - tolerance) & (scores > -math.inf))
        return np.asarray(scores > other + tolerance)

    scale = abs(value) or 1.0
    found = []
    for direction, room in ((1.0, high - value), (-1.0, value - low)):
        if not room > 0:
            continue
        steps = np.minimum(GRID * scale, room)
        steps = np.unique(np.append(steps, room if math.isfinite(room) else steps[-1]))
        points = value + direction * steps
        hits = np.flatnonzero(swapped(points))
        if hits.size == 0:
            continue
        first = int(hits[0])
        near, far = (value if first == 0 else float(points[first - 1])), float(points[first])
        for _ in range(REFINE_ROUNDS):
            grid = np.linspace(near, far, REFINE_POINTS)
            k = int(np.flatnonzero(swapped(grid))[0])  # the far end always swaps
            near, far = (float(grid[k - 1]) if k else near), float(grid[k])
        found.append(far)
    return min(found, key=lambda to: abs(to - value)) if found else None


def monte_carlo(
    ranking: Ranking, *, draws: int = DRAWS, seed: int = SEED
) -> tuple[Floats, Floats, Floats, Floats]:
    """(flip share per adjacent pair, hold share per item, 5% rank, 95% rank per item).

    Draws are made field by field in the formula's order, each an (items × draws) array,
    so the stream of random numbers — and so the answer — depends only on the seed, the
    formula and the items.
    """
    ranked = ranking.ranked
    n = len(ranked)
    if n == 0:
        empty = np.zeros(0)
        return empty, empty, empty, empty
    rng = np.random.default_rng(seed)
    env: dict[str, Floats] = {}
    for spec in ranking.rule.inputs:
        estimates = [r.inputs[spec.name] for r in ranked]
        value = np.array([e.value for e in estimates])
        low = np.array([e.low for e in estimates])
        high = np.array([e.high for e in estimates])
        spread = high > low
        sample = rng.triangular(
            low[:, None], np.where(spread, value, low)[:, None],
            np.where(spread, high, low + 1.0)[:, None], size=(n, draws),
        )  # fmt: skip
        env[spec.name] = np.where(spread[:, None], sample, value[:, None])
    scores = np.broadcast_to(ranking.rule.formula.evaluate_many(env), (n, draws))
    # On a grid of a billionth of the largest score, so that figures tied on paper stay
    # tied (in the ranking's order) instead of flipping on float noise; NaN goes last.
    finite = np.abs(scores[np.isfinite(scores)])
    unit = TIE * max(1.0, float(finite.max()) if finite.size else 1.0)
    scores = np.nan_to_num(np.round(scores / unit), nan=-math.inf)
    order = np.argsort(-scores, axis=0, kind="stable")  # ties keep the ranking's order
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, np.arange(n)[:, None], axis=0)
    flips = np.mean(scores[1:] > scores[:-1], axis=1)
    holds = np.mean(ranks == np.arange(n)[:, None], axis=1)
    rank_low = np.quantile(ranks + 1, 0.05, axis=1, method="lower")
    rank_high = np.quantile(ranks + 1, 0.95, axis=1, method="higher")
    return flips, holds, rank_low.astype(float), rank_high.astype(float)


def numbers(before: float, after: float) -> tuple[str, str]:
    """Two figures with just enough digits to tell them apart: 6 → 6.004, not 6 → 6."""
    for digits in range(3, 10):
        shown = number(before, digits), number(after, digits)
        if shown[0] != shown[1]:
            return shown
    return shown


def number(value: float, digits: int = 3) -> str:
    """A figure as a person reads it: 4, 5.2, 0.35, 12,500."""
    if value == 0:
        return "0"
    if abs(value) >= 10**digits:
        return f"{value:,.0f}"
    return f"{value:.{digits}g}" if abs(value) >= 0.001 else f"{value:.{digits - 1}e}"
