"""One analysis of the workspace: a rebuild, or new evidence filed into the themes there are.

A rebuild embeds (cached) → discovers → labels → stores, matching new clusters to the old
themes so ids and people's edits survive; a name a person gave that it keeps on a theme
whose items it mostly moved is reported as a name to check, and a named theme it could not
continue is reported as retired, with where its items went (``storage.theme_name_checks``).
Otherwise only the items not yet filed are placed, each by the nearest centroid of the last
rebuild that the praise rule lets it join (``analysis.praise_filing``: no complaint in a
praise theme, no praise naming nothing in another), so that what exists stays put and an
item lands in the same theme alone or in a batch. An item filed before whose words a
re-import changed (a ticket re-exported with the customer's new comment) counts as not yet
filed: it is placed again by its new words, as it would be if it arrived now — unless a
person filed it, whose placement stands.

Copies of evidence (linked by the importers as duplicates) are not embedded again: they
follow their original into its themes, so they are counted where their words belong.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Engine, insert, select
from sqlalchemy.orm import Session

from tradeoff.analysis.assign import Placement
from tradeoff.analysis.discover import Discovery, DiscoverySettings, discover
from tradeoff.analysis.embed.cache import embed_cached
from tradeoff.analysis.embed.protocol import Embedder, Vectors
from tradeoff.analysis.embed.registry import embedder_name_of
from tradeoff.analysis.filing_scores import score_filings
from tradeoff.analysis.gap_words import rescued_by_words, stored_by_words
from tradeoff.analysis.label.counter import PRAISE_RULES, praised_as_read
from tradeoff.analysis.label.keywords import label_stems, theme_keywords
from tradeoff.analysis.label.namers import heard, kept_rows, namers
from tradeoff.analysis.label.naming_texts import naming_texts, own_name
from tradeoff.analysis.language_apart import (
    language_apart,
    language_name,
    languages,
    named_languages,
)
from tradeoff.analysis.language_filing import kept_to_language, theme_languages
from tradeoff.analysis.new_topic import loose, new_topic_members
from tradeoff.analysis.praise_apart import praise_apart
from tradeoff.analysis.praise_filing import (
    place_as_read,
    praise_themes,
    read_all,
    read_some,
    stored_praise_themes,
)
from tradeoff.analysis.progress import NO_PROGRESS, Progress
from tradeoff.analysis.rescue import filed_as_read
from tradeoff.analysis.seller_notes import (
    FLOOR,
    FOLLOWERS,
    benched_notes,
    filed_by_likeness,
    following,
    foreign_filings,
    founders,
    states_gap,
)
from tradeoff.analysis.text.language import guess_language
from tradeoff.analysis.text.theme_text import says_something, theme_text
from tradeoff.domain.enums import AssignedBy
from tradeoff.domain.evidence import EvidenceItem
from tradeoff.domain.rules import now_utc
from tradeoff.storage import demand_kept, praise, repository, theme_summary
from tradeoff.storage.analysis_runs import AnalysisRun, last_rebuild, record_run, runs
from tradeoff.storage.centroids import StoredCentroids, active_centroids, replace_centroids
from tradeoff.storage.session import read_session, write_session
from tradeoff.storage.tables import EvidenceThemeRow
from tradeoff.storage.theme_closeness import closeness_spread
from tradeoff.storage.theme_matching import FoundTheme, save_found_themes
from tradeoff.storage.theme_name_checks import (
    NameCheck,
    RetiredName,
    named_themes,
    names_to_check,
    retired_names,
)
from tradeoff.storage.themes import (
    ItemText,
    active_members,
    active_themes,
    evidence_texts,
    imported_since,
    reworded,
    unfile_by_model,
    unfiled_copies,
    unfiled_originals,
    unsorted_counts,
)
from tradeoff.storage.workspace import load_workspace_settings

#: Texts embedded per step of the progress bar (and per cache transaction).
EMBED_CHUNK = 20_000


@dataclass(frozen=True)
class AnalysisReport:
    #: "rebuild" or "incremental".
    mode: str
    #: Why the themes were rediscovered, when they were.
    reason: str | None
    items: int
    #: Items this run filed into a theme.
    placed: int
    #: Items this run looked at (all originals in a rebuild; otherwise the unfiled ones and
    #: those whose words changed).
    considered: int
    themes: int
    subthemes: int
    #: Items in no theme after the run (copies too).
    unsorted: int
    model_id: str
    #: Items filed before that this run placed again because their words changed.
    reworded: int = 0
    #: Items that arrived since the last rebuild and form a topic no theme covers
    #: (``new_topic``), left unsorted.
    new_topic: int = 0
    #: Of ``unsorted``, sellers' deal notes, which join a theme only when they fit one
    #: (``analysis.seller_notes``): commercial talk, not a topic left unplaced.
    unsorted_notes: int = 0
    #: After a rebuild, the themes whose person-given name it kept while moving most of
    #: their items (``storage.theme_name_checks``), by id.
    names_to_check: tuple[NameCheck, ...] = ()
    #: After a rebuild, the themes with a person's name that it retired, no new theme
    #: holding enough of their items to carry the name on, by id.
    retired_names: tuple[RetiredName, ...] = ()

    @property
    def unsorted_share(self) -> float:
        """The share of the evidence left unsorted, sellers' notes aside."""
        return (self.unsorted - self.unsorted_notes) / self.items if self.items else 0.0


