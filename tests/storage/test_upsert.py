"""Re-importing is idempotent: each record is inserted once, then updated or left unchanged."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal

from sqlalchemy import Engine

from tradeoff.domain.accounts import Account
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import DealOutcome, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, ImportBatch
from tradeoff.storage import repository
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.upsert import Outcome, existing_by_external_id, upsert

SHA_MARCH = "a" * 64
SHA_APRIL = "b" * 64


def ticket(external_id: str = "48213", **overrides: object) -> EvidenceItem:
    values: dict[str, object] = {
        "source": "zendesk",
        "external_id": external_id,
        "kind": EvidenceKind.TICKET,
        "title": "Carrier report",
        "text": "We rebuild the carrier report in Excel every Monday. =SUM(A1:A9)",
        "created_at": datetime(2026, 3, 2, 14, 5, 9, 123456, tzinfo=UTC),
        "tags": ["export", "reporting"],
        "raw": {"priority": "high", "requester": "Zoë O'Brien"},
    }
    values.update(overrides)
    return EvidenceItem(**values)  # type: ignore[arg-type]


def import_items(engine: Engine, items: list[EvidenceItem]) -> list[Outcome]:
    with write_session(engine) as session:
        existing = existing_by_external_id(
            session, EvidenceItem, "zendesk", [i.external_id for i in items]
        )
        return [upsert(session, item, existing.get(item.external_id))[0] for item in items]


def stored_items(engine: Engine) -> list[EvidenceItem]:
    with read_session(engine) as session:
        return repository.list_all(session, EvidenceItem)


def test_a_new_record_is_inserted(engine: Engine) -> None:
    with write_session(engine) as session:
        outcome, stored = upsert(session, ticket(), None)
    assert outcome is Outcome.INSERTED
    assert isinstance(stored.id, int)
    assert stored_items(engine) == [dataclasses.replace(ticket(), id=stored.id)]


def test_an_id_on_a_new_record_is_ignored(engine: Engine) -> None:
    with write_session(engine) as session:
        _, stored = upsert(session, dataclasses.replace(ticket(), id=9999), None)
    assert stored.id != 9999
    assert [item.id for item in stored_items(engine)] == [stored.id]


def test_the_same_record_again_is_unchanged(engine: Engine) -> None:
    assert import_items(engine, [ticket()]) == [Outcome.INSERTED]
    before = stored_items(engine)
    assert import_items(engine, [ticket()]) == [Outcome.UNCHANGED]
    assert stored_items(engine) == before


def test_the_same_record_spelled_differently_is_unchanged(engine: Engine) -> None:
    import_items(engine, [ticket()])
    # The same instant in another zone, tags in another order, padding: all normalised away.
    again = ticket(
        created_at=datetime(2026, 3, 2, 19, 35, 9, 123456, tzinfo=timezone(timedelta(hours=5.5))),
        tags=["reporting", "export", "export "],
        title="  Carrier report ",
    )
    assert import_items(engine, [again]) == [Outcome.UNCHANGED]


def test_a_changed_record_is_updated_in_place(engine: Engine) -> None:
    import_items(engine, [ticket()])
    (first,) = stored_items(engine)
    changed = ticket(text="Now we export twice a week.", tags=["export"], raw={"priority": "low"})
    assert import_items(engine, [changed]) == [Outcome.UPDATED]
    assert stored_items(engine) == [dataclasses.replace(changed, id=first.id)]


def test_provenance_stays_with_the_import_that_last_changed_the_record(
    engine: Engine,
) -> None:
    """An unchanged re-import wrote nothing: undoing it must not touch the record."""
    with write_session(engine) as session:
        march = repository.add(
            session, ImportBatch(source="zendesk", file_name="m.csv", sha256=SHA_MARCH)
        )
        april = repository.add(
            session, ImportBatch(source="zendesk", file_name="a.csv", sha256=SHA_APRIL)
        )
    import_items(engine, [ticket(import_batch_id=march.id)])
    assert import_items(engine, [ticket(import_batch_id=april.id)]) == [Outcome.UNCHANGED]
    assert [item.import_batch_id for item in stored_items(engine)] == [march.id]
    edited = ticket(import_batch_id=april.id, text="Edited in April")
    assert import_items(engine, [edited]) == [Outcome.UPDATED]
    assert [item.import_batch_id for item in stored_items(engine)] == [april.id]


def test_a_mixed_import_reports_each_outcome(engine: Engine) -> None:
    import_items(engine, [ticket("1"), ticket("2")])
    outcomes = import_items(engine, [ticket("1"), ticket("2", text="Edited"), ticket("3")])
    assert outcomes == [Outcome.UNCHANGED, Outcome.UPDATED, Outcome.INSERTED]
    assert [(i.external_id, i.text) for i in stored_items(engine)] == [
        ("1", ticket().text),
        ("2", "Edited"),
        ("3", ticket().text),
    ]


def test_existing_records_are_found_per_source_in_chunks(engine: Engine) -> None:
    ids = [f"T-{n:05d}" for n in range(1203)]  # more than two chunks of 500
    import_items(engine, [ticket(i) for i in ids])
    with write_session(engine) as session:
        repository.add(session, ticket("T-00001", source="intercom"))
    with read_session(engine) as session:
        found = existing_by_external_id(
            session, EvidenceItem, "zendesk", [*ids, "T-00001", "never-imported"]
        )
        assert sorted(found) == ids
        assert {row.source for row in found.values()} == {"zendesk"}  # type: ignore[attr-defined]
        assert existing_by_external_id(session, EvidenceItem, "intercom", ids)["T-00001"]


def test_money_with_trailing_zeros_is_unchanged(engine: Engine) -> None:
    deal = Deal(
        source="salesforce",
        external_id="006Dn00000AbCdE",
        name="Hafen Logistik — fleet rollout",
        amount=Decimal(86500),
        currency="eur",
        outcome=DealOutcome.OPEN,
    )
    with write_session(engine) as session:
        upsert(session, deal, None)
    with write_session(engine) as session:
        existing = existing_by_external_id(session, Deal, "salesforce", [deal.external_id])
        outcome, _ = upsert(
            session,
            dataclasses.replace(deal, amount=Decimal("86500.00")),
            existing[deal.external_id],
        )
    assert outcome is Outcome.UNCHANGED


def test_re_importing_a_three_decimal_amount_is_unchanged(engine: Engine) -> None:
    gulf = Account(
        name="Gulf Freight Co",
        arr=Decimal("12500.125"),
        currency="KWD",
        source="hubspot",
        external_id="C-77",
    )
    with write_session(engine) as session:
        upsert(session, gulf, None)
    with write_session(engine) as session:
        existing = existing_by_external_id(session, Account, "hubspot", ["C-77"])
        outcome, _ = upsert(session, gulf, existing["C-77"])
    assert outcome is Outcome.UNCHANGED
