"""Theme profiles, every figure recounted by hand from the fixture's own list.

A business-banking workspace: three customer accounts in three currencies, their end users,
a CSM and a sales rep of ours. "Card delivery" holds tickets from January to June with no
evidence in March, an interview, a request a CSM relayed, a ticket a CSM wrote himself, a
sales rep's copy of a customer's ticket, a five-star review that praises delivery, a
four-star review that says tracking is "not easy", and a ticket praising the tracking page.
Its sub-theme "Delivery tracking" holds a copy whose original is filed elsewhere and is half
praise. An archived theme's links must not count. ``expected`` recomputes each figure in
plain Python over ``SAID``, and the tests compare whole ``to_json()`` outputs.

A trend runs to an as-of day: ``AS_OF`` (the fixture's last day) in most tests, today by
default, as ``tradeoff demand`` counts; an item dated after it (a deal note dated by a
close date typed a year ahead) is in no month.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import Engine, delete, event, func, select, update

from tradeoff.analysis.business.demand import theme_demand
from tradeoff.analysis.business.demand_time import filling_period
from tradeoff.analysis.label.counter import PRAISE_RULES, praise_cues
from tradeoff.domain.accounts import Account, Person
from tradeoff.domain.enums import (
    AccountLifecycle,
    AssignedBy,
    EvidenceKind,
    EvidenceMode,
    PersonRole,
    ThemeStatus,
)
from tradeoff.domain.evidence import EvidenceItem, EvidenceTheme, Theme
from tradeoff.storage import praise, repository, theme_summary
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceItemRow, EvidencePraiseRow
from tradeoff.storage.theme_profile import MonthlyTrend, theme_profiles

ACCOUNTS = {
    "Brightwater Bakery Ltd": "GBP",
    "Nordlicht Logistik GmbH": "EUR",
    "Kestrel Freight Inc.": "USD",
}
PEOPLE = {
    "Maya Osei": ("Brightwater Bakery Ltd", PersonRole.END_USER),
    "Jonas Weber": ("Nordlicht Logistik GmbH", PersonRole.ADMIN),
    "Priya Raman": ("Kestrel Freight Inc.", PersonRole.END_USER),
    "Tom Reyes": (None, PersonRole.CSM),
    "Dana Okafor": (None, PersonRole.SALES),
}
DELIVERY, TRACKING, LOGIN, OLD, EMPTY = (
    "Card delivery",
    "Delivery tracking",
    "Login",
    "Old statements",
    "Never filed",
)


@dataclass(frozen=True)
class Said:
    """One evidence item as the fixture writes it; ``praise`` is a person's reading."""

    ref: str
    kind: EvidenceKind
    text: str
    when: datetime
    themes: frozenset[str]
    account: str | None = None
    person: str | None = None
    relayed_by: str | None = None
    rating: float | None = None
    copy_of: str | None = None
    mode: EvidenceMode | None = None
    praise: bool = False
    by_person: bool = False


def at(month: int, day: int, hour: int = 9) -> datetime:
    return datetime(2026, month, day, hour, 30, tzinfo=UTC)


def said(
    ref: str, kind: EvidenceKind, text: str, when: datetime, *themes: str, **more: Any
) -> Said:
    return Said(ref, kind, text, when, frozenset(themes), **more)