def found_with(engine: Engine) -> str | None:
    """The name of the embedder the workspace's themes were last discovered with: a plain
    ``tradeoff analyze`` files new evidence with it, instead of rebuilding every theme with
    the default because another was chosen once."""
    with read_session(engine) as session:
        last = last_rebuild(session)
    return embedder_name_of(last.model_id) if last is not None else None


def analyze(
    engine: Engine,
    embedder: Embedder,
    settings: DiscoverySettings | None = None,
    *,
    rebuild: bool = False,
    progress: Progress = NO_PROGRESS,
) -> AnalysisReport:
    """Place new evidence, or rediscover every theme when asked or when it must.

    It must when there are no themes yet, or the embedder is not the one the themes were
    found with (their centroids live in another space), or ``settings`` ask for another
    seed or resolution than the last rebuild used.
    """
    with read_session(engine) as session:
        last = last_rebuild(session)
        centroids = active_centroids(session, embedder.model_id) if last else None
    reason = _why_rebuild(rebuild, last, embedder.model_id, settings, centroids is not None)
    if reason is not None or last is None:
        chosen = settings or (_settings_of(last) if last else DiscoverySettings())
        return _rebuild(engine, embedder, chosen, reason, progress)
    return _file_new(engine, embedder, last, progress)


def settings_asked(
    engine: Engine, seed: int | None, resolution: float | None
) -> DiscoverySettings | None:
    """The seed and resolution asked for, what was not asked as the last rebuild had it:
    ``--seed 3`` alone keeps the resolution chosen before, not the default. None when
    neither is asked (``analyze`` then keeps both)."""
    if seed is None and resolution is None:
        return None
    with read_session(engine) as session:
        last = last_rebuild(session)
    before = _settings_of(last) if last else DiscoverySettings()
    theme_resolution = resolution if resolution is not None else before.theme_resolution
    return replace(
        before,
        theme_resolution=theme_resolution,
        subtheme_resolution=theme_resolution * 2,
        seed=seed if seed is not None else before.seed,
    )


def _settings_of(run: AnalysisRun) -> DiscoverySettings:
    """The discovery settings of an earlier rebuild: a plain ``--rebuild`` keeps the seed and
    resolution a person chose (it went back to the defaults and retired 20 of 68 themes)."""
    return DiscoverySettings(
        theme_resolution=run.resolution, subtheme_resolution=run.resolution * 2, seed=run.seed
    )


def _why_rebuild(
    asked: bool,
    last: AnalysisRun | None,
    model_id: str,
    settings: DiscoverySettings | None,
    have_centroids: bool,
) -> str | None:
    if asked:
        return "asked with --rebuild"
    if last is None:
        return "no themes yet"
    if last.model_id != model_id:
        return f"the themes were found with {last.model_id}"
    if not have_centroids:
        return "no themes yet"
    if settings is not None and (settings.seed, settings.theme_resolution) != (
        last.seed,
        last.resolution,
    ):
        return "another seed or resolution than the last rebuild"
    return None


