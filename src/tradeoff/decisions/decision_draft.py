"""What a person hands in to record a decision, from flags, prompts or a file.

A draft is not yet a decision: its chosen option may be a number, its signals are text to
be checked, and in a revision the fields it leaves empty come from the earlier decision.
Keeping that apart from ``domain.Decision`` lets every way in (CLI flags, interactive
prompts, TOML, Markdown) share one set of rules in ``log.record_decision``.

>>> OptionLink.parse("2:problem:4")
OptionLink(option=2, kind=<Subject.PROBLEM: 'problem'>, target_id=4)
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from tradeoff.decisions.signals import Subject
from tradeoff.domain.decisions import Decision, DecisionLink
from tradeoff.domain.enums import DecisionStatus
from tradeoff.errors import InputError

LINK_KINDS = (Subject.PROBLEM, Subject.OPPORTUNITY)


@dataclass(frozen=True)
class OptionLink:
    """Option ``option`` (1-based, as a person counts) stands for a problem or opportunity."""

    option: int
    kind: Subject
    target_id: int

    @classmethod
    def parse(cls, text: str) -> OptionLink:
        """``N:opportunity:ID`` or ``N:problem:ID``."""
        parts = [p.strip() for p in text.split(":")]
        if (
            len(parts) != 3
            or not parts[0].isdigit()
            or not parts[2].removeprefix("#").isdigit()
            or parts[1].lower() not in {k.value for k in LINK_KINDS}
        ):
            raise InputError(
                f"link {text!r}: write OPTION:problem:ID or OPTION:opportunity:ID, "
                "e.g. 2:problem:4 (options counted from 1)"
            )
        return cls(int(parts[0]), Subject(parts[1].lower()), int(parts[2].removeprefix("#")))

    @classmethod
    def of(cls, link: DecisionLink) -> OptionLink:
        if link.problem_id is not None:
            return cls(link.option_index + 1, Subject.PROBLEM, link.problem_id)
        assert link.opportunity_id is not None
        return cls(link.option_index + 1, Subject.OPPORTUNITY, link.opportunity_id)

    def to_domain(self, decision_id: int = 0) -> DecisionLink:
        """The stored link (``decision_id`` is set when the decision is written)."""
        return DecisionLink(
            decision_id=decision_id,
            option_index=self.option - 1,
            problem_id=self.target_id if self.kind is Subject.PROBLEM else None,
            opportunity_id=self.target_id if self.kind is Subject.OPPORTUNITY else None,
        )

    def __str__(self) -> str:
        return f"{self.option}:{self.kind}:{self.target_id}"


@dataclass(frozen=True)
class DecisionDraft:
    """Every field of a decision as given; ``reason`` only feeds the "not yet" reply."""

    question: str | None = None
    context: str | None = None
    options: tuple[str, ...] = ()
    chosen: str | None = None
    tradeoffs: str | None = None
    not_optimising_for: str | None = None
    assumptions: tuple[str, ...] = ()
    signals: tuple[str, ...] = ()
    owner: str | None = None
    stakeholders: tuple[str, ...] = ()
    decided_on: date | None = None
    status: DecisionStatus | None = None
    requested_by: str | None = None
    reply: str | None = None
    reason: str | None = None
    links: tuple[OptionLink, ...] = field(default=())
    supersedes: int | None = None

    def chosen_option(self) -> str | None:
        """The chosen option's text: given as its text or as its number among the options."""
        chosen = (self.chosen or "").strip()
        if not chosen:
            return None
        if not self.options or chosen in self.options:
            return chosen
        number = chosen.removeprefix("#")
        if number.isdigit() and 1 <= int(number) <= len(self.options):
            return self.options[int(number) - 1]
        raise InputError(
            f"chosen option {chosen!r} is not one of the options: give its text or its "
            f"number (1-{len(self.options)})"
        )

    def inherit(self, earlier: Decision, earlier_links: tuple[OptionLink, ...]) -> DecisionDraft:
        """This draft as a revision of ``earlier``: empty fields are the earlier decision's.

        The date, the reply and the reason are not inherited: a revision is decided on its
        own day, and a "not yet" reply is regenerated from the revised reasoning. Links
        follow their options by text, so re-ordering the options keeps them.
        """
        options = self.options or tuple(earlier.options)
        links = self.links
        if not links:
            remapped = []
            for link in earlier_links:
                index = link.option - 1
                if index < len(earlier.options) and earlier.options[index] in options:
                    remapped.append(replace(link, option=options.index(earlier.options[index]) + 1))
            links = tuple(remapped)
        return replace(
            self,
            question=self.question or earlier.title,
            context=self.context or earlier.context,
            options=options,
            chosen=self.chosen or earlier.chosen_option,
            tradeoffs=self.tradeoffs or earlier.tradeoffs_accepted,
            not_optimising_for=self.not_optimising_for or earlier.not_optimising_for,
            assumptions=self.assumptions or tuple(earlier.assumptions),
            signals=self.signals or tuple(earlier.revisit_signals),
            owner=self.owner or earlier.owner,
            stakeholders=self.stakeholders or tuple(earlier.stakeholders),
            status=self.status or earlier.status,
            requested_by=self.requested_by or earlier.requested_by,
            links=links,
        )
