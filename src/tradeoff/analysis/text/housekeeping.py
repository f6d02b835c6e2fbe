"""Messages that keep a mailbox or a conversation going and say nothing about the product.

A help desk's export holds more than requests: its own notices ("This ticket was closed
automatically because we haven't heard from you in 7 days…", "This is an automated message
confirming that we received your request…"), mail servers' bounces ("Delivery has failed to
these recipients…"), vendors' pitches ("we can bring your website to the first page of
Google…"), and customers' replies that only manage the thread ("Thanks, that fixed it! You
can close this.", "Got it, will try that tomorrow morning", "Hi, is there any update on
this? It's been a week.", "Can we move our call to Thursday at 2pm?"). On a QA corpus 34 such
items made a sub-theme of the GPS theme and a spam mail one of the webhooks theme. Like
out-of-office replies, they are left unsorted, where ``tradeoff evidence --unsorted`` shows
them, and never found or join a theme. Three rules, each by the kind of text, not its words
verbatim:

- **notices, bounces and pitches**: a text of at most ``NOTICE_WORDS`` words holding two or
  more of the phrases only such a text holds (``_NOTICE``: "automated message", "we haven't
  heard from you", "ticket was closed", "will respond within", "undeliverable", "550 5.1.1",
  "first page of Google", "free audit"…). One phrase is not enough: "I got an automated
  message but the export still fails" is a complaint; nor are two where a customer speaks
  of their own and of trouble ("Our receivers get an automated message saying delivery
  failed even though the driver delivered on time").
- **replies that only manage the thread**: every word is one of ``CONVERSATION`` (thanks,
  "fixed", "close this", "any update", "been a week", "will try", "get back to you"…). The
  reader puts a ticket's subject on the first line, so that line may name the topic
  ("Driver app") when the rest is such a reply and holds one of ``_MANAGING`` (fixed,
  update, close, try…), unless it names trouble (``TROUBLE``: "Still broken" / "Any
  update?" is a complaint). "Thanks, but the export still fails" says something: "but",
  "export", "still" and "fails" are not conversation words.
- **moving a call**: a text of at most ``SCHEDULING_WORDS`` words asking to move, book or
  cancel a call or meeting, at a day or time, with no word of ``TROUBLE`` ("Can we book a
  call Thursday at 2pm to go over why dashcam clips won't download?" names trouble).

    >>> housekeeping("Thanks, that fixed it! You can close this.")
    True
    >>> housekeeping("Thanks, but the export still fails")
    False
"""

from __future__ import annotations

import re

#: Beyond this many words a text is a message that quotes a notice, not the notice.
NOTICE_WORDS = 120
#: A reply that only manages the thread is short.
CONVERSATION_WORDS = 40
#: A request to move a call is short; a longer text says more.
SCHEDULING_WORDS = 40

