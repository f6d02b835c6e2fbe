"""Theme names are the words that set a theme apart, not the template every item shares.

Interview notes written from one template ("## Context", "small business owner", "## Next
steps / Send recap email") around real Banking77 queries: c-TF-IDF alone named themes
"verify identity · steps send recap · said" and "transfer · beneficiary · app small
business", because the template's words occur in every note of every theme.
"""

from __future__ import annotations

import re
from collections import Counter

from tests.analysis.themed import intent_rows
from tradeoff.analysis.label.keywords import theme_keywords

INTENTS = ("card_arrival", "pending_transfer", "declined_card_payment", "lost_or_stolen_card")
TEMPLATE = """## Context
Weekly user of the mobile app, small business owner.

## What they said
- "{first}"
- "{second}"

## Next steps
Send recap email. Recording in the shared drive."""
TEMPLATE_WORDS = set(re.findall(r"[a-z]+", TEMPLATE.lower())) - {"first", "second"}


def notes() -> tuple[list[str], list[int]]:
    texts, labels = [], []
    for label, intent in enumerate(INTENTS):
        queries = [r["text"] for r in intent_rows((intent,))][:40]
        for first, second in zip(queries[::2], queries[1::2], strict=True):
            texts.append(TEMPLATE.format(first=first, second=second))
            labels.append(label)
    return texts, labels


def test_a_template_shared_by_every_note_names_no_theme() -> None:
    texts, labels = notes()
    named = theme_keywords(texts, labels)
    words = {label: set(" ".join(terms).split()) for label, terms in named.items()}
    assert {label: sorted(w & TEMPLATE_WORDS) for label, w in words.items()} == {
        label: [] for label in range(len(INTENTS))
    }


def test_every_word_of_a_name_is_commoner_in_its_theme_than_elsewhere() -> None:
    """Counted here from the notes themselves: a name's word is in a larger share of its
    theme's notes than of the other themes' notes."""
    texts, labels = notes()
    named = theme_keywords(texts, labels)
    for label, terms in named.items():
        assert terms
        inside = [t.lower() for t, lab in zip(texts, labels, strict=True) if lab == label]
        outside = [t.lower() for t, lab in zip(texts, labels, strict=True) if lab != label]
        for word in " ".join(terms).split():
            share = Counter(word in re.findall(r"[a-z0-9'-]+", t) for t in inside)[True]
            other = Counter(word in re.findall(r"[a-z0-9'-]+", t) for t in outside)[True]
            assert share / len(inside) > other / len(outside), (label, word)


def test_a_single_theme_is_still_named() -> None:
    """Nothing is set apart when there is one theme: its best words name it."""
    texts, _ = notes()
    assert theme_keywords(texts[:20], [0] * 20)[0]
