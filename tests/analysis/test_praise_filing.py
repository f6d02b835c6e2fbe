"""The model files complaints in no praise theme, and praise naming nothing in no other theme.

Two corpora QA testers built: a running app's reviews (GPS complaints, battery, billing,
ads and a theme of GPS praise, each said alone and in pairs as people write them), where
complaints about a new Garmin integration were filed in the GPS praise theme; and a project
tool's tickets and survey answers, where "Great product, our team loves it." sat among CSV
export complaints and counted in their demand.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
from sqlalchemy import Engine

from tests.analysis.themed import file_ticket, placements
from tradeoff.analysis.discover import Discovery
from tradeoff.analysis.edits import move_evidence
from tradeoff.analysis.embed.static import StaticEmbedder
from tradeoff.analysis.label.area_praise import is_praise_theme
from tradeoff.analysis.label.counter import PRAISE_RULES, praise_cues
from tradeoff.analysis.praise_filing import PraiseReadings
from tradeoff.analysis.rescue import filed_as_read
from tradeoff.analysis.run import analyze
from tradeoff.domain.enums import EvidenceKind
from tradeoff.domain.evidence import EvidenceItem, Theme
from tradeoff.storage import repository
from tradeoff.storage.analysis_runs import AnalysisRun, record_run
from tradeoff.storage.centroids import put_centroid
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.theme_profile import theme_profiles

GPS = [
    "GPS drift is terrible, my 5k run showed up as 6.3 km.",
    "The map shows me running through buildings and across the river.",
    "Distance is always off by like half a kilometre on the same loop I run every day.",
    "My route zigzags all over the place even in open parks.",
    "Pace jumps from 4:30 to 9:00 per km randomly because the location keeps jumping.",
    "Tracking lost signal in the middle of my run and drew a straight line across town.",
    "The GPS said I ran 14 miles when I ran 10. Useless for marathon training.",
    "Location accuracy got way worse since the last update, the trace is all jagged.",
    "Every time I go under trees the route goes haywire and the splits are nonsense.",
    "Auto-pause triggers while I'm still running because it thinks I've stopped moving.",
    "My cycling route was recorded as if I teleported 2 km at the start.",
    "The elevation and distance on hikes are wildly inaccurate compared to my friend's app.",
    "Why does the route line cut corners? It's costing me distance on every run.",
    "Started a run and the first kilometre was tracked from my house 3 streets away.",
    "Track looks like a drunk spider walked on the map lol.",
]
BATTERY = [
    "This app drains my battery like crazy on my Samsung.",
    "Battery went from 100 to 40 percent during a one hour run on my Pixel.",
    "Even when I'm not tracking, Stridewell uses 30% of my battery in the background.",
    "Android battery usage shows Stridewell at the top every single day.",
    "My phone gets hot and the battery dies halfway through a long run.",
    "After the update the app keeps running in the background and kills my battery.",
    "Battery drain is insane on Android 14, had to uninstall.",
    "The app keeps a wakelock all night, my OnePlus is dead by morning.",
    "Can't use it for a half marathon because my phone runs out of power.",
]
BILLING = [
    "I was charged twice for the annual subscription and nobody answers.",
    "I cancelled my Premium trial but still got billed $59.99.",
    "Requesting a refund for the yearly plan, I never meant to renew.",
    "The subscription auto-renewed without any reminder email, I want my money back.",
    "Charged for Premium but the app still shows me as a free user.",
    "There's no way to cancel the subscription inside the app, it's a trap.",
    "The price went up from 7.99 to 12.99 a month without notice.",
    "I was billed after the free trial even though I cancelled on day 3.",
    "Refund request ignored for three weeks now, this is fraud.",
    "My card was charged in euros and dollars for the same month.",
    "Restore purchase doesn't work, I paid for lifetime and it asks me to pay again.",
]
ADS = [
    "Way too many ads in the free version, one after every run.",
    "A full screen video ad popped up in the middle of my workout.",
    "Ads in the free tier are so aggressive it's unusable.",
    "I get an ad before I can even start tracking, ridiculous.",
    "The banner ads cover the stop button on the run screen.",
    "30 second unskippable ad after saving my run. No thanks.",
    "Audio ads interrupt my music during the run.",
]
GPS_PRAISE = [
    "GPS tracking is spot on, even in the city between tall buildings.",
    "Love how accurate the route map is, matches my watch exactly.",
    "Distance tracking is super precise on my trail runs now, great job on the GPS fix.",
    "The map of my runs is so accurate, best GPS of any running app I've tried.",
]
#: Each topic said alone, then two of its sentences in one review, as in the QA corpus.
RUNNING = [
    (GPS, [(3, 9), (8, 2), (5, 9), (7, 10), (9, 1)]),
    (BATTERY, [(0, 7), (4, 3), (3, 7), (8, 7), (6, 2), (3, 2), (8, 6), (0, 1), (2, 0)]),
    (BATTERY, [(4, 0), (4, 7)]),
    (BILLING, [(9, 6), (6, 10), (9, 7), (2, 5), (1, 0), (2, 7), (3, 4), (10, 6), (10, 4)]),
    (ADS, [(3, 4), (6, 3), (4, 2), (4, 6), (3, 4), (1, 2), (5, 0), (6, 2), (4, 5), (5, 1)]),
    (ADS, [(5, 2), (4, 6), (4, 0)]),
    (GPS_PRAISE, [(1, 2), (2, 1), (0, 3), (3, 2), (3, 0), (2, 0), (3, 0), (0, 1), (3, 1)]),
    (GPS_PRAISE, [(0, 3)]),
]
#: A new integration, broken: a topic the last rebuild never saw.
GARMIN = [
    "The new Garmin integration is broken, my Forerunner activities don't import.",
    "Connected my Garmin account but nothing syncs from Garmin Connect.",
    "Garmin sync imports every run twice since the new integration launched.",
    "After linking Garmin, my Fenix workouts show up with no GPS map.",
    "The Garmin connection keeps asking me to re-authorise every day.",
    "Garmin integration says connected but the last activity is from a week ago.",
    "Activities from my Garmin watch come through with the wrong date.",
    "Can't disconnect Garmin, the toggle just flips back on.",
]


def running_reviews() -> list[str]:
    texts: list[str] = []
    seen: set[int] = set()
    for sentences, pairs in RUNNING:
        if id(sentences) not in seen:  # a topic listed twice is said alone once
            seen.add(id(sentences))
            texts += sentences
        texts += [f"{sentences[a]} {sentences[b]}" for a, b in pairs]
    return texts


CSV_EXPORT = [
    "The CSV export drops every row after 10,000, our team loses half the timesheets.",
    "Exporting the team report to CSV gives garbled accents in names.",
    "CSV export puts all columns in one cell when our team opens it in Excel.",
    "Our team's weekly CSV export has been timing out since Monday.",
    "The exported CSV has dates in US format, our finance team needs ISO dates.",
    "CSV export of the project list is missing the custom fields our team added.",
    "The CSV export button spins forever for our team's largest workspace.",
    "Scheduled CSV exports stopped arriving in our team inbox.",
]
SSO = [
    "SSO login with Okta fails with a SAML error for half the company.",
    "After the SAML certificate rotation nobody can sign in with Azure AD.",
    "Single sign-on redirects in a loop and never lands on the dashboard.",
    "New hires cannot log in through SSO until an admin re-invites them.",
    "Okta SSO sessions expire every hour, people have to log in again all day.",
    "Google Workspace SSO shows 'account not found' for users that exist.",
]
SLOW_DASHBOARDS = [
    "Dashboards take a full minute to load with more than ten widgets.",
    "The portfolio dashboard freezes the browser tab when filtering by owner.",
    "Loading the resource dashboard is painfully slow every Monday morning.",
    "Charts on the executive dashboard time out for large projects.",
    "Switching dashboard tabs takes 20 seconds, it used to be instant.",
    "The dashboard spinner runs forever when we open last quarter.",
]
GANTT_PRAISE = [
    "The new Gantt view is fantastic, planning our sprints is so easy now.",
    "Love the Gantt chart, drag to reschedule works perfectly.",
    "The Gantt timeline is great, our PMO finally sees every dependency.",
    "Gantt view is brilliant, so easy to move milestones around.",
    "Really love how clear the Gantt chart makes the critical path.",
    "The Gantt planner is excellent, best one we have used.",
]
#: A survey answer praising nothing it names, six times over.
GENERIC = "Great product, our team loves it."


def add(
    engine: Engine, texts: list[str], first: int, kind: EvidenceKind = EvidenceKind.TICKET
) -> dict[int, str]:
    """Each text as an item of ``kind``; returns evidence id → text."""
    ids: dict[int, str] = {}
    with write_session(engine) as session:
        for offset, text in enumerate(texts):
            item = repository.add(
                session,
                EvidenceItem(
                    source="inapp",
                    external_id=str(first + offset),
                    kind=kind,
                    text=text,
                    created_at=datetime(2026, 3, 1, tzinfo=UTC) + timedelta(hours=offset),
                ),
            )
            assert item.id is not None
            ids[item.id] = text
    return ids


def praise_themes(engine: Engine) -> set[int]:
    """The active praise themes, as a theme's page tells them."""
    with read_session(engine) as session:
        profiles = theme_profiles(session, praise=PRAISE_RULES)
        themes = {t.id for t in repository.list_all(session, Theme) if t.parent_id is None}
    return {i for i, profile in profiles.items() if i in themes and is_praise_theme(profile)}


