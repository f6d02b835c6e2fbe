"""NPS and CSAT surveys: a Delighted, Typeform, Qualtrics or SurveyMonkey CSV export.

Reads four layouts, told apart by the header (``--map field=Column`` overrides any column):

- **Qualtrics** (a ``ResponseId`` column, three header rows) and **SurveyMonkey**
  (``Respondent ID`` and ``Collector ID``, two header rows): see ``survey_qualtrics`` and
  ``survey_surveymonkey``. Their header rows mark the open-ended questions, which make the
  comment, and Qualtrics' marks the NPS question, which is the score.
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

Mapping: a response is a ``survey`` item, stated. Its comment is the text (Typeform,
Qualtrics, SurveyMonkey: the question is the title); the score is the rating, kept on its
own scale, which goes in the tags: ``nps`` and ``scale:0-10`` (``enps`` the same; ``csat``
1-5; ``ces`` 1-7), plus ``promoter`` / ``passive`` / ``detractor`` for NPS. The scale comes
from ``Survey Type``, else ``--survey-type``, else NPS; a score outside it rejects the row.
The respondent is an end user (``Email``, ``Name``, ``Person ID``), at the account named by
``Company``. ``Permalink`` is the link; ``Tags`` are added to the tags; the whole row is
kept as raw.

A response with an empty comment carries a score but no words, so it is not evidence: it
is skipped, neither imported nor rejected (scores belong in a metric, such as ``nps``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from itertools import chain, islice
from pathlib import Path

from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import cells_at, locate_columns
from tradeoff.importers.drafts import Record, Rejected, Where
from tradeoff.importers.locales import LOCALE_OPTIONS, Locale
from tradeoff.importers.read_notes import NotedRecords
from tradeoff.importers.survey_exports import read_responses, skipped_without_comment
from tradeoff.importers.survey_qualtrics import qualtrics_export
from tradeoff.importers.survey_responses import SCALES, response_draft
from tradeoff.importers.survey_surveymonkey import surveymonkey_export
from tradeoff.importers.textfile import CsvRow, FileFacts, raw_record, read_csv

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
        "NPS / CSAT survey responses: a Qualtrics, SurveyMonkey or Delighted CSV export, or "
        "a Typeform CSV with --map naming the comment and score questions."
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
        ImporterOption(
            "timezone",
            "Time zone of the export's times, e.g. Europe/London: a SurveyMonkey export's "
            "are in your account's zone (default: UTC). A Qualtrics export names its own.",
        ),
        *LOCALE_OPTIONS,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        """Checks options and the header rows now, so a wrong file fails before any row."""
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
        leading = list(islice(rows, 2))
        export = qualtrics_export(header, leading, context.columns, facts.path) or (
            surveymonkey_export(
                header, leading, context.columns, facts.path, lambda: read_csv(facts)[1]
            )
        )
        rows = chain(leading, rows)
        notes: list[str] = []
        if export is not None:
            data = islice(rows, export.header_rows, None)
            return NotedRecords(read_responses(export, data, default_type, locale, notes), notes)
        records = self._read_one_header(header, rows, context, default_type, locale, facts.path)
        return NotedRecords(records(notes), notes)

    def _read_one_header(
        self,
        header: list[str],
        rows: Iterator[CsvRow],
        context: ReadContext,
        default_type: str,
        locale: Locale,
        path: Path,
    ) -> Callable[[list[str]], Iterator[Record]]:
        """Delighted and Typeform: one header row, one column per field. The header is
        checked now; the rows are read when the returned function is called."""
        typeform = "#" in header and "Submit Date (UTC)" in header
        defaults = TYPEFORM if typeform else DELIGHTED
        columns = {**defaults, **context.columns}
        positions = _positions(header, columns, context.columns, path, typeform)
        mapped = tuple((f, columns[f]) for f in positions)
        title = header[positions["text"]] if typeform else None

        def records(notes: list[str]) -> Iterator[Record]:
            no_comment = 0
            for row in rows:
                where = Where(line=row.line, columns=mapped)
                cells = cells_at(positions, row.cells)
                if not cells["text"]:
                    no_comment += 1
                    continue  # a score without words is not evidence (see the module docstring)
                try:
                    yield response_draft(
                        cells, default_type, title, where, raw_record(header, row.cells), locale
                    )
                except RuleViolation as exc:
                    column = where.column_for(exc.field)
                    yield Rejected(where, exc.message, column=column, raw=row.cells)
            if no_comment:
                notes.append(skipped_without_comment(no_comment))

        return records


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
