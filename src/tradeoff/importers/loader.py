"""Loads what importers read into the workspace, inside the import's one transaction.

Every record is matched (see ``resolve``), upserted by its source id, and logged for undo.
A record that breaks a rule stops the import with its location, or, with
``--skip-bad-rows``, is rolled back to a savepoint and reported as rejected.
"""

from __future__ import annotations

import dataclasses
import shlex
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.deals import Deal, DealCompetitor
from tradeoff.domain.enums import (
    AccountLifecycle,
    CompetitorKind,
    EvidenceKind,
    EvidenceMode,
)
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.rules import RuleViolation
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.domain.workspace import WorkspaceSettings
from tradeoff.errors import Conflict, InputError
from tradeoff.importers.competitors import (
    CompetitorBook,
    generic_given_way,
    names_no_competitor,
    split_competitor_names,
)
from tradeoff.importers.copies import (
    Speakers,
    copy_fingerprint,
    may_be_a_copy,
    never_copied,
    said_words,
)
from tradeoff.importers.crm import CrmDealDraft, RowWhere
from tradeoff.importers.deal_checks import DealChecks
from tradeoff.importers.drafts import (
    AccountDraft,
    AccountRef,
    DealDraft,
    Draft,
    EvidenceDraft,
    MetricValueDraft,
    PersonDraft,
    PersonRef,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.resolve import Resolver
from tradeoff.storage import changelog, external_keys, metrics, repository
from tradeoff.storage.competitor_edits import crm_links, vouched_by_crm
from tradeoff.storage.competitor_spelling import settle_spellings
from tradeoff.storage.statistics import refresh_statistics
from tradeoff.storage.tables import DealCompetitorRow, EvidenceItemRow
from tradeoff.storage.tables.evidence import fingerprint_of
from tradeoff.storage.upsert import Outcome, existing_by_external_id, insert_many, upsert
from tradeoff.wording import plural

CHUNK = 500


@dataclass
class ImportDealChecks(DealChecks):
    """``DealChecks`` and what only the loader knows of a deal: the file it was read from and
    the currency its amount named itself (``crm.CrmDealDraft``), which the currency column
    overrode as documented; kept, and named here with the first such row."""

    amount_currency_overridden: int = 0
    first_overridden: str = ""
    #: Competitors renamed to the spelling their deals use most: (was, now).
    respelled: list[tuple[str, str]] = field(default_factory=list)
    #: Columns of other currency codes, per the column the amounts were read in.
    unread_currencies: dict[str, set[str]] = field(default_factory=dict)

    def see_amount_currency(self, deal: DealDraft, file: str) -> None:
        if isinstance(deal, CrmDealDraft) and deal.unread_currencies:
            self.unread_currencies.setdefault(deal.currency_column, set()).update(
                deal.unread_currencies
            )
        written = deal.amount_currency if isinstance(deal, CrmDealDraft) else None
        if not written:
            return
        self.amount_currency_overridden += 1
        if not self.first_overridden:
            where = deal.where
            at = where.describe() if where.file else f"{file}, {where.describe()}"
            self.first_overridden = f"{at} ({written} in the amount, {deal.currency} in the column)"

    def lines(self) -> tuple[str, ...]:
        found = list(super().lines())
        count = self.amount_currency_overridden
        if count:
            whose = "whose amount names" if count == 1 else "whose amounts name"
            found.append(
                f"{plural(count, 'deal')} {whose} another currency than the currency column "
                f"(kept: read in the column's currency); first at {self.first_overridden}"
            )
        for read, unread in sorted(self.unread_currencies.items()):
            for column in sorted(unread):
                found.append(
                    f"column {column!r} holds other currency codes than {read!r}; amounts "
                    f"were read in {read!r} (to read them in the other: "
                    f"--map currency={shlex.quote(column)})"
                )
        if self.respelled:
            names = ", ".join(f"{now!r} (was {was!r})" for was, now in self.respelled)
            found.append(
                f"competitors named by the spelling most of their deals and mentions use: "
                f"{names}; to choose a name: tradeoff competitor-rename NAME --to NEW"
            )
        return tuple(found)


@dataclass
class LoadCounts:
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    created_accounts: int = 0
    created_people: int = 0
    duplicates_linked: int = 0
    unknown_account_ids: int = 0
    by_entity: dict[str, Counter[Outcome]] = field(default_factory=dict)
    rejects: list[Rejected] = field(default_factory=list)
    deal_checks: ImportDealChecks = field(default_factory=ImportDealChecks)

    @property
    def rejected(self) -> int:
        return len(self.rejects)

    #: What happened so far to each stored account or person, by id (``add_record``).
    stored: dict[str, dict[int, Outcome]] = field(default_factory=dict, repr=False)

    def add(self, entity: str, outcome: Outcome, by: int = 1) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + by)
        counter = self.by_entity.setdefault(entity, Counter())
        counter[outcome] += by
        if not counter[outcome]:
            del counter[outcome]  # taken back by ``add_record``: no "0 unchanged"

    def add_record(self, entity: str, record_id: int, outcome: Outcome) -> None:
        """Count a stored record once however many rows land on it (60 Jira rows of 3
        reporters are 3 people), by the most that happened to it: inserted, then updated."""
        seen = self.stored.setdefault(entity, {})
        before = seen.get(record_id)
        if before is not None and _RANK[outcome] <= _RANK[before]:
            return
        if before is not None:
            self.add(entity, before, by=-1)
        seen[record_id] = outcome
        self.add(entity, outcome)