def _rebuild(
    engine: Engine,
    embedder: Embedder,
    settings: DiscoverySettings,
    reason: str | None,
    progress: Progress,
) -> AnalysisReport:
    started = now_utc()
    praise.fill_engine(engine, PRAISE_RULES)  # the readings the filing rule goes by
    with read_session(engine) as session:
        rows = evidence_texts(session)
        read = [row for row in rows if row.copy_of is None]
        readings = read_all(session, [row.id for row in read])
        benched = benched_notes(session)
        workspace = load_workspace_settings(session)
    ids, said = [row.id for row in read], [_read(row) for row in read]
    vectors = _embed(engine, embedder, said, progress)
    worded = np.array([says_something(text) for text in said], dtype=np.bool_)
    founding = founders([row.kind for row in read], worded)
    with progress.step("cluster", 1) as advance:
        found = discover(vectors[founding], settings)
        placed = found.themes >= 0
        cut = float(found.closeness[placed].min()) if placed.any() else settings.min_similarity
        found = _widened(found, founding)
        found = praise_apart(found, np.array([praised_as_read(t) for t in said], dtype=np.bool_))
        spoken = languages(said)
        found = language_apart(found, spoken, said, min_size=settings.min_size)
        notes = worded & ~founding
        keys = [row.external_id for row in read]
        likened = filed_by_likeness(said, notes, keys, [i in benched for i in ids])
        found = filed_as_read(vectors, found, founding, likened, cut, readings)
        gaps = states_gap(said, likened, keys)
        found = rescued_by_words(vectors, found, said, founding, gaps, readings.praised)
        found = _unfiled(found, foreign_filings(found.themes, notes, spoken))
        advance(1)
    with progress.step("label", 1) as advance:
        voice = namers([row.kind for row in read], founding)
        own = own_name(workspace.company_name, workspace.internal_email_domains)
        naming = naming_texts(said, found.themes, praise_themes(found, readings.praised), own)
        spoken_in = named_languages(spoken, said, found.themes)
        themes = _found_themes(ids, naming, found, spoken_in, voice)
        advance(1)
    copies_of: dict[int, list[int]] = {}
    for row in rows:
        if row.copy_of is not None:
            copies_of.setdefault(row.copy_of, []).append(row.id)
    for theme in themes:  # one pass over the members, not one over every copy per theme
        for original, score in list(theme.members.items()):
            for copy in copies_of.get(original, ()):
                theme.members[copy] = score
    placed = found.themes >= 0
    with progress.step("store", 1) as advance, write_session(engine) as session:
        named = named_themes(session)
        save_found_themes(session, themes)
        row_of = {evidence_id: row for row, evidence_id in enumerate(ids)}
        replace_centroids(session, embedder.model_id, _centroids(session, vectors, row_of))
        score_filings(session, embedder.model_id)
        report = _report(session, "rebuild", reason, len(rows), len(read), embedder)
        checks = names_to_check(session)
        report = replace(
            report,
            names_to_check=tuple(checks[i] for i in sorted(checks)),
            retired_names=tuple(retired_names(session, named)),
        )
        report = _finish(session, report, started, settings, cut, int(placed.sum()))
        advance(1)
    return report


