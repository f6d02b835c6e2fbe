"""Reading CRM exports (Salesforce, HubSpot, Pipedrive): columns, rows, deals, accounts.

CRM exports share their troubles: columns named by API name, label or the user's own
mapping; report footers after the rows; amounts with currency codes or symbols; locale dates;
won / lost written as flags or stage names. Each CRM importer declares its column names and
reads its own ids and owners; everything else is here, so all read values the same way.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from tradeoff.domain.enums import (
    AccountLifecycle,
    CompetitorRelation,
    DealOutcome,
    EvidenceKind,
    PersonRole,
)
from tradeoff.domain.names import fold
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import locate_columns, no_mapped_column
from tradeoff.importers.currencies import shared_sign_users, split_amount, uses_sign
from tradeoff.importers.drafts import (
    AccountDraft,
    AccountRef,
    CompetitorMention,
    DealDraft,
    EvidenceDraft,
    PersonRef,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.locales import DEFAULT_LOCALE, Locale
from tradeoff.importers.textfile import CsvRow, FileFacts, inspect_file
from tradeoff.importers.values import parse_bool
from tradeoff.wording import plural

#: A bare amount's currency when the import names none: ``registry.run`` passes the
#: workspace's base currency as ``--currency``, so this is only for a read on its own.
DEFAULT_CURRENCY = "USD"
CURRENCY_OPTION = ImporterOption(
    "currency",
    "Currency of amounts that name none (default: the workspace's base currency).",
)
#: Field → the names an export gives its column (API names, labels); the user's --map wins.
Columns = Mapping[str, tuple[str, ...]]
RELATION_BY_OUTCOME = {
    DealOutcome.WON: CompetitorRelation.WON_AGAINST,
    DealOutcome.LOST: CompetitorRelation.LOST_TO,
    DealOutcome.OPEN: CompetitorRelation.EVALUATED,
}
TOTALS = re.compile(r"(grand\s+)?(sub)?totals?:?(\s*\(\s*[\d,.\s]+records?\s*\))?", re.IGNORECASE)


def check_fields(context: ReadContext, known: frozenset[str], vendor: str) -> None:
    unknown = sorted(set(context.columns) - known)
    if unknown:
        raise InputError(
            f"unknown field {unknown[0]!r} in the mapping; {vendor} fields are: "
            + ", ".join(sorted(known))
        )


@dataclass(frozen=True)
class CrmSettings:
    """How to read what an export leaves ambiguous: a bare amount's currency, 01/02/2024,
    1.234."""

    currency: str = DEFAULT_CURRENCY
    locale: Locale = DEFAULT_LOCALE

    @classmethod
    def of(cls, context: ReadContext) -> CrmSettings:
        currency = (context.options.get("currency") or DEFAULT_CURRENCY).strip().upper()
        return cls(currency=currency, locale=Locale.of(context))


@dataclass(frozen=True)
class RowWhere(Where):
    """Where a record was read, with the export row's cells: a record the loader rejects
    carries its whole row into the rejects file, as one refused while reading does."""

    cells: tuple[str, ...] = dataclasses.field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class CrmDealDraft(DealDraft):
    """A deal as a CRM row gives it, with what the loader reports beside the deal."""

    #: The currency the amount named itself when the currency column named another (which
    #: wins, as docs/importers.md says); the import summary counts these deals.
    amount_currency: str | None = None
    #: The layout's ``unread_currencies`` with the column read: the summary names them.
    unread_currencies: tuple[str, ...] = ()
    currency_column: str = ""


@dataclass(frozen=True)
class Layout:
    """Where each field sits in one export's header: the user's ``--map`` column, else the
    first of the export's known names present (exactly, then ignoring case)."""

    path: Path
    header: tuple[str, ...]
    positions: Mapping[str, int]
    #: Other columns of currency codes than the one the amounts are read in, whose codes
    #: differ from it on some row: the import summary names them (``currency_columns``).
    unread_currencies: tuple[str, ...] = ()

    @classmethod
    def of(cls, header: list[str], table: Columns, mapped: Mapping[str, str], path: Path) -> Layout:
        given = {f: c for f, c in mapped.items() if c and f in table}
        positions = locate_columns(header, table, path=path, given=given, missing=no_mapped_column)
        return cls(path, tuple(header), positions)

    def has(self, field: str) -> bool:
        return field in self.positions

    def column(self, field: str) -> str:
        return self.header[self.positions[field]] if field in self.positions else field

    def require(self, *fields: str) -> None:
        for field in fields:
            if field not in self.positions:
                raise InputError(
                    f"no column for {field}: name it with --map {field}=COLUMN",
                    path=self.path,
                    line=1,
                    column=field,
                )

    def cells(self, row: CsvRow) -> dict[str, str]:
        return {f: row.cells[i].strip() for f, i in self.positions.items() if i < len(row.cells)}

    def where(self, line: int, cells: Sequence[str] = ()) -> Where:
        columns = tuple((f, self.header[i]) for f, i in self.positions.items())
        return RowWhere(line=line, columns=columns, cells=tuple(cells))

    def raw(self, row: CsvRow) -> dict[str, str]:
        """The row as exported, by header; the first of a repeated header wins."""
        record: dict[str, str] = {}
        for name, value in zip(self.header, row.cells, strict=False):
            record.setdefault(name, value)
        return record