#: Which outcome of two rows on one record the summary counts it by.
_RANK = {Outcome.UNCHANGED: 0, Outcome.UPDATED: 1, Outcome.INSERTED: 2}


class Loader:
    def __init__(
        self,
        session: Session,
        *,
        source: str,
        batch_id: int,
        settings: WorkspaceSettings,
        path: Path,
        skip_bad_rows: bool = False,
        mode: EvidenceMode | None = None,
    ) -> None:
        self.session = session
        self.source = source.lower()
        self.batch_id = batch_id
        self.path = path
        self.skip_bad_rows = skip_bad_rows
        self.mode = mode
        self.counts = LoadCounts()
        self.resolver = Resolver(session, source=self.source, batch_id=batch_id, settings=settings)
        self.competitors = CompetitorBook(session, batch_id=batch_id)
        self._seen: dict[str, set[str]] = {}
        self._metrics: dict[str, MetricDefinition] = {}
        self._pending: list[EvidenceItem] = []
        #: Rows whose deal was refused while written: their deal notes go with it.
        self._refused_deal_rows: set[tuple[str | None, int | None, str | None]] = set()
        #: Records written when the planner's statistics were last refreshed (see statistics).
        self._analysed_at = 1000

    def load(self, records: Iterable[Record]) -> LoadCounts:
        for chunk in _chunks(records, CHUNK):
            existing = existing_by_external_id(
                self.session,
                EvidenceItem,
                self.source,
                [r.external_id for r in chunk if isinstance(r, EvidenceDraft)],
            )
            existing_deals = existing_by_external_id(
                self.session,
                Deal,
                self.source,
                [r.external_id for r in chunk if isinstance(r, DealDraft)],
            )
            for record in chunk:
                self._load_one(record, existing, existing_deals)
            self._insert_pending()
            self.session.flush()
            written = self.counts.inserted + self.counts.updated
            if written >= self._analysed_at * 2:
                refresh_statistics(self.session)
                self._analysed_at = written
        if self.competitors.used:
            self.counts.deal_checks.respelled = settle_spellings(
                self.session, batch_id=self.batch_id, fresh=self.competitors.made
            )
        self.counts.created_accounts = self.resolver.created_accounts
        self.counts.created_people = self.resolver.created_people
        self.counts.unknown_account_ids = len(self.resolver.unknown_account_ids)
        return self.counts

    def _load_one(self, record: Record, existing: dict[str, Any], deals: dict[str, Any]) -> None:
        if isinstance(record, Rejected):
            self._reject(record)
            return
        where = record.location if isinstance(record, EvidenceDraft) else record.where
        if self._note_of_a_refused_deal(record, where):
            return  # its row is in the rejects file already, as its deal's
        try:
            self._check_unique(record, where)
            if not self.skip_bad_rows:
                self._write(record, existing, deals)
                return
            with self.session.begin_nested():
                self._write(record, existing, deals)
        except RuleViolation as exc:
            column = where.column_for(exc.field)
            self._fail(Rejected(where, exc.message, column=column, raw=source_row(record)))
        except InputError as exc:
            if not self.skip_bad_rows:
                raise
            self._fail(Rejected(where, exc.message, column=exc.column, raw=source_row(record)))
        except Conflict as exc:
            self._fail(Rejected(where, exc.message, raw=source_row(record)))
        else:
            return
        if isinstance(record, DealDraft) and (where.line is not None or where.json_path):
            self._refused_deal_rows.add((where.file, where.line, where.json_path))

    def _note_of_a_refused_deal(self, record: Record, where: Where) -> bool:
        """A deal note read from the row of a deal refused while written: a seller's words
        about a deal the workspace does not hold (rows refused while read yield neither)."""
        return (
            isinstance(record, EvidenceDraft)
            and record.kind == EvidenceKind.DEAL_NOTE
            and (where.file, where.line, where.json_path) in self._refused_deal_rows
        )

    def _fail(self, rejected: Rejected) -> None:
        if self.skip_bad_rows:
            self.resolver.forget()
            self.competitors.forget()
        self._reject(rejected)

    def _reject(self, rejected: Rejected) -> None:
        if not self.skip_bad_rows:
            where = rejected.where
            location = where.line if where.line is not None else None
            # A JSON Lines record's path is its line, which the error already names.
            located = where.json_path and where.json_path != f"line {where.line}"
            message = f"{where.json_path}: {rejected.reason}" if located else rejected.reason
            raise InputError(message, path=self.path, line=location, column=rejected.column)
        self.counts.rejects.append(rejected)

    def _check_unique(self, record: Record, where: Where) -> None:
        entity = type(record).__name__
        seen = self._seen.setdefault(entity, set())
        key = getattr(record, "external_id", None)
        if key is None:
            return
        if key in seen:
            # A JSON document's records are placed by path ("tickets[7]"), not by line.
            at = f"{where.json_path}: " if where.json_path and where.line is None else ""
            raise InputError(
                f"{at}external id {key!r} appears twice in this file",
                path=self.path,
                line=where.line,
            )
        seen.add(key)

    def _write(self, record: Record, existing: dict[str, Any], deals: dict[str, Any]) -> None:
        if isinstance(record, EvidenceDraft):
            self._evidence(record, existing.get(record.external_id))
        elif isinstance(record, DealDraft):
            self._deal(record, deals.get(record.external_id))
        elif isinstance(record, AccountDraft):
            self._account(record)
        elif isinstance(record, PersonDraft):
            self._person(record)
        elif isinstance(record, MetricValueDraft):
            self._metric_value(record)

    def _checked(self, entity: Any) -> Any:
        too_long = repository.overlong_field(entity)
        if too_long is not None:
            name, limit = too_long
            raise RuleViolation(name, f"is longer than {limit} characters")
        return entity

    def _evidence(self, draft: EvidenceDraft, existing: Any) -> None:
        account_id = self.resolver.account_id(draft.account, fallback_email=draft.person.email)
        person = self.resolver.person(draft.person, account_id)
        relayed = self.resolver.person(draft.relayed_by, None)
        if person is not None and relayed is None and self.resolver.is_internal(person):
            # One of ours wrote it on a customer's behalf: a proxy, not the customer's voice.
            person, relayed = None, person
        if relayed is not None and person is not None and relayed.id == person.id:
            relayed = None
        item = self._checked(
            EvidenceItem(
                source=self.source,
                external_id=draft.external_id,
                kind=draft.kind,
                mode=self.mode or draft.mode,
                title=draft.title,
                text=draft.text,
                created_at=draft.created_at,
                account_id=account_id,
                person_id=person.id if person else None,
                relayed_by_id=relayed.id if relayed else None,
                rating=draft.rating,
                tags=list(draft.tags),
                url=draft.url,
                raw=draft.raw,
                import_batch_id=self.batch_id,
                duplicate_of_id=(
                    existing.duplicate_of_id
                    if existing is not None and not never_copied(draft.kind)
                    else None
                ),
            )
        )
        if existing is None:
            self._pending.append(item)
            self.counts.add("evidence items", Outcome.INSERTED)
            return
        if draft.partial:
            item = self._fill_gaps(existing, item)
        outcome, _ = upsert(self.session, item, existing, batch_id=self.batch_id)
        # Storing a changed text keyed it by its raw words. Keyed by the words said here,
        # an item stored before copies were told by them gets its key when re-imported.
        said_print = copy_fingerprint(existing.kind, existing.text)
        if existing.fingerprint != said_print:
            existing.fingerprint = said_print
        self.counts.add("evidence items", outcome)

    def _insert_pending(self) -> None:
        """Insert the chunk's new items at once, each keyed by the words it says (not the
        column's default, the raw text), then link the copies among them."""
        items, self._pending = self._pending, []
        said = [said_words(item.kind, item.text) for item in items]
        keys = [fingerprint_of(words) for words in said]
        ids = insert_many(
            self.session,
            items,
            batch_id=self.batch_id,
            columns=[{"fingerprint": key} for key in keys],
        )
        prints: dict[int, str] = {}
        for item, record_id, words, key in zip(items, ids, said, keys, strict=True):
            item.id = record_id
            if may_be_a_copy(item, words):
                prints[record_id] = key
        self._link_duplicates([i for i in items if i.id in prints], prints)

    def _fill_gaps(self, existing: Any, item: EvidenceItem) -> EvidenceItem:
        """Keep the stored item; take only what it lacks from a partial export."""
        stored = repository.to_domain(existing, EvidenceItem)
        gaps = {
            name: getattr(item, name)
            for name in ("account_id", "person_id", "relayed_by_id", "title", "url", "rating")
            if getattr(stored, name) is None and getattr(item, name) is not None
        }
        if not stored.tags and item.tags:
            gaps["tags"] = item.tags
        return dataclasses.replace(stored, **gaps)

    def _link_duplicates(self, items: list[EvidenceItem], prints: dict[int, str]) -> None:
        """The same words said (``copies``: an HTML body, a greeting and a sign-off aside)
        from the same account through another channel are one piece of demand: each later
        copy points at the earliest item it can copy (one query per chunk). ``prints`` is
        each item's ``copy_fingerprint`` by id. Two customers at one account who write the
        same words are two voices, not a copy: an item copies an earlier one only when at
        most one of them names its speaker, or both name the same. A relayed item or one by
        our own people names none (the customer's words pasted into a CRM note are a copy
        of the customer's ticket). Items without an account (a consumer's free-mail
        address) copy only the same person's. A deal note is never a copy nor an original
        (``copies.never_copied``): one an older import linked loses the link when a later
        export brings it again."""
        if not items:
            return
        # Filtered by the fingerprint index alone: with "duplicate_of_id IS NULL" or an
        # ORDER BY in SQL, SQLite's planner walks another index across the whole table.
        candidates = self.session.execute(
            select(
                EvidenceItemRow.id,
                EvidenceItemRow.fingerprint,
                EvidenceItemRow.account_id,
                EvidenceItemRow.created_at,
                EvidenceItemRow.duplicate_of_id,
                EvidenceItemRow.person_id,
                EvidenceItemRow.relayed_by_id,
                EvidenceItemRow.kind,
            ).where(EvidenceItemRow.fingerprint.in_(set(prints.values())))
        ).all()
        candidates = [row for row in candidates if not never_copied(row.kind)]
        speaker = Speakers(self.session, {row.person_id for row in candidates})
        # Per (words, account): the earliest original overall and per speaker (None: names
        # nobody, so any item may copy it), and each original's place in time.
        place: dict[int, int] = {}
        earliest: dict[tuple[str, int | None], dict[int | None, int]] = {}
        first: dict[tuple[str, int | None], int] = {}
        ordered = sorted(candidates, key=lambda r: (r.created_at, r.id))
        for position, row in enumerate(ordered):
            if row.duplicate_of_id is None:
                key = (row.fingerprint, row.account_id)
                place[row.id] = position
                voices = earliest.setdefault(key, {})
                voices.setdefault(speaker(row.person_id, row.relayed_by_id), row.id)
                first.setdefault(key, row.id)

        def original_of(key: tuple[str, int | None], voice: int | None) -> int | None:
            voices = earliest.get(key, {})
            if key[1] is None:  # no account: only the same person's words are a copy
                return voices.get(voice) if voice is not None else None
            if voice is None:
                return first.get(key)
            options = [i for i in (voices.get(None), voices.get(voice)) if i is not None]
            return min(options, key=place.__getitem__, default=None)

        for item in items:
            assert item.id is not None
            key = (prints[item.id], item.account_id)
            original = original_of(key, speaker(item.person_id, item.relayed_by_id))
            if original is None or original == item.id:
                continue
            copy = self.session.get(EvidenceItemRow, item.id)
            assert copy is not None
            copy.duplicate_of_id = original
            self.counts.duplicates_linked += 1
        # An earlier item arriving after its copy (the chat of 1 February imported after the
        # ticket of 1 March) becomes the original: which export is imported first must not
        # decide what is counted once.
        arrived = {item.id for item in items}
        for row in ordered:
            if row.id in arrived or row.duplicate_of_id is not None:
                continue
            key = (row.fingerprint, row.account_id)
            original = original_of(key, speaker(row.person_id, row.relayed_by_id))
            if original is not None and original in arrived:
                self._repoint(row.id, original)

    def _repoint(self, former: int, original: int) -> None:
        """Make stored item ``former`` and its copies copies of ``original``, logged so that
        undoing the import restores them."""
        rows = self.session.scalars(
            select(EvidenceItemRow).where(
                or_(EvidenceItemRow.id == former, EvidenceItemRow.duplicate_of_id == former)
            )
        ).all()
        for row in rows:
            changelog.log_update(self.session, self.batch_id, row, changelog.snapshot(row))
            row.duplicate_of_id = original
            self.counts.duplicates_linked += 1

    def _account(self, draft: AccountDraft) -> None:
        ref = AccountRef(name=draft.name, domain=draft.domain, external_id=draft.external_id)
        found = self.resolver.existing_account_id(ref)
        current = repository.get(self.session, Account, found) if found is not None else None
        values = {
            k: v
            for k, v in dataclasses.asdict(draft).items()
            if k not in {"where", "external_id"} and v not in (None, {})
        }
        if current is None:
            lifecycle = values.pop("lifecycle", None) or (
                AccountLifecycle.CUSTOMER if draft.arr else AccountLifecycle.PROSPECT
            )
            account = Account(
                **values,
                lifecycle=lifecycle,
                source=self.source,
                external_id=draft.external_id,
                import_batch_id=self.batch_id,
            )
        else:
            if current.source is None:
                values.update(source=self.source, external_id=draft.external_id)
            if current.source not in (None, self.source):
                values = _gaps_only(current, values)
            else:
                # Attributes other sources added stay; this source's own values win.
                values["attributes"] = {**current.attributes, **values.get("attributes", {})}
                if values.get("lifecycle") not in (None, AccountLifecycle.CHURNED):
                    values.setdefault("churned_at", None)
            account = dataclasses.replace(current, **values, import_batch_id=self.batch_id)
        outcome, stored = upsert(
            self.session,
            self._checked(account),
            repository.row_of(self.session, account) if current else None,
            batch_id=self.batch_id,
        )
        assert stored.id is not None
        self.resolver.remember_account(self.source, draft.external_id, stored.id)
        self.counts.add_record("accounts", stored.id, outcome)

    def _person(self, draft: PersonDraft) -> None:
        account_id = self.resolver.account_id(draft.account, fallback_email=draft.email)
        ref = PersonRef(
            email=draft.email, name=draft.name, role=draft.role, external_id=draft.external_id
        )
        ref_person = self.resolver.existing_person(ref, account_id)
        values: dict[str, Any] = {"name": draft.name, "email": draft.email, "role": draft.role}
        values = {k: v for k, v in values.items() if v is not None}
        internal = self.resolver.settings.is_internal_email(draft.email)
        if account_id is not None and not internal:
            values["account_id"] = account_id
        if ref_person is None:
            person = Person(
                **values,
                source=self.source,
                external_id=draft.external_id,
                import_batch_id=self.batch_id,
            )
        else:
            if ref_person.source is None:
                values.update(source=self.source, external_id=draft.external_id)
            elif ref_person.source != self.source:
                values = _gaps_only(ref_person, values)
            person = dataclasses.replace(ref_person, **values, import_batch_id=self.batch_id)
        outcome, stored = upsert(
            self.session,
            self._checked(person),
            repository.row_of(self.session, person) if ref_person else None,
            batch_id=self.batch_id,
        )
        assert stored.id is not None
        external_keys.remember(
            self.session,
            "person",
            self.source,
            draft.external_id,
            stored.id,
            batch_id=self.batch_id,
        )
        self.counts.add_record("people", stored.id, outcome)

    def _deal(self, draft: DealDraft, existing: Any) -> None:
        account_id = self.resolver.account_id(draft.account, deal=draft.outcome)
        values = {
            k: v
            for k, v in dataclasses.asdict(draft).items()
            if k
            not in {
                "where",
                "account",
                "competitors",
                "outcome_flagged",
                "amount_currency",
                "unread_currencies",
                "currency_column",
            }
        }
        deal = self._checked(
            Deal(source=self.source, account_id=account_id, import_batch_id=self.batch_id, **values)
        )
        outcome, stored = upsert(self.session, deal, existing, batch_id=self.batch_id)
        self.counts.add("deals", outcome)
        assert stored.id is not None
        links = self._competitor_links(stored.id, draft)
        for link in links:
            self._link_competitor(link)
        self.counts.deal_checks.see(draft, len(links))
        self.counts.deal_checks.see_amount_currency(draft, self.path.name)

    def _metric_value(self, draft: MetricValueDraft) -> None:
        """Values land only on metrics the registry defines: a metric's meaning is written
        down once (``tradeoff metric new``), never invented by an import."""
        metric = self._metrics.get(draft.metric) or metrics.find_metric(self.session, draft.metric)
        if metric is None or metric.id is None:
            raise RuleViolation(
                "metric",
                f"no metric named {draft.metric!r} in the registry; define it first with "
                "tradeoff metric new",
            )
        self._metrics[draft.metric] = metric
        value = MetricValue(
            metric_id=metric.id,
            observed_on=draft.observed_on,
            value=draft.value,
            segment=draft.segment,
        )
        self.counts.add(
            "metric values", metrics.upsert_value(self.session, value, batch_id=self.batch_id)
        )

    def _competitor_links(self, deal_id: int, draft: DealDraft) -> list[DealCompetitor]:
        """One link per competitor the deal's fields name, with the words first used for it:
        "ADP Run; ADP WFN" with both filed under ADP is one competitor met, not two. A
        status quo gives way to a specific alternative the field names too, or that the
        deal's field already linked (``generic_given_way``)."""
        links: dict[int, DealCompetitor] = {}
        for mention in draft.competitors:
            for name in split_competitor_names(mention.name):
                if names_no_competitor(name):
                    continue
                competitor = self.competitors.find_or_create(name)
                assert competitor.id is not None
                links.setdefault(
                    competitor.id,
                    DealCompetitor(
                        deal_id=deal_id,
                        competitor_id=competitor.id,
                        relation=mention.relation,
                        mentioned_as=name,
                    ),
                )
        kinds = {i: self.competitors.kind_of(i) for i in links}
        named = {i: kind for i, kind in kinds.items() if kind is not None}
        held: set[int] = set()
        if CompetitorKind.STATUS_QUO in named.values():  # rare: one query only then
            held = crm_links(self.session, [deal_id]).get(deal_id, set()) - links.keys()
        given_way = generic_given_way(named, (self.competitors.kind_of(i) for i in held))
        return [link for i, link in links.items() if i not in given_way]

    def _link_competitor(self, link: DealCompetitor) -> None:
        row = self.session.get(DealCompetitorRow, (link.deal_id, link.competitor_id))
        outcome, _ = upsert(self.session, link, row, batch_id=self.batch_id)
        vouched_by_crm(self.session, link.deal_id, link.competitor_id, self.batch_id)
        self.counts.add("competitor links", outcome)


