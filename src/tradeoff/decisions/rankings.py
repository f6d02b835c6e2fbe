"""Rankings a team asks for: a weighted sum of the three dimensions, RICE, ICE, WSJF, or a
formula of their own — offered as a shared language, never as the verdict.

Every ranking is a :class:`RankingRule`: a checked formula plus, for each name in it, where
the figure comes from. An opportunity missing a figure the rule needs is listed as not
ranked ("needs impact, ease") rather than scored with a made-up default; one whose figures
make the formula meaningless (effort 0) is listed with that reason, and so is one whose
dimension nobody has assessed yet (its score is a placeholder). Higher scores rank
first; equal scores (to 12 significant digits, so that float noise does not break a tie
that holds on paper) keep the order the opportunities were given in.

The rules (docs/decisions-maths.md has the same text for users):

- ``weighted``: w₁·user_value + w₂·viability + w₃·feasibility over the 0–10 dimension
  scores, weights normalised to sum to 1 (equal by default; a dimension not named gets 0).
- ``rice``: reach × impact × confidence / effort_weeks. Reach is the entered ``reach``,
  else the computed ``accounts``. Confidence is the entered ``confidence`` (0–1: 80% is
  0.8), else derived as the lowest confidence among the reach, impact and effort figures.
- ``ice``: impact × confidence × ease, all entered (no derivation: ICE's confidence is the
  team's own score, often 1–10, and must not be mixed with a derived 0–1 figure).
- ``wsjf``: (business_value + time_criticality + risk_reduction) / effort_weeks, the cost
  of delay over the job size.

Example::

    >>> ranking = rank(opportunities, ranking_rule("rice"))
    >>> [(r.position, r.item.title, r.score) for r in ranking.ranked]
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass

from tradeoff.decisions.estimates import Assessed, Estimate, Origin
from tradeoff.decisions.formulas import Formula, NotComputable, parse_formula
from tradeoff.errors import InputError

DIMENSIONS = ("user_value", "viability", "feasibility")
COMPUTED_FIELDS = (
    "accounts", "end_users", "items", "fresh_items", "observed_share", "proxy_share", "arr",
    "pipeline", "lost", "churned", "renewals_90", "renewals_180",
)  # fmt: skip
ENTERED_FIELDS = (
    "effort_weeks", "impact", "confidence", "ease", "reach", "strategic_fit", "cost_to_serve",
    "support_load", "compliance_risk", "delivery_risk", "operability", "debt_impact",
    "business_value", "time_criticality", "risk_reduction",
)  # fmt: skip
KNOWN_FIELDS = (*DIMENSIONS, *COMPUTED_FIELDS, *ENTERED_FIELDS)
NAMED = ("weighted", "rice", "ice", "wsjf")

Derive = Callable[[Mapping[str, Estimate]], Estimate | None]


@dataclass(frozen=True)
class Input:
    """A name in a formula: the fields tried in order, an optional derivation from the
    other inputs when none is present, and the range a value can sensibly take (a fragility
    search never proposes a feasibility of 11 or a negative effort)."""

    name: str
    sources: tuple[str, ...]
    derive: Derive | None = None
    bounds: tuple[float, float] = (-math.inf, math.inf)

    @property
    def needs(self) -> str:
        others = [s for s in self.sources if s != self.name]
        return self.name + (f" (or {', '.join(others)})" if others else "")


@dataclass(frozen=True)
class RankingRule:
    name: str  # weighted, rice, ice, wsjf or custom
    formula: Formula
    inputs: tuple[Input, ...]  # one per field of the formula, in its order
    shown: str  # the formula as shown next to every ranked view
    explanation: str  # where each figure comes from


@dataclass(frozen=True)
class Ranked:
    item: Assessed
    position: int  # 1-based
    score: float
    inputs: Mapping[str, Estimate]  # the figure behind each name in the formula
    derived: tuple[str, ...] = ()  # names derived rather than taken from a field


@dataclass(frozen=True)
class NotRanked:
    item: Assessed
    reason: str  # "needs impact, ease" or "not rankable: division by zero: ..."


@dataclass(frozen=True)
class Ranking:
    rule: RankingRule
    ranked: tuple[Ranked, ...]
    not_ranked: tuple[NotRanked, ...]


def known_fields(items: Sequence[Assessed]) -> list[str]:
    """Names a custom formula may use: the standard fields and any field an item has."""
    return sorted({*KNOWN_FIELDS, *(name for item in items for name in item.fields)})


def bounds_of(name: str) -> tuple[float, float]:
    if name in DIMENSIONS:
        return (0.0, 10.0)
    if name in COMPUTED_FIELDS or name in ENTERED_FIELDS:
        return (0.0, math.inf)
    return (-math.inf, math.inf)


def ranking_rule(
    by: str, *, weights: str | Mapping[str, float] | None = None, known: Collection[str] = ()
) -> RankingRule:
    """The rule named ``by`` (weighted, rice, ice, wsjf), else ``by`` read as a formula
    over ``known`` field names. ``weights`` applies to ``weighted`` only."""
    name = by.strip().lower()
    if weights is not None and name != "weighted":
        raise InputError("--weights applies only to --by weighted")
    if name == "weighted":
        return weighted(weights)
    if name == "rice":
        return rice()
    if name == "ice":
        return ice()
    if name == "wsjf":
        return wsjf()
    return custom(by, known=known or KNOWN_FIELDS)


def weighted(weights: str | Mapping[str, float] | None = None) -> RankingRule:
    given = parse_weights(weights) if isinstance(weights, str) else dict(weights or {})
    chosen = _normalised(given) if given else {d: 1 / 3 for d in DIMENSIONS}
    used = [d for d in DIMENSIONS if chosen.get(d, 0) > 0]
    formula = parse_formula(" + ".join(f"{chosen[d]!r} * {d}" for d in used))
    shown = " + ".join(f"{chosen[d]:.2f} × {d}" for d in used)
    return RankingRule(
        "weighted", formula, tuple(_input(d) for d in formula.fields), shown,
        "a weighted sum of the 0–10 dimension scores, weights normalised to sum to 1",
    )  # fmt: skip


def parse_weights(text: str) -> dict[str, float]:
    """``"user_value=0.5,viability=0.3,feasibility=0.2"`` → weights, normalised to 1."""
    weights: dict[str, float] = {}
    for part in (p.strip() for p in text.split(",")):
        name, sep, number = part.partition("=")
        name = name.strip().lower()
        if not sep or not name:
            raise InputError(
                f"weights: write name=number, e.g. user_value=0.5,viability=0.3,"
                f"feasibility=0.2 (got {part!r})"
            )
        if name not in DIMENSIONS:
            raise InputError(f"weights: {name!r} is not a dimension; use {', '.join(DIMENSIONS)}")
        if name in weights:
            raise InputError(f"weights: {name} is given twice")
        try:
            value = float(number)
        except ValueError:
            raise InputError(f"weights: {number.strip()!r} is not a number ({part})") from None
        if not math.isfinite(value) or value < 0:
            raise InputError(f"weights: must be a number of 0 or more ({part})")
        weights[name] = value
    return _normalised(weights)


def _normalised(weights: Mapping[str, float]) -> dict[str, float]:
    unknown = sorted(set(weights) - set(DIMENSIONS))
    if unknown:
        raise InputError(f"weights: {unknown[0]!r} is not a dimension")
    total = sum(weights.values())
    if not total > 0 or any(w < 0 for w in weights.values()):
        raise InputError("weights: none may be negative and at least one must be above 0")
    return {d: weights.get(d, 0.0) / total for d in DIMENSIONS}


def _lowest_confidence(*names: str) -> Derive:
    def derive(found: Mapping[str, Estimate]) -> Estimate | None:
        if any(n not in found for n in names):
            return None
        lowest = min(found[n].confidence for n in names)
        basis = f"derived: the lowest confidence of {', '.join(names)}"
        return Estimate(lowest, lowest, lowest, 1.0, Origin.COMPUTED, basis)

    return derive


def rice() -> RankingRule:
    formula = parse_formula("reach * impact * confidence / effort_weeks")
    derived = _lowest_confidence("reach", "impact", "effort_weeks")
    inputs = (
        Input("reach", ("reach", "accounts"), bounds=(0.0, math.inf)),
        Input("impact", ("impact",), bounds=(0.0, math.inf)),
        Input("confidence", ("confidence",), derived, bounds=(0.0, 1.0)),
        Input("effort_weeks", ("effort_weeks",), bounds=(0.0, math.inf)),
    )
    return RankingRule(
        "rice", formula, inputs, "reach × impact × confidence / effort_weeks",
        "reach is the entered reach, else the accounts asking; confidence (0–1) is the "
        "entered confidence, else the lowest confidence of reach, impact and effort_weeks",
    )  # fmt: skip


def ice() -> RankingRule:
    formula = parse_formula("impact * confidence * ease")
    return RankingRule(
        "ice", formula, tuple(_input(n) for n in formula.fields),
        "impact × confidence × ease", "all three entered",
    )  # fmt: skip


def wsjf() -> RankingRule:
    formula = parse_formula("(business_value + time_criticality + risk_reduction) / effort_weeks")
    return RankingRule(
        "wsjf", formula, tuple(_input(n) for n in formula.fields),
        "(business_value + time_criticality + risk_reduction) / effort_weeks",
        "cost of delay over job size; the job size is effort_weeks",
    )  # fmt: skip


def custom(text: str, *, known: Collection[str] = KNOWN_FIELDS) -> RankingRule:
    formula = parse_formula(text, known)
    return RankingRule(
        "custom", formula, tuple(_input(n) for n in formula.fields), formula.text,
        "your formula; higher ranks first",
    )  # fmt: skip


def _input(name: str) -> Input:
    return Input(name, (name,), bounds=bounds_of(name))


def rank(items: Sequence[Assessed], rule: RankingRule) -> Ranking:
    """Score every item by ``rule``; highest first, ties in the order given."""
    scored: list[tuple[float, int, Assessed, dict[str, Estimate], tuple[str, ...]]] = []
    not_ranked: list[NotRanked] = []
    for index, item in enumerate(items):
        found, derived, missing = resolve(item, rule)
        if missing:
            not_ranked.append(NotRanked(item, f"needs {', '.join(missing)}"))
            continue
        reason = _out_of_bounds(rule, found)
        if reason is None:
            try:
                score = rule.formula.evaluate({n: e.value for n, e in found.items()})
            except NotComputable as exc:
                reason = f"not rankable: {exc}"
        if reason is not None:
            not_ranked.append(NotRanked(item, reason))
            continue
        # 12 significant digits: (5 + 10 + 2)/3 and (6 + 6 + 5)/3 tie, as they do on paper
        scored.append((float(f"{score:.12g}"), index, item, found, derived))
    scored.sort(key=lambda s: (-s[0], s[1]))
    ranked = tuple(
        Ranked(item, position, score, found, derived)
        for position, (score, _, item, found, derived) in enumerate(scored, 1)
    )
    return Ranking(rule, ranked, tuple(not_ranked))


def resolve(
    item: Assessed, rule: RankingRule
) -> tuple[dict[str, Estimate], tuple[str, ...], list[str]]:
    """The figure behind each input of ``rule`` for ``item``: (found, derived, missing)."""
    found: dict[str, Estimate] = {}
    # A dimension nobody assessed carries a placeholder score: ranking on it would be a
    # silent default, so it counts as missing.
    unassessed = [d.name.value for d in item.dimensions if not d.known]
    for spec in rule.inputs:
        source = next((s for s in spec.sources if s in item.fields), None)
        if spec.name in unassessed:
            continue
        if source is not None:
            found[spec.name] = item.fields[source]
        elif spec.name in DIMENSIONS:
            found[spec.name] = getattr(item, spec.name).score
    derived = []
    for spec in rule.inputs:
        if spec.name not in found and spec.derive is not None:
            estimate = spec.derive(found)
            if estimate is not None:
                found[spec.name] = estimate
                derived.append(spec.name)
    # A derivable input is never "needed": once the others are entered, it is derived.
    missing = [
        s.needs + (" (not assessed yet)" if s.name in unassessed else "")
        for s in rule.inputs
        if s.name not in found and s.derive is None
    ]
    return found, tuple(derived), missing


def _out_of_bounds(rule: RankingRule, found: Mapping[str, Estimate]) -> str | None:
    """RICE's confidence is a 0–1 share: an entered 80 is refused, not silently read as 80%."""
    if rule.name != "rice":
        return None
    confidence = found["confidence"].value
    if not 0 <= confidence <= 1:
        return f"confidence {confidence:g} is outside 0–1 (RICE reads 80% as 0.8)"
    return None
