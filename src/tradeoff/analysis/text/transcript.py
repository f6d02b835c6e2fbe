"""A conversation transcript read as turns: who spoke (and for which company), and what.

Call recorders and note-takers write each turn under a speaker label, with or without a
timestamp. The shapes read here, on a line of their own with the words on the next lines,
or with the words after a colon on the same line:

- ``**Dana Whitfield (Acme)** [00:01:16]`` (Gong-like Markdown; bold optional)
- ``Dana Whitfield  0:05`` and ``Speaker 1 (00:05):`` (Otter, Teams, Rev)
- ``00:01:16 Dana Whitfield`` and ``0:05 | Dana Whitfield`` (time first)
- ``Dana Whitfield: words``, ``[00:01:16] Dana Whitfield: words``, ``**Dana:** words``
- WebVTT / SRT cues pasted into a note: the ``WEBVTT`` line, cue numbers and
  ``00:00:01.000 --> 00:00:04.000`` timings carry no words; ``<v Dana>words</v>`` names
  the speaker.

A label is a person's name (capitalised words, name particles such as "de" or "van"
allowed, at most five words), "Speaker 2", or a role ("Interviewer", "Customer",
"Entrevistador", "Kunde", ...: ``ROLES``). A label with a timestamp, a company in
parentheses, a voice tag, a role or a name the caller knows (the note's customer or
interviewer) is a speaker for sure. One with only a colon or bold marks ("Dana:",
"**Sam**") is a speaker when it names a sure label's speaker, or when it opens two turns
or more in a text with at least two speakers so found: a note's "Pain point: exports fail"
is a field of the note-taker's template, not a person talking (nor are the field names
of ``NOT_SPEAKERS``, however often they repeat). A text is a transcript from two turns:
one quote in a note ("- Tobias: ...") is the note-taker's. A turn runs to the next label
or heading; one opened by a list item is that item, so the note's next bullet is not
taken for the speaker's words.

The label and its timestamps are not what was said: they grouped a QA corpus's 46 calls
by the rep's name and the template's questions ("clara nunes payroo · run payroll
today"). Which turns are the customer's is the importer's call (it knows the note's
interviewer and the batch: ``importers.transcripts``); a reading of the text alone only
drops what holds no words (``spoken_lines``).

    >>> [t.speaker for t in read_transcript("**Sam (Acme)** [00:00:05]\\nHi\\n"
    ...     "**Dana (Beta)** [00:00:09]\\nExports fail.").turns]
    ['Sam', 'Dana']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass

from tradeoff.domain.names import fold

_TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
#: A timestamp, bare or in brackets: "0:05", "[00:01:16]", "(01:02:03.250)".
TIME = rf"(?:\[{_TIME}\]|\({_TIME}\)|{_TIME})"
_WORD = r"[^\W\d_][\w'’.\-]*"
_NAME = rf"{_WORD}(?:[ ]{_WORD}){{0,4}}(?:[ ]\d{{1,3}})?"
_MARK = r"(?:\*\*|__)"
#: A line that may open a turn; ``_accept`` decides whether it does.
_LABEL = re.compile(
    rf"^[ \t]*(?P<bullet>[-*+][ \t]+)?(?P<t1>{TIME})?[ \t]*(?:[|·\-–—][ \t]*)?"
    rf"(?P<open>{_MARK})?[ \t]*(?P<name>{_NAME})[ \t]*"
    r"(?:\((?P<company>[^()\d\s][^()\n]{0,59})\))?[ \t]*"
    rf"(?P<t2>{TIME})?[ \t]*(?P<c1>:)?[ \t]*(?P<close>{_MARK})?[ \t]*"
    rf"(?P<t3>{TIME})?[ \t]*(?P<c2>:)?[ \t]*(?P<said>.*)$"
)
_VOICE = re.compile(r"^[ \t]*<v(?:\.[\w.-]+)?[ \t]+(?P<name>[^>]{1,80})>(?P<said>.*)$")
#: Lines with no words: a timestamp, a cue timing, a WebVTT header, a cue number.
_TIME_ONLY = re.compile(rf"^[ \t]*{TIME}(?:[ \t]*-->[ \t]*{TIME}[^\n]*)?[ \t]*$")
_CUE_TIMING = re.compile(rf"^[ \t]*{TIME}[ \t]*-->")
_WEBVTT = re.compile(r"^\ufeff?WEBVTT\b")
_CUE_NUMBER = re.compile(r"^[ \t]*\d{1,6}[ \t]*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")
_HARD_BREAK = re.compile(r"(?:[ \t]{2,}|\\)$")

#: Particles of personal names, written in lower case inside a name.
NAME_PARTICLES = frozenset(
    "de da do dos das del della di du des van von der den ter ten zu la le y e bin al el".split()  # noqa: SIM905 - a word list reads better
)
#: Labels naming the side that asks (folded: lower case, no accents): the vendor's
#: interviewer, rep or host, in English, Spanish, Portuguese, French, German, Italian and
#: Dutch. Single letters (Q; P for pregunta / pergunta; F for Frage) are never sure on
#: their own, as a bare label is not (``_accept``).
OUR_ROLES = frozenset(
    """interviewer interviewers moderator facilitator host researcher question q rep seller
    agent ae sdr bdr csm me entrevistador entrevistadora moderador moderadora pregunta
    pergunta p vendedor vendedora anfitrion anfitriona intervieweur intervieweuse enqueteur
    enqueteuse animateur animatrice moderateur moderatrice interviewerin moderatorin frage f
    befrager befragerin gastgeber intervistatore intervistatrice moderatore domanda vraag
    gespreksleider""".split()  # noqa: SIM905 - a word list reads better
) | {"sales rep", "account executive", "account manager", "customer success manager"}
#: Labels naming the side that answers: the customer, user or participant (as above).
CUSTOMER_ROLES = frozenset(
    """customer client interviewee participant respondent user prospect buyer caller guest
    answer a cliente entrevistado entrevistada participante usuario usuaria respuesta
    resposta r interviewe utilisateur utilisatrice reponse repondant repondante kunde
    kundin befragte befragter teilnehmer teilnehmerin nutzer nutzerin antwort intervistato
    intervistata utente risposta partecipante klant deelnemer geinterviewde antwoord""".split()  # noqa: SIM905 - a word list reads better
)
#: Field names of a note-taker's template ("Pain point: ...", "Summary: ..."): never a
#: speaker, however often they repeat.
NOT_SPEAKERS = frozenset(
    """note notes context background agenda attendees participants present date time
    duration location recording summary recap pain problem problems impact quote quotes
    workaround request requests feedback goal goals outcome result results update example
    tip warning important todo tags title source link url email phone company account role
    team plan status priority owner decision decisions insight insights takeaway takeaways
    observation observations""".split()  # noqa: SIM905 - a word list reads better
) | {"next steps", "action items", "follow up", "pain point", "pain points", "key quote"}
ROLES = OUR_ROLES | CUSTOMER_ROLES
#: "Speaker 2", "Participant A": a recorder's label for an unnamed voice.
_NUMBERED = re.compile(
    r"^(?:speaker|sprecher|hablante|orador|locuteur|participant|guest)\s+\w{1,3}$"
)
#: Beyond this many characters a line is a page of text, never looked at for a label.
MAX_LABEL_LINE = 5000
#: A bare label must open at least this many turns, in a text with two such labels, to
#: count without a sure label beside it.
BARE_LABEL_TURNS = 2


@dataclass(frozen=True)
class Turn:
    """One speaker's turn: the label as written, its company, and the words said."""

    speaker: str
    company: str | None
    said: str

    @property
    def role(self) -> str | None:
        """``"ours"`` or ``"customer"`` when the label is a role (``ROLES``), else None."""
        key = fold(self.speaker)
        if key in OUR_ROLES:
            return "ours"
        if key in CUSTOMER_ROLES:
            return "customer"
        return None


