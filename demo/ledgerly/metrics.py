"""Metric time series (``metric,date,value,segment``): some counted from the generated files
(tickets, card declines, NPS, revenue retention) so they agree with them, some product
telemetry drawn around a trend (active businesses, activation time, transfer failures).
"""

from __future__ import annotations

import random
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from ledgerly.banking77 import CARD_DECLINE
from ledgerly.common import END, RATES_TO_USD, START, write_csv
from ledgerly.crm import Deal, arr_on
from ledgerly.tickets import CARRIER_FIX, RAILS_MIGRATION, Ticket
from ledgerly.voice import Response
from ledgerly.world import World

HEADER = ("metric", "date", "value", "segment")
SEGMENTS = ("SMB", "Mid-Market", "Enterprise")
Row = tuple[str, str, float | int, str]


def weeks() -> list[date]:
    """Mondays of the weeks that lie wholly inside the demo."""
    first = START.date() + timedelta(days=(7 - START.weekday()) % 7)
    return [
        d for d in (first + timedelta(weeks=i) for i in range(60)) if d + timedelta(6) <= END.date()
    ]


def months() -> list[date]:
    found, day = [], START.date().replace(day=1)
    while day <= END.date():
        found.append(day)
        day = (day + timedelta(days=32)).replace(day=1)
    return found


def monthly_card_declines(tickets: list[Ticket]) -> dict[date, int]:
    counts = Counter(
        t.created_at.date().replace(day=1) for t in tickets if t.intent == CARD_DECLINE
    )
    return {month: counts.get(month, 0) for month in months()}


def _ticket_rows(tickets: list[Ticket]) -> list[Row]:
    counts: Counter[tuple[date, str]] = Counter()
    for t in tickets:
        monday = t.created_at.date() - timedelta(days=t.created_at.weekday())
        segment = t.account.segment if t.account else "Self-serve"
        counts[monday, segment] += 1
        counts[monday, "all"] += 1
    return [
        ("support_tickets", week.isoformat(), counts.get((week, segment), 0), segment)
        for week in weeks()
        for segment in ("all", *SEGMENTS, "Self-serve")
    ]


def _nps_rows(responses: list[Response]) -> list[Row]:
    rows: list[Row] = []
    for month in months():
        scores = [r.score for r in responses if r.at.date().replace(day=1) == month]
        if scores:
            net = sum(s >= 9 for s in scores) - sum(s <= 6 for s in scores)
            rows.append(("nps", month.isoformat(), round(100 * net / len(scores), 1), "all"))
    return rows


def _retention_rows(world: World, deals: list[Deal]) -> list[Row]:
    """Quarterly NRR from the CRM: same cohort, ARR at quarter end over ARR at quarter start."""
    rows: list[Row] = []
    for start in (date(2025, 10, 1), date(2026, 1, 1), date(2026, 4, 1), date(2026, 7, 1)):
        end = (start + timedelta(days=95)).replace(day=1)
        before = after = 0.0
        for a in world.accounts:
            if a.customer_since is None or a.customer_since >= start:
                continue
            if a.churn_date is not None and a.churn_date < start:
                continue
            rate = RATES_TO_USD[a.currency]
            before += arr_on(a, deals, start) * rate
            churned = a.churn_date is not None and a.churn_date < end
            after += 0.0 if churned else arr_on(a, deals, end) * rate
        value = round(100 * after / before, 1)
        rows.append(("net_revenue_retention_pct", start.isoformat(), value, "all"))
    return rows


def _telemetry_rows(rng: random.Random) -> list[Row]:
    rows: list[Row] = []
    all_weeks = weeks()
    shares = {"SMB": 0.86, "Mid-Market": 0.115, "Enterprise": 0.025}
    for i, week in enumerate(all_weeks):
        progress = i / (len(all_weeks) - 1)
        active = 3_400 + 1_750 * progress
        for segment, share in shares.items():
            count = round(active * share * rng.uniform(0.985, 1.015))
            rows.append(("weekly_active_businesses", week.isoformat(), count, segment))
        total = sum(int(r[2]) for r in rows[-3:])
        rows.append(("weekly_active_businesses", week.isoformat(), total, "all"))
        carrier = 1.25 if week < CARRIER_FIX else 1.0
        hours = (74 - 16 * progress) * carrier * rng.uniform(0.95, 1.05)
        rows.append(("card_activation_median_hours", week.isoformat(), round(hours, 1), "all"))
        failing = 2.3 if week >= RAILS_MIGRATION else 0.8
        rate = failing * rng.uniform(0.88, 1.12)
        rows.append(("transfer_failure_rate_pct", week.isoformat(), round(rate, 2), "all"))
    return rows


def metric_rows(
    world: World,
    deals: list[Deal],
    tickets: list[Ticket],
    responses: list[Response],
    rng: random.Random,
) -> list[Row]:
    declines = [
        ("card_decline_tickets", month.isoformat(), count, "all")
        for month, count in monthly_card_declines(tickets).items()
    ]
    rows = (
        _telemetry_rows(rng)
        + _ticket_rows(tickets)
        + declines
        + _nps_rows(responses)
        + _retention_rows(world, deals)
    )
    return sorted(rows, key=lambda r: (r[0], r[1], r[3]))


def write_metrics(path: Path, rows: list[Row]) -> int:
    return write_csv(path, HEADER, rows, line_end="\n")
