"""Signals in words a requester can read: "if five or more customers describe this need to
us directly", not ``problem 4 direct_items >= 5``.

Used by the "not yet" reply and by anything that explains a decision to people outside the
product team (principle 11); the stored grammar stays in ``signals``.

>>> in_plain_words(DateSignal(date(2027, 3, 1)))
'on 1 March 2027 we look again'
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from tradeoff.decisions.signals import (
    DateSignal,
    DemandSignal,
    Measure,
    MetricSignal,
    NoteSignal,
    Operator,
    Signal,
    number_text,
)

MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
SMALL_NUMBERS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve",
)  # fmt: skip

#: (who, what they do) for counted measures: "five or more" + who + what.
COUNTED = {
    Measure.ITEMS: ("pieces of customer feedback", "mention {s}"),
    Measure.DIRECT_ITEMS: ("customers", "describe {s} to us directly, not relayed by someone else"),
    Measure.OBSERVED_ITEMS: ("support tickets or usage records", "show {s} happening"),
    Measure.ACCOUNTS: ("customer businesses", "raise {s}"),
    Measure.END_USERS: ("people at our customers", "raise {s}"),
}
MONEY = {
    Measure.ARR: "the annual revenue of the customers asking for {s}",
    Measure.PIPELINE: "the open pipeline of deals that need {s}",
    Measure.LOST: "revenue lost in deals that cited {s}",
    Measure.CHURNED: "revenue from customers who left citing {s}",
    Measure.RENEWALS_90: "renewals due within 90 days from customers who cite {s}",
    Measure.RENEWALS_180: "renewals due within 180 days from customers who cite {s}",
}
QUANTITY = {
    Operator.AT_LEAST: "{n} or more",
    Operator.ABOVE: "more than {n}",
    Operator.BELOW: "fewer than {n}",
    Operator.AT_MOST: "{n} or fewer",
}
AMOUNT_VERB = {
    Operator.AT_LEAST: "reaches {n}",
    Operator.ABOVE: "goes above {n}",
    Operator.BELOW: "falls below {n}",
    Operator.AT_MOST: "is {n} or less",
}
LEVEL = {
    Operator.AT_LEAST: "is {n} or more",
    Operator.ABOVE: "is above {n}",
    Operator.BELOW: "is below {n}",
    Operator.AT_MOST: "is {n} or less",
}


def in_plain_words(
    signal: Signal,
    *,
    subject_name: str | None = None,
    metric_name: str | None = None,
    currency: str | None = None,
) -> str:
    """One clause starting "if …" or "on …", with no grammar keywords or operators.

    ``subject_name`` names the theme, problem or opportunity (else "this need");
    ``metric_name`` the metric as people know it; ``currency`` the base currency of money.
    """
    if isinstance(signal, NoteSignal):
        return signal.text
    if isinstance(signal, DateSignal):
        return f"on {long_date(signal.on)} we look again"
    if isinstance(signal, MetricSignal):
        name = metric_name or signal.metric.replace("_", " ")
        level = LEVEL[signal.operator].format(n=amount_words(signal.threshold))
        run = "" if signal.periods == 1 else f" for {count_words(signal.periods)} periods in a row"
        return f"if “{name}” {level}{run}"
    return _demand_words(signal, subject_name, currency)


def _demand_words(signal: DemandSignal, subject_name: str | None, currency: str | None) -> str:
    subject = f"“{subject_name}”" if subject_name else "this need"
    if signal.measure in COUNTED:
        who, what = COUNTED[signal.measure]
        quantity = QUANTITY[signal.operator].format(n=count_words(signal.threshold))
        return f"if {quantity} {who} {what.format(s=subject)}"
    figure = MONEY[signal.measure].format(s=subject)
    money = amount_words(signal.threshold)
    amount = f"{currency} {money}" if currency else money
    return f"if {figure} {AMOUNT_VERB[signal.operator].format(n=amount)}"


def count_words(value: Decimal | int) -> str:
    """Five, not 5, for the small whole numbers people say aloud; 1,200 beyond twelve."""
    number = Decimal(value)
    if number == number.to_integral_value() and 0 <= number < len(SMALL_NUMBERS):
        return SMALL_NUMBERS[int(number)]
    return amount_words(number)


def amount_words(value: Decimal) -> str:
    """250000 → 250,000 and 2.5 → 2.5: thousands separated, decimals as written."""
    text = number_text(value)
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    grouped = f"{int(whole.lstrip('-')):,}"
    return f"{sign}{grouped}" + (f".{fraction}" if fraction else "")


def long_date(day: date) -> str:
    """1 March 2027: unambiguous on both sides of the Atlantic, whatever the locale."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"
