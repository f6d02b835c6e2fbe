"""Themes: the list, one theme with its quotes and items, and people's edits (editors).

The figures are ``storage.theme_profile``'s and the quotes ``representative_quotes``', as in
``tradeoff themes`` and ``tradeoff theme``, so the page and the terminal agree; a name a
rebuild made doubtful is marked as there (``storage.theme_name_checks``), read now. Rename,
keeping the name (a rename to the name it has), merge, split, move and restore call
``analysis.edits``, the functions behind ``tradeoff rename|merge|split|move|restore``, so an edit
made here survives re-analysis exactly as one made in the terminal. They
run with ``carry=False``: kept demand figures are kept again by the background catch-up
(``web.catch_up``), so no request pays for them (seconds at a million items).

After an edit the browser is sent to the resulting theme with numbers in the query string
only; the page words the confirmation itself, so no link can put text of someone's choosing
on our page. A refused edit re-renders the theme with the one-line reason and changes nothing.
A theme a rebuild retired that still has items here has a page of its own: what happened to
it and, for editors, the "Restore" button (``storage.theme_restore``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy.orm import Session
from starlette.datastructures import FormData

from tradeoff.analysis.edits import (
    merge_themes,
    move_evidence,
    rename_theme,
    restore_theme,
    split_theme,
)
from tradeoff.analysis.label.counter import speaking_well
from tradeoff.analysis.theme_page import (
    TREND_MONTHS,
    ahead_words,
    month_sparkline,
    said_once,
    so_far,
    trend_months,
    trend_words,
)
from tradeoff.errors import InputError, NotFound, TradeoffError
from tradeoff.storage.evidence_inbox import InboxFilters, inbox_page
from tradeoff.storage.session import read_session
from tradeoff.storage.tables import ThemeRow
from tradeoff.storage.theme_name_checks import names_to_check
from tradeoff.storage.theme_restore import restorable, retired_members
from tradeoff.storage.themes import active_themes, not_active
from tradeoff.web.deps import CheckedForm, Editor, EngineDep, Signed, Viewer, background
from tradeoff.web.templating import render
from tradeoff.web.theme_figures import theme_list_lookup, theme_page_lookup

router = APIRouter()

Count = Annotated[int | None, Query(ge=0)]
ThemeId = Annotated[int | None, Query(ge=1)]


@router.get("/themes")
def theme_list(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    """Themes largest first; their figures as kept (see ``web.theme_figures``)."""
    with read_session(engine) as session:
        everything = active_themes(session)
        checks = names_to_check(session)
    kept = theme_list_lookup(engine, background=background(request))
    rows = []
    if kept.value is not None:
        profiles, demand = kept.value.profiles, kept.value.demand
        tops = sorted(
            (s for s in everything if s.parent_id is None and s.id in profiles),
            key=lambda s: (-profiles[s.id].items, s.id),
        )
        rows = [
            (s, profiles[s.id], trend_months(profiles[s.id].trend), demand.get(s.id)) for s in tops
        ]
    context = {
        "rows": rows,
        "kept": kept,
        "sparkline": month_sparkline,
        "so_far": so_far,
        "name_checks": checks,
        "any_name_check": any(row[0].id in checks for row in rows),
    }
    return render(request, "themes.html", context, signed=signed)


@router.get("/themes/{theme_id}")
def theme_view(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    theme_id: int,
    before: ThemeId = None,
    renamed: Annotated[bool, Query()] = False,
    kept_name: Annotated[bool, Query()] = False,
    merged: ThemeId = None,
    split_from: ThemeId = None,
    moved: Count = None,
    moved_from: ThemeId = None,
    restored: Count = None,
) -> Response:
    message = _confirmation(renamed, kept_name, merged, split_from, moved, moved_from, restored)
    return _theme_response(request, engine, signed, theme_id, before=before, message=message)


@router.post("/themes/{theme_id}/rename")
def rename(
    request: Request, engine: EngineDep, signed: Editor, form: CheckedForm, theme_id: int
) -> Response:
    """Rename and pin, as ``tradeoff rename``. The page's "Keep the name" button sends the
    name as it is (``keep=1``): the same edit, which ends a mark that it is to check."""
    try:
        rename_theme(engine, theme_id, _text(form, "name"))
    except TradeoffError as error:
        return _refused(request, engine, signed, theme_id, error)
    if _text(form, "keep") == "1":
        return _to_theme(theme_id, kept_name=1)
    return _to_theme(theme_id, renamed=1)


@router.post("/themes/{theme_id}/merge")
def merge(
    request: Request, engine: EngineDep, signed: Editor, form: CheckedForm, theme_id: int
) -> Response:
    """Fold this theme into the chosen one, as ``tradeoff merge``; then show that one."""
    try:
        target = _chosen_theme(form, "Choose the theme to merge this one into.")
        merge_themes(engine, source_id=theme_id, target_id=target, carry=False)
    except TradeoffError as error:
        return _refused(request, engine, signed, theme_id, error)
    return _to_theme(target, merged=theme_id)


@router.post("/themes/{theme_id}/split")
def split(
    request: Request, engine: EngineDep, signed: Editor, form: CheckedForm, theme_id: int
) -> Response:
    """Carve the ticked items into a new theme, as ``tradeoff split``; then show the new one."""
    try:
        ids = _ticked(form, "Tick the items to split off into the new theme.")
        new_id = split_theme(engine, theme_id, ids, _text(form, "name"), carry=False)
    except TradeoffError as error:
        return _refused(request, engine, signed, theme_id, error)
    return _to_theme(new_id, split_from=theme_id, moved=len(ids))


@router.post("/themes/{theme_id}/move")
def move(
    request: Request, engine: EngineDep, signed: Editor, form: CheckedForm, theme_id: int
) -> Response:
    """File the ticked items under another theme, as ``tradeoff move``; then show that one."""
    try:
        ids = _ticked(form, "Tick the items to move.")
        target = _chosen_theme(form, "Choose the theme to move the items to.")
        if target == theme_id:
            raise InputError(f"the items are already in theme {theme_id}: choose another theme")
        moved_ids = move_evidence(engine, ids, target, carry=False)
    except TradeoffError as error:
        return _refused(request, engine, signed, theme_id, error)
    return _to_theme(target, moved=len(moved_ids), moved_from=theme_id)


@router.post("/themes/{theme_id}/restore")
def restore(
    request: Request, engine: EngineDep, signed: Editor, form: CheckedForm, theme_id: int
) -> Response:
    """Bring back a theme a rebuild retired, as ``tradeoff restore``; then show it."""
    try:
        done = restore_theme(engine, theme_id, carry=False)
    except TradeoffError as error:
        return _refused(request, engine, signed, theme_id, error)
    return _to_theme(theme_id, restored=done.items)


def _theme_response(
    request: Request,
    engine: EngineDep,
    signed: Signed,
    theme_id: int,
    *,
    before: int | None = None,
    message: str | None = None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    """The theme page: its name and items read now; figures and quotes as kept (see
    ``web.theme_figures``), so the page never waits for them."""
    with read_session(engine) as session:
        summaries = active_themes(session)
        theme = next((s for s in summaries if s.id == theme_id), None)
        if theme is None:
            if not restorable(session, theme_id):
                raise NotFound(not_active(session, theme_id))
            return _retired_response(request, session, signed, theme_id, error, status_code)
        items, more = inbox_page(session, InboxFilters(theme_id=theme_id), before)
        name_checks = names_to_check(session)
    kept = theme_page_lookup(engine, theme_id, background=background(request))
    page = kept.value
    others = [t for t in summaries if t.id != theme_id]
    level = theme.parent_id is None
    trend = page.profile.trend if page else None
    # Every month since the first item, at least a year, as `tradeoff theme` draws them.
    months = trend_months(trend, max(TREND_MONTHS, len(trend.months))) if trend else []
    context = {
        "theme": theme,
        "name_check": name_checks.get(theme_id),
        "name_checks": name_checks,
        "kept": kept,
        "profile": page.profile if page else None,
        "months": months,
        "bars": so_far(month_sparkline(months), trend.filling_month is not None) if trend else "",
        "trend_words": trend_words(trend) if trend else "",
        "ahead": ahead_words(trend) if trend else None,
        "quotes": page.quotes if page else (),
        "subthemes": page.subthemes if page else (),
        "counter": said_once(page.profile.counter_evidence) if page else (),
        "counter_count": speaking_well(page.profile.counter_evidence_count) if page else "",
        "praise_of_area": [(a, said_once(a.said)) for a in page.praise_of_area] if page else (),
        "speaks_to": page.speaks_to if page else None,
        "items": items,
        "older": items[-1].id if more else None,
        "paged": before is not None,
        # merge_themes joins themes of one level only: offer just those.
        "merge_targets": [t for t in others if (t.parent_id is None) is level],
        "move_targets": others,
        "message": message,
        "error": error,
    }
    return render(request, "theme.html", context, signed=signed, status_code=status_code)


def _retired_response(
    request: Request,
    session: Session,
    signed: Signed,
    theme_id: int,
    error: str | None,
    status_code: int,
) -> Response:
    """A retired theme's page: what happened to it, and the button that brings it back."""
    row = session.get(ThemeRow, theme_id)
    assert row is not None
    context = {
        "theme_id": theme_id,
        "name": row.name,
        "pinned": row.name_pinned,
        "said": not_active(session, theme_id),
        "items": len(retired_members(session, theme_id)),
        "error": error,
    }
    return render(request, "theme_retired.html", context, signed=signed, status_code=status_code)


