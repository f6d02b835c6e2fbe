"""The shared company is written whole and reads back as written."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import Engine

from tests.business.world import RATES, World
from tradeoff.analysis.business.money import convert
from tradeoff.domain.deals import Deal
from tradeoff.storage import repository
from tradeoff.storage.currency import base_currency, rates
from tradeoff.storage.session import read_session


def test_the_world_reads_back(engine: Engine, world: World) -> None:
    with read_session(engine) as session:
        assert rates(session) == RATES
        assert base_currency(session) == "USD"
        stored = repository.list_all(session, Deal)
    assert [d.external_id for d in stored] == [d.external_id for d in world.deals]
    assert len({a.segment for a in world.accounts}) == 3
    assert {d.currency for d in world.deals} == {"USD", "GBP", "EUR", "JPY", None}


def test_amounts_in_several_currencies_convert_or_say_they_cannot() -> None:
    total = convert({"USD": Decimal(100), "GBP": Decimal(10), "JPY": 5000, None: 1}, RATES, "USD")
    assert total.amount == Decimal("113.70")
    assert dict(total.unconverted) == {"JPY": Decimal(5000)}
    assert not total.complete
    assert str(total) == "USD 113.70 + JPY 5,000.00 (no rate)"
    assert convert({"EUR": Decimal(2)}, RATES, "USD").to_json() == {
        "amount": "2.16",
        "currency": "USD",
        "unconverted": {},
    }
