"""The sentences of a long message that state its problem, not the background around it.

A long ticket (300–600 words) explains who the customer is, their team and setup, how long
they have been customers, what happened before and what they already tried, and states the
problem in a sentence or two somewhere among them. The fast embedder averages word vectors,
so 400 words of background outweigh 30 words of problem; MiniLM reads only its first
``minilm.MAX_TOKENS`` tokens and may never reach a problem stated at the end. A QA help
desk's long tickets were grouped by their backgrounds: 0.66 of them in their topic's
theme against 0.87 of its short tickets. So a message of more than ``LONG_WORDS`` words is
read as the sentences that state its problem, by cues any help desk's messages share
(scored per sentence, each kind of cue counted once):

- **a question or a request** (+2): a sentence ending in "?" or opening like one ("How
  do I…", "Is there a way…", "Can you…"), "please", "I need to", "I'd like to", "I'm trying
  to", "help me";
- **trouble, now** (+2): "can't", "unable to", "doesn't", "won't", "isn't", "hasn't",
  "no longer", "stopped", "keeps failing", "waiting for", "is not showing", "yet to",
  "error", "fails", "broken", "wrong", "incorrect", "missing", "lost", "stolen", "forgot",
  "declined", "stuck", "pending", "charged twice", "slow", "freezes", "without warning",
  "I didn't make"…;
- **trouble, told or vague** (+1): "still" ("a few units still use phones"), "didn't",
  "wasn't", "couldn't", "never", "problem", "issue", "should", "why";
- **background** (−2): how things went well ("without any problem", "worked fine", "has
  always been reliable", "no issues"), who the customer is ("we are a…", "I'm a…",
  "based in", "family-run", "on payroll") and how long ("for six years", "customers since
  2019", "years ago", "back in 2021");
- **narrative** (−1): what happened before ("we switched from", "we took on", "last
  year", "previously", "at the time") and the setup ("we use", "our team", "our
  accountant"), unless the sentence asks ("Can I use…"). What the customer already tried
  is no background: "I tried to top up but it is still pending" states the problem.

A sentence whose every word is a plea's (``PLEA``: "Can you help?", "Please advise asap.",
"Any update on this?") states no problem however it asks, and a request (not a question)
about "this" or "it" with no trouble of its own ("We need this sorted before payroll goes
out.") says how urgent the problem is, not what it is: it counts as one vague cue.

The sentences scoring at least ``CUE_SCORE`` and at least half the best score are read, in
their order, each with the sentence before it when it opens by pointing back ("It…",
"This…", "They…"): "We pay our drivers by card. It keeps getting declined." reads both.
A message with no such sentence is read whole, as before: the cues are English, and a
message in another language, or one that only tells ("A driver had his wallet taken."),
has none.

Only messages sent to get help are read this way (``theme_text.PROBLEM_SHAPED``: tickets,
chats, internal requests). An interview or call note records several problems, and the
interviewer's questions would score as the customer's; a review or survey answer is a
verdict on the product whose praise is content (counter evidence reads it) and whose topic
is set by the question, not hidden in a background; a deal note is the seller's account.
The stored text is never changed, and quotes, copies and keyword search read the message
whole (``theme_text.as_said``).

    >>> problem_statement("Short tickets are read as they are.")
    'Short tickets are read as they are.'
"""

from __future__ import annotations

import re
from enum import IntEnum

#: Beyond this many words (whitespace-separated, after the email wrapping is cut) a message
#: is long. A message that states one problem seldom needs more: Banking77's longest query
#: is 84 words (median 10), and the QA help desk's long tickets, background and problem,
#: ran 300–600. Texts of this many words or fewer are read exactly as before, so a short
#: message's few words of context ("We're a 40-truck carrier and…") stay part of it.
LONG_WORDS = 120
#: The score a sentence needs to be read as the problem: one clear cue (a question, a
#: request or trouble now), or two vague ones, net of any background cue.
CUE_SCORE = 2

