"""``tradeoff assumption new|list|show|status`` and ``tradeoff experiment
new|edit|start|result|list|show``: the assumption register and the experiments that test it.

A thin shell over ``tradeoff.strategy.assumptions`` and ``tradeoff.strategy.experiments``;
the arithmetic is in ``tradeoff.strategy.sample_size``. Statements, hypotheses and rules
are customer-grade text and printed as plain text, never as markup.
"""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.text import Text

from tradeoff.cli.context import console, open_workspace
from tradeoff.cli.dates import optional_day
from tradeoff.domain.decisions import AssumptionJudgement, Experiment
from tradeoff.domain.enums import AssumptionStatus, ExperimentResult, ExperimentStatus, Level
from tradeoff.errors import InputError
from tradeoff.strategy.assumptions import (
    AssumptionView,
    assumption_register,
    assumption_view,
    frontier_ids,
    new_assumption,
    set_status,
)
from tradeoff.strategy.experiments import (
    ExperimentView,
    edit_experiment,
    experiment_list,
    experiment_view,
    new_experiment,
    record_arms,
    record_from_metric,
    start_experiment,
)
from tradeoff.strategy.sample_size import parse_arm

assumption_app = typer.Typer(
    help="The assumption register: what decisions rest on, with risk and confidence.",
    no_args_is_help=True,
)
experiment_app = typer.Typer(
    help="Experiments with a rule written in advance and a computed sample size.",
    no_args_is_help=True,
)

Start = Annotated[str | None, typer.Option("--start", help="Planned first day (YYYY-MM-DD).")]
End = Annotated[
    str | None,
    typer.Option("--end", help="Planned last day (YYYY-MM-DD): the metric window ends here."),
]


def say(text: str) -> None:
    console.print(Text(text), soft_wrap=True)


@assumption_app.command("new")
def assumption_new(
    ctx: typer.Context,
    statement: Annotated[str, typer.Argument(help="What we believe and have not proven.")],
    risk: Annotated[
        Level, typer.Option("--risk", help="What it costs if it is wrong: low, medium, high.")
    ] = Level.MEDIUM,
    confidence: Annotated[
        float, typer.Option("--confidence", min=0.0, max=1.0, help="How sure we are, 0 to 1.")
    ] = 0.5,
    opportunity: Annotated[
        int | None, typer.Option("--opportunity", help="The opportunity it lies behind.")
    ] = None,
    decision: Annotated[
        int | None, typer.Option("--decision", help="The decision that rests on it.")
    ] = None,
) -> None:
    """Register an assumption with its risk (the cost of being wrong) and confidence.

    Example: tradeoff assumption new "Finance leads reconcile every week" --risk high --confidence 0.3 --opportunity 2
    """  # noqa: E501
    made = new_assumption(
        open_workspace(ctx),
        statement,
        risk=risk,
        confidence=confidence,
        opportunity_id=opportunity,
        decision_id=decision,
    )
    say(f"assumption {made.id}: {made.statement}")
    say(f"  risk {made.risk.value}, confidence {made.confidence:.0%}, {made.status.value}")
    say(f'next: tradeoff experiment new --assumption {made.id} --hypothesis "..." --rule "..."')


@assumption_app.command("list")
def assumption_list(ctx: typer.Context) -> None:
    """List the register: assumptions behind frontier opportunities first, then the
    riskiest, then the least known (lowest confidence).

    Example: tradeoff assumption list
    """
    engine = open_workspace(ctx)
    found = assumption_register(engine, frontier_ids(engine))
    if not found:
        say('No assumptions yet: tradeoff assumption new "..." --risk high --confidence 0.3')
        return
    for view in found:
        a = view.assumption
        mark = "*" if view.behind_frontier else " "
        say(
            f"{a.id:>4} {mark} {a.risk.value:<6} {a.confidence:>4.0%}  {a.status.value:<11} "
            f"{a.statement}"
        )
        links = _links(view)
        if links:
            say(f"{'':>9}{links}")
    say("* behind an opportunity on the frontier")


