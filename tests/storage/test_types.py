"""UTCDateTime: timestamps mean the same instant on SQLite (no time zones) and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from sqlalchemy import Engine, insert, select

from tradeoff.storage.tables import EvidenceItemRow

EVIDENCE = EvidenceItemRow.__table__
NEW_YORK = timezone(timedelta(hours=-5))
KATHMANDU = timezone(timedelta(hours=5, minutes=45))


def insert_at(engine: Engine, external_id: str, created_at: datetime) -> None:
    """Straight to the table, past the domain, so the column type alone does the work."""
    with engine.begin() as connection:
        connection.execute(
            insert(EVIDENCE).values(
                source="zendesk",
                external_id=external_id,
                kind="ticket",
                mode="observed",
                text="Where is my delivery?",
                created_at=created_at,
                tags=[],
                raw={},
            )
        )


def read_back(engine: Engine) -> list[tuple[str, datetime]]:
    with engine.connect() as connection:
        rows = connection.execute(
            select(EVIDENCE.c.external_id, EVIDENCE.c.created_at).order_by(EVIDENCE.c.created_at)
        ).all()
    return [(external_id, created_at) for external_id, created_at in rows]


def test_an_aware_timestamp_comes_back_as_the_same_instant_in_utc(engine: Engine) -> None:
    insert_at(engine, "kathmandu", datetime(2026, 3, 2, 9, 0, 0, 654321, tzinfo=KATHMANDU))
    ((_, created_at),) = read_back(engine)
    assert created_at == datetime(2026, 3, 2, 3, 15, 0, 654321, tzinfo=UTC)
    assert created_at.tzinfo is UTC


def test_a_naive_timestamp_is_taken_as_utc(engine: Engine) -> None:
    insert_at(engine, "naive", datetime(2026, 3, 2, 9, 0))
    ((_, created_at),) = read_back(engine)
    assert created_at == datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
    assert created_at.tzinfo is UTC


def test_ordering_follows_the_instant_not_the_wall_clock(engine: Engine) -> None:
    # 23:30 in New York on the 1st is 04:30 UTC on the 2nd: after 03:00 UTC on the 2nd,
    # although its local date and time sort first as text.
    insert_at(engine, "new-york", datetime(2026, 3, 1, 23, 30, tzinfo=NEW_YORK))
    insert_at(engine, "utc", datetime(2026, 3, 2, 3, 0, tzinfo=UTC))
    insert_at(engine, "kathmandu", datetime(2026, 3, 2, 10, 0, tzinfo=KATHMANDU))
    assert read_back(engine) == [
        ("utc", datetime(2026, 3, 2, 3, 0, tzinfo=UTC)),
        ("kathmandu", datetime(2026, 3, 2, 4, 15, tzinfo=UTC)),
        ("new-york", datetime(2026, 3, 2, 4, 30, tzinfo=UTC)),
    ]


def test_a_range_filter_compares_instants(engine: Engine) -> None:
    insert_at(engine, "new-york", datetime(2026, 3, 1, 23, 30, tzinfo=NEW_YORK))
    insert_at(engine, "utc", datetime(2026, 3, 2, 3, 0, tzinfo=UTC))
    since = datetime(2026, 3, 2, 9, 0, tzinfo=KATHMANDU)  # 03:15 UTC
    with engine.connect() as connection:
        after = connection.scalars(
            select(EVIDENCE.c.external_id).where(EVIDENCE.c.created_at >= since)
        ).all()
    assert after == ["new-york"]
