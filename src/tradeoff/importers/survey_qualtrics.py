"""Qualtrics: the CSV of *Data & Analysis → Export & Import → Export data*.

Qualtrics writes three header rows ("Understanding your dataset" in its support site): each
column's name (``StartDate``, ``RecordedDate``, ``ResponseId``, ``RecipientEmail``, then
``Q1``, ``Q2``..., then embedded data such as ``company``), the question's text (``Response
ID``, ``How likely are you to recommend ...?``), and an ImportId per column as JSON
(``{"ImportId":"QID1"}``; date columns add their zone: ``{"ImportId":"recordedDate",
"timeZone":"America/Denver"}``). Responses start on the fourth row.

What the header rows say is used, never guessed from the answers: the ImportId ``QIDn_TEXT``
marks a text-entry question (``QIDn_m_TEXT`` is the "other, please specify" box of a choice,
not a comment); a ``Qn_NPS_GROUP`` column marks ``Qn`` as a Net Promoter Score question; the
date's ``timeZone`` says how to read its times. A file whose second or third row was deleted
is read too, with less known: without ImportIds the comment must be named with ``--map``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from tradeoff.errors import InputError
from tradeoff.importers.columns import find_column, no_column_for
from tradeoff.importers.survey_exports import (
    SurveyExport,
    comment_columns,
    describe_columns,
    given_columns,
)
from tradeoff.importers.textfile import CsvRow

RESPONSE_ID = "ResponseId"
#: Qualtrics' own columns, before the questions (its dataset documentation lists them).
METADATA = frozenset(
    {"StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)",
     "Finished", "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName",
     "RecipientEmail", "ExternalReference", "LocationLatitude", "LocationLongitude",
     "DistributionChannel", "UserLanguage"}
)  # fmt: skip
#: Default columns of each field; ``company`` is an embedded-data field the survey adds.
DEFAULTS: dict[str, tuple[str, ...]] = {
    "external_id": (RESPONSE_ID,),
    "created_at": ("RecordedDate", "EndDate"),
    "email": ("RecipientEmail",),
    "account": ("company",),
}
#: A text-entry question's ImportId (``1_QID7_TEXT`` in a loop); ``QID7_4_TEXT`` is the
#: text box of a choice ("Other, please specify"), not a comment.
TEXT_ENTRY = re.compile(r"^(?:\d+_)?QID\d+_TEXT$")
NPS_GROUP = "_NPS_GROUP"
#: Rows no respondent wrote: the Response Type (``Status``) of a preview, a test or spam,
#: and the distribution channel of a preview or a test.
NOT_RESPONSES = {
    "Status": frozenset({"survey preview", "survey test", "spam"}),
    "DistributionChannel": frozenset({"preview", "test"}),
}


def qualtrics_export(
    header: list[str], leading: Sequence[CsvRow], given: Mapping[str, str], path: Path
) -> SurveyExport | None:
    """The export's reading, when ``header`` is a Qualtrics one (a ``ResponseId`` column and
    its question-text or ImportId row, or its ``RecordedDate``); else None.

    ``leading``: the first rows after the header, where the other header rows are.
    """
    at = find_column(header, (RESPONSE_ID,))
    if at is None:
        return None
    labels: list[str] | None = None
    import_ids: list[dict[str, Any]] | None = None
    import_line = 0
    for row in leading[:2]:
        cell = row.cells[at].strip() if at < len(row.cells) else ""
        if labels is None and import_ids is None and cell.casefold() == "response id":
            labels = row.cells
        elif import_ids is None and cell.startswith("{") and "importid" in cell.casefold():
            import_ids, import_line = _import_ids(row, header, path), row.line
        else:
            break
    header_rows = (labels is not None) + (import_ids is not None)
    if not header_rows and find_column(header, ("RecordedDate",)) is None:
        return None
    width = len(header)
    questions = tuple([c.strip() for c in labels or []] + [""] * width)[:width]
    ids = tuple(str(i.get("ImportId", "")) for i in (import_ids or []))
    fields = _fields(header, questions, given, path)
    comments = _comments(header, questions, ids, given, path)
    return SurveyExport(
        tool="Qualtrics",
        names=tuple(header),
        questions=questions,
        fields=fields,
        comments=comments,
        header_rows=header_rows,
        names_at=(
            find_column(header, ("RecipientFirstName",)),
            find_column(header, ("RecipientLastName",)),
        ),
        not_responses=tuple(
            (position, values)
            for name, values in NOT_RESPONSES.items()
            if (position := find_column(header, (name,))) is not None
        ),
        zone=_zone(import_ids, fields["created_at"], header, path, import_line),
    )


def _fields(
    header: list[str], questions: Sequence[str], given: Mapping[str, str], path: Path
) -> dict[str, int]:
    fields: dict[str, int] = {}
    for field, names in DEFAULTS.items():
        position = find_column(header, names)
        if position is not None:
            fields[field] = position
    named = {f: c for f, c in given.items() if f != "text"}
    fields.update(given_columns(named, header, questions, path))
    for field in ("external_id", "created_at"):
        if field not in fields:
            column = DEFAULTS[field][0]
            raise InputError(no_column_for(column, field, header), path=path, line=1, column=column)
    if "rating" not in given:
        scores = _nps_questions(header)
        if len(scores) > 1:
            raise InputError(
                f"this Qualtrics export has {len(scores)} Net Promoter Score questions: name "
                "the score with --map rating=COLUMN; they are: "
                + describe_columns(header, questions, scores),
                path=path,
                line=1,
            )
        if scores:
            fields["rating"] = scores[0]
    return fields


def _nps_questions(header: list[str]) -> list[int]:
    """The columns of NPS questions: ``Q1`` where a ``Q1_NPS_GROUP`` column names its group
    (Promoter, Passive, Detractor), whatever the question's export tag."""
    found = []
    for name in header:
        if name.upper().endswith(NPS_GROUP) and len(name) > len(NPS_GROUP):
            position = find_column(header, (name[: -len(NPS_GROUP)],))
            if position is not None:
                found.append(position)
    return found