def themes_of(engine: Engine, ids: dict[int, str]) -> dict[int, set[int]]:
    filed = placements(engine)
    return {i: filed.get(i, set()) for i in ids}


def test_complaints_of_a_new_topic_join_no_praise_theme(engine: Engine) -> None:
    add(engine, running_reviews(), 1)
    analyze(engine, StaticEmbedder())
    (gps_praise,) = praise_themes(engine)
    before = placements(engine)
    garmin = add(engine, GARMIN, 1000)
    report = analyze(engine, StaticEmbedder())
    assert report.mode == "incremental"
    filed = themes_of(engine, garmin)
    assert {garmin[i] for i, themes in filed.items() if gps_praise in themes} == set()
    # Unsorted, or in a theme of complaints: never counted as praise of the GPS.
    assert all(not themes & praise_themes(engine) for themes in filed.values())
    assert {i: t for i, t in placements(engine).items() if i in before} == before
    assert report.unsorted >= sum(1 for themes in filed.values() if not themes)


def test_praise_of_an_area_arriving_later_still_joins_its_theme(engine: Engine) -> None:
    add(engine, running_reviews(), 1)
    analyze(engine, StaticEmbedder())
    (gps_praise,) = praise_themes(engine)
    later = add(engine, ["The GPS map is so accurate on my trail runs, love it."], 1000)
    analyze(engine, StaticEmbedder())
    assert gps_praise in themes_of(engine, later)[next(iter(later))]