def _links(view: AssumptionView) -> str:
    parts = []
    if view.opportunity is not None:
        parts.append(f"opportunity {view.opportunity.id}: {view.opportunity.title}")
    if view.decision is not None:
        parts.append(f"decision {view.decision.id}: {view.decision.title}")
    return "; ".join(parts)


@assumption_app.command("show")
def assumption_show(
    ctx: typer.Context,
    assumption_id: Annotated[int, typer.Argument(help="The assumption's id.")],
) -> None:
    """Show an assumption, what it informs, and every experiment on it with its outcome.

    Example: tradeoff assumption show 1
    """
    engine = open_workspace(ctx)
    view = assumption_view(engine, assumption_id, frontier_ids(engine))
    a = view.assumption
    say(f"assumption {a.id}: {a.statement}")
    say(
        f"  risk {a.risk.value}, confidence {a.confidence:.0%}, {a.status.value}"
        + ("; behind an opportunity on the frontier" if view.behind_frontier else "")
    )
    if view.opportunity is not None:
        say(f"  opportunity {view.opportunity.id}: {view.opportunity.title}")
    if view.decision is not None:
        say(f"  informs decision {view.decision.id}: {view.decision.title}")
    if not view.experiments:
        say(
            f'  no experiments yet: tradeoff experiment new --assumption {a.id} --hypothesis "..."'
            ' --rule "..."'
        )
    for record in view.history():
        say("  " + _history_line(record))


def _history_line(e: Experiment | AssumptionJudgement) -> str:
    if isinstance(e, AssumptionJudgement):
        before = f"{e.previous_status.value} → " if e.previous_status is not None else ""
        return f"judgement {e.judged_at.date().isoformat()}: {before}{e.status.value}: {e.reason}"
    outcome = e.status.value if e.result.value == "pending" else e.result.value
    return f"experiment {e.id} ({outcome}): {e.hypothesis}"


@assumption_app.command("status")
def assumption_status(
    ctx: typer.Context,
    assumption_id: Annotated[int, typer.Argument(help="The assumption's id.")],
    status: Annotated[
        AssumptionStatus, typer.Argument(help="untested, testing, validated, invalidated.")
    ],
    reason: Annotated[str, typer.Option("--reason", help="Why: the evidence that settles it.")],
) -> None:
    """Set an assumption's status by judgement; the reason is kept in its history.

    Example: tradeoff assumption status 2 validated --reason "11 of 12 finance leads rebuild the same sheet weekly"
    """  # noqa: E501
    assumption, _ = set_status(open_workspace(ctx), assumption_id, status, reason=reason)
    say(f"assumption {assumption.id} is now {assumption.status.value}: {reason.strip()}")


@experiment_app.command("new")
def experiment_new(
    ctx: typer.Context,
    assumption: Annotated[int, typer.Option("--assumption", help="The assumption it tests.")],
    hypothesis: Annotated[str, typer.Option("--hypothesis", help="What should happen.")],
    rule: Annotated[
        str, typer.Option("--rule", help="The decision rule, in words, written before the start.")
    ],
    metric: Annotated[str | None, typer.Option("--metric", help="A registry metric.")] = None,
    threshold: Annotated[
        float | None, typer.Option("--threshold", help="The metric's pass line.")
    ] = None,
    baseline: Annotated[
        float | None, typer.Option("--baseline", help="The control's rate now, e.g. 0.10.")
    ] = None,
    effect: Annotated[
        float | None,
        typer.Option("--effect", help="The smallest change worth acting on, e.g. 0.02."),
    ] = None,
    alpha: Annotated[float, typer.Option("--alpha", help="Significance level.")] = 0.05,
    power: Annotated[float, typer.Option("--power", help="Chance to detect the effect.")] = 0.8,
    decision: Annotated[
        int | None,
        typer.Option("--decision", help="The decision it informs [default: the assumption's]."),
    ] = None,
    start: Start = None,
    end: End = None,
) -> None:
    """Plan an experiment: hypothesis, rule, and a metric threshold or a two-proportion
    design, whose minimum sample per arm is computed and shown.

    Example: tradeoff experiment new --assumption 1 --hypothesis "A virtual card at approval lifts first-week card use" --rule "Ship to all if the lift is significant and at least 2 points" --baseline 0.10 --effect 0.02
    """  # noqa: E501
    view = new_experiment(
        open_workspace(ctx),
        assumption_id=assumption,
        hypothesis=hypothesis,
        rule=rule,
        metric=metric,
        threshold=threshold,
        baseline=baseline,
        effect=effect,
        alpha=alpha,
        power=power,
        decision_id=decision,
        start=optional_day(start, "--start"),
        end=optional_day(end, "--end"),
    )
    print_experiment(view)
    say(f"next: tradeoff experiment start {view.experiment.id}")