def _refused(
    request: Request, engine: EngineDep, signed: Signed, theme_id: int, error: TradeoffError
) -> Response:
    """The theme again with the reason; an unknown theme is the 404 page instead."""
    status = 404 if isinstance(error, NotFound) else 400
    return _theme_response(request, engine, signed, theme_id, error=str(error), status_code=status)


def _confirmation(
    renamed: bool,
    kept_name: bool,
    merged: int | None,
    split_from: int | None,
    moved: int | None,
    moved_from: int | None,
    restored: int | None = None,
) -> str | None:
    items = f"{moved} item{'s' if moved != 1 else ''}"
    if renamed:
        return "Renamed; the name is pinned, so re-analysis keeps it."
    if kept_name:
        return "Name kept; it is pinned, so re-analysis keeps it."
    if merged is not None:
        return f"Merged theme {merged} into this theme; re-analysis keeps the merge."
    if split_from is not None and moved is not None:
        return f"Split {items} off theme {split_from} into this new theme."
    if moved is not None and moved_from is not None:
        return f"Moved {items} (copies included) here from theme {moved_from}."
    if restored is not None:
        return (
            f"Restored with {restored} item{'s' if restored != 1 else ''}; it is a person's "
            "theme now, so re-analysis keeps it."
        )
    return None


def _to_theme(theme_id: int, **done: int) -> RedirectResponse:
    query = "&".join(f"{key}={value}" for key, value in done.items())
    return RedirectResponse(f"/themes/{theme_id}?{query}", status_code=303)


def _text(form: FormData, field: str) -> str:
    value = form.get(field)
    return value if isinstance(value, str) else ""


def _chosen_theme(form: FormData, missing: str) -> int:
    value = _text(form, "target").strip()
    if not (value.isascii() and value.isdigit()):
        raise InputError(missing)
    return int(value)


def _ticked(form: FormData, missing: str) -> list[int]:
    ids = [
        int(v)
        for v in form.getlist("evidence_id")
        if isinstance(v, str) and v.isascii() and v.isdigit()
    ]
    if not ids:
        raise InputError(missing)
    return ids
