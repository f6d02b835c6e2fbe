"""Account attributes that hold numbers ("Seats", "AnnualRevenue", "NumberOfEmployees").

CRMs export every custom field as text, so "1,200" and "$1,200" are read as the number they
say, for the sales picture's bands and for ordering demand's groups by value, not as text
("93" after "837").
"""

from __future__ import annotations

import math


def as_number(value: str) -> float | None:
    """The number a text attribute holds; None when it holds none (or not a finite one).

    Example: as_number("$1,200") == 1200.0
    """
    try:
        number = float(value.replace(",", "").replace("$", "").strip())
    except ValueError:
        return None
    return number if math.isfinite(number) else None
