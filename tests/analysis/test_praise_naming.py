"""Praise whose only other words are an attachment notice or the product's category names
no area, so it joins only a praise theme (else stays unsorted) and is no counter evidence.

A QA tester's Intercom chats "Great product 🙌 Screenshot attached." named "screenshot" and
sat in a PagerDuty escalation theme, counted in its demand."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.analysis.test_praise_filing import add, rebuilt_with, themes_of
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.label.counter import NAMES_NOTHING, PRAISE_RULES, praise_cues
from tradeoff.analysis.run import analyze
from tradeoff.domain.enums import EvidenceKind

ESCALATION = [
    "Escalation to the secondary never fires: the primary didn't ack for 30 min.",
    "The secondary on-call isn't paged when the primary misses the ack window.",
    "Our escalation policy skips level 2 and goes straight to the manager.",
    "Escalations stop after the first level even though nobody acknowledged.",
]
CUSTOM_DOMAIN = [
    "Status page on our custom domain shows a certificate error since Monday.",
    "The CNAME points to you but status.example.com still serves your default page.",
    "Custom domain for the status page stays 'pending verification' for days.",
]
PRAISE = [
    "Love how clear the public status page is, customers check it before writing to us.",
    "The status page looks great and setup took five minutes.",
    "Really happy with the status page, our customers love it.",
]
NOTICED = "Hey there!\n\nGreat product 🙌 Screenshot attached."


@pytest.mark.parametrize(
    "text",
    [
        "Great product 🙌 Screenshot attached.",
        "Love it! Logs attached.",
        "Amazing app, see attached.",
        "Best uptime monitoring we've used.",
        "The easiest CRM I have ever tried, thanks!",
    ],
)
def test_praise_beside_a_notice_or_a_category_names_nothing(text: str) -> None:
    cues = praise_cues(text, None, EvidenceKind.SURVEY)
    assert cues
    assert cues[-1] == NAMES_NOTHING
    assert not PRAISE_RULES.names(cues)


@pytest.mark.parametrize(
    "text",
    [
        "The escalation policies are great now, screenshot attached.",
        "Best routing tool we've used, stop sequences are spot on.",
        "Love the screenshot tool in the incident timeline.",
        # The service praised, not the product's category.
        "Best support team we've ever worked with!",
        "Easiest onboarding I have ever had, thank you.",
    ],
)
def test_praise_naming_an_area_beside_them_still_names_it(text: str) -> None:
    cues = praise_cues(text, None, EvidenceKind.SURVEY)
    assert cues
    assert PRAISE_RULES.names(cues)


def test_praise_with_a_screenshot_notice_joins_no_theme_of_complaints(engine: Engine) -> None:
    """A workspace a rebuild left with one such chat among the escalation complaints (its
    centroid pulled its way, as discovery did on the QA corpus); two more arrive, with an
    escalation complaint and praise of escalations that says so."""
    embedder = StaticEmbedder()
    themes = {
        "30 min secondary · ack · primary": [*ESCALATION, NOTICED],
        "custom domain · cname": CUSTOM_DOMAIN,
        "status page · love": PRAISE,
    }
    ids = rebuilt_with(engine, embedder, themes)
    later = add(
        engine,
        [
            NOTICED,
            "Great product 🙌 Screenshot attached.",
            "The secondary was never paged although the primary didn't ack.",
            "Escalation policies are great now, the secondary gets paged on time.",
        ],
        500,
        EvidenceKind.CHAT,
    )
    assert analyze(engine, embedder).mode == "incremental"
    noticed, bare, complaint, named = sorted(later)
    filed = themes_of(engine, later)
    praise_only = {ids["status page · love"]}
    assert filed[noticed] <= praise_only
    assert filed[bare] <= praise_only
    assert filed[complaint] == {ids["30 min secondary · ack · primary"]}
    assert filed[named] == {ids["30 min secondary · ack · primary"]}
