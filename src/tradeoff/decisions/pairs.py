"""Two opportunities side by side: what each gives up against the other, in plain words
generated from the figures ("A reaches 3× the accounts B reaches (45 vs 15)").

A trade-off is only honest when it names what is given up, so every sentence comes from a
figure both opportunities have, and only a difference that matters is said:

- counts, money and effort (unbounded figures, and the team's own impact, ease, business
  value and time criticality scales): the larger is at least 1.25× the smaller, or one is 0
  and the other is not, or their signs differ;
- 0–10 scores (the three dimensions and factors such as strategic fit or delivery risk):
  at least 1 point apart.

A figure one side lacks is never read as 0: it becomes a caveat ("B has no evidence from
accounts yet"), as do unknown or low-confidence dimensions and effort (confidence below
0.65, nearer the scale's "low" 0.5 than its "medium" 0.8) and overridden scores. Nothing
is divided by zero: a ratio is only formed when both figures are positive.

Example::

    >>> compare(bulk_payments, card_controls, "USD").a_gives_up
    ("Card controls protects $1.2M of open pipeline that Bulk payments does not touch",)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from tradeoff.decisions.estimates import Assessed, Dimension, Estimate
from tradeoff.decisions.frontier import dominance

RATIO = 1.25
SCORE_GAP = 1.0
LOW_CONFIDENCE = 0.65
SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£"}


@dataclass(frozen=True)
class Figure:
    """A figure where more is better, compared by ratio. Templates get ``w`` (the title of
    the one ahead), ``lo`` (the other), ``ws`` and ``los`` (their possessives), ``wv`` and
    ``lv`` (their figures) and ``r`` (the ratio)."""

    name: str
    said: str
    zero: str  # when the other's figure is 0
    missing: str  # "B has ..." when the other's figure is absent
    money: bool = False


def _count(name: str, noun: str) -> Figure:
    return Figure(name, f"{{w}} reaches {{r}} the {noun} {{lo}} reaches ({{wv}} vs {{lv}})",
                  f"{{w}} reaches {{wv}} {noun}; {{lo}} reaches none yet",
                  f"no evidence from {noun} yet")  # fmt: skip


def _money(name: str, noun: str, verb: str) -> Figure:
    return Figure(name, f"{{w}} {verb} {{r}} the {noun} ({{wv}} vs {{lv}})",
                  f"{{w}} {verb} {{wv}} of {noun} that {{lo}} does not touch",
                  f"no {noun} figure yet", money=True)  # fmt: skip


def _scale(name: str, label: str, missing: str) -> Figure:
    said = f"{{ws}} {label} is {{r}} {{los}} ({{wv}} vs {{lv}})"
    return Figure(name, said, f"{{ws}} {label} is {{wv}}; {{los}} is 0", missing)


FIGURES = (
    _count("accounts", "accounts"),
    _count("end_users", "end users"),
    _count("items", "evidence items"),
    _money("arr", "ARR from the accounts asking", "protects"),
    _money("pipeline", "open pipeline", "protects"),
    _money("lost", "revenue lost citing it", "answers"),
    _money("churned", "churned ARR citing it", "answers"),
    _money("renewals_90", "ARR renewing within 90 days", "protects"),
    _money("renewals_180", "ARR renewing within 180 days", "protects"),
    # the team's own open-ended scales (RICE impact 0.25–3, ICE 1–10, ...)
    _scale("reach", "entered reach", "no reach entered yet"),
    _scale("impact", "impact", "no impact entered yet"),
    _scale("ease", "ease", "no ease entered yet"),
    _scale("business_value", "business value", "no business value entered yet"),
    _scale("time_criticality", "time criticality", "no time criticality entered yet"),
)
#: 0–10 factors compared by points: field → (label, higher is better)
FACTORS = {
    "strategic_fit": ("strategic fit", True), "risk_reduction": ("risk it removes", True),
    "operability": ("operability", True), "cost_to_serve": ("cost to serve", False),
    "support_load": ("support load", False), "compliance_risk": ("compliance risk", False),
    "delivery_risk": ("delivery risk", False), "debt_impact": ("technical debt added", False),
}  # fmt: skip


@dataclass(frozen=True)
class Contrast:
    field: str
    favours: int  # the id of the opportunity that is ahead on this figure
    sentence: str


@dataclass(frozen=True)
class Comparison:
    a: Assessed
    b: Assessed
    currency: str
    summary: str  # which dominates on the three dimensions, or that neither does
    contrasts: tuple[Contrast, ...]
    caveats: tuple[str, ...]

    @property
    def a_gives_up(self) -> tuple[str, ...]:
        """What choosing A gives up: every contrast where B is ahead."""
        return tuple(c.sentence for c in self.contrasts if c.favours == self.b.id)

    @property
    def b_gives_up(self) -> tuple[str, ...]:
        return tuple(c.sentence for c in self.contrasts if c.favours == self.a.id)

    def to_json(self) -> dict[str, Any]:
        return {
            "a": {"id": self.a.id, "title": self.a.title},
            "b": {"id": self.b.id, "title": self.b.title},
            "currency": self.currency,
            "summary": self.summary,
            "a_gives_up": list(self.a_gives_up),
            "b_gives_up": list(self.b_gives_up),
            "contrasts": [
                {"field": c.field, "favours": c.favours, "sentence": c.sentence}
                for c in self.contrasts
            ],
            "caveats": list(self.caveats),
        }


def compare(a: Assessed, b: Assessed, currency: str) -> Comparison:
    """Every difference that matters between ``a`` and ``b``, and what is not known."""
    contrasts: list[Contrast] = []
    caveats: list[str] = []
    for da, db in zip(a.dimensions, b.dimensions, strict=True):
        gap = da.score.value - db.score.value
        if abs(gap) >= SCORE_GAP:
            (ahead, top), bottom = ((a, da), db) if gap > 0 else ((b, db), da)
            contrasts.append(Contrast(da.name.value, ahead.id, (
                f"{ahead.title} scores higher on {da.name.heading.lower()}: "
                f"{top.score.value:.1f} vs {bottom.score.value:.1f} out of 10")))  # fmt: skip
    for item in (a, b):
        caveats += [_dimension_caveat(item, d) for d in item.dimensions]
    for figure in FIGURES:
        contrasts += _ratio(a, b, figure, currency, caveats)
    contrasts += _effort(a, b, caveats)
    for name, (label, higher_is_better) in FACTORS.items():
        contrasts += _factor(a, b, name, label, higher_is_better)
    return Comparison(a, b, currency, _summary(a, b), tuple(contrasts),
                      tuple(c for c in caveats if c))  # fmt: skip


def _dimension_caveat(item: Assessed, d: Dimension) -> str:
    heading = d.name.heading.lower()
    if not d.known:
        return f"{possessive(item.title)} {heading} is not known: nothing was computed or entered"
    if d.override_reason:
        return f"{possessive(item.title)} {heading} was overridden by hand: {d.override_reason}"
    if d.score.confidence < LOW_CONFIDENCE:
        return (
            f"{possessive(item.title)} {heading} is a low-confidence guess "
            f"(confidence {d.score.confidence:.2f})"
        )
    return ""


def _ratio(
    a: Assessed, b: Assessed, figure: Figure, currency: str, caveats: list[str]
) -> list[Contrast]:
    """A ratio sentence for a figure where more is better; a caveat for a missing one."""
    fa, fb = a.fields.get(figure.name), b.fields.get(figure.name)
    if fa is None or fb is None:
        for item, mine, theirs in ((a, fa, fb), (b, fb, fa)):
            if mine is None and theirs is not None and theirs.value != 0:
                caveats.append(f"{item.title} has {figure.missing}")
        return []
    if fa.value == fb.value:
        return []
    (w, wv), (lo, lv) = ((a, fa.value), (b, fb.value)) if fa.value > fb.value else (
        (b, fb.value), (a, fa.value))  # fmt: skip

    def show(value: float) -> str:
        return money(value, currency) if figure.money else _num(value)

    words = {"w": w.title, "lo": lo.title, "ws": possessive(w.title),
             "los": possessive(lo.title), "wv": show(wv), "lv": show(lv)}  # fmt: skip
    if lv == 0:
        return [Contrast(figure.name, w.id, figure.zero.format(**words))]
    if lv > 0 and wv / lv >= RATIO:
        return [Contrast(figure.name, w.id, figure.said.format(r=times(wv / lv), **words))]
    if lv < 0 < wv:
        return [Contrast(figure.name, w.id, "{ws} {name} is {wv}; {los} is {lv}".format(
            name=figure.name, **words))]  # fmt: skip
    return []


def _effort(a: Assessed, b: Assessed, caveats: list[str]) -> list[Contrast]:
    """Effort, where less is better: the sentence names the costlier one."""
    fa, fb = a.fields.get("effort_weeks"), b.fields.get("effort_weeks")
    for item, mine in ((a, fa), (b, fb)):
        if mine is None:
            caveats.append(f"{item.title} has no effort estimate yet")
        elif mine.confidence < LOW_CONFIDENCE:
            caveats.append(
                f"{possessive(item.title)} effort is a low-confidence guess "
                f"(confidence {mine.confidence:.2f})"
            )
    if fa is None or fb is None or fa.value == fb.value:
        return []
    (hi, he), (lo, le) = ((a, fa), (b, fb)) if fa.value > fb.value else ((b, fb), (a, fa))
    if le.value <= 0:
        return [Contrast("effort_weeks", lo.id, f"{hi.title} costs {_num(he.value)} person-weeks; "
                         f"{lo.title} is entered as no effort")]  # fmt: skip
    if he.value / le.value < RATIO:
        return []
    ranges = ""
    if he.low != he.high or le.low != le.high:
        ranges = f"; ranges {_weeks(he)} and {_weeks(le)}"
    return [Contrast("effort_weeks", lo.id, (
        f"{hi.title} costs {times(he.value / le.value)} the effort of {lo.title} "
        f"({_num(he.value)} vs {_num(le.value)} person-weeks{ranges})"))]  # fmt: skip


def _factor(a: Assessed, b: Assessed, name: str, label: str, higher_is_better: bool
            ) -> list[Contrast]:  # fmt: skip
    fa, fb = a.fields.get(name), b.fields.get(name)
    if fa is None or fb is None or abs(fa.value - fb.value) < SCORE_GAP:
        return []
    (top, tv), (bottom, bv) = ((a, fa), (b, fb)) if fa.value > fb.value else ((b, fb), (a, fa))
    figures = f"({_num(tv.value)} vs {_num(bv.value)} out of 10)"
    if higher_is_better:
        return [Contrast(name, top.id, f"{top.title} is ahead on {label} {figures}")]
    return [Contrast(name, bottom.id, f"{top.title} carries more {label} {figures}")]


def _summary(a: Assessed, b: Assessed) -> str:
    for x, y in ((a, b), (b, a)):
        found = dominance(x, y)
        if found is not None:
            better = ", ".join(n.heading.lower() for n in found.better_on)
            text = f"{x.title} dominates {y.title}: at least as good on all three dimensions, "
            text += f"better on {better}"
            if found.uncertain:
                shaky = ", ".join(n.heading.lower() for n in found.uncertain_on)
                text += f" (uncertain within the stated ranges: {shaky})"
            return text
    if all(da.score.value == db.score.value for da, db in zip(a.dimensions, b.dimensions,
                                                               strict=True)):  # fmt: skip
        return f"{a.title} and {b.title} score the same on all three dimensions"
    return "Neither dominates: each is ahead on at least one dimension"


def possessive(title: str) -> str:
    """ "Receipts'" and "Bulk payments'", but "Card control's"."""
    return title + ("'" if title.endswith(("s", "S")) else "'s")


def times(ratio: float) -> str:
    """2.0 → "twice", 3.0 → "3×", 1.5 → "1.5×", 12.4 → "12×"."""
    if 1.95 <= ratio < 2.05:
        return "twice"
    if ratio >= 10:
        return f"{ratio:,.0f}×"
    tenths = math.floor(ratio * 10 + 0.5) / 10  # half up: 1.25 → 1.3, never below the rule
    return f"{tenths:.1f}".removesuffix(".0") + "×"


def money(amount: float, currency: str) -> str:
    """Compact money: $1.2M, €300k, £950, CHF 45k."""
    sign, rest = ("-" if amount < 0 else ""), abs(amount)
    text = f"{rest:,.0f}"
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        scaled = rest / limit
        if round(scaled, 1) >= 1:
            text = f"{scaled:.1f}".removesuffix(".0") if scaled < 9.95 else f"{scaled:,.0f}"
            text += suffix
            break
    symbol = SYMBOLS.get(currency.upper())
    return f"{sign}{symbol}{text}" if symbol else f"{sign}{currency.upper()} {text}"


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0")


def _weeks(estimate: Estimate) -> str:
    if estimate.low == estimate.high:
        return _num(estimate.value)
    return f"{_num(estimate.low)}–{_num(estimate.high)}"
