"""``tradeoff import metrics``: time series from analytics exports, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tradeoff.domain.enums import MetricDirection, MetricKind
from tradeoff.domain.evidence import ImportBatch
from tradeoff.domain.strategy import MetricDefinition, MetricValue
from tradeoff.errors import InputError
from tradeoff.importers.batch import ImportReport
from tradeoff.importers.registry import importer, run
from tradeoff.storage import metrics, repository
from tradeoff.storage.changelog import undo_batch
from tradeoff.storage.session import read_session, write_session

WAB = "Weekly active businesses"
DECLINES = "Card-decline tickets"


@pytest.fixture
def registry(engine: Engine) -> Engine:
    with write_session(engine) as session:
        metrics.define_metric(session, MetricDefinition(name=WAB, unit="count"))
        metrics.define_metric(
            session,
            MetricDefinition(
                name=DECLINES, direction=MetricDirection.DOWN_IS_GOOD, kind=MetricKind.OUTCOME
            ),
        )
    return engine


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load(
    engine: Engine, path: Path, columns: dict[str, str] | None = None, **options: str
) -> ImportReport:
    return run(engine, importer("metrics"), path, columns=columns, options=options)


def stored(engine: Engine) -> list[tuple[str, str, str, float]]:
    """Every stored value as (metric, day, segment, value), sorted."""
    with read_session(engine) as session:
        names = {m.id: m.name for m in metrics.list_all_definitions(session)}
        return sorted(
            (names[v.metric_id], v.observed_on.isoformat(), v.segment, v.value)
            for v in repository.list_all(session, MetricValue)
        )


VALUES = (
    "metric,date,value,segment\n"
    f"{WAB},2026-10-05,1200,\n"
    'weekly_active_businesses,2026-10-12,"1,260",\n'
    "card_decline_tickets,2026-10-05,41,\n"
    "card_decline_tickets,2026-10-05,12,ios\n"
)


def test_values_land_on_registry_metrics_by_name_or_slug(registry: Engine, tmp_path: Path) -> None:
    report = load(registry, write(tmp_path, "values.csv", VALUES))
    assert (report.inserted, report.updated, report.rejected) == (4, 0, 0)
    assert report.by_entity == {"metric values": {"inserted": 4}}
    assert stored(registry) == [
        (DECLINES, "2026-10-05", "", 41.0),
        (DECLINES, "2026-10-05", "ios", 12.0),
        (WAB, "2026-10-05", "", 1200.0),
        (WAB, "2026-10-12", "", 1260.0),
    ]


def test_the_same_file_twice_changes_nothing(registry: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "values.csv", VALUES)
    first = load(registry, path)
    again = load(registry, path)
    assert again.already_imported
    assert again.batch_id == first.batch_id
    # The same values in another order are other bytes, but still nothing new.
    lines = VALUES.splitlines()
    reordered = write(tmp_path, "reordered.csv", "\n".join([lines[0], *reversed(lines[1:])]) + "\n")
    third = load(registry, reordered)
    assert third.nothing_changed
    assert third.unchanged == 4
    assert len(stored(registry)) == 4
    with read_session(registry) as session:
        assert repository.count(session, ImportBatch) == 1


def test_a_corrected_value_updates_and_undo_restores_it(registry: Engine, tmp_path: Path) -> None:
    load(registry, write(tmp_path, "values.csv", VALUES))
    corrected = load(registry, write(tmp_path, "fixed.csv", VALUES.replace(",41,", ",39,")))
    assert (corrected.inserted, corrected.updated, corrected.unchanged) == (0, 1, 3)
    assert (DECLINES, "2026-10-05", "", 39.0) in stored(registry)
    with write_session(registry) as session:
        undo_batch(session, corrected.batch_id)
    assert (DECLINES, "2026-10-05", "", 41.0) in stored(registry)


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (f"{WAB},2026-13-05,1", "line 3, column 'date': not a date or time: '2026-13-05'"),
        (f"{WAB},2026-10-19,n/a", "line 3, column 'value': not a number: 'n/a'"),
        (f"{WAB},2026-10-19,", "line 3, column 'value': the row has no value"),
        (
            "signups,2026-10-19,5",
            "line 3, column 'metric': no metric named 'signups' in the registry; "
            "define it first with tradeoff metric new",
        ),
        (f"{WAB},2026-10-05,1300", "line 3, column 'value': "
         f"{WAB} on 2026-10-05 is also on line 2: which value is right?"),
    ],
)  # fmt: skip
def test_a_bad_row_stops_the_import_with_where_and_writes_nothing(
    registry: Engine, tmp_path: Path, row: str, message: str
) -> None:
    path = write(tmp_path, "bad.csv", f"metric,date,value\n{WAB},2026-10-05,1200\n{row}\n")
    with pytest.raises(InputError) as caught:
        load(registry, path)
    assert str(caught.value) == f"{path}, {message}"
    assert "\n" not in str(caught.value)
    assert stored(registry) == []
    with read_session(registry) as session:
        assert repository.count(session, ImportBatch) == 0


def test_a_missing_column_names_the_columns_the_file_has(registry: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "odd.csv", "kpi,when,amount\nx,2026-10-05,1\n")
    with pytest.raises(InputError, match=r"line 1, column 'metric': no column 'metric' for"):
        load(registry, path)


def test_other_column_names_through_a_mapping(registry: Engine, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "looker.csv",
        f"KPI;Week Start;Reading;Plan\n{WAB};2026-10-05;1210,5;Pro\n{WAB};2026-10-12;1250;\n",
    )
    columns = {"metric": "KPI", "date": "Week Start", "value": "Reading", "segment": "Plan"}
    report = load(registry, path, columns, decimal="comma")
    assert report.inserted == 2
    assert stored(registry) == [(WAB, "2026-10-05", "Pro", 1210.5), (WAB, "2026-10-12", "", 1250.0)]


def test_amplitude_and_mixpanel_shaped_exports(registry: Engine, tmp_path: Path) -> None:
    """Amplitude's event segmentation as rows (Event Name, Segment, Date, Uniques) and a
    Mixpanel insights export (Event, Day, Count) read without a mapping."""
    amplitude = write(
        tmp_path,
        "amplitude.csv",
        "Event Name,Segment,Date,Uniques\n"
        f"{WAB},All Users,2026-10-05,1200\n"
        f"{WAB},iOS,2026-10-05,700\n",
    )
    mixpanel = write(
        tmp_path,
        "mixpanel.csv",
        "Event,Day,Count\ncard_decline_tickets,2026-10-05T00:00:00,41\n",
    )
    assert load(registry, amplitude).inserted == 2
    assert load(registry, mixpanel).inserted == 1
    assert stored(registry) == [
        (DECLINES, "2026-10-05", "", 41.0),
        (WAB, "2026-10-05", "All Users", 1200.0),
        (WAB, "2026-10-05", "iOS", 700.0),
    ]


def test_an_export_of_one_metric_names_it_with_an_option(registry: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "one.csv", "Date,Value\n2026-10-05,1200\n2026-10-12,1240\n")
    report = load(registry, path, metric="weekly_active_businesses")
    assert report.inserted == 2
    with read_session(registry) as session:
        definition = metrics.get_metric(session, WAB)
        assert definition.id is not None
        latest = metrics.latest_value(session, definition.id, date(2026, 10, 10))
    assert latest is not None
    assert latest.value == 1200.0
