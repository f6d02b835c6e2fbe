"""The words the loss-reason classifier reads (``loss_reasons`` holds the rules that use them).

Every list here is documented in docs/sales.md, and tests keep the two in step: a PM who reads
a cue there finds it here, and a wrong category is fixed by editing a list, not the rules.
These are the English lists; those of the other languages read are ``loss_cues_es``, ``_pt``,
``_fr`` and ``_de`` (joined in ``loss_cues_abroad``).
"""

from __future__ import annotations

from collections.abc import Mapping

from tradeoff.domain.enums import LossCategory

#: The documented keyword lists (docs/sales.md repeats them; a test keeps the two in step).
CUES: Mapping[LossCategory, tuple[str, ...]] = {
    LossCategory.PRODUCT_GAP: (
        "missing",
        "lack*",
        "gap",
        "gaps",
        "feature*",
        "functionality",
        "integrat*",
        "capabilit*",
        "limitation*",
        "unsupported",
        "does not support",
        "did not support",
        "no support for",
        "does not integrate",
        "did not integrate",
        "not available",
        "roadmap",
        "must have",
        "requirement*",
        "not do it yet",
        "complex*",
        "complicated",
        "hard to use",
        "ease of use",
        "usability",
        "user experience",
        "performance",
        "on premise",
        "on prem",
        "too limited",
        "too rigid",
        "inflexible",
        "too manual",
        "would be manual",
        "unreliable",
        "crash*",
        "bug",
        "bugs",
        "buggy",
        "glitch*",
        "clunky",
        "broken",
        "defect*",
        "memory leak*",
        "leak* memory",
        "rate limit*",
        "usage limit*",
    ),
    LossCategory.PRICE_BUDGET: (
        "pric*",
        "overpric*",
        "undercut*",
        "fee",
        "fees",
        "expensive",
        "cost",
        "costs",
        "costly",
        "budget*",
        "cheap*",
        "afford*",
        "not afford*",
        "discount*",
        "licens*",
        "no budget",
        "too much money",
        "free tier",
        "free plan",
        "free version",
        "funding",
        "contract terms",
        "legal terms",
        "payment terms",
        "commercial terms",
        "for free",
        "value for money",
    ),
    LossCategory.VALUE_NOT_PROVEN: (
        "roi",
        "value",
        "benefit*",
        "justif*",
        "not justify",
        "business case",
        "return on investment",
        "not worth",
        "no value",
        "little value",
        "no roi",
        "not see value",
        "not see the value",
        "not convinced",
        "no clear benefit",
        "did not see the value",
        "proof of concept",
        "poc",
        "pilot failed",
        "trial failed",
        "did not convert",
        "time saving*",
        "time saved",
        "hours saved",
        "save time",
        "saves time",
        "saving time",
        "cost saving*",
        "efficiency gain*",
        "productivity gain*",
        "payback",
        "pay off",
        "pays off",
        "paid off",
    ),
    LossCategory.CONFIDENCE_RISK: (
        "trust",
        "risk*",
        "matur*",
        "immature",
        "young",
        "startup",
        "stabil*",
        "reliab*",
        "reference*",
        "secur*",
        "complian*",
        "viability",
        "did not trust",
        "no trust",
        "lack of trust",
        "too small",
        "track record",
        "security review",
        "security audit*",
        "security questionnaire*",
        "security assessment*",
        "compliance review*",
        "security approv*",
        "security sign*",
        "safer",
        "established",
        "confidence",
        "privacy",
        "gdpr",
        "data protection",
        "soc 2",
        "soc2",
        "iso 27001",
    ),
    LossCategory.RELATIONSHIP: (
        "relationship*",
        "champion",
        "rapport",
        "responsive*",
        "unresponsive rep",
        "champion left",
        "follow* up",
        "account manager",
        "sales rep",
        "knew their rep",
        "recommended",
        "sponsor*",
        "executive sponsor*",
        "rep was unresponsive",
        "buy in",
        "support from",
        "executive support",
        "internal support",
        "leadership support",
        "management support",
    ),
    LossCategory.ALIGNMENT: (
        "priorit*",
        "strateg*",
        "align*",
        "goals",
        "objectives",
        "direction",
        "not a fit",
        "not a priority",
        "poor fit",
        "wrong fit",
        "use case",
        "not aligned",
        "different needs",
        "bundl*",
        "one vendor",
        "consolidat*",
        "acquired",
        "depriorit*",
    ),
    LossCategory.TIMING_NO_DECISION: (
        "timing",
        "postpon*",
        "delay*",
        "stall*",
        "freeze",
        "budget freeze",
        "budget frozen",
        "later",
        "no decision",
        "on hold",
        "next year",
        "next quarter",
        "not now",
        "not ready",
        "went dark",
        "ghosted",
        "no response",
        "lost contact",
        "unresponsive",
        "non responsive",
        "cancel*",
        "reorg*",
        "procurement",
        "lost interest",
        "no interest",
        "lack of interest",
        "not interested",
    ),
    LossCategory.STATUS_QUO: (
        "spreadsheet*",
        "excel",
        "homegrown",
        "agency",
        "incumbent",
        "status quo",
        "keep using",
        "kept using",
        "stay with",
        "stayed with",
        "stick with",
        "do nothing",
        "doing nothing",
        "did nothing",
        "google sheets",
        "in house",
        "home grown",
        "build it",
        "builds it",
        "built it",
        "build their own",
        "built their own",
        "manual process",
        "current process",
        "workaround",
        "staying with",
        "current vendor",
        "existing vendor",
        "current provider",
        "existing provider",
        "renewed with",
    ),
}