# The cues, written as phrases in lower case; "{a,b}" stands for each of its words in turn,
# and "<year>" and "<n>" for a year (1900–2099) and any other number.
_ASKING_PHRASES = """please, pls, plz, kindly, explain, help {me,us}, {need,needs,needed}
{to,help,your,you,a,an}, {i,we} need, {i,we} want to, {i,we} would like, {i'd,we'd} like,
{i'd,we'd} rather, {i,we} wish to, {i'm,i am,we're,we are} {trying,looking} to,
is there {a,any} way, is it possible, let {me,us} know {how,why,what,when,if,whether},
{can,could,would} you, tell {me,us}"""
#: Words that open a question ("How do I…", "Is there…", "Can I…").
_QUESTION_WORDS = """how why what what's whats where when which who is are can could would
will do does did should has have shall"""
_TROUBLE_PHRASES = """can't, cant, cannot, can not, unable, not able, won't, wont, will not,
doesn't, doesnt, does not, don't, dont, do not, isn't, isnt, is not, aren't, arent, are not,
hasn't, hasnt, has not, haven't, havent, have not, not working, no longer, anymore, stopped,
waiting {for,on}, yet to, forgot, forgotten, lost, stolen, incorrect, mistake, denied, error,
errors, fail, fails, failing, failed, failure, broken, wrong, missing, declined, rejected,
stuck, frozen, locked, blocked, crash, crashes, crashed, crashing, bug, bugs, pending,
disappeared, charged twice, double charged, overcharged, slow, slower, too long, freezes,
hangs, times out, timed out, without warning, overlap, overlaps, overlapping,
{i,we} {didn't,did not,never} {make,do,authorise,authorize,recognise,recognize,order,request}"""
_VAGUE_PHRASES = """still, didn't, didnt, did not, wasn't, wasnt, was not, weren't, couldn't,
couldnt, could not, never, problem, problems, issue, issues, trouble, should, why, urgent,
urgently, asap"""
_BACKGROUND_PHRASES = """no {problem,problems,issue,issues,trouble},
without {any,a,} {problem,problems,issue,issues,trouble,hitch,fuss,complaint},
{worked,works,went,going,gone} {fine,well,smoothly,perfectly,great},
{has,have,had} {always,all,} been {fine,great,good,reliable,fair,excellent,happy,smooth,quick,easy},
never {had,have} {a,any} {problem,problems,issue,issues},
{we are,we're,i am,i'm} {a,an}, based in, family {run,owned}, on payroll, founded,
{customer,customers} since, since <year>, back in <year>, back then, years ago,
for {<n>,a few,several,many,two,three,four,five,six,seven,eight,nine,ten} years,
{we have,we've,i have,i've} {banked,been banking,been with you,been customers,
been a customer,been using}"""
#: Phrases that read like a cue's but are none ("I'm a bit confused" is no introduction).
_NEUTRAL_PHRASES = """{i'm,i am,we're,we are} a {bit,little,lot}"""
_NARRATIVE_PHRASES = """{i,we,i have,we have,i've,we've} {switched to,switched from,moved to,
moved from,moved into,moved our,moved all,took on,hired,grew,migrated,signed up,joined},
{we,i} {also,mostly,only,all,} {use,run,manage,handle,employ,operate,keep},
our {company,business,firm,team,office,accountant,staff,clients,customers,finance},
last {year,spring,summer,autumn,fall,winter}, previously, originally, at the time,
earlier this year, over the {summer,years}, over the past year"""
#: A request about the problem stated elsewhere ("We need this sorted before payroll.",
#: "Please look into it."): it says how urgent the problem is, not what it is.
_ABOUT_IT_PHRASES = """{need,want,get,have,like,fix,fixed,sort,sorted,resolve,solve,check,look into}
{this,it,that}"""
_NOT_DOING_WORDS = """anything something nothing everything thing things during morning
evening spring bring"""
#: "-ing" words that follow "not" or "keeps" without naming trouble ("not anything").
_NOT_DOING = frozenset(_NOT_DOING_WORDS.split())


