"""Which account attributes the sales picture compares on wins and losses, and which not.

An account attribute is whatever column an export carried beside the fields Tradeoff reads
(a Salesforce Account export's ``BillingStreet``, ``Phone``, ``CreatedDate``, ``Industry``; a
Zendesk organisation's fields). A signal says "deals with this value are won more often",
so a value is worth comparing only when it can describe a *group* of deals. The rules are
stated on the data — the values' shape and how many accounts share them — not on column
names, so they hold for any CRM or help desk. Over the accounts with a closed deal, a key is
left out, with the first reason that applies:

1. ``lifecycle``: any of its values names a customer or a prospect (``LIFECYCLE_WORDS``:
   Salesforce's Type "Customer - Direct", HubSpot's lifecycle stage). A won deal makes its
   account a customer: a result of winning, not a sign of it.
2. ``copy``: its key is one of the account's own fields but for case (``plan`` beside the
   CRM's plan) and, on every account holding it, its value is that field's value but for
   case. It adds nothing the field does not say on as many accounts or more; the only thing
   it could add is *which* accounts hold it (those a help desk knows: customers), which is
   again a result of winning. Where it disagrees with the field on some account it is a
   second reading and is compared, as ``account plan`` beside ``plan``.
3. ``identifier``: its key is named as one ("OwnerId", "Record ID", "external_id") — an id
   names one record, or a group nobody can read from it.
4. A shape (``SHAPES``) that more than half of its accounts' values have: ``date`` (a date
   on an account record says when the record was made or changed, or when its deal closed:
   often the deal's own doing, so it is not banded by year either), ``phone``, ``e-mail``,
   ``web address``, ``identifier`` (one long token of letters and digits: a Salesforce or
   UUID id).
5. A key whose values are all numbers, more than ``attribute_numbers.MAX_CATEGORIES`` of
   them (revenue, employees), is a measure: compared in bands (``attribute_numbers.bands``),
   never left out for having many values. Unless every value is written as whole digits of
   one width, ``CODE_WIDTH`` or more ("02139", "94103"; "541511"): a postal or industry code
   names a place or a kind, so it is read as text, value by value, like any category.
6. ``unique``: more distinct values than ``MAX_CATEGORIES`` and more than ``UNIQUE_SHARE``
   of the accounts holding it — about one value per account: a street address, a name,
   free text.

Values are folded within a key case-insensitively and spaces aside ("Retail", "retail "),
shown in the spelling most accounts have. Within a key that is compared, a value (or band)
that a single account holds is left out too (``one account``): whatever its deals did, they
tell of that customer, not of a group.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from tradeoff.analysis.business.attribute_numbers import MAX_CATEGORIES, bands
from tradeoff.storage.sales import ACCOUNT_DIMENSIONS, AccountOutcome
from tradeoff.wording import plural

#: Words in an account attribute's values that mark it as the account's lifecycle.
LIFECYCLE_WORDS = ("customer", "prospect")
#: A key with more distinct values than this share of the accounts holding it (and more
#: than ``MAX_CATEGORIES``) holds about one value per account.
UNIQUE_SHARE = 0.5
#: Values all written as whole digits of one width, this wide or wider, are codes (postal
#: codes, NAICS industry codes), not measures: "02139" is no amount between two others.
CODE_WIDTH = 5
#: A key named as an identifier: "Id", "OwnerId", "Record ID", "hs_object_id", "org-id".
ID_NAME = re.compile(r"(?:^|[\s_.\-])(?:id|Id|ID)$|[a-z](?:Id|ID)$")
#: A month's name or its three-letter form, whole: "marketing 2024" holds no month.
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?"
)
#: Shapes of values that identify or date a record rather than group accounts. Order
#: matters: "2024-03-13" is a date before it is digits in three groups.
SHAPES: dict[str, re.Pattern[str]] = {
    "date": re.compile(
        r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
        r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]m)?)?"
        rf"|(?:\d{{1,2}}\s+)?{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}",
        re.I,
    ),
    "e-mail": re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", re.I),
    "web address": re.compile(r"(?:https?://|www\.)\S+", re.I),
    # "+44 20 7946 0958", "(555) 187-8196", "555.187.8196": 7 to 15 digits, written the way
    # a phone number is (a +, brackets, or three groups or more); "1000-5000" is a range.
    "phone": re.compile(
        # Not an amount grouped in thousands ("1.000.000", "12 500 000").
        r"(?!\d{1,3}(?:[\s.,]\d{3})+$)"
        r"(?=(?:\D*\d){7,15}\D*$)(?:\+[\d\s().\-/]+|[\d\s.\-/]*\(\d+\)[\d\s.\-/]+"
        r"|\d+(?:[\s.\-/]+\d+){2,})(?:\s*(?:x|ext\.?)\s*\d+)?",
        re.I,
    ),
    # Letters and digits run together ("0015g0000WcTCxsAQG", a UUID), with no part that is
    # a word: "enterprise-2024-annual" and "iso27001-certified" are tiers, not ids.
    "identifier": re.compile(r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])(?![\w-]*\b[a-z]{4,}\b)[\w-]{12,}"),
}


@dataclass(frozen=True)
class LeftOutAttribute:
    """An account attribute, or some of its values, not compared on wins and losses.

    ``reason`` is a key of ``LEFT_OUT_BECAUSE``. ``accounts``: the accounts with a closed
    deal that hold what was left out; ``values``: how many distinct values that is (for
    ``one account``, the values held by one account each).
    """

    key: str
    reason: str
    accounts: int
    values: int

    def to_json(self) -> dict[str, object]:
        return {
            "kind": "account attribute",
            "attribute": f"account {self.key}",
            "reason": self.reason,
            "accounts": self.accounts,
            "values": self.values,
        }


#: Why each kind of attribute left out is, as the picture says it.
LEFT_OUT_BECAUSE = {
    "lifecycle": "the account's lifecycle: a won deal makes it a customer, a result of winning",
    "copy": "copies of the account's own field, value for value",
    "identifier": "identifiers",
    "unique": "about one value per account: addresses, names, free text",
    "date": "dates of the record, often the deal's own doing",
    "phone": "phone numbers",
    "e-mail": "e-mail addresses",
    "web address": "web addresses",
}
ONE_ACCOUNT = "one account"


@dataclass(frozen=True)
class ComparedAttributes:
    """The account attributes' (key, value or band) → [won, lost] closed deals, and what
    was left out."""

    tallies: dict[tuple[str, str], list[int]]
    left_out: list[LeftOutAttribute]


@dataclass
class _Value:
    won: int = 0
    lost: int = 0
    accounts: int = 0


@dataclass
class _Key:
    values: dict[str, _Value]
    #: Each spelling's accounts, to show a folded value as most accounts write it.
    spellings: dict[str, dict[str, int]]
    repeats_field: bool = True


def compared_attributes(accounts: Iterable[AccountOutcome]) -> ComparedAttributes:
    """The account attributes compared on wins and losses, and those left out (module
    docstring).

    Example: compared_attributes([AccountOutcome({"Phone": "(555) 187-8196"}, 0, 1)])
    .left_out[0].reason == "phone"
    """
    keys = _read(accounts)
    tallies: dict[tuple[str, str], list[int]] = {}
    left_out: list[LeftOutAttribute] = []
    for key, read in keys.items():
        reason = _reason(key, read)
        held = sum(v.accounts for v in read.values.values())
        if reason is not None:
            left_out.append(LeftOutAttribute(key, reason, held, len(read.values)))
            continue
        grouped = _grouped(read)
        if len(grouped) > MAX_CATEGORIES and len(grouped) > UNIQUE_SHARE * held:
            left_out.append(LeftOutAttribute(key, "unique", held, len(grouped)))
            continue
        alone = {label: v for label, v in grouped.items() if v.accounts < 2}
        if alone:
            left_out.append(LeftOutAttribute(key, ONE_ACCOUNT, len(alone), len(alone)))
        for label, v in grouped.items():
            if label not in alone:
                tallies[(key, label)] = [v.won, v.lost]
    return ComparedAttributes(tallies, left_out)


def _read(accounts: Iterable[AccountOutcome]) -> dict[str, _Key]:
    """Per key, per value folded by case and spaces: closed deals and accounts."""
    keys: dict[str, _Key] = {}
    for account in accounts:
        own = {name.casefold(): _folded(value) for name, value in account.fields.items()}
        for key, raw in account.attributes.items():
            value = " ".join(str(raw).split())
            if not value:
                continue
            read = keys.setdefault(str(key), _Key({}, {}))
            folded = _folded(value)
            tally = read.values.setdefault(folded, _Value())
            tally.won += account.won
            tally.lost += account.lost
            tally.accounts += account.accounts
            spelled = read.spellings.setdefault(folded, {})
            spelled[value] = spelled.get(value, 0) + account.accounts
            if own.get(str(key).casefold()) != folded:
                read.repeats_field = False
    return keys


def _folded(value: str) -> str:
    return " ".join(value.split()).casefold()


def _reason(key: str, read: _Key) -> str | None:
    """Why the whole key is left out, by the first rule that applies; None: compared."""
    if any(w in value for value in read.values for w in LIFECYCLE_WORDS):
        return "lifecycle"
    if key.casefold() in ACCOUNT_DIMENSIONS and read.repeats_field:
        return "copy"
    if ID_NAME.search(key.strip()):
        return "identifier"
    held = sum(v.accounts for v in read.values.values())
    for shape, pattern in SHAPES.items():
        shaped = sum(v.accounts for value, v in read.values.items() if pattern.fullmatch(value))
        if shaped * 2 > held:
            return shape
    return None


def _grouped(read: _Key) -> dict[str, _Value]:
    """Values by the label they are shown with: the band of a measure, else the spelling
    most accounts have (the first in order on a tie)."""
    weights = {folded: v.won + v.lost for folded, v in read.values.items()}
    labels = None if _codes(weights) else bands(weights)
    grouped: dict[str, _Value] = {}
    for folded, v in read.values.items():
        if labels is None:
            spelled = read.spellings[folded]
            label = min(spelled, key=lambda s: (-spelled[s], s))
        else:
            label = labels[folded]
        summed = grouped.setdefault(label, _Value())
        summed.won += v.won
        summed.lost += v.lost
        summed.accounts += v.accounts
    return grouped


def _codes(values: Iterable[str]) -> bool:
    """Whether the values are codes: whole digits, all of one width of ``CODE_WIDTH`` or more."""
    widths = {len(v) if v.isascii() and v.isdigit() else 0 for v in values}
    return len(widths) == 1 and min(widths) >= CODE_WIDTH


def left_out_attributes_line(left_out: Iterable[LeftOutAttribute]) -> str | None:
    """One sentence naming the account attributes not compared, by reason, then the values
    held by one account only; None when nothing was left out.

    Example: "Account attributes not compared: CreatedDate (dates of the record, often the
    deal's own doing); Phone (phone numbers); 3 values of Industry (held by a single account
    each: no group)."
    """
    listed = list(left_out)
    parts = []
    for reason, because in LEFT_OUT_BECAUSE.items():
        named = sorted((a.key for a in listed if a.reason == reason), key=str.casefold)
        if named:
            parts.append(f"{', '.join(named)} ({because})")
    alone = sorted((a for a in listed if a.reason == ONE_ACCOUNT), key=lambda a: a.key.casefold())
    if alone:
        counts = ", ".join(f"{plural(a.values, 'value')} of {a.key}" for a in alone)
        each = " each" if sum(a.values for a in alone) > 1 else ""
        parts.append(f"{counts} (held by a single account{each}: no group)")
    return f"Account attributes not compared: {'; '.join(parts)}." if parts else None