@pytest.fixture
def project_tool(engine: Engine) -> dict[int, str]:
    """Tickets of three complaints, survey answers praising the Gantt view and six saying
    only that the team loves the product; returns the six's ids."""
    tickets = [*CSV_EXPORT, *SSO, *SLOW_DASHBOARDS]
    add(engine, tickets * 2, 1)
    add(engine, GANTT_PRAISE * 2, 100, EvidenceKind.SURVEY)
    return add(engine, [GENERIC] * 6, 200, EvidenceKind.SURVEY)


def test_a_rebuild_takes_praise_naming_nothing_out_of_a_theme_of_complaints(
    engine: Engine, project_tool: dict[int, str]
) -> None:
    analyze(engine, StaticEmbedder())
    praise = praise_themes(engine)
    assert praise  # the Gantt praise
    filed = themes_of(engine, project_tool)
    assert [themes for themes in filed.values() if themes - praise_and_subs(engine, praise)] == []
    before = placements(engine)
    again = analyze(engine, StaticEmbedder())
    assert (again.mode, again.placed) == ("incremental", 0)
    assert placements(engine) == before  # a second run right away changes nothing


def test_a_persons_filing_of_praise_stands(engine: Engine, project_tool: dict[int, str]) -> None:
    analyze(engine, StaticEmbedder())
    with read_session(engine) as session:
        tops = {t.id for t in repository.list_all(session, Theme) if t.parent_id is None}
    (export,) = placements(engine)[1] & tops  # the theme of the first CSV export ticket
    chosen = min(project_tool)
    move_evidence(engine, [chosen], export)
    analyze(engine, StaticEmbedder())
    analyze(engine, StaticEmbedder(), rebuild=True)
    assert export in placements(engine)[chosen]


