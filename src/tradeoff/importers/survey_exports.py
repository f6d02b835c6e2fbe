"""Survey exports whose header spans several rows (Qualtrics, SurveyMonkey), read one way.

Each tool's module reads its own header rows into a ``SurveyExport``: which column feeds each
field, which open-ended questions make the comment, which rows are not real responses and
the time zone the export says its times are in. The rows are then read here, so both tools
skip, join, date and refuse the same way.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import tzinfo
from pathlib import Path

from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.columns import find_column
from tradeoff.importers.drafts import Record, Rejected, Where
from tradeoff.importers.locales import Locale
from tradeoff.importers.survey_responses import response_draft
from tradeoff.importers.textfile import CsvRow, raw_record
from tradeoff.wording import plural

#: Shown in errors that list an export's question columns; a survey may have hundreds.
LISTED_QUESTIONS = 12


@dataclass(frozen=True)
class SurveyExport:
    """How to read one multi-row-header export.

    ``names``: each column's name as the export's first header row gives it (SurveyMonkey:
    with its answer option, ``Question - Option``), the raw record's keys and the columns
    errors name. ``questions``: each column's question text (Qualtrics' second header row),
    shown in errors and as the title. ``fields``: field → column (``external_id``,
    ``created_at``, ``rating``, ``email``, ``person``, ``account``, ...). ``comments``: the
    open-ended answers that make the text. ``header_rows``: how many rows after the first
    are header rows. ``names_at``: first and last name columns, joined into the respondent's
    name when no ``person`` column is given. ``not_responses``: (column, values) pairs
    marking a row that no respondent wrote (a preview, a test, spam). ``zone``: the zone the
    export says its times are in.
    """

    tool: str
    names: tuple[str, ...]
    questions: tuple[str, ...]
    fields: Mapping[str, int]
    comments: tuple[int, ...]
    header_rows: int
    names_at: tuple[int | None, int | None] = (None, None)
    not_responses: tuple[tuple[int, frozenset[str]], ...] = ()
    zone: tzinfo | None = None


def read_responses(
    export: SurveyExport,
    rows: Iterator[CsvRow],
    default_type: str,
    locale: Locale,
    notes: list[str],
) -> Iterator[Record]:
    """A draft per response with a comment; a response with none, or one no respondent
    wrote, is skipped (neither imported nor rejected). Several open-ended answers are
    joined, in the export's column order, a blank line apart; the title is the question
    when one was answered. ``notes`` gets which questions were read, and what was skipped."""
    notes.append(reading(export))
    if export.zone is not None:
        locale = replace(locale, zone=export.zone)
    mapped = tuple((f, export.names[i]) for f, i in export.fields.items())
    mapped += (("text", export.names[export.comments[0]]),)
    not_written = no_comment = 0
    for row in rows:
        if _not_a_response(export, row.cells):
            not_written += 1
            continue
        answers = [(i, text) for i in export.comments if (text := _cell(row.cells, i))]
        if not answers:
            no_comment += 1
            continue  # a score without words is not evidence (see surveys.py)
        cells = {field: _cell(row.cells, i) for field, i in export.fields.items()}
        cells["text"] = "\n\n".join(text for _, text in answers)
        if "person" not in cells:
            first, last = (_cell(row.cells, i) if i is not None else "" for i in export.names_at)
            cells["person"] = " ".join(part for part in (first, last) if part)
        title = (export.questions[answers[0][0]] or None) if len(answers) == 1 else None
        where = Where(line=row.line, columns=mapped)
        raw = raw_record(list(export.names), row.cells)
        try:
            yield response_draft(cells, default_type, title, where, raw, locale)
        except RuleViolation as exc:
            yield Rejected(where, exc.message, column=where.column_for(exc.field), raw=row.cells)
    if no_comment:
        notes.append(skipped_without_comment(no_comment))
    if not_written:
        notes.append(f"skipped {plural(not_written, 'preview, test or spam response')}")


def reading(export: SurveyExport) -> str:
    """What was read as the comment and the score, so a rule's choice is visible."""
    names, questions = export.names, export.questions
    comments = describe_columns(names, questions, export.comments)
    line = f"read as a {export.tool} export; comment: {comments}"
    if "rating" in export.fields:
        return line + "; score: " + describe_columns(names, questions, [export.fields["rating"]])
    return line + "; no score question found (name one with --map rating=COLUMN)"


def skipped_without_comment(count: int) -> str:
    return f"skipped {plural(count, 'response')} with no comment (a score alone is not evidence)"


def given_columns(
    given: Mapping[str, str],
    names: Sequence[str],
    questions: Sequence[str],
    path: Path,
) -> dict[str, int]:
    """Where each ``--map`` column is: by its name (the first header row), else by its
    question's text, so ``--map text=Q2`` and ``--map "text=What could we do better?"``
    both work. A column in neither stops the import at line 1."""
    found: dict[str, int] = {}
    for field, column in given.items():
        position = find_column(names, (column,))
        if position is None:
            position = find_column(questions, (column,))
        if position is None:
            raise InputError(
                f"no column {column!r} (mapped to {field}); its columns are: "
                + describe_columns(names, questions, range(len(names))),
                path=path,
                line=1,
                column=column,
            )
        found[field] = position
    return found


def comment_columns(
    tool: str,
    names: Sequence[str],
    questions: Sequence[str],
    given: Mapping[str, str],
    path: Path,
    marked: tuple[int, ...],
    why_none: str,
    metadata: Collection[str],
) -> tuple[int, ...]:
    """The comment columns: the one ``--map text=`` names, else those the export marks as
    open-ended (``marked``); with none, the import stops at line 1 saying ``why_none`` and
    listing the questions asked, so the user can name one."""
    if "text" in given:
        return (given_columns({"text": given["text"]}, names, questions, path)["text"],)
    if marked:
        return marked
    asked = [i for i, name in enumerate(names) if name not in metadata]
    raise InputError(
        f"this {tool} export {why_none}: name the comment with --map text=COLUMN; its "
        "columns are: " + describe_columns(names, questions, asked),
        path=path,
        line=1,
    )


def describe_columns(names: Sequence[str], questions: Sequence[str], at: Sequence[int]) -> str:
    """``'Q2' (What is the main reason for your score?), ...``: the columns named, the
    question beside each name that differs from it, at most ``LISTED_QUESTIONS``."""
    shown = []
    for i in list(at)[:LISTED_QUESTIONS]:
        question = questions[i]
        beside = f" ({question})" if question and question != names[i] else ""
        shown.append(repr(names[i]) + beside)
    more = len(at) - LISTED_QUESTIONS
    return ", ".join(shown) + (f", and {more} more" if more > 0 else "")


def _not_a_response(export: SurveyExport, cells: list[str]) -> bool:
    return any(_cell(cells, i).casefold() in values for i, values in export.not_responses)


def _cell(cells: Sequence[str], position: int) -> str:
    return cells[position].strip() if position < len(cells) else ""