_NOTICE = re.compile(
    r"""\b(
      (this\s+is\s+an?\s+)?automated\s+(message|response|reply|e-?mail|notification)
    | (please\s+)?do\s+not\s+reply\s+to\s+this | no-?reply@
    | (this|your)\s+(ticket|request|case|conversation)(\s+\#?\d+)?\s+(was|has\s+been|will\s+be
        |is\s+now)\s+(automatically\s+)?(closed|solved|resolved|received|created|merged)
    | we('ve|\s+have)?\s+received\s+your\s+(request|message|e-?mail|ticket|enquiry|inquiry)
    | (ticket|reference|case|tracking)\s+(number|id)\s+is
    | we\s+(haven'?t|have\s+not)\s+heard\s+(back\s+)?from\s+you | we'?ll\s+reopen
    | (reply|respond)\s+to\s+this\s+(e-?mail|message)
    | (will|shall)\s+(respond|reply|get\s+back\s+to\s+you)\s+within
    | within\s+\d+\s+business\s+(days?|hours?) | a\s+member\s+of\s+our\s+(support\s+)?team
    | delivery\s+(has\s+)?failed | undeliverable | could\s?n[o']?t\s+be\s+delivered
    | delivery\s+status\s+notification | mail(er)?[-\s]daemon | postmaster@
    | recipient\s+address\s+rejected | \d{3}\s+\d\.\d\.\d{1,3} | recipnotfound
    | address\s+(you\s+entered\s+)?could\s?n[o']?t\s+be\s+found
    | diagnostic\s+information\s+for\s+administrators
    | seo | first\s+page\s+of\s+google | google\s+(rankings?|search\s+results)
    | (digital\s+)?marketing\s+agency | lead\s+generation | backlinks? | guest\s+posts?
    | free\s+(seo\s+)?(audit|consultation|analysis|quote|trial)
    | reply\s+(yes|stop) | (boost|increase|improve)\s+your\s+(website|traffic|rankings?|sales|leads)
    | we\s+are\s+an?\s+(\w+\s+){0,3}(agency|firm)
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
_CONVERSATION_WORDS = """ok okay k yes yeah yep sure thanks thank thx ty tia you great perfect
cool fine alright right got it will do brilliant awesome lovely much so very many lot a
noted understood cheers that s it all ah oh hi hello hey there is any update updates on this
been week weeks days day two few couple just following follow up checking in bump bumping
chasing fixed fix works working work now resolved solved sorted good all can close closed
the ticket will try tried tomorrow morning today tonight later and get back to let me know
i we ll m re ve d please for your help thanks again appreciate appreciated news status
when where are we hear heard from soon asap unsubscribe remove mailing list newsletter emails
stop sending"""
CONVERSATION = frozenset(_CONVERSATION_WORDS.split())
#: What only a reply that manages the thread says: that it works now, to close, to chase.
_MANAGING_WORDS = """fixed works working resolved solved sorted close closed update updates
news status following bump bumping chasing try tried week weeks unsubscribe"""
_MANAGING = frozenset(_MANAGING_WORDS.split())
#: Words that name trouble: a subject or call request holding one says something.
_TROUBLE_WORDS = """still not broken break breaks fail fails failed failing failure error
errors wrong crash crashes crashed crashing bug bugs stuck frozen freeze freezes freezing
slow missing lag lags lagging outage issue issues problem problems but however won doesn
didn isn aren wasn couldn cannot unable"""
TROUBLE = frozenset(_TROUBLE_WORDS.split())
#: A customer speaking of their own: with a word of trouble that is not also a notice's
#: ("if you still need help"), two notice phrases are what the complaint is about.
_OWN_WORDS = """i me my our us"""
_OWN = frozenset(_OWN_WORDS.split())
_OWN_TROUBLE = TROUBLE - frozenset({"still", "not", "but", "however"})
_NOTICE_VOCABULARY = """automated reply noreply closed solved resolved received created merged
number id heard reopen respond within business member delivery undeliverable delivered
notification daemon mailer postmaster rejected recipnotfound address diagnostic seo google
agency marketing generation backlink backlinks guest posts post free boost increase improve
firm"""
_NOTICE_WORDS = frozenset(_NOTICE_VOCABULARY.split())
_SCHEDULING_VERB_WORDS = """move reschedule push postpone shift cancel book schedule set"""
_SCHEDULING_VERBS = frozenset(_SCHEDULING_VERB_WORDS.split())
_SCHEDULING = re.compile(
    r"\b(move|reschedule|push|postpone|shift|cancel|book|schedule|set\s+up)\b[^.?!]{0,30}"
    r"\b(call|meeting|demo|session|appointment|sync|catch-?up)\b",
    re.IGNORECASE,
)
_WHEN = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|next\s+week"
    r"|\d{1,2}(:\d{2})?\s*(am|pm)|\d{1,2}:\d{2})\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+")


def housekeeping(text: str, words: list[str] | None = None) -> bool:
    """The text only keeps a mailbox or a conversation going (see the module docstring).
    ``words`` are the text's words in lower case (``\\w+``), when the caller has them."""
    if words is None:
        words = _WORD.findall(text.casefold())
    if len(words) <= CONVERSATION_WORDS and _only_managing(text, words):
        return True
    if (
        len(words) <= SCHEDULING_WORDS
        and any(word in _SCHEDULING_VERBS for word in words)
        and _SCHEDULING.search(text)
        and _WHEN.search(text)
    ):
        return not any(word in TROUBLE for word in words)
    # Every notice phrase holds one of these words: a text with fewer than two is no notice,
    # told without running the long pattern (most texts).
    if len(words) > NOTICE_WORDS or sum(word in _NOTICE_WORDS for word in words) < 2:
        return False
    found = {match.group(0).casefold() for match in _NOTICE.finditer(text)}
    if len(found) < 2:
        return False
    return not (any(word in _OWN for word in words) and any(w in _OWN_TROUBLE for w in words))


def _only_managing(text: str, words: list[str]) -> bool:
    """Every word is a conversation's, but perhaps those of a first line (the subject the
    reader puts first) that names no trouble when the rest manages the thread."""
    if all(word in CONVERSATION for word in words):
        return True
    subject, newline, _ = text.partition("\n")
    if not newline or any(word in TROUBLE for word in words):
        return False
    said = words[len(_WORD.findall(subject)) :]
    return (
        bool(said)
        and all(word in CONVERSATION for word in said)
        and any(word in _MANAGING for word in said)
    )
