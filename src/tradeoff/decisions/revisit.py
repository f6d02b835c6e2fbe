"""Revisit: which decisions' signals have fired, read against the workspace's data now.

A decision that names the signal that would change it is only honest if someone looks.
This evaluates every signal of every current decided or "not yet" decision:

- ``metric``: fires once ``N`` values in a row, recorded after the decision's date (and
  on or before the day we look), satisfy the comparison. It stays fired until the decision
  is revised: a signal that fired in June and nobody acted on is still news in October.
- ``theme`` / ``problem`` / ``opportunity``: the subject's demand as of the day we look
  (``analysis.business.demand``); a merged theme is followed to the theme it went into.
- ``date``: fires on that day.
- ``note:``: listed to check by hand.

A signal that cannot be read (unknown metric, no data yet, an archived theme) is listed
with the reason, never silently skipped.

>>> [c.signal for c in revisit(engine, as_of=date(2026, 10, 31)).fired]  # doctest: +SKIP
['metric card_decline_tickets > 18 for 2 periods']
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine

from tradeoff.analysis.business.demand import demand
from tradeoff.analysis.business.demand_model import Demand
from tradeoff.decisions.log import list_decisions
from tradeoff.decisions.plain_words import amount_words
from tradeoff.decisions.records import DecisionRecord
from tradeoff.decisions.signals import (
    DateSignal,
    DemandSignal,
    Measure,
    MetricSignal,
    NoteSignal,
    Signal,
    SignalSyntaxError,
    Subject,
    number_text,
    parse_signal,
)
from tradeoff.domain.enums import DecisionStatus, ThemeStatus
from tradeoff.domain.names import metric_slug
from tradeoff.storage import decision_log as store
from tradeoff.storage.demand import SubjectKind
from tradeoff.storage.session import read_session

#: Only decisions that were taken have signals worth watching.
WATCHED = (DecisionStatus.DECIDED, DecisionStatus.NOT_YET)


class Outcome(StrEnum):
    FIRED = "fired"
    NOT_FIRED = "not fired"
    CANNOT_EVALUATE = "cannot evaluate"
    BY_HAND = "check by hand"


@dataclass(frozen=True)
class SignalCheck:
    """One signal read against the data: the figure now, the threshold, and why not when
    it could not be read (``detail``)."""

    decision_id: int
    question: str
    owner: str | None
    signal: str
    outcome: Outcome
    figure: str | None = None
    threshold: str | None = None
    fired_on: date | None = None
    detail: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "decision": self.decision_id,
            "question": self.question,
            "owner": self.owner,
            "signal": self.signal,
            "outcome": self.outcome.value,
            "figure": self.figure,
            "threshold": self.threshold,
            "fired_on": self.fired_on.isoformat() if self.fired_on else None,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class RevisitReport:
    as_of: date
    checks: tuple[SignalCheck, ...]

    def of(self, outcome: Outcome) -> list[SignalCheck]:
        return [c for c in self.checks if c.outcome is outcome]

    @property
    def fired(self) -> list[SignalCheck]:
        return self.of(Outcome.FIRED)

    def fired_per_decision(self) -> dict[int, int]:
        counts: dict[int, int] = {}
        for check in self.fired:
            counts[check.decision_id] = counts.get(check.decision_id, 0) + 1
        return counts

    def to_json(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            **{o.value.replace(" ", "_"): [c.to_json() for c in self.of(o)] for o in Outcome},
        }


def revisit(
    engine: Engine,
    *,
    as_of: date | None = None,
    records: Sequence[DecisionRecord] | None = None,
) -> RevisitReport:
    """Read every signal of the current decided and "not yet" decisions (or of ``records``)
    as of ``as_of`` (default today)."""
    day = as_of or datetime.now(UTC).date()
    chosen = list_decisions(engine) if records is None else list(records)
    watched = [r for r in chosen if r.is_current and r.decision.status in WATCHED]
    parsed: list[tuple[DecisionRecord, str, Signal | SignalSyntaxError]] = []
    for record in sorted(watched, key=lambda r: r.id):
        for text in record.decision.revisit_signals:
            try:
                parsed.append((record, text, parse_signal(text)))
            except SignalSyntaxError as exc:
                parsed.append((record, text, exc))
    reader = _Reader(engine, day, [s for _, _, s in parsed if not isinstance(s, Exception)])
    checks = []
    for record, text, signal in parsed:
        base = SignalCheck(record.id, record.decision.title, record.decision.owner, text,
                           Outcome.CANNOT_EVALUATE)  # fmt: skip
        if isinstance(signal, SignalSyntaxError):
            checks.append(_with(base, detail=f"does not parse: {signal.message}"))
        elif isinstance(signal, NoteSignal):
            checks.append(_with(base, outcome=Outcome.BY_HAND))
        elif isinstance(signal, DateSignal):
            checks.append(_date(base, signal, day))
        elif isinstance(signal, MetricSignal):
            decided = record.decision.decided_at.date() if record.decision.decided_at else None
            checks.append(reader.metric(base, signal, decided))
        else:
            checks.append(reader.demand(base, signal))
    return RevisitReport(day, tuple(checks))


def _with(check: SignalCheck, **changes: Any) -> SignalCheck:
    return SignalCheck(**{**check.__dict__, **changes})


def _date(base: SignalCheck, signal: DateSignal, day: date) -> SignalCheck:
    fired = day >= signal.on
    return _with(
        base,
        outcome=Outcome.FIRED if fired else Outcome.NOT_FIRED,
        figure=day.isoformat(),
        threshold=f"on {signal.on.isoformat()}",
        fired_on=signal.on if fired else None,
        detail=None if fired else f"{(signal.on - day).days} days to go",
    )


class _Reader:
    """Everything the signals need, read once: metric series, theme states, demand."""

    def __init__(self, engine: Engine, day: date, signals: list[Signal]) -> None:
        self.day = day
        metrics = {metric_slug(s.metric) for s in signals if isinstance(s, MetricSignal)}
        demand_signals = [s for s in signals if isinstance(s, DemandSignal)]
        with read_session(engine) as session:
            definitions = store.metric_definitions(session)
            self.metrics: dict[str, tuple[str, list[tuple[date, Decimal]]]] = {}
            for definition in definitions:
                slug = metric_slug(definition.name)
                if slug in metrics and slug not in self.metrics and definition.id is not None:
                    series = store.metric_series(session, definition.id, until=day)
                    self.metrics[slug] = (definition.name, series)
            self.themes = store.theme_states(session) if demand_signals else {}
        self.targets: dict[tuple[Subject, int], int | str] = {}
        wanted: dict[Subject, set[int]] = {s: set() for s in Subject}
        for signal in demand_signals:
            target = self._target(signal)
            self.targets[signal.subject, signal.subject_id] = target
            if isinstance(target, int):
                wanted[signal.subject].add(target)
        self.figures: dict[tuple[Subject, int], Demand] = {}
        for subject, ids in wanted.items():
            if ids:
                kind = SubjectKind(subject.value)
                for result in demand(engine, kind, as_of=day, ids=sorted(ids)):
                    self.figures[subject, result.id] = result.total

    def _target(self, signal: DemandSignal) -> int | str:
        """The id whose demand answers the signal, or why there is none."""
        if signal.subject is not Subject.THEME:
            return signal.subject_id
        ident, seen = signal.subject_id, set()
        while True:
            state = self.themes.get(ident)
            if state is None:
                return f"theme {ident} no longer exists"
            if state.status is ThemeStatus.ARCHIVED:
                return f"theme {ident} is archived"
            if state.status is not ThemeStatus.MERGED:
                return ident
            seen.add(ident)
            if state.merged_into_id is None or state.merged_into_id in seen:
                return f"theme {ident} was merged into a theme that no longer exists"
            ident = state.merged_into_id

    def metric(self, base: SignalCheck, signal: MetricSignal, decided: date | None) -> SignalCheck:
        threshold = f"{signal.operator} {number_text(signal.threshold)}"
        if signal.periods > 1:
            threshold += f" for {signal.periods} periods"
        base = _with(base, threshold=threshold)
        found = self.metrics.get(metric_slug(signal.metric))
        if found is None:
            return _with(base, detail=f"no metric named {signal.metric!r}")
        name, series = found
        if not series:
            return _with(base, detail=f"{name} has no values on or before {self.day}")
        latest = _value(*series[-1])
        after = [(d, v) for d, v in series if decided is None or d > decided]
        if not after:
            return _with(base, figure=latest, detail=f"no value since the decision ({decided})")
        run: list[tuple[date, Decimal]] = []
        for day, value in after:
            run = [*run, (day, value)] if signal.operator.holds(value, signal.threshold) else []
            if len(run) >= signal.periods:
                fired = run[-signal.periods :]
                shown = ", ".join(_value(d, v) for d, v in fired)
                return _with(base, outcome=Outcome.FIRED, figure=latest, fired_on=day,
                             detail=f"fired with {shown}")  # fmt: skip
        recent = ", ".join(_value(d, v) for d, v in after[-signal.periods :])
        return _with(base, outcome=Outcome.NOT_FIRED, figure=latest, detail=f"latest {recent}")

    def demand(self, base: SignalCheck, signal: DemandSignal) -> SignalCheck:
        target = self.targets[signal.subject, signal.subject_id]
        money = signal.measure.is_money
        threshold = f"{signal.operator} {number_text(signal.threshold)}"
        base = _with(base, threshold=threshold)
        if isinstance(target, str):
            return _with(base, detail=target)
        found = self.figures.get((signal.subject, target))
        if found is None:
            return _with(base, detail=f"no {signal.subject} with id {target}")
        value, shown, unconverted = _measure(found, signal.measure)
        notes = []
        if target != signal.subject_id:
            notes.append(f"theme {signal.subject_id} was merged into theme {target}")
        if unconverted:
            notes.append(f"not counted (no rate): {unconverted}")
        fired = signal.operator.holds(value, signal.threshold)
        return _with(
            base,
            outcome=Outcome.FIRED if fired else Outcome.NOT_FIRED,
            figure=shown,
            threshold=(f"{threshold} {_currency(found)}" if money else threshold),
            fired_on=self.day if fired else None,
            detail="; ".join(notes) or None,
        )


def _measure(found: Demand, measure: Measure) -> tuple[Decimal, str, str]:
    """The figure a measure reads, how it is shown, and any money left unconverted."""
    reach = found.reach
    counted = {
        Measure.ITEMS: reach.items,
        Measure.DIRECT_ITEMS: reach.direct,
        Measure.OBSERVED_ITEMS: reach.observed,
        Measure.ACCOUNTS: reach.accounts,
        Measure.END_USERS: reach.end_users,
    }
    if measure in counted:
        return Decimal(counted[measure]), f"{counted[measure]:,}", ""
    total = getattr(found, measure.value).total
    rest = ", ".join(f"{c} {amount_words(a)}" for c, a in sorted(total.unconverted.items()))
    return total.amount, f"{total.base} {amount_words(total.amount.quantize(Decimal(1)))}", rest


def _currency(found: Demand) -> str:
    return str(found.arr.total.base)


def _value(day: date, value: Decimal) -> str:
    return f"{number_text(value)} on {day.isoformat()}"
