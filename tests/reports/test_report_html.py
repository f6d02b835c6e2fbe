"""The HTML report built from the shared company: every section, every figure recounted by
hand from the objects the company was built from, and customer text that stays text."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine

from tests.business.world import TODAY, World, build_world
from tests.reports.hostile import (
    ACCOUNT,
    COMPANY,
    COMPETITOR,
    JAVASCRIPT_URL,
    LOSS_REASON,
    PAYLOADS,
    QUOTE,
    THEME,
    TRACKER,
    plant_hostile_text,
)
from tests.reports.page import DATA_SVG, folded, parse, section, svg_texts
from tests.reports.recount import AS_OF, competitor_order, recount
from tradeoff.domain.enums import DealOutcome, EvidenceKind
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.errors import InputError
from tradeoff.reports import files as files_module
from tradeoff.reports.charts import frontier_chart, to_data_uri
from tradeoff.reports.html import CSP, render_html, write_report
from tradeoff.reports.report import build_report
from tradeoff.storage import repository
from tradeoff.storage.session import write_session

#: Every element the report's templates write. A payload that became markup would add one.
ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "div", "header", "p", "h1", "h2", "h3",
    "dl", "dt", "dd", "small", "nav", "a", "main", "section", "article", "span", "figure",
    "img", "figcaption", "ul", "ol", "li", "blockquote", "cite", "code", "table", "thead",
    "tbody", "tr", "th", "td", "b", "i", "footer",
}  # fmt: skip

#: What vl-convert draws with: shapes and text. No script, image, link or foreign object.
SVG_ELEMENTS = {"svg", "g", "defs", "clipPath", "path", "rect", "line", "text", "title"}


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def test_every_section_shows_the_figures_a_recount_gives(engine: Engine, world: World) -> None:
    html = render_html(build_report(engine, as_of=AS_OF))
    page = parse(html)
    assert [text for tag, text in page.headings if tag in ("h1", "h2")] == [
        "Northwind Ledger",
        "Themes",
        "Demand and money",
        "Sales and competition",
    ]
    for label, expected in (
        ("Evidence items", len(world.evidence)),
        ("Accounts", len(world.accounts)),
        ("Deals", len(world.deals)),
        ("Themes", len(world.themes)),
    ):
        assert f"<dt>{label}</dt><dd>{expected}</dd>" in html
    assert "As of 15 Oct 2026 · money in USD" in page.text

    # Themes, most revenue at stake first: ARR of citing customers + their open pipeline.
    counted = {t.name: recount(world, t.name) for t in world.themes}
    ranked = sorted(counted, key=lambda n: -(counted[n].arr + counted[n].pipeline))
    shown = [text.split(" ", 1)[1] for tag, text in page.headings if tag == "h3"]
    assert shown[: len(ranked)] == ranked == ["Bulk export", "Single sign-on", "Audit logs"]
    for theme in world.themes:
        figures = counted[theme.name]
        card = section(html, f"theme-{theme.id}")
        assert f"<dt>Evidence items</dt><dd>{figures.items}</dd>" in card
        assert f"<dt>Accounts</dt><dd>{figures.accounts}</dd>" in card
        exact = f"USD {figures.arr:,.0f}" + "".join(
            f" + {code} {amount:,.0f} (no rate)" for code, amount in figures.arr_unconverted.items()
        )
        assert f'title="{exact}"><dt>Customer ARR</dt>' in card
    bulk = folded(parse(section(html, f"theme-{world.theme('Bulk export').id}")).text)
    assert "Customer ARR USD 542k" in bulk  # 240,000 + 180,000 GBP + 60,000 EUR + 9,000
    assert "Revenue at stake USD 622k" in bulk  # and Acme's open USD 80,000
    sso = folded(parse(section(html, f"theme-{world.theme('Single sign-on').id}")).text)
    assert "Customer ARR USD 240k + JPY 30M (no rate)" in sso
    assert "Also amounts in JPY, which have no rate and are not added" in page.text


def test_quotes_are_the_customers_words_with_their_account(engine: Engine, world: World) -> None:
    report = build_report(engine, as_of=AS_OF)
    html = render_html(report)
    by_id = {e.id: e for e in world.evidence}
    names = {a.id: a.name for a in world.accounts}
    for theme in world.themes:
        entry = next(t for t in report.themes if t.id == theme.id)
        filed = [link.evidence_id for link in world.links if link.theme_id == theme.id]
        # Sellers' deal notes are quoted only in a theme holding nothing else.
        said = [i for i in filed if by_id[i].kind is not EvidenceKind.DEAL_NOTE] or filed
        assert len(entry.quotes) == min(3, len(said))
        card = folded(parse(section(html, f"theme-{theme.id}")).text)
        for quote in entry.quotes:
            assert quote.evidence_id in said
            item = by_id[quote.evidence_id]
            assert quote.text == item.text
            assert item.account_id is not None
            kind = item.kind.value.replace("_", " ")
            assert f"{item.text} {names[item.account_id]} · {kind}" in card


def test_sales_and_competitors_agree_with_a_recount(engine: Engine, world: World) -> None:
    html = render_html(build_report(engine, as_of=AS_OF))
    sales = section(html, "sales")
    text = folded(parse(sales).text)
    won = sum(d.outcome is DealOutcome.WON for d in world.deals)
    closed = won + sum(d.outcome is DealOutcome.LOST for d in world.deals)
    assert f"Win rate {won / closed:.0%} {won} won of {closed} closed" in text
    listed = re.findall(r'<td class="name">([^<]*)</td>', sales.split("Competitors, by")[1])
    assert listed == competitor_order(world)
    assert "Price / budget" in text  # Cobalt Retail: "Too expensive for their budget"


def test_the_file_is_self_contained_and_forbids_script(engine: Engine, world: World) -> None:
    html = render_html(build_report(engine, as_of=AS_OF))
    page = parse(html)
    policy = [t.attrs["content"] for t in page.named("meta") if "http-equiv" in t.attrs]
    assert policy == [CSP]
    assert CSP.startswith("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
    assert not page.named("script")
    assert not page.named("link")
    for tag in page.tags:
        for name, value in tag.attrs.items():
            assert not name.startswith("on"), tag
            assert "://" not in value, tag  # no address to fetch or follow
    assert all(a.attrs["href"].startswith("#") for a in page.named("a"))
    assert all(img.attrs["src"].startswith(DATA_SVG) for img in page.named("img"))
    assert "@import" not in html
    assert "url(" not in html
    for svg in page.svgs():
        assert not any(k.endswith("href") for e in svg.iter() for k in e.attrib)


def test_hostile_text_is_shown_as_text_and_never_becomes_markup(
    engine: Engine, world: World
) -> None:
    planted = plant_hostile_text(engine, world)
    report = build_report(engine, as_of=AS_OF)
    html = render_html(report)
    page = parse(html)

    assert {t.name for t in page.tags} <= ELEMENTS
    assert not page.named("script")
    assert not [t for t in page.tags for name in t.attrs if name.startswith("on")]
    assert all(img.attrs["src"].startswith(DATA_SVG) for img in page.named("img"))
    assert not [t for t in page.tags for v in t.attrs.values() if JAVASCRIPT_URL in v]
    assert TRACKER not in html
    for payload in PAYLOADS:
        assert payload in page.text  # escaped in the file, read back as the very same text
    assert ("h1", COMPANY) in page.headings
    assert f"{COMPANY} · Product report" in page.text  # the <title>, escaped too
    card = folded(parse(section(html, f"theme-{planted.theme.id}")).text)
    assert f"{folded(QUOTE)} {ACCOUNT} · ticket" in card
    assert COMPETITOR in page.text
    assert LOSS_REASON in page.text
    assert THEME in [t.name for t in report.cards]
    assert ("h3", f"2 {THEME}") in page.headings  # USD 500k of ARR: second, after Bulk export

    # The theme's name is a label in the revenue chart: text in the SVG, never an element.
    charts = page.svgs()
    labelled = [svg for svg in charts if any(t.startswith("Export ") for t in svg_texts(svg))]
    assert labelled
    for svg in charts:
        assert {e.tag.rsplit("}", 1)[-1] for e in svg.iter()} <= SVG_ELEMENTS
        assert not [k for e in svg.iter() for k in e.attrib if k.lower().startswith("on")]
    assert any(THEME in value for e in labelled[0].iter() for value in e.attrib.values())


def test_a_hostile_label_in_the_frontier_chart_stays_text() -> None:
    rows = [
        {"value": 7.0, "feasibility": 3.0, "viability": 6.0, "name": THEME, "front": True},
        {"value": 4.0, "feasibility": 2.0, "viability": 2.0, "name": "Dark mode", "front": False},
    ]
    spec = frontier_chart(
        rows,
        x="value",
        y="feasibility",
        size="viability",
        label="name",
        on_frontier="front",
        title="Frontier",
    )
    page = parse(f'<img src="{to_data_uri(spec)}">')
    (svg,) = page.svgs()
    assert any(t.startswith('Export "><img src=x') for t in svg_texts(svg))  # cut to fit
    assert any(THEME in value for e in svg.iter() for value in e.attrib.values())  # whole
    assert "Dark mode" in svg_texts(svg)
    assert not [e for e in svg.iter() if e.tag.rsplit("}", 1)[-1] in ("script", "img")]


def test_an_empty_workspace_says_what_to_import(engine: Engine) -> None:
    report = build_report(engine, as_of=AS_OF)
    assert report.empty
    page = parse(render_html(report))
    assert [text for tag, text in page.headings if tag == "h2"] == ["Nothing to report yet"]
    assert "tradeoff import zendesk tickets.json" in page.text
    assert "tradeoff analyze" in page.text
    assert "<dt>Evidence items</dt><dd>0</dd>" in render_html(report)


def test_evidence_not_yet_analysed_asks_for_the_analysis(engine: Engine) -> None:
    with write_session(engine) as session:
        repository.add(
            session,
            EvidenceItem(
                source="zendesk",
                external_id="1",
                kind=EvidenceKind.TICKET,
                text="Card declined twice",
                created_at=TODAY - timedelta(days=1),
            ),
        )
    page = parse(render_html(build_report(engine, as_of=AS_OF)))
    assert [text for tag, text in page.headings if tag == "h2"] == ["Themes"]
    assert "No themes yet: 1 evidence item is waiting to be sorted" in page.text
    assert "tradeoff analyze" in page.text


def test_the_file_is_written_whole_or_not_at_all(
    engine: Engine, world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = build_report(engine, as_of=AS_OF)
    folder = tmp_path / "out"
    folder.mkdir()
    path = write_report(report, folder / "report.html")
    first = path.read_text(encoding="utf-8")
    assert first.startswith("<!doctype html>")

    def interrupted(source: object, target: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(files_module.os, "replace", interrupted)
    with pytest.raises(OSError, match="disk full"):
        write_report(build_report(engine, as_of=TODAY.date() - timedelta(days=1)), path)
    assert path.read_text(encoding="utf-8") == first
    assert [p.name for p in folder.iterdir()] == ["report.html"]  # no partial file left
    monkeypatch.undo()
    with pytest.raises(InputError, match="the folder does not exist"):
        write_report(report, tmp_path / "missing" / "report.html")
    with pytest.raises(InputError, match="is a folder"):
        write_report(report, folder)
