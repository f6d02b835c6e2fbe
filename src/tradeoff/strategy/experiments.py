"""Experiments: the smallest test that buys information, judged by a rule written in advance.

An experiment is planned with its hypothesis, its decision rule in words, and either a
metric with a threshold or a two-proportion design (baseline rate, minimum effect worth
acting on, alpha, power: the sample size per arm is computed from them). Once it starts,
the hypothesis, metric, threshold, rule, design and end date are fixed — pre-registration:
a rule chosen after seeing the data is no rule — and any change is refused.

A result is judged by that rule:

- **Arms** (control and treatment counts): a two-sided pooled two-proportion z-test.
  p < alpha with the lift in the hypothesised direction and at least the minimum effect →
  passed; p < alpha the other way → failed; otherwise inconclusive (a significant lift
  smaller than the minimum effect too). A sample below the size computed in advance is said
  plainly. Successes are the outcome the hypothesis wants more of (count businesses that
  stayed, not those that churned), so the hypothesised direction is always a higher rate —
  whatever a metric the experiment also names measures.
- **A metric threshold**: the mean of the metric's whole-business values from the start to
  the end date (both included) against the threshold, on the metric's good side (at or
  below it for a metric where down is good) → passed, else failed. Read before the end
  date, it is an interim reading, never a result.

Concluding links back: a passed test validates the assumption, a failed one invalidates
it, an inconclusive one leaves it ``testing``; the decision it informs is shown with it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.domain.decisions import Assumption, Decision, Experiment
from tradeoff.domain.enums import (
    AssumptionStatus,
    ExperimentResult,
    ExperimentStatus,
    MetricDirection,
)
from tradeoff.domain.strategy import MetricDefinition
from tradeoff.errors import Conflict, InputError
from tradeoff.storage import experiments as store
from tradeoff.storage import metrics, repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.strategy.sample_size import (
    Arm,
    Verdict,
    judge_arms,
    judge_threshold,
    sample_size_per_arm,
)

DEFAULT_ALPHA = 0.05
DEFAULT_POWER = 0.8
#: Fixed at the start (pre-registration), with the words a refusal uses.
PREREGISTERED = {
    "hypothesis": "hypothesis",
    "metric_id": "metric",
    "threshold": "threshold",
    "decision_rule": "decision rule",
    "baseline_rate": "baseline rate",
    "minimum_effect": "minimum effect",
    "alpha": "alpha",
    "power": "power",
    "ended_at": "end date",
}
ASSUMPTION_AFTER = {
    ExperimentResult.PASSED: AssumptionStatus.VALIDATED,
    ExperimentResult.FAILED: AssumptionStatus.INVALIDATED,
    ExperimentResult.INCONCLUSIVE: AssumptionStatus.TESTING,
}


@dataclass(frozen=True)
class ExperimentView:
    experiment: Experiment
    assumption: Assumption | None
    decision: Decision | None
    metric: MetricDefinition | None
    #: The sample size per arm computed from the design; None without a design.
    required_n: int | None
    #: The judgement of the stored arms, or the metric's reading (interim before the end).
    verdict: Verdict | None
    interim: bool


def day_start(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def hypothesised_up(metric: MetricDefinition | None) -> bool:
    """For a metric threshold: which side of it is good."""
    return metric is None or metric.direction is MetricDirection.UP_IS_GOOD


def required_sample(experiment: Experiment) -> int | None:
    """The per-arm sample size of the design, or None when no design was given."""
    if experiment.baseline_rate is None or experiment.minimum_effect is None:
        return None
    return sample_size_per_arm(
        experiment.baseline_rate,
        experiment.minimum_effect,
        alpha=experiment.alpha or DEFAULT_ALPHA,
        power=experiment.power or DEFAULT_POWER,
        up=True,
    )


def _metric(session: Session, name: str | None) -> MetricDefinition | None:
    return None if name is None else metrics.get_metric(session, name)


def new_experiment(
    engine: Engine,
    *,
    assumption_id: int,
    hypothesis: str,
    rule: str,
    metric: str | None = None,
    threshold: float | None = None,
    baseline: float | None = None,
    effect: float | None = None,
    alpha: float | None = None,
    power: float | None = None,
    decision_id: int | None = None,
    start: date | None = None,
    end: date | None = None,
) -> ExperimentView:
    """Plan an experiment on an assumption; its decision defaults to the assumption's.

    >>> new_experiment(engine, assumption_id=1, hypothesis="...", rule="ship if ...",
    ...                baseline=0.10, effect=0.02).required_n
    3841
    """
    if not rule.strip():
        raise InputError('an experiment states its decision rule in advance: --rule "..."')
    with write_session(engine) as session:
        assumption = store.get_assumption(session, assumption_id)
        if store.experiment_by_hypothesis(session, hypothesis, assumption_id) is not None:
            raise Conflict(
                f"assumption {assumption_id} already has an experiment with this "
                "hypothesis; see tradeoff assumption show "
                f"{assumption_id}"
            )
        found = _metric(session, metric)
        chosen = decision_id if decision_id is not None else assumption.decision_id
        store.require_decision(session, chosen)
        planned = _checked(
            Experiment(
                assumption_id=assumption_id,
                hypothesis=hypothesis,
                decision_rule=rule,
                metric_id=None if found is None else found.id,
                threshold=threshold,
                baseline_rate=baseline,
                minimum_effect=effect,
                alpha=DEFAULT_ALPHA if alpha is None else alpha,
                power=DEFAULT_POWER if power is None else power,
                decision_id=chosen,
                started_at=None if start is None else day_start(start),
                ended_at=None if end is None else day_start(end),
            ),
            found,
        )
        stored = repository.add(session, planned)
        return _view(session, stored)


def _checked(experiment: Experiment, metric: MetricDefinition | None) -> Experiment:
    """The design's parts go together, and its sample size can be computed."""
    if experiment.threshold is not None and metric is None:
        raise InputError("a threshold needs the metric it applies to: --metric NAME")
    if (experiment.baseline_rate is None) != (experiment.minimum_effect is None):
        raise InputError("a sample-size design needs both --baseline and --effect")
    required_sample(experiment)  # refuses an impossible design now, not at the end
    return experiment


