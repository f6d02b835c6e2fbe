"""Whose words name a theme: what customers said, not what our sellers wrote about a deal.

A CRM's deal notes join the themes customers' words found (``analysis.seller_notes``) as
evidence of money at stake, not as the voice of the customer. Counted into the label terms,
they renamed a theme by a seller's paraphrase: on the demo, the notes filed into the
multi-currency payouts theme ("Arjun Brown needs to pay contractors in EUR and GBP from one
account") made its name "multi-currency payouts · fiat · contractors eur". So a theme is
named by its customers' items, and the words counted over all the evidence (what sets a
theme apart, ``label.keywords``) are theirs too: a theme gets the same name with or without
a CRM import beside the tickets. A workspace of notes alone (a CRM import, nothing else)
found its themes in the notes, and is named by them.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from tradeoff.analysis.seller_notes import following
from tradeoff.domain.enums import EvidenceKind


def namers(kinds: Sequence[EvidenceKind], founding: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Per item: whether its words may name a theme. Every item but sellers' deal notes,
    unless the notes founded the themes (``founding``: the items discovery grouped)."""
    notes = following(kinds)
    return np.ones_like(notes) if (founding & notes).any() else ~notes


def heard(groups: NDArray[np.int64], voice: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """Per row: whether it names its group (-1: none): a row of the ``voice``, or any member
    of a group that holds none of it (so every group is named, by what it has)."""
    grouped = groups >= 0
    voiced = np.unique(groups[voice & grouped])
    return voice | (grouped & ~np.isin(groups, voiced))


def kept_rows(
    kept: NDArray[np.bool_], texts: list[str], groups: NDArray[np.int64]
) -> tuple[list[str], list[int]]:
    """The ``kept`` rows' texts and groups, as ``keywords.theme_keywords`` takes them (no
    copy when every row is kept: most workspaces hold no deal notes)."""
    if kept.all():
        return texts, groups.tolist()
    chosen = [text for text, keep in zip(texts, kept.tolist(), strict=True) if keep]
    return chosen, groups[kept].tolist()
