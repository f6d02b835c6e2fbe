"""Charts render to real SVG and PNG files, with customer text kept as text."""

from __future__ import annotations

import errno
import os
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


def test_a_chart_path_that_is_a_folder_or_under_a_file_is_a_named_error(tmp_path: Path) -> None:
    spec = bar_chart([{"a": "x", "b": 1}], category="a", value="b", title="t")
    folder = tmp_path / "d.svg"
    folder.mkdir()
    with pytest.raises(InputError) as raised:
        render(spec, folder)
    assert str(raised.value) == f"{folder}: is a folder, not a file"
    assert list(folder.iterdir()) == []
    plain = tmp_path / "notes.txt"
    plain.write_text("mine", encoding="utf-8")
    with pytest.raises(InputError) as under_a_file:
        render(spec, plain / "chart.svg")
    assert str(under_a_file.value) == f"{plain}: is a file, not a folder"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.svg", "notes.txt"]


def test_a_failed_write_leaves_the_old_chart_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = bar_chart([{"a": "x", "b": 1}], category="a", value="b", title="t")
    path = tmp_path / "stake.svg"
    path.write_text("the chart of yesterday", encoding="utf-8")

    def disk_full(source: object, target: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(InputError) as raised:
        render(spec, path)
    assert str(raised.value) == f"{path}: cannot write the chart (No space left on device)"
    assert [p.name for p in tmp_path.iterdir()] == ["stake.svg"]
    assert path.read_text(encoding="utf-8") == "the chart of yesterday"
