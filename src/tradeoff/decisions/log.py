"""The decision log: record a decision, revise it, read its history (principle 8).

A decision is never edited in place. A revision is a new row that supersedes the earlier
one; the earlier row stays as it was, and "superseded by #N" is read from the newer row. The
chain is linear (``decisions.supersedes_id`` is unique): revising a decision that already
has a revision is refused, naming the newest one, so two people cannot fork the history.

>>> record = record_decision(engine, DecisionDraft(question="Build SSO now?", ...))
... # doctest: +SKIP
>>> [r.id for r in decision_history(engine, record.id).revisions]  # doctest: +SKIP
[1]
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from tradeoff.decisions.decision_draft import DecisionDraft, OptionLink
from tradeoff.decisions.not_yet import Wording, reply_text
from tradeoff.decisions.records import DecisionHistory, DecisionRecord, Revision, changes_between
from tradeoff.decisions.signals import (
    DemandSignal,
    MetricSignal,
    SignalSyntaxError,
    Subject,
    canonical,
    is_note,
    parse_signal,
)
from tradeoff.domain.decisions import Decision, DecisionLink
from tradeoff.domain.enums import DecisionStatus, ThemeStatus
from tradeoff.domain.names import metric_slug
from tradeoff.errors import Conflict, InputError, NotFound
from tradeoff.storage import decision_log as store
from tradeoff.storage import repository
from tradeoff.storage.currency import base_currency
from tradeoff.storage.session import read_session, write_session

#: Statuses a person may record; "superseded" is derived from the newer revision.
RECORDABLE = (
    DecisionStatus.PROPOSED,
    DecisionStatus.DECIDED,
    DecisionStatus.NOT_YET,
    DecisionStatus.REVERSED,
)


def record_decision(
    engine: Engine, draft: DecisionDraft, *, today: date | None = None
) -> DecisionRecord:
    """Store ``draft`` as a new decision, in one transaction; with ``draft.supersedes`` it
    is a revision: fields the draft leaves empty are taken from the earlier decision.

    A "not yet" gets its reply generated from its own fields unless the draft brings one.
    """
    day = today or datetime.now(UTC).date()
    with write_session(engine) as session:
        earlier: DecisionRecord | None = None
        if draft.supersedes is not None:
            earlier = _earlier(session, draft.supersedes)
            draft = draft.inherit(earlier.decision, earlier.option_links)
        status = draft.status or DecisionStatus.DECIDED
        _check_status(status, draft)
        signals = _checked_signals(
            session, draft.signals, set(earlier.decision.revisit_signals) if earlier else set()
        )
        options = list(draft.options)
        chosen = draft.chosen_option()
        decided_on = draft.decided_on
        if decided_on is None and status in {DecisionStatus.DECIDED, DecisionStatus.NOT_YET,
                                              DecisionStatus.REVERSED}:  # fmt: skip
            decided_on = day
        decision = Decision(
            title=draft.question or "",
            context=draft.context,
            options=options,
            chosen_option=chosen,
            tradeoffs_accepted=draft.tradeoffs,
            not_optimising_for=draft.not_optimising_for,
            assumptions=list(draft.assumptions),
            revisit_signals=signals,
            owner=draft.owner,
            stakeholders=list(draft.stakeholders),
            decided_at=_midnight(decided_on),
            status=status,
            supersedes_id=draft.supersedes,
            requested_by=draft.requested_by,
            reply_text=draft.reply,
        )
        if status is DecisionStatus.NOT_YET and not draft.reply:
            decision = replace(
                decision,
                reply_text=reply_text(
                    decision, reason=draft.reason, wording=signal_wording(session, signals)
                ),
            )
        overlong = repository.overlong_field(decision)
        if overlong is not None:
            raise InputError(f"{overlong[0]} is longer than {overlong[1]} characters")
        links = _checked_links(session, draft.links, len(options))
        stored, stored_links = store.add_decision(session, decision, links)
        return DecisionRecord(stored, tuple(stored_links))


def get_decision(engine: Engine, decision_id: int) -> DecisionRecord:
    with read_session(engine) as session:
        return _record(session, decision_id)


def decision_history(engine: Engine, decision_id: int) -> DecisionHistory:
    """The chain ``decision_id`` belongs to, oldest → newest, with what changed each time."""
    with read_session(engine) as session:
        by_id = {d.id: d for d in store.all_decisions(session)}
        if decision_id not in by_id:
            raise NotFound(f"no decision with id {decision_id}")
        later = store.successors(session)
        first = decision_id
        seen = {first}
        while (earlier := by_id[first].supersedes_id) is not None and earlier in by_id:
            if earlier in seen:  # pragma: no cover - the schema forbids a cycle of one
                break
            seen.add(earlier)
            first = earlier
        chain = [first]
        while chain[-1] in later and later[chain[-1]] not in chain:
            chain.append(later[chain[-1]])
        links = store.links_of(session, chain)
    records = [DecisionRecord(by_id[i], tuple(links.get(i, [])), later.get(i)) for i in chain]
    revisions = [
        Revision(record, changes_between(records[n - 1], record) if n else ())
        for n, record in enumerate(records)
    ]
    return DecisionHistory(decision_id, tuple(revisions))


def list_decisions(engine: Engine, *, include_superseded: bool = False) -> list[DecisionRecord]:
    """The newest revision of every chain (every row with ``include_superseded``), most
    recently decided first."""
    with read_session(engine) as session:
        decisions = store.all_decisions(session)
        later = store.successors(session)
        links = store.links_of(session, [d.id for d in decisions if d.id is not None])
    records = [
        DecisionRecord(d, tuple(links.get(d.id or 0, [])), later.get(d.id or 0)) for d in decisions
    ]
    if not include_superseded:
        records = [r for r in records if r.is_current]
    records.sort(key=lambda r: (r.decision.decided_at or r.decision.recorded_at, r.id),
                 reverse=True)  # fmt: skip
    return records


def signal_wording(session: Session, signals: list[str]) -> Wording:
    """The names a requester knows the signals' subjects and metrics by."""
    parsed = [parse_signal(s) for s in signals]
    wanted: dict[Subject, set[int]] = {s: set() for s in Subject}
    for signal in parsed:
        if isinstance(signal, DemandSignal):
            wanted[signal.subject].add(signal.subject_id)
    subjects: dict[tuple[Subject, int], str] = {}
    for theme_id, state in store.theme_states(session, wanted[Subject.THEME]).items():
        subjects[Subject.THEME, theme_id] = state.name
    for problem_id, name in store.problem_names(session, wanted[Subject.PROBLEM]).items():
        subjects[Subject.PROBLEM, problem_id] = name
    for opp_id, name in store.opportunity_names(session, wanted[Subject.OPPORTUNITY]).items():
        subjects[Subject.OPPORTUNITY, opp_id] = name
    by_slug = {metric_slug(m.name): m.name for m in store.metric_definitions(session)}
    metrics = {
        s.metric: by_slug[metric_slug(s.metric)]
        for s in parsed
        if isinstance(s, MetricSignal) and metric_slug(s.metric) in by_slug
    }
    return Wording(subjects, metrics, base_currency(session))


