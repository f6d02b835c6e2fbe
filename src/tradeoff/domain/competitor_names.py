"""Telling when two ways of naming a competitor mean the same one, in plain Python.

Sales writes "MSFT Dynamics", "Dynamics 365" and "Microsoft Dynamics CRM" for one rival, so
names are compared on a *key*: folded words, abbreviations spelled out ("msft" → "microsoft"),
and the words that never tell two rivals apart dropped (edition numbers, "CRM", "Inc",
"software"). Two keys are then scored in [0, 1]:

- 1.0 when the keys hold the same words, or the same letters once spaces go ("PowerBI" is
  "Power BI", "Hub Spot" is "HubSpot");
- 0.9 when every word of the shorter key is in the longer one and each is at least four
  letters ("Dynamics" in "Microsoft Dynamics"), or the shorter holds two words or more
  ("Power BI" in "Microsoft Power BI"), or is those words run together ("PowerBI"): a
  product named with and without its maker;
- 0.9 when the shorter is the whole of the longer's first words, a brand and then its
  product line, however short the brand ("ADP" and "ADP Workforce Now", "SAP" and "SAP
  SuccessFactors"): a maker named first is the maker, where a short word elsewhere is
  often a fragment ("BI" in "Power BI");
- an acronym in capitals stands for the words whose initials it spells ("ADP WFN" is "ADP
  Workforce Now" once "WFN" is read as "Workforce Now", so they score 1.0; "GP" in "Dynamics
  GP" is "Great Plains"). Letters from inside a word ("WFN" with the "F" of "Workforce")
  spell it more loosely, and the names score at most 0.8: proposed, never filed. So does
  an acronym of the capitalised parts of a word written in CamelCase ("NS" for "NetSuite",
  "QB" for "QuickBooks", "HS" for "HubSpot"), at ``CAMEL_ACRONYM`` (0.75): two letters are
  weak evidence, so a person decides;
- otherwise difflib's ratio on the sorted words, which forgives typos ("Pipedrvie"). Typos
  keep a name's first letter and change a short name by a letter or two, so short names
  that begin differently ("Deel", "Excel") or lie more than ``TYPO_EDITS`` letters apart
  (added, dropped, changed or swapped: "Gestoría" and "Gusto" share a first letter and
  four letters, three apart; "Paychex" and "Paycor" are two vendors) score a fifth lower,
  below ``PROPOSE_AT``; "Zohar" is two letters from "Zoho", "Gutso" one from "Gusto".

``SAME_AT`` (0.88) is the score from which a new name is filed under a known competitor as
an alias without asking: only equal keys, containment and one-letter typos in long names
reach it. ``PROPOSE_AT`` (0.6) is the score from which a name is shown as *looking like* a
known competitor, for a person to merge or not. "Zohar" scores 0.67 against "Zoho":
proposed, never filed. The thresholds were set on the names in docs/competitors.md; a
person's merge or split always wins, because exact names and aliases are matched first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from tradeoff.domain.deals import Competitor
from tradeoff.domain.enums import CompetitorKind
from tradeoff.domain.names import LEGAL_SUFFIXES, fold

SAME_AT = 0.88
PROPOSE_AT = 0.6
#: Score of a key whose words are all in the other key.
CONTAINED = 0.9
#: Words shorter than this do not make a containment match ("ms" in "ms teams").
CONTAINED_MIN_LETTERS = 4
#: A brand named first may be this short ("ADP" in "ADP Run"), or two capitals ("GE").
BRAND_MIN_LETTERS = 3
#: The most an acronym spelt with letters from inside its words scores ("WFN").
LOOSE_ACRONYM = 0.8
#: What an acronym of a CamelCase word's parts scores ("NS" for "NetSuite"): proposed, and
#: below ``competitor_alikes.SAME_VENDOR_AT``, so a deal naming both keeps both links
#: until a person merges the rows (two letters are weak evidence).
CAMEL_ACRONYM = 0.75
#: Names whose keys have at most this many letters are short: a different first letter,
#: or more than ``TYPO_EDITS`` letters apart, makes their difflib ratio weigh
#: ``OTHER_INITIAL`` as much ("Deel" is not "Excel", "Gestoría" is not "Gusto").
SHORT_LETTERS = 8
OTHER_INITIAL = 0.8
#: The most letters a typo of a short name adds, drops, changes or swaps ("Zohar" for
#: "Zoho": two).
TYPO_EDITS = 2

ABBREVIATIONS = {
    "msft": "microsoft",
    "ms": "microsoft",
    "goog": "google",
    "gsheets": "google sheets",
    "sfdc": "salesforce",
    "xls": "excel",
    "xlsx": "excel",
}
#: Words that name a category, an edition or a legal form, never which rival it is.
NOISE = frozenset(
    {
        "crm", "erp", "software", "app", "apps", "platform", "suite", "cloud", "online",
        "the", "com", "io", "net", "edition", "enterprise", "pro", "plus",
        *LEGAL_SUFFIXES,
    }
)  # fmt: skip
DIGITS = re.compile(r"^\d+$")
#: A word written in capitals, which may be an acronym ("WFN", "GP").
CAPITALS = re.compile(r"(?<![^\W\d_])[A-Z]{2,5}(?![^\W\d_])")


def name_words(name: str) -> list[str]:
    """The words that identify a competitor, in the order written: "MSFT Dynamics 365 CRM"
    → ["microsoft", "dynamics"]. A name made only of noise keeps its words."""
    words = " ".join(ABBREVIATIONS.get(w, w) for w in fold(name).split()).split()
    kept = [w for w in words if w not in NOISE and not DIGITS.match(w)]
    return kept or words


def name_key(name: str) -> tuple[str, ...]:
    """``name_words`` sorted, each once: "MSFT Dynamics 365 CRM" → ("dynamics", "microsoft").
    So "CRM" still matches "crm"."""
    return tuple(sorted(set(name_words(name))))


def key_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    named_apart = len(shorter) > 1 or all(len(w) >= CONTAINED_MIN_LETTERS for w in shorter)
    if set(shorter) <= set(longer) and named_apart:
        return CONTAINED
    joined_a, joined_b = " ".join(a), " ".join(b)
    ratio = SequenceMatcher(None, joined_a, joined_b, autojunk=False).ratio()
    if min(len(joined_a), len(joined_b)) > SHORT_LETTERS:
        return ratio
    typo = joined_a[0] == joined_b[0] and edits_apart(joined_a, joined_b) <= TYPO_EDITS
    return ratio if typo else ratio * OTHER_INITIAL


def edits_apart(a: str, b: str) -> int:
    """How many letters one must add, drop, change or swap with its neighbour to write ``a``
    as ``b`` (the optimal string alignment distance): a typo is one or two.

    >>> edits_apart("zoho", "zohar"), edits_apart("gusto", "gutso")
    (2, 1)
    """
    before: list[int] = []
    row = list(range(len(b) + 1))
    for i, letter in enumerate(a, 1):
        above, row = row, [i] + [0] * len(b)
        for j, other in enumerate(b, 1):
            row[j] = min(above[j] + 1, row[j - 1] + 1, above[j - 1] + (letter != other))
            if i > 1 and j > 1 and letter == b[j - 2] and a[i - 2] == other:
                row[j] = min(row[j], before[j - 2] + 1)
        before = above
    return row[-1]


def brand_first(a: str, b: str) -> bool:
    """One name is the whole of the other's first words: a brand, then its product line
    ("ADP", "ADP Workforce Now"). The brand needs ``BRAND_MIN_LETTERS`` letters or to be
    written in capitals ("GE"), so a stray short word does not make a maker."""
    (brand, brand_words), (_, line) = sorted(
        ((a, name_words(a)), (b, name_words(b))), key=lambda named: len(named[1])
    )
    if len(brand_words) == len(line) or line[: len(brand_words)] != brand_words:
        return False
    letters = "".join(brand_words)
    return len(letters) >= BRAND_MIN_LETTERS or brand.strip().isupper()


def _spells(acronym: str, words: Sequence[str]) -> bool | None:
    """Whether ``acronym`` is the initials of ``words`` (True), spelt with some letters from
    inside them, each word's letters in order and starting with its first (False: "wfn"
    for "workforce now"), or neither (None)."""
    if acronym == "".join(w[0] for w in words):
        return True

    def loosely(rest: str, at: int) -> bool:
        if at == len(words):
            return not rest
        word = words[at]
        if not rest or rest[0] != word[0]:
            return False
        taken, inside = 1, 1
        while True:  # this word gives rest[:taken], the next words the remainder
            if loosely(rest[taken:], at + 1):
                return True
            if taken == len(rest):
                return False
            found = word.find(rest[taken], inside)
            if found < 0:
                return False
            taken, inside = taken + 1, found + 1

    return False if loosely(acronym, 0) else None


def read_acronyms(name: str, other: str) -> tuple[list[str], bool] | None:
    """``name``'s words with each acronym in capitals written out as the run of ``other``'s
    words it spells ("ADP WFN" against "ADP Workforce Now": adp, workforce, now), and
    whether every acronym spelt initials exactly; None when no acronym spells any."""
    capitals = {w.lower() for w in CAPITALS.findall(name)} - ABBREVIATIONS.keys()
    words, theirs = name_words(name), name_words(other)
    read: list[str] = []
    exact, any_read = True, False
    for word in words:
        runs = (
            (theirs[start:end], spelt)
            for start in range(len(theirs))
            for end in range(start + 2, len(theirs) + 1)
            if word in capitals and (spelt := _spells(word, theirs[start:end])) is not None
        )
        run = next(runs, None)
        if run is None:
            read.append(word)
            continue
        read.extend(run[0])
        exact, any_read = exact and run[1], True
    return (read, exact) if any_read else None


def spaced_alike(a: str, b: str) -> bool:
    """The same letters in the same order once spaces and punctuation go: one name written
    as one word or two ("PowerBI", "Power BI")."""
    return "".join(fold(a).split()) == "".join(fold(b).split())


def joined_within(a: str, b: str) -> bool:
    """One name written as one word is two or more words in a row of the other, at least
    ``CONTAINED_MIN_LETTERS`` letters: "PowerBI" in "Microsoft Power BI" (whichever
    spelling an import met first, the other must find it)."""
    for one, many in ((a, b), (b, a)):
        word, words = fold(one).split(), fold(many).split()
        if len(word) != 1 or len(word[0]) < CONTAINED_MIN_LETTERS:
            continue
        for start in range(len(words)):
            for end in range(start + 2, len(words) + 1):
                if "".join(words[start:end]) == word[0]:
                    return True
    return False


#: The capitalised parts of a word written in CamelCase: "NetSuite" → Net, Suite.
_CAMEL_PART = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")


def camel_parts(word: str) -> list[str]:
    """A word's CamelCase parts, folded ("NetSuite" → ["net", "suite"]); one part for a word
    that is not written so ("Cin7" → ["cin7"], "DEAR" → ["dear"])."""
    parts = _CAMEL_PART.findall(word)
    if len(parts) < 2 or not all(p[0].isalpha() for p in parts):
        return [fold(word)]
    return [fold(p) for p in parts]


def read_camel_acronyms(name: str, other: str) -> list[str] | None:
    """``name``'s words with each acronym in capitals written out as the run of ``other``'s
    words whose CamelCase parts it spells, one of them at least in two parts ("NS" against
    "Oracle NetSuite": netsuite); None when no acronym spells any."""
    capitals = {w.lower() for w in CAPITALS.findall(name)} - ABBREVIATIONS.keys()
    theirs = [camel_parts(w) for w in other.split()]
    read: list[str] = []
    any_read = False
    for word in name_words(name):
        spelt = (
            theirs[start:end]
            for start in range(len(theirs))
            for end in range(start + 1, len(theirs) + 1)
            if any(len(parts) > 1 for parts in theirs[start:end])
            and word == "".join(part[0] for parts in theirs[start:end] for part in parts)
        )
        run = next(spelt, None) if word in capitals else None
        if run is None:
            read.append(word)
            continue
        read.extend("".join(parts) for parts in run)
        any_read = True
    return read if any_read else None


def acronym_similarity(a: str, b: str) -> float:
    """How alike two names are once an acronym in either is read as the words of the
    other it spells: their score when that makes the words the same or one inside the
    other, at most ``LOOSE_ACRONYM`` for a loose spelling, ``CAMEL_ACRONYM`` for the parts
    of a CamelCase word; 0 when no acronym helps."""
    best = 0.0
    for name, other in ((a, b), (b, a)):
        reading = read_acronyms(name, other)
        if reading is None:
            continue
        words, exact = reading
        score = key_similarity(tuple(sorted(set(words))), name_key(other))
        if score >= CONTAINED:
            best = max(best, score if exact else min(score, LOOSE_ACRONYM))
    for name, other in ((a, b), (b, a)):
        camel = read_camel_acronyms(name, other)
        if camel is not None and key_similarity(tuple(sorted(set(camel))), name_key(other)) >= (
            CONTAINED
        ):
            best = max(best, CAMEL_ACRONYM)
    return best


def name_similarity(a: str, b: str, key_a: tuple[str, ...], key_b: tuple[str, ...]) -> float:
    """``similarity`` with the names' keys already made."""
    if spaced_alike(a, b):
        return 1.0
    score = key_similarity(key_a, key_b)
    if score < CONTAINED and (joined_within(a, b) or brand_first(a, b)):
        score = CONTAINED
    return score if score >= 1.0 else max(score, acronym_similarity(a, b))