def _phrases(spec: str) -> list[str]:
    """The phrases a cue list stands for, each "{a,b}" expanded."""
    phrases = []
    for item in re.split(r",\s*(?![^{]*\})", " ".join(spec.split())):
        variants = [item.strip()]
        while any("{" in v for v in variants):
            expanded = []
            for variant in variants:
                group = re.search(r"\{([^}]*)\}", variant)
                if group is None:
                    expanded.append(variant)
                    continue
                for word in group.group(1).split(","):
                    expanded.append(
                        variant[: group.start()] + word.strip() + variant[group.end() :]
                    )
            variants = expanded
        phrases += [" ".join(v.split()) for v in variants if v.strip()]
    return phrases


class _Cue(IntEnum):
    """The kinds of cue (module docstring)."""

    ASKS = 1
    TROUBLE = 2
    VAGUE = 3
    BACKGROUND = 4
    NARRATIVE = 5
    ABOUT_IT = 6
    NEUTRAL = 7


_CUES: dict[str, _Cue] = {
    phrase: kind
    for kind, spec in (
        (_Cue.ASKS, _ASKING_PHRASES),
        (_Cue.TROUBLE, _TROUBLE_PHRASES),
        (_Cue.VAGUE, _VAGUE_PHRASES),
        (_Cue.BACKGROUND, _BACKGROUND_PHRASES),
        (_Cue.NARRATIVE, _NARRATIVE_PHRASES),
        (_Cue.ABOUT_IT, _ABOUT_IT_PHRASES),
        (_Cue.NEUTRAL, _NEUTRAL_PHRASES),
    )
    for phrase in _phrases(spec)
}
_SINGLE = {phrase: kind for phrase, kind in _CUES.items() if " " not in phrase}
#: The first words of the cues of several words ("is there", "is there a"), and the most
#: words a cue has.
_PREFIXES = frozenset(
    " ".join(words[:end])
    for words in (phrase.split() for phrase in _CUES)
    for end in range(1, len(words))
)
_LONGEST = max(len(phrase.split()) for phrase in _CUES)
QUESTION_WORDS = frozenset(_QUESTION_WORDS.split())
_PLEA_WORDS = """a about all am an and any anyone anything are as at be been but by can
could did do does done don't for get got had has have having help helps how i i'd i'm i've
if in is it it's its just know let me my need needs of on or our please pls plz really
should so some someone something sort sorted soon sure thanks thank that the there this to
us very want was we we're what what's when where why will with would you your assist
assistance advise advice ideas idea suggestions support team guys fix fixed resolve
resolved asap urgent urgently possible reply back update updates news still again issue
problem trouble look looking into check here regarding"""
#: Words of a plea that names nothing ("Can you help?", "Please advise asap.", "Any update
#: on this?"): read alone, such a sentence would group long tickets by how people ask.
PLEA = frozenset(_PLEA_WORDS.split())
_WORD = re.compile(r"[\w']+")
_YEAR = re.compile(r"(19|20)\d\d")
#: A sentence that opens by pointing back to the one before it ("It keeps failing.").
_POINTS_BACK = re.compile(r"^\W*(it|this|that|they|these|those|which|he|she)\b", re.I)
#: Where a sentence ends: after its closing marks (and a closing quote or bracket), at a
#: space; customers often open the next one in lower case.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"')\]]))\s+")
#: An abbreviation's full stop ends no sentence ("e.g. the export", "approx. 40 drivers").
_ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|approx|vs|mr|mrs|ms|dr|nr|inc|ltd)\.$", re.I)


def problem_statement(text: str) -> str:
    """The sentences of a long message that state its problem, one per line; the text
    itself when it is not long or no sentence states a problem (see the module docstring).
    """
    chosen = _chosen(text)
    return text if chosen is None else "\n".join(sentence for _, sentence in chosen)


def problem_excerpt(text: str) -> str:
    """What a quote of a long message shows: the sentences stating its problem in the
    customer's words, "…" where sentences were left out; the text itself otherwise. A
    400-character quote of a long ticket was mostly its background."""
    chosen = _chosen(text)
    if chosen is None:
        return text
    last = sum(len(p) for p in _paragraphs(text)) - 1
    parts = ["…"] if chosen[0][0] > 0 else []
    for number, (at, sentence) in enumerate(chosen):
        if number and at > chosen[number - 1][0] + 1:
            parts.append("…")
        parts.append(sentence)
    if chosen[-1][0] < last:
        parts.append("…")
    return " ".join(parts)


