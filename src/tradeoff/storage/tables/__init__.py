"""Every table of the workspace. Importing this package registers them all on ``Base.metadata``."""

from tradeoff.storage.tables.accounts import (
    AccountRow,
    CurrencyRateRow,
    ExternalKeyRow,
    PersonRow,
    WorkspaceSettingsRow,
)
from tradeoff.storage.tables.analysis import AnalysisRunRow, EmbeddingRow, ThemeCentroidRow
from tradeoff.storage.tables.base import Base
from tradeoff.storage.tables.deals import (
    CompetitorMentionRow,
    CompetitorRow,
    DealCompetitorRow,
    DealRow,
    LossClassificationRow,
)
from tradeoff.storage.tables.decisions import (
    AssumptionJudgementRow,
    AssumptionRow,
    DecisionLinkRow,
    DecisionRow,
    ExperimentRow,
)
from tradeoff.storage.tables.demand_kept import (
    DemandKeptDayRow,
    DemandKeptMoneyRow,
    DemandKeptReachRow,
    DemandKeptStateRow,
)
from tradeoff.storage.tables.evidence import (
    EvidenceItemRow,
    EvidenceThemeRow,
    ImportBatchRow,
    ImportChangeRow,
    ThemeRow,
)
from tradeoff.storage.tables.inbox import DataVersionRow, EvidenceWordRow
from tradeoff.storage.tables.praise import EvidencePraiseRow, EvidencePraiseStaleRow, PraiseMarkRow
from tradeoff.storage.tables.problems import (
    OpportunityEstimateRow,
    OpportunityProblemRow,
    OpportunityRow,
    ProblemEvidenceRow,
    ProblemRow,
    ProblemSymptomRow,
    ProblemThemeRow,
)
from tradeoff.storage.tables.strategy import (
    GoalRow,
    KeyResultRow,
    MetricDefinitionRow,
    MetricValueRow,
    ProductAreaRow,
    RoadmapChangeRow,
    RoadmapItemGoalRow,
    RoadmapItemOpportunityRow,
    RoadmapItemRow,
    TeamMemberRow,
)
from tradeoff.storage.tables.theme_summary import (
    ThemeAccountSummaryRow,
    ThemeDaySummaryRow,
    ThemeGroupDaySummaryRow,
    ThemeGroupReachSummaryRow,
    ThemeReachSummaryRow,
    ThemeSummaryDirtyRow,
)
from tradeoff.storage.tables.users import (
    ApiTokenRow,
    LoginAttemptRow,
    UserRow,
    WebSessionRow,
)

__all__ = [
    "AccountRow",
    "AnalysisRunRow",
    "ApiTokenRow",
    "AssumptionJudgementRow",
    "AssumptionRow",
    "Base",
    "CompetitorMentionRow",
    "CompetitorRow",
    "CurrencyRateRow",
    "DataVersionRow",
    "DealCompetitorRow",
    "DealRow",
    "DecisionLinkRow",
    "DecisionRow",
    "DemandKeptDayRow",
    "DemandKeptMoneyRow",
    "DemandKeptReachRow",
    "DemandKeptStateRow",
    "EmbeddingRow",
    "EvidenceItemRow",
    "EvidencePraiseRow",
    "EvidencePraiseStaleRow",
    "EvidenceThemeRow",
    "EvidenceWordRow",
    "ExperimentRow",
    "ExternalKeyRow",
    "GoalRow",
    "ImportBatchRow",
    "ImportChangeRow",
    "KeyResultRow",
    "LoginAttemptRow",
    "LossClassificationRow",
    "MetricDefinitionRow",
    "MetricValueRow",
    "OpportunityEstimateRow",
    "OpportunityProblemRow",
    "OpportunityRow",
    "PersonRow",
    "PraiseMarkRow",
    "ProblemEvidenceRow",
    "ProblemRow",
    "ProblemSymptomRow",
    "ProblemThemeRow",
    "ProductAreaRow",
    "RoadmapChangeRow",
    "RoadmapItemGoalRow",
    "RoadmapItemOpportunityRow",
    "RoadmapItemRow",
    "TeamMemberRow",
    "ThemeAccountSummaryRow",
    "ThemeCentroidRow",
    "ThemeDaySummaryRow",
    "ThemeGroupDaySummaryRow",
    "ThemeGroupReachSummaryRow",
    "ThemeReachSummaryRow",
    "ThemeRow",
    "ThemeSummaryDirtyRow",
    "UserRow",
    "WebSessionRow",
    "WorkspaceSettingsRow",
]
