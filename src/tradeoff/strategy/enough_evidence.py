"""When more research is unlikely to change the decision, so the PM can stop (principle 9).

Three questions, one answer each, with the figures behind it:

- **A theme: saturation.** The theme's original items in order of arrival; a sub-theme is
  *late* when its first item is among the last ``N`` (20 by default). When none is late —
  the last ``N`` items only fell into sub-themes already seen, or into none — the theme is
  saturated: more interviews will repeat what is known. Fewer than ``N`` + 1 items, or a
  theme with no sub-themes, cannot be judged this way, and the answer says so.
- **An opportunity: does its frontier position flip within the stated ranges?** Every
  dominance involving it that the frontier flags *uncertain* (``decisions.frontier``:
  the ranges could undo it), and a seeded Monte Carlo: each opportunity's three scores are
  drawn from a triangular distribution over their stated range (mode at the value), and
  the share of draws where the opportunity's standing (on the frontier or not) differs
  from its standing on the values. Settled when no relation is uncertain and it flips in
  under 5% of draws; otherwise the dimension estimates whose ranges decide it are named,
  widest first: narrowing those is the most valuable research.
- **An assumption**: settled when a concluded experiment (or a recorded judgement) has
  validated or invalidated it; otherwise the cheapest next step — the running experiment,
  or the planned one with the smallest sample — with its size.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from numpy.typing import NDArray

from tradeoff.decisions.estimates import Assessed, Dimension
from tradeoff.decisions.frontier import Domination, dominance, frontier
from tradeoff.domain.decisions import AssumptionJudgement, Experiment
from tradeoff.domain.enums import AssumptionStatus, ExperimentStatus, Level
from tradeoff.errors import InputError, NotFound
from tradeoff.storage.experiments import ThemeArrivals
from tradeoff.strategy.assumptions import AssumptionView

LAST = 20
DRAWS = 2000
SEED = 0
FLIP_THRESHOLD = 0.05
CHUNK = 250  # draws compared at once, so memory stays small with many opportunities


class Saturation(StrEnum):
    SATURATED = "saturated"
    OPENING = "still opening sub-themes"
    TOO_FEW = "too few items"
    NO_SUB_THEMES = "no sub-themes"


@dataclass(frozen=True)
class ThemeEnough:
    theme_id: int
    theme_name: str
    items: int
    last: int  # how many items the window holds (N, or fewer)
    in_known: int  # of the last N: filed in a sub-theme seen before the window
    in_none: int  # of the last N: in no sub-theme
    known_before: int  # sub-themes seen among the earlier items
    late: tuple[tuple[int, str, int], ...]  # (sub-theme id, name, items of it in the window)
    verdict: Saturation


def theme_saturation(arrivals: ThemeArrivals, last: int = LAST) -> ThemeEnough:
    """Whether the last ``last`` items opened any sub-theme (module docstring).

    >>> theme_saturation(arrivals, last=20).verdict
    <Saturation.SATURATED: 'saturated'>
    """
    if last < 1:
        raise InputError(f"--last must be at least 1, got {last}")
    order = arrivals.arrivals
    window = order[-last:] if len(order) > last else order
    earlier = order[: len(order) - len(window)]
    known = {sub for _, sub in earlier if sub is not None}
    counts: dict[int, int] = {}
    for _, sub in window:
        if sub is not None and sub not in known:
            counts[sub] = counts.get(sub, 0) + 1
    late = tuple((s, arrivals.sub_theme_names[s], n) for s, n in counts.items())
    if not arrivals.sub_theme_names:
        verdict = Saturation.NO_SUB_THEMES
    elif len(order) <= last:
        verdict = Saturation.TOO_FEW
    else:
        verdict = Saturation.OPENING if late else Saturation.SATURATED
    theme = arrivals.theme
    assert theme.id is not None
    return ThemeEnough(
        theme.id,
        theme.name,
        len(order),
        len(window),
        sum(1 for _, sub in window if sub is not None and sub in known),
        sum(1 for _, sub in window if sub is None),
        len(known),
        late,
        verdict,
    )


@dataclass(frozen=True)
class DecidingEstimate:
    """A dimension score whose range decides an opportunity's standing."""

    opportunity_id: int
    title: str
    dimension: Dimension

    @property
    def width(self) -> float:
        return self.dimension.score.high - self.dimension.score.low