@dataclass(frozen=True)
class Transcript:
    """A text read as turns; ``notes`` are the lines outside any turn (a heading, a
    summary written before the conversation), kept in order with the turns."""

    parts: tuple[str | Turn, ...]

    @property
    def turns(self) -> tuple[Turn, ...]:
        return tuple(p for p in self.parts if isinstance(p, Turn))

    def text(self, keep: Collection[Turn] | None = None) -> str:
        """The notes and the words of the turns in ``keep`` (all by default), one paragraph
        each, without labels and timestamps."""
        chosen = [
            p if isinstance(p, str) else p.said
            for p in self.parts
            if isinstance(p, str) or keep is None or p in keep
        ]
        return "\n\n".join(c for c in chosen if c.strip())


@dataclass(frozen=True)
class _Label:
    index: int
    speaker: str
    company: str | None
    said: str
    sure: bool
    bullet: bool = False


def read_transcript(text: str, known: Collection[str] = ()) -> Transcript | None:
    """``text`` as turns, or None when no line of it opens a turn (module docstring).
    ``known``: names the caller knows are speakers (a note's customer and interviewer),
    which make a bare label naming them sure."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    found = [_label(i, line, known, _after_time(lines, i)) for i, line in enumerate(lines)]
    labels = _accept(found)
    if not labels:
        return None
    parts: list[str | Turn] = []
    notes: list[str] = []
    current: _Label | None = None
    said: list[str] = []

    def close() -> None:
        if current is not None:
            words = "\n".join(said).strip()
            parts.append(Turn(current.speaker, current.company, words))
        elif notes and "\n".join(notes).strip():
            parts.append("\n".join(notes).strip())

    by_line = {label.index: label for label in labels}
    for index, line in enumerate(lines):
        label = by_line.get(index)
        if label is not None:
            close()
            current, said, notes = label, [label.said] if label.said else [], []
            continue
        if current is not None and _ends_turn(current, line):
            close()
            current, said, notes = None, [], []
        if not spoken(line, lines, index):
            continue
        if current is not None:
            said.append(_HARD_BREAK.sub("", line.rstrip()))
        else:
            notes.append(line)
    close()
    return Transcript(tuple(parts))


def _ends_turn(label: _Label, line: str) -> bool:
    """A heading ends any turn; a list item's turn ("- Tobias: ...") is that item, ended
    by a blank or unindented line: the next bullet of a note is the note-taker's again."""
    if _HEADING.match(line):
        return True
    return label.bullet and not line[:1].isspace()


