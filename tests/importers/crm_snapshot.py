"""What a CRM import left in the workspace, read back whole (shared by the CRM tests)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.deals import Competitor, Deal, DealCompetitor
from tradeoff.domain.enums import CompetitorRelation
from tradeoff.domain.evidence import EvidenceItem, ImportBatch
from tradeoff.storage import repository
from tradeoff.storage.session import read_session


@dataclass(frozen=True)
class Crm:
    """What the imports left in the workspace, read back whole."""

    accounts: list[Account]
    people: list[Person]
    deals: list[Deal]
    links: list[DealCompetitor]
    competitors: list[Competitor]
    evidence: list[EvidenceItem]
    batches: int

    def deal(self, external_id: str) -> Deal:
        (found,) = [d for d in self.deals if d.external_id == external_id]
        return found

    def account_name(self, account_id: int | None) -> str | None:
        return next((a.name for a in self.accounts if a.id == account_id), None)

    def person_name(self, person_id: int | None) -> str | None:
        return next((p.name for p in self.people if p.id == person_id), None)

    def relations(self) -> set[tuple[str, str, CompetitorRelation]]:
        deals = {d.id: d.external_id for d in self.deals}
        names = {c.id: c.name for c in self.competitors}
        return {(deals[x.deal_id], names[x.competitor_id], x.relation) for x in self.links}


def crm(engine: Engine) -> Crm:
    with read_session(engine) as session:
        return Crm(
            accounts=repository.list_all(session, Account),
            people=repository.list_all(session, Person),
            deals=repository.list_all(session, Deal),
            links=repository.list_all(session, DealCompetitor),
            competitors=repository.list_all(session, Competitor),
            evidence=repository.list_all(session, EvidenceItem),
            batches=repository.count(session, ImportBatch),
        )
