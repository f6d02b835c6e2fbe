"""SurveyMonkey: the CSV of *Analyze Results → Save as → Export file → All individual responses*.

Two header rows. The first names SurveyMonkey's own columns (``Respondent ID, Collector ID,
Start Date, End Date, IP Address, Email Address, First Name, Last Name, Custom Data 1``) and
then each question, once, over its first column. The second is empty under SurveyMonkey's
columns and says what each question column holds: ``Response`` (the answer of a one-answer
question), ``Open-Ended Response`` (a comment box), or an answer option or matrix row, one
column each, with the question's cell above left empty.

The export does not mark which question is the score. The score is the one ``Response``
question whose every answer is a whole number from 0 to 10 (an NPS or a numeric rating
question); with several such questions the import stops and lists them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from pathlib import Path

from tradeoff.errors import InputError
from tradeoff.importers.columns import find_column, no_column_for
from tradeoff.importers.survey_exports import (
    SurveyExport,
    comment_columns,
    describe_columns,
    given_columns,
)
from tradeoff.importers.textfile import CsvRow

RESPONDENT_ID = "Respondent ID"
METADATA = frozenset(
    {RESPONDENT_ID, "Collector ID", "Start Date", "End Date", "IP Address", "Email Address",
     "First Name", "Last Name", "Custom Data 1"}
)  # fmt: skip
#: Default columns of each field; ``company`` is a custom variable the survey may carry.
DEFAULTS: dict[str, tuple[str, ...]] = {
    "external_id": (RESPONDENT_ID,),
    "created_at": ("End Date",),
    "email": ("Email Address",),
    "account": ("company",),
}
ONE_ANSWER = "response"
OPEN_ENDED = "open-ended response"
SCORE = re.compile(r"\d{1,2}")
HIGHEST_SCORE = 10


def surveymonkey_export(
    header: list[str],
    leading: Sequence[CsvRow],
    given: Mapping[str, str],
    path: Path,
    data_rows: Callable[[], Iterable[CsvRow]],
) -> SurveyExport | None:
    """The export's reading, when ``header`` is a SurveyMonkey one (``Respondent ID`` and
    ``Collector ID`` columns); else None.

    ``leading``: the rows after the header (the second header row is the first of them);
    ``data_rows``: the rows after the header again, read once more to find the score.
    """
    at = find_column(header, (RESPONDENT_ID,))
    if at is None or find_column(header, ("Collector ID",)) is None:
        return None
    width = len(header)
    subheads = [""] * width
    header_rows = 0
    if leading and not _cell(leading[0].cells, at):  # the second header row has no respondent
        subheads = [_cell(leading[0].cells, i) for i in range(width)]
        header_rows = 1
    names, questions = _flatten(header, subheads)
    fields: dict[str, int] = {}
    for field, defaults in DEFAULTS.items():
        position = find_column(header, defaults)
        if position is not None:
            fields[field] = position
    named = {f: c for f, c in given.items() if f != "text"}
    fields.update(given_columns(named, names, questions, path))
    for field in ("external_id", "created_at"):
        if field not in fields:
            column = DEFAULTS[field][0]
            raise InputError(no_column_for(column, field, header), path=path, line=1, column=column)
    if "rating" not in given:
        scores = _score_questions(subheads, islice(data_rows(), header_rows, None))
        if len(scores) > 1:
            raise InputError(
                f"this SurveyMonkey export has {len(scores)} questions answered with numbers "
                "from 0 to 10: name the score with --map rating=COLUMN; they are: "
                + describe_columns(names, questions, scores),
                path=path,
                line=1,
            )
        if scores:
            fields["rating"] = scores[0]
    return SurveyExport(
        tool="SurveyMonkey",
        names=names,
        questions=questions,
        fields=fields,
        comments=_comments(names, questions, subheads, header_rows, given, path),
        header_rows=header_rows,
        names_at=(find_column(header, ("First Name",)), find_column(header, ("Last Name",))),
    )


def _flatten(header: list[str], subheads: list[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Each column's name and question: a question's later columns have an empty first row,
    so they take the question above; an answer option or matrix row is added to the name
    (``How did you hear about us? - Other (please specify)``)."""
    names: list[str] = []
    questions: list[str] = []
    question = ""
    for name, sub in zip(header, subheads, strict=True):
        question = name or question
        plain = sub.casefold() in {"", ONE_ANSWER, OPEN_ENDED}
        names.append(question if plain else f"{question} - {sub}")
        questions.append(question)
    return tuple(names), tuple(questions)


def _score_questions(subheads: list[str], rows: Iterable[CsvRow]) -> list[int]:
    """The one-answer questions answered at least once, and only with whole numbers 0-10."""
    candidates = [i for i, sub in enumerate(subheads) if sub.casefold() == ONE_ANSWER]
    numeric = set(candidates)
    answered: set[int] = set()
    for row in rows:
        for i in list(numeric):
            value = _cell(row.cells, i)
            if not value:
                continue
            if SCORE.fullmatch(value) and int(value) <= HIGHEST_SCORE:
                answered.add(i)
            else:
                numeric.discard(i)
        if not numeric:
            break
    return [i for i in candidates if i in numeric and i in answered]


def _comments(
    names: Sequence[str],
    questions: Sequence[str],
    subheads: Sequence[str],
    header_rows: int,
    given: Mapping[str, str],
    path: Path,
) -> tuple[int, ...]:
    marked = tuple(i for i, sub in enumerate(subheads) if sub.casefold() == OPEN_ENDED)
    why_none = (
        "has no open-ended question"
        if header_rows
        else "has lost its second header row, which marks the open-ended questions"
    )
    return comment_columns(
        "SurveyMonkey", names, questions, given, path, marked, why_none, METADATA
    )


def _cell(cells: Sequence[str], position: int) -> str:
    return cells[position].strip() if position < len(cells) else ""
