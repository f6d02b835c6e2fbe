"""``/themes``: the same figures as the Themes page and ``tradeoff themes``, as JSON.

Counting is ``theme_profiles``' (one place); this module only pages and shapes it. A name
to check is ``names_to_check``'s, as in ``tradeoff themes --format json``.
"""

from __future__ import annotations

from fastapi import APIRouter

from tradeoff.analysis.edits import rename_theme
from tradeoff.analysis.label.counter import PRAISE_RULES
from tradeoff.analysis.theme_page import theme_page
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_name_checks import NameCheck, names_to_check
from tradeoff.storage.theme_profile import ThemeProfile, theme_profiles
from tradeoff.storage.themes import ThemeSummary, active_themes
from tradeoff.web.api.auth import ApiEditor, ApiViewer
from tradeoff.web.api.schemas import (
    Limit,
    NameCheckPublic,
    Offset,
    Page,
    QuotePublic,
    ThemeDetail,
    ThemePublic,
    ThemeRename,
)
from tradeoff.web.deps import EngineDep

router = APIRouter(tags=["themes"])


def public(
    summary: ThemeSummary, profile: ThemeProfile, check: NameCheck | None = None
) -> ThemePublic:
    return ThemePublic(
        id=summary.id,
        name=summary.name,
        parent_id=summary.parent_id,
        name_pinned=summary.name_pinned,
        name_to_check=NameCheckPublic(**check.to_json()) if check is not None else None,
        items=profile.items,
        accounts=profile.accounts,
        end_users=profile.end_users,
        observed_share=profile.observed_share,
        proxy_share=profile.proxy_share,
        first_seen=profile.first_seen,
        last_seen=profile.last_seen,
    )


@router.get("/themes")
def list_themes(
    engine: EngineDep, caller: ApiViewer, limit: Limit = 50, offset: Offset = 0
) -> Page[ThemePublic]:
    """Every active theme (sub-themes too, see ``parent_id``), in id order."""
    with read_session(engine) as session:
        summaries = active_themes(session)
        chosen = summaries[offset : offset + limit]
        profiles = theme_profiles(session, [s.id for s in chosen], praise=PRAISE_RULES)
        checks = names_to_check(session)
    items = [public(s, profiles[s.id], checks.get(s.id)) for s in chosen if s.id in profiles]
    return Page[ThemePublic](items=items, total=len(summaries), limit=limit, offset=offset)


@router.get("/themes/{theme_id}")
def get_theme(engine: EngineDep, caller: ApiViewer, theme_id: int) -> ThemeDetail:
    """One theme with its representative quotes and sub-themes, as on its page."""
    page = theme_page(engine, theme_id)
    with read_session(engine) as session:
        checks = names_to_check(session)
    return ThemeDetail(
        **public(page.theme, page.profile, checks.get(theme_id)).model_dump(),
        quotes=[QuotePublic(evidence_id=q.evidence_id, text=q.text) for q in page.quotes],
        subthemes=[
            public(child, profile, checks.get(child.id)) for child, profile in page.subthemes
        ],
        praised_in_themes=[a.theme.id for a in page.praise_of_area],
        speaks_well_of_theme=page.speaks_to.id if page.speaks_to else None,
    )


@router.post("/themes/{theme_id}/rename")
def rename(engine: EngineDep, caller: ApiEditor, theme_id: int, body: ThemeRename) -> ThemePublic:
    """Renames and pins the theme (as ``tradeoff rename``); editors and admins only."""
    rename_theme(engine, theme_id, body.name)
    with read_session(engine) as session:
        summary = next(s for s in active_themes(session) if s.id == theme_id)
        profile = theme_profiles(session, [theme_id], praise=PRAISE_RULES)[theme_id]
    return public(summary, profile)