def _chosen(text: str) -> list[tuple[int, str]] | None:
    """The problem sentences of a long message with their place among all its sentences,
    in order; None when the message is not long or no sentence states a problem."""
    if text.count(" ") < LONG_WORDS or len(text.split()) <= LONG_WORDS:
        return None  # most messages: one count
    paragraphs = _paragraphs(text)
    scored = [_score(sentence) for paragraph in paragraphs for sentence in paragraph]
    best = max(scored, default=0)
    if best < CUE_SCORE:
        return None
    bar = max(CUE_SCORE, best / 2)
    place = 0
    read: list[tuple[int, str]] = []
    for paragraph in paragraphs:
        for at, sentence in enumerate(paragraph):
            score, place = scored[place], place + 1
            if score < bar:
                continue
            if (
                at > 0
                and _POINTS_BACK.match(sentence)
                and read[-1:] != [(place - 2, paragraph[at - 1])]
            ):
                read.append((place - 2, paragraph[at - 1]))
            read.append((place - 1, sentence))
    return read


def _paragraphs(text: str) -> list[list[str]]:
    return [_sentences(p) for p in _PARAGRAPH_BREAK.split(text.strip())]


_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def _sentences(paragraph: str) -> list[str]:
    """A paragraph's sentences, a line that ends without a closing mark ending one too."""
    sentences: list[str] = []
    for line in paragraph.splitlines():
        joined = False
        for piece in _SENTENCE_END.split(line.strip()):
            if joined:
                sentences[-1] = f"{sentences[-1]} {piece}"
            elif piece:
                sentences.append(piece)
            # The last eight characters hold any abbreviation, and a letter before it.
            joined = piece.endswith(".") and _ABBREVIATION.search(piece[-8:]) is not None
    return sentences


def _score(sentence: str) -> int:
    """How clearly the sentence states a problem (module docstring): each kind of cue
    counted once, so a long sentence gains nothing by length."""
    words = _words(sentence)
    if all(word in PLEA for word in words):
        return 0  # "Can you help?": a plea that names nothing states no problem
    found = _cues(words)
    asks = sentence.rstrip().endswith("?") or (bool(words) and words[0] in QUESTION_WORDS)
    score = 2 if asks or _Cue.ASKS in found else 0
    if _Cue.TROUBLE in found:
        score += 2
    elif not asks and _Cue.ABOUT_IT in found:
        score = 1  # "We need this sorted by Friday": the problem is stated elsewhere
    elif _Cue.VAGUE in found:
        score += 1
    if _Cue.BACKGROUND in found:
        score -= 2
    elif not asks and _Cue.NARRATIVE in found:
        score -= 1  # "Can I use a cheque?" asks; "We use cheques." tells
    return score


def _words(sentence: str) -> list[str]:
    """The sentence's words in lower case, a year as "<year>" and other numbers as "<n>"."""
    # "can’t", as phones type it, is "can't"
    words = _WORD.findall(sentence.casefold().replace("\u2019", "'"))
    return [
        word if not word.isdigit() else "<year>" if _YEAR.fullmatch(word) else "<n>"
        for word in words
    ]


def _cues(words: list[str]) -> set[_Cue]:
    """The kinds of cue the words hold: at each word the longest cue phrase starting there,
    or the word alone; "not" or "keeps" before an "-ing" word ("not showing", "keeps
    crashing") is trouble."""
    found: set[_Cue] = set()
    for at, word in enumerate(words):
        kind = _SINGLE.get(word)
        if word in _PREFIXES:
            phrase = word
            for following in words[at + 1 : at + _LONGEST]:
                phrase = f"{phrase} {following}"
                kind = _CUES.get(phrase, kind)
                if phrase not in _PREFIXES:
                    break
        if kind is not None:
            found.add(kind)
        elif word in ("not", "keep", "keeps") and at + 1 < len(words):
            following = words[at + 1]
            if following.endswith("ing") and len(following) > 4 and following not in _NOT_DOING:
                found.add(_Cue.TROUBLE)
    found.discard(_Cue.NEUTRAL)
    return found