def edit_experiment(engine: Engine, experiment_id: int, **changes: Any) -> ExperimentView:
    """Change a planned experiment; once started, its pre-registered parts are refused.

    ``changes`` are field names (``hypothesis``, ``decision_rule``, ``threshold``,
    ``baseline_rate``, …; ``metric`` by name; ``started_at``/``ended_at`` as dates).
    """
    with write_session(engine) as session:
        current = store.get_experiment(session, experiment_id)
        wanted = dict(changes)
        found: MetricDefinition | None = None
        if "metric" in wanted:
            found = _metric(session, wanted.pop("metric"))
            wanted["metric_id"] = None if found is None else found.id
        elif current.metric_id is not None:
            found = repository.get(session, MetricDefinition, current.metric_id)
        for name in ("started_at", "ended_at"):
            if isinstance(wanted.get(name), date):
                wanted[name] = day_start(wanted[name])
        changed = {k: v for k, v in wanted.items() if getattr(current, k) != v}
        if not changed:
            raise InputError("nothing to change: give at least one option with a new value")
        if current.status is not ExperimentStatus.PLANNED:
            fixed = [PREREGISTERED[k] for k in changed if k in PREREGISTERED]
            if fixed or "started_at" in changed:
                started = current.started_at.date() if current.started_at else "its start"
                raise Conflict(
                    f"experiment {experiment_id} started on {started} ({current.status.value}): "
                    f"its {', '.join(fixed or ['start date'])} cannot change after the start "
                    "(pre-registration); plan a new experiment instead"
                )
        if "decision_id" in changed:
            store.require_decision(session, changed["decision_id"])
        if "assumption_id" in changed:
            store.get_assumption(session, changed["assumption_id"])
        edited = _checked(replace(current, **changed), found)
        return _view(session, repository.update(session, edited))


