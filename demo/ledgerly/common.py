"""Shared helpers: the demo's clock, random streams, vendor date and id formats, file writers.

Every vendor writes dates its own way (ISO with ``Z`` for Zendesk, ``.000Z`` for Salesforce,
``14/Jul/25 3:42 PM`` for Jira, Pacific offsets for Apple), so each format has one function
here and nothing else formats dates. Month names are spelled out by hand because ``%b``
follows the C library locale.
"""

from __future__ import annotations

import csv
import json
import random
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

SEED = 77
START = datetime(2025, 10, 1, tzinfo=UTC)
END = datetime(2026, 10, 31, 23, 59, 59, tzinfo=UTC)
INTERNAL_DOMAIN = "ledgerly.example"
RATES_TO_USD = {"USD": 1.0, "GBP": 1.27, "EUR": 1.08}
COUNTRY_CURRENCY = {"US": "USD", "GB": "GBP"}
COUNTRY_NAMES = {
    "US": "United States",
    "GB": "United Kingdom",
    "IE": "Ireland",
    "DE": "Germany",
    "FR": "France",
    "NL": "Netherlands",
    "ES": "Spain",
}
COUNTRY_ALPHA3 = {
    "US": "USA",
    "GB": "GBR",
    "IE": "IRL",
    "DE": "DEU",
    "FR": "FRA",
    "NL": "NLD",
    "ES": "ESP",
}
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


class PlantedPatternError(RuntimeError):
    """A planted pattern did not come out of the generated data as the README promises."""


def streams(names: Sequence[str]) -> dict[str, random.Random]:
    """One independent random stream per part of the world, all drawn from ``Random(77)``.

    Each part gets its own stream so that changing how tickets are drawn does not reshuffle
    the deals; a new part must be appended at the end of ``names`` for the same reason.
    """
    root = random.Random(SEED)
    return {name: random.Random(root.getrandbits(64)) for name in names}


@dataclass
class TextPool:
    """Synthetic texts handed out without repeats until a pool runs dry (then reshuffled), so
    that neighbouring records rarely say exactly the same thing."""

    texts: dict[str, list[str]]
    rng: random.Random
    queues: dict[str, list[str]] = field(default_factory=dict)

    def take(self, pool: str) -> str:
        queue = self.queues.setdefault(pool, [])
        if not queue:
            queue.extend(self.texts[pool])
            self.rng.shuffle(queue)
        return queue.pop()


def currency_for(country: str) -> str:
    return COUNTRY_CURRENCY.get(country, "EUR")


def to_usd(amount: float, currency: str) -> float:
    return amount * RATES_TO_USD[currency]


# --- text ----------------------------------------------------------------------------------


def ascii_fold(text: str) -> str:
    """'Zoë Ó Súilleabháin' -> 'Zoe O Suilleabhain': email local parts and domains are ASCII."""
    decomposed = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slug(text: str, sep: str = "") -> str:
    """'O'Connor & Daughters' -> 'oconnor' + sep + 'daughters': apostrophes join, not split."""
    folded = ascii_fold(text).lower().replace("'", "").replace("\u2019", "")
    words = "".join(ch if ch.isalnum() else " " for ch in folded).split()
    return sep.join(words)


# --- time ----------------------------------------------------------------------------------


def days_between(first: date, last: date) -> list[date]:
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def at_time(day: date, rng: random.Random, first_hour: int = 7, last_hour: int = 18) -> datetime:
    """A moment on ``day`` in (UTC) working hours, to the second."""
    seconds = rng.randrange(first_hour * 3600, (last_hour + 1) * 3600)
    return datetime(day.year, day.month, day.day, tzinfo=UTC) + timedelta(seconds=seconds)


def clamp(moment: datetime, latest: datetime = END) -> datetime:
    return min(moment, latest)