@experiment_app.command("edit")
def experiment_edit(
    ctx: typer.Context,
    experiment_id: Annotated[int, typer.Argument(help="The experiment's id.")],
    hypothesis: Annotated[str | None, typer.Option("--hypothesis", help="New hypothesis.")] = None,
    rule: Annotated[str | None, typer.Option("--rule", help="New decision rule.")] = None,
    metric: Annotated[str | None, typer.Option("--metric", help="Another metric.")] = None,
    threshold: Annotated[float | None, typer.Option("--threshold", help="New pass line.")] = None,
    baseline: Annotated[float | None, typer.Option("--baseline", help="New baseline rate.")] = None,
    effect: Annotated[float | None, typer.Option("--effect", help="New minimum effect.")] = None,
    alpha: Annotated[float | None, typer.Option("--alpha", help="New significance level.")] = None,
    power: Annotated[float | None, typer.Option("--power", help="New power.")] = None,
    decision: Annotated[
        int | None, typer.Option("--decision", help="The decision it informs (may change).")
    ] = None,
    start: Start = None,
    end: End = None,
) -> None:
    """Change a planned experiment. Once started, its hypothesis, metric, threshold, rule,
    design and end date are fixed (pre-registration) and a change is refused.

    Example: tradeoff experiment edit 1 --effect 0.03
    """
    given: dict[str, Any] = {
        "hypothesis": hypothesis,
        "decision_rule": rule,
        "threshold": threshold,
        "baseline_rate": baseline,
        "minimum_effect": effect,
        "alpha": alpha,
        "power": power,
        "decision_id": decision,
        "started_at": optional_day(start, "--start"),
        "ended_at": optional_day(end, "--end"),
    }
    changes = {k: v for k, v in given.items() if v is not None}
    if metric is not None:
        changes["metric"] = metric
    view = edit_experiment(open_workspace(ctx), experiment_id, **changes)
    print_experiment(view)


@experiment_app.command("start")
def experiment_start(
    ctx: typer.Context,
    experiment_id: Annotated[int, typer.Argument(help="The experiment's id.")],
    on: Annotated[
        str | None,
        typer.Option("--on", help="The start day [default: the planned start, else today]."),
    ] = None,
) -> None:
    """Start an experiment: from now on its rule and design cannot change.

    Example: tradeoff experiment start 1 --on 2026-09-01
    """
    view = start_experiment(open_workspace(ctx), experiment_id, optional_day(on, "--on"))
    e = view.experiment
    assert e.started_at is not None
    say(
        f"experiment {e.id} running since {e.started_at.date()}: hypothesis, metric, "
        "threshold, rule and design are now fixed"
    )


@experiment_app.command("result")
def experiment_result(
    ctx: typer.Context,
    experiment_id: Annotated[int, typer.Argument(help="The experiment's id.")],
    control: Annotated[
        str | None, typer.Option("--control", help="N/SUCCESSES of the control arm.")
    ] = None,
    treatment: Annotated[
        str | None, typer.Option("--treatment", help="N/SUCCESSES of the treatment arm.")
    ] = None,
    from_metric: Annotated[
        bool, typer.Option("--from-metric", help="Judge the metric's mean over the window.")
    ] = False,
) -> None:
    """Record the result and judge it by the rule stated in advance; the assumption becomes
    validated or invalidated (inconclusive leaves it testing).

    Example: tradeoff experiment result 1 --control 1000/100 --treatment 1000/130
    """
    engine = open_workspace(ctx)
    if from_metric and (control or treatment):
        raise InputError("give either --from-metric or --control and --treatment, not both")
    if from_metric:
        view = record_from_metric(engine, experiment_id)
    elif control and treatment:
        arms = parse_arm(control, "control"), parse_arm(treatment, "treatment")
        view = record_arms(engine, experiment_id, *arms)
    else:
        raise InputError("give --control N/SUCCESSES and --treatment N/SUCCESSES, or --from-metric")
    print_experiment(view)


