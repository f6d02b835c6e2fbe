"""Problems' and opportunities' kept days, packed: one row per subject and group.

A kept breakdown of problems held a row per (problem, group, day): 361,000 rows for all
problems by segment at a million items, which SQLite took 0.7–0.8 s to fold into months
with each day's decay weight on every read. Packed, each (subject, group) is one array of
(day number, pieces, observed, proxy) in day order, and the fold is numpy's: the weight of
each day looked up in one array, months cut with ``np.add.reduceat`` (0.05 s for the same
rows). The fold is exact: the decayed count is the same integer sum of per-day weights
(``analysis.business.demand_time.scaled_weight``) as the database's, in int64 while a
month holds fewer than ``SAFE_MONTH_PIECES`` pieces (each weight is at most 10**12), in
Python integers beyond.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from itertools import pairwise
from typing import Any

import numpy as np
import numpy.typing as npt

from tradeoff.storage.demand import MonthCount, as_day

#: Columns of a packed array, in order: day number (``date.toordinal``), pieces,
#: observed, proxy.
COLUMNS = 4
#: A month with fewer pieces than this cannot overflow an int64 sum of weights ≤ 10**12.
SAFE_MONTH_PIECES = 9_000_000

Packed = tuple[int, str | None, bytes]


def pack(rows: Iterable[Any], *, grouped: bool) -> Iterator[Packed]:
    """(subject_id, [grp,] day, pieces, observed, proxy) rows as one packed array per
    (subject, group), days in order."""
    found: dict[tuple[int, str | None], list[tuple[int, int, int, int]]] = defaultdict(list)
    for row in rows:
        day, items, observed, proxy = row[-4:]
        key = (row[0], row[1] if grouped else None)
        found[key].append((as_day(day).toordinal(), int(items), int(observed), int(proxy)))
    for (subject_id, group), days in found.items():
        days.sort()
        yield subject_id, group, np.array(days, dtype=np.int32).tobytes()


def fold(
    packed: Iterable[Packed], weight: Callable[[date], int], as_of: date, horizon: int
) -> list[MonthCount]:
    """The packed days as (subject, group, month) rows, as ``storage.subject_filed.months``
    folds day rows: pieces, observed, proxy, first and last day, and the decayed count (a
    day more than ``horizon`` days old weighs 0)."""
    arrays = [(s, g, _unpacked(blob)) for s, g, blob in packed]
    arrays = [(s, g, a) for s, g, a in arrays if len(a)]
    if not arrays:
        return []
    first = min(int(a[0, 0]) for _, _, a in arrays)
    last = max(max(int(a[-1, 0]) for _, _, a in arrays), as_of.toordinal())
    span = [date.fromordinal(n) for n in range(first, last + 1)]
    weights = np.array(
        [weight(d) if 0 <= (as_of - d).days <= horizon else 0 for d in span], dtype=np.int64
    )
    months = np.array([d.year * 12 + d.month - 1 for d in span], dtype=np.int64)
    found: list[MonthCount] = []
    for subject_id, group, days in arrays:
        found += _months(subject_id, group, days, days[:, 0] - first, weights, months)
    return found


def _unpacked(blob: bytes) -> npt.NDArray[np.int32]:
    return np.frombuffer(bytes(blob), dtype=np.int32).reshape(-1, COLUMNS)


def _months(
    subject_id: int,
    group: str | None,
    days: npt.NDArray[np.int32],
    offset: npt.NDArray[np.int32],
    weights: npt.NDArray[np.int64],
    months: npt.NDArray[np.int64],
) -> list[MonthCount]:
    month = months[offset]
    starts = np.flatnonzero(np.r_[True, month[1:] != month[:-1]])
    ends = np.r_[starts[1:], len(month)] - 1
    items = days[:, 1].astype(np.int64)
    pieces = np.add.reduceat(items, starts)
    day_weights = weights[offset]
    if pieces.max() < SAFE_MONTH_PIECES:
        weighted = np.add.reduceat(items * day_weights, starts).tolist()
    else:  # exact in Python integers, however large
        products = [i * w for i, w in zip(items.tolist(), day_weights.tolist(), strict=True)]
        bounds = [*starts.tolist(), len(products)]
        weighted = [sum(products[a:b]) for a, b in pairwise(bounds)]
    observed = np.add.reduceat(days[:, 2].astype(np.int64), starts).tolist()
    proxy = np.add.reduceat(days[:, 3].astype(np.int64), starts).tolist()
    columns = zip(
        month[starts].tolist(),
        pieces.tolist(),
        observed,
        proxy,
        days[starts, 0].tolist(),
        days[ends, 0].tolist(),
        weighted,
        strict=True,
    )
    return [
        MonthCount(
            subject_id,
            group,
            date(m // 12, m % 12 + 1, 1),
            i,
            o,
            p,
            date.fromordinal(f),
            date.fromordinal(la),
            w,
        )
        for m, i, o, p, f, la, w in columns
    ]
