"""Counter evidence: items in a theme that speak well of the area the theme complains about.

A theme of complaints is stronger, and more honest, when the PM also sees who is happy with
the same area. There is no sentiment model here: a short lexicon anyone can read and argue
with, and a few rules, so every verdict comes with the words that decided it.

An item reads as **praise** when something speaks for it and nothing speaks against it. A
false "counter evidence" line costs more than a missed one — it tells the PM that a
complaint is praise — so a cue word counts only where it judges something, and any sign of
a complaint in the item outweighs it.

Speaks for it (``PraiseReading.cues``):

- an evaluative word or phrase (``PRAISE``: "love", "great", "easy", "smooth", "works
  well", "works perfectly", "big fan", ...); not "works fine": "fine" is the baseline a bug
  report is measured against ("desktop notifications work fine"), not praise;
- a manner word (``MANNER``: "quickly", "fast", "quick", "smoothly", "easily",
  "instantly", ...) only where it reports how something went or is: after, in its clause
  and at most ``REPORT_WINDOW`` words back, a form of "be" or a verb of working,
  running, arriving or answering (``REPORTS``: "was quick", "is so fast", "works
  smoothly", "goes through instantly", "always answers quickly"), or a verb in the past
  tense (an "-ed" word or ``PAST``: "arrived fast", "fixed my sync issue quickly"); or,
  for the adjectives (``MANNER_ADJECTIVES``), heading its clause with at most an
  intensifier ("Super fast!", "Quick delivery, love it"). These words are mostly urgency
  or manner in what customers write ("I have to quickly transfer", "I need it fast",
  "that I get my refund quickly"), so the look-back stops at "to", a modal or "that"
  (``NOT_REPORTS``): what follows is to be done, not said to have gone well;
- an idiom (``IDIOMS``: "couldn't be happier", "no complaints", "no issues", "would
  recommend", "thank you for fixing", "keep it up");

each not negated (a word of ``NEGATORS``, or any "-n't" word, among the three words before
it in the same clause: "not easy", "isn't very fast", "doesn't work well"), and only in a
sentence that judges:

- not asked (the sentence ends with "?" or opens with a question word: "how fast can I
  ...");
- not an order (opens with a verb of ``ORDERS``: "Get this resolved quickly.");
- not a habit framed in the past (``HABITS``, ``HABIT_PHRASES``, or "before" as an adverb
  or before a change: "I normally have no issues making transfers", "I've never had any
  problems in the past", "I have done this before with no issues", "worked perfectly
  before the update"; not "arrived before the weekend", "faster than before"): the
  expectation a complaint is measured against, not praise;

and, for words (not idioms), not wished for, requested or expected: a word of ``WISHES``,
an "-'d" word, "used to" or an obligation ("have to", "got to") before it in its clause
("it would be great if", "I'd love", "customer asks for faster delivery", "I thought it
was easy", "it used to be fast", "I have to quickly transfer"), or a request
(``REQUESTS``: "want", "need", "please", "pls", "important", ...) or a "would" after it
("I'm happy with Mastercard and want to stick with it", "a simple theme would help").
"Would" is any form of ``WOULD`` ("would've") or a misspelling with two letters swapped or
one left out ("wolud", "wuold", "woud"). A wish is demand and a let-down expectation a
complaint; a wish said with "would" or an "-'d" word before the cue ("it would be great
if", "I'd love a dark mode") speaks against the whole item too, as "please add" does (not
willingness: "we'd be happy to"). Expectations after a cue are praise ("easier than I
thought"), and a wish word that opens an idiom ("would recommend", "I'd recommend") is the
idiom's. Nor is a word
praise when it is willingness (a word of ``WILLING`` before "to" and a verb not of
``PERCEIVE``: "happy to pay for a higher tier", "pleased to provide logs"; not "happy to
see"), or when it is said of the customer's own setup or of something else (a word of
``ELSEWHERE`` before it in its clause, with no word of ``PLACES`` before that: "internet
connection is fast", "other apps are great", "everything else is easy"; not "fast even on
hotel wifi", "easier than other tools", "the other day"), or a word of ``SETUP`` follows
it as the noun it qualifies ("Chrome, fast office internet, new laptops"): that is the
control of a bug report.

Courtesy is no praise of the area (``polite_praise``, whose docstring has the cases): a
greeting ("Happy Friday!", "great to hear from you"), a sign-off line ("Best,", "Best,
Mike"), praise said to the person answering ("you guys are great", "you're the best"), and
a preamble — praise in a sentence that opens with "first of all" or the like or judges the
product as a whole or most of it ("overall the product has been solid for us", "Most things
work well.") — followed by a sentence
that names something and praises nothing: the concession before a complaint or request. A help-desk
corpus showed the complaints after a preamble often hold no word of complaint ("The API
webhooks fire before the data is saved"), so the preamble itself must not count.

A review rated 4 or 5 of 5 speaks for it too ("rated 5 of 5"). Only reviews (app-store
stars) count: other ratings are on other scales or rate something else — NPS 0–10 rates the
whole product, helpdesk satisfaction rates the support conversation, not the area. Stars
that are a review's only cue do not count when its words ask for something (a question mark,
a word of ``ASKING``, a "would", "can you", or a clause that opens with a verb of making or
ordering: "We need an export", "Please respect the system dark mode", "give us a dark
theme"): they rate the app, not the thing asked for, and speak against instead.

"Just wanted to say", "want to thank" and the like (``PREAMBLES``) are taken out of a
sentence before it is read: they report, so their "want" is no request.

Speaks against it (``PraiseReading.against``), anywhere in the item:

- a negated cue ("not easy");
- a problem word (``PROBLEMS``: "broken", "crash", "slow", "can't", "declined",
  "pending", "unresponsive", "forever", "crawl", "throttles", "late", "constantly", ...)
  that is not itself negated ("never crashes" is fine) nor put right in its clause
  (``RESOLVED``: "support fixed my sync issue", "the bug was resolved"), or a failure
  phrase (``PROBLEM_PHRASES``: "times out", "too many requests", "force closes", "cuts
  off");
- a wait or a detour said in numbers (a number, a unit of ``UNITS`` and a word of
  ``WORSE``, "to" and a verb of ``WAITED_ON``, or a verb of ``ADDS`` before: "takes 29
  seconds to load", "it's 40 minutes longer", "an hour late", "adds 80 miles"; not "set up
  in five minutes", "saved us 80 miles");
- a request said in so many words (``REQUEST_PHRASES``: "feature request", "we'd like");
- a negated working, arriving or doing (``FUNCTIONS``: "not working", "doesn't work", "is
  not possible", "has not arrived", "don't fire", "never finishes", "won't load"), unless
  a word of ``RELIEF`` stands between ("we never have to open Excel"); "doesn't help",
  "never updates";
- a status code of failure beside a word that makes it one ("HTTP 429", "error 500", "502
  bad gateway"; not "500 users"); trouble that keeps coming back ("keeps" and an "-ing"
  word: "keeps logging me out", "keeps asking for it"; not "keeps getting better"); a
  request to make something ("please add", "pls support");
- a contrast (``CONTRASTS``: "but", "however", "except", "whereas", or "while" after a
  comma) or a turn for the worse
  (``TURNS``: "until", "suddenly": "my withdrawals were going smooth until I got
  declined");
- a complaint asked (``COMPLAINT_ASKS``: "why", "how come", "what is going on", "what
  happened"): "so why am I suddenly being told ...";
- praise of something else by comparison (``comparison``: "our old paper diary was more
  reliable than this", "even Excel was faster", "at least the phone worked");
- a sentence that opens with a wish (``WISH_OPENERS``: "Wish transfers didn't take three
  days.", "I wish", "If only"), or a gripe ("my only gripe is", "the downside");
- a review rated 1 or 2 of 5.

A mixed item ("love the app but export is broken", "push alerts don't fire on iOS. Android
is great") is a complaint in its theme, so it is never counter evidence. Praise that names
nothing it praises (``names_something``: "No complaints :)", "Great app!", "10/10
Thanks!") is praise, marked by a last cue ``NAMES_NOTHING``, but not counter evidence: an
NPS comment that discovery filed in a complaint theme says nothing about its area.

A cue held back by the word before it (``HEDGES``: "mostly love it", "fairly easy") is
no cue: praise with a reservation, which the rest of the item is about ("mostly love it.
Local delivery is charging the full shipping fee", a QA tester's NPS 1), though it speaks
against nothing, so other praise in the item still counts ("mostly love it. Love the theme
editor!").

Set phrases (``NOT_PRAISE``: "good morning", "have a great day", "as fast as possible",
"quick reply", "quick question", "never had a problem before", "that's why", "stayed
late") are politeness, urgency, a complaint's preamble or someone's effort, and are skipped
before any cue is looked for.
Clauses end at , ; : ( ) dashes and contrast words; sentences at . ! ? and line breaks.

Measured on Banking77's 10,003 training queries (customer questions and problems, none of
them praise): these rules read none as praise, where plain cue words read 8 ("It's very
important that I get my refund quickly", "I normally have no issues making transfers, so
why ..."); hand-written praise from reviews and NPS comments still reads as praise
(``tests/analysis/test_counter_evidence.py``). On a QA tester's B2B SaaS corpus (895
tickets, survey answers and interview notes, 60 of them praise) they read none of the 835
others as praise (28 before the failure, willingness, setup and "would" rules) and 58 of
the 60 praise (53 before). On a second tester's app-store reviews and NPS comments (784
items, 162 of them praise, 18 noise) they read none of the 604 complaints and requests as
praise (17 before the stars-with-a-request, gripe and wish rules: feature requests rated 4
or 5 stars) and 148 of the praise (147 before); 3 noise reviews ("asdf", 5 stars) read as
praise by their stars. On a third tester's HR and payroll tickets, chats and notes (756
items, 66 praise) they find 63 of the praise (51 before the gratitude idioms, "huge
thanks", "really appreciated", "made my week", and "stayed late" as effort, not a late
delivery) and read none of the others as praise. On a fourth tester's fleet-software
help desk (1,221 tickets, chats, survey answers and notes, 81 of them praise, most wrapped
in greetings, preambles and sign-offs) 92 items read as praise naming their area, 32 of
them complaints or requests ("Happy Friday!", "overall the product has been solid for us",
"it went smoothly", "fast office internet", "Best,"); after the courtesy, number and request
rules 57, none of them a complaint, losing 3 praise items that end with a complaint or a
request (mixed, so complaints by the rule above). On the payroll tester's corpus nothing
changed. On a fifth tester's inventory corpus (891 customer items, 94 praise) 8 of the 763
complaints and requests read as praise ("Most things work well. ... we need granular
permissions.") and 73 of the praise; after faint praise of most of the product joined the
preambles and verbs of answering the reports ("Support always answers quickly"), 1 and 84.

An item in Spanish, Portuguese, French, German, Italian or Dutch is read by the same rules on
its language's words (``praise_languages``; a QA tester's 38 Spanish praise answers read as
praise, 16 before, by their stars alone; none of 355 complaints in those four languages
did); a text with no cue word of English or of those languages is no praise, whatever its
language.

Known limits: English and those six languages only; sarcasm ("great, another outage") reads
as praise; praise of something else in the same words ("the agent was helpful", or "the web
app is great" next to a mobile bug told without a failure word) counts when the item was
filed in the theme;
a misspelled praise word ("fanatstic") is missed; a negator more than three words before
its cue ("not something anyone finds easy") is missed; a manner word after a present-tense
verb outside ``REPORTS`` ("receipts upload quickly") is not read as praise; a "why"
anywhere makes an item a complaint ("I don't know why I waited so long, love it"), and so
does a sentence opening with a wish ("I wish I'd found this sooner, love it"); a preamble
followed by more than courtesy is dropped even when what follows praises without a praise
word ("First of all, the optimizer is amazing. It cut our miles by a fifth."); praise
naming the product by its brand alone ("we love Haulwise") names something.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from tradeoff.analysis.label import (
    comparison,
    polite_praise,
    praise_language_of,
    praise_languages,
    praise_lexicons,
)
from tradeoff.analysis.label.keywords import STOPWORDS
from tradeoff.analysis.text import (
    courtesy,
    housekeeping,
    jira_markup,
    language,
    markup,
    message,
    note,
    signatures,
    theme_text,
)
from tradeoff.analysis.text.theme_text import EMAIL_SHAPED, NOTE_SHAPED, as_said
from tradeoff.domain.enums import EvidenceKind
from tradeoff.storage.praise import PraiseRules
from tradeoff.wording import plural


def _phrases(lines: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(line.split()) for line in lines.split(",") if line.strip())


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PRAISE = _phrases(
    """love, loves, loved, loving, great, excellent, amazing, awesome, fantastic, brilliant,
    superb, wonderful, perfect, flawless, seamless, smooth, easy, easier, easiest, effortless,
    intuitive, simple, simplest, straightforward, reliable, helpful, useful, convenient,
    impressed, impressive, happy, pleased, delighted, best, nice, solid, friendly, lifesaver,
    saves me, saved me, saves us, saved us, responsive, big fan, huge fan, works well, worked well,
    working well, works great, worked great, working great, works perfectly, worked perfectly,
    working perfectly, work well, work great, work perfectly, works like a charm, just works"""
)
MANNER = _phrases(
    """fast, faster, fastest, quick, quicker, quickly, speedy, promptly, instantly, smoothly,
    easily, effortlessly, perfectly, flawlessly, seamlessly, reliably, immediately"""
)
#: Manner words that are adjectives: alone at the head of a clause they judge ("Super fast!",
#: "Quick delivery, love it"); the adverbs there are orders ("Quickly transfer ...").
MANNER_ADJECTIVES = _words("fast faster quick quicker speedy")
IDIOMS = _phrases(
    """couldn't be happier, couldnt be happier, could not be happier, couldn't be easier,
    couldnt be easier, couldn't be better, couldnt be better, can't complain, cant complain,
    no complaints, no issues, no problems, zero issues, zero problems, never had a problem,
    never had an issue, never had any issues, never had any problems, would recommend,
    would definitely recommend, highly recommend, highly recommended, i'd recommend,
    i'd highly recommend, i'd definitely recommend, five stars, 5 stars, thank you for fixing,
    thanks for fixing, thank you for sorting, thanks for sorting, thank you for resolving,
    thanks for resolving, thank you for the fix, thanks for the fix, keep it up,
    keep up the good work, keep up the great work, huge thanks, big thanks, massive thanks,
    really appreciated, much appreciated, greatly appreciated,
    made my day, made my week, made our day, made our week, kudos, hats off,
    above and beyond"""
)
#: "Outstanding" praises only these (of an invoice or a ticket it means unpaid or open);
#: their nouns name areas, so unlike the idioms' words they are no judging words.
SERVICE_PRAISE = _phrases(
    """outstanding service, outstanding support, outstanding help, outstanding job,
    outstanding work, outstanding team"""
)
NOT_PRAISE = _phrases(
    """good morning, good afternoon, good evening, good day, good night, have a good,
    have a great, have a nice, best regards, best wishes, all the best, best way, nice day,
    great day, as fast as possible, as quickly as possible, as easy as possible,
    simple question, simple task, quick question, quick query, quick reply, quick response,
    fast reply, fast response, quick answer, can't wait, cant wait, happy to help, hang of,
    lost without, that's why, thats why, that is why, which is why,
    never had a problem before, never had an issue before, never had any issues before,
    never had any problems before, stay late, stays late, stayed late, staying late,
    work late, worked late, working late"""
)
#: A preamble of saying: "Just wanted to say support was amazing" reports, it asks nothing, so
#: its "wanted" is no request. Taken out of the sentence before it is read.
PREAMBLES = _phrases(
    """wanted to say, want to say, wanted to tell, want to tell, wanted to let, want to let,
    wanted to thank, want to thank, wanted to share, want to share, wanted to give,
    want to give, like to say, like to thank, like to tell, like to share, like to let,
    like to give"""
)
NEGATORS = _words(
    """not no never nothing none nobody neither nor without hardly barely scarcely cannot cant
    dont doesnt didnt isnt wasnt arent werent wont wouldnt couldnt shouldnt hasnt havent hadnt
    aint lack lacks lacking"""
)
#: Requests wherever they stand in the clause: "I'm happy with it and want to stick with it".
REQUESTS = _words(
    """want wants wanted need needs needed please must wish wished hope hoping important
    imperative essential crucial vital urgent urgently asap hurry interested pls plz"""
)
#: What makes a review's stars, its only cue, rate a request rather than the area: "We need
#: an export", "Please respect the system dark mode", "it should sync".
ASKING = REQUESTS | _words("should")
#: A sentence that opens with these wishes for what is missing: "Wish transfers didn't take
#: three days." The item is a complaint, whatever else in it praises.
WISH_OPENERS = (("wish",), ("i", "wish"), ("if", "only"))
#: Before a cue, wishes and expectations too: "it would be great if", "I thought it was easy"
#: (after it they are praise: "easier than I thought").
WISHES = REQUESTS | _words(
    """would could should if ask asks asked asking request requests requested thought
    supposed expected seems seemed"""
)
#: The forms of "would" that make what follows, or the clause before them, a wish ("would
#: help", "a simple theme would help", "would've been great"); ``_would`` also takes its
#: common misspellings ("wolud", "wuold", "woud").
WOULD = _words("would would've wouldve could've couldve should've shouldve")
#: A feeling followed by "to" and a verb is willingness, not praise ("happy to pay for a higher
#: tier", "pleased to provide logs"), unless the verb is of perceiving ("happy to see", "pleased
#: to report").
WILLING = _words("happy pleased delighted")
PERCEIVE = _words("see hear find report say know learn read discover announce be have")
#: The subject of praise that is the customer's own setup or some other product, not the
#: area ("internet connection is fast", "other apps are fast", "everything else is great"),
#: or the rest of the product after a complaint ("Otherwise love the app"): the control of
#: a bug report.
ELSEWHERE = _words(
    """internet network wifi bandwidth router routers computer computers laptop laptops
    machine machines hardware other others else otherwise"""
)
#: The customer's own setup after a praise word, as the noun it qualifies: "Chrome, fast
#: office internet, new laptops" describes where the bug happens, it praises nothing.
SETUP = _words(
    """internet network networks wifi bandwidth router routers computer computers laptop
    laptops pc pcs hardware"""
)
#: How far after a praise word its setup noun may stand ("fast office internet").
SETUP_WINDOW = 3
#: Praise after these at a sentence's start is of what the sentence before did not speak
#: of ("Apart from that, the app is great"), and so is praise of "the rest of" something.
CONCESSIONS = _phrases(
    """apart from that, apart from this, aside from that, aside from this, other than that,
    other than this, besides that, besides this, that aside, that said"""
)
#: "The other day it was so easy" is a time, not something else.
TIMES = _words("day days week weeks month months morning night evening time times")
#: Before those words, a preposition makes them where the area was used, so it is the area
#: that is praised ("fast even on hotel wifi", "on my laptop it is quick").
PLACES = _words("on over with via in from than to unlike compared even")
#: A request made anywhere in an item: "please add", "pls support".
MAKING = _words(
    """add support make build bring give allow consider implement include fix enable offer
    provide"""
)
#: A sentence that opens with one of these verbs is an order: "Get this resolved quickly."
#: (Verbs that are also nouns are left out: "Refund was processed quickly" reports.)
ORDERS = _words("get make send fix give let cancel resolve respond hurry")
#: "have to", "had to", "got to": an obligation is a request, as "need" is.
OBLIGED = frozenset({"have", "has", "had", "got"})
#: Habit words: a cue in their sentence is the let-down expectation of a complaint ("I
#: normally have no issues making transfers", "I have done this before with no issues").
HABITS = _words("normally usually typically ordinarily previously")
#: Words that hold praise back: "mostly love it. Local delivery is charging the full fee"
#: (a QA tester's NPS 1) is a complaint's preamble, not praise of the area.
HEDGES = _words("mostly largely generally partly somewhat kinda fairly reasonably")
#: "It was faster last year." (an inventory tester's chat reply) is a let-down, too.
HABIT_PHRASES = _phrases(
    "in the past, last year, last month, a year ago, a few months ago, back then"
)
#: After "before", these make it a time ("arrived before the weekend"), not a habit ("I
#: have done this before with no issues")...
BEFORE_WHAT = _words(
    """the a an my our your his her their its this that these those i we you he she it they
    any noon midday lunch today tomorrow tonight christmas"""
)
#: ... unless the time is a change: "worked perfectly before the update" is a complaint.
CHANGES = _words("update updates updated upgrade release version change changes redesign")
PROBLEMS = _words(
    """broken break breaks bug bugs buggy error errors fail fails failed failing failure crash
    crashes crashed crashing slow slower slowly laggy lag lags freeze freezes froze frozen hard
    harder difficult confusing confused annoying annoyed frustrating frustrated problem problems
    issue issues wrong missing stuck unable impossible terrible awful horrible worst hate hated
    disappointed disappointing useless unusable complicated clunky nightmare can't cannot cant
    couldn't couldnt won't wont declined rejected blocked denied refused stopped stolen
    pending unresponsive forever crawl crawls crawling hang hangs hanging hung timeout
    timeouts throttle throttles throttled throttling late lost lose loses losing noisy
    duplicates duplicated constantly repeatedly randomly gripe gripes downside downsides
    corrupt corrupts corrupted corrupting glitch glitches glitchy inaccurate incorrect
    unreliable spammy intrusive overcharged disappears disappeared drains draining lagging
    lagged sluggish delay delays delayed furious duplicate trouble ignores ignored ignoring
    expired stale outdated unacceptable ridiculous"""
)
#: Failures said in more than one word: "times out", "too many requests".
PROBLEM_PHRASES = _phrases(
    """times out, timed out, timing out, time out, too many requests, bad gateway,
    service unavailable, internal server error, no way to, way too, far too, force closes,
    force close, force closed, force closing, closes itself, closed itself, shuts down,
    kicked out, kicks me out, kicks us out, logs me out, logged me out, cuts off"""
)
#: A request said in so many words: an item that makes one is demand, not praise.
REQUEST_PHRASES = _phrases(
    """feature request, feature requests, would like, we'd like, i'd like, we would like,
    i would like"""
)
#: A wait said in numbers: "takes 29 seconds to load", "it's 40 minutes longer", "adds 80
#: miles", "5-10 seconds to respond" (not "set up in five minutes", "saved 80 miles").
NUMBER_WORDS = _words(
    """an one two three four five six seven eight nine ten fifteen twenty thirty forty
    fifty sixty few several"""
)
UNITS = _words(
    """second seconds sec secs minute minutes min mins hour hours hr hrs day days week weeks
    mile miles km"""
)
#: After a number and a unit: a wait or a detour.
WORSE = _words("longer late later behind slower extra delay delayed lag")
#: After "N seconds to": what the customer waits on.
WAITED_ON = _words(
    """load loads open opens respond responds refresh refreshes sync syncs show shows
    appear appears update updates save saves"""
)
ADDS = _words("add adds added adding")
#: What "forever" speaks of when it is no wait: "forever grateful".
FOREVER_THANKFUL = _words("grateful thankful indebted")
#: After "keeps" an "-ing" word is trouble coming back ("keeps logging me out", "keeps
#: asking for it"), except these ("keeps getting better", "keeps improving").
KEEPS = _words("keep keeps kept keeping")
KEEPS_WELL = _words("getting improving working growing adding shipping surprising impressing")
#: A status code of failure needs one of these beside it: "HTTP 429", "error 500", "a 502
#: bad gateway" (not "we have 500 users").
CODE_BEFORE = _words(
    """http https error status code get gets got getting return returns returned throws
    threw"""
)
CODE_AFTER = _words("error errors too bad internal service gateway forbidden unauthorized response")
ERROR_CODE = re.compile(r"[45]\d\d")
#: A problem word in a clause that says it was put right ("support fixed my sync issue")
#: speaks of a fix, not against.
RESOLVED = _words("fixed solved resolved sorted repaired")
#: Negated, these say something does not happen: "not working", "is not possible", "has not
#: arrived", "haven't received".
FUNCTIONS = _words(
    """work works working worked possible able allowed arrive arrived receive received
    accepted approved fire fires fired load loads loaded loading sync syncs synced syncing
    show shows showing open opens opened finish finishes finished save saves saved send sends
    connect connects connected trigger triggers triggered appear appears appeared help helps
    helped update updates updated refresh refreshes refreshed respond responds responded"""
)
#: Between a negator and a working verb these make it relief, not failure: "never have to
#: open Excel", "don't need to sync by hand".
RELIEF = _words("have has had need needs needed")
CONTRASTS = frozenset(
    {"but", "however", "although", "though", "except", "unfortunately", "whereas"}
)
#: A change for the worse: "were going smooth until I got declined", "suddenly".
TURNS = frozenset({"until", "till", "suddenly"})
#: A complaint asked as a question, wherever it stands in the item.
COMPLAINT_ASKS = _phrases(
    """why, how come, what's going on, whats going on, what is going on, what happened,
    what's happening, what is happening"""
)
QUESTION_OPENERS = frozenset(
    {"how", "what", "why", "when", "where", "which", "who", "whats", "what's", "how's"}
)
#: What a manner word needs before it to report how something went or is ("was quick",
#: "works smoothly", "arrived fast", "fixed my sync issue quickly", "support always answers
#: quickly"): a form of "be", a verb of working, arriving or answering, or a verb in the past
#: tense (a word in "-ed" or ``PAST``).
REPORTS = _words(
    """is was were are am been it's that's everything's work works working run runs
    running go goes going arrive arrives come comes load loads sync syncs feel feels uploads
    updates opens respond responds reply replies answer answers processes"""
)
PAST = _words(
    """came went got ran did sent paid made found gave took left kept had felt set dealt built
    told"""
)
#: Words that end the look-back from a manner word: what follows them is to be done ("to
#: quickly transfer", "will be fast", "that I get my refund quickly"), not reported.
NOT_REPORTS = _words("to will can could would should may might must if that")
INTENSIFIERS = _words(
    """so very really super pretty quite incredibly extremely amazingly surprisingly blazing
    lightning real way much even nice and"""
)
#: How far back a manner word looks for what it reports on.
REPORT_WINDOW = 6
#: Reviews are starred 1-5; at or above this a review speaks well, at or below LOW_STARS ill.
HIGH_STARS = 4
LOW_STARS = 2

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*|[,;:()\u2013\u2014]")
SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
BOUNDARIES = frozenset({",", ";", ":", "(", ")", "\u2013", "\u2014"}) | CONTRASTS
NEGATION_WINDOW = 3


