"""Briefs for each room — exec, sales, team — generated from the workspace (principle 11).

Each room's module gathers typed data from the same APIs the CLI and the web app use
(``build_*_brief``); ``render`` turns a brief into Markdown or HTML. Every claim is labelled
fact, inference or assumption (``claims``).

>>> text = render_markdown(build_brief(engine, Room.SALES, period="2026Q4"))  # doctest: +SKIP
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Engine

from tradeoff.reports.briefs.exec import build_exec_brief
from tradeoff.reports.briefs.model import Brief, Room
from tradeoff.reports.briefs.sales import build_sales_brief
from tradeoff.reports.briefs.team import build_team_brief


def build_brief(
    engine: Engine, room: Room, *, period: str | None = None, as_of: date | None = None
) -> Brief:
    """The brief for ``room`` over ``period`` (a quarter; the as-of day's by default)."""
    if room is Room.EXEC:
        return build_exec_brief(engine, period=period, as_of=as_of)
    if room is Room.SALES:
        return build_sales_brief(engine, period=period, as_of=as_of)
    return build_team_brief(engine, period=period, as_of=as_of)


__all__ = ["Brief", "Room", "build_brief"]
