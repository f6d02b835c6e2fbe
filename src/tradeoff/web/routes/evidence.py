"""The evidence inbox: every item newest first, filtered in SQL, searched as ``tradeoff search``.

Pages are keyset-paginated (``before`` = the last id shown) rather than by OFFSET, so the
hundredth page of a million items costs what the first does: one range scan of the primary
key. Search is ``analysis.search.search``, the CLI's own, so both rank alike. Bulk actions
call ``analysis.edits.move_evidence`` and ``decisions.problems.link_problem``; the redirect
carries only numbers, and the page words the message itself, so no one can put text of their
choosing on our page through a link.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse

from tradeoff.analysis.edits import move_evidence
from tradeoff.analysis.embed.registry import DEFAULT_EMBEDDER, embedder_named
from tradeoff.analysis.search import SearchFilters, SearchHit, search
from tradeoff.decisions.problems import link_problem
from tradeoff.domain.enums import EvidenceKind, EvidenceMode
from tradeoff.errors import InputError
from tradeoff.storage.evidence_inbox import (
    PAGE_SIZE,
    InboxFilters,
    InboxRow,
    inbox_page,
    midnight,
)
from tradeoff.storage.session import read_session
from tradeoff.storage.themes import ThemeSummary, active_themes
from tradeoff.web.deps import CheckedForm, Editor, EngineDep, Viewer
from tradeoff.web.templating import render

router = APIRouter()


def _message(moved: int | None, linked: int | None, problem: int | None) -> str | None:
    if moved is not None:
        return f"Moved {moved} item{'s' if moved != 1 else ''} (copies included)."
    if linked is not None and problem is not None:
        return f"Linked {linked} new item{'s' if linked != 1 else ''} to problem {problem}."
    return None


def _highlighted(hit: SearchHit) -> list[tuple[str, bool]]:
    """The snippet as (text, highlighted) pieces, so the template escapes every piece."""
    pieces, at = [], 0
    text = hit.snippet.text
    for start, end in hit.snippet.highlights:
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    return [p for p in [*pieces, (text[at:], False)] if p[0]]


Maybe = Annotated[str | None, Query()]


@router.get("/evidence")
def evidence_inbox(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    q: Maybe = None,
    source: Maybe = None,
    kind: Annotated[EvidenceKind | None, Query()] = None,
    mode: Annotated[EvidenceMode | None, Query()] = None,
    voice: Annotated[str | None, Query(pattern="^(proxy|direct)?$")] = None,
    theme: Annotated[int | None, Query()] = None,
    since: Annotated[date | None, Query()] = None,
    until: Annotated[date | None, Query()] = None,
    before: Annotated[int | None, Query(ge=1)] = None,
    moved: Annotated[int | None, Query(ge=0)] = None,
    linked: Annotated[int | None, Query(ge=0)] = None,
    problem: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    filters = InboxFilters(source or None, kind, mode, voice or None, theme, since, until)
    query = (q or "").strip()
    rows: list[InboxRow] = []
    hits: list[tuple[SearchHit, list[tuple[str, bool]]]] = []
    more = False
    if query:
        found = search(
            engine,
            query,
            embedder=embedder_named(DEFAULT_EMBEDDER),
            limit=PAGE_SIZE,
            filters=SearchFilters(
                source=filters.source,
                kind=kind,
                theme_id=theme,
                since=midnight(since) if since else None,
            ),
        )
        hits = [(hit, _highlighted(hit)) for hit in found]
    with read_session(engine) as session:
        themes: list[ThemeSummary] = active_themes(session)
        if not query:
            rows, more = inbox_page(session, filters, before)
    context = {
        "filters": filters,
        "q": query,
        "rows": rows,
        "hits": hits,
        "themes": themes,
        "kinds": list(EvidenceKind),
        "modes": list(EvidenceMode),
        "older": query_string(filters, before=rows[-1].id) if more else None,
        "first": query_string(filters) if before is not None else None,
        "message": _message(moved, linked, problem),
        "here": query_string(filters, q=query or None, before=before),
    }
    return render(request, "evidence.html", context, signed=signed)


@router.post("/evidence/bulk")
def bulk_action(engine: EngineDep, signed: Editor, form: CheckedForm) -> Response:
    """Move the ticked items to a theme, or link them to a problem; then back to the list."""
    ids = [
        int(v)
        for v in form.getlist("evidence_id")
        if isinstance(v, str) and v.isascii() and v.isdigit()
    ]
    if not ids:
        raise InputError("Tick at least one evidence item first.")
    action, target = form.get("action"), str(form.get("target") or "").strip()
    if not (target.isascii() and target.isdigit()):
        raise InputError("Give the id of the theme or problem.")
    back = str(form.get("back") or "")
    if action == "move":
        done = {"moved": len(move_evidence(engine, ids, int(target)))}
    elif action == "link":
        report = link_problem(engine, int(target), evidence_ids=ids)
        done = {"linked": report.evidence, "problem": int(target)}
    else:
        raise InputError("Choose an action: move to a theme, or link to a problem.")
    return RedirectResponse(f"/evidence?{_safe_back(back)}{urlencode(done)}", status_code=303)


def _safe_back(back: str) -> str:
    """The list's own filters, kept only if they are a plain query string of ours."""
    allowed = {"q", "source", "kind", "mode", "voice", "theme", "since", "until", "before"}
    pairs = [(k, v) for k, v in parse_qsl(back) if k in allowed]
    return urlencode(pairs) + "&" if pairs else ""


def query_string(filters: InboxFilters, **extra: Any) -> str:
    """The filters (and ``extra``) as the inbox's GET parameters, empty ones left out."""
    pairs = {
        "source": filters.source,
        "kind": filters.kind.value if filters.kind else None,
        "mode": filters.mode.value if filters.mode else None,
        "voice": filters.voice,
        "theme": filters.theme_id,
        "since": filters.since.isoformat() if filters.since else None,
        "until": filters.until.isoformat() if filters.until else None,
        **extra,
    }
    return urlencode({k: v for k, v in pairs.items() if v not in (None, "")})
