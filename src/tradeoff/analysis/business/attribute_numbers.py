"""Account attributes that hold numbers ("Seats", "AnnualRevenue", "NumberOfEmployees").

CRMs export every custom field as text, so "1,200" and "$1,200" are read as the number they
say, for ordering demand's groups by value, not as text ("93" after "837"), and for bands.
A European export writes "25.600.000" and "1.234,5" (``--decimal comma`` reads the CRM's own
fields that way; a free attribute is kept as written): a key is read with a decimal comma
when one of its values can only be read so (dots grouping thousands, a comma before one,
two or four and more digits) and none can only be read with a decimal point, so "1.200"
beside "25.600.000" is 1,200 (``numbers_of``).

A key whose values are all numbers, more than ``MAX_CATEGORIES`` of them, is a measure (a
company's revenue, its seats), not a category: one group per exact value would be 300 rows
of one account each. The sales picture (``compared_attributes``) and demand's breakdown
(``demand.banded``) both put such a key's values into ``BANDS`` bands of about as much
weight each — closed deals for the one, accounts for the other — with ``bands`` here, so
the same values read the same way in both ("26.7M–38.1M").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

#: An account attribute whose values are all numbers and more than this many is a measure
#: (revenue, employees, seats), put in ``BANDS`` bands instead of read value by value.
MAX_CATEGORIES = 8
BANDS = 4


#: Written only with a decimal comma: "25.600.000", "1.234,5", "12,5", "0,1234".
_COMMA_ONLY = re.compile(r"\d\.\d{3}\.\d|\.\d+,|,\d{1,2}$|,\d{4,}$")
#: Written only with a decimal point: "1,200,000", "1,234.5", "12.5", "0.1234".
_POINT_ONLY = re.compile(r"\d,\d{3},\d|,\d+\.|\.\d{1,2}$|\.\d{4,}$")
#: Currency signs and spaces around or inside a figure ("€ 25 600 000", "$1,200").
_DRESSING = re.compile(r"[\s$€£¥\u00a0\u202f]")


def as_number(value: str, decimal_comma: bool = False) -> float | None:
    """The number a text attribute holds; None when it holds none (or not a finite one).

    Example: as_number("$1,200") == 1200.0; as_number("1.200", decimal_comma=True) == 1200.0
    """
    bare = _DRESSING.sub("", value)
    bare = bare.replace(".", "").replace(",", ".") if decimal_comma else bare.replace(",", "")
    try:
        number = float(bare)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def numbers_of(values: Iterable[str]) -> dict[str, float | None]:
    """Each value's number, all of one key read with one decimal mark (module docstring).

    Example: numbers_of(["1.200", "25.600.000"])["1.200"] == 1200.0
    """
    listed = list(values)
    stripped = [_DRESSING.sub("", v) for v in listed]
    comma = any(_COMMA_ONLY.search(v) for v in stripped) and not any(
        _POINT_ONLY.search(v) for v in stripped
    )
    return {value: as_number(value, decimal_comma=comma) for value in listed}


def bands(weights: Mapping[str, float]) -> dict[str, str] | None:
    """Each value's band label, lowest band first, or None when the values are categories
    (``MAX_CATEGORIES`` or fewer, or any of them not a number).

    ``weights``: value → how much it weighs (closed deals, accounts). Values are taken in
    numeric order and a band closes once it holds its share of the total weight, so each of
    the ``BANDS`` bands weighs about a quarter; two texts of one number ("1200", "1,200")
    never fall in two bands. A band is labelled by its lowest and highest value, compact.

    Example: bands({str(n): 1 for n in range(10, 130, 10)})["40"] == "40–60"
    """
    numbers = numbers_of(weights)
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
