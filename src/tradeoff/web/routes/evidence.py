"""The evidence inbox: every item newest first, filtered in SQL, searched as ``tradeoff search``.

Pages are keyset-paginated (``before`` = the last id shown) rather than by OFFSET, so the
hundredth page of a million items costs what the first does: one range scan of the primary
key. Search is ``analysis.search.search``, the CLI's own, so both rank alike. Bulk actions
call ``analysis.edits.move_evidence`` and ``decisions.problems.link_problem``; the redirect
carries only numbers, and the page words the message itself, so no one can put text of their
choosing on our page through a link.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy import ColumnElement, Select, case, exists, or_, select
from sqlalchemy.orm import Session

from tradeoff.analysis.edits import move_evidence
from tradeoff.analysis.embed.registry import DEFAULT_EMBEDDER, embedder_named
from tradeoff.analysis.search import SearchFilters, SearchHit, search
from tradeoff.decisions.problems import link_problem
from tradeoff.domain.enums import INTERNAL_PROXY_ROLES, EvidenceKind, EvidenceMode
from tradeoff.errors import InputError
from tradeoff.storage.search import top_level_themes
from tradeoff.storage.session import read_session
from tradeoff.storage.tables import EvidenceItemRow, EvidenceThemeRow
from tradeoff.storage.tables.accounts import PersonRow
from tradeoff.storage.themes import ThemeSummary, active_themes
from tradeoff.web.deps import CheckedForm, Editor, EngineDep, Viewer
from tradeoff.web.templating import render

router = APIRouter()

PAGE_SIZE = 50


@dataclass(frozen=True)
class InboxFilters:
    """The GET parameters of ``/evidence``; None (or empty) means any."""

    source: str | None = None
    kind: EvidenceKind | None = None
    mode: EvidenceMode | None = None
    #: "proxy": relayed, or spoken by one of our people; "direct": otherwise.
    voice: str | None = None
    theme_id: int | None = None
    since: date | None = None
    until: date | None = None

    def query_string(self, **extra: Any) -> str:
        pairs = {
            "source": self.source,
            "kind": self.kind.value if self.kind else None,
            "mode": self.mode.value if self.mode else None,
            "voice": self.voice,
            "theme": self.theme_id,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
            **extra,
        }
        return urlencode({k: v for k, v in pairs.items() if v not in (None, "")})


@dataclass(frozen=True)
class InboxRow:
    id: int
    source: str
    external_id: str
    kind: str
    mode: str
    created_at: datetime
    title: str | None
    text: str
    proxy: bool
    theme: tuple[int, str] | None


def _is_proxy() -> ColumnElement[bool]:
    """The same rule as ``theme_profile``'s proxy share: relayed, or an internal speaker."""
    speaker_is_proxy = exists().where(
        PersonRow.id == EvidenceItemRow.person_id, PersonRow.role.in_(INTERNAL_PROXY_ROLES)
    )
    return or_(EvidenceItemRow.relayed_by_id.is_not(None), speaker_is_proxy)


def _filtered(query: Select[Any], filters: InboxFilters) -> Select[Any]:
    item = EvidenceItemRow
    if filters.source:
        query = query.where(item.source == filters.source.strip().lower())
    if filters.kind is not None:
        query = query.where(item.kind == filters.kind)
    if filters.mode is not None:
        query = query.where(item.mode == filters.mode)
    if filters.voice == "proxy":
        query = query.where(_is_proxy())
    elif filters.voice == "direct":
        query = query.where(~_is_proxy())
    if filters.theme_id is not None:
        filed = select(EvidenceThemeRow.evidence_id).where(
            EvidenceThemeRow.theme_id == filters.theme_id
        )
        query = query.where(item.id.in_(filed))
    if filters.since is not None:
        query = query.where(item.created_at >= _midnight(filters.since))
    if filters.until is not None:
        query = query.where(item.created_at < _midnight(filters.until + timedelta(days=1)))
    return query


def inbox_page(
    session: Session, filters: InboxFilters, before: int | None, size: int = PAGE_SIZE
) -> tuple[list[InboxRow], bool]:
    """One page of items, newest (highest id) first, and whether an older page follows."""
    item = EvidenceItemRow
    proxy = case((_is_proxy(), True), else_=False)
    query = select(
        item.id,
        item.source,
        item.external_id,
        item.kind,
        item.mode,
        item.created_at,
        item.title,
        item.text,
        proxy,
    )
    query = _filtered(query, filters)
    if before is not None:
        query = query.where(item.id < before)
    rows = session.execute(query.order_by(item.id.desc()).limit(size + 1)).all()
    shown = rows[:size]
    themes = top_level_themes(session, [row[0] for row in shown])
    page = [
        InboxRow(
            id=row[0],
            source=row[1],
            external_id=row[2],
            kind=row[3].value,
            mode=row[4].value,
            created_at=row[5],
            title=row[6],
            text=row[7],
            proxy=bool(row[8]),
            theme=themes.get(row[0]),
        )
        for row in shown
    ]
    return page, len(rows) > size


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


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
                since=_midnight(since) if since else None,
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
        "older": filters.query_string(before=rows[-1].id) if more else None,
        "first": filters.query_string() if before is not None else None,
        "message": _message(moved, linked, problem),
        "here": filters.query_string(q=query or None, before=before),
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