def similarity(a: str, b: str) -> float:
    """How alike two names are, 0..1 (see the module docstring for the scale)."""
    return name_similarity(a, b, name_key(a), name_key(b))


#: Kinds that are products someone sells, as against the alternatives to buying one.
PRODUCTS = frozenset({CompetitorKind.DIRECT, CompetitorKind.OTHER_CATEGORY})

#: Alternatives that say what the buyer kept or chose instead of us: the status quo
#: ("No decision", "Do nothing") is what a deal names when it says no more, and gives way
#: to one of these when the same deal names it ("kept their in-house tool").
SPECIFIC_ALTERNATIVES = frozenset(
    {CompetitorKind.HOMEGROWN, CompetitorKind.SPREADSHEET, CompetitorKind.AGENCY}
)

#: A firm or a person hired to do the work instead of buying a product, in a name as
#: ``fold`` writes it (lower case, no accents, punctuation as spaces): an agency, a
#: consultancy or a freelancer, and for the back office an outsourced accountant or payroll
#: bureau — a Spanish "gestoría" or "asesoría", a "contador externo" in Latin America and
#: Brazil, "contabilidade terceirizada" or an "escritório de contabilidade", a French
#: "expert-comptable" or "cabinet comptable", a German "Steuerberater", "Steuerbüro" or
#: "Lohnbüro", an Italian "commercialista" or "consulente del lavoro", a Dutch "boekhouder"
#: or "administratiekantoor" — or outsourcing itself ("outsourced payroll", "BPO",
#: "tercerizado", "externalisée", "ausgelagert", "uitbesteed"). Principle 3: what the buyer
#: pays a firm for is an alternative of the agency kind, never a product rival. Words that
#: name software too are read only in the phrases that make them a firm: "contable" is one
#: in "contable externo", not in "software contable"; "contábil" in "escritório contábil",
#: not in "sistema contábil". German compounds end in the firm ("Lohnsteuerberater",
#: "Steuerkanzlei"). A professional employer organisation (PEO) or an employer of record
#: (EOR) is one only as the whole name (``AGENCY_ALONE``): "Justworks PEO" and "Deel EOR"
#: are products.
AGENCY_NAMES = re.compile(
    r"\b(?:"
    # English
    r"agency|agencies|consultancy|consultancies|consultants?|freelance|freelancers?|"
    r"accountants?|accounting (?:firm|office|practice|partner|service)s?|bookkeepers?|"
    r"bookkeeping (?:firm|service|partner)s?|cpas?(?: firm)?|"
    r"tax (?:advis[eo]rs?|consultants?|preparers?)|(?:payroll )?(?:service )?bureau[sx]?|"
    r"outsourc\w+|bpo|"
    # Spanish
    r"gestorias?|asesorias?|asesor(?:es|as?)?|contador(?:es|as?)?|"
    r"(?:el|su|sus|nuestro|un) contable|contables? extern[oa]s?|"
    r"(?:despacho|firma|bufete|estudio)s? (?:contable|de contador(?:es|as)|de contabilidad|"
    r"laboral|fiscal)|consultor(?:es|as?)?|consultorias?|agencias?|"
    r"tercerizad[oa]s?|tercerizacion|externalizad[oa]s?|externalizacion|subcontratad[oa]s?|"
    r"maquila(?:dora)?s?|"
    # Portuguese
    r"contabilistas?|contabilidade (?:terceirizada|externa)|"
    r"escritorios? (?:de contabilidade|contabil|contabeis|de contadores)|assessorias?|"
    r"terceiriz\w+|"
    # French
    r"experts? comptables?|cabinets? (?:comptables?|d expertise\w*|de paie|de conseil|rh)|"
    r"comptables? externes?|(?:le|notre|leur|un|son) comptable|agences?|"
    r"prestataires?|externalis\w+|sous trait\w+|"
    # German
    r"\w*steuerberat\w*|\w*kanzlei\w*|\w*(?:steuer|lohn|buchhaltungs)buro|\w*buchhalter\w*|"
    r"extern\w* \w*buchhaltung|agentur(?:en)?|berater(?:in|innen)?|\w*dienstleister\w*|"
    r"ausgelagert\w*|auslagerung|freiberufler\w*|"
    # Italian
    r"commercialist[ai]|consulent[ei](?: del lavoro)?|"
    r"studio (?:commercialista|paghe|contabile|di consulenza)|agenzi[ae]|esternalizz\w+|"
    # Dutch
    r"boekhouders?|administratiekanto(?:o)?r\w*|accountantskanto(?:o)?r\w*|"
    r"(?:loon|salaris)(?:bureau|kantoor)\w*|uitbested\w*|uitbesteed|adviseurs?"
    r")\b"
)
#: Names of an outsourced employer that are one only as the whole name ("a PEO").
AGENCY_ALONE = frozenset(
    {"peo", "eor", "employer of record", "professional employer organization",
     "professional employer organisation"}
)  # fmt: skip
_ARTICLES = frozenset(
    {"a", "an", "the", "their", "our", "un", "una", "um", "uma", "une", "ein", "eine", "een"}
)


