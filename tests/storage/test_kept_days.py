"""Packed kept days (``storage.kept_days``) fold into the same month rows as day rows
folded one by one in Python (``demand_time.fold_days``, the reference every reader of
themes uses), exactly, with or without groups, and beyond int64."""

from __future__ import annotations

import random
from datetime import date, timedelta
from functools import partial

import pytest

from tradeoff.analysis.business.demand_time import fold_days, scaled_weight, weight_horizon
from tradeoff.storage import kept_days
from tradeoff.storage.demand import DayCount, MonthCount

AS_OF = date(2026, 11, 20)
HALF_LIFE = 180


def _days(seed: int, *, grouped: bool, most: int = 40) -> list[DayCount]:
    """Three years of uneven days for 25 subjects in up to four groups (one group None),
    some days far older than the decay horizon of a short half-life."""
    rng = random.Random(seed)
    groups = ["Enterprise", "Mid-Market", "SMB", None] if grouped else [None]
    found = []
    for subject_id in range(1, 26):
        for group in rng.sample(groups, rng.randint(1, len(groups))):
            for offset in sorted(rng.sample(range(1100), rng.randint(1, 300))):
                items = rng.randint(1, most)
                found.append(
                    DayCount(
                        subject_id,
                        group,
                        AS_OF - timedelta(days=offset),
                        items,
                        rng.randint(0, items),
                        rng.randint(0, items),
                    )
                )
    return found


def _folded(days: list[DayCount], half_life: int, *, grouped: bool) -> list[MonthCount]:
    rows = [(d.subject_id, d.group, d.day.isoformat(), d.items, d.observed, d.proxy) for d in days]
    if not grouped:
        rows = [(s, day, i, o, p) for s, _, day, i, o, p in rows]  # type: ignore[misc]
    rng = random.Random(5)
    rng.shuffle(rows)  # packing orders the days itself
    packed = list(kept_days.pack(rows, grouped=grouped))
    weight = partial(scaled_weight, as_of=AS_OF, half_life_days=half_life)
    return kept_days.fold(packed, weight, AS_OF, weight_horizon(half_life))


def _key(row: MonthCount) -> tuple[object, ...]:
    return (row.subject_id, row.group or "", row.month)


@pytest.mark.parametrize("grouped", [True, False])
@pytest.mark.parametrize("half_life", [HALF_LIFE, 7])
def test_packed_days_fold_as_python_folds_day_rows(grouped: bool, half_life: int) -> None:
    days = _days(3, grouped=grouped)
    found = sorted(_folded(days, half_life, grouped=grouped), key=_key)
    expected = sorted(fold_days(days, AS_OF, half_life), key=_key)
    assert found == expected
    # Not trivial: many months per subject, weights that differ by day, and (with a
    # week's half-life) days whose weight rounds to nothing.
    assert len(found) > 25 * 20
    if half_life == HALF_LIFE:
        assert len({r.weighted for r in found}) > len(found) // 2
    else:
        assert any(r.weighted == 0 for r in found)
        assert any(r.weighted > 0 for r in found)


def test_a_month_past_int64_is_summed_exactly(monkeypatch: pytest.MonkeyPatch) -> None:
    """Ten million pieces a day for a month at weight ~10**12 is past 2**63: the fold
    switches to Python integers and still equals the reference."""
    days = [DayCount(1, None, AS_OF - timedelta(days=n), 10_000_000, 0, 0) for n in range(0, 31)]
    found = _folded(days, HALF_LIFE, grouped=False)
    assert sorted(found, key=_key) == sorted(fold_days(days, AS_OF, HALF_LIFE), key=_key)
    assert max(r.weighted for r in found) > 2**63
    # And the int64 path, forced on small numbers, gives what the Python path gives.
    small = _days(4, grouped=True, most=3)
    numpy_path = sorted(_folded(small, HALF_LIFE, grouped=True), key=_key)
    monkeypatch.setattr(kept_days, "SAFE_MONTH_PIECES", 0)
    assert sorted(_folded(small, HALF_LIFE, grouped=True), key=_key) == numpy_path


def test_nothing_packed_folds_to_nothing() -> None:
    assert (
        kept_days.fold([], partial(scaled_weight, as_of=AS_OF, half_life_days=1), AS_OF, 41) == []
    )
