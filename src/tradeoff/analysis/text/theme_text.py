"""What the theme engine reads of an evidence item: the same for embedding, labels and search.

- A ticket's or internal request's **subject** says in a few words what the body says at
  length ("Refund not received"), and is often the clearest sentence of the item. It is
  read first, unless the text already holds its words (an export that had no body and made
  the subject the text, or a help desk that made the subject from the first words of the
  message: "Hi, I have been transferring money to my..."), or names no topic at all
  ("Urgent!!", "Question", "Need help please": read, such subjects grouped unrelated
  tickets by how people title a message). Other kinds' titles describe the source, not the
  item (a chat tool's "Chat with Dana Whitfield", an interview note's heading, "Acme: loss
  reason" for a deal note), and would group items by who sent them or where they came
  from. A review's title is most often a verdict ("Love it!", "Disappointed"): read, it
  grouped the demo's praise reviews into one theme of their own instead of the areas they
  praise, where counter evidence looks for them.
- An **HTML** text (a help desk's or an email's body, stored verbatim by ``import csv``) is
  read as the plain text a person sees (``markup.plain_text``): read raw, tag names and
  ``style=`` attributes outweighed the words, and a refund ticket stayed unsorted. Blocks
  and ``<br>`` become lines and a ``<blockquote>`` or ``gmail_quote`` a quoted thread, so
  the email rules below apply. A plain text that mentions a tag ("use the <b> tag", "<3")
  is read as it is.
- A **Jira issue** (an internal request: ``import jira`` is the one importer that makes
  them, and keeps the Description's wiki markup) is read as the text Jira shows, without
  its template (``jira_markup.wiki_plain``): read raw, ``*Impact:* medium`` and
  ``{code}Error: null reference{code}`` made a sub-theme of issues about unrelated areas,
  and quotes showed the marks. The kind is all the engine knows of an item here, and
  ``import csv`` can make internal requests too: the rules match Jira's syntax only, so a
  spreadsheet's request loses no more than list markers, emphasis marks and template
  lines ("Priority: high"), and one in HTML is read as plain text first.
- Email-shaped kinds (tickets, chats, internal requests, deal notes) are read through
  ``message_body``, without greeting, signature, disclaimer and quoted thread. Interview and
  call notes are read through ``note_body``, without the note-taker's headings, roster
  ("Attendees:") and context or next-steps sections; survey answers and reviews are read
  whole: a "Thanks" line there is content.
- A **long message** (a ticket, chat or internal request of more than
  ``problem_statement.LONG_WORDS`` words once cleaned) is read as the sentences that state
  its problem (``problem_statement``), not the background around them: the company, the
  team and its history outweighed a problem stated in two sentences, and a QA help desk's
  long tickets were grouped by their backgrounds. What the customer said
  (``as_said``: quotes, copies, keyword search) is still the whole message.

Embeddings are cached by the hash of this text, so changing these rules re-embeds only the
items whose reading changed (reading HTML re-embedded only the HTML items).

    >>> theme_text("ticket", "RE: Refund not received", "Hi,\\nStill waiting.\\nThanks,\\nJo")
    'Refund not received\\nStill waiting.'
"""

from __future__ import annotations

import re

from tradeoff.analysis.text.courtesy import only_greeting
from tradeoff.analysis.text.housekeeping import housekeeping
from tradeoff.analysis.text.jira_markup import wiki_plain
from tradeoff.analysis.text.markup import plain_text
from tradeoff.analysis.text.message import message_body
from tradeoff.analysis.text.note import note_body
from tradeoff.analysis.text.problem_statement import problem_excerpt, problem_statement
from tradeoff.domain.enums import EvidenceKind

#: Kinds whose text is an email or a message thread.
EMAIL_SHAPED = frozenset(
    {EvidenceKind.TICKET, EvidenceKind.CHAT, EvidenceKind.INTERNAL_REQUEST, EvidenceKind.DEAL_NOTE}
)
#: Kinds written by a note-taker around what was heard (``note.note_body``).
NOTE_SHAPED = frozenset({EvidenceKind.INTERVIEW, EvidenceKind.CALL})
#: Kinds whose text is written in Jira's wiki markup (``import jira``'s issues).
WIKI_MARKUP = frozenset({EvidenceKind.INTERNAL_REQUEST})
#: Kinds whose text is a message sent to get help: a long one is read for the problem it
#: states (``problem_statement``, where the other kinds' reasons are).
PROBLEM_SHAPED = frozenset({EvidenceKind.TICKET, EvidenceKind.CHAT, EvidenceKind.INTERNAL_REQUEST})
#: Kinds whose title is the author's own summary of the item.
TITLED = frozenset({EvidenceKind.TICKET, EvidenceKind.INTERNAL_REQUEST})