@dataclass(frozen=True)
class OpportunityEnough:
    opportunity_id: int
    title: str
    on_frontier: bool
    uncertain: tuple[Domination, ...]  # every flagged relation involving it
    flip_share: float  # share of draws where its standing differs from the point values
    draws: int
    seed: int
    deciding: tuple[DecidingEstimate, ...]  # widest range first

    @property
    def settled(self) -> bool:
        return not self.uncertain and self.flip_share < FLIP_THRESHOLD


def opportunity_settled(
    items: Sequence[Assessed], opportunity_id: int, *, draws: int = DRAWS, seed: int = SEED
) -> OpportunityEnough:
    """Whether ``opportunity_id``'s frontier standing survives its stated ranges.

    >>> opportunity_settled(assess_opportunities(engine), 3).settled
    True
    """
    by_id = {item.id: item for item in items}
    if opportunity_id not in by_id:
        raise NotFound(f"no opportunity with id {opportunity_id}; see tradeoff opportunity list")
    target = by_id[opportunity_id]
    on = frontier(items).standing(opportunity_id).on_frontier
    uncertain = []
    for other in items:
        if other.id == opportunity_id:
            continue
        for relation in (dominance(other, target), dominance(target, other)):
            if relation is not None and relation.uncertain:
                uncertain.append(relation)
    flips, rivals = _monte_carlo(items, items.index(target), on, draws, seed)
    rival_ids = {r.dominator for r in uncertain} | {r.dominated for r in uncertain} | rivals
    rival_ids.discard(opportunity_id)
    deciding = _deciding(target, [by_id[i] for i in sorted(rival_ids)])
    return OpportunityEnough(
        opportunity_id, target.title, on, tuple(uncertain), flips, draws, seed, deciding
    )


def _deciding(target: Assessed, rivals: Sequence[Assessed]) -> tuple[DecidingEstimate, ...]:
    """The ranged dimension scores, of the target and its rivals, on the dimensions where
    their ranges overlap: only there can the verdict between them change."""
    found: dict[tuple[int, str], DecidingEstimate] = {}
    for rival in rivals:
        for mine, theirs in zip(target.dimensions, rival.dimensions, strict=True):
            a, b = mine.score, theirs.score
            if a.high - a.low == 0 and b.high - b.low == 0:
                continue
            if a.low <= b.high and b.low <= a.high:
                for item, dimension in ((target, mine), (rival, theirs)):
                    if dimension.score.high > dimension.score.low:
                        found[(item.id, dimension.name.value)] = DecidingEstimate(
                            item.id, item.title, dimension
                        )
    return tuple(sorted(found.values(), key=lambda d: (-d.width, d.opportunity_id)))


def _triangular(
    rng: np.random.Generator,
    low: NDArray[np.float64],
    mode: NDArray[np.float64],
    high: NDArray[np.float64],
    draws: int,
) -> NDArray[np.float64]:
    """Inverse-CDF triangular draws; a figure with no range stays at its value."""
    u = rng.random((draws, *low.shape))
    span = high - low
    safe = np.where(span > 0, span, 1.0)
    cut = (mode - low) / safe
    rising = low + np.sqrt(u * span * (mode - low))
    falling = high - np.sqrt((1 - u) * span * (high - mode))
    return np.where(span > 0, np.where(u < cut, rising, falling), mode)