def side_file(main: Path, given: str | None, *usual_names: str) -> FileFacts | None:
    """The file an option names, else one with the export's usual name beside the main file
    (the weekly Data Export service names its files User.csv, OpportunityCompetitor.csv)."""
    if given:
        return inspect_file(Path(given))
    beside = (main.with_name(name) for name in usual_names)
    path = next((p for p in beside if p.is_file() and p != main), None)
    return inspect_file(path) if path is not None else None


def data_rows(rows: Iterator[CsvRow], width: int) -> Iterator[CsvRow]:
    """The table's rows, including misfits followed by more data (for the caller to refuse).

    A report export ends with a footer: a totals row ("Grand Totals (42 records)" and the
    summed amount) and one-cell lines (report name, copyright, "Generated By"). A trailing
    run of those is not data and is dropped; one followed by more rows is passed on, to be
    refused as what it is. Excel's empty trailing columns are trimmed.
    """
    held: list[CsvRow] = []
    for row in rows:
        if len(row.cells) > width and not any(c.strip() for c in row.cells[width:]):
            row = CsvRow(line=row.line, cells=row.cells[:width])
        if len(row.cells) != width or is_totals_row(row.cells):
            held.append(row)
            continue
        yield from held
        held.clear()
        yield row
    yield from (
        r for r in held if sum(1 for c in r.cells if c.strip()) > 1 and not is_totals_row(r.cells)
    )


def is_totals_row(cells: list[str]) -> bool:
    """A report's summary row: its first filled cell says "Total", "Grand Totals (3
    records)" or "Subtotal"."""
    first = next((c.strip() for c in cells if c.strip()), "")
    return TOTALS.fullmatch(first) is not None


RowReader = Callable[[dict[str, str], dict[str, str], Where], list[Record]]


def read_rows(layout: Layout, rows: Iterator[CsvRow], build: RowReader) -> Iterator[Record]:
    """Each row's records, or one ``Rejected`` that names the row's line and column."""
    width = len(layout.header)
    for row in data_rows(rows, width):
        where = layout.where(row.line, row.cells)
        if len(row.cells) != width:
            reason = f"the row has {plural(len(row.cells), 'cell')} but the header has {width}"
            yield Rejected(where, reason, raw=row.cells)
            continue
        try:
            yield from build(layout.cells(row), layout.raw(row), where)
        except RuleViolation as exc:
            yield Rejected(where, exc.message, column=layout.column(exc.field), raw=row.cells)