def _comments(
    header: list[str],
    questions: Sequence[str],
    ids: Sequence[str],
    given: Mapping[str, str],
    path: Path,
) -> tuple[int, ...]:
    marked = tuple(i for i, import_id in enumerate(ids) if TEXT_ENTRY.match(import_id))
    why_none = (
        "has no text-entry question"
        if ids
        else "has no ImportId row (its third header row), which marks the open-ended questions"
    )
    return comment_columns("Qualtrics", header, questions, given, path, marked, why_none, METADATA)


def _zone(
    import_ids: list[dict[str, Any]] | None,
    created_at: int,
    header: list[str],
    path: Path,
    line: int,
) -> ZoneInfo | None:
    """The zone the date column's ImportId names (``"timeZone":"America/Denver"``)."""
    if not import_ids or created_at >= len(import_ids):
        return None
    name = import_ids[created_at].get("timeZone")
    if not isinstance(name, str) or not name.strip():
        return None
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise InputError(
            f"the time zone {name!r} is not one this machine knows (an IANA name such as "
            "Europe/London)",
            path=path,
            line=line,
            column=header[created_at],
        ) from None


def _import_ids(row: CsvRow, header: Sequence[str], path: Path) -> list[dict[str, Any]]:
    """The ImportId row's cells read as JSON: a cell that is not an object is read as one
    saying nothing (the row is a guide, not a contract), but one nested too deeply for
    Python's parser (``[[[[…`` thousands deep) stops the import on its line and column
    rather than ending it in a ``RecursionError`` traceback."""
    result: list[dict[str, Any]] = []
    for position, cell in enumerate(row.cells):
        try:
            value = json.loads(cell)
        except ValueError:
            value = None
        except RecursionError:
            column = header[position] if position < len(header) else f"column {position + 1}"
            raise InputError(
                "the ImportId cell is nested too deeply to read as JSON (Qualtrics writes "
                'one object per cell, such as {"ImportId":"QID1"})',
                path=path,
                line=row.line,
                column=column,
            ) from None
        result.append(value if isinstance(value, dict) else {})
    return result