def praise_and_subs(engine: Engine, praise: set[int]) -> set[int]:
    """The praise themes and their sub-themes."""
    with read_session(engine) as session:
        themes = repository.list_all(session, Theme)
    return praise | {t.id for t in themes if t.parent_id in praise and t.id is not None}


def rebuilt_with(
    engine: Engine, embedder: StaticEmbedder, themes: dict[str, list[str]]
) -> dict[str, int]:
    """A workspace as a rebuild left it: each theme with its tickets filed and its centroid
    over them, and the rebuild recorded, so the next ``analyze`` is incremental; theme name
    → id."""
    start = datetime(2026, 3, 2, tzinfo=UTC)
    ids: dict[str, int] = {}
    n = 0
    with write_session(engine) as session:
        for name, texts in themes.items():
            theme = repository.add(session, Theme(name=name)).id
            assert theme is not None
            ids[name] = theme
            put_centroid(session, embedder.model_id, theme, _unit(embedder.embed(texts)))
            for text in texts:
                n += 1
                file_ticket(session, theme, text, f"t{n}", start + timedelta(days=n), 0.8)
        moment = start + timedelta(days=n)
        record_run(
            session,
            AnalysisRun("rebuild", embedder.model_id, 0, 2.0, 0.2, n, n, 0, 3, 0, moment, moment),
        )
    return ids


def _unit(vectors: np.ndarray) -> np.ndarray:
    mean = vectors.mean(axis=0)
    return (mean / np.linalg.norm(mean)).astype(np.float32)


def test_praise_naming_nothing_arriving_later_joins_only_a_praise_theme(engine: Engine) -> None:
    """A workspace a rebuild before this rule left: two of the survey answers among the CSV
    export complaints, the centroid pulled their way."""
    embedder = StaticEmbedder()
    themes = {
        "csv export · team": [*CSV_EXPORT, GENERIC, GENERIC],
        "sso · okta": SSO,
        "gantt view · love": GANTT_PRAISE,
    }
    ids = rebuilt_with(engine, embedder, themes)
    assert praise_themes(engine) == {ids["gantt view · love"]}
    later = add(
        engine,
        [GENERIC, "Our team can't export to CSV since the update."],
        500,
        EvidenceKind.SURVEY,
    )
    assert analyze(engine, embedder).mode == "incremental"
    generic, export = sorted(later)
    filed = themes_of(engine, later)
    assert filed[generic] == {ids["gantt view · love"]}
    assert filed[export] == {ids["csv export · team"]}


def readings_of(texts: list[str]) -> PraiseReadings:
    cues = [praise_cues(t, None, EvidenceKind.SURVEY) for t in texts]
    return PraiseReadings(
        praised=np.array([bool(c) for c in cues], dtype=np.bool_),
        naming=np.array([bool(c) and PRAISE_RULES.names(c) for c in cues], dtype=np.bool_),
    )


#: Discovery as a rebuild might leave it: GPS praise (0, what reads as praise: "spot on" is
#: no cue), GPS complaints (1), battery complaints with a survey answer praising nothing
#: (2), and three items it left unsorted.
DISCOVERED = [
    *[(t, 0) for t in GPS_PRAISE[1:]],
    *[(t, 1) for t in GPS[:4]],
    *[(t, 2) for t in BATTERY[:4]],
    (GENERIC, 2),
    ("After linking Garmin, my Fenix workouts show up with no GPS map.", -1),
    ("Great app, love it!", -1),
    ("The battery lasts all week now, brilliant work.", -1),
]


