"""Praise themes in demand: flagged, listed after the problems, their figures kept.

Northwind's customers also write to say what they value: three of them praise support in a
theme of its own. Those accounts pay the most, so by revenue at stake the praise would come
second in the list of demand; it is demand for nothing. Its figures are recounted in plain Python
from the world's tables, so marking it drops none of them.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import Engine

from tests.business.world import RATES, TODAY, World, build_world
from tests.cli.helpers import run_cli
from tests.importers.exports import database_url
from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.domain.enums import AccountLifecycle, AssignedBy, DealOutcome, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import praise as praise_store
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

PRAISE = "support · great · team"
#: account, what it said (each reads as praise: "fantastic", "great", "love", "excellent")
SAID = [
    ("Acme Freight", "Your support team is fantastic, they answered within minutes."),
    ("Brightwater Health", "Great customer service, Maria sorted our ledger question today."),
    ("Cobalt Retail", "Love how helpful the support team is, always quick and friendly."),
    ("Acme Freight", "Support is excellent, thank you for the fast help with our export."),
]


@pytest.fixture
def world(engine: Engine) -> World:
    world = build_world(engine)
    with write_session(engine) as session:
        theme = repository.add(session, Theme(name=PRAISE))
        world.themes.append(theme)
        for n, (account, text) in enumerate(SAID):
            item = repository.add(
                session,
                EvidenceItem(
                    source="delighted",
                    external_id=f"nps-{n}",
                    kind=EvidenceKind.SURVEY,
                    text=text,
                    created_at=TODAY - timedelta(days=10 + n),
                    account_id=world.account(account).id,
                    rating=10.0,
                ),
            )
            world.evidence.append(item)
            assert item.id is not None
            assert theme.id is not None
            repository.add(
                session,
                EvidenceTheme(
                    evidence_id=item.id, theme_id=theme.id, score=0.9, assigned_by=AssignedBy.MODEL
                ),
            )
    # Every analysis reads its items for praise and keeps the readings; demand counts those.
    praise_store.fill_engine(engine, PRAISE_RULES)
    return world


def _in_usd(amount: Decimal, currency: str) -> Decimal:
    return amount if currency == "USD" else amount * RATES[currency]


def test_a_praise_theme_is_flagged_and_listed_last_with_every_figure(
    engine: Engine, world: World
) -> None:
    results = theme_demand(engine, as_of=TODAY.date())
    assert [r.name for r in results][-1] == PRAISE
    assert [r.praise for r in results] == [False] * (len(results) - 1) + [True]
    praise = results[-1]
    # Recounted from the world: the praising accounts' ARR and open pipeline.
    citing = {world.account(a).id for a, _ in SAID}
    arr = sum(
        _in_usd(a.arr, a.currency)
        for a in world.accounts
        if a.id in citing
        and a.lifecycle is AccountLifecycle.CUSTOMER
        and a.arr is not None
        and a.currency is not None
    )
    pipeline = sum(
        _in_usd(d.amount, d.currency)
        for d in world.deals
        if d.account_id in citing
        and d.outcome is DealOutcome.OPEN
        and d.amount is not None
        and d.currency is not None
    )
    assert praise.total.arr.total.amount == arr == Decimal("533400")
    assert praise.total.pipeline.total.amount == pipeline
    assert praise.total.reach.items == len(SAID)
    assert praise.total.reach.accounts == len(citing)
    # By money alone it would come second: marking it moves it, and keeps its figures.
    stakes = sorted((r.total.revenue_at_stake.amount for r in results), reverse=True)
    assert stakes.index(praise.total.revenue_at_stake.amount) == 1
    # Asked for by id, with another theme, each is flagged as in the whole list.
    ids = [praise.id, results[0].id]
    by_id = {r.id: r.praise for r in theme_demand(engine, as_of=TODAY.date(), ids=ids)}
    assert by_id == {praise.id: True, results[0].id: False}


def test_the_cli_marks_praise_in_the_table_json_and_csv(
    capsys: pytest.CaptureFixture[str], engine: Engine, world: World
) -> None:
    common = ["--db", database_url(engine), "demand", "--as-of", TODAY.date().isoformat()]
    document = json.loads(run_cli(capsys, *common, "--format", "json").stdout)
    assert [(d["name"], d["praise"]) for d in document][-1] == (PRAISE, True)
    assert not any(d["praise"] for d in document[:-1])
    expected = theme_demand(engine, as_of=TODAY.date())
    assert document == json.loads(json.dumps([r.to_json() for r in expected]))
    rows = list(csv.DictReader(io.StringIO(run_cli(capsys, *common, "--format", "csv").stdout)))
    assert [(r["name"], r["praise"]) for r in rows][-1] == (PRAISE, "True")
    assert {r["praise"] for r in rows[:-1]} == {"False"}
    assert rows[-1]["arr"] == "533400.00"
    table = run_cli(capsys, *common).stdout
    line = next(row for row in table.splitlines() if "support · great" in row)
    assert line.rstrip().endswith("praise")
    assert "praise = a praise theme: at least half of its items speak well of us" in table
    themes = json.loads(run_cli(capsys, "--db", database_url(engine), "themes",
                                "--format", "json").stdout)  # fmt: skip
    assert {t["name"]: t["praise"] for t in themes}[PRAISE] is True
    assert not any(t["praise"] for t in themes if t["name"] != PRAISE)