def crm_deal(
    cells: dict[str, str],
    raw: dict[str, str],
    where: Where,
    layout: Layout,
    settings: CrmSettings,
    *,
    external_id: str,
    account: AccountRef,
    owner: PersonRef,
    competitors: list[str],
    extra_notes: str = "",
    amount_field: str = "amount",
    outcome: DealOutcome | None = None,
    close_fields: Sequence[str] = ("closed_at",),
) -> list[Record]:
    """A deal row's deal, and deal notes for its description and loss reason: what a seller
    wrote about the account, relayed by that seller (principle 6). ``amount_field`` is the
    field the amount is read from, so a bad one is refused naming its own column.

    ``outcome`` is given by a CRM that records it in a status of its own (Pipedrive's
    open / won / lost), else read from the row (``deal_outcome``); the close date is the
    first filled of ``close_fields``, since such a CRM writes it in one column per outcome
    (Won time, Lost time)."""
    name = cells.get("name", "")
    if not name:
        raise RuleViolation("name", "the deal has no name")
    outcome_flagged = outcome is not None
    if outcome is None:
        outcome = deal_outcome(cells)
    created = moment("created_at", cells, settings)
    close = next((moment(f, cells, settings) for f in close_fields if cells.get(f)), None)
    amount, currency = money(amount_field, cells, settings)
    description = cells.get("notes", "")
    deal = CrmDealDraft(
        where=where,
        external_id=external_id,
        name=name,
        account=account,
        amount=amount,
        currency=currency,
        stage=cells.get("stage") or None,
        outcome=outcome,
        outcome_flagged=outcome_flagged
        or flag("is_won", cells) is not None
        or flag("is_closed", cells) is not None,
        created_at=created,
        closed_at=close if outcome is not DealOutcome.OPEN else None,
        loss_reason=(cells.get("loss_reason") or None) if outcome is DealOutcome.LOST else None,
        win_reason=(cells.get("win_reason") or None) if outcome is DealOutcome.WON else None,
        notes="\n\n".join(filter(None, [description, extra_notes])) or None,
        owner=owner.name or owner.email or cells.get("owner") or cells.get("owner_id") or None,
        deal_type=cells.get("deal_type") or None,
        lead_source=cells.get("lead_source") or None,
        competitors=competitor_mentions(competitors, outcome),
        amount_currency=overridden_currency(amount_field, cells) if amount is not None else None,
        unread_currencies=layout.unread_currencies,
        currency_column=layout.column("currency") if layout.unread_currencies else "",
    )
    notes = (
        ("description", description, created or close),
        ("loss_reason", deal.loss_reason or "", close or created),
    )
    records: list[Record] = [deal]
    for part, text, when in notes:
        if not text:
            continue
        if when is None:
            message = "a deal note needs the deal's created or close date"
            if not layout.has("created_at"):
                message += (
                    ", and no column gives its created date: name it with --map created_at=COLUMN"
                )
            raise RuleViolation("created_at", message)
        records.append(
            EvidenceDraft(
                where=dataclasses.replace(
                    where, columns=(*where.columns, ("text", layout.column(part)))
                ),
                line=where.line,
                external_id=f"{external_id}:{part}",
                kind=EvidenceKind.DEAL_NOTE,
                title=f"{name}: {part.replace('_', ' ')}",
                text=text,
                created_at=when,
                account=account,
                relayed_by=owner,
                tags=[f"deal_{outcome.value}", *(["loss_reason"] if part == "loss_reason" else [])],
                raw=raw,
            )
        )
    return records


def crm_account(
    cells: dict[str, str],
    raw: dict[str, str],
    where: Where,
    layout: Layout,
    settings: CrmSettings,
    external_id: str,
    lifecycle: AccountLifecycle | None,
) -> AccountDraft:
    """An account row. Only ARR is what the customer pays us; the company's own revenue,
    industry and custom fields stay attributes, since only the user knows which matter."""
    domain = domain_of(cells.get("domain", ""))
    name = cells.get("name") or domain
    if not name:
        raise RuleViolation("name", "the account has neither a name nor a website")
    churned = moment("churned_at", cells, settings)
    if churned is not None and lifecycle is None:
        lifecycle = AccountLifecycle.CHURNED
    arr, currency = money("arr", cells, settings)
    renewal = moment("renewal_on", cells, settings)
    used = {layout.column(f) for f in layout.positions if f != "lifecycle"}
    return AccountDraft(
        where=where,
        external_id=external_id,
        name=name,
        domain=domain,
        segment=cells.get("segment") or None,
        plan=cells.get("plan") or None,
        arr=arr,
        currency=currency if arr is not None else cells.get("currency") or None,
        employees=whole("employees", cells, settings),
        region=cells.get("region") or None,
        lifecycle=lifecycle,
        churned_at=churned if lifecycle is AccountLifecycle.CHURNED else None,
        renewal_on=renewal.date() if renewal else None,
        attributes={k: v.strip() for k, v in raw.items() if v.strip() and k not in used},
    )


def deal_outcome(cells: dict[str, str]) -> DealOutcome:
    """Won / lost from the closed and won flags when the export has them (orgs rename
    stages), else from the stage: "Closed Won", "closedlost", "Closed & Won", and the words
    "won" or "lost" alone, which is how custom HubSpot pipelines ("Won", "Deal Lost") and
    other CRMs' deal status ("won", "lost", "open") say it. A stage that says both is open:
    the flags or a person must decide.

    A won flag alone decides as far as it goes: true is won whatever the stage; false rules
    won out, so a stage read as lost is lost and one read as won is open — the CRM computes
    the flag from the stage's type, and a stage it does not count as closed won ("Verbal
    won", "Won - awaiting signature") is still in the pipeline."""
    won, closed = flag("is_won", cells), flag("is_closed", cells)
    if won:
        return DealOutcome.WON
    if closed is not None:
        return DealOutcome.LOST if closed else DealOutcome.OPEN
    by_stage = stage_outcome(cells.get("stage", ""))
    if won is False and by_stage is DealOutcome.WON:
        return DealOutcome.OPEN
    return by_stage