def agency_alone(folded: str) -> bool:
    """Whether a folded name is only an outsourced employer (``AGENCY_ALONE``), an article
    aside: "PEO", "a PEO"; not "Justworks PEO"."""
    return " ".join(w for w in folded.split() if w not in _ARTICLES) in AGENCY_ALONE


#: Words that say which kind of alternative a name is without naming one. A competitor
#: whose name holds only these ("Spreadsheets", "In-house tool", "Design agency") stands
#: for its whole kind; one that names a product or a firm ("Google Sheets", "Acme Agency")
#: is one member of it, which the scan proposes to count under the kind's row. An agency's
#: name says only its kind when, less ``AGENCY_NAMES``, it holds only these words
#: ("Gestoría", "Outsourced accountant", "Contador externo", "Externer Steuerberater").
_KIND_WORDS = {
    CompetitorKind.SPREADSHEET: """spreadsheet spreadsheets manual manually tracking tracker
        trackers shared planilha planilhas hoja hojas de calculo tableur tableurs feuille
        feuilles calcul tabellenkalkulation foglio fogli di elettronico elettronici
        rekenblad rekenbladen""",
    CompetitorKind.HOMEGROWN: """in house inhouse home grown homegrown internal internally
        tool tools system systems solution solutions build builds built building it
        themselves ourselves diy custom manual process app apps script scripts""",
    CompetitorKind.AGENCY: """agency agencies consultancy consultancies consultant
        consultants freelance freelancer freelancers contractor contractors digital design
        dev development software web creative marketing local external outsourced
        payroll hr tax labour labor accounting bookkeeping
        externo externa externos externas local laboral fiscal contable su sus el la los
        las un una nuestro nuestra de del con nomina nominas
        externa terceirizada terceirizado o os as um uma seu sua nosso nossa da do com
        folha contabil pessoal
        externe externes le les l notre leur un une du des paie comptable comptables
        externer externen externe der die das den dem ein eine einen unser unsere
        lohn lohnbuchhaltung
        esterno esterna il lo gli del della paghe lavoro
        extern externe het een onze hun""",
}
_FILLER_WORDS = """a an the their our own and or with using use used kept keep keeping
    stayed stay on of by to"""
