"""NPS and CSAT surveys: a Delighted-style or Typeform CSV, one row per response.

Reads two layouts, told apart by the header (``--map field=Column`` overrides any column):

- **Delighted** (the default): ``Response ID, Person ID, Name, Email, Score, Comment,
  Created At (UTC), Updated At (UTC), Survey Type, Tags, Notes, Permalink``, then one column
  per person property (``Company, Plan, Segment, Country, Delighted Source``). Delighted does
  not document its CSV headers; these flatten its API's response fields (``id, person,
  score, comment, created_at, survey_type, tags, notes, permalink, person_properties``), so
  every column can be renamed with ``--map``. Times are UTC, ``2026-03-04 10:22:31`` or
  Unix seconds.
- **Typeform** (a header with ``#`` and ``Submit Date (UTC)``): ``#`` (the response token),
  one column per question headed by the question's text, hidden fields, ``Response Type``,
  ``Start Date (UTC)``, ``Submit Date (UTC)``, ``Network ID``, ``Tags``. Questions change
  with the form, so ``--map text="What could we do better?"`` names the comment and
  ``--map rating="How likely ..."`` the score; hidden fields ``email``, ``name`` and
  ``company`` are used when present.

Mapping: a response is a ``survey`` item, stated. Its comment is the text (Typeform: the
question is the title); the score is the rating, kept on its own scale, which goes in the
tags: ``nps`` and ``scale:0-10`` (``enps`` the same; ``csat`` 1-5; ``ces`` 1-7), plus
``promoter`` / ``passive`` / ``detractor`` for NPS. The scale comes from ``Survey Type``,
else ``--survey-type``, else NPS; a score outside it rejects the row. The respondent is an
end user (``Email``, ``Name``, ``Person ID``), at the account named by ``Company``.
``Permalink`` is the link; ``Tags`` are added to the tags; the whole row is kept as raw.

A response with an empty comment carries a score but no words, so it is not evidence: it
is skipped, neither imported nor rejected (scores belong in a metric, such as ``nps``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping
from pathlib import Path

from tradeoff.domain.enums import EvidenceKind, EvidenceMode, PersonRole
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import cells_at, locate_columns
from tradeoff.importers.drafts import (
    AccountRef,
    EvidenceDraft,
    PersonRef,
    Record,
    Rejected,
    Where,
)
from tradeoff.importers.locales import LOCALE_OPTIONS, Locale
from tradeoff.importers.textfile import FileFacts, raw_record, read_csv
from tradeoff.importers.values import parse_tags

#: The lowest and highest score of each survey type (Delighted's ``survey_type`` values).
SCALES = {"nps": (0, 10), "enps": (0, 10), "csat": (1, 5), "ces": (1, 7)}
DELIGHTED = {
    "external_id": "Response ID",
    "text": "Comment",
    "rating": "Score",
    "created_at": "Created At (UTC)",
    "email": "Email",
    "person": "Name",
    "person_id": "Person ID",
    "account": "Company",
    "survey_type": "Survey Type",
    "tags": "Tags",
    "url": "Permalink",
}
TYPEFORM = {
    "external_id": "#",
    "created_at": "Submit Date (UTC)",
    "email": "email",
    "person": "name",
    "account": "company",
    "tags": "Tags",
}
#: Typeform's own columns; every other column is a question or a hidden field.
TYPEFORM_META = frozenset(
    {"#", "Response Type", "Start Date (UTC)", "Stage Date (UTC)", "Submit Date (UTC)",
     "Network ID", "Tags", "Ending"}
)  # fmt: skip
REQUIRED = ("external_id", "text", "created_at")
FIELDS = frozenset({*DELIGHTED, *TYPEFORM, "title"})


class SurveyImporter:
    name = "survey"
    source = "survey"
    summary = (
        "NPS / CSAT survey responses: a Delighted-style CSV export, or a Typeform CSV with "
        "--map naming the comment and score questions."
    )
    example = "tradeoff import survey nps.csv --survey-type nps"
    kind: EvidenceKind | None = EvidenceKind.SURVEY
    default_mode: EvidenceMode | None = EvidenceMode.STATED
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "survey-type",
            "The score's scale when the file has no Survey Type column: nps (0-10), "
            "enps (0-10), csat (1-5) or ces (1-7). Default: nps.",
        ),
        *LOCALE_OPTIONS,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        default_type = (context.options.get("survey-type") or "nps").strip().lower()
        locale = Locale.of(context)
        if default_type not in SCALES:
            raise InputError(
                f"--survey-type must be one of {', '.join(SCALES)}, got {default_type!r}"
            )
        unknown = sorted(set(context.columns) - FIELDS)
        if unknown:
            raise InputError(
                f"the survey importer has no field {unknown[0]!r}; "
                f"fields: {', '.join(sorted(FIELDS))}"
            )
        header, rows = read_csv(facts, context.on_progress)
        typeform = "#" in header and "Submit Date (UTC)" in header
        defaults = TYPEFORM if typeform else DELIGHTED
        columns = {**defaults, **context.columns}
        positions = _positions(header, columns, context.columns, facts.path, typeform)
        mapped = tuple((f, columns[f]) for f in positions)
        title = header[positions["text"]] if typeform else None
        for row in rows:
            where = Where(line=row.line, columns=mapped)
            cells = cells_at(positions, row.cells)
            if not cells["text"]:
                continue  # a score without words is not evidence (see the module docstring)
            try:
                record: Record = _response(
                    cells, default_type, title, where, raw_record(header, row.cells), locale
                )
            except RuleViolation as exc:
                record = Rejected(where, exc.message, column=columns[exc.field], raw=row.cells)
            yield record


def _positions(
    header: list[str],
    columns: Mapping[str, str],
    given: Mapping[str, str],
    path: Path,
    typeform: bool,
) -> dict[str, int]:
    """Where each field's column is; a required or user-named column must exist."""
    if typeform and "text" not in given:
        questions = [h for h in header if h not in TYPEFORM_META][:20]
        quoting = (
            " (in double quotes when it holds a comma: --map 'text=\"Anything else, if "
            "anything?\"')"
            if any("," in q for q in questions)
            else ""
        )
        raise InputError(
            "a Typeform export heads each question's column with its text: name the comment "
            f"with --map text=COLUMN{quoting} (and the score with rating=COLUMN); its columns "
            "are: " + ", ".join(repr(q) for q in questions),
            path=path,
            line=1,
        )
    return locate_columns(header, columns, path=path, required=REQUIRED, given=given)