def iso_z(moment: datetime) -> str:
    """Zendesk JSON: ``2026-03-04T10:22:31Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def sf_datetime(moment: datetime) -> str:
    """Salesforce Data Loader datetime: ``2026-03-04T10:22:31.000Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def zendesk_csv_time(moment: datetime) -> str:
    """Zendesk CSV export (account time zone, here UTC): ``2026-03-04 10:22``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M")


def jira_time(moment: datetime) -> str:
    """Jira CSV in the exporter's profile format ``dd/MMM/yy h:mm a``: ``04/Mar/26 3:42 PM``."""
    moment = moment.astimezone(UTC)
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment.day:02d}/{MONTHS[moment.month - 1]}/{moment:%y} {hour}:{moment:%M} {half}"


def _nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    first_sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    return first_sunday + timedelta(weeks=n - 1)


def pacific_time(moment: datetime) -> str:
    """App Store Connect ``createdDate``: Pacific time with its offset, US daylight rules
    (second Sunday of March to first Sunday of November, 2 a.m. local)."""
    moment = moment.astimezone(UTC)
    dst_start = datetime.combine(_nth_sunday(moment.year, 3, 2), datetime.min.time(), UTC)
    dst_end = datetime.combine(_nth_sunday(moment.year, 11, 1), datetime.min.time(), UTC)
    in_dst = dst_start + timedelta(hours=10) <= moment < dst_end + timedelta(hours=9)
    hours = -7 if in_dst else -8
    local = moment + timedelta(hours=hours)
    return f"{local:%Y-%m-%dT%H:%M:%S}{hours:+03d}:00"


def unix(moment: datetime) -> int:
    return int(moment.timestamp())


# --- ids -----------------------------------------------------------------------------------


def _base62(value: int, width: int) -> str:
    digits = ""
    while value:
        value, rest = divmod(value, 62)
        digits = BASE62[rest] + digits
    return digits.rjust(width, "0")


def salesforce_id(prefix: str, n: int) -> str:
    """An 18-character Salesforce id with a valid case-safe suffix (e.g. ``0015g00000Ab…``).

    The suffix encodes which of the first 15 characters are upper case, five at a time, so
    importers that check it (or convert 15 <-> 18) see real-looking ids.
    """
    key_offset = int.from_bytes(prefix.encode(), "big") * 7_919  # ids differ across objects
    body = f"{prefix}5g{_base62(916_132_832 + key_offset + n * 104_729, 10)}"
    suffix = ""
    for chunk in range(3):
        bits = sum(1 << i for i, ch in enumerate(body[chunk * 5 : chunk * 5 + 5]) if ch.isupper())
        suffix += "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"[bits]
    return body + suffix


def jira_account_id(rng: random.Random) -> str:
    """Atlassian account ids look like ``712020:11f06c30-0697-401a-b9ef-2320eb2db3a9``."""
    raw = f"{rng.getrandbits(128):032x}"
    return f"712020:{raw[:8]}-{raw[8:12]}-4{raw[13:16]}-a{raw[17:20]}-{raw[20:]}"


def sf_number(value: float) -> str:
    """Data Loader writes currency and double fields the way the SOAP API returns them."""
    return f"{value:.1f}"


# --- writers -------------------------------------------------------------------------------


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    quote_all: bool = False,
    line_end: str = "\r\n",
    bom: bool = False,
) -> int:
    """Write a CSV the way the vendor does; returns the number of data rows written."""
    path.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(
            handle,
            quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL,
            lineterminator=line_end,
        )
        writer.writerow(header)
        for row in rows:
            writer.writerow(["" if value is None else value for value in row])
            count += 1
    return count


def write_records_json(path: Path, key: str, records: Sequence[Any], **trailer: Any) -> int:
    """Vendor JSON (compact, as the APIs send it) with one record per line, so diffs of the
    committed files stay readable. The result parses to ``{key: [...], **trailer}``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(record, ensure_ascii=False, separators=(",", ":")) for record in records]
    tail = json.dumps(trailer, ensure_ascii=False, separators=(",", ":"))[1:]
    text = f'{{"{key}":[\n' + ",\n".join(lines) + "\n]" + ("," + tail if trailer else "}")
    path.write_text(text + "\n", encoding="utf-8")
    json.loads(text)
    return len(records)


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="\n")
