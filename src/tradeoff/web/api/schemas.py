"""The API's JSON shapes: one family per resource, and ``Page[T]`` for every list.

The figures come from the same functions as the pages and the CLI (``theme_profile``,
``problem_list``, ``assess_opportunities`` + ``frontier``, ``list_decisions``); these
models only fix their names and types, so the OpenAPI schema documents them.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Query
from pydantic import BaseModel, Field

T = TypeVar("T")
MAX_LIMIT = 500
#: ``?limit=50&offset=0``: a page of at most 500 items, so no request reads a million rows.
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page (at most 500).")]
Offset = Annotated[int, Query(ge=0, description="Items to skip.")]


class Page(BaseModel, Generic[T]):
    """One page of a list: ``total`` counts every match, not just this page's items."""

    items: list[T]
    total: int
    limit: int
    offset: int


class NameCheckPublic(BaseModel):
    """Why a name a person gave is to check: of ``items_named`` items it was given on,
    ``items_kept`` are still in the theme after the last rebuild, which brought
    ``items_new`` others (``overlap``: the Jaccard index; ``storage.theme_name_checks``)."""

    items_named: int
    items_kept: int
    items_new: int
    overlap: float
    flagged_at: datetime


class ThemePublic(BaseModel):
    id: int
    name: str
    parent_id: int | None
    name_pinned: bool
    #: Null, or the figures of a name a person gave that a rebuild kept while moving most
    #: of the theme's items (as ``tradeoff themes --format json``).
    name_to_check: NameCheckPublic | None = None
    items: int
    accounts: int
    end_users: int
    observed_share: float | None
    proxy_share: float | None
    first_seen: datetime | None
    last_seen: datetime | None


class QuotePublic(BaseModel):
    evidence_id: int
    text: str


class ThemeDetail(ThemePublic):
    quotes: list[QuotePublic]
    subthemes: list[ThemePublic]
    #: Praise themes speaking well of this theme's area (``analysis.label.area_praise``).
    praised_in_themes: list[int] = []
    #: For a praise theme: the theme whose area it speaks well of.
    speaks_well_of_theme: int | None = None


class ThemeRename(BaseModel):
    name: str = Field(min_length=1, max_length=300)


class EvidencePublic(BaseModel):
    id: int
    source: str
    external_id: str
    kind: str
    title: str | None
    text: str
    created_at: datetime
    account_id: int | None
    account: str | None
    theme_ids: list[int]


class ProblemPublic(BaseModel):
    id: int
    statement: str
    severity: str | None
    links: dict[str, int]
    demand: dict[str, Any] = Field(description="As in tradeoff problem list --format json.")


class DimensionPublic(BaseModel):
    """A 0..10 score with its range; ``known`` is false when it is only a guess."""

    value: float
    low: float
    high: float
    confidence: float
    origin: str
    basis: str
    known: bool
    reasoning: list[str]


class OpportunityPublic(BaseModel):
    """The three dimensions apart, never summed, and where the opportunity stands."""

    id: int
    title: str
    user_value: DimensionPublic
    viability: DimensionPublic
    feasibility: DimensionPublic
    on_frontier: bool
    dominated_by: list[int]
    certain: bool
    unknown: list[str]


class DecisionPublic(BaseModel):
    id: int
    question: str
    status: str
    shown_status: str
    supersedes: int | None
    superseded_by: int | None
    context: str | None
    options: list[str]
    chosen: str | None
    tradeoffs_accepted: str | None
    not_optimising_for: str | None
    assumptions: list[str]
    signals: list[str]
    owner: str | None
    stakeholders: list[str]
    decided_on: str | None
    requested_by: str | None
    reply: str | None
    links: list[str]
    recorded_at: datetime
