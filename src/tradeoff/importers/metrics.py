"""Metric values: a time series CSV, one row per metric, day and (optionally) segment.

Reads the long shape analytics tools export: ``metric, date, value, segment``. The header
names are matched without case and with the synonyms Amplitude, Mixpanel and Looker use
(``Event`` / ``Event Name`` / ``Metric`` for the metric, ``Day`` / ``Date`` / ``Week`` for the
day, ``Count`` / ``Totals`` / ``Value`` for the figure, ``Segment`` / ``Breakdown`` /
``Group`` for the segment); any other export is read through ``--map
metric=Event,date=Day,value=Count,segment=Platform``. An export of one metric with no metric
column names it with ``--metric``. Days are read strictly (``2026-10-05``, or a timestamp
read whole); values are numbers as exports write them (``1,234.5``, ``12.5``); ``n/a`` or
a day that is not a date stops the import with its line and column.

Each row becomes a value of a metric the registry already defines (``tradeoff metric new``),
found by name or by the name's slug; an unknown metric stops the import with its line,
because a metric's meaning is written down once and never invented by an import. Values
are keyed on (metric, day, segment), so importing the same file again changes nothing and
a corrected figure updates the stored one. An empty segment, or ``all``, is the whole
business.
"""

from __future__ import annotations

from collections.abc import Iterator

from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.domain.rules import RuleViolation
from tradeoff.errors import InputError
from tradeoff.importers.base import ImporterOption, ReadContext
from tradeoff.importers.columns import cells_at, locate_columns, rows_that_fit
from tradeoff.importers.drafts import MetricValueDraft, Record, Rejected, Where
from tradeoff.importers.locales import LOCALE_OPTIONS, Locale
from tradeoff.importers.textfile import FileFacts, read_csv

#: Each field's column names in the exports we know, tried in order, without case.
COLUMNS: dict[str, tuple[str, ...]] = {
    "metric": ("metric", "metric name", "event", "event name", "measure", "name"),
    "date": ("date", "day", "week", "month", "period", "time", "timestamp"),
    "value": ("value", "count", "totals", "total", "uniques", "amount"),
    "segment": ("segment", "breakdown", "group", "segment name"),
}
FIELDS = frozenset(COLUMNS)


class MetricsImporter:
    name = "metrics"
    source = "metrics"
    summary = (
        "Metric values as a time series CSV (metric, date, value, segment): an Amplitude, "
        "Mixpanel or Looker export, any other through --map. Metrics must be defined first."
    )
    example = "tradeoff import metrics values.csv --map metric=Event,date=Day,value=Count"
    kind: EvidenceKind | None = None
    default_mode: EvidenceMode | None = None
    accepts_folder = False
    options: tuple[ImporterOption, ...] = (
        ImporterOption(
            "metric",
            "The metric every row measures, for an export of one metric with no metric column.",
        ),
        *LOCALE_OPTIONS,
    )

    def read(self, facts: FileFacts, context: ReadContext) -> Iterator[Record]:
        unknown = sorted(set(context.columns) - FIELDS)
        if unknown:
            raise InputError(
                f"the metrics importer has no field {unknown[0]!r}; "
                f"fields: {', '.join(sorted(FIELDS))}"
            )
        only_metric = (context.options.get("metric") or "").strip()
        locale = Locale.of(context)
        header, rows = read_csv(facts, context.on_progress)
        defaults = {f: c for f, c in COLUMNS.items() if not (only_metric and f == "metric")}
        required = ("date", "value") if only_metric else ("metric", "date", "value")
        positions = locate_columns(
            header, defaults, path=facts.path, required=required, given=context.columns
        )
        mapped = tuple((f, header[i]) for f, i in positions.items())
        first_line: dict[tuple[str, str, str], int] = {}
        for fitted in rows_that_fit(header, rows, mapped):
            if isinstance(fitted, Rejected):
                yield fitted
                continue
            where, row = fitted
            cells = cells_at(positions, row.cells)
            if only_metric:
                cells["metric"] = only_metric
            try:
                draft = _value(cells, where, locale)
            except RuleViolation as exc:
                yield Rejected(where, exc.message, where.column_for(exc.field), raw=row.cells)
                continue
            key = (draft.metric, draft.observed_on.isoformat(), draft.segment)
            if key in first_line:
                yield Rejected(
                    where,
                    f"{draft.metric} on {key[1]}"
                    + (f" for segment {draft.segment!r}" if draft.segment else "")
                    + f" is also on line {first_line[key]}: which value is right?",
                    where.column_for("value"),
                    raw=row.cells,
                )
                continue
            first_line[key] = row.line
            yield draft


def _value(cells: dict[str, str], where: Where, locale: Locale) -> MetricValueDraft:
    metric = cells.get("metric", "")
    if not metric:
        raise RuleViolation("metric", "the row names no metric")
    try:
        observed_on = locale.date(cells["date"])
    except ValueError as exc:
        raise RuleViolation("date", str(exc)) from None
    text = cells["value"]
    if not text:
        raise RuleViolation("value", "the row has no value")
    try:
        value = locale.number(text)
    except ValueError as exc:
        raise RuleViolation("value", str(exc)) from None
    return MetricValueDraft(
        where=where,
        metric=metric,
        observed_on=observed_on,
        value=value,
        segment=cells.get("segment", ""),
    )