def _earlier(session: Session, decision_id: int) -> DecisionRecord:
    record = _record(session, decision_id)
    if record.superseded_by is not None:
        later = store.successors(session)
        newest = record.superseded_by
        while newest in later:
            newest = later[newest]
        raise Conflict(
            f"decision #{decision_id} was already revised; its newest revision is #{newest}: "
            f"revise that one (tradeoff decide --supersedes {newest} ...)"
        )
    return record


def _record(session: Session, decision_id: int) -> DecisionRecord:
    decision = repository.get(session, Decision, decision_id)
    links = store.links_of(session, [decision_id]).get(decision_id, [])
    return DecisionRecord(decision, tuple(links), store.successor_of(session, decision_id))


def _check_status(status: DecisionStatus, draft: DecisionDraft) -> None:
    if status not in RECORDABLE:
        raise InputError(
            "status 'superseded' is not recorded: record the new revision with --supersedes ID"
        )
    if status is DecisionStatus.REVERSED and draft.supersedes is None:
        raise InputError("a reversal revises a decision: give --supersedes ID")
    if status is DecisionStatus.NOT_YET and not draft.requested_by:
        raise InputError("a 'not yet' answers someone: give --requested-by (who asked)")
    if not draft.question:
        raise InputError("a decision needs its question (--question)")


def _checked_signals(session: Session, texts: tuple[str, ...], inherited: set[str]) -> list[str]:
    """Each signal in canonical form; a subject it names must exist, and a new signal on a
    theme must name an active one (a merged theme's evidence lives in its target)."""
    checked = []
    for text in texts:
        if is_note(text):
            checked.append(canonical(text))
            continue
        try:
            signal = parse_signal(text)
        except SignalSyntaxError as exc:
            raise InputError(
                f"{exc} (start it with 'note:' to record a signal a person judges)"
            ) from None
        if isinstance(signal, DemandSignal):
            _check_subject(session, signal, fresh=text not in inherited)
        checked.append(str(signal))
    return checked


def _check_subject(session: Session, signal: DemandSignal, *, fresh: bool) -> None:
    ident = signal.subject_id
    if signal.subject is Subject.THEME:
        state = store.theme_states(session, [ident]).get(ident)
        if state is None:
            raise InputError(f"signal {str(signal)!r}: no theme with id {ident}")
        if fresh and state.status is ThemeStatus.MERGED:
            raise InputError(
                f"signal {str(signal)!r}: theme {ident} was merged into theme "
                f"{state.merged_into_id}; name that one"
            )
        if fresh and state.status is ThemeStatus.ARCHIVED:
            raise InputError(f"signal {str(signal)!r}: theme {ident} is archived")
        return
    names = (
        store.problem_names(session, [ident])
        if signal.subject is Subject.PROBLEM
        else store.opportunity_names(session, [ident])
    )
    if ident not in names:
        raise InputError(f"signal {str(signal)!r}: no {signal.subject} with id {ident}")


def _checked_links(
    session: Session, links: tuple[OptionLink, ...], option_count: int
) -> list[DecisionLink]:
    checked = []
    for link in links:
        if not 1 <= link.option <= option_count:
            raise InputError(
                f"link {str(link)!r}: there is no option {link.option} "
                f"(the decision has {option_count})"
            )
        names = (
            store.problem_names(session, [link.target_id])
            if link.kind is Subject.PROBLEM
            else store.opportunity_names(session, [link.target_id])
        )
        if link.target_id not in names:
            raise InputError(f"link {str(link)!r}: no {link.kind} with id {link.target_id}")
        checked.append(link.to_domain())
    return checked


def _midnight(day: date | None) -> datetime | None:
    return None if day is None else datetime(day.year, day.month, day.day, tzinfo=UTC)
