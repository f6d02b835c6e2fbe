"""The closed vocabularies of the product. Values are stored as text, so they never change."""

from __future__ import annotations

from enum import StrEnum


class AccountLifecycle(StrEnum):
    PROSPECT = "prospect"
    CUSTOMER = "customer"
    CHURNED = "churned"


class PersonRole(StrEnum):
    END_USER = "end_user"
    BUYER = "buyer"
    CHAMPION = "champion"
    ADMIN = "admin"
    SALES = "sales"
    CSM = "csm"
    SUPPORT = "support"
    EXECUTIVE = "executive"
    UNKNOWN = "unknown"

    @property
    def is_internal_proxy(self) -> bool:
        """Our own people relay what customers said: partial and filtered (principle 6)."""
        return self in INTERNAL_PROXY_ROLES


INTERNAL_PROXY_ROLES = frozenset(
    {PersonRole.SALES, PersonRole.CSM, PersonRole.SUPPORT, PersonRole.EXECUTIVE}
)


class EvidenceKind(StrEnum):
    TICKET = "ticket"
    CHAT = "chat"
    INTERVIEW = "interview"
    CALL = "call"
    SURVEY = "survey"
    REVIEW = "review"
    DEAL_NOTE = "deal_note"
    USAGE_OBSERVATION = "usage_observation"
    INTERNAL_REQUEST = "internal_request"


class EvidenceMode(StrEnum):
    """Observed behaviour (what people did) versus stated preference (what they said)."""

    OBSERVED = "observed"
    STATED = "stated"


class AssignedBy(StrEnum):
    MODEL = "model"
    PERSON = "person"


class ThemeStatus(StrEnum):
    ACTIVE = "active"
    MERGED = "merged"
    ARCHIVED = "archived"


class OpportunityStatus(StrEnum):
    IDEA = "idea"
    EXPLORING = "exploring"
    COMMITTED = "committed"
    SHIPPED = "shipped"
    NOT_YET = "not_yet"
    REJECTED = "rejected"


class DealOutcome(StrEnum):
    OPEN = "open"
    WON = "won"
    LOST = "lost"


class CompetitorKind(StrEnum):
    """What a buyer chose instead of us: not only rival products (principle 3)."""

    DIRECT = "direct"
    OTHER_CATEGORY = "other_category"
    HOMEGROWN = "homegrown"
    SPREADSHEET = "spreadsheet"
    AGENCY = "agency"
    STATUS_QUO = "status_quo"


class MentionStance(StrEnum):
    """Where a customer stands towards a competitor they name: one they left for us is a
    win story, one they weigh leaving for is a risk, and most names are neither."""

    CAME_FROM = "came_from"
    LEAVING_FOR = "leaving_for"
    NAMED = "named"


class LossCategory(StrEnum):
    """Why deals are lost, beyond features: the taxonomy ``tradeoff sales`` reports by."""

    PRODUCT_GAP = "product_gap"
    PRICE_BUDGET = "price_budget"
    VALUE_NOT_PROVEN = "value_not_proven"
    CONFIDENCE_RISK = "confidence_risk"
    RELATIONSHIP = "relationship"
    ALIGNMENT = "alignment"
    TIMING_NO_DECISION = "timing_no_decision"
    STATUS_QUO = "status_quo"
    #: Not a loss: the deal was never real (a duplicate, spam, a test, an unqualified lead).
    #: Left out of win rates and lost revenue (docs/sales.md).
    DISQUALIFIED = "disqualified"
    UNCLASSIFIED = "unclassified"


class CompetitorRelation(StrEnum):
    EVALUATED = "evaluated"
    LOST_TO = "lost_to"
    WON_AGAINST = "won_against"


class MetricDirection(StrEnum):
    UP_IS_GOOD = "up"
    DOWN_IS_GOOD = "down"


class MetricKind(StrEnum):
    """Outcome metrics measure results; activity metrics measure output (principle 1)."""

    OUTCOME = "outcome"
    ACTIVITY = "activity"


class DecisionStatus(StrEnum):
    PROPOSED = "proposed"
    DECIDED = "decided"
    NOT_YET = "not_yet"
    SUPERSEDED = "superseded"
    REVERSED = "reversed"


class Level(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class AssumptionStatus(StrEnum):
    UNTESTED = "untested"
    TESTING = "testing"
    VALIDATED = "validated"
    INVALIDATED = "invalidated"


class ExperimentStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CONCLUDED = "concluded"
    ABANDONED = "abandoned"


class ExperimentResult(StrEnum):
    PENDING = "pending"
    PASSED = "passed"
    FAILED = "failed"
    INCONCLUSIVE = "inconclusive"


class RoadmapHorizon(StrEnum):
    NOW = "now"
    NEXT = "next"
    LATER = "later"
    QUARTER = "quarter"


class RoadmapStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    SHIPPED = "shipped"
    DROPPED = "dropped"


class RoadmapChangeKind(StrEnum):
    """What a roadmap change moved: its column, its rank within the column, or its status."""

    HORIZON = "horizon"
    RANK = "rank"
    STATUS = "status"
    CREATED = "created"


class ImportStatus(StrEnum):
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"
    UNDONE = "undone"
