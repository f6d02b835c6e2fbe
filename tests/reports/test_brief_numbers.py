"""A brief never states a number the workspace does not hold.

Each brief is generated on the shared company with a quarter of strategy on top; every
number in its Markdown (dates, quarters, ids, money like ``USD 622k``, percentages,
integers and decimals) is looked up in figures this test computes itself, in plain Python
over the objects the fixture wrote, allowing only the rounding the brief shows.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import Engine, text

from tests.business.world import RATES, World
from tests.reports.brief_world import AS_OF, HOURS_VALUES, PERIOD, BriefWorld, build_brief_world
from tradeoff.domain.deals import Deal
from tradeoff.domain.enums import AccountLifecycle, DealOutcome
from tradeoff.reports.briefs import Room, build_brief
from tradeoff.reports.briefs.render import render_markdown

NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
MONEY = re.compile(r"\b([A-Z]{3}) (-?\d{1,3}(?:,\d{3})*(?:\.\d+)?)([kMB]?)\b")
SCALE = {"": Decimal(1), "k": Decimal(10**3), "M": Decimal(10**6), "B": Decimal(10**9)}


@dataclass
class Held:
    """What the workspace holds, recounted: money per currency, shares, plain numbers."""

    dates: set[date] = field(default_factory=set)
    periods: set[str] = field(default_factory=set)
    ids: set[int] = field(default_factory=set)
    money: dict[str, set[Decimal]] = field(default_factory=lambda: defaultdict(set))
    shares: set[float] = field(default_factory=set)
    numbers: set[Decimal] = field(default_factory=set)

    def add_money(self, amounts: dict[str, Decimal]) -> None:
        for code, amount in amounts.items():
            self.money[code].add(amount)
            self.numbers.add(amount)

    def add_text(self, *texts: str | None) -> None:
        """Numbers inside stored text (a title, a quote, a reply): held as written."""
        for found in (NUMBER.findall(t or "") for t in texts):
            self.numbers.update(Decimal(n.replace(",", "")) for n in found)
        for t in texts:
            for day in re.findall(r"\d{4}-\d{2}-\d{2}", t or ""):
                self.dates.add(date.fromisoformat(day))


def usd(amounts: list[tuple[Decimal | None, str | None]]) -> dict[str, Decimal]:
    """Per-currency sums turned into USD plus what has no rate, as the brief should show."""
    out: dict[str, Decimal] = defaultdict(Decimal)
    out["USD"] = Decimal(0)
    for amount, currency in amounts:
        if amount is None:
            continue
        code = currency or "USD"
        if code == "USD":
            out["USD"] += amount
        elif code in RATES:
            out["USD"] += amount * RATES[code]
        else:
            out[code] += amount
    return dict(out)


def held_figures(engine: Engine, bw: BriefWorld) -> Held:
    w, held = bw.world, Held()
    held.periods.add(PERIOD)
    held.dates |= {AS_OF, date(2026, 12, 31)} | {d for d, _ in HOURS_VALUES}
    held.dates |= {e.created_at.date() for e in w.evidence}
    for record in (bw.decided, bw.not_yet, bw.proposed):
        d = record.decision
        held.ids.add(record.id)
        if d.decided_at:
            held.dates.add(d.decided_at.date())
        held.add_text(d.title, d.context, d.chosen_option, d.tradeoffs_accepted,
                      d.not_optimising_for, d.reply_text, *d.options, *d.assumptions)  # fmt: skip
    held.ids |= {i.id for i in bw.items if i.id} | {a.id for a in bw.assumptions if a.id}
    held.ids |= {e.id for e in w.evidence if e.id} | {bw.problem.id or 0}
    held.add_text(*(kr.description for kr in bw.key_results), bw.goal.title)
    held.add_text(*(e.text for e in w.evidence), *(t.name for t in w.themes))
    held.add_text(*(d.loss_reason for d in w.deals), *(d.notes for d in w.deals))
    held.add_text(*(a.name for a in w.accounts), *(p.name for p in w.people))
    held.add_text(*(i.title for i in bw.items), *(i.description for i in bw.items))
    # Key result: 62 → 48 hours, 55 on 2026-11-09: (55 − 62) / (48 − 62); the pace is the
    # share of the days from the quarter's start to the due date gone at AS_OF.
    held.numbers |= {Decimal(62), Decimal(48), Decimal(55)}
    held.shares.add((55 - 62) / (48 - 62))
    start, due = date(2026, 10, 1), date(2026, 12, 31)
    held.shares.add((AS_OF - start).days / (due - start).days)
    held.shares |= {a.confidence for a in bw.assumptions}
    _themes(w, held)
    _competitors(engine, w, held)
    _objections(w, held)
    held.numbers.add(Decimal(1))  # "1 record" behind a single stored row
    return held


def _themes(world: World, held: Held) -> None:
    for theme in world.themes:
        filed = {link.evidence_id for link in world.links if link.theme_id == theme.id}
        items = [e for e in world.evidence if e.id in filed and e.created_at.date() <= AS_OF]
        citing = {e.account_id for e in items if e.account_id is not None}
        users = {e.person_id for e in items if e.person_id is not None}
        customers = [
            a for a in world.accounts
            if a.id in citing and a.lifecycle is AccountLifecycle.CUSTOMER and a.arr
        ]  # fmt: skip
        arr = usd([(a.arr, a.currency) for a in customers])
        open_deals = [
            d for d in world.deals
            if d.account_id in citing and d.outcome is DealOutcome.OPEN
        ]  # fmt: skip
        pipeline = usd([(d.amount, d.currency) for d in open_deals])
        at_stake = usd([(a.arr, a.currency) for a in customers]
                       + [(d.amount, d.currency) for d in open_deals])  # fmt: skip
        for amounts in (arr, pipeline, at_stake):
            held.add_money(amounts)
        held.numbers |= {Decimal(n) for n in (len(items), len(citing), len(users),
                                               len(customers), len(open_deals))}  # fmt: skip


def _competitors(engine: Engine, w: World, held: Held) -> None:
    deals = {d.id: d for d in w.deals}
    accounts = {a.id: a for a in w.accounts}
    with engine.connect() as c:
        rows = c.execute(text("SELECT deal_id, category FROM loss_classifications")).all()
    category: dict[int, str] = {deal_id: name for deal_id, name in rows}
    for competitor in w.competitors:
        met = [deals[dc.deal_id] for dc in w.deal_competitors
               if dc.competitor_id == competitor.id]  # fmt: skip
        met = list({d.id: d for d in met}.values())
        won = [d for d in met if d.outcome is DealOutcome.WON]
        lost = [d for d in met if d.outcome is DealOutcome.LOST]
        opened = [d for d in met if d.outcome is DealOutcome.OPEN]
        held.numbers |= {Decimal(n) for n in (len(met), len(won), len(lost), len(opened))}
        if won or lost:
            held.shares.add(len(won) / (len(won) + len(lost)))
        held.add_money(usd([(d.amount, d.currency) for d in lost]))
        held.add_money(usd([(d.amount, d.currency) for d in opened]))
        held.add_money(usd([(d.amount, d.currency) for d in lost + opened]))
        by_segment: dict[str | None, list[int]] = defaultdict(lambda: [0, 0])
        for d in won + lost:
            by_segment[accounts[d.account_id].segment][d.outcome is DealOutcome.LOST] += 1
        for w_count, l_count in by_segment.values():
            held.numbers |= {Decimal(l_count), Decimal(w_count + l_count)}
            held.shares.add(l_count / (w_count + l_count))
        by_category: dict[str, list[Deal]] = defaultdict(list)
        for d in lost:
            by_category[category.get(d.id or 0, "")].append(d)
        for group in by_category.values():
            held.numbers.add(Decimal(len(group)))
            held.add_money(usd([(d.amount, d.currency) for d in group]))
        present = {d.account_id for d in met}
        for theme in w.themes:
            filed = {link.evidence_id for link in w.links if link.theme_id == theme.id}
            items = [e for e in w.evidence if e.id in filed and e.account_id in present]
            held.numbers |= {Decimal(len(items)), Decimal(len({e.account_id for e in items}))}


def _objections(world: World, held: Held) -> None:
    groups: dict[str, list[Deal]] = defaultdict(list)
    for d in world.deals:
        words = d.loss_reason or d.notes
        if d.outcome is DealOutcome.LOST and words:
            groups[" ".join(re.findall(r"\w+", words.casefold()))].append(d)
    for group in groups.values():
        priced = [d for d in group if d.amount is not None]
        held.numbers |= {Decimal(len(group)), Decimal(len(priced))}
        held.add_money(usd([(d.amount, d.currency) for d in priced]))


def _rounds_to(figure: Decimal, shown: str) -> bool:
    """``shown`` is ``figure`` written with the decimals ``shown`` has."""
    decimals = len(shown.split(".")[1]) if "." in shown else 0
    step = Decimal(1).scaleb(-decimals)
    return abs(figure - Decimal(shown)) <= step / 2


def unheld_numbers(markdown: str, held: Held) -> list[str]:
    """Every number in ``markdown`` that none of the held figures explains."""
    rest = re.sub(r"\\(.)", r"\1", markdown)
    missing: list[str] = []

    def take(pattern: str, check: Callable[[re.Match[str]], bool]) -> None:
        nonlocal rest
        for match in re.finditer(pattern, rest):
            if not check(match):
                missing.append(match.group(0))
        rest = re.sub(pattern, " ", rest)

    take(r"\d{4}-\d{2}-\d{2}", lambda m: date.fromisoformat(m.group(0)) in held.dates)
    take(r"\b\d{4}Q[1-4]\b", lambda m: m.group(0) in held.periods)
    take(r"#(\d+)", lambda m: int(m.group(1)) in held.ids)

    def money_ok(m: re.Match[str]) -> bool:
        code, shown, suffix = m.group(1), m.group(2).replace(",", ""), m.group(3)
        if not suffix and Decimal(shown) in held.numbers:
            return True  # an amount written out in stored text (a reply as sent)
        return any(_rounds_to(a / SCALE[suffix], shown) for a in held.money.get(code, ()))

    take(MONEY.pattern, money_ok)
    take(r"(-?\d+(?:\.\d+)?)%", lambda m: any(
        _rounds_to(Decimal(str(s * 100)), m.group(1)) for s in held.shares))  # fmt: skip
    for shown in NUMBER.findall(rest):
        plain = shown.replace(",", "")
        if not any(_rounds_to(n, plain) for n in held.numbers):
            missing.append(shown)
    return missing


@pytest.mark.parametrize("room", list(Room))
def test_every_number_in_a_brief_is_held_by_the_workspace(engine: Engine, room: Room) -> None:
    bw = build_brief_world(engine)
    markdown = render_markdown(build_brief(engine, room, period=PERIOD, as_of=AS_OF))
    held = held_figures(engine, bw)
    assert len(NUMBER.findall(markdown)) > 20  # the brief says something with figures
    assert unheld_numbers(markdown, held) == []


def test_a_figure_the_workspace_does_not_hold_is_caught(engine: Engine) -> None:
    """The check itself can fail: one changed figure, one unknown date and id are found."""
    bw = build_brief_world(engine)
    markdown = render_markdown(build_brief(engine, Room.EXEC, period=PERIOD, as_of=AS_OF))
    held = held_figures(engine, bw)
    assert "USD 622k" in markdown
    tampered = markdown.replace("USD 622k", "USD 623k") + "\non 2031-01-09 (#9999) 41.7%\n"
    assert set(unheld_numbers(tampered, held)) == {"USD 623k", "2031-01-09", "#9999", "41.7%"}
