"""The Banking77 texts behind the support tickets: which intents, how many, and the bundled subset.

Ticket texts are real customer-service queries (Banking77, CC-BY-4.0, PolyAI / Casanueva et
al. 2020). The generator reads only ``demo/source/banking77_subset.csv``; ``refresh_subset``
rebuilds that file from the original ``train.csv`` and ``test.csv`` so the subset can be
audited and reproduced. The plan below decides how big each theme is: transfers and cards
are large, currencies and account changes small.
"""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

from ledgerly.common import SEED

SUBSET_HEADER = ("text", "category")


@dataclass(frozen=True)
class Intent:
    """How tickets of one Banking77 intent look in Ledgerly's Zendesk."""

    count: int
    area: str  # Zendesk "Product area" dropdown value (also a tag)
    kind: str  # Zendesk ticket type


TRANSFER_INTENTS = (
    "pending_transfer",
    "failed_transfer",
    "transfer_not_received_by_recipient",
    "balance_not_updated_after_bank_transfer",
    "declined_transfer",
)
CARD_DECLINE = "declined_card_payment"
CURRENCY_INTENT = "fiat_currency_support"

PLAN: dict[str, Intent] = {
    # Transfers: the large theme interviews call "fine".
    "pending_transfer": Intent(160, "area_transfers", "incident"),
    "failed_transfer": Intent(150, "area_transfers", "incident"),
    "transfer_not_received_by_recipient": Intent(150, "area_transfers", "incident"),
    "balance_not_updated_after_bank_transfer": Intent(110, "area_transfers", "incident"),
    "declined_transfer": Intent(80, "area_transfers", "incident"),
    # Cards.
    "card_arrival": Intent(130, "area_cards", "question"),
    "activate_my_card": Intent(90, "area_cards", "question"),
    CARD_DECLINE: Intent(170, "area_cards", "incident"),
    "card_not_working": Intent(70, "area_cards", "incident"),
    "pending_card_payment": Intent(80, "area_cards", "question"),
    "getting_spare_card": Intent(60, "area_cards", "question"),
    # Statements and unrecognised transactions.
    "card_payment_not_recognised": Intent(90, "area_statements", "incident"),
    "direct_debit_payment_not_recognised": Intent(80, "area_statements", "incident"),
    "transaction_charged_twice": Intent(70, "area_statements", "incident"),
    "extra_charge_on_statement": Intent(60, "area_statements", "question"),
    # Onboarding and verification.
    "verify_my_identity": Intent(80, "area_onboarding", "question"),
    "unable_to_verify_identity": Intent(80, "area_onboarding", "problem"),
    "verify_source_of_funds": Intent(45, "area_onboarding", "question"),
    # Top-ups.
    "top_up_failed": Intent(70, "area_top_ups", "incident"),
    "pending_top_up": Intent(55, "area_top_ups", "question"),
    # Currencies: the proxy-only theme (every ticket logged by an agent).
    CURRENCY_INTENT: Intent(45, "area_currencies", "question"),
    # Security and access.
    "passcode_forgotten": Intent(50, "area_security", "question"),
    "lost_or_stolen_card": Intent(40, "area_security", "incident"),
    "pin_blocked": Intent(35, "area_security", "incident"),
    # Refunds.
    "request_refund": Intent(50, "area_refunds", "question"),
    "Refund_not_showing_up": Intent(45, "area_refunds", "incident"),
    # Account administration.
    "terminate_account": Intent(30, "area_account", "task"),
    "edit_personal_details": Intent(35, "area_account", "question"),
}


def read_subset(path: Path) -> dict[str, list[str]]:
    """Texts by intent, in file order; checks the file still matches the plan."""
    texts: dict[str, list[str]] = {intent: [] for intent in PLAN}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        if tuple(next(reader)) != SUBSET_HEADER:
            raise ValueError(f"{path}: header must be {','.join(SUBSET_HEADER)}")
        for text, category in reader:
            texts[category].append(text)
    short = {i: (len(t), PLAN[i].count) for i, t in texts.items() if len(t) != PLAN[i].count}
    if short:
        raise ValueError(f"{path} does not match the plan (have, want): {short}")
    return texts


def refresh_subset(banking77_dir: Path, target: Path) -> int:
    """Rebuild the bundled subset from the original files: for each planned intent, a seeded
    sample of its texts (train then test, duplicates dropped), written in original order."""
    by_intent: dict[str, list[str]] = {intent: [] for intent in PLAN}
    for name in ("train.csv", "test.csv"):
        with (banking77_dir / name).open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                pool = by_intent.get(row["category"])
                if pool is not None and row["text"] not in pool:
                    pool.append(row["text"])
    rng = random.Random(SEED)
    rows: list[tuple[str, str]] = []
    for intent, spec in PLAN.items():
        pool = by_intent[intent]
        chosen = sorted(rng.sample(range(len(pool)), spec.count))
        rows.extend((pool[i], intent) for i in chosen)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SUBSET_HEADER)
        writer.writerows(rows)
    return len(rows)