TK, RV, CH, RQ, IV = (
    EvidenceKind.TICKET,
    EvidenceKind.REVIEW,
    EvidenceKind.CHAT,
    EvidenceKind.INTERNAL_REQUEST,
    EvidenceKind.INTERVIEW,
)
BW, NL, KF = ACCOUNTS
SAID = [
    said("t-301", TK, "Old statements and the new card never came.", at(1, 2), OLD, DELIVERY,
         account=BW, person="Maya Osei"),
    said("t-101", TK, "My new card still hasn't arrived after two weeks.", at(1, 12), DELIVERY,
         account=BW, person="Maya Osei"),
    said("ch-2", CH, "My new card still hasn't arrived after two weeks.", at(1, 13), TRACKING,
         account=BW, person="Maya Osei", copy_of="t-101"),
    said("t-102", TK, "Ordered three employee cards, only one came.", at(1, 20), DELIVERY,
         account=NL, person="Jonas Weber"),
    said("t-103", TK, "The tracking link says dispatched for ten days.", at(2, 3), DELIVERY,
         TRACKING, account=KF, person="Priya Raman"),
    said("i-7", IV, "Honestly, ordering cards is not easy: the form asks for our address twice.",
         at(2, 18), DELIVERY, account=BW, person="Maya Osei"),
    said("j-55", RQ, "Customer asks for faster card delivery to Germany.", at(2, 25, 23),
         DELIVERY, account=NL, person="Jonas Weber", relayed_by="Tom Reyes"),
    said("t-104", TK, "Card delivery took 3 weeks again.", at(4, 2), DELIVERY, account=KF,
         person="Priya Raman"),
    said("j-56", RQ, "Card delivery took 3 weeks again.", at(4, 3), DELIVERY, account=KF,
         person="Priya Raman", relayed_by="Dana Okafor", copy_of="t-104"),
    said("r-9", RV, "Card arrived in two days and activation was easy.", at(4, 10), DELIVERY,
         TRACKING, rating=5, praise=True),
    said("t-105", TK, "Brightwater's card order is stuck at dispatched.", at(4, 15), DELIVERY,
         account=BW, person="Tom Reyes", by_person=True),
    said("t-106", TK, "Thanks, the new tracking page works great.", at(5, 5), DELIVERY, TRACKING,
         account=BW, person="Maya Osei", praise=True),
    said("t-107", TK, "Replacement card never arrived.", at(5, 20), DELIVERY, account=NL,
         person="Jonas Weber"),
    said("r-10", RV, "Tracking is not easy to find in the app.", at(5, 28), DELIVERY, rating=4),
    said("t-108", TK, "Card for our new driver has not arrived yet.", at(6, 2), DELIVERY,
         account=KF, person="Priya Raman"),
    said("t-201", TK, "Face ID stopped working after the update.", at(6, 10), LOGIN, account=BW,
         person="Maya Osei"),
]  # fmt: skip
HORIZON = max(s.when for s in SAID)
#: The day most tests ask about: the fixture's last, in June (still filling).
AS_OF = HORIZON.date()
#: Tickets, chats and reviews show what people did; interviews and requests what they say.
DEFAULT_MODE = {
    TK: EvidenceMode.OBSERVED,
    RV: EvidenceMode.OBSERVED,
    CH: EvidenceMode.OBSERVED,
    IV: EvidenceMode.STATED,
    RQ: EvidenceMode.STATED,
}


@dataclass(frozen=True)
class Workspace:
    themes: dict[str, int]
    evidence: dict[str, int]


@pytest.fixture
def workspace(engine: Engine) -> Workspace:
    with write_session(engine) as session:
        accounts = {
            name: repository.add(
                session,
                Account(
                    name=name,
                    currency=currency,
                    arr=Decimal("12000"),
                    lifecycle=AccountLifecycle.CUSTOMER,
                ),
            ).id
            for name, currency in ACCOUNTS.items()
        }
        people = {
            name: repository.add(
                session,
                Person(name=name, account_id=accounts[account] if account else None, role=role),
            ).id
            for name, (account, role) in PEOPLE.items()
        }
        delivery = repository.add(session, Theme(name=DELIVERY)).id
        assert delivery is not None
        themes = {
            DELIVERY: delivery,
            TRACKING: repository.add(session, Theme(name=TRACKING, parent_id=delivery)).id,
            LOGIN: repository.add(session, Theme(name=LOGIN)).id,
            OLD: repository.add(session, Theme(name=OLD, status=ThemeStatus.ARCHIVED)).id,
            EMPTY: repository.add(session, Theme(name=EMPTY)).id,
        }
        evidence: dict[str, int] = {}
        for s in SAID:
            item = repository.add(
                session,
                EvidenceItem(
                    source=s.ref.split("-")[0],
                    external_id=s.ref,
                    kind=s.kind,
                    mode=s.mode,
                    text=s.text,
                    created_at=s.when,
                    account_id=accounts[s.account] if s.account else None,
                    person_id=people[s.person] if s.person else None,
                    relayed_by_id=people[s.relayed_by] if s.relayed_by else None,
                    rating=s.rating,
                    duplicate_of_id=evidence[s.copy_of] if s.copy_of else None,
                ),
            )
            assert item.id is not None
            evidence[s.ref] = item.id
            for theme in sorted(s.themes):
                repository.add(
                    session,
                    EvidenceTheme(
                        evidence_id=item.id,
                        theme_id=themes[theme],
                        score=0.8,
                        assigned_by=AssignedBy.PERSON if s.by_person else AssignedBy.MODEL,
                    ),
                )
    return Workspace({k: v for k, v in themes.items() if v is not None}, evidence)


