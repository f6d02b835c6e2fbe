"""The loss-reason classifier: one case per category, negations, ambiguity, the notes fallback,
and the documented keyword lists matching the code's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tradeoff.analysis.business.loss_cues import (
    ABSENCE_FILLER,
    ABSENCE_FRAME,
    CUES,
    FEATURE_FRAME,
    FEATURE_NOUNS,
    LINKING,
    NAMES,
    SHORTFALL_MARKERS,
)
from tradeoff.analysis.business.loss_reasons import LossVerdict, classify_loss, fold
from tradeoff.domain.enums import LossCategory as C

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("reason", "category", "cues"),
    [
        ("Went with Dynamics — missing bulk export", C.PRODUCT_GAP, ("missing",)),
        ("Their ERP integration isn't supported", C.PRODUCT_GAP, ("integration",)),
        ("Too expensive for their budget this year", C.PRICE_BUDGET, ("expensive", "budget")),
        ("Could not justify the ROI to the CFO", C.VALUE_NOT_PROVEN, ("not justify", "roi")),
        ("We didn't see the value in the pilot", C.VALUE_NOT_PROVEN, ("did not see the value",)),
        ("Did not trust a vendor this young", C.CONFIDENCE_RISK, ("did not trust", "young")),
        ("Failed their security review", C.CONFIDENCE_RISK, ("security review",)),
        (
            "Champion left; the new VP has a relationship with Zoho",
            C.RELATIONSHIP,
            ("champion left", "relationship"),
        ),
        ("Not a priority for their strategy", C.ALIGNMENT, ("not a priority", "strategy")),
        ("No decision - project postponed", C.TIMING_NO_DECISION, ("no decision", "postponed")),
        ("Prospect went dark after the demo", C.TIMING_NO_DECISION, ("went dark",)),
        ("Decided to keep using spreadsheets", C.STATUS_QUO, ("keep using", "spreadsheets")),
        ("Lost to an agency that builds it for them", C.STATUS_QUO, ("agency", "builds it")),
        ("Built it in-house", C.STATUS_QUO, ("built it", "in house")),
        (
            "SSO was a must-have and we can't do it yet",
            C.PRODUCT_GAP,
            ("must have", "not do it yet"),
        ),
        ("Their free tier covers a team of two", C.PRICE_BUDGET, ("free tier",)),
        ("Felt safer with an established bank", C.CONFIDENCE_RISK, ("safer", "established")),
        ("Chose a payroll bundle: one vendor for both", C.ALIGNMENT, ("bundle", "one vendor")),
        ("Their accountant recommended another bank", C.RELATIONSHIP, ("recommended",)),
        ("Kept a workaround in their ERP", C.STATUS_QUO, ("workaround",)),
    ],
)
def test_one_reason_per_category(reason: str, category: C, cues: tuple[str, ...]) -> None:
    assert classify_loss(reason) == LossVerdict(category, cues)


@pytest.mark.parametrize(
    ("reason", "category", "cues"),
    [
        # The price is dismissed, the spreadsheet decides.
        ("Price was not the issue — they stayed on Excel", C.STATUS_QUO, ("excel",)),
        ("Not expensive, but they lacked SSO", C.PRODUCT_GAP, ("lacked",)),
        (
            "No pricing concerns; decision pushed to next year",
            C.TIMING_NO_DECISION,
            ("next year",),
        ),
        (
            "Pricing was fine, they failed our security review",
            C.CONFIDENCE_RISK,
            ("security review",),
        ),
        # "No" and "without" name the reason itself; they negate nothing.
        ("No budget left", C.PRICE_BUDGET, ("no budget",)),
        (
            "Without an integration to SAP they could not go ahead",
            C.PRODUCT_GAP,
            ("integration",),
        ),
        # A phrase holding a cue of another category wins: "lack of trust" is not a gap.
        ("Lack of trust in a small vendor", C.CONFIDENCE_RISK, ("lack of trust",)),
        # Features level with the rival's are no gap; the fee that undercut us decides.
        (
            "Pennyworth undercut us on the monthly fee; features were a wash",
            C.PRICE_BUDGET,
            ("undercut", "fee"),
        ),
        ("Features were on par, but their fees were lower", C.PRICE_BUDGET, ("fees",)),
        ("Features were comparable; they stayed on spreadsheets", C.STATUS_QUO, ("spreadsheets",)),
    ],
)
def test_negations_and_phrases(reason: str, category: C, cues: tuple[str, ...]) -> None:
    assert classify_loss(reason) == LossVerdict(category, cues)


@pytest.mark.parametrize(
    ("reason", "category", "cues"),
    [
        # A "not" before a verb of getting or showing: the thing not got is the reason.
        ("Could not prove ROI to the CFO", C.VALUE_NOT_PROVEN, ("roi",)),
        ("Could not demonstrate value in the pilot", C.VALUE_NOT_PROVEN, ("value",)),
        ("Didn't see ROI within a quarter", C.VALUE_NOT_PROVEN, ("roi",)),
        ("Not enough budget", C.PRICE_BUDGET, ("budget",)),
        ("They did not have budget this year", C.PRICE_BUDGET, ("budget",)),
        ("Couldn't get budget approved", C.PRICE_BUDGET, ("budget",)),
        ("Not enough features for a team of fifty", C.PRODUCT_GAP, ("features",)),
        ("Couldn't afford it", C.PRICE_BUDGET, ("not afford",)),
        ("Couldn't get buy-in from finance", C.RELATIONSHIP, ("buy in",)),
        # What is missing decides, not the word that says it is missing.
        ("Lack of budget", C.PRICE_BUDGET, ("budget",)),
        ("Lack of funding for the second team", C.PRICE_BUDGET, ("funding",)),
        ("Lack of clear ROI", C.VALUE_NOT_PROVEN, ("roi",)),
        ("Missing a champion on their side", C.RELATIONSHIP, ("champion",)),
        # "not a product gap" denies the gap; the spreadsheet decides.
        ("Not a product gap - they stayed on Excel", C.STATUS_QUO, ("excel",)),
    ],
)
def test_a_missing_thing_is_the_reason_not_a_negation(
    reason: str, category: C, cues: tuple[str, ...]
) -> None:
    assert classify_loss(reason) == LossVerdict(category, cues)


@pytest.mark.parametrize(
    ("reason", "category", "cues"),
    [
        # Already read right before absence words counted; they must stay so.
        ("Wasn't able to show ROI", C.VALUE_NOT_PROVEN, ("roi",)),
        ("No budget left this year", C.PRICE_BUDGET, ("no budget",)),
        ("Didn't see enough value", C.VALUE_NOT_PROVEN, ("value",)),
        # Denials still deny: a dismissal wins over a verb of seeing, and the article rule
        # stops at a keyword or a dismissal the "not" already denied.
        ("Did not see price as an issue, they lacked SSO", C.PRODUCT_GAP, ("lacked",)),
        ("Price was not the issue, missing SSO", C.PRODUCT_GAP, ("missing",)),
        ("Not the price, missing SSO", C.PRODUCT_GAP, ("missing",)),
        ("Missing SSO integration", C.PRODUCT_GAP, ("missing", "integration")),
        ("Missing an executive sponsor", C.RELATIONSHIP, ("executive sponsor",)),
    ],
)
def test_absence_wordings_that_read_right_stay_so(
    reason: str, category: C, cues: tuple[str, ...]
) -> None:
    assert classify_loss(reason) == LossVerdict(category, cues)


def test_a_reason_that_decides_through_absence_is_not_overruled_by_notes() -> None:
    """The reason decides; notes that mention a spreadsheet are not read."""
    notes = "Deal 16 for Lucerne. Customer currently runs everything in a spreadsheet."
    assert classify_loss("Could not prove ROI to the CFO", notes) == LossVerdict(
        C.VALUE_NOT_PROVEN, ("roi",)
    )


def test_a_tie_is_ambiguous_and_keeps_every_cue_for_a_person() -> None:
    assert classify_loss("Price and timing") == LossVerdict(C.UNCLASSIFIED, ("price", "timing"))


@pytest.mark.parametrize("reason", [None, "", "Other", "asdf", '=HYPERLINK("x")', "<b>lost</b>"])
def test_nothing_recognised_is_unclassified(reason: str | None) -> None:
    assert classify_loss(reason) == LossVerdict(C.UNCLASSIFIED, ())


def test_notes_are_read_only_when_the_reason_says_nothing() -> None:
    assert classify_loss(None, "Price was the blocker.") == LossVerdict(
        C.PRICE_BUDGET, ("note: price",)
    )
    assert classify_loss("Other", "Champion left.") == LossVerdict(
        C.RELATIONSHIP, ("note: champion left",)
    )
    # A reason that decides is not second-guessed by the notes.
    assert classify_loss("Too expensive", "They also wanted SSO features").category is (
        C.PRICE_BUDGET
    )
    # An ambiguous reason with notes that decide between its tied categories.
    assert classify_loss("Price and timing", "Their CFO said the price was too high") == (
        LossVerdict(C.PRICE_BUDGET, ("note: price",))
    )
    # Notes naming another category do not break it (a QA tester's CRM: this was filed as
    # confidence / risk).
    assert classify_loss("-price too high vs. value", "Needs security review") == LossVerdict(
        C.UNCLASSIFIED, ("price", "value")
    )


@pytest.mark.parametrize(
    ("reason", "category"),
    [
        ("Budget freeze until Q3", C.TIMING_NO_DECISION),
        ("Went with the suite bundled with their Microsoft agreement", C.ALIGNMENT),
    ],
)
def test_a_budget_freeze_is_timing_and_a_bundle_is_alignment(reason: str, category: C) -> None:
    assert classify_loss(reason, "Needs security review").category is category


def test_folding_spells_out_contractions_and_drops_punctuation() -> None:
    assert fold("Didn't see VALUE — “in-house”") == ["did", "not", "see", "value", "in", "house"]


def test_docs_list_exactly_the_keywords_the_code_uses() -> None:
    doc = (ROOT / "docs" / "sales.md").read_text(encoding="utf-8")
    for category, cues in CUES.items():
        line = re.search(rf"^\| `{category.value}` \|.*\| (.*) \|$", doc, re.MULTILINE)
        assert line is not None, f"docs/sales.md has no row for {category.value}"
        documented = [c.strip().strip("`") for c in line.group(1).split(",")]
        assert documented == list(cues), category


def test_docs_list_exactly_the_absence_words_the_code_uses() -> None:
    doc = " ".join((ROOT / "docs" / "sales.md").read_text(encoding="utf-8").split())
    frame = re.search(r"says the thing was not got or shown — (.*?): ", doc)
    assert frame is not None, "docs/sales.md lists no absence words"
    assert [w.strip().strip("`") for w in frame.group(1).split(",")] == list(ABSENCE_FRAME)
    filler = re.search(r"with only (.*?) between", doc)
    assert filler is not None, "docs/sales.md lists no filler words"
    words = re.findall(r"`([^`]+)`", filler.group(1))
    assert set(words) == ABSENCE_FILLER


def test_docs_list_exactly_the_names_feature_words_and_shortfalls_the_code_uses() -> None:
    doc = " ".join((ROOT / "docs" / "sales.md").read_text(encoding="utf-8").split())
    for pattern, listed in [
        (r"counts for no category: (.*?)\. \"", NAMES),
        (r"A feature word — (.*?) — is a", FEATURE_NOUNS),
        (r"when one of (.*?) stands at most", FEATURE_FRAME),
        (r"The same holds backwards for (.*?), which", tuple(sorted(SHORTFALL_MARKERS))),
        (r"before them, with only (.*?) between", tuple(sorted(LINKING))),
    ]:
        found = re.search(pattern, doc)
        assert found is not None, pattern
        words = re.findall(r"`([^`]+)`", found.group(1))
        assert sorted(words) == sorted(listed), pattern


@pytest.mark.parametrize(
    ("reason", "category", "cues"),
    [
        # A product's thing named with a keyword is no reason: "cost" in "cost center" is no
        # price, "benefits" in an HR product area no value.
        (
            "Reporting too limited - they need custom reports and GL export by cost center.",
            C.PRODUCT_GAP,
            ("too limited", "reports"),
        ),
        ("Lacked job costing by cost code", C.PRODUCT_GAP, ("lacked",)),
        ("Missing benefits administration module", C.PRODUCT_GAP, ("missing",)),
        ("Benefits enrollment would be manual", C.PRODUCT_GAP, ("would be manual",)),
        # The keyword outside a name still counts.
        ("Could not see the benefit over their current setup", C.VALUE_NOT_PROVEN, ("benefit",)),
        ("Total cost was above their budget", C.PRICE_BUDGET, ("cost", "budget")),
    ],
)
def test_a_name_holding_a_keyword_is_not_a_reason(
    reason: str, category: C, cues: tuple[str, ...]
) -> None:
    assert classify_loss(reason) == LossVerdict(category, cues)


@pytest.mark.parametrize(
    ("reason", "category", "cues"),
    [
        # A feature word named as absent, needed or the rival's is a gap.
        ("No SCIM provisioning with Okta, IT would not approve.", C.PRODUCT_GAP, ("scim",)),
        ("No carrier EDI feed for their insurer", C.PRODUCT_GAP, ("edi",)),
        ("Without a Workday connector", C.PRODUCT_GAP, ("connector",)),
        ("Went with Gusto because they had NetSuite GL sync", C.PRODUCT_GAP, ("sync",)),
        ("Didn't have an open API", C.PRODUCT_GAP, ("api",)),
        ("Their payroll team needs multi-state tax filing", C.PRODUCT_GAP, ("multi",)),
        ("Could not export journals to their ERP", C.PRODUCT_GAP, ("export",)),
        ("Chose DEAR Inventory - better B2B portal", C.PRODUCT_GAP, ("portal",)),
        ("Picked Katana for the better mobile app", C.PRODUCT_GAP, ("mobile",)),
        # Words any software names a capability by (a QA round's field-service reasons).
        ("No Spanish SMS templates, dealbreaker", C.PRODUCT_GAP, ("templates",)),
        ("Needed route optimization with tech skills", C.PRODUCT_GAP, ("optimization",)),
        ("Had better GPS tracking and offline mode", C.PRODUCT_GAP, ("tracking",)),
        ("Too expensive for the scheduling add-on", C.PRICE_BUDGET, ("expensive",)),
        ("No budget for route optimization", C.PRICE_BUDGET, ("no budget",)),
        # Alone, a feature word says what the deal was about, not why it was lost.
        ("Too expensive for the reporting module", C.PRICE_BUDGET, ("expensive",)),
        ("No reporting concerns, the price was too high", C.PRICE_BUDGET, ("price",)),
        # Nothing needed, or what is absent is a cue of another category: that decides.
        ("No need for reporting yet", C.UNCLASSIFIED, ()),
        ("Did not need an API", C.UNCLASSIFIED, ()),
        ("No budget for the mobile app", C.PRICE_BUDGET, ("no budget",)),
    ],
)
def test_a_feature_named_absent_needed_or_the_rivals_is_a_gap(
    reason: str, category: C, cues: tuple[str, ...]
) -> None:
    assert classify_loss(reason) == LossVerdict(category, cues)


@pytest.mark.parametrize(
    ("reason", "category", "cues"),
    [
        (
            "Mobile clock-in was unreliable during the pilot, app crashed for their crew",
            C.PRODUCT_GAP,
            ("unreliable", "crashed"),
        ),
        ("Buggy exports and clunky admin screens", C.PRODUCT_GAP, ("buggy", "clunky")),
        ("Approval workflows too rigid", C.PRODUCT_GAP, ("too rigid",)),
        # What is short decides when it is another category's cue.
        ("Budget was too limited this year", C.PRICE_BUDGET, ("budget",)),
        ("Their account manager was unreliable", C.RELATIONSHIP, ("account manager",)),
        ("Limited budget after the layoffs", C.PRICE_BUDGET, ("budget",)),
        ("Limited resources to run an implementation", C.UNCLASSIFIED, ()),
    ],
)
def test_a_product_that_failed_or_fell_short_is_a_gap(
    reason: str, category: C, cues: tuple[str, ...]
) -> None:
    assert classify_loss(reason) == LossVerdict(category, cues)


@pytest.mark.parametrize(
    ("reason", "category", "cues"),
    [
        # "for free" is a price: the rival gave it away.
        (
            "Lost on price - Gusto bundled time tracking for free",
            C.PRICE_BUDGET,
            ("price", "for free"),
        ),
        # A headline names one of the tied categories: it decides.
        (
            "Lost to Rippling on price - they bundled IT management",
            C.PRICE_BUDGET,
            ("price",),
        ),
        ("Timing: their budget was cut", C.TIMING_NO_DECISION, ("timing",)),
        ("Price. They wanted a bundle", C.PRICE_BUDGET, ("price",)),
        # No headline, or one naming both: still a tie for a person.
        ("Price and bundling", C.UNCLASSIFIED, ("price", "bundling")),
        ("Price and timing - both", C.UNCLASSIFIED, ("price", "timing")),
        ("-price too high vs. value", C.UNCLASSIFIED, ("price", "value")),
    ],
)
def test_a_headline_breaks_a_tie(reason: str, category: C, cues: tuple[str, ...]) -> None:
    assert classify_loss(reason) == LossVerdict(category, cues)


def test_a_headline_is_read_before_the_notes() -> None:
    assert classify_loss(
        "Lost on price: they bundled onboarding", "Their VP said timing was the blocker"
    ) == LossVerdict(C.PRICE_BUDGET, ("price",))