def start_experiment(engine: Engine, experiment_id: int, on: date | None = None) -> ExperimentView:
    """Start a planned experiment: its rule and design are fixed from now on, and its
    assumption is ``testing``."""
    with write_session(engine) as session:
        experiment = store.get_experiment(session, experiment_id)
        if experiment.status is not ExperimentStatus.PLANNED:
            raise Conflict(f"experiment {experiment_id} is {experiment.status.value}, not planned")
        if on is not None:
            experiment.started_at = day_start(on)
        elif experiment.started_at is None:
            experiment.started_at = day_start(date.today())
        if experiment.ended_at is not None and experiment.ended_at < experiment.started_at:
            raise InputError(f"experiment {experiment_id} ends before it would start")
        experiment.status = ExperimentStatus.RUNNING
        stored = repository.update(session, experiment)
        _assumption_to(
            session, experiment.assumption_id, AssumptionStatus.TESTING, only_untested=True
        )
        return _view(session, stored)


def record_arms(engine: Engine, experiment_id: int, control: Arm, treatment: Arm) -> ExperimentView:
    """Judge two arms by the experiment's rule and conclude it (module docstring)."""
    with write_session(engine) as session:
        experiment = _running(session, experiment_id)
        verdict = judge_arms(
            control,
            treatment,
            alpha=experiment.alpha or DEFAULT_ALPHA,
            minimum_effect=experiment.minimum_effect,
            up=True,
            required_n=required_sample(experiment),
        )
        experiment.control_n, experiment.control_successes = control.n, control.successes
        experiment.treatment_n, experiment.treatment_successes = treatment.n, treatment.successes
        return _conclude(session, experiment, verdict)


def record_from_metric(
    engine: Engine, experiment_id: int, *, today: date | None = None
) -> ExperimentView:
    """Judge the metric's mean over the window by the threshold and conclude; refused before
    the end date, because a result read early is a peek, not the pre-registered test."""
    with write_session(engine) as session:
        experiment = _running(session, experiment_id)
        metric = _stored_metric(session, experiment)
        if metric is None or experiment.threshold is None:
            raise InputError(
                f"experiment {experiment_id} names no metric; give --control and "
                "--treatment instead"
            )
        day = today or date.today()
        if experiment.ended_at is not None and day < experiment.ended_at.date():
            raise Conflict(
                f"experiment {experiment_id} runs until {experiment.ended_at.date()}: its result "
                "is read after the end date it was planned with (tradeoff experiment show "
                f"{experiment_id} gives the interim reading)"
            )
        verdict = metric_reading(session, experiment, metric, day)
        if verdict is None:
            raise InputError(
                f"no values of {metric.name!r} from the start to the end date; "
                "import them with tradeoff import metrics"
            )
        if experiment.ended_at is None:
            experiment.ended_at = day_start(day)
        return _conclude(session, experiment, verdict)


def metric_reading(
    session: Session, experiment: Experiment, metric: MetricDefinition, today: date
) -> Verdict | None:
    """The threshold rule on the metric's values from the start to the end (or today,
    when that comes first)."""
    if experiment.started_at is None or experiment.threshold is None or metric.id is None:
        return None
    first = experiment.started_at.date()
    # Up to today while it runs: an interim reading never reads values not yet known.
    last = min(experiment.ended_at.date(), today) if experiment.ended_at else today
    values = [
        v.value
        for v in metrics.metric_values(session, metric.id, until=last)
        if v.observed_on >= first
    ]
    if not values:
        return None
    unit = f" {metric.unit}" if metric.unit else ""
    return judge_threshold(
        sum(values) / len(values),
        len(values),
        threshold=experiment.threshold,
        up=hypothesised_up(metric),
        unit=unit,
    )