_REPLY_PREFIX = re.compile(
    r"^\s*((re|fwd?|aw|wg|tr|sv|vs|rv)\s*(\[\d+\])?\s*:\s*|\[[^\]]{1,20}\]\s*)+", re.IGNORECASE
)
_ELLIPSIS = re.compile(r"\s*(\.{3,}|…)\s*$")
_WORD_CHARACTER = re.compile(r"[^\W_]")
_NO_SUBJECT = re.compile(r"^\W*(no\s+subject|untitled|none|n/?a)?\W*$", re.IGNORECASE)
#: Words of a subject that asks for attention without naming a topic ("Help!", "Urgent
#: question", "Support request", "Query"): read, they group tickets by how people title
#: a message, not by what it is about.
_GENERIC_SUBJECT_WORDS = frozenset(
    """help question questions query queries urgent urgently asap important support request
    requests enquiry enquiries inquiry inquiries assistance needed need please hello hi hey
    ticket issue problem contact quick a an the my me i for with some regarding re your our
    this about on case follow up""".split()  # noqa: SIM905 - a word list reads better
)
_WORD = re.compile(r"\w+")
#: Words that fill a form or try a channel out; a text of these alone says nothing.
_PLACEHOLDER_WORDS = """test tests testing tested asdf asdfasdf asd sdf fdsa jkl hjkl qwerty
qwertz lorem ipsum foo bar baz xxx xx x aaa abc dummy sample ignore please pls this is a an
just ticket message email post review comment submission entry hello hi hey ok okay k thanks
thx ty thank you yes no n na none nothing null nil"""
PLACEHOLDER = frozenset(_PLACEHOLDER_WORDS.split())
#: An automatic reply: a subject that says so, or a sender saying they are away together
#: with what only an auto-reply says (when they will answer, whom to reach meanwhile), in
#: English, German, Spanish or French. Two QA corpora's out-of-office replies were filed in
#: an email-notification theme; "I am on holiday until the 3rd and my card was declined"
#: is a complaint, not a reply.
_AUTO_REPLY_SUBJECT = re.compile(
    r"^\W*(?:automatic reply|auto[- ]?reply|autoreply|out of (?:the )?office\b|"
    r"abwesenheitsnotiz|respuesta autom[aá]tica|r[ée]ponse automatique)",
    re.IGNORECASE,
)
_AWAY = re.compile(
    r"\b(?:i am|i'?m|i will be|i'?ll be)\s+(?:currently\s+)?(?:out of (?:the )?office|"
    r"away from (?:the |my )?(?:office|desk)|on (?:annual |parental |sick )?leave|"
    r"on vacation|on holiday|travell?ing)\b|\bnicht im b[üu]ro\b|\bfuera de la oficina\b|"
    r"\babsente? du bureau\b",
    re.IGNORECASE,
)
_REPLY_ONLY = re.compile(
    r"\b(?:limited|no) access to (?:my )?e-?mails?\b|\bwill (?:respond|reply|get back|return)\b|"
    r"\b(?:for|need|require) (?:urgent|immediate) (?:matters|assistance|help|queries|requests"
    r"|issues)\b|"
    r"\bin my absence\b|\b(?:upon|on) my return\b|\bin dringenden f[äa]llen\b|"
    r"\bpara asuntos urgentes\b|\ben cas d'urgence\b",
    re.IGNORECASE,
)
#: Beyond this many words a text is a message that mentions being away, not a reply.
AUTO_REPLY_WORDS = 80
#: The device and version an in-app feedback form puts before the text ("[Android 13 |
#: v6.0.1] test ticket please ignore"): not what the person said.
_APP_TAG = re.compile(r"^[ \t]*\[[^\]\n]{1,60}\][ \t]*", re.MULTILINE)


def theme_text(kind: EvidenceKind | str, title: str | None, text: str) -> str:
    """The item's text as the theme engine reads it (see the module docstring)."""
    return with_subject(kind, title, text, as_said(kind, text))


def has_words(text: str) -> bool:
    """Whether the text holds a letter or digit in any script. One without (emoji, "!!!",
    "+1") says nothing a theme could be about: such items are left unsorted, where a person
    sees them, instead of making a theme of their own out of how people react."""
    return _WORD_CHARACTER.search(text) is not None


def says_something(text: str) -> bool:
    """Whether the text has words (``has_words``) and is more than a placeholder: words of
    ``PLACEHOLDER`` and numbers only ("test", "testing 123", "asdf", "test ticket please
    ignore", "ok thanks") say nothing a theme could be about either. A QA corpus's five
    "test" posts made up a fifth of an identity-check theme. Nor does an automatic
    out-of-office reply (``_is_auto_reply``, in a text of at most ``AUTO_REPLY_WORDS``
    words), nor a help desk's notice, a bounce, a vendor's pitch or a reply that only
    manages the thread ("Thanks, that fixed it! You can close this.": ``housekeeping``), nor
    a greeting and a thanks ("Hi Stockroom support,\\n\\nthanks!": ``courtesy.only_greeting``;
    the team's name it greets made a chat of a greeting filed in a problem theme)."""
    if not has_words(text):
        return False
    text = _APP_TAG.sub("", text)
    words = _WORD.findall(text.casefold())
    if len(words) <= AUTO_REPLY_WORDS and _is_auto_reply(text):
        return False
    if housekeeping(text, words) or only_greeting(text):
        return False
    return not all(w in PLACEHOLDER or w.isdigit() for w in words)


