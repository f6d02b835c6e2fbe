"""A product named as where data is exported to, or the format it is saved in.

"Exporting the payroll journal report to Excel loses the number formatting" names no
spreadsheet the buyer keeps instead of us: Excel is where our data goes. The scan's word of
connecting had to stand right before the name ("export to Excel"), so with four words
between, a QA corpus counted 11 such tickets as the spreadsheet alternative. Exporting
connects whatever the distance inside the name's clause (``exported_to``):

- a word of exporting or downloading earlier in the clause, and a word of where it goes
  right before the name ("Exporting the payroll journal report to Excel", "download the
  report as Excel", "exportar el informe a Excel", "exporter la paie vers Excel",
  "esportare il cedolino in Excel");
- a word of saving, copying or pasting only where the copy takes the name's format: "as"
  right before the name ("save the report as Excel", "copy the table as CSV", "guardar
  como Excel", "enregistrer sous Excel", "als Excel speichern"). Saving, copying or
  pasting *into* a spreadsheet is keeping the work there: "We save all timesheets in
  Excel because your time tracking is unusable", "we copy everything into Excel and run
  payroll from there" name the spreadsheet the buyer uses instead;
- a word of opening earlier in the clause and a word of where right before the name
  ("open it in Excel", "lo abro en Excel", "je l'ouvre dans Excel");
- in German and Dutch, which put the verb last, where right before the name and the verb
  within a few words after it ("die Lohnjournale nach Excel exportieren", "naar Excel
  exporteren", "in Excel öffnen"; saving only after "als": "als Excel speichern");
- a file format beside the name ("CSV/Excel file", "Excel or PDF", "en formato Excel").

The clause ends at a comma, a semicolon, a colon, a bracket or a word that starts another
clause ("then", "but", "so", "pero", "mais", "aber"...), so "Exporting is broken, so we
track everything in Excel now" and "We export it, then do the payroll in Excel" still name
the spreadsheet. Where the export goes "in" the name ("en", "dans", "no", "in"), "and"
ends the clause too: "we export the data and do the payroll in Excel" works in Excel. And
a word of competing right before the name keeps it a rival ("exporting everything and
moving back to Excel", ``competitor_product_words.before``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from tradeoff.analysis.business import competitor_product_words as product_words

#: Words of sending data out of the product: at any distance before where it goes.
_EXPORTING = (
    # English
    r"export(?:s|ed|ing)?|download(?:s|ed|ing)?|dump(?:s|ed|ing)?|extract(?:s|ed|ing)?|"
    # Spanish, Portuguese
    r"export\w*|descarg\w*|baj(?:ar|amos|o|a|an|é|ó)|"
    r"extra(?:er|emos|e|en|jo|ído|ido)|sac(?:ar|amos|o|a|an)|baix(?:ar|amos|o|a|am|ei|ou)|"
    # French
    r"t[ée]l[ée]charg\w*|extrai\w*|"
    # German
    r"exportier\w*|herunterlad\w*|heruntergeladen|extrahier\w*|"
    # Italian
    r"esport\w*|scaric\w*|estra(?:rre|iamo|e|ggo|tto)|"
    # Dutch
    r"exporteer\w*|download(?:en|t)|gedownload"
)
#: Words of saving, copying or pasting: a step of exporting only where the copy takes the
#: name's format ("save as Excel"); into a spreadsheet, it is where the work is kept.
_KEEPING = (
    # English
    r"sav(?:e|es|ed|ing)|cop(?:y|ies|ied|ying)|past(?:e|es|ed|ing)|"
    # Spanish, Portuguese
    r"guard(?:ar|amos|o|a|an|é|ó|ado)|copi\w*|peg(?:ar|amos|o|a|an)|"
    r"salv(?:ar|amos|o|a|am|ei|ou)|col(?:ar|amos|o|a|am)|"
    # French
    r"enregistr\w*|sauvegard\w*|coll(?:er|ons|e|ez)|"
    # German
    r"speicher\w*|gespeichert|kopier\w*|einf[üu]g\w*|"
    # Italian
    r"salv(?:are|iamo|a|ano|ato)|incoll\w*|"
    # Dutch
    r"opslaan|opgeslagen|sla\w* op|kopieer\w*|kopi[ëe]ren|plak\w*"
)
_OPENING = (
    r"open(?:s|ed|ing|en|t)?|geopend|abr(?:ir|e|en|em|imos|o|iendo|ió|iu|í)|"
    r"ouvr\w*|ouvert\w*|[öo]ffn\w*|oeffn\w*|ge[öo]ffnet|apr(?:ire|e|o|iamo|ono|endo)|apert\w*"
)
#: Where data goes, right before the name (an article may stand between): "to Excel".
_TOWARDS = (
    r"to|into|onto|as|a|al|hacia|como|para|pra|pro|vers|au|comme|nach|ins|als|zu|su|verso|"
    r"come|naar"
)
#: Where data is, right before the name: "in Excel". "and" ends the clause before these.
_INSIDE = r"in|en|em|no|na|dans|sous|nel|nello|nella"
_ARTICLE = r"(?:(?:the|an?|el|la|los|o|os|le|les|l'|l’|das|die|den|il|lo|het|de)\s*)?"
#: The word right before the name that gives a saved or copied file its format: "save
#: as", "guardar como", "enregistrer sous", "als ... speichern".
_AS = r"as|como|comme|sous|als|come"
_EXPORTING_WORD = re.compile(rf"(?<![\w-])(?:{_EXPORTING})(?!\w)", re.IGNORECASE)
_KEEPING_WORD = re.compile(rf"(?<![\w-])(?:{_KEEPING})(?!\w)", re.IGNORECASE)
_OPENING_WORD = re.compile(rf"(?<![\w-])(?:{_OPENING})(?!\w)", re.IGNORECASE)
_TOWARDS_END = re.compile(rf"(?<![\w-])(?:{_TOWARDS})\s+{_ARTICLE}$", re.IGNORECASE)
_INSIDE_END = re.compile(rf"(?<![\w-])(?:{_INSIDE})\s+{_ARTICLE}$", re.IGNORECASE)
_AS_END = re.compile(rf"(?<![\w-])(?:{_AS})\s+{_ARTICLE}$", re.IGNORECASE)
#: Words that start another clause: what comes after them is another step.
_NEW_CLAUSE = re.compile(
    r"(?<!\w)(?:then|but|so|because|instead|while|until|luego|después|despues|pero|porque|"
    r"depois|mas|porém|porem|puis|mais|car|ensuite|dann|aber|weil|danach|poi|ma|perché|"
    r"perche|dan|maar|omdat|daarna)(?!\w)",
    re.IGNORECASE,
)
_AND = re.compile(r"(?<!\w)(?:and|y|e|et|und|ed|en)(?!\w)", re.IGNORECASE)
#: What ends a clause.
_CLAUSE_MARKS = ",;:()[]"
#: A file format beside the name: "CSV/Excel", "Excel or PDF"; or the word "format" right
#: before it, where the other languages put it ("en formato Excel", "au format Excel").
_FORMAT = r"csv|pdf|xml|json|txt|tsv|xlsx?|ods|html|docx?"
_FORMAT_BEFORE = re.compile(
    rf"(?:(?<!\w)(?:{_FORMAT})\s*(?:/|\bor\b|\bo\b|\bou\b|\boder\b|\bof\b)|"
    r"(?<!\w)(?:format|formato|formaat)(?:\s+(?:de|d['’]))?)\s*$",
    re.IGNORECASE,
)
_FORMAT_AFTER = re.compile(
    rf"^\s*(?:/|\bor\b|\bo\b|\bou\b|\boder\b|\bof\b)\s*(?:{_FORMAT})(?!\w)", re.IGNORECASE
)
#: Languages that put the verb last ("nach Excel exportieren"), and how many words after
#: the name their verb of exporting may stand.
VERB_LAST_LANGUAGES = frozenset({"de", "nl"})
VERB_LAST_WORDS = 4
_WORDS_THEN = rf"^(?:\W+\w+){{0,{VERB_LAST_WORDS - 1}}}?\W+"
_VERB_LAST = re.compile(rf"{_WORDS_THEN}(?:{_EXPORTING}|{_OPENING})(?!\w)", re.IGNORECASE)
_VERB_LAST_KEEPING = re.compile(rf"{_WORDS_THEN}(?:{_KEEPING})(?!\w)", re.IGNORECASE)
_VERB_LAST_BEFORE = re.compile(rf"(?<![\w-])(?:nach|in|ins|als|naar)\s+{_ARTICLE}$", re.I)
_VERB_LAST_AS = re.compile(rf"(?<![\w-])als\s+{_ARTICLE}$", re.I)


def _clause(text: str, opens: int, closes: int, start: int, end: int) -> tuple[int, int]:
    """Where the clause holding ``text[start:end]`` opens and closes inside its sentence
    ``text[opens:closes]``."""
    left = max([opens, *(text.rfind(m, opens, start) + 1 for m in _CLAUSE_MARKS)])
    right = min([closes, *(i for m in _CLAUSE_MARKS if (i := text.find(m, end, closes)) >= 0)])
    return left, right


def exported_to(
    text: str,
    opens: int,
    closes: int,
    start: int,
    end: int,
    languages: Callable[[], Collection[str]] = lambda: (),
) -> bool:
    """Whether the name at ``text[start:end]``, in the sentence ``text[opens:closes]``, is
    named as where data is exported to or opened in, or as a file format (see the module
    docstring); ``languages`` gives the item's (read only when needed), for the words of
    competing that keep it a rival and the languages that put the verb last.

    >>> text = "Exporting the payroll journal report to Excel loses the number formatting"
    >>> exported_to(text, 0, len(text), 40, 45)
    True
    """
    left, right = _clause(text, opens, closes, start, end)
    before, after = text[left:start], text[end:right]
    if _FORMAT_BEFORE.search(before) or _FORMAT_AFTER.match(after):
        return True
    if not (_verb_last(before, after, languages) or _exported_before(before)):
        return False
    return not product_words.before(before, languages())  # "moving back to Excel"


def _verb_last(before: str, after: str, languages: Callable[[], Collection[str]]) -> bool:
    """German or Dutch: where right before the name, the verb of exporting or opening a few
    words after it ("nach Excel exportieren"), with no "und" between; a verb of saving or
    copying only after "als" ("als Excel speichern"; not "in Excel speichern")."""
    if not _VERB_LAST_BEFORE.search(before):
        return False
    verb = _VERB_LAST.match(after)
    if verb is None and _VERB_LAST_AS.search(before):
        verb = _VERB_LAST_KEEPING.match(after)
    if verb is None or _AND.search(verb.group(0)):
        return False
    return bool(VERB_LAST_LANGUAGES.intersection(languages()))


def _exported_before(before: str) -> bool:
    """A word of where data goes right before the name and one of exporting earlier in the
    clause ("Exporting the report to"), or a word of where it is and one of opening ("open
    it in"), or of exporting with no "and" between ("export the report in"); a word of
    saving or copying only before "as" ("save the report as", not "save it in")."""
    towards = _TOWARDS_END.search(before)
    where = towards or _INSIDE_END.search(before)
    if where is None:
        return False
    verbs = [_EXPORTING_WORD] if towards else [_OPENING_WORD, _EXPORTING_WORD]
    if _AS_END.search(before):
        verbs.append(_KEEPING_WORD)  # "save the payslip register as Excel"
    for words in verbs:
        found = list(words.finditer(before, 0, where.start()))
        if not found:
            continue
        between = before[found[-1].end() : where.start()]
        if _NEW_CLAUSE.search(between):
            continue
        if towards is None and words is not _OPENING_WORD and _AND.search(between):
            continue  # "we export the data and do the payroll in Excel"
        return True
    return False
