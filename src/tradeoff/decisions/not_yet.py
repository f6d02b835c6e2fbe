"""Saying "not yet" well: the reply a requester (a sales rep, a customer) receives.

A declined request is a decision like any other; what makes the "no" respectable is that it
shows the reasoning and says exactly what would change it. The reply is generated from the
decision's own fields, so it cannot promise something the log does not say, and it is
stored with the decision at recording time, so the record is what was sent.

>>> print(reply_text(decision))  # doctest: +SKIP
Thank you for raising this with us, Dana Whitfield: multi-currency payouts.
...
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from tradeoff.decisions.plain_words import in_plain_words, long_date
from tradeoff.decisions.signals import (
    DemandSignal,
    MetricSignal,
    Signal,
    SignalSyntaxError,
    Subject,
    parse_signal,
)
from tradeoff.domain.decisions import Decision

NOT_YET_PREFIX = "not yet:"
#: Chosen options that only restate the answer: "what we are doing instead: not yet" says
#: nothing, so the reply leaves that line out.
NOT_NOW = {"not yet", "not now", "later", "no", "wait"}


@dataclass(frozen=True)
class Wording:
    """How the people reading the reply name things: subjects and metrics by their names,
    money in the workspace's base currency."""

    subjects: Mapping[tuple[Subject, int], str] = field(default_factory=dict)
    metrics: Mapping[str, str] = field(default_factory=dict)
    currency: str | None = None

    def describe(self, signal: Signal) -> str:
        subject_name = metric_name = None
        if isinstance(signal, DemandSignal):
            subject_name = self.subjects.get((signal.subject, signal.subject_id))
        elif isinstance(signal, MetricSignal):
            metric_name = self.metrics.get(signal.metric)
        return in_plain_words(
            signal, subject_name=subject_name, metric_name=metric_name, currency=self.currency
        )


def reply_text(
    decision: Decision, *, reason: str | None = None, wording: Wording | None = None
) -> str:
    """The reply to whoever asked: the request acknowledged, what we chose instead and why,
    what we are not optimising for now, and the signals that would change it, in plain words.
    """
    words = wording or Wording()
    topic = _without_prefix(decision.title)
    opening = "Thank you for raising this with us"
    if decision.requested_by:
        opening += f", {decision.requested_by}"
    paragraphs = [f"{opening}: {_sentence(topic)}", "Our answer for now is not yet. Here is why."]
    chosen = _without_prefix(decision.chosen_option) if decision.chosen_option else None
    if chosen and chosen.lower().strip(" .") not in NOT_NOW:
        paragraphs.append(f"What we are doing instead: {_sentence(chosen)}")
    if decision.context:
        paragraphs.append(f"Why: {_sentence(decision.context)}")
    if decision.tradeoffs_accepted:
        paragraphs.append(f"What we accept by doing this: {_sentence(decision.tradeoffs_accepted)}")
    if decision.not_optimising_for:
        paragraphs.append(
            f"What we are not optimising for now: {_sentence(decision.not_optimising_for)}"
        )
    if reason:
        paragraphs.append(_sentence(reason))
    changes = [words.describe(s).rstrip(" .;") for s in _signals(decision.revisit_signals)]
    if changes:
        lines = [f"- {change};" for change in changes]
        lines[-1] = lines[-1][:-1] + "."
        paragraphs.append("What would change this:\n" + "\n".join(lines))
    else:
        paragraphs.append(
            "We have not named a figure that would change this; if you see the need grow, "
            "tell us and we will look again."
        )
    signed = decision.owner or "The product team"
    if decision.decided_at is not None:
        signed += f", {long_date(decision.decided_at.date())}"
    paragraphs.append(signed)
    return "\n\n".join(paragraphs) + "\n"


def _signals(texts: list[str]) -> list[Signal]:
    """Stored signals; one that no longer parses (an older grammar) is skipped, not sent."""
    parsed = []
    for text in texts:
        try:
            parsed.append(parse_signal(text))
        except SignalSyntaxError:
            continue
    return parsed


def _without_prefix(text: str) -> str:
    """ "Not yet: multi-currency payouts" → "multi-currency payouts": the reply already says
    "not yet" once, in its own sentence."""
    if text.lower().startswith(NOT_YET_PREFIX):
        rest = text[len(NOT_YET_PREFIX) :].strip()
        return rest or text
    return text


def _sentence(text: str) -> str:
    """Text ending in a full stop (or the question or exclamation mark it already has)."""
    stripped = text.strip()
    return stripped if stripped.endswith((".", "?", "!", ":")) else stripped + "."
