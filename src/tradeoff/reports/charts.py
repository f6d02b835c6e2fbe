"""Charts as Vega-Lite specifications, rendered to SVG or PNG by vl-convert.

One chart library for the whole product: the CLI's ``--chart PATH`` and the web app render
the same specifications, so a chart never says one thing in a file and another on a page.
vl-convert bundles the Vega engine (no browser, no network) and gives the same bytes for the
same spec. Customer text in labels is data, never markup: Vega renders it as text.
"""

from __future__ import annotations

import base64
import os
import tempfile
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
    series_order: Sequence[str] | None = None,
) -> Spec:
    """One line per series over ordered periods (quarters, months): a trend. The legend
    lists the series in ``series_order`` when given (a ranking), else alphabetically."""
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
        if series_order is not None:
            encoding["color"]["sort"] = list(series_order)
    return {
        "$schema": SCHEMA,
        "title": title,
        "data": {"values": [dict(r) for r in rows]},
        "mark": {"type": "line", "point": True, "tooltip": True},
        "encoding": encoding,
        "width": 480,
    }


def sparkline(
    rows: Sequence[Row],
    *,
    period: str,
    value: str,
    width: int = 132,
    height: int = 30,
    color: str = "#4c6ef5",
) -> Spec:
    """A word-sized trend (items per month): no axes, no title, the shape only. The figures
    it draws are printed beside it, so nothing is known only from the picture."""
    return {
        "$schema": SCHEMA,
        "data": {"values": [dict(r) for r in rows]},
        "mark": {
            "type": "area",
            "fill": color,
            "fillOpacity": 0.15,
            "line": {"color": color, "strokeWidth": 1.5},
            "interpolate": "monotone",
        },
        "encoding": {
            "x": {
                "field": period,
                "type": "ordinal",
                "sort": None,
                "axis": None,
                "scale": {"type": "point", "padding": 0},
            },
            "y": {"field": value, "type": "quantitative", "axis": None, "scale": {"zero": True}},
        },
        "width": width,
        "height": height,
        "padding": 1,
        "background": None,
        "config": {"view": {"stroke": None}},
    }


def frontier_chart(
    rows: Sequence[Row],
    *,
    x: str,
    y: str,
    size: str,
    label: str,
    on_frontier: str,
    title: str,
    domain: tuple[float, float] = (0, 10),
) -> Spec:
    """Opportunities as points: ``x`` against ``y``, bubble area by ``size``, the ones on
    the frontier (``on_frontier`` true) coloured, every point labelled: three dimensions in
    one picture without adding them up. No line joins the frontier: it is drawn over three
    dimensions, so its points need not form a curve in these two."""
    scale = {"domain": list(domain), "nice": False}
    position = {
        "x": {"field": x, "type": "quantitative", "scale": scale, "title": x},
        "y": {"field": y, "type": "quantitative", "scale": scale, "title": y},
    }
    return {
        "$schema": SCHEMA,
        "title": title,
        "data": {"values": [dict(r) for r in rows]},
        "layer": [
            {
                "mark": {"type": "circle", "opacity": 0.75, "stroke": "white"},
                "encoding": {
                    **position,
                    "size": {
                        "field": size,
                        "type": "quantitative",
                        "scale": {"domain": list(domain), "range": [40, 900]},
                        "title": size,
                    },
                    "color": {
                        "field": on_frontier,
                        "type": "nominal",
                        "scale": {"domain": [True, False], "range": ["#4c6ef5", "#adb5bd"]},
                        "legend": {
                            "title": "on the frontier",
                            "labelExpr": "datum.value ? 'yes' : 'no (dominated)'",
                        },
                    },
                },
            },
            {
                "mark": {
                    "type": "text",
                    "align": "left",
                    "dx": 10,
                    "dy": -6,
                    "fontSize": 11,
                    "limit": 230,
                },
                "encoding": {**position, "text": {"field": label, "type": "nominal"}},
            },
        ],
        "width": 520,
        "height": 360,
    }


def to_data_uri(spec: Spec) -> str:
    """The chart as an SVG ``data:`` URI for an ``<img>``: an image cannot run script
    whatever its text says, so a report can carry charts of customer text and stay inert
    under a CSP that allows ``img-src data:`` and nothing else."""
    encoded = base64.b64encode(to_svg(spec).encode("utf-8")).decode("ascii")
    return f"data:image/svg+xml;base64,{encoded}"


def to_svg(spec: Spec) -> str:
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(spec)
    return svg


def check_path(path: Path) -> str:
    """The chart's format (``.svg`` or ``.png``), or a named error: checked before the
    figures are computed, so a typo or a place the system refuses costs nothing.

    Example: ``check_path(Path("stake.svg")) == ".svg"``; a folder named ``d.svg`` is an
    ``InputError`` ("d.svg: is a folder, not a file").
    """
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"a chart is written as .svg or .png, not {suffix or 'no suffix'!r}")
    folder = path.parent
    if not folder.is_dir():
        gone = "is a file, not a folder" if folder.exists() else "the folder does not exist"
        raise InputError(gone, path=folder)
    if path.is_dir():
        raise InputError("is a folder, not a file", path=path)
    _try_writing(path)
    return suffix


def _try_writing(path: Path) -> None:
    """Make and remove the temporary file the chart will be written through: only the
    system knows whether the folder takes files (permissions, a read-only mount, ``/proc``),
    and this asks it before the figures, not after them."""
    handle, partial = _partial(path)
    os.close(handle)
    partial.unlink()


def render(spec: Spec, path: Path) -> Path:
    """Write the chart to ``path``: SVG or PNG by its suffix. Written whole or not at all."""
    suffix = check_path(path)
    import vl_convert

    data: bytes = (
        to_svg(spec).encode("utf-8")
        if suffix == ".svg"
        else vl_convert.vegalite_to_png(spec, scale=2)
    )
    _write_whole(data, path)
    return path


def _write_whole(data: bytes, path: Path) -> None:
    """Through a temporary file and a rename, so a reader never opens half a chart. What
    ``check_path`` could not foresee (a full disk, a folder changed since) is a one-line
    ``InputError``, and the temporary file is gone whatever stopped the write."""
    handle, partial = _partial(path)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.chmod(partial, 0o644)
        os.replace(partial, path)
    except BaseException as exc:
        partial.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _unwritable(path, exc) from exc
        raise


def _partial(path: Path) -> tuple[int, Path]:
    """A new hidden file beside ``path``, open for writing, or the one-line error."""
    try:
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    return handle, Path(name)


def _unwritable(path: Path, exc: OSError) -> InputError:
    if path.is_dir():  # made a folder since check_path looked
        return InputError("is a folder, not a file", path=path)
    return InputError(f"cannot write the chart ({exc.strerror or exc})", path=path)