def _file_new(
    engine: Engine, embedder: Embedder, last: AnalysisRun, progress: Progress
) -> AnalysisReport:
    started = now_utc()
    # New and changed items read for praise first: the filing rule counts per theme on the
    # kept readings (``analysis.praise_filing``).
    praise.fill_engine(engine, PRAISE_RULES)
    with read_session(engine) as session:
        unfiled = unfiled_originals(session)
        changed = _reworded(session)
        centroids = active_centroids(session, embedder.model_id)
        # What the last rebuild never saw: a topic can only have arrived with it.
        fresh = imported_since(session, [row.id for row in unfiled], last.started_at)
        fresh |= {row.id for row in changed}
        pending = sorted([*unfiled, *changed], key=lambda row: row.id)
        readings = read_some(session, [row.id for row in pending])
        praise_tops = stored_praise_themes(session)
        # One grouped pass over every model link: only a run with arrivals can need it.
        spread = closeness_spread(session) if fresh else {}
        benched = benched_notes(session, [row.id for row in pending if row.kind in FOLLOWERS])
    assert centroids is not None
    read = [_read(row) for row in pending]
    vectors = _embed(engine, embedder, read, progress)
    finest = ~centroids.has_children
    with progress.step("place", 1) as advance:
        # Sellers' notes are filed at ``FLOOR`` as a rebuild's rescue files them, the others
        # at the last rebuild's cut: the nearest theme is the same whatever the cut.
        placement = place_as_read(
            vectors,
            centroids.theme_ids[finest],
            centroids.top_ids[finest],
            centroids.vectors[finest],
            min(last.unsorted_below, FLOOR),
            readings,
            praise_tops,
        )
        kept_to_language(
            engine,
            placement,
            read,
            vectors,
            (centroids.theme_ids[finest], centroids.top_ids[finest], centroids.vectors[finest]),
            min(last.unsorted_below, FLOOR),
            readings,
            praise_tops,
        )
        wordless = np.array([not says_something(text) for text in read], dtype=np.bool_)
        notes = following([row.kind for row in pending])
        keys = [row.external_id for row in pending]
        likened = filed_by_likeness(read, notes, keys, [row.id in benched for row in pending])
        unfit = notes & ((placement.closeness < FLOOR) | ~likened)
        far = ~notes & (placement.closeness < last.unsorted_below)
        placement.top[wordless | unfit | far] = -1
        placement.finest[far] = -1
        settings = DiscoverySettings(seed=last.seed, theme_resolution=last.resolution)
        arrived_rows = np.array([row.id in fresh for row in pending], dtype=np.bool_)
        gaps = notes & (placement.top < 0) & states_gap(read, likened, keys)
        words = _WordsAsked(pending, read, vectors, {row.id for row in changed})
        _file_by_words(engine, placement, words, gaps, centroids, praise_tops)
        # Sellers' notes found no theme in a rebuild, so none arrives through them either.
        unsure = (placement.top < 0) | loose(placement.closeness, placement.finest, spread)
        candidates = np.flatnonzero(unsure & ~wordless & ~notes & arrived_rows)
        arrived = candidates[
            new_topic_members(
                vectors[candidates], settings, last.unsorted_below, centroids.vectors[finest]
            )
        ]
        placement.top[arrived] = -1
        advance(1)
    links: dict[tuple[int, int], float] = {}
    for evidence_id, theme, top, score in zip(
        (row.id for row in pending),
        placement.finest,
        placement.top,
        placement.closeness,
        strict=True,
    ):
        if top >= 0:
            closeness = max(0.0, min(1.0, float(score)))
            links[(evidence_id, int(top))] = closeness
            links[(evidence_id, int(theme))] = closeness
    with progress.step("store", 1) as advance, write_session(engine) as session:
        unfile_by_model(session, [row.id for row in changed])
        _insert_model_links(session, links)
        _file_copies(session)
        with_items = repository.count(session, EvidenceItem)
        report = _report(session, "incremental", None, with_items, len(pending), embedder)
        report = replace(report, reworded=len(changed), new_topic=len(arrived))
        report = _finish(
            session,
            report,
            started,
            settings,
            last.unsorted_below,
            int((placement.top >= 0).sum()),
        )
        advance(1)
    return report


@dataclass(frozen=True)
class _WordsAsked:
    """What an incremental run gives the word route: the items it places, as read and
    embedded, and those among them whose words changed."""

    pending: list[ItemText]
    read: list[str]
    vectors: Vectors
    reworded: set[int]


def _file_by_words(
    engine: Engine,
    placement: Placement,
    asked: _WordsAsked,
    gaps: NDArray[np.bool_],
    centroids: StoredCentroids,
    praise_tops: frozenset[int],
) -> None:
    """Place the ``gaps`` notes whose words file them (``analysis.gap_words``), against the
    customers' items as stored. Only notes no run has read yet (imported since the last one
    started, or reworded): an earlier run read the others the same way, and the customers'
    texts are read only when there is such a note."""
    rows = np.flatnonzero(gaps)
    if not rows.size:
        return
    with read_session(engine) as session:
        since = runs(session)[-1].started_at
        ids = [asked.pending[i].id for i in rows.tolist()]
        unseen = imported_since(session, ids, since) | asked.reworded
        rows = np.array([i for i, at in zip(rows, ids, strict=True) if at in unseen], np.int64)
        if not rows.size:
            return
        items, members = evidence_texts(session), active_members(session)
    filing = stored_by_words(
        [asked.read[i] for i in rows.tolist()],
        asked.vectors[rows],
        items,
        members,
        centroids,
        praise_tops,
        lambda item: item.kind not in FOLLOWERS,
    )
    filed = (filing.top >= 0) & ~_abroad(engine, [asked.read[i] for i in rows], filing.top)
    at = rows[filed]
    placement.top[at], placement.finest[at] = filing.top[filed], filing.finest[filed]
    placement.closeness[at] = filing.closeness[filed]