@experiment_app.command("list")
def experiment_list_command(ctx: typer.Context) -> None:
    """List experiments, newest first, with status, result and the assumption they test.

    Example: tradeoff experiment list
    """
    found = experiment_list(open_workspace(ctx))
    if not found:
        say(
            'No experiments yet: tradeoff experiment new --assumption 1 --hypothesis "..." '
            '--rule "..."'
        )
        return
    for view in found:
        e = view.experiment
        size = f"  {view.required_n:,}/arm" if view.required_n is not None else ""
        say(
            f"{e.id:>4}  {e.status.value:<9} {e.result.value:<12} "
            f"assumption {e.assumption_id}{size}  {e.hypothesis}"
        )


@experiment_app.command("show")
def experiment_show(
    ctx: typer.Context,
    experiment_id: Annotated[int, typer.Argument(help="The experiment's id.")],
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="Day of a running experiment's reading. [default: today]"),
    ] = None,
) -> None:
    """Show an experiment: its pre-registered rule and design, the sample size, the result
    (or the interim reading) and the assumption and decision it informs.

    Example: tradeoff experiment show 1 --as-of 2026-10-31
    """
    day = optional_day(as_of, "--as-of")
    print_experiment(experiment_view(open_workspace(ctx), experiment_id, today=day))


def print_experiment(view: ExperimentView) -> None:
    e = view.experiment
    say(f"experiment {e.id} ({e.status.value}, {e.result.value}): {e.hypothesis}")
    if view.assumption is not None:
        a = view.assumption
        say(f"  tests assumption {a.id} ({a.status.value}): {a.statement}")
    if view.decision is not None:
        say(f"  informs decision {view.decision.id}: {view.decision.title}")
    if e.decision_rule:
        say(f"  rule (written in advance): {e.decision_rule}")
    if view.metric is not None and e.threshold is not None:
        unit = f" {view.metric.unit}" if view.metric.unit else ""
        side = "at or above" if view.metric.direction.value.startswith("up") else "at or below"
        say(f"  metric: {view.metric.name}, mean {side} {e.threshold:g}{unit} over the window")
    if view.required_n is not None:
        assert e.baseline_rate is not None
        assert e.minimum_effect is not None
        say(
            f"  design: baseline {e.baseline_rate:.1%}, minimum effect "
            f"{e.minimum_effect * 100:.1f} points, alpha {e.alpha:g}, power {e.power:g}: "
            f"at least {view.required_n:,} per arm ({2 * view.required_n:,} in all)"
        )
    window = [d.date().isoformat() if d else "?" for d in (e.started_at, e.ended_at)]
    if e.started_at or e.ended_at:
        say(f"  window: {window[0]} to {window[1]}")
    if view.verdict is not None:
        if view.interim:
            heading = "interim reading, not a result"
        elif e.status is ExperimentStatus.RUNNING:
            heading = f"reading at the end, not recorded (tradeoff experiment result {e.id})"
        else:
            heading = "outcome"
        first, *more = view.verdict.reasons
        if view.interim:
            verb = "pass" if view.verdict.result is ExperimentResult.PASSED else "fail"
            first = f"so far it would {verb}: {first.partition(': ')[2]}"
        say(f"  {heading}: {first}")
        for reason in more:
            say(f"    {reason}")


def register(app: typer.Typer) -> None:
    app.add_typer(assumption_app, name="assumption")
    app.add_typer(experiment_app, name="experiment")