KIND_WORDS = {
    kind: frozenset(words.split()) | frozenset(_FILLER_WORDS.split())
    for kind, words in _KIND_WORDS.items()
}


def names_only_its_kind(name: str, kind: CompetitorKind) -> bool:
    """The name says only which kind of alternative it is: "Spreadsheets", "Homegrown
    tool", "Agency"; not "Google Sheets" or "Excel spreadsheets" (a product named), nor any
    product (``KIND_WORDS`` holds the kinds whose members a workspace may list apart)."""
    folded = fold(name)
    rest = AGENCY_NAMES.sub(" ", folded) if kind is CompetitorKind.AGENCY else folded
    if kind is CompetitorKind.AGENCY and agency_alone(folded):
        rest = ""
    return kind in KIND_WORDS and bool(folded) and set(rest.split()) <= KIND_WORDS[kind]


@dataclass(frozen=True)
class NameMatch:
    competitor: Competitor
    #: The competitor's name or alias that scored best.
    matched: str
    score: float


def closest(name: str, competitors: Iterable[Competitor]) -> NameMatch | None:
    """The competitor one of whose names is most like ``name`` (ties: the lower id)."""
    key = name_key(name)
    best: NameMatch | None = None
    for competitor in sorted(competitors, key=lambda c: c.id or 0):
        for known in (competitor.name, *competitor.aliases):
            score = name_similarity(name, known, key, name_key(known))
            if best is None or score > best.score:
                best = NameMatch(competitor, known, score)
    return best