def _is_auto_reply(text: str) -> bool:
    if _AUTO_REPLY_SUBJECT.search(text):
        return True
    return _AWAY.search(text) is not None and _REPLY_ONLY.search(text) is not None


def as_said(kind: EvidenceKind | str, text: str) -> str:
    """The customer's own words: an email-shaped item's ``message_body``, an interview or
    call note's ``note_body``, other kinds' text; HTML read as plain text either way, and
    a Jira issue's wiki markup as the text Jira shows."""
    if kind in EMAIL_SHAPED:
        return message_body(wiki_plain(plain_text(text)) if kind in WIKI_MARKUP else text)
    if kind in NOTE_SHAPED:
        return note_body(plain_text(text))
    return plain_text(text)


def as_quoted(kind: EvidenceKind | str, text: str) -> str:
    """What a quote of the item shows: ``as_said``, and of a long message the sentences
    stating its problem, "…" where others were left out (``problem_excerpt``): the start of
    a long ticket is mostly its background."""
    said = as_said(kind, text)
    return problem_excerpt(said) if kind in PROBLEM_SHAPED else said


def with_subject(kind: EvidenceKind | str, title: str | None, text: str, said: str) -> str:
    """``said`` (``as_said(kind, text)``, computed once by a caller that needs both) read
    with the item's subject, as ``theme_text`` reads it: a long message for the problem it
    states (``problem_statement``)."""
    if kind in PROBLEM_SHAPED:
        said = problem_statement(said)
    subject = (
        subject_line(title) if title and kind in TITLED and not _bare_reply(title, said) else ""
    )
    if subject and not holds_subject(plain_text(text), subject):
        return unshouted(f"{subject}\n{said}")
    return unshouted(said)


def _bare_reply(title: str, said: str) -> bool:
    """A reply ("Re: ...") whose message says nothing (``says_something``): "Thanks!" under
    "Re: Your request" answers our last message, and its subject, the thread's, is no new
    evidence of that topic. Read with it, MiniLM filed a QA corpus's four thank-you replies
    in an invoicing theme and quoted one."""
    return _REPLY_PREFIX.match(title) is not None and not says_something(said)


def unshouted(text: str) -> str:
    """``text`` with each sentence typed in capitals read in lower case.

    A furious review in capitals says what the same words in lower case say, but the fast
    embedder tells the cases apart (cosine 0.30 between "I GET AN AD BEFORE I CAN EVEN
    START TRACKING" and its lower case): on a QA corpus 30 % of shouted items were left
    unsorted against 2.3 % of the rest. A sentence is shouted when at least
    ``SHOUTED_SHARE`` of its letters, and ``SHOUTED_LETTERS`` or more, are capitals; an
    acronym in a sentence ("SSO fails") is left as it is. Only the engine's reading
    changes: quotes show what the customer typed.

    >>> unshouted("I GET AN AD FIRST, RIDICULOUS. 30 second unskippable ad")
    'i get an ad first, ridiculous. 30 second unskippable ad'
    """
    if _CAPITAL_WORDS.search(text) is None:  # most texts: one scan, no sentence split
        return text
    return _SENTENCE.sub(_unshout_sentence, text)


#: Three words in capitals in a row: a text without them has no shouted sentence.
_CAPITAL_WORDS = re.compile(r"[A-Z]{2,}(?:\W+[A-Z]+){2,}")
#: A sentence: up to and including its closing marks, or a line.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
SHOUTED_SHARE = 0.8
SHOUTED_LETTERS = 8


def _unshout_sentence(match: re.Match[str]) -> str:
    sentence = match.group(0)
    letters = [c for c in sentence if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    if capitals >= SHOUTED_LETTERS and capitals >= SHOUTED_SHARE * len(letters):
        return sentence.lower()
    return sentence


def subject_line(title: str) -> str:
    """A subject without reply and forward prefixes, bracketed tags or a closing ellipsis
    ("RE: [EXT] x..." → "x"); empty for a placeholder such as "(no subject)" and for one
    that names no topic ("Urgent!!", "Question", "Your request #4411")."""
    subject = _ELLIPSIS.sub("", _REPLY_PREFIX.sub("", title)).strip()
    if _NO_SUBJECT.match(subject) or _generic(subject):
        return ""
    return subject


def _generic(subject: str) -> bool:
    """Every word of the subject asks for attention and none names a topic ("Urgent!!",
    "Question", "Need help please")."""
    return all(
        w in _GENERIC_SUBJECT_WORDS or w.isdigit() for w in _WORD.findall(subject.casefold())
    )


def holds_subject(text: str, subject: str) -> bool:
    """The text holds the subject's words in order (case, spacing and punctuation aside),
    the last one possibly cut short, as a subject made from a message's first words is. A
    subject of no words (a review titled ".") adds nothing, so any text holds it."""
    wanted, words = _WORD.findall(subject.casefold()), _WORD.findall(text.casefold())
    if not wanted:
        return True
    *whole, last = wanted
    return any(
        words[at : at + len(whole)] == whole and words[at + len(whole)].startswith(last)
        for at in range(len(words) - len(whole))
    )
