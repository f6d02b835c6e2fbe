"""Charts render to real SVG and PNG files, with customer text kept as text."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tradeoff.errors import InputError
from tradeoff.reports.charts import bar_chart, line_chart, render

HOSTILE = '<script>alert("x")</script> & "quotes"'


def test_a_bar_chart_is_an_svg_with_every_category_as_text(tmp_path: Path) -> None:
    rows = [
        {"theme": "Card declined", "revenue": 120_000},
        {"theme": HOSTILE, "revenue": 45_500},
    ]
    spec = bar_chart(rows, category="theme", value="revenue", title="Revenue at stake")
    path = render(spec, tmp_path / "stake.svg")
    tree = ET.parse(path)  # noqa: S314 - our own file, parsed to prove it is well-formed XML
    texts = [t.text for t in tree.iter() if t.tag.endswith("text") and t.text]
    assert "Card declined" in texts
    assert HOSTILE in texts  # the label is the text itself, escaped in the file
    assert "<script>" not in path.read_text(encoding="utf-8")
    assert "Revenue at stake" in texts
    assert not list(tmp_path.glob(".*partial"))


def test_a_line_chart_renders_to_png(tmp_path: Path) -> None:
    rows = [
        {"quarter": q, "win_rate": r, "segment": s}
        for q, r, s in [("2026Q1", 0.4, "SMB"), ("2026Q2", 0.5, "SMB"), ("2026Q1", 0.2, "ENT")]
    ]
    spec = line_chart(rows, period="quarter", value="win_rate", series="segment", title="Win")
    assert spec["encoding"]["color"]["field"] == "segment"
    path = render(spec, tmp_path / "win.png")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_chart_path_must_be_svg_or_png_in_a_folder_that_exists(tmp_path: Path) -> None:
    spec = bar_chart([{"a": "x", "b": 1}], category="a", value="b", title="t")
    with pytest.raises(InputError, match=r"\.svg or \.png, not '\.pdf'"):
        render(spec, tmp_path / "chart.pdf")
    with pytest.raises(InputError, match="the folder does not exist"):
        render(spec, tmp_path / "missing" / "chart.svg")