def _running(session: Session, experiment_id: int) -> Experiment:
    experiment = store.get_experiment(session, experiment_id)
    if experiment.status is ExperimentStatus.PLANNED:
        raise Conflict(
            f"experiment {experiment_id} has not started: its rule is fixed by "
            f"tradeoff experiment start {experiment_id} before any result"
        )
    if experiment.status is not ExperimentStatus.RUNNING:
        raise Conflict(
            f"experiment {experiment_id} is {experiment.status.value} "
            f"({experiment.result.value}); a result is recorded once"
        )
    return experiment


def _stored_metric(session: Session, experiment: Experiment) -> MetricDefinition | None:
    if experiment.metric_id is None:
        return None
    return repository.get(session, MetricDefinition, experiment.metric_id)


def _conclude(session: Session, experiment: Experiment, verdict: Verdict) -> ExperimentView:
    experiment.status = ExperimentStatus.CONCLUDED
    experiment.result = verdict.result
    experiment.observed_value = verdict.observed
    if experiment.ended_at is None:
        experiment.ended_at = day_start(date.today())
    stored = repository.update(session, experiment)
    _assumption_to(session, experiment.assumption_id, ASSUMPTION_AFTER[verdict.result])
    return _view(session, stored, verdict)


def _assumption_to(
    session: Session,
    assumption_id: int | None,
    status: AssumptionStatus,
    *,
    only_untested: bool = False,
) -> None:
    if assumption_id is None:
        return
    assumption = store.get_assumption(session, assumption_id)
    if only_untested and assumption.status is not AssumptionStatus.UNTESTED:
        return
    if assumption.status is not status:
        assumption.status = status
        repository.update(session, assumption)


def experiment_view(
    engine: Engine, experiment_id: int, *, today: date | None = None
) -> ExperimentView:
    with read_session(engine) as session:
        return _view(session, store.get_experiment(session, experiment_id), today=today)


def experiment_list(engine: Engine) -> list[ExperimentView]:
    """Every experiment, newest first."""
    with read_session(engine) as session:
        found = store.all_experiments(session)
        found.sort(key=lambda e: (e.created_at, e.id or 0), reverse=True)
        return [_view(session, e) for e in found]


def _view(
    session: Session,
    experiment: Experiment,
    verdict: Verdict | None = None,
    *,
    today: date | None = None,
) -> ExperimentView:
    metric = _stored_metric(session, experiment)
    assumption = (
        None
        if experiment.assumption_id is None
        else store.get_assumption(session, experiment.assumption_id)
    )
    interim = False
    if verdict is None:
        verdict = _reading(session, experiment, metric, today or date.today())
        ended = experiment.ended_at
        interim = (
            verdict is not None
            and experiment.status is ExperimentStatus.RUNNING
            and (ended is None or (today or date.today()) < ended.date())
        )
    return ExperimentView(
        experiment,
        assumption,
        store.require_decision(session, experiment.decision_id),
        metric,
        required_sample(experiment),
        verdict,
        interim,
    )


def _reading(
    session: Session, experiment: Experiment, metric: MetricDefinition | None, today: date
) -> Verdict | None:
    """The stored arms judged again, or the metric's reading; None when there is neither."""
    e = experiment
    if (
        e.control_n
        and e.treatment_n
        and e.control_successes is not None
        and e.treatment_successes is not None
    ):
        return judge_arms(
            Arm(e.control_n, e.control_successes),
            Arm(e.treatment_n, e.treatment_successes),
            alpha=e.alpha or DEFAULT_ALPHA,
            minimum_effect=e.minimum_effect,
            up=True,
            required_n=required_sample(e),
        )
    if metric is not None and e.status in (ExperimentStatus.RUNNING, ExperimentStatus.CONCLUDED):
        return metric_reading(session, e, metric, today)
    return None