def _gaps_only(current: Any, values: dict[str, Any]) -> dict[str, Any]:
    """Another source's view of a record it does not own: it fills what is missing and adds
    attributes, but never overwrites what the system of record (usually the CRM) says."""
    kept = {k: v for k, v in values.items() if getattr(current, k) in (None, "", {})}
    if isinstance(values.get("attributes"), dict):
        kept["attributes"] = {**values["attributes"], **current.attributes}
    return kept


def source_row(record: Draft) -> dict[str, Any] | list[str]:
    """What a record refused while it is written was read from, for the rejects file, as a
    row refused while reading shows it: the export row's cells (CRM rows), else the source
    record the importer kept (evidence), else the record's own fields as read."""
    where = record.location if isinstance(record, EvidenceDraft) else record.where
    if isinstance(where, RowWhere) and where.cells:
        return list(where.cells)
    if isinstance(record, EvidenceDraft) and record.raw:
        return record.raw
    read = {f.name: _plain(getattr(record, f.name)) for f in dataclasses.fields(record)}
    return {k: v for k, v in read.items() if k not in ("where", "line") and v not in EMPTY}


EMPTY: tuple[Any, ...] = (None, "", [], {})


def _plain(value: Any) -> Any:
    """``value`` as JSON can write it: dates, amounts and enums as their text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        value = {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items() if v is not None and v != ""}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if value is None or isinstance(value, str | int | float | bool):
        return value
    return str(value)


def _chunks(records: Iterable[Record], size: int) -> Iterator[list[Record]]:
    chunk: list[Record] = []
    for record in records:
        chunk.append(record)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