def _monte_carlo(
    items: Sequence[Assessed], index: int, on: bool, draws: int, seed: int
) -> tuple[float, set[int]]:
    """Share of draws where the item's standing flips, and the opportunities that cause it:
    those dominating it in some draw (when it is on the frontier), or its point-value
    dominators (when it is not)."""
    if draws < 1:
        raise InputError(f"draws must be at least 1, got {draws}")
    parts = [
        np.array([[getattr(d.score, p) for d in i.dimensions] for i in items], float)
        for p in ("low", "value", "high")
    ]
    rng = np.random.default_rng(seed)
    flipped = 0
    rivals: set[int] = set()
    ids = np.array([i.id for i in items])
    for start in range(0, draws, CHUNK):
        count = min(CHUNK, draws - start)
        scores = _triangular(rng, parts[0], parts[1], parts[2], count)  # (draws, n, 3)
        mine = scores[:, index : index + 1, :]
        dominates = np.all(scores >= mine, axis=2) & np.any(scores > mine, axis=2)  # (draws, n)
        on_in_draw = ~np.any(dominates, axis=1)
        flipped += int(np.sum(on_in_draw != on))
        if on:
            rivals |= set(ids[np.any(dominates, axis=0)].tolist())
    if not on:
        point = parts[1]
        beaten = np.all(point >= point[index], axis=1) & np.any(point > point[index], axis=1)
        rivals |= set(ids[beaten].tolist())
    return flipped / draws, rivals


@dataclass(frozen=True)
class AssumptionEnough:
    assumption_id: int
    statement: str
    status: AssumptionStatus
    settled: bool
    lines: tuple[str, ...]


def assumption_settled(view: AssumptionView, required: dict[int, int | None]) -> AssumptionEnough:
    """Settled by a concluded test or a recorded judgement, else the cheapest next step.
    ``required`` maps each experiment id to its per-arm sample size (None without a design).
    """
    a = view.assumption
    assert a.id is not None
    tests = view.experiments
    if a.status in (AssumptionStatus.VALIDATED, AssumptionStatus.INVALIDATED):
        deciding = _settling(view, a.status)
        if isinstance(deciding, AssumptionJudgement):
            line = (
                f"settled: {a.status.value} by judgement, not by an experiment: {deciding.reason}"
            )
        elif deciding is not None:
            line = (
                f"settled: {a.status.value} by experiment {deciding.id} "
                f"({deciding.result.value}): more research will not change the decision"
            )
        else:
            line = f"settled: {a.status.value}"
        return AssumptionEnough(a.id, a.statement, a.status, True, (line,))
    lines = []
    inconclusive = [t for t in tests if t.status is ExperimentStatus.CONCLUDED]
    if inconclusive:
        ids = ", ".join(str(t.id) for t in inconclusive)
        lines.append(f"not settled: experiment(s) {ids} concluded inconclusive")
    running = [t for t in tests if t.status is ExperimentStatus.RUNNING]
    planned = [t for t in tests if t.status is ExperimentStatus.PLANNED]
    if running:
        t = running[0]
        until = t.ended_at.date().isoformat() if t.ended_at else "its end"
        lines.append(f"wait: experiment {t.id} is running until {until}; its rule decides")
    elif planned:
        t = min(planned, key=lambda p: (required.get(p.id or 0) or 10**12, p.id or 0))
        size = required.get(t.id or 0)
        sized = f"{size:,} per arm" if size is not None else "a metric threshold, no arms"
        lines.append(f"next: start experiment {t.id} ({sized}): {t.hypothesis}")
    else:
        lines.append(
            f"next: plan the smallest experiment that would change the decision: "
            f"tradeoff experiment new --assumption {a.id} ..."
        )
    if a.risk is Level.LOW:
        lines.append(
            "low risk: being wrong costs little, so decide now and watch the metric "
            "rather than research more"
        )
    if not inconclusive:
        lines.insert(0, f"not settled: {a.status.value}, confidence {a.confidence:.0%}")
    return AssumptionEnough(a.id, a.statement, a.status, False, tuple(lines))


def _settling(
    view: AssumptionView, status: AssumptionStatus
) -> Experiment | AssumptionJudgement | None:
    """The newest record that gave the assumption ``status``: a concluded experiment whose
    result says so, or a judgement to that status."""
    wanted = "passed" if status is AssumptionStatus.VALIDATED else "failed"
    giving = [
        record
        for record in view.history()
        if (isinstance(record, AssumptionJudgement) and record.status is status)
        or (
            isinstance(record, Experiment)
            and record.status is ExperimentStatus.CONCLUDED
            and record.result.value == wanted
        )
    ]
    return giving[-1] if giving else None