def stage_outcome(stage_text: str) -> DealOutcome:
    """What a stage's words say: won, lost, or open when they say neither or both."""
    # "won't" is not "won": apostrophes join their word before it is split.
    stage = fold(re.sub(r"['\u2019]", "", stage_text))
    squashed, words = re.sub(r"[^a-z]", "", stage), set(stage.split())
    says_won = "closedwon" in squashed or "won" in words
    says_lost = "closedlost" in squashed or "lost" in words
    if says_won and not says_lost:
        return DealOutcome.WON
    if says_lost and not says_won:
        return DealOutcome.LOST
    return DealOutcome.OPEN


def competitor_mentions(names: list[str], outcome: DealOutcome) -> tuple[CompetitorMention, ...]:
    """Each competitor once: lost to on a lost deal, beaten on a won one, else evaluated."""
    relation = RELATION_BY_OUTCOME[outcome]
    unique = {fold(n): n.strip() for n in reversed(names) if n.strip()}
    return tuple(CompetitorMention(n, relation) for n in reversed(unique.values()))


def owner_ref(owner: str) -> PersonRef:
    """An owner known only by the name or email an export shows: one of our sellers."""
    if not owner:
        return PersonRef()
    if "@" in owner:
        return PersonRef(email=owner, role=PersonRole.SALES)
    return PersonRef(name=owner, role=PersonRole.SALES)


def split_values(text: str) -> list[str]:
    """A multi-select picklist (``A;B``); commas stay, they occur inside company names."""
    return [part.strip() for part in text.split(";") if part.strip()]


def flag(field: str, cells: dict[str, str]) -> bool | None:
    text = cells.get(field, "")
    if not text:
        return None
    try:
        return parse_bool(text)
    except ValueError as exc:
        raise RuleViolation(field, str(exc)) from None


def moment(field: str, cells: dict[str, str], settings: CrmSettings) -> datetime | None:
    """A date or time as the export's locale writes it; zone-less values are UTC."""
    text = cells.get(field, "")
    if not text:
        return None
    try:
        return settings.locale.timestamp(text)
    except ValueError as exc:
        raise RuleViolation(field, str(exc)) from None


def money(
    field: str, cells: dict[str, str], settings: CrmSettings
) -> tuple[Decimal | None, str | None]:
    """An amount and its currency: the currency column, else the currency the amount names
    (``USD 12,000.00``, ``R$ 1.234,56``, ``€1.234,56``), else the import's default. An
    amount written with a sign several currencies share ("$12,000") and no currency column
    is refused unless the import's currency is written so (``currencies``)."""
    cell = cells.get(field, "")
    currency = cells.get("currency", "").upper() or None
    if not cell:
        return None, currency
    written, shared, text = split_amount(cell)
    try:
        amount = settings.locale.decimal_number(text, written=cell)
    except ValueError as exc:
        raise RuleViolation(field, str(exc)) from None
    if currency is None and written is None and shared and not uses_sign(settings.currency, shared):
        raise RuleViolation(
            field,
            f"{cell!r} is written with {shared!r}, which several currencies use "
            f"({shared_sign_users(shared)}), and the import's currency is {settings.currency}: "
            "add a currency column (--map currency=COLUMN) or pass --currency",
        )
    return amount, currency or written or settings.currency


def overridden_currency(field: str, cells: dict[str, str]) -> str | None:
    """The currency an amount names itself (``EUR 5,000.00``, ``€5,000``) when the currency
    column names another: the column wins, and the import summary says so."""
    column = cells.get("currency", "").upper()
    written, _, _ = split_amount(cells.get(field, ""))
    return written if column and written and written != column else None


def whole(field: str, cells: dict[str, str], settings: CrmSettings) -> int | None:
    """A count such as employees, read in the export's locale: ``1.200`` is 1200 only with
    ``--decimal comma``; read with a point it is no whole number and is refused."""
    text = cells.get(field, "")
    if not text:
        return None
    try:
        number = settings.locale.decimal_number(text)
    except ValueError as exc:
        raise RuleViolation(field, str(exc)) from None
    if number != number.to_integral_value():
        hint = "; if its dot separates thousands, use --decimal comma" if "." in text else ""
        raise RuleViolation(field, f"not a whole number: {text!r}{hint}")
    return int(number)


def domain_of(website: str) -> str | None:
    """``https://www.acme.example/about`` → ``acme.example``; anything else is no domain."""
    value = website.strip().lower()
    if not value:
        return None
    try:
        host = urlsplit(value if "//" in value else "//" + value).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")
