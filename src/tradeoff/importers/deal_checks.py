"""What an import summary says about the deals it loaded: the rows a CRM export gets wrong.

A deal with no amount, a close date before its create date, a closed deal with no close
date, a stage read as open because no Closed / Won column said otherwise, a deal with
Closed / Won columns but no stage or a stage they contradict ("Closed Lost" on a deal they
say is open), or a competitor field naming several rivals (split on ";", "," and line
breaks) is kept (never refused: the rest of the row is good evidence), handled as
docs/importers.md says, and counted here, so the person importing sees it at once, not only
later in ``tradeoff sales``' data notes:

    note: 2 deals with no amount (kept: counted in win rates, not summed as zero)
    note: 1 deal closed before it was created (kept: left out of cycle times)
    note: 3 deals read as open by their stage, with no Closed / Won columns: Demo (3)
    note: 1 deal with no stage (kept: counted by its Closed / Won columns): open (1)
    note: 1 deal whose stage contradicts its Closed / Won columns (kept: counted by the
          columns): 'Closed Lost' recorded open (1)
    note: 4 lost deals read as disqualified (duplicate, spam, test, unqualified): left out of
          win rates and lost revenue; list: tradeoff loss-reasons --category disqualified
    note: 2 closed deals with a close date after today, 2026-11-26 (kept: counted now in
          sales, loss-reasons and competitors; demand counts a lost one from its close
          date): 30100301, 30100302

A closed deal dated ahead is named because the views read it differently, on purpose:
the CRM's stage says what happened, so ``tradeoff sales``, ``loss-reasons`` and
``competitors`` count it now, under the quarter of its close date; ``tradeoff demand`` is
asked "as of a day" and counts a deal lost on that day or before, so it leaves a lost
deal out of lost revenue until its date (``storage.demand``). A close date ahead is most
often the forecast date a seller did not update when marking the deal, which this note
lets them check.

The disqualified line counts lost deals whose loss reason or stage says they were never
real deals, by the rule the import's classification run files them with
(``loss_disqualified``); a person's correction of such a deal is kept and is not
re-counted here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from tradeoff.analysis.business.loss_disqualified import disqualified_by
from tradeoff.domain.deals import stage_contradicts
from tradeoff.domain.enums import DealOutcome
from tradeoff.domain.names import fold
from tradeoff.domain.rules import now_utc
from tradeoff.importers.drafts import DealDraft
from tradeoff.wording import its, plural

#: Stages listed by name in the "read as open" line; the rest are counted.
STAGES_SHOWN = 5
#: Deals named by id in the "close date after today" line; the rest are counted.
DEALS_SHOWN = 5

_USUAL_OPEN_STAGES = """
appointment scheduled|appointmentscheduled|qualified to buy|qualifiedtobuy|
presentation scheduled|presentationscheduled|decision maker bought in|decisionmakerboughtin|
contract sent|contractsent|prospecting|qualification|needs analysis|value proposition|
id decision makers|perception analysis|proposal price quote|negotiation review|lead in|
contact made|demo scheduled|proposal made|negotiations started|qualify|develop|propose|
discovery|demo|proposal|negotiation|evaluation|trial|lead|new|open|in progress|qualified|
pricing|legal|procurement|security review|contracting|closing|commit|verbal commit|best case|
pipeline|poc|pilot|proof of concept|scoping|business case|meeting booked|meeting scheduled
"""
#: The open stages of HubSpot, Salesforce, Pipedrive and Dynamics pipelines as shipped, and
#: their common plain names: a stage not among them is listed first in the "read as open"
#: line, however few deals it holds, since a custom closed stage ("Signed") hides there.
USUAL_OPEN_STAGES = frozenset(fold(s) for s in _USUAL_OPEN_STAGES.replace("\n", "").split("|"))


@dataclass
class DealChecks:
    no_amount: int = 0
    closed_before_created: int = 0
    closed_without_date: int = 0
    several_competitors: int = 0
    competitor_names: int = 0
    open_by_stage: Counter[str] = field(default_factory=Counter)
    #: Deals whose outcome the Closed / Won columns gave, with no stage: by that outcome.
    flagged_without_stage: Counter[str] = field(default_factory=Counter)
    #: Deals whose stage says another outcome than their Closed / Won columns, by both
    #: (the same test and wording as ``tradeoff sales``' data note).
    stage_against_flags: Counter[str] = field(default_factory=Counter)
    disqualified: int = 0
    #: Ids of closed deals whose close date is after ``today`` (UTC, when the import ran).
    closed_ahead: list[str] = field(default_factory=list)
    today: date = field(default_factory=lambda: now_utc().date())

    def see(self, deal: DealDraft, competitors: int) -> None:
        """Count one deal as loaded, with the competitors its mentions were filed as."""
        if deal.amount is None:
            self.no_amount += 1
        closed = deal.outcome is not DealOutcome.OPEN
        if closed and deal.closed_at is None:
            self.closed_without_date += 1
        if deal.closed_at and deal.created_at and deal.closed_at.date() < deal.created_at.date():
            self.closed_before_created += 1
        if closed and deal.closed_at and deal.closed_at.date() > self.today:
            self.closed_ahead.append(deal.external_id)
        if not deal.outcome_flagged:
            if deal.outcome is DealOutcome.OPEN:
                self.open_by_stage[deal.stage or "(no stage)"] += 1
        elif not deal.stage:
            self.flagged_without_stage[deal.outcome.value] += 1
        elif stage_contradicts(deal.stage, deal.outcome):
            self.stage_against_flags[f"{deal.stage!r} recorded {deal.outcome.value}"] += 1
        if deal.outcome is DealOutcome.LOST and disqualified_by(deal.loss_reason, deal.stage):
            self.disqualified += 1
        if competitors > 1:
            self.several_competitors += 1
            self.competitor_names += competitors

    def lines(self) -> tuple[str, ...]:
        """One line per kind of trouble found, in the order a reader checks a CRM export."""
        found = []
        if self.no_amount:
            found.append(
                f"{_deals(self.no_amount)} with no amount (kept: counted in win rates, "
                "not summed as zero)"
            )
        if self.closed_before_created:
            verb = "it was" if self.closed_before_created == 1 else "they were"
            found.append(
                f"{_deals(self.closed_before_created)} closed before {verb} created (kept: "
                "left out of cycle times)"
            )
        if self.closed_without_date:
            found.append(
                f"{_deals(self.closed_without_date)} won or lost with no close date (kept: "
                "left out of quarters and cycle times)"
            )
        if self.closed_ahead:
            count = len(self.closed_ahead)
            ids = ", ".join(self.closed_ahead[:DEALS_SHOWN])
            more = count - DEALS_SHOWN
            found.append(
                f"{plural(count, 'closed deal')} with a close date after today, "
                f"{self.today.isoformat()} (kept: counted now in sales, loss-reasons and "
                "competitors; demand counts a lost one from its close date): "
                + ids
                + (f" and {more:,} more" if more > 0 else "")
            )
        if self.open_by_stage:
            stages = sorted(
                self.open_by_stage.most_common(), key=lambda s: fold(s[0]) in USUAL_OPEN_STAGES
            )
            shown = ", ".join(f"{s} ({n:,})" for s, n in stages[:STAGES_SHOWN])
            more = len(stages) - STAGES_SHOWN
            count = self.open_by_stage.total()
            found.append(
                f"{_deals(count)} read as open by {its(count)} stage, with "
                f"no Closed / Won columns: {shown}"
                + (f" and {plural(more, 'more stage')}" if more > 0 else "")
            )
        if self.flagged_without_stage:
            count = self.flagged_without_stage.total()
            found.append(
                f"{_deals(count)} with no stage (kept: counted by {its(count)} Closed / Won "
                "columns): " + _listed(self.flagged_without_stage)
            )
        if self.stage_against_flags:
            count = self.stage_against_flags.total()
            whose = "whose stage contradicts its" if count == 1 else "whose stages contradict their"
            found.append(
                f"{_deals(count)} {whose} Closed / Won columns (kept: counted by the columns): "
                + _listed(self.stage_against_flags)
            )
        if self.several_competitors:
            found.append(
                f"{_deals(self.several_competitors)} naming several competitors (a field "
                f'such as "Dynamics 365; Excel"): {plural(self.competitor_names, "competitor")} '
                "filed, each on its own"
            )
        if self.disqualified:
            found.append(
                f"{plural(self.disqualified, 'lost deal')} read as "
                "disqualified (duplicate, spam, test, unqualified): left out of win rates and "
                "lost revenue; list: tradeoff loss-reasons --category disqualified"
            )
        return tuple(found)


def _listed(counts: Counter[str]) -> str:
    """``'Closed Lost' recorded open (2), 'Won' recorded lost (1) and 3 more``."""
    found = counts.most_common()
    shown = ", ".join(f"{label} ({n:,})" for label, n in found[:STAGES_SHOWN])
    more = len(found) - STAGES_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def _deals(count: int) -> str:
    return plural(count, "deal")