def _response(
    cells: dict[str, str],
    default_type: str,
    title: str | None,
    where: Where,
    raw: dict[str, str | list[str]],
    locale: Locale,
) -> EvidenceDraft:
    external_id = cells["external_id"]
    if not external_id:
        raise RuleViolation("external_id", "the response has no id")
    created_at = locale.when("created_at", cells["created_at"])
    survey_type = (cells.get("survey_type") or default_type).lower()
    rating = _score(cells.get("rating", ""), survey_type, locale)
    name, email = cells.get("person") or None, cells.get("email") or None
    person = PersonRef()
    if name or email:
        person = PersonRef(
            email=email,
            name=name,
            role=PersonRole.END_USER,
            external_id=cells.get("person_id") or None,
        )
    url = cells.get("url") or None
    return EvidenceDraft(
        where=where,
        line=where.line,
        external_id=external_id,
        kind=EvidenceKind.SURVEY,
        title=cells.get("title") or title,
        text=cells["text"],
        created_at=created_at,
        account=AccountRef(name=cells.get("account") or None),
        person=person,
        rating=rating,
        tags=[*_scale_tags(survey_type, rating), *parse_tags(cells.get("tags", ""))],
        url=url if url and url.lower().startswith(("http://", "https://")) else None,
        raw=raw,
    )


def _score(text: str, survey_type: str, locale: Locale) -> float | None:
    if not text:
        return None
    score = locale.score("rating", text, "score")
    low, high = SCALES.get(survey_type, (-math.inf, math.inf))
    if not low <= score <= high:
        raise RuleViolation(
            "rating", f"the score {text} is outside the {survey_type} scale {low}-{high}"
        )
    return score


def _scale_tags(survey_type: str, rating: float | None) -> list[str]:
    tags = [survey_type]
    if survey_type in SCALES:
        low, high = SCALES[survey_type]
        tags.append(f"scale:{low}-{high}")
    if survey_type in {"nps", "enps"} and rating is not None:
        tags.append("promoter" if rating >= 9 else "passive" if rating >= 7 else "detractor")
    return tags