def same_competitor(
    name: str, competitors: Iterable[Competitor], *, kind: CompetitorKind | None = None
) -> NameMatch | None:
    """The known competitor ``name`` means without asking anyone: exact, else ``SAME_AT``.

    ``kind`` is what the name says it is (``importers.competitors.classify_competitor``):
    a name is never filed by likeness under a competitor of another kind, either way, so
    "Microsoft Excel" (a spreadsheet) does not join "Microsoft", nor "Google" (a product,
    a maker) "Google Sheets". A product's name may join any product (a person may have
    filed one as another category)."""
    wanted = fold(name)
    pool = list(competitors)
    for competitor in pool:
        if any(fold(n) == wanted for n in (competitor.name, *competitor.aliases)):
            return NameMatch(competitor, name, 1.0)
    if kind in PRODUCTS:
        pool = [c for c in pool if c.kind in PRODUCTS]
    elif kind is not None:
        pool = [c for c in pool if c.kind is kind]
    match = closest(name, pool)
    return match if match is not None and match.score >= SAME_AT else None


def spelt_alike(a: str, b: str) -> bool:
    """Whether two names are one name written two ways — case, accents, punctuation,
    spacing, an abbreviation, an edition or a legal form aside ("SFDC" and "Salesforce",
    "Zoho CRM" and "Zoho"), or a typo ("Pipedrvie") — rather than two names of one
    competitor: a brand and its product line ("ADP", "ADP Workforce Now"), a product with
    and without its maker ("Paychex", "Paychex Flex"), an acronym ("Dynamics GP"). Only
    such a respelling may rename a competitor a user has already seen
    (``storage.competitor_spelling``)."""
    key_a, key_b = name_key(a), name_key(b)
    if key_a == key_b or spaced_alike(a, b):
        return True
    return len(key_a) == len(key_b) and key_similarity(key_a, key_b) >= SAME_AT


def close_names(name: str, names: Sequence[str], *, limit: int = 3) -> list[str]:
    """Names worth suggesting when ``name`` matched nothing: best first, above a low bar."""
    scored = [(similarity(name, n), n) for n in names]
    good = sorted((s for s in scored if s[0] >= 0.5), key=lambda s: (-s[0], s[1]))
    return [n for _, n in good[:limit]]
