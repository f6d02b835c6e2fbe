"""Account attributes that hold numbers ("Seats", "AnnualRevenue", "NumberOfEmployees").

CRMs export every custom field as text, so "1,200" and "$1,200" are read as the number they
say, for ordering demand's groups by value, not as text ("93" after "837"), and for bands.

A key whose values are all numbers, more than ``MAX_CATEGORIES`` of them, is a measure (a
company's revenue, its seats), not a category: one group per exact value would be 300 rows
of one account each. The sales picture (``compared_attributes``) and demand's breakdown
(``demand.banded``) both put such a key's values into ``BANDS`` bands of about as much
weight each — closed deals for the one, accounts for the other — with ``bands`` here, so
the same values read the same way in both ("26.7M–38.1M").
"""

from __future__ import annotations

import math
from collections.abc import Mapping

#: An account attribute whose values are all numbers and more than this many is a measure
#: (revenue, employees, seats), put in ``BANDS`` bands instead of read value by value.
MAX_CATEGORIES = 8
BANDS = 4


def as_number(value: str) -> float | None:
    """The number a text attribute holds; None when it holds none (or not a finite one).

    Example: as_number("$1,200") == 1200.0
    """
    try:
        number = float(value.replace(",", "").replace("$", "").strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def bands(weights: Mapping[str, float]) -> dict[str, str] | None:
    """Each value's band label, lowest band first, or None when the values are categories
    (``MAX_CATEGORIES`` or fewer, or any of them not a number).

    ``weights``: value → how much it weighs (closed deals, accounts). Values are taken in
    numeric order and a band closes once it holds its share of the total weight, so each of
    the ``BANDS`` bands weighs about a quarter; two texts of one number ("1200", "1,200")
    never fall in two bands. A band is labelled by its lowest and highest value, compact.

    Example: bands({str(n): 1 for n in range(10, 130, 10)})["40"] == "40–60"
    """
    numbers = {value: as_number(value) for value in weights}
    if len(numbers) <= MAX_CATEGORIES or any(n is None for n in numbers.values()):
        return None
    ordered = sorted(weights, key=lambda v: numbers[v] or 0.0)
    total = sum(weights.values()) or 1
    grouped: list[list[str]] = [[]]
    seen = 0.0
    for value in ordered:
        band = grouped[-1]
        if band and seen >= total * len(grouped) / BANDS and numbers[value] != numbers[band[-1]]:
            grouped.append([])
        grouped[-1].append(value)
        seen += weights[value]
    labelled: dict[str, str] = {}
    for band in grouped:
        low, high = numbers[band[0]] or 0.0, numbers[band[-1]] or 0.0
        label = compact(low) if low == high else f"{compact(low)}–{compact(high)}"
        labelled |= dict.fromkeys(band, label)
    return labelled


def compact(number: float) -> str:
    """12,300,000 → "12.3M": a band's ends, read at a glance."""
    for size, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(number) >= size:
            return f"{number / size:.3g}{suffix}"
    return f"{number:g}"
