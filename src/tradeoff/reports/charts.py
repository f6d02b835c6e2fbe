"""Charts as Vega-Lite specifications, rendered to SVG or PNG by vl-convert.

One chart library for the whole product: the CLI's ``--chart PATH`` and the web app render
the same specifications, so a chart never says one thing in a file and another on a page.
vl-convert bundles the Vega engine (no browser, no network) and gives the same bytes for the
same spec. Customer text in labels is data, never markup: Vega renders it as text.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tradeoff.errors import InputError

Spec = dict[str, Any]
Row = Mapping[str, Any]

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
FORMATS = (".svg", ".png")


def bar_chart(
    rows: Sequence[Row],
    *,
    category: str,
    value: str,
    title: str,
    value_title: str | None = None,
    value_format: str = ",.0f",
) -> Spec:
    """Horizontal bars, largest first: a ranking (revenue at stake by theme, by competitor)."""
    return {
        "$schema": SCHEMA,
        "title": title,
        "data": {"values": [dict(r) for r in rows]},
        "mark": {"type": "bar", "tooltip": True},
        "encoding": {
            "y": {"field": category, "type": "nominal", "sort": "-x", "title": None},
            "x": {
                "field": value,
                "type": "quantitative",
                "title": value_title or value,
                "axis": {"format": value_format},
            },
        },
        "width": 480,
    }


def line_chart(
    rows: Sequence[Row],
    *,
    period: str,
    value: str,
    title: str,
    series: str | None = None,
    value_title: str | None = None,
    value_format: str = ",.0f",
) -> Spec:
    """One line per series over ordered periods (quarters, months): a trend."""
    encoding: dict[str, Any] = {
        "x": {"field": period, "type": "ordinal", "title": None, "sort": None},
        "y": {
            "field": value,
            "type": "quantitative",
            "title": value_title or value,
            "axis": {"format": value_format},
        },
    }
    if series is not None:
        encoding["color"] = {"field": series, "type": "nominal", "title": None}
    return {
        "$schema": SCHEMA,
        "title": title,
        "data": {"values": [dict(r) for r in rows]},
        "mark": {"type": "line", "point": True, "tooltip": True},
        "encoding": encoding,
        "width": 480,
    }


def to_svg(spec: Spec) -> str:
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(spec)
    return svg


def render(spec: Spec, path: Path) -> Path:
    """Write the chart to ``path``: SVG or PNG by its suffix. Written whole or not at all."""
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"a chart is written as .svg or .png, not {suffix or 'no suffix'!r}")
    if not path.parent.is_dir():
        raise InputError("the folder does not exist", path=path.parent)
    import vl_convert

    data: bytes = (
        to_svg(spec).encode("utf-8")
        if suffix == ".svg"
        else vl_convert.vegalite_to_png(spec, scale=2)
    )
    partial = path.with_name(f".{path.name}.partial")
    partial.write_bytes(data)
    partial.replace(path)
    return path
