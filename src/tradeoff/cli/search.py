"""``tradeoff search QUERY``: a thin shell over ``tradeoff.analysis.search``."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from tradeoff.analysis.embed.registry import DEFAULT_EMBEDDER, EMBEDDERS, embedder_named
from tradeoff.analysis.run import found_with
from tradeoff.analysis.search import SearchFilters, SearchHit, search
from tradeoff.cli.context import console, open_workspace
from tradeoff.domain.enums import EvidenceKind


class SearchFormat(StrEnum):
    TABLE = "table"
    JSON = "json"


def search_command(
    ctx: typer.Context,
    query: Annotated[
        str, typer.Argument(help='Words to look for; a "quoted phrase" must occur as typed.')
    ],
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many items.")] = 20,
    source: Annotated[
        str | None, typer.Option(help="Only evidence from this source (zendesk, intercom, ...).")
    ] = None,
    kind: Annotated[EvidenceKind | None, typer.Option(help="Only evidence of this kind.")] = None,
    theme: Annotated[
        int | None, typer.Option(help="Only evidence filed under this theme or sub-theme id.")
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(
            formats=["%Y-%m-%d"],
            metavar="YYYY-MM-DD",
            help="Only evidence created on or after this day.",
        ),
    ] = None,
    embedder: Annotated[
        str | None,
        typer.Option(
            help=f"How meaning is read: {', '.join(EMBEDDERS)}. [default: the one the themes "
            f"were found with, else {DEFAULT_EMBEDDER}]"
        ),
    ] = None,
    output_format: Annotated[
        SearchFormat, typer.Option("--format", help="table, or json for scripts.")
    ] = SearchFormat.TABLE,
) -> None:
    """Find evidence by keywords and by meaning together, best first.

    Keyword relevance (BM25) finds the exact words; meaning (embeddings) finds paraphrases
    that share none. Copies of an item are folded into it. Evidence not embedded yet is
    embedded first, so it works before tradeoff analyze.

    Example: tradeoff search "card declined" --since 2026-01-01 --limit 10
    """
    engine = open_workspace(ctx)
    filters = SearchFilters(
        source=source,
        kind=kind,
        theme_id=theme,
        since=since.replace(tzinfo=UTC) if since is not None else None,
    )
    # The themes' embedder by default: its vectors are cached already, and a workspace
    # analysed with minilm should not be searched with the static one without asking.
    chosen = embedder_named(embedder or found_with(engine) or DEFAULT_EMBEDDER)
    hits = search(engine, query, embedder=chosen, limit=limit, filters=filters)
    if output_format is SearchFormat.JSON:
        document = [_as_json(hit) for hit in hits]
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    if not hits:
        console.print(Text(f"No evidence matches {query!r}."))
        return
    table = Table("id", "source", "date", "theme", "match", "evidence", show_edge=False)
    for hit in hits:
        table.add_row(
            str(hit.evidence_id),
            Text(f"{hit.source} {hit.external_id}"),
            hit.created_at.date().isoformat(),
            Text(hit.theme or "—"),
            hit.matched.value,
            _snippet_text(hit),
        )
    console.print(table)


def _snippet_text(hit: SearchHit) -> Text:
    """The snippet as a Text, never as markup: customer words are shown literally."""
    text = Text(hit.snippet.text)
    for start, end in hit.snippet.highlights:
        text.stylize("bold", start, end)
    if hit.copies:
        text.append(f"  (+{hit.copies} {'copy' if hit.copies == 1 else 'copies'})", "dim")
    return text


def _as_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "evidence_id": hit.evidence_id,
        "source": hit.source,
        "external_id": hit.external_id,
        "kind": hit.kind,
        "created_at": hit.created_at.isoformat(),
        "theme_id": hit.theme_id,
        "theme": hit.theme,
        "score": round(hit.score, 6),
        "matched": hit.matched.value,
        "keyword_score": round(hit.keyword_score, 4),
        "similarity": round(hit.similarity, 4),
        "copies": hit.copies,
        "snippet": hit.snippet.text,
        "highlights": [list(span) for span in hit.snippet.highlights],
    }


def register(app: typer.Typer) -> None:
    app.command("search")(search_command)
