"""The evidence inbox: every item newest first, filtered and searched in SQL.

Pages are keyset-paginated (``before`` = the last id shown) rather than by OFFSET, so the
hundredth page of a million items costs what the first does. Search has two modes. By
words (the default) it reads the word index migration 0008 keeps (every word must occur;
results stay newest first, every filter applies, pages follow one another): fast at any
size. By meaning (``meaning=1``) it is ``analysis.search.search``, the CLI's own hybrid
search, which finds paraphrases but scores the whole workspace — seconds at a million
items — and honours only source, kind, theme and "from". Bulk actions call
``analysis.edits.move_evidence``, ``decisions.problems.link_problem`` and
``storage.evidence_inbox.mark_duplicates`` (the first two with ``carry=False``: the
background catch-up keeps demand figures again, off the request path); the redirect
carries only numbers, and the page
words the message itself, so no one can put text of their choosing on our page through a
link.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar
from urllib.parse import parse_qsl, urlencode

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import RedirectResponse
from sqlalchemy import Engine

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
    mark_duplicates,
    midnight,
    original_of,
    search_words,
)
from tradeoff.storage.evidence_words import SEPARATORS, word_keys
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.themes import ThemeSummary, active_themes
from tradeoff.web.deps import CheckedForm, Editor, EngineDep, Viewer
from tradeoff.web.templating import render

router = APIRouter()
T = TypeVar("T")

#: Characters of a search-result excerpt before the first matched word.
LEAD = 80
EXCERPT = 300
_PIECES = re.compile("([" + re.escape(SEPARATORS) + "]+)")


def _message(
    moved: int | None,
    linked: int | None,
    problem: int | None,
    marked: int | None,
    original: int | None,
) -> str | None:
    if moved is not None:
        return f"Moved {moved} item{'s' if moved != 1 else ''} (copies included)."
    if linked is not None and problem is not None:
        return f"Linked {linked} new item{'s' if linked != 1 else ''} to problem {problem}."
    if marked is not None and original is not None:
        return f"Marked {marked} item{'s' if marked != 1 else ''} as duplicates of item {original}."
    return None


def _highlighted(hit: SearchHit) -> list[tuple[str, bool]]:
    """The snippet as (text, highlighted) pieces, so the template escapes every piece."""
    pieces, at = [], 0
    text = hit.snippet.text
    for start, end in hit.snippet.highlights:
        pieces += [(text[at:start], False), (text[start:end], True)]
        at = end
    return [p for p in [*pieces, (text[at:], False)] if p[0]]


def marked_words(text: str, words: tuple[str, ...]) -> list[tuple[str, bool]]:
    """An excerpt of ``text`` as (piece, is a searched word) pairs, starting a little before
    the first searched word; words are cut exactly as the word index cuts them."""
    wanted = set(words)
    # A run of unspaced letters (Japanese, Chinese, Thai) is one piece holding many keys.
    pieces = [(p, not wanted.isdisjoint(word_keys(p))) for p in _PIECES.split(text)]
    offsets, at = [], 0
    for piece, _ in pieces:
        offsets.append(at)
        at += len(piece)
    first = next((offsets[i] for i, (_, hit) in enumerate(pieces) if hit), 0)
    start = max(0, first - LEAD)
    excerpt: list[tuple[str, bool]] = [("…", False)] if start else []
    for (piece, hit), offset in zip(pieces, offsets, strict=True):
        if offset + len(piece) <= start or offset >= start + EXCERPT:
            continue
        excerpt.append((piece[max(0, start - offset) :], hit))
    if at > start + EXCERPT:
        excerpt.append(("…", False))
    return excerpt


Maybe = Annotated[str | None, Query(max_length=300)]


def _parsed(value: str | None, parse: Callable[[str], T], what: str) -> T | None:
    """A filter's value; empty means any, as an untouched field of the GET form sends it."""
    if value is None or not value.strip():
        return None
    try:
        return parse(value.strip())
    except ValueError:
        raise InputError(f"{value.strip()!r} is not a {what}.") from None