def month(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def months_between(first: str, last: str) -> list[str]:
    found, (year, number) = [], (int(first[:4]), int(first[5:]))
    while f"{year:04d}-{number:02d}" <= last:
        found.append(f"{year:04d}-{number:02d}")
        year, number = (year + 1, 1) if number == 12 else (year, number + 1)
    return found


def month_before(name: str) -> str:
    return month(date(int(name[:4]), int(name[5:]), 1) - timedelta(days=1))


def expected(
    theme: str, ids: dict[str, int], as_of: date, limit: int = 5, said: list[Said] = SAID
) -> dict[str, Any]:
    """Every figure of ``theme``'s profile as of the day ``as_of``, counted by hand over
    ``said``."""
    filed = [s for s in said if theme in s.themes]
    pieces: dict[str, list[Said]] = {}
    for s in filed:
        pieces.setdefault(s.copy_of or s.ref, []).append(s)
    # A piece is read through its original when filed here, else through its lowest-id copy.
    items = [
        next((s for s in members if s.copy_of is None), None)
        or min(members, key=lambda s: ids[s.ref])
        for members in pieces.values()
    ]
    ours = {name for name, (_account, role) in PEOPLE.items() if role.is_internal_proxy}
    proxy = [s for s in items if s.relayed_by or s.person in ours]
    observed = [s for s in items if (s.mode or DEFAULT_MODE[s.kind]) is EvidenceMode.OBSERVED]
    n = len(items)
    # The trend: items up to the end of the as-of day, by month, to the as-of day's month;
    # that month is whole only when the as-of day is its last.
    known = [s for s in items if s.when.date() <= as_of]
    counts = Counter(month(s.when) for s in known)
    trend = months_between(min(counts), month(as_of)) if counts else []
    whole = (as_of + timedelta(days=1)).day == 1
    last_full = month(as_of) if whole else month_before(month(as_of))
    before_full = month_before(last_full)
    has_change = bool(counts) and last_full >= min(counts)
    praised = sorted(
        (s for s in items if s.praise), key=lambda s: (s.when, ids[s.ref]), reverse=True
    )
    counter = praised if 2 * len(praised) < n else []
    return {
        "theme_id": None,
        "items": n,
        "copies": len(filed) - n,
        "accounts": len({s.account for s in filed if s.account}),
        "end_users": len({s.person for s in filed if s.person and s.person not in ours}),
        "observed_items": len(observed),
        "stated_items": n - len(observed),
        "observed_share": len(observed) / n if n else None,
        "stated_share": (n - len(observed)) / n if n else None,
        "proxy_items": len(proxy),
        "direct_items": n - len(proxy),
        "proxy_share": len(proxy) / n if n else None,
        "direct_share": 1 - len(proxy) / n if n else None,
        "first_seen": min(s.when for s in items).isoformat() if items else None,
        "last_seen": max(s.when for s in items).isoformat() if items else None,
        "monthly": [{"month": m, "items": counts.get(m, 0)} for m in trend],
        "trend_as_of": as_of.isoformat(),
        "filling_month": None if whole else month(as_of),
        "items_ahead": len(items) - len(known),
        "last_full_month": last_full if has_change else None,
        "last_full_month_items": counts.get(last_full, 0) if has_change else None,
        "month_before_items": counts.get(before_full, 0) if has_change else None,
        "month_change": (
            counts.get(last_full, 0) - counts.get(before_full, 0) if has_change else None
        ),
        "praise_items": len(praised),
        "counter_evidence_count": len(counter),
        "counter_evidence": [
            {
                "evidence_id": ids[s.ref],
                "kind": s.kind.value,
                "created_at": s.when.isoformat(),
                "text": s.text,
                "rating": s.rating,
                "cues": list(praise_cues(s.text, s.rating, s.kind)),
            }
            for s in counter[:limit]
        ],
    }


def profiles_json(engine: Engine, *args: Any, **kwargs: Any) -> dict[int, dict[str, Any]]:
    with read_session(engine) as session:
        found = theme_profiles(session, *args, praise=PRAISE_RULES, **kwargs)
    # Through a JSON round trip: to_json() must give JSON types only.
    return {theme_id: json.loads(json.dumps(p.to_json())) for theme_id, p in found.items()}


@pytest.mark.parametrize("theme", [DELIVERY, TRACKING, LOGIN, EMPTY])
def test_every_figure_of_every_theme_matches_a_recount(
    engine: Engine, workspace: Workspace, theme: str
) -> None:
    profile = profiles_json(engine, as_of=AS_OF)[workspace.themes[theme]]
    assert profile == expected(theme, workspace.evidence, AS_OF) | {
        "theme_id": workspace.themes[theme]
    }
    # A timestamp is read as its UTC day: 22:00 on 9 June in New York is the 10th in UTC,
    # so the Face ID ticket of the 10th (09:30 UTC) is in June's count, not ahead.
    evening = datetime(2026, 6, 10, 2, tzinfo=UTC).astimezone(ZoneInfo("America/New_York"))
    assert evening.day == 9
    assert profiles_json(engine, as_of=evening)[workspace.themes[theme]] == expected(
        theme, workspace.evidence, date(2026, 6, 10)
    ) | {"theme_id": workspace.themes[theme]}


def test_the_delivery_theme_reads_as_a_pm_would_check_it(
    engine: Engine, workspace: Workspace
) -> None:
    """The recount above, pinned to the numbers a PM reads off the fixture by eye."""
    delivery = profiles_json(engine, as_of=AS_OF)[workspace.themes[DELIVERY]]
    ids = workspace.evidence
    assert (delivery["items"], delivery["copies"]) == (13, 1)
    assert (delivery["accounts"], delivery["end_users"]) == (3, 3)
    assert (delivery["observed_items"], delivery["proxy_items"]) == (11, 2)
    assert [m["items"] for m in delivery["monthly"]] == [3, 3, 0, 3, 3, 1]
    assert (delivery["last_full_month"], delivery["month_change"]) == ("2026-05", 0)
    assert (delivery["filling_month"], delivery["items_ahead"]) == ("2026-06", 0)
    assert [(c["evidence_id"], c["cues"]) for c in delivery["counter_evidence"]] == [
        (ids["t-106"], ["works great"]),
        (ids["r-9"], ["easy", "rated 5 of 5"]),
    ]
    tracking = profiles_json(engine)[workspace.themes[TRACKING]]
    assert (tracking["items"], tracking["praise_items"], tracking["counter_evidence"]) == (4, 2, [])


def test_only_active_themes_asked_for_are_profiled(engine: Engine, workspace: Workspace) -> None:
    themes = workspace.themes
    every = profiles_json(engine)
    assert set(every) == {themes[DELIVERY], themes[TRACKING], themes[LOGIN], themes[EMPTY]}
    asked = profiles_json(engine, [themes[LOGIN], themes[OLD], 999_999])
    assert asked == {themes[LOGIN]: every[themes[LOGIN]]}
    assert profiles_json(engine, []) == {}


def test_an_earlier_day_and_a_shorter_counter_list(engine: Engine, workspace: Workspace) -> None:
    """As of 15 April: the items after it are in no month (April holds the three up to the
    15th), and every other figure still counts them (they are the theme's evidence)."""
    as_of = date(2026, 4, 15)
    delivery = profiles_json(engine, as_of=as_of, counter_limit=1)[workspace.themes[DELIVERY]]
    assert delivery == expected(DELIVERY, workspace.evidence, as_of, limit=1) | {
        "theme_id": workspace.themes[DELIVERY]
    }
    assert [m["items"] for m in delivery["monthly"]] == [3, 3, 0, 3]
    assert (delivery["items_ahead"], delivery["items"]) == (4, 13)
    assert (delivery["last_full_month"], delivery["month_before_items"]) == ("2026-03", 3)
    assert delivery["month_change"] == -3
    assert len(delivery["counter_evidence"]) == 1 < delivery["counter_evidence_count"]


def test_a_month_s_last_day_makes_it_the_last_full_month(
    engine: Engine, workspace: Workspace
) -> None:
    """On 31 May no day of May is still to come: May is whole, and is the month compared."""
    delivery = profiles_json(engine, as_of=date(2026, 5, 31))[workspace.themes[DELIVERY]]
    assert delivery == expected(DELIVERY, workspace.evidence, date(2026, 5, 31)) | {
        "theme_id": workspace.themes[DELIVERY]
    }
    assert (delivery["filling_month"], delivery["last_full_month"]) == (None, "2026-05")
    assert (delivery["last_full_month_items"], delivery["month_change"]) == (3, 0)


def test_the_month_so_far_follows_demand_s_rule_every_day() -> None:
    """A theme's filling month and demand's filling period are one rule: the same answer
    for every day of five years, leap days and year ends included."""
    day = date(2024, 1, 1)
    while day < date(2029, 1, 1):
        filling = MonthlyTrend((), None, None, None, day).filling_month
        assert filling == filling_period(day, quarterly=False), day
        day += timedelta(days=1)


def test_an_item_dated_ahead_of_today_is_in_no_month(engine: Engine, workspace: Workspace) -> None:
    """By default the trend runs to today, as demand's does, whatever the newest evidence's
    date: a deal note dated by a close date typed a year ahead (QA round 22: every theme's
    trend ran to that month, its last months empty) is counted apart, not in a month. Read
    through the links (the theme marked dirty by the write) and through the summary."""
    delivery = workspace.themes[DELIVERY]
    today = datetime.now(UTC).date()
    typed_ahead = datetime.combine(today + timedelta(days=417), datetime.min.time(), UTC)
    note = said("sf-0065g0000dEbeSz", RQ, "Lost: no card delivery to Germany.", typed_ahead,
                DELIVERY)  # fmt: skip
    with write_session(engine) as session:
        item = repository.add(
            session,
            EvidenceItem(
                source="salesforce",
                external_id=note.ref,
                kind=note.kind,
                text=note.text,
                created_at=note.when,
            ),
        )
        assert item.id is not None
        repository.add(session, EvidenceTheme(evidence_id=item.id, theme_id=delivery, score=0.8))
    ids = workspace.evidence | {note.ref: item.id}
    want = expected(DELIVERY, ids, today, said=[*SAID, note]) | {"theme_id": delivery}
    assert want["items_ahead"] == 1
    assert want["monthly"][-1]["month"] == month(today)
    with read_session(engine) as session:
        assert theme_summary.split(session, [delivery])[1] == [delivery]
    through_links = profiles_json(engine)[delivery]
    theme_summary.refresh_engine(engine)
    with read_session(engine) as session:
        assert theme_summary.split(session, [delivery])[0] == [delivery]
    assert profiles_json(engine)[delivery] == through_links == want
    # `tradeoff demand` counts the same months to the same day.
    (demand,) = theme_demand(engine, ids=[delivery])
    months = [{"month": p.period, "items": p.items} for p in demand.total.months]
    assert months == through_links["monthly"]


def test_a_few_queries_whatever_the_number_of_themes(engine: Engine, workspace: Workspace) -> None:
    theme_summary.refresh_engine(engine)  # else the dirty themes are counted from their links
    praise.fill_engine(engine, PRAISE_RULES)
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        profiles_json(engine)
    finally:
        event.remove(engine, "before_cursor_execute", record)
    # Active themes, dirty marks, summary days, summary reach, the company's name and the
    # praise mark, kept praise, items above the mark, items sent back, praise ranking, then
    # the words of the counter evidence shown (the name and the mark again, one read of at
    # most 5,000 items).
    assert len([s for s in statements if s.lstrip().upper().startswith("SELECT")]) == 13


def counter_ids(engine: Engine, theme: int, rules: praise.PraiseRules = PRAISE_RULES) -> set[int]:
    with read_session(engine) as session:
        profile = theme_profiles(session, [theme], praise=rules)[theme]
    return {c.evidence_id for c in profile.counter_evidence}


def test_kept_readings_give_the_same_profiles_without_reading_a_text(
    engine: Engine, workspace: Workspace
) -> None:
    unread = profiles_json(engine)
    assert praise.fill_engine(engine, PRAISE_RULES) == len(SAID)
    assert praise.fill_engine(engine, PRAISE_RULES) == 0  # nothing new: one cheap check
    read: list[str] = []

    def reader(text: str, rating: float | None, kind: EvidenceKind) -> tuple[str, ...]:
        read.append(text)
        return praise_cues(text, rating, kind)

    counting = praise.PraiseRules(reader, PRAISE_RULES.fingerprint)
    with read_session(engine) as session:
        kept = theme_profiles(session, praise=counting)
    assert {t: json.loads(json.dumps(p.to_json())) for t, p in kept.items()} == unread
    assert read == []
    today = datetime.now(UTC).date()
    assert unread[workspace.themes[DELIVERY]] == expected(DELIVERY, workspace.evidence, today) | {
        "theme_id": workspace.themes[DELIVERY]
    }


def test_an_edited_or_new_item_is_read_again(engine: Engine, workspace: Workspace) -> None:
    delivery, ids = workspace.themes[DELIVERY], workspace.evidence
    praise.fill_engine(engine, PRAISE_RULES)
    assert counter_ids(engine, delivery) == {ids["r-9"], ids["t-106"]}
    with write_session(engine) as session:
        session.execute(
            update(EvidenceItemRow)
            .where(EvidenceItemRow.id == ids["t-107"])
            .values(text="Replacement card arrived in a day, support was so helpful.")
        )
        session.execute(
            update(EvidenceItemRow).where(EvidenceItemRow.id == ids["r-9"]).values(rating=1)
        )
        added = repository.add(
            session,
            EvidenceItem(
                source="t",
                external_id="t-109",
                kind=TK,
                text="Love the new express delivery!",
                created_at=at(6, 3),
            ),
        )
        assert added.id is not None
        repository.add(session, EvidenceTheme(evidence_id=added.id, theme_id=delivery, score=0.9))
    changed = {ids["t-106"], ids["t-107"], added.id}  # r-9 rated 1 of 5 is no praise now
    assert counter_ids(engine, delivery) == changed  # read from the texts, before any fill
    assert praise.fill_engine(engine, PRAISE_RULES) == 3
    assert counter_ids(engine, delivery) == changed


def test_an_id_taken_again_is_read_again(engine: Engine, workspace: Workspace) -> None:
    login, ids = workspace.themes[LOGIN], workspace.evidence
    praise.fill_engine(engine, PRAISE_RULES)
    with write_session(engine) as session:
        session.execute(delete(EvidenceItemRow).where(EvidenceItemRow.id == ids["t-201"]))
    with write_session(engine) as session:
        again = repository.add(
            session,
            EvidenceItem(
                source="t",
                external_id="t-202",
                kind=TK,
                created_at=at(6, 11),
                text="Face ID works perfectly since the update, thanks!",
            ),
        )
        assert again.id is not None
        repository.add(session, EvidenceTheme(evidence_id=again.id, theme_id=login, score=0.9))
    if engine.dialect.name == "sqlite":
        assert again.id == ids["t-201"]  # the highest id, given out again
    assert counter_ids(engine, login) == set()  # all of the theme is praise: none is counter
    with read_session(engine) as session:
        assert praise.praised(session, PRAISE_RULES, [login]) == {again.id: None}
        found = praise.readings(session, PRAISE_RULES, [again.id])
    assert found[again.id].cues == ("works perfectly",)
    praise.fill_engine(engine, PRAISE_RULES)
    with read_session(engine) as session:
        assert set(praise.praised(session, PRAISE_RULES, [login])) == {again.id}


def test_other_rules_read_everything_again(engine: Engine, workspace: Workspace) -> None:
    praise.fill_engine(engine, PRAISE_RULES)
    everything = praise.PraiseRules(lambda text, rating, kind: ("said",), "every item")
    with read_session(engine) as session:
        assert set(praise.praised(session, everything)) == set(workspace.evidence.values())
    assert praise.fill_engine(engine, everything) == len(SAID)
    with read_session(engine) as session:
        assert set(praise.praised(session, everything)) == set(workspace.evidence.values())
        kept = session.scalar(select(func.count()).select_from(EvidencePraiseRow))
    assert kept == len(SAID)
