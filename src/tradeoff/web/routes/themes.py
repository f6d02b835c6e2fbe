"""Themes: the list, one theme with its quotes, and renaming (editors).

The figures are ``storage.theme_profile``'s and the quotes ``representative_quotes``', as in
``tradeoff themes`` and ``tradeoff theme``, so the page and the terminal agree.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse

from tradeoff.analysis.edits import rename_theme
from tradeoff.analysis.label.counter import praise_cues
from tradeoff.analysis.theme_page import theme_page
from tradeoff.storage.session import read_session
from tradeoff.storage.theme_profile import theme_profiles
from tradeoff.storage.themes import active_themes
from tradeoff.web.deps import CheckedForm, Editor, EngineDep, Viewer
from tradeoff.web.templating import render

router = APIRouter()


@router.get("/themes")
def theme_list(request: Request, engine: EngineDep, signed: Viewer) -> Response:
    with read_session(engine) as session:
        everything = active_themes(session)
        profiles = theme_profiles(session, praise=praise_cues)
    tops = sorted(
        (s for s in everything if s.parent_id is None and s.id in profiles),
        key=lambda s: (-profiles[s.id].items, s.id),
    )
    rows = [(summary, profiles[summary.id]) for summary in tops]
    return render(request, "themes.html", {"rows": rows}, signed=signed)


@router.get("/themes/{theme_id}")
def theme_view(request: Request, engine: EngineDep, signed: Viewer, theme_id: int) -> Response:
    page = theme_page(engine, theme_id)
    context = {
        "theme": page.theme,
        "profile": page.profile,
        "quotes": page.quotes,
        "subthemes": page.subthemes,
    }
    return render(request, "theme.html", context, signed=signed)


@router.post("/themes/{theme_id}/rename")
def rename(engine: EngineDep, signed: Editor, form: CheckedForm, theme_id: int) -> Response:
    name = form.get("name")
    rename_theme(engine, theme_id, name if isinstance(name, str) else "")
    return RedirectResponse(f"/themes/{theme_id}", status_code=303)