@router.get("/evidence")
def evidence_inbox(
    request: Request,
    engine: EngineDep,
    signed: Viewer,
    q: Maybe = None,
    meaning: Annotated[bool, Query()] = False,
    source: Maybe = None,
    kind: Maybe = None,
    mode: Maybe = None,
    voice: Annotated[str | None, Query(pattern="^(proxy|direct)?$")] = None,
    theme: Maybe = None,
    since: Maybe = None,
    until: Maybe = None,
    account: Annotated[str | None, Query(max_length=300)] = None,
    segment: Annotated[str | None, Query(max_length=100)] = None,
    copies: Annotated[str | None, Query(pattern="^(hide)?$")] = None,
    before: Annotated[int | None, Query(ge=1)] = None,
    moved: Annotated[int | None, Query(ge=0)] = None,
    linked: Annotated[int | None, Query(ge=0)] = None,
    problem: Annotated[int | None, Query(ge=1)] = None,
    marked: Annotated[int | None, Query(ge=0)] = None,
    original: Annotated[int | None, Query(ge=1)] = None,
) -> Response:
    query = (q or "").strip()
    by_meaning = bool(query) and meaning
    words = search_words(query) if query and not by_meaning else ()
    filters = InboxFilters(
        source=source or None,
        kind=_parsed(kind, EvidenceKind, "kind"),
        mode=_parsed(mode, EvidenceMode, "mode"),
        voice=voice or None,
        theme_id=_parsed(theme, int, "theme id"),
        since=_parsed(since, date.fromisoformat, "date"),
        until=_parsed(until, date.fromisoformat, "date"),
        account=(account or "").strip() or None,
        segment=(segment or "").strip() or None,
        words=words,
        copies=copies or None,
    )
    rows: list[InboxRow] = []
    more = False
    hits = _meaning_hits(engine, query, filters) if by_meaning else []
    with read_session(engine) as session:
        themes: list[ThemeSummary] = active_themes(session)
        if not by_meaning:
            rows, more = inbox_page(session, filters, before)
    searched = {"q": query or None, "meaning": 1 if by_meaning else None}
    context = {
        "filters": filters,
        "q": query,
        "meaning": by_meaning,
        "rows": [(row, marked_words(row.text, words) if words else None) for row in rows],
        "hits": hits,
        "themes": themes,
        "kinds": list(EvidenceKind),
        "modes": list(EvidenceMode),
        "older": query_string(filters, **searched, before=rows[-1].id) if more else None,
        "first": query_string(filters, **searched) if before is not None else None,
        "message": _message(moved, linked, problem, marked, original),
        "here": query_string(filters, **searched, before=before),
    }
    return render(request, "evidence.html", context, signed=signed)


def _meaning_hits(
    engine: Engine, query: str, filters: InboxFilters
) -> list[tuple[SearchHit, list[tuple[str, bool]]]]:
    found = search(
        engine,
        query,
        embedder=embedder_named(DEFAULT_EMBEDDER),
        limit=PAGE_SIZE,
        filters=SearchFilters(
            source=filters.source,
            kind=filters.kind,
            theme_id=filters.theme_id,
            since=midnight(filters.since) if filters.since else None,
        ),
    )
    return [(hit, _highlighted(hit)) for hit in found]


@router.post("/evidence/bulk")
def bulk_action(engine: EngineDep, signed: Editor, form: CheckedForm) -> Response:
    """Move the ticked items to a theme, link them to a problem, or mark them duplicates of
    an original; then back to the list."""
    ids = [
        int(v)
        for v in form.getlist("evidence_id")
        if isinstance(v, str) and v.isascii() and v.isdigit()
    ]
    if not ids:
        raise InputError("Tick at least one evidence item first.")
    action, target = form.get("action"), str(form.get("target") or "").strip()
    if not (target.isascii() and target.isdigit()):
        raise InputError("Give the id of the theme, problem or original item.")
    back = str(form.get("back") or "")
    done: dict[str, int]
    if action == "move":
        done = {"moved": len(move_evidence(engine, ids, int(target), carry=False))}
    elif action == "link":
        report = link_problem(engine, int(target), evidence_ids=ids, carry=False)
        done = {"linked": report.evidence, "problem": int(target)}
    elif action == "duplicate":
        with write_session(engine) as session:
            original = original_of(session, int(target))
            marked = mark_duplicates(session, ids, original)
        done = {"marked": len(marked), "original": original}
    else:
        raise InputError(
            "Choose an action: move to a theme, link to a problem, or mark as duplicates."
        )
    return RedirectResponse(f"/evidence?{_safe_back(back)}{urlencode(done)}", status_code=303)


def _safe_back(back: str) -> str:
    """The list's own filters, kept only if they are a plain query string of ours."""
    allowed = {"q", "meaning", "source", "kind", "mode", "voice", "theme", "since", "until",
               "account", "segment", "copies", "before"}  # fmt: skip
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
        "account": filters.account,
        "segment": filters.segment,
        "copies": filters.copies,
        **extra,
    }
    return urlencode({k: v for k, v in pairs.items() if v not in (None, "")})