def _abroad(engine: Engine, notes: list[str], tops: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Per note filed by its words (``tops``, -1 none): whether its theme is written in
    other languages than the note, which the word route does not ask but placement does
    (``kept_to_language``); read as a rebuild's ``foreign_filings`` reads it: a note in any
    of its theme's languages (a French note in a German and French theme) stays."""
    filed = (tops >= 0).tolist()
    spoken = [guess_language(text) if at else None for text, at in zip(notes, filed, strict=True)]
    if not any(spoken):
        return np.zeros(len(notes), dtype=np.bool_)
    with read_session(engine) as session:
        language_of = theme_languages(session)
    return np.array(
        [
            # An English or mixed theme (no languages) is language-neutral.
            code is not None and code not in (language_of.get(int(top)) or [code])
            for code, top in zip(spoken, tops.tolist(), strict=True)
        ],
        dtype=np.bool_,
    )


def _unfiled(found: Discovery, out: NDArray[np.bool_]) -> Discovery:
    """``found`` with the ``out`` items unsorted at both levels: a note taken out of a theme
    leaves its sub-theme too, or the sub-theme would count an item its theme does not."""
    if not out.any():
        return found
    themes, subthemes = found.themes.copy(), found.subthemes.copy()
    themes[out], subthemes[out] = -1, -1
    return replace(found, themes=themes, subthemes=subthemes)


def _widened(found: Discovery, grouped: NDArray[np.bool_]) -> Discovery:
    """Discovery of the ``grouped`` items widened to every item, the others unsorted."""
    themes = np.full(grouped.size, -1, dtype=found.themes.dtype)
    subthemes = np.full(grouped.size, -1, dtype=found.subthemes.dtype)
    closeness = np.zeros(grouped.size, dtype=found.closeness.dtype)
    themes[grouped], subthemes[grouped], closeness[grouped] = (
        found.themes,
        found.subthemes,
        found.closeness,
    )
    return Discovery(themes=themes, subthemes=subthemes, closeness=closeness)


def _read(row: ItemText) -> str:
    """The item as the engine reads it: a ticket's message without its email wrapping."""
    return theme_text(row.kind, row.title, row.text)


def _reworded(session: Session) -> list[ItemText]:
    """Filed items whose words, as the engine reads them, changed since the last run read
    them: a new signature or tag is no reason to move an item, new words are. Items whose
    earlier words are no longer recorded (an import undone since) are placed again too."""
    return [
        found.item
        for found in reworded(session)
        if found.before is None or theme_text(*found.before) != _read(found.item)
    ]


def _embed(engine: Engine, embedder: Embedder, texts: Sequence[str], progress: Progress) -> Vectors:
    """Through the cache, a chunk per transaction: a long run keeps what it has done."""
    parts = []
    with progress.step("embed", len(texts)) as advance:
        for start in range(0, len(texts), EMBED_CHUNK):
            chunk = texts[start : start + EMBED_CHUNK]
            with write_session(engine) as session:
                parts.append(embed_cached(session, embedder, chunk))
            advance(len(chunk))
    if not parts:
        return np.zeros((0, embedder.dimensions), dtype=np.float32)
    return np.concatenate(parts)


def _centroids(session: Session, vectors: Vectors, row_of: dict[int, int]) -> dict[int, Vectors]:
    """Each active theme's mean member vector, normalised (people's filings included)."""
    result: dict[int, Vectors] = {}
    for theme_id, members in active_members(session).items():
        rows = [row_of[e] for e in members if e in row_of]
        if rows:
            mean = vectors[rows].mean(axis=0)
            result[theme_id] = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
    return result


def _insert_model_links(session: Session, links: dict[tuple[int, int], float]) -> None:
    if links:
        session.execute(
            insert(EvidenceThemeRow),
            [
                {"evidence_id": e, "theme_id": t, "score": s, "assigned_by": AssignedBy.MODEL}
                for (e, t), s in sorted(links.items())
            ],
        )


def _file_copies(session: Session) -> None:
    """Copies not yet filed take their original's links."""
    copies = unfiled_copies(session)
    if not copies:
        return
    query = select(
        EvidenceThemeRow.evidence_id, EvidenceThemeRow.theme_id, EvidenceThemeRow.score
    ).where(EvidenceThemeRow.evidence_id.in_(set(copies.values())))
    by_original: dict[int, list[tuple[int, float]]] = {}
    for original, theme_id, score in session.execute(query):
        by_original.setdefault(original, []).append((theme_id, score))
    links = {
        (copy, theme_id): score
        for copy, original in copies.items()
        for theme_id, score in by_original.get(original, [])
    }
    _insert_model_links(session, links)


def _report(
    session: Session,
    mode: str,
    reason: str | None,
    items: int,
    considered: int,
    embedder: Embedder,
) -> AnalysisReport:
    summaries = active_themes(session)
    unsorted, notes = unsorted_counts(session, FOLLOWERS)
    return AnalysisReport(
        mode=mode,
        reason=reason,
        items=items,
        placed=0,
        considered=considered,
        themes=sum(1 for s in summaries if s.parent_id is None),
        subthemes=sum(1 for s in summaries if s.parent_id is not None),
        unsorted=unsorted,
        unsorted_notes=notes,
        model_id=embedder.model_id,
    )


def _finish(
    session: Session,
    report: AnalysisReport,
    started: datetime,
    settings: DiscoverySettings,
    cut: float,
    placed: int,
) -> AnalysisReport:
    record_run(
        session,
        AnalysisRun(
            mode=report.mode,
            model_id=report.model_id,
            seed=settings.seed,
            resolution=settings.theme_resolution,
            unsorted_below=cut,
            items=report.items,
            placed=placed,
            unsorted=report.unsorted,
            themes=report.themes,
            subthemes=report.subthemes,
            started_at=started,
            finished_at=now_utc(),
        ),
    )
    # The themes this run filed into are dirty: summarise them now, in the same commit, so
    # the first read after an analysis is fast; likewise read the new items for praise.
    session.flush()
    theme_summary.refresh(session)
    praise.fill(session, PRAISE_RULES)
    # Last: the demand figures kept for this data version (storage.demand_kept).
    demand_kept.keep_if_worth_it(session)
    return replace(report, placed=placed)


def _found_themes(
    ids: list[int],
    texts: list[str],
    found: Discovery,
    spoken: list[str | None],
    voice: NDArray[np.bool_],
) -> list[FoundTheme]:
    """The themes and sub-themes found, each named by its members in the ``voice``
    (``label.namers``): the others are members, never namers."""
    at_theme = heard(found.themes, voice)
    top_words = theme_keywords(*kept_rows(at_theme, texts, found.themes))
    parents = found.parent_of()
    # A sub-theme is named apart from its theme ("board · cards · slow" twice, otherwise).
    theirs = {sub: label_stems(top_words[theme]) for sub, theme in parents.items()}
    at_sub = heard(found.subthemes, voice)
    sub_words = theme_keywords(*kept_rows(at_sub, texts, found.subthemes), apart_from=theirs)
    in_theme: dict[int, dict[int, float]] = {}
    in_sub: dict[int, dict[int, float]] = {}
    for row, evidence_id in enumerate(ids):
        closeness = float(found.closeness[row])
        if found.themes[row] >= 0:
            in_theme.setdefault(int(found.themes[row]), {})[evidence_id] = closeness
            in_sub.setdefault(int(found.subthemes[row]), {})[evidence_id] = closeness
    theme_speech = _speech(ids, spoken, at_theme)
    sub_speech = _speech(ids, spoken, at_sub)
    result = [
        FoundTheme(f"t{label}", None, _name(top_words[label], members, theme_speech), members)
        for label, members in sorted(in_theme.items())
    ]
    # A theme whose items all form one sub-theme has no second level: that sub-theme would
    # repeat the theme under its own id (31 of 48 themes on 3,000 Banking77 queries).
    subs_of = Counter(parents[label] for label in in_sub)
    result += [
        FoundTheme(
            f"s{label}",
            f"t{parents[label]}",
            _name(sub_words[label], members, sub_speech),
            members,
        )
        for label, members in sorted(in_sub.items())
        if subs_of[parents[label]] > 1 or len(members) < len(in_theme[parents[label]])
    ]
    return result


def _speech(
    ids: list[int], spoken: list[str | None], kept: NDArray[np.bool_]
) -> dict[int, str | None]:
    """The language of each ``kept`` item, by id."""
    return {i: s for i, s, keep in zip(ids, spoken, kept.tolist(), strict=True) if keep}


def _name(
    keywords: list[str], members: dict[int, float], language_of: dict[int, str | None]
) -> str:
    """The label terms joined, led by the languages of a theme mostly in other languages
    than English ("in Spanish · código verificación"), as its namers (``language_of``: the
    members that name it) speak."""
    language, terms = language_name([language_of[i] for i in members if i in language_of], keywords)
    words = [language, *terms] if language else terms
    return " · ".join(words) if words else "(no words)"