#: Names of things in a product that hold a keyword: matched like cues, longest first, but
#: counting for no category, so "GL export by cost center" is no price cue and "benefits
#: enrollment" (an HR product area) no value cue. So are pages of a vendor's website, where
#: a lead comes from: "Inbound from pricing page" broke a "Price and timing" tie as price.
#: Their words are not matched again.
NAMES = (
    "cost center*",
    "cost centre*",
    "cost code*",
    "cost allocation*",
    "cost tracking",
    "job cost*",
    "labor cost*",
    "labour cost*",
    "benefits admin*",
    "benefits enrol*",
    "benefits plan*",
    "benefit plan*",
    "benefits package*",
    "benefits module*",
    "benefits carrier*",
    "benefits deduction*",
    "benefits eligibility",
    "employee benefit*",
    "health benefit*",
    "pric* page*",
    "pric* calculator*",
    "roi calculator*",
    "cost calculator*",
    "savings calculator*",
    "trust center*",
    "security page*",
)
#: Words of a product's features. One counts as a product gap only when a ``FEATURE_FRAME``
#: word stands at most ``FEATURE_REACH`` words before it ("no SCIM provisioning", "they had
#: NetSuite GL sync", "needs multi-state tax filing"): alone ("Too expensive for the reporting
#: module") it says what the deal was about, not why it was lost. Besides named features
#: (SSO, API, EDI), the words software of any kind names a capability by: "no Spanish SMS
#: templates", "needed route optimization", "no offline mode". Words that name other things
#: as often are left out: "history" ("no history with us" is trust), "language" ("contract
#: language" is terms), "support" ("they had better support" is the service desk; "no
#: QuickBooks Desktop support" is a saying, ``loss_sayings``).
FEATURE_NOUNS = (
    "api",
    "apis",
    "sso",
    "saml",
    "scim",
    "provisioning",
    "sync*",
    "connector*",
    "export*",
    "import",
    "imports",
    "report",
    "reports",
    "reporting",
    "dashboard*",
    "analytics",
    "app",
    "apps",
    "mobile",
    "workflow*",
    "automation",
    "module*",
    "plugin*",
    "webhook*",
    "edi",
    "feed",
    "feeds",
    "portal",
    "permissions",
    "approvals",
    "audit",
    "filing",
    "calculation",
    "calculations",
    "localization",
    "localisation",
    "multi",
    "template*",
    "tracking",
    "optimi*",
    "scheduling",
    "routing",
    "notification*",
    "alert*",
    "reminder*",
    "offline",
    "customi*",
    "configur*",
    "search",
    "translation*",
    "version",
    "versions",
    "sdk",
    "sdks",
    "cli",
    "provider",
    "providers",
)
#: Words that say a feature was absent, needed, or had by the rival (or better there: "Chose
#: DEAR Inventory - better B2B portal"). "not" frames only the
#: word right after it ("could not export"), so "did not need reporting" frames nothing.
FEATURE_FRAME = (
    "no",
    "without",
    "need",
    "needs",
    "needed",
    "require",
    "requires",
    "required",
    "want",
    "wants",
    "wanted",
    "have",
    "has",
    "had",
    "offer*",
    "better",
    "not",
)
FEATURE_REACH = 4
#: Confidence cues that name a quality a product has as much as a vendor. One describes what
#: is needed, and counts for no category, when it is the subject of a need word (in the
#: ``SUBJECT_REACH`` words before it: "Security requires SAML SSO"), stands right after one
#: (across ``QUALITY_FILLER``: "needs reliable payouts", "wants more secure sharing"), or lies
#: between any ``FEATURE_FRAME`` word and the feature it frames ("they had more reliable
#: mobile push"). A QA corpus had 41 deal descriptions so read as trust in us, which joined no
#: theme. Trust stays trust: "worried about your security track record", "needed reassurance
#: on security", "reliability concerns".
QUALITIES = frozenset({"secur*", "reliab*", "stabil*", "complian*", "privacy"})
NEED_FRAME = ("need*", "requir*", "want*")
QUALITY_FILLER = frozenset({"a", "an", "the", "more", "better", "stronger", "very", "highly"})
SUBJECT_REACH = 2
#: What follows a needed quality when it is trust in us, not the product's: "needed a more
#: reliable vendor", "buyer needs reliability guarantees", "wants stability, we had 3
#: outages" (the clause goes on with no thing of the product).
NOT_OF_A_PRODUCT = frozenset(
    [
        "vendor",
        "vendors",
        "partner",
        "partners",
        "provider",
        "providers",
        "company",
        "companies",
        "supplier",
        "suppliers",
        "guarantee",
        "guarantees",
        "track",
        "record",
        "sla",
        "slas",
        "we",
        "they",
        "our",
        "their",
        "and",
        "but",
        "so",
        "after",
        "because",
    ]
)
#: Value cues that name the stage a deal was lost in, not why: they count only when no cue
#: of another category says why ("SDK leaked memory during POC" is a gap, "Lost after the
#: POC" value not proven).
STAGES = frozenset({"poc", "proof of concept"})
NEGATORS = frozenset({"not", "nor"})
#: Negators that negate only where they carry on a negation or follow a copula ("not
#: expensive nor complex", "was not the price nor the timing"); elsewhere they list what is
#: missing ("no budget nor sponsor").
CARRIED_NEGATORS = frozenset({"nor"})
#: How far before a carried negator the negation or copula it carries on may stand.
CARRY_REACH = 4
ARTICLES = frozenset({"a", "an", "the"})
#: Words that, between a "not" and a cue, say the thing was not got or shown: the negation is
#: the verb's, and the missing thing is the loss reason ("could not prove ROI").
ABSENCE_FRAME = (
    "prov*",
    "demonstrat*",
    "show*",
    "justif*",
    "see",
    "seen",
    "get",
    "got",
    "gotten",
    "find",
    "found",
    "have",
    "had",
    "secur*",
    "build",
    "built",
    "make",
    "made",
    "reach*",
    "obtain*",
    "achiev*",
    "earn*",
    "establish*",
    "enough",
    "sufficient*",
    "much",
)
#: Product-gap cues that only say something is absent; the absent thing, when it is a cue of
#: another category, decides instead ("lack of budget").
ABSENCE_MARKERS = frozenset({"missing", "lack*"})
#: Product-gap cues that describe the thing named just before them; when that thing is a cue of
#: another category (only ``LINKING`` words between), it decides ("budget was too limited",
#: "SOC 2 missing": trust, which a deal note of it had been filed into a theme by).
SHORTFALL_MARKERS = frozenset({"missing", "too limited", "unreliable"})
ABSENCE_FILLER = frozenset({"of", "a", "an", "the", "any", "enough", "sufficient", "clear"})
#: Words that, after a cue and with a "no" or "not" near, dismiss it ("price was not the issue").
DISMISSED = frozenset({"issue", "issues", "problem", "problems", "concern", "concerns", "factor"})
DISMISSED_ALONE = frozenset(
    {"fine", "ok", "okay", "competitive", "acceptable", "wash", "par", "comparable", "similar"}
)
#: Words between the linking verb and the dismissal ("features were a wash", "on par").
DISMISSAL_FILLER = frozenset({"a", "an", "on", "about", "roughly", "broadly"})
LINKING = frozenset({"was", "were", "is", "are", "seemed"})