def _by_first_word(phrases: Iterable[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases indexed by their first word, longest first, so a lookup is one dict hit."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in sorted(phrases, key=len, reverse=True):
        index.setdefault(phrase[0], []).append(phrase)
    return index


_PRAISE, _MANNER, _IDIOMS, _NOT_PRAISE, _ASKS, _HABIT_PHRASES, _PROBLEM_PHRASES = map(
    _by_first_word,
    (
        PRAISE,
        MANNER,
        IDIOMS + SERVICE_PRAISE,
        NOT_PRAISE,
        COMPLAINT_ASKS,
        HABIT_PHRASES,
        PROBLEM_PHRASES,
    ),
)
_PREAMBLES = _by_first_word(PREAMBLES)
#: The praise words "more" makes a comparative of ("more reliable": ``comparison``).
_ONE_WORD_PRAISE = frozenset(p[0] for p in PRAISE + MANNER if len(p) == 1)
_GREETINGS, _REQUEST_PHRASES = (
    _by_first_word(polite_praise.GREETINGS),
    _by_first_word(REQUEST_PHRASES),
)
#: Any praise word or idiom anywhere: a text without one cannot read as praise. Matches
#: wherever the tokens would (and sometimes where they would not: it only filters).
_ANY_CUE = re.compile(
    "(?<![a-z0-9])(?:"
    + "|".join("[^a-z0-9]+".join(map(re.escape, p)) for p in PRAISE + MANNER + IDIOMS)
    + ")(?![a-z0-9])"
)


def _fold(text: str) -> str:
    return text.lower().replace("\u2019", "'")


@dataclass(frozen=True)
class PraiseReading:
    """What in one item speaks well of its area and what speaks against, in its own words."""

    cues: tuple[str, ...]
    against: tuple[str, ...]

    @property
    def is_praise(self) -> bool:
        return bool(self.cues) and not self.against


def read_praise(
    text: str, rating: float | None = None, kind: EvidenceKind | None = None
) -> PraiseReading:
    """Read one item by the rules in this module's docstring.

    >>> read_praise("Exporting is so easy now, works like a charm!").cues
    ('easy', 'works like a charm')
    >>> read_praise("Exporting is not easy.").against
    ('not easy',)
    """
    against: list[str] = []
    code = praise_language_of.read_language(text)
    if code is not None:  # Spanish, German...: the same rules on the language's words
        foreign = praise_languages.read(text, code)
        cues, against = list(foreign.cues), list(foreign.against)
    else:
        read = [
            (sentence, _read_sentence(sentence, against))
            for sentence in SENTENCE.findall(_fold(text))
        ]
        cues = [cue for _, found in _without_concessions(read) for cue in found]
    if kind is EvidenceKind.REVIEW and rating is not None and 1 <= rating <= 5:
        if rating >= HIGH_STARS:
            asking = (
                None
                if cues
                else _asking(text)
                if code is None
                else praise_languages.asking(text, code)
            )
            if asking is None:
                cues.append(f"rated {rating:g} of 5")
            else:
                # Stars given to a request rate the app, not the thing asked for.
                against.append(f"rated {rating:g} of 5 asking {asking}")
        elif rating <= LOW_STARS:
            against.append(f"rated {rating:g} of 5")
    return PraiseReading(tuple(cues), tuple(against))


def _asking(text: str) -> str | None:
    """What asks for something in a review whose stars are its only cue — a question mark,
    a word of request (``ASKING``, a "would"), "can you", or a clause that opens with a
    verb of making or ordering ("give us a dark theme", "add a chart"; not "Support helped
    me") —; None when nothing does."""
    if "?" in text:
        return "?"
    for sentence in SENTENCE.findall(_fold(text)):
        tokens: list[str] = WORD.findall(sentence)
        for i, word in enumerate(tokens):
            if word in ASKING or _would(word):
                return word
            opens = i == 0 or tokens[i - 1] in BOUNDARIES or tokens[i - 1] in ("so", "and")
            if opens and (word in ORDERS or word in MAKING) and not _reported_on(tokens, i):
                return word
            if word in ("can", "could") and tokens[i + 1 : i + 2] == ["you"]:
                return f"{word} you"
    return None


def praise_cues(text: str, rating: float | None, kind: EvidenceKind) -> tuple[str, ...]:
    """The cues of an item that reads as praise, nothing for any other item; praise that
    names nothing it praises ends with ``NAMES_NOTHING``.

    >>> praise_cues("Love it, card arrived fast", 5, EvidenceKind.REVIEW)
    ('love', 'fast', 'rated 5 of 5')
    >>> praise_cues("No complaints :)", None, EvidenceKind.SURVEY)
    ('no complaints', '(names nothing)')
    """
    if kind in EMAIL_SHAPED or kind in NOTE_SHAPED:
        # The customer's words only: "Best, Dana" or "Thanks for the quick reply" quoted
        # from our agent below it, or a note's "Next steps", is not praise of the area.
        text = as_said(kind, text)
    rated_high = kind is EvidenceKind.REVIEW and rating is not None and rating >= HIGH_STARS
    if not rated_high and not _may_praise(text):
        return ()  # the common case, ten times faster than reading
    reading = read_praise(text, rating, kind)
    if not reading.is_praise:
        return ()
    return reading.cues if names_something(text) else (*reading.cues, NAMES_NOTHING)


def praised_as_read(text: str) -> bool:
    """Whether a text the engine has already read (``theme_text``: no signature, quoted
    thread or note template left) reads as praise by its words, stars aside."""
    return _may_praise(text) and read_praise(text).is_praise


def _may_praise(text: str) -> bool:
    """Whether ``text`` holds a cue word of English or of a language with a lexicon
    (``praise_lexicons``): one without cannot read as praise."""
    folded = _fold(text)
    if _ANY_CUE.search(folded) is not None:
        return True
    found = _ANY_WORD.findall(folded)
    if not _TELLING_KEYS.isdisjoint(found):
        return True
    return (
        not _AMBIGUOUS_KEYS.isdisjoint(found) and praise_language_of.read_language(text) is not None
    )


#: A word every cue of the other languages holds (``praise_lexicons.key_words``): a text
#: without one reads as no praise in them. Those that are English words or numbers too
#: ("top", "super", "10") count only in a text ``text.language`` tells is in another
#: language: Banking77's "top up" would otherwise send an eighth of its queries to be read.
_FOREIGN_KEYS = praise_lexicons.key_words()
_AMBIGUOUS_KEYS = frozenset(
    k
    for k in _FOREIGN_KEYS
    if k.isdigit() or k in praise_language_of.ENGLISH_HOMOGRAPHS or k in language.ENGLISH
)
_TELLING_KEYS = _FOREIGN_KEYS - _AMBIGUOUS_KEYS
_ANY_WORD = re.compile(r"[^\W_]+")


#: The last cue of praise that names nothing it praises ("No complaints", "10/10 Thanks!",
#: "Great app!"): praise of the product as a whole, which counts as praise (a theme of it is
#: a praise theme) but is no counter evidence of an area it never names.
NAMES_NOTHING = "(names nothing)"
_GENERAL_WORDS = """app apps application applications product products tool tools software
platform system website site program solution feature features thing things everything
overall experience company version"""
#: Words that name the product as a whole, not an area of it (``area_praise`` too).
GENERAL = frozenset(_GENERAL_WORDS.split())
_COURTESY_WORDS = """thanks thank thx ty cheers hi hello hey guys team folks ok okay lol wow
yes yay just really very much keep up star stars five ten out"""
_JUDGING_WORDS = frozenset(w for phrase in (*PRAISE, *MANNER, *IDIOMS) for w in phrase)
_NOT_NAMING = GENERAL | frozenset(_COURTESY_WORDS.split()) | _JUDGING_WORDS


#: Whom praise is for, "for the guys in the field", "for our techs", "easy for my staff":
#: the people it helps, not an area of the product. A QA corpus's survey praise "Solid app,
#: reliable and simple for the guys in the field" (15 answers) named "field" and so sat in
#: a complaint theme, counting its accounts there.
_FOR_PEOPLE = re.compile(
    r"\b(?:for|to)\s+(?:(?:the|our|my|your|all|all\s+(?:the|our|my))\s+)?"
    # Only a word that says which people ("our field techs"): "for scheduling techs" and
    # "for the dispatch team" name the area they praise.
    r"(?:(?:field|office|whole|entire|own|small|busy|new|older|remote|mobile|local)\s+)?"
    r"(?:guys|team|teams|techs?|technicians?|crews?|staff|people|employees|users|folks|workers"
    r"|drivers|dispatchers|colleagues|clients|customers|everyone|everybody|us|me|them)\b"
    r"(?:\s+(?:in|on|at)\s+the\s+(?:field|road|office|ground|shop|site|desk))?"
)


def names_something(text: str) -> bool:
    """Whether praise names what it praises: a word of three letters or more that is no
    stop word, judging word (``PRAISE``, ``MANNER``, ``IDIOMS``), courtesy ("thanks",
    "cheers") or word for the whole product (``GENERAL``: "app", "tool"), outside what
    names no area (``polite_praise.unnamed``: "Screenshot attached", "best X we've used").

    >>> names_something("10/10 Thanks!"), names_something("Great app, love it")
    (False, False)
    >>> names_something("Support sorted it in five minutes")
    True
    >>> names_something("Great product 🙌 Screenshot attached.")
    False
    >>> names_something("Solid app, reliable and simple for the guys in the field")
    False
    >>> names_something("Great for scheduling techs"), names_something("Great for our field techs")
    (True, False)
    """
    code = praise_language_of.read_language(text)
    if code is not None:
        return praise_languages.names_something(text, code)
    return any(
        len(word) > 2 and word not in STOPWORDS and word not in _NOT_NAMING
        for word in WORD.findall(_FOR_PEOPLE.sub(" ", polite_praise.unnamed(_fold(text))))
        if word[0].isalpha()
    )


def speaking_well(count: int, of: str = "it") -> str:
    """How many items speak well of an area, the verb agreeing with the count.

    >>> speaking_well(1)
    '1 item speaks well of it'
    >>> speaking_well(1200, "the area")
    '1,200 items speak well of the area'
    """
    return f"{plural(count, 'item')} {'speaks' if count == 1 else 'speak'} well of {of}"


#: The rules as storage keeps their readings: any edit to this module, to the other
#: languages' rules and words (and how a language is told), or to how a message is told from
#: its signature and thread, reads every item again.
_RULES_SOURCE = b"".join(
    Path(module).read_bytes()
    for module in (
        __file__,
        comparison.__file__,
        polite_praise.__file__,
        praise_languages.__file__,
        praise_language_of.__file__,
        *(str(p) for p in sorted(Path(str(praise_lexicons.__file__)).parent.glob("*.py"))),
        language.__file__,
        message.__file__,
        signatures.__file__,
        courtesy.__file__,
        housekeeping.__file__,
        markup.__file__,
        note.__file__,
        theme_text.__file__,
        jira_markup.__file__,
    )
)
PRAISE_RULES = PraiseRules(
    praise_cues, hashlib.sha256(_RULES_SOURCE).hexdigest()[:32], names_nothing=NAMES_NOTHING
)


def _without_concessions(
    read: Sequence[tuple[str, list[str]]],
) -> Iterable[tuple[str, list[str]]]:
    """The sentences read, a preamble's cues left out where a later sentence names
    something and praises nothing: "First of all thank you for the quick onboarding, it
    went smoothly. The optimization put 30 stops in an order that adds 80 miles." is a
    routing complaint, "Overall the product has been solid for us. Tracking shows the unit
    in Chattanooga" a tracking one (``polite_praise.opens_a_preamble``)."""
    for k, (sentence, found) in enumerate(read):
        if (
            found
            and polite_praise.opens_a_preamble(WORD.findall(sentence))
            and any(_says_more(said, later) for said, later in read[k + 1 :])
        ):
            continue
        yield sentence, found


def _says_more(sentence: str, cues: Sequence[str]) -> bool:
    """A sentence that names something and praises nothing: a complaint or a request after
    a preamble, not a name signed ("Dana") nor more praise."""
    return not cues and len(WORD.findall(sentence)) >= 3 and names_something(sentence)


def _read_sentence(sentence: str, against: list[str]) -> list[str]:
    """The cues of one sentence; what speaks against it is added to ``against``."""
    cues: list[str] = []
    tokens = _without_preambles(WORD.findall(sentence))
    if not tokens or polite_praise.signs_off(tokens):
        return cues
    stripped = sentence.rstrip()
    asked = stripped.endswith("?") or (
        tokens[0] in QUESTION_OPENERS and tokens[:2] != ["what", "a"] and not stripped.endswith("!")
    )
    if any(tuple(tokens[: len(opener)]) == opener for opener in WISH_OPENERS):
        against.append(" ".join(tokens[:2]))
    if (compared := comparison.compared_away(tokens, _ONE_WORD_PRAISE)) is not None:
        against.append(compared)  # praise of something else: "X was more reliable than this"
    # A cue in a question, an order or a habit's sentence does not judge; negated, it still
    # speaks against.
    judged = not asked and tokens[0] not in ORDERS and not _habitual(tokens)
    wishes: set[int] = set()
    i = 0
    while i < len(tokens):
        if (skip := _match(tokens, i, _NOT_PRAISE) or _match(tokens, i, _GREETINGS)) is not None:
            i += len(skip)
            continue
        if (
            ask := _match(tokens, i, _ASKS)
            or _match(tokens, i, _PROBLEM_PHRASES)
            or _match(tokens, i, _REQUEST_PHRASES)
        ) is not None:
            against.append(" ".join(ask))
            i += len(ask)
            continue
        if (idiom := _match(tokens, i, _IDIOMS)) is not None:
            negator = _negator(tokens, i)
            if negator is not None:
                against.append(" ".join(tokens[negator : i + len(idiom)]))
            elif judged:
                cues.append(" ".join(idiom))
            i += len(idiom)
            continue
        cue, manner = _match(tokens, i, _PRAISE), _match(tokens, i, _MANNER)
        if (found := cue or manner) is not None:
            negator = _negator(tokens, i)
            if negator is not None:
                against.append(" ".join(tokens[negator : i + len(found)]))
            elif i and tokens[i - 1] in HEDGES:
                pass  # held back: no cue, though not a complaint either
            elif (wish := _wished_with_would(tokens, i)) is not None:
                if wish not in wishes:  # one wish however many cues it holds
                    wishes.add(wish)
                    against.append(" ".join(tokens[wish : i + len(found)]))
            elif (
                judged
                and not _requested(tokens, i, len(found))
                and not _willing(tokens, i + len(found))
                and not _elsewhere(tokens, i)
                and not _of_setup(tokens, i + len(found))
                and not polite_praise.said_to_reader(tokens, _clause_start(tokens, i), i)
                and (cue is not None or _reported(tokens, i))
            ):
                cues.append(" ".join(found))
            i += len(found)
            continue
        word = tokens[i]
        if _speaks_against(tokens, i):
            against.append(word)
        elif (
            word in FUNCTIONS
            and (negator := _negator(tokens, i)) is not None
            and RELIEF.isdisjoint(tokens[negator:i])
        ):
            against.append(" ".join(tokens[negator : i + 1]))
        elif (failure := _failure(tokens, i)) is not None:
            against.append(failure)
        i += 1
    return cues


def _reported_on(tokens: Sequence[str], i: int) -> bool:
    """Whether the word at ``i`` is the subject of a report ("Support helped me", "Support
    is great"), not a verb of an order ("Support dark mode")."""
    after = tokens[i + 1 : i + 2]
    return bool(after) and (after[0] in REPORTS or after[0] in PAST or after[0].endswith("ed"))


def _without_preambles(tokens: list[str]) -> list[str]:
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        if (preamble := _match(tokens, i, _PREAMBLES)) is not None:
            if preamble[0] == "like" and kept and (_would(kept[-1]) or kept[-1].endswith("'d")):
                kept.pop()  # "I would like to say", "we'd like to thank"
            i += len(preamble)
            continue
        kept.append(tokens[i])
        i += 1
    return kept


def _speaks_against(tokens: Sequence[str], i: int) -> bool:
    """A contrast, a turn for the worse, or a problem that is not negated nor put right."""
    word = tokens[i]
    if word in CONTRASTS or word in TURNS or (word == "while" and tokens[i - 1 : i] == [","]):
        return True
    if word == "forever" and FOREVER_THANKFUL.intersection(tokens[i + 1 : i + 2]):
        return False
    return word in PROBLEMS and _negator(tokens, i) is None and not _resolved(tokens, i)


def _failure(tokens: Sequence[str], i: int) -> str | None:
    """A failure or request at ``tokens[i]`` not in a word list: a status code ("HTTP 429",
    "error 500"), trouble that keeps coming back ("keeps logging me out"), or a request
    ("please add", "pls support")."""
    word, before, after = tokens[i], list(tokens[i - 1 : i]), list(tokens[i + 1 : i + 2])
    if ERROR_CODE.fullmatch(word):
        if CODE_BEFORE.intersection(before):
            return f"{before[0]} {word}"
        return word if CODE_AFTER.intersection(after) else None
    if word in KEEPS and after and after[0].endswith("ing") and after[0] not in KEEPS_WELL:
        return f"{word} {after[0]}"
    if word in ("please", "pls", "plz") and MAKING.intersection(after):
        return f"{word} {after[0]}"
    return _delay(tokens, i)


def _delay(tokens: Sequence[str], i: int) -> str | None:
    """A wait or a detour said in numbers, ``tokens[i]`` its number: "29 seconds to load",
    "40 minutes longer", "an hour late", "adds 80 miles" (not "set up in five minutes")."""
    word = tokens[i]
    if not (word.isdigit() or word in NUMBER_WORDS) or tokens[i + 1 : i + 2] == []:
        return None
    unit, then = tokens[i + 1], list(tokens[i + 2 : i + 4])
    if unit not in UNITS:
        return None
    if then[:1] and then[0] in WORSE:
        return f"{word} {unit} {then[0]}"
    if then[:1] == ["to"] and WAITED_ON.intersection(then[1:]):
        return f"{word} {unit} to {then[1]}"
    if i and tokens[i - 1] in ADDS:
        return f"{tokens[i - 1]} {word} {unit}"
    return None


def _would(word: str) -> bool:
    """A form of "would", or a misspelling of it: letters swapped ("wolud", "wuold",
    "woudl") or one left out ("woud", "wold")."""
    if word in WOULD:
        return True
    if not word.startswith("w") or len(word) not in (4, 5):
        return False
    if len(word) == 5:
        return sorted(word) == sorted("would")
    return any(word == "would"[:k] + "would"[k + 1 :] for k in range(1, 5))


def _willing(tokens: Sequence[str], after: int) -> bool:
    """A feeling word before "to" and a verb says what the customer is willing to do:
    "happy to pay", "pleased to help test" (not "happy to see")."""
    return (
        tokens[after - 1] in WILLING
        and list(tokens[after : after + 1]) == ["to"]
        and PERCEIVE.isdisjoint(tokens[after + 1 : after + 2])
    )


def _wished_with_would(tokens: Sequence[str], i: int) -> int | None:
    """Where a "would" (or an "-'d" word) stands that makes the cue at ``i`` a wish, before
    it in its clause: "it would be great if", "I'd love a dark mode", "wold be super
    helpful"; not an idiom's ("would recommend") nor willingness ("we'd be happy to")."""
    if tokens[i] in WILLING:
        return None
    for k in range(i - 1, _clause_start(tokens, i) - 1, -1):
        t = tokens[k]
        if (_would(t) or t.endswith("'d")) and _match(tokens, k, _IDIOMS) is None:
            return k
    return None


def _of_setup(tokens: Sequence[str], after: int) -> bool:
    """The praise word ending before ``after`` qualifies the customer's own setup ("fast
    office internet", "quick laptops"), not where the area was used ("fast even on hotel
    wifi")."""
    for t in tokens[after : min(after + SETUP_WINDOW, _clause_end(tokens, after - 1))]:
        if t in PLACES:
            return False
        if t in SETUP:
            return True
    return False


def _elsewhere(tokens: Sequence[str], i: int) -> bool:
    """The cue's clause says it of the customer's own setup or of something else before it:
    "internet connection is fast", "other apps are great", "everything else is easy", "the
    rest of the app is great", "otherwise love it", or the sentence opens by setting what
    came before aside ("Apart from that, ..."); not where the area was used ("fast even on
    hotel wifi", "easier than other tools")."""
    if any(tuple(tokens[: len(c)]) == c for c in CONCESSIONS):
        return True
    start = _clause_start(tokens, i)
    for k in range(start, i):
        if tokens[k : k + 2] == ["rest", "of"]:
            return True
        if tokens[k] in ELSEWHERE and TIMES.isdisjoint(tokens[k + 1 : k + 2]):
            return not any(tokens[j] in PLACES for j in range(start, k))
    return False


def _match(
    tokens: Sequence[str], i: int, phrases: dict[str, list[tuple[str, ...]]]
) -> tuple[str, ...] | None:
    """The longest phrase starting at ``tokens[i]``."""
    for phrase in phrases.get(tokens[i], ()):
        if tuple(tokens[i : i + len(phrase)]) == phrase:
            return phrase
    return None


def _clause_start(tokens: Sequence[str], i: int) -> int:
    start = i
    while start > 0 and tokens[start - 1] not in BOUNDARIES:
        start -= 1
    return start


def _clause_end(tokens: Sequence[str], i: int) -> int:
    end = i + 1
    while end < len(tokens) and tokens[end] not in BOUNDARIES:
        end += 1
    return end


def _negator(tokens: Sequence[str], i: int) -> int | None:
    """Where the negator of ``tokens[i]`` stands, if one is close before it in its clause."""
    for j in range(i - 1, max(_clause_start(tokens, i), i - NEGATION_WINDOW) - 1, -1):
        if tokens[j] in NEGATORS or tokens[j].endswith("n't"):
            return j
    return None


def _wished(tokens: Sequence[str], k: int, words: frozenset[str]) -> bool:
    """``tokens[k]`` asks or expects: a word of ``words``, an "-'d" word, "used to", or an
    obligation ("have to", "got to"); not when it opens an idiom ("would recommend")."""
    t = tokens[k]
    if not (
        t in words
        or t.endswith("'d")
        or _would(t)
        or (t == "used" and tokens[k + 1 : k + 2] == ["to"])
        or (t == "to" and k > 0 and tokens[k - 1] in OBLIGED)
    ):
        return False
    return _match(tokens, k, _IDIOMS) is None


def _requested(tokens: Sequence[str], i: int, length: int = 1) -> bool:
    """A wish, request or expectation before the cue in its clause ("would be great", "I'd
    love", "I thought it was easy", "it used to be fast", "I have to quickly transfer"), or
    a request after it ("I'm happy with it and want to keep it", "quickly, please")."""
    start, end = _clause_start(tokens, i), _clause_end(tokens, i + length - 1)
    return any(_wished(tokens, k, WISHES) for k in range(start, i)) or any(
        _wished(tokens, k, REQUESTS) or (_would(tokens[k]) and _match(tokens, k, _IDIOMS) is None)
        for k in range(i + length, end)
    )


def _reported(tokens: Sequence[str], i: int) -> bool:
    """A manner word reports how something went or is: "was quick", "works smoothly",
    "arrived fast", "fixed my sync issue quickly", or an adjective heading its clause ("Super
    fast!"). Not an order or an errand: "I have to quickly transfer", "I get my refund
    quickly", "that it goes through quickly"."""
    start = _clause_start(tokens, i)
    j = i - 1
    while j >= start and tokens[j] in INTENSIFIERS:
        j -= 1
    if j < start:
        return tokens[i] in MANNER_ADJECTIVES
    for k in range(j, max(start, i - REPORT_WINDOW) - 1, -1):
        t = tokens[k]
        if t in NOT_REPORTS:
            return False
        if t in REPORTS or t in PAST or (len(t) > 3 and t.endswith("ed") and t[-3] != "e"):
            return True
    return False


def _resolved(tokens: Sequence[str], i: int) -> bool:
    """The problem word ``tokens[i]`` has been put right in its clause: "fixed my sync
    issue", "the bug was resolved" (not "never fixed", "needs to be fixed")."""
    start, end = _clause_start(tokens, i), _clause_end(tokens, i)
    return any(
        tokens[k] in RESOLVED
        and _negator(tokens, k) is None
        and not any(_wished(tokens, w, WISHES) for w in range(start, k))
        for k in range(start, end)
    )


def _habitual(tokens: Sequence[str]) -> bool:
    """A habit framed in the past: "normally", "usually", "in the past", "done this before",
    "before the update" (not "before the weekend", "faster than before")."""
    for k, t in enumerate(tokens):
        if t in HABITS or _match(tokens, k, _HABIT_PHRASES) is not None:
            return True
        if t == "before" and "than" not in tokens[:k] and tokens[k - 1 : k] != ["ever"]:
            following = tokens[k + 1 : k + 2]
            if not following or (following[0] not in BEFORE_WHAT and not following[0].isdigit()):
                return True
            if CHANGES.intersection(tokens[k + 1 : k + 4]):
                return True
    return False