def test_a_rebuild_files_what_discovery_left_unsorted_by_the_same_rule() -> None:
    texts = [t for t, _ in DISCOVERED]
    labels = np.array([label for _, label in DISCOVERED], dtype=np.int64)
    found = Discovery(
        themes=labels, subthemes=labels.copy(), closeness=np.full(labels.size, 0.6, np.float32)
    )
    vectors = StaticEmbedder().embed(texts)
    founding = np.ones(labels.size, dtype=np.bool_)
    none = np.zeros(labels.size, dtype=np.bool_)
    filed = filed_as_read(vectors, found, founding, none, 0.2, readings_of(texts))
    theme_of = dict(zip(texts, filed.themes.tolist(), strict=True))
    assert theme_of["After linking Garmin, my Fenix workouts show up with no GPS map."] == 1
    assert theme_of["Great app, love it!"] == 0  # nearest praise theme, close enough
    assert theme_of[GENERIC] == -1  # out of the battery theme, near no praise theme
    assert theme_of["The battery lasts all week now, brilliant work."] == 2  # counter evidence
    assert filed.themes[: len(DISCOVERED) - 4].tolist() == labels[: len(DISCOVERED) - 4].tolist()


#: Discovery as the static embedder left a QA tester's inventory corpus: a complaint with
#: no praise word beside the praise for its likeness ("supported" beside "support"), and
#: long complaints that open with faint praise, in the praise theme (0).
#: The praise reads as praise ("spot on" is no cue, so ``GPS_PRAISE[0]`` is left out).
PRAISED = [*GPS_PRAISE[1:], f"{GPS_PRAISE[1]} {GPS_PRAISE[2]}", f"{GPS_PRAISE[3]} {GPS_PRAISE[1]}"]
LIKENED = [
    *[(t, 0) for t in PRAISED],
    ("Heart rate straps from Polar are not supported for GPS runs.", 0),
    ("Some background: I run five days a week. Most things work well. The GPS distance is "
     "wrong on every trail run, the map is off by half a kilometre.", 0),
    ("Some background: I train for marathons. Most things work well. The GPS route skips "
     "every tunnel on my city runs.", 0),
    *[(t, 1) for t in GPS[:6]],
    *[(t, 2) for t in BATTERY[:4]],
]  # fmt: skip


def test_a_rebuild_takes_what_is_no_praise_out_of_a_praise_theme() -> None:
    texts = [t for t, _ in LIKENED]
    readings = readings_of(texts)
    complaints = [t for t, label in LIKENED if label == 0 and t not in PRAISED]
    assert not any(readings.praised[texts.index(t)] for t in complaints)
    assert all(readings.praised[: len(PRAISED)])
    labels = np.array([label for _, label in LIKENED], dtype=np.int64)
    found = Discovery(
        themes=labels, subthemes=labels.copy(), closeness=np.full(labels.size, 0.6, np.float32)
    )
    vectors = StaticEmbedder().embed(texts)
    founding = np.ones(labels.size, dtype=np.bool_)
    none = np.zeros(labels.size, dtype=np.bool_)
    filed = filed_as_read(vectors, found, founding, none, 0.2, readings)
    theme_of = dict(zip(texts, filed.themes.tolist(), strict=True))
    # Out of the praise theme: to the GPS complaints when near enough, else unsorted.
    assert {t: theme_of[t] for t in complaints if theme_of[t] not in (1, -1)} == {}
    assert theme_of[complaints[1]] == 1  # "distance is wrong": GPS complaints
    assert [theme_of[t] for t in PRAISED] == [0] * len(PRAISED)
    assert filed.themes[len(PRAISED) + 3 :].tolist() == labels[len(PRAISED) + 3 :].tolist()


@pytest.mark.parametrize(
    "praise",
    [
        "Solid app, reliable and simple for the guys in the field",
        "Great tool for our techs on the road",
        "Really reliable for my team",
    ],
)
def test_praise_for_the_people_it_helps_names_nothing(praise: str) -> None:
    """Whom praise is for is no area: a QA corpus's 15 survey answers "Solid app, reliable
    and simple for the guys in the field" read as naming "field" and so sat in a complaint
    theme, their accounts counted in its demand."""
    cues = praise_cues(praise, None, EvidenceKind.SURVEY)
    assert cues
    assert not PRAISE_RULES.names(cues)


@pytest.mark.parametrize(
    "praise",
    [
        "The customer portal is great for our clients",
        "Invoicing is fast for our office staff",
        "Love the custom fields",
        "Perfect for scheduling techs",
        "Works great for the dispatch team",
    ],
)
def test_praise_naming_an_area_still_names_it_beside_whom_it_is_for(praise: str) -> None:
    cues = praise_cues(praise, None, EvidenceKind.SURVEY)
    assert cues
    assert PRAISE_RULES.names(cues)