def spoken(line: str, lines: list[str], index: int) -> bool:
    """Whether a line can hold words said: not a timestamp, a cue timing, a WebVTT header
    or the number of the cue whose timing follows."""
    if _TIME_ONLY.match(line) or _WEBVTT.match(line):
        return False
    if _CUE_NUMBER.match(line):
        following = next((n for n in lines[index + 1 :] if n.strip()), "")
        return _CUE_TIMING.match(following) is None
    return True


def spoken_lines(text: str) -> str:
    """``text`` without the lines that hold no words said: timestamps, cue timings and
    numbers, and speaker lines with a timestamp ("**Sam (Acme)** [00:01:16]"); a turn's
    leading timestamp ("[00:01:16] Sam: ...") goes too. What the note-taker's reading
    (``note.note_body``) can drop without knowing who is who."""
    lines = text.split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        if not spoken(line, lines, index):
            continue
        match = _LABEL.match(line) if len(line) <= MAX_LABEL_LINE else None
        if match is not None and _timed(match) and _person_like(match["name"]):
            if not match["said"].strip():
                continue
            if match["t1"] and (match["c1"] or match["c2"]):
                line = line[: match.start("t1")] + line[match.end("t1") :].lstrip(" \t|·-–—")
        kept.append(line)
    return "\n".join(kept)


def _timed(match: re.Match[str]) -> bool:
    return bool(match["t1"] or match["t2"] or match["t3"])


def _after_time(lines: list[str], index: int) -> bool:
    """The line follows a timestamp or a cue timing: a subtitle cue's "Name: words"."""
    previous = next((n for n in reversed(lines[max(0, index - 3) : index]) if n.strip()), "")
    return _TIME_ONLY.match(previous) is not None


def _label(index: int, line: str, known: Collection[str], after_time: bool) -> _Label | None:
    if len(line) > MAX_LABEL_LINE:
        return None
    voice = _VOICE.match(line)
    if voice is not None:
        name = voice["name"].strip()
        said = voice["said"].strip().removesuffix("</v>").strip()
        return _Label(index, name, None, said, sure=True)
    match = _LABEL.match(line)
    if match is None or not _person_like(match["name"]):
        return None
    colon = bool(match["c1"] or match["c2"])
    bold = bool(match["open"] and match["close"])
    timed = _timed(match)
    said = match["said"].strip()
    if said and not (colon or (bold and timed)):
        return None  # "Dana said the export fails" is a sentence, not a label
    if not said and not (colon or bold or timed):
        return None
    company = (match["company"] or "").strip() or None
    name = match["name"].strip()
    key = fold(name)
    sure = (
        timed
        or (after_time and colon)
        or company is not None
        or (key in ROLES and len(key) > 1)
        or any(_same_person(name, k) for k in known if k)
    )
    words = said.strip().removeprefix("**").strip()
    return _Label(index, name, company, words, sure, bullet=bool(match["bullet"]))


def _accept(found: list[_Label | None]) -> list[_Label]:
    """The labels that open turns: every sure one; a bare one when it names a sure
    label's speaker, or when it opens ``BARE_LABEL_TURNS`` turns or more in a text with
    at least two speakers so found. None when fewer than two turns are found."""
    labels = [f for f in found if f is not None]
    sure = {fold(label.speaker) for label in labels if label.sure}
    counts = Counter(fold(label.speaker) for label in labels if not label.sure)
    repeated = {name for name, n in counts.items() if n >= BARE_LABEL_TURNS}
    if len(sure | repeated) < 2:
        repeated = set()
    accepted = [
        label
        for label in labels
        if label.sure
        or fold(label.speaker) in repeated
        or any(_same_person(label.speaker, name) for name in sure)
    ]
    # One turn is a quote in a note, not a conversation to take apart.
    return accepted if len(accepted) >= 2 else []


def _person_like(name: str) -> bool:
    """A person's name as a label writes it, "Speaker 2", or a role (module docstring)."""
    key = fold(name)
    if key in NOT_SPEAKERS:
        return False
    if key in ROLES or _NUMBERED.match(key):
        return True
    words = name.split()
    if not words or not words[0][:1].isupper():
        return False
    return all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)


def same_person(label: str, name: str) -> bool:
    """Whether a speaker label names this person: the same words (case and accents
    aside), the first name alone, or initials for some words ("Aisha R." for Aisha Rahman)."""
    return _same_person(label, name)


def _same_person(label: str, name: str) -> bool:
    said, full = fold(label).split(), fold(name).split()
    if not said or not full:
        return False
    if said == full or (len(said) == 1 and said[0] == full[0]):
        return True
    return len(said) == len(full) and all(
        a == b or (len(a) == 1 and b.startswith(a)) for a, b in zip(said, full, strict=True)
    )
