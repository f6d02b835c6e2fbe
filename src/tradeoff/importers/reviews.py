"""App-store reviews: App Store Connect and Google Play, told apart by their headers.

Reads:
- **App Store Connect**, from ``GET /v1/apps/{id}/customerReviews``: the API's JSON
  (``{"data": [{"type": "customerReviews", "id", "attributes": {rating, title, body,
  reviewerNickname, createdDate, territory}}]}``, a bare array, or JSON Lines), or the same
  fields flattened to CSV by review tools: ``id, rating, title, body, reviewerNickname,
  createdDate, territory`` plus ``appVersion`` where the tool adds it. ``createdDate``
  carries its offset (``2017-11-15T08:10:34-08:00``); ``territory`` is ISO alpha-3.
- **Google Play**'s monthly reviews report (Play Console → Download reports → Reviews, or
  the ``reviews/`` folder of the developer's Cloud Storage bucket), a UTF-16 CSV: ``Package
  Name, App Version Code, App Version Name, Reviewer Language, Device, Review Submit Date and
  Time, Review Submit Millis Since Epoch, Review Last Update Date and Time, Review Last Update
  Millis Since Epoch, Star Rating, Review Title, Review Text, Developer Reply Date and Time,
  Developer Reply Millis Since Epoch, Developer Reply Text, Review Link``.

Mapping: a review is a ``review`` item (observed by default). The body (``Review Text``) is
the text and the title the title; a review with a title but no body has its title as text,
and one with neither (a bare star rating) carries no words: it is skipped, neither imported
nor rejected. The stars (1-5) are the rating. Tags name the store (``app_store`` /
``google_play``), ``version:…``, ``territory:…`` or ``language:…``, and ``developer-replied``
when we answered. Reviewers are anonymous: an App Store nickname becomes an end user with no
account; Play names nobody. Developer replies are ours, never the review's text; they stay in
raw with the rest of the record.

Play's CSV has no review id column. Reviews are editable, so the key must survive an edit:
the ``reviewId`` in ``Review Link`` (``gp:AOqp…``), else the link itself, else a hash of the
package, submit time, device and language (the title and text change when edited; the
submit time does not). ``--map field=Column`` renames any column, so another tool's export
with App Store-like columns can be read too.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import cells_at, locate_columns
from tradeoff.importers.drafts import EvidenceDraft, PersonRef, Record, Rejected, Where
from tradeoff.importers.jsonfile import iter_records, text_of
from tradeoff.importers.locales import LOCALE_OPTIONS, Locale
from tradeoff.importers.textfile import FileFacts, raw_record, read_csv

APP_STORE = {
    "external_id": "id",
    "rating": "rating",
    "title": "title",
    "text": "body",
    "person": "reviewerNickname",
    "created_at": "createdDate",
    "territory": "territory",
    "version": "appVersion",
}
GOOGLE_PLAY = {
    "package": "Package Name",
    "version": "App Version Name",
    "language": "Reviewer Language",
    "device": "Device",
    "created_at": "Review Submit Millis Since Epoch",
    "submitted": "Review Submit Date and Time",
    "rating": "Star Rating",
    "title": "Review Title",
    "text": "Review Text",
    "reply": "Developer Reply Text",
    "url": "Review Link",
}
REQUIRED = {
    "app_store": ("external_id", "rating", "text", "created_at"),
    "google_play": ("rating", "text", "created_at"),
}
FIELDS = frozenset({*APP_STORE, *GOOGLE_PLAY})
REVIEW_ID = re.compile(r"[?&#]reviewid=([^&#]+)", re.IGNORECASE)
MAX_ID = 255


class ReviewsImporter:
    name = "reviews"
    source = "reviews"
    summary = (
        "App-store reviews: App Store Connect customerReviews (API JSON or CSV) or the "
        "Google Play reviews report (UTF-16 CSV)."
    )
    example = "tradeoff import reviews reviews_com.ledgerly.app_202606.csv"
    kind: EvidenceKind | None = EvidenceKind.REVIEW
    default_mode: EvidenceMode | None = EvidenceMode.OBSERVED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = LOCALE_OPTIONS

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        locale = Locale.of(context)
        if facts.path.suffix.lower() in {".json", ".jsonl", ".ndjson"}:
            return self._read_json(facts, context, locale)
        return self._read_csv(facts, context, locale)

    def _read_json(
        self, facts: FileFacts, context: ReadContext, locale: Locale
    ) -> Iterator[Record]:
        for json_path, line, record in iter_records(facts, "data", context.on_progress):
            where = Where(line=line, json_path=json_path)
            attributes = record.get("attributes") if isinstance(record, dict) else None
            if not isinstance(record, dict) or not isinstance(attributes, dict):
                yield Rejected(where, "a customer review is an object with attributes")
                continue
            cells = {
                field: text_of(attributes.get(key)) or ""
                for field, key in APP_STORE.items()
                if field != "external_id"
            }
            cells["external_id"] = text_of(record.get("id")) or ""
            try:
                if record.get("type", "customerReviews") != "customerReviews":
                    raise RuleViolation("type", f"not a customer review: {record['type']!r}")
                draft = _app_store(cells, where, record, locale)
            except RuleViolation as exc:
                # Named as the file names it: "attributes.createdDate", not "created_at".
                key = APP_STORE.get(exc.field)
                named = (
                    "id"
                    if exc.field == "external_id"
                    else f"attributes.{key}"
                    if key
                    else exc.field
                )
                yield Rejected(where, f"{named}: {exc.message}", raw=record)
                continue
            if draft is not None:
                yield draft

    def _read_csv(self, facts: FileFacts, context: ReadContext, locale: Locale) -> Iterator[Record]:
        unknown = sorted(set(context.columns) - FIELDS)
        if unknown:
            raise InputError(
                f"the reviews importer has no field {unknown[0]!r}; "
                f"fields: {', '.join(sorted(FIELDS))}"
            )
        header, rows = read_csv(facts, context.on_progress)
        layout = _layout(header, context.columns, facts.path)
        columns = {**(GOOGLE_PLAY if layout == "google_play" else APP_STORE), **context.columns}
        # Some Play report versions carry only the readable submit time, not the millis.
        if (
            layout == "google_play"
            and "created_at" not in context.columns
            and columns["created_at"] not in header
            and columns["submitted"] in header
        ):
            columns["created_at"] = columns["submitted"]
        positions = locate_columns(
            header, columns, path=facts.path, required=REQUIRED[layout], given=context.columns
        )
        mapped = tuple((f, columns[f]) for f in positions)
        for row in rows:
            where = Where(line=row.line, columns=mapped)
            cells = cells_at(positions, row.cells)
            raw = raw_record(header, row.cells)
            try:
                if layout == "google_play":
                    draft = _google_play(cells, where, raw, locale)
                else:
                    draft = _app_store(cells, where, raw, locale)
            except RuleViolation as exc:
                yield Rejected(where, exc.message, column=where.column_for(exc.field), raw=raw)
                continue
            if draft is not None:
                yield draft


def _layout(header: list[str], given: Mapping[str, str], path: Path) -> str:
    names = {h.casefold() for h in header}
    if {"package name", "star rating"} <= names:
        return "google_play"
    if "reviewernickname" in names or {"rating", "body"} <= names or given:
        return "app_store"
    raise InputError(
        "not an App Store or Google Play review export: expected App Store's "
        "id, rating, title, body, reviewerNickname, createdDate or Play's Package Name, "
        "Star Rating, Review Text, ... (or name the columns with --map); the file has: "
        + ", ".join(repr(h) for h in header[:20]),
        path=path,
        line=1,
    )


def _app_store(
    cells: dict[str, str], where: Where, raw: dict[str, Any], locale: Locale
) -> EvidenceDraft | None:
    text, title = _words(cells)
    if text is None:
        return None
    if not cells["external_id"]:
        raise RuleViolation("external_id", "the review has no id")
    nickname = cells.get("person") or None
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=cells["external_id"],
        kind=EvidenceKind.REVIEW,
        title=title,
        text=text,
        created_at=locale.when("created_at", cells["created_at"]),
        person=PersonRef(name=nickname, role=PersonRole.END_USER) if nickname else PersonRef(),
        rating=_stars(cells["rating"], locale),
        tags=_tags("app_store", version=cells.get("version"), territory=cells.get("territory")),
        raw=raw,
    )


def _google_play(
    cells: dict[str, str], where: Where, raw: dict[str, Any], locale: Locale
) -> EvidenceDraft | None:
    text, title = _words(cells)
    if text is None:
        return None
    if cells["created_at"]:
        created_at = locale.when("created_at", cells["created_at"])
    else:
        created_at = locale.when("submitted", cells.get("submitted", ""))
    link = cells.get("url", "")
    tags = _tags("google_play", version=cells.get("version"), language=cells.get("language"))
    if cells.get("reply"):
        tags.append("developer-replied")
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=cells.get("external_id") or _play_key(cells, link, created_at),
        kind=EvidenceKind.REVIEW,
        title=title,
        text=text,
        created_at=created_at,
        rating=_stars(cells["rating"], locale),
        tags=tags,
        url=link if link.lower().startswith(("http://", "https://")) else None,
        raw=raw,
    )


def _words(cells: dict[str, str]) -> tuple[str | None, str | None]:
    """The review's text and title; a title alone is the text, and nothing is no review."""
    text, title = cells.get("text") or None, cells.get("title") or None
    return (text or title, title if text else None)


def _play_key(cells: dict[str, str], link: str, created_at: datetime) -> str:
    """A key that survives the reviewer editing the review (see the module docstring)."""
    found = REVIEW_ID.search(link)
    if found:
        return found.group(1)
    if link and len(link) <= MAX_ID:
        return link
    parts = [cells.get("package", ""), created_at.isoformat(), cells.get("device", "")]
    material = "\x1f".join([*parts, cells.get("language", ""), link])
    return "sha256:" + hashlib.sha256(material.encode("utf-8")).hexdigest()[:32]


def _stars(text: str, locale: Locale) -> float:
    stars = locale.score("rating", text, "rating")
    if stars not in {1.0, 2.0, 3.0, 4.0, 5.0}:
        raise RuleViolation("rating", f"the rating {text!r} is not 1 to 5 stars")
    return stars


def _tags(store: str, **labels: str | None) -> list[str]:
    return [store, *(f"{name}:{value}" for name, value in labels.items() if value)]
