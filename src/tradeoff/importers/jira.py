"""Jira: the issue CSV export, as requests our own people typed on customers' behalf.

Reads the file Jira Cloud writes from Filters → Export → "Export CSV (all fields)" or
"Export CSV (current fields)" (Data Center writes the same layout). The header is one row of
column names, several of them repeated once per value, so cells are read by position:

    Summary, Issue key, Issue id, Parent id, Issue Type, Status, Project key, Project name,
    Priority, Resolution, Assignee, Assignee Id, Reporter, Reporter Id, Creator, Created,
    Updated, Last Viewed, Resolved, Due date, Votes, Labels, Labels, …, Description,
    Environment, Watchers, …, Sprint, …, Custom field (Customer), …, Comment, Comment, …

Dates are in the exporting user's profile format and time zone (``14/Jul/25 3:42 PM``; ISO
is accepted too); ``--timezone`` names that zone, else UTC is assumed. People are a display
name plus an Atlassian account id (``Reporter``, ``Reporter Id``), never an email.

Mapping (every column is renamed with ``--map FIELD=Column``; see ``COLUMNS``):

- One issue is one ``internal_request`` item (stated by default). Its external id is the
  ``Issue id``: unlike the ``Issue key`` (``FR-12``) it never changes when an issue moves to
  another project, which is how feature requests usually leave a triage project.
- Title = ``Summary``; text = Summary, a blank line, then ``Description`` as written (wiki
  markup kept). Hostile text (``=HYPERLINK(…)``, ``<script>``) is stored verbatim.
- Tags = every ``Labels`` column (a cell may hold several, space-separated) plus the
  ``Issue Type``.
- The reporter relayed it (principle 6): sales or CS typing for a customer. They become a
  person in source ``jira`` keyed by ``Reporter Id``, named by ``Reporter``, with the role
  ``--reporter-role`` gives (else unknown). ``--users FILE`` (a CSV with Name and Email
  columns; an Atlassian user export or a CRM users export works) gives them emails, so they
  match the same people from the helpdesk and the CRM.
- The customer it concerns is the account named in ``Custom field (Customer)``, when the
  export has it; no customer person is named. ``--site URL`` links each item to its issue.
- The whole row is kept as the item's raw record, repeated columns as lists, except
  ``Last Viewed``, which describes the exporting user rather than the issue.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.names import person_name_key
from tradeoff.domain.rules import RuleViolation, member
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import rows_that_fit
from tradeoff.importers.drafts import (
    AccountRef,
    EvidenceDraft,
    PersonDraft,
    PersonRef,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.locales import DATES_OPTION, Locale
from tradeoff.importers.textfile import CsvRow, FileFacts, inspect_file, raw_record, read_csv

SOURCE = "jira"

#: Each field this importer reads, and the column Jira writes for it.
COLUMNS: dict[str, str] = {
    "external_id": "Issue id",
    "key": "Issue key",
    "title": "Summary",
    "description": "Description",
    "created_at": "Created",
    "issue_type": "Issue Type",
    "labels": "Labels",
    "reporter": "Reporter",
    "reporter_id": "Reporter Id",
    "account": "Custom field (Customer)",
}
REQUIRED = ("external_id", "title", "created_at")
#: Item fields whose errors name another field's column: the text is mostly the
#: Description, and the link is built from the key.
ERROR_FIELDS = {"text": "description", "url": "key"}
#: Columns about the exporting user, not the issue: a re-export must not count as an edit.
VOLATILE_COLUMNS = frozenset({"Last Viewed"})

#: Users-file headers, first match wins: our own ``Name, Email``, Atlassian's user export
#: (``User id, User name, email``), a Salesforce User export (``Name, Email``).
NAME_HEADERS = ("name", "user name", "full name", "display name")
EMAIL_HEADERS = ("email", "email address", "e-mail")
ID_HEADERS = ("user id", "account id", "atlassian id")


class JiraImporter:
    name = "jira"
    source = SOURCE
    summary = (
        "Jira issues from the CSV export (all or current fields): requests that sales and CS "
        "typed on customers' behalf."
    )
    example = (
        "tradeoff import jira Jira.csv --users team.csv --reporter-role sales "
        "--timezone Europe/London --map 'account=Custom field (Company)'"
    )
    kind: EvidenceKind | None = EvidenceKind.INTERNAL_REQUEST
    default_mode: EvidenceMode | None = EvidenceMode.STATED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "users",
            "CSV with Name and Email columns (an Atlassian or CRM user export works): "
            "gives reporters their emails so they match people from other sources.",
            is_path=True,
        ),
        ImporterOption(
            "reporter-role",
            "Role of the reporters: sales, csm, support, executive, ... (default: unknown).",
        ),
        ImporterOption(
            "timezone",
            "Time zone of the export's dates: the exporter's Jira profile zone, e.g. "
            "Europe/London (default: UTC).",
        ),
        ImporterOption(
            "site",
            "Your Jira site, e.g. https://acme.atlassian.net: links each item to its issue.",
        ),
        DATES_OPTION,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        """Checks options and the header now, so a wrong file fails before any row."""
        settings = _settings(context)
        header, rows = read_csv(facts, context.on_progress)
        layout = _layout(header, context, facts.path)
        return _issues(header, rows, layout, settings)


@dataclass(frozen=True)
class Directory:
    """Emails for Jira people, who the CSV names only by display name and account id."""

    by_id: dict[str, str] = field(default_factory=dict)
    #: None where two people share a name: guessing would relay words through the wrong one.
    by_name: dict[str, str | None] = field(default_factory=dict)

    def email_for(self, account_id: str, name: str) -> str | None:
        if account_id in self.by_id:
            return self.by_id[account_id]
        return self.by_name.get(person_name_key(name)) if name else None


@dataclass(frozen=True)
class Settings:
    role: PersonRole | None
    #: Profile-format dates are wall-clock time in the exporter's Jira profile zone.
    locale: Locale
    site: str | None
    directory: Directory


@dataclass(frozen=True)
class Layout:
    """Where each field's cells are in this file's header."""

    positions: dict[str, int]
    labels: tuple[int, ...]
    columns: dict[str, str]

    def cell(self, cells: list[str], field_name: str) -> str:
        index = self.positions.get(field_name)
        return cells[index].strip() if index is not None else ""


def _settings(context: ReadContext) -> Settings:
    # The CLI passes ``--reporter-role`` as ``reporter_role``; a manifest as ``reporter-role``.
    options = {name.replace("_", "-"): value for name, value in context.options.items()}
    role = None
    if options.get("reporter-role"):
        try:
            role = member("role", PersonRole, options["reporter-role"])
        except RuleViolation as exc:
            raise InputError(f"--reporter-role: {exc.message}") from None
    site = options.get("site") or None
    if site is not None:
        parts = urlsplit(site)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise InputError(f"--site: expected https://YOUR-SITE.atlassian.net, got {site!r}")
        site = site.rstrip("/")
    users = options.get("users")
    directory = load_directory(Path(users)) if users else Directory()
    locale = Locale.of(context)
    return Settings(role=role, locale=locale, site=site, directory=directory)


def _layout(header: list[str], context: ReadContext, path: Path) -> Layout:
    unknown = sorted(set(context.columns) - set(COLUMNS))
    if unknown:
        raise InputError(
            f"jira has no field {unknown[0]!r} to map; its fields are: {', '.join(COLUMNS)}"
        )
    columns = {name: context.column(name, default) for name, default in COLUMNS.items()}
    folded = [h.casefold() for h in header]
    positions: dict[str, int] = {}
    labels: tuple[int, ...] = ()
    for name, column in columns.items():
        found = tuple(i for i, h in enumerate(folded) if h == column.casefold())
        if not found:
            # Optional columns may be absent (no Customer field); a named one may not.
            if name in REQUIRED or name in context.columns:
                raise InputError(
                    f"no column {column!r} (the issue's {name}): is this a Jira CSV export? "
                    "The file has: " + ", ".join(repr(h) for h in header[:12]),
                    path=path,
                    line=1,
                    column=column,
                )
            continue
        positions[name] = found[0]
        if name == "labels":
            labels = found
    return Layout(positions=positions, labels=labels, columns=columns)


def _issues(
    header: list[str], rows: Iterator[CsvRow], layout: Layout, settings: Settings
) -> Iterator[Record]:
    where_columns = tuple(
        (name, layout.columns[ERROR_FIELDS.get(name, name)])
        for name in ("external_id", "title", "text", "created_at", "url")
    )
    reporters_seen: set[str] = set()
    for fit in rows_that_fit(header, rows, where_columns):
        if isinstance(fit, Rejected):
            yield fit
            continue
        where, row = fit
        try:
            reporter, person = _reporter(row.cells, layout, settings, where)
            issue = _issue(header, row.cells, layout, settings, where, reporter)
        except RuleViolation as exc:
            yield Rejected(where, exc.message, column=where.column_for(exc.field), raw=row.cells)
            continue
        if person is not None and person.external_id not in reporters_seen:
            reporters_seen.add(person.external_id)
            yield person
        yield issue


def _reporter(
    cells: list[str], layout: Layout, settings: Settings, where: Where
) -> tuple[PersonRef, PersonDraft | None]:
    """Who typed the request: a person to relay it, and, once per file, their record."""
    name = layout.cell(cells, "reporter")
    account_id = layout.cell(cells, "reporter_id")
    email = settings.directory.email_for(account_id, name)
    if not account_id:
        return PersonRef(name=name or None, email=email, role=settings.role), None
    display = name or f"Jira user {account_id}"
    ref = PersonRef(
        source=SOURCE, external_id=account_id, name=display, email=email, role=settings.role
    )
    draft = PersonDraft(
        where=where, external_id=account_id, name=display, email=email, role=settings.role
    )
    return ref, draft


def _issue(
    header: list[str],
    cells: list[str],
    layout: Layout,
    settings: Settings,
    where: Where,
    reporter: PersonRef,
) -> EvidenceDraft:
    issue_id = layout.cell(cells, "external_id")
    if not issue_id:
        raise RuleViolation("external_id", "the issue id is empty")
    summary = layout.cell(cells, "title")
    if not summary:
        raise RuleViolation("title", "the summary is empty")
    description = layout.cell(cells, "description")
    created_at = settings.locale.when("created_at", layout.cell(cells, "created_at"))
    key = layout.cell(cells, "key")
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=issue_id,
        kind=EvidenceKind.INTERNAL_REQUEST,
        title=summary,
        text=f"{summary}\n\n{description}" if description else summary,
        created_at=created_at,
        account=AccountRef(name=layout.cell(cells, "account") or None),
        relayed_by=reporter,
        tags=_tags(cells, layout),
        url=f"{settings.site}/browse/{key}" if settings.site and key else None,
        raw=raw_record(header, cells, skip=VOLATILE_COLUMNS),
    )


def _tags(cells: list[str], layout: Layout) -> list[str]:
    tags: dict[str, None] = {}
    for index in layout.labels:
        tags.update(dict.fromkeys(cells[index].split()))
    issue_type = layout.cell(cells, "issue_type")
    if issue_type:
        tags[issue_type] = None
    return list(tags)


def load_directory(path: Path) -> Directory:
    """The users file: display names (and Atlassian ids, if given) to emails."""
    header, rows = read_csv(inspect_file(path))
    folded = [h.casefold() for h in header]
    email_at = _first(folded, EMAIL_HEADERS)
    name_at = _first(folded, NAME_HEADERS)
    id_at = _first(folded, ID_HEADERS)
    if email_at is None or (name_at is None and id_at is None):
        missing = "Email" if email_at is None else "Name"
        raise InputError(
            f"no {missing} column: --users expects a CSV with Name and Email columns",
            path=path,
            line=1,
            column=missing,
        )
    by_id: dict[str, str] = {}
    by_name: dict[str, str | None] = {}
    for row in rows:
        email = _at(row.cells, email_at)
        if not email:
            continue
        if "@" not in email:
            raise InputError(
                f"{email!r} is not an email address",
                path=path,
                line=row.line,
                column=header[email_at],
            )
        email = email.lower()
        if id_at is not None and _at(row.cells, id_at):
            by_id[_at(row.cells, id_at)] = email
        name = _at(row.cells, name_at) if name_at is not None else ""
        if name:
            key = person_name_key(name)
            by_name[key] = email if by_name.get(key, email) == email else None
    return Directory(by_id=by_id, by_name=by_name)


def _first(folded: list[str], candidates: tuple[str, ...]) -> int | None:
    return next((folded.index(c) for c in candidates if c in folded), None)


def _at(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""
