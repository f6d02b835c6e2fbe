"""Win signals counted against every value compared: with thirty cities, one of eight lost
deals and no win scores past 2 by chance alone, and must not read as a finding beside a
segment that wins two thirds of its deals.

"Beyond chance" is recounted here with adjusted p-values (each the smallest m/j · p over
ranks j at or after its own, the step-up form of Benjamini–Hochberg) from z-scores
recomputed from the four counts with the standard library's normal distribution."""

from __future__ import annotations

import math
from decimal import Decimal
from statistics import NormalDist

from tradeoff.analysis.business.sales_wins import (
    FALSE_DISCOVERIES,
    WinSignal,
    chance_line,
    win_signals,
)
from tradeoff.domain.enums import DealOutcome
from tradeoff.storage.sales import OutcomeTotal

WON, LOST = DealOutcome.WON, DealOutcome.LOST


def _total(key: str, outcome: DealOutcome, deals: int) -> OutcomeTotal:
    return OutcomeTotal(key, outcome, "USD", deals, deals, Decimal(1000 * deals))


def _picture() -> list[WinSignal]:
    segments = [
        _total("Enterprise", WON, 40),
        _total("Enterprise", LOST, 5),
        _total("SMB", WON, 20),
        _total("SMB", LOST, 55),
    ]
    # Thirty cities of two won and two lost deals each, and Reno: eight lost, none won.
    cities = [_total(f"City {n:02d}", o, 2) for n in range(30) for o in (WON, LOST)]
    cities.append(_total("Reno", LOST, 8))
    won = sum(t.deals for t in segments if t.outcome is WON)
    lost = sum(t.deals for t in segments if t.outcome is LOST)
    return win_signals({"segment": segments, "region": cities}, [], [], (won, lost))


def _z(s: WinSignal) -> float:
    a, b = s.won_with + 0.5, s.lost_with + 0.5
    c, d = s.won_without + 0.5, s.lost_without + 0.5
    return math.log(a * d / (b * c)) / math.sqrt(1 / a + 1 / b + 1 / c + 1 / d)


def test_beyond_chance_is_benjamini_hochberg_over_every_value_compared() -> None:
    signals = _picture()
    p = [2 * (1 - NormalDist().cdf(abs(_z(s)))) for s in signals]
    m = len(p)
    adjusted = [0.0] * m
    running = 1.0
    for rank, i in reversed(list(enumerate(sorted(range(m), key=lambda i: p[i]), 1))):
        running = min(running, p[i] * m / rank)
        adjusted[i] = running
    assert [s.beyond_chance for s in signals] == [q <= FALSE_DISCOVERIES for q in adjusted]
    for signal, expected in zip(signals, p, strict=True):
        assert math.isclose(signal.p_value, expected, abs_tol=1e-9)
    by_value = {s.value: s for s in signals}
    assert by_value["Enterprise"].beyond_chance
    assert by_value["SMB"].beyond_chance
    reno = by_value["Reno"]
    assert (reno.won_with, reno.lost_with) == (0, 8)
    assert reno.score <= -2
    assert not reno.beyond_chance
    assert chance_line(signals) == (
        "Beyond chance: 2 of the 33 values compared hold once every value is counted "
        "(Benjamini–Hochberg: at most 1 in 10 of them a fluke); the others may be chance "
        "at this sample size."
    )


def test_a_signal_alone_needs_only_its_own_evidence() -> None:
    """One value compared: Benjamini–Hochberg is the plain test at the rate."""
    enterprise = [_total("Enterprise", WON, 9), _total("Enterprise", LOST, 1)]
    alone = win_signals({"segment": enterprise}, [], [], (12, 10))
    assert [(s.value, s.beyond_chance) for s in alone] == [("Enterprise", True)]
    assert chance_line([]) is None
