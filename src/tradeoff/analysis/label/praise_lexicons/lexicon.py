"""What a language's praise lexicon holds: the words of each role the praise rules read."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Lexicon:
    """One language's words, by the role the English list of the same name has in
    ``label.counter`` (phrases: comma-separated; words: space-separated)."""

    #: Phrases that judge well ("excelente", "funciona bien", "me encanta").
    praise: str
    #: Manner phrases: praise only where they report how something went ("respondieron
    #: rápido"), not where they ask for it ("necesito que sea rápido").
    manner: str
    #: Manner words that judge alone at the head of a clause ("¡Rapidísimo!").
    manner_adjectives: str
    #: Phrases that are praise by themselves ("sin problemas", "cinco estrellas").
    idioms: str
    #: Phrases skipped before any cue is looked for: greetings, sign-offs, urgency,
    #: willingness to help, "not only" ("buen día", "quedo atento", "lo antes posible").
    not_praise: str
    #: Words that deny the cue or function after them ("no", "nunca", "sin").
    negators: str
    #: Words that ask: before or after a cue in its clause they make it a request.
    requests: str
    #: Words that make a later cue in the clause a wish or a let-down expectation ("si",
    #: "pensé", "supuestamente").
    wishes: str
    #: Endings of the conditional mood ("podría", "voudrait", "gostaria"): a wish, after a
    #: stem of three letters or more (``Words.conditional``).
    conditional_endings: str
    #: Words with such an ending that are no conditional ("categoría", "secretaria",
    #: "retrait").
    not_conditional: str
    #: Imperatives that open an order ("arreglen", "corrijam", "beheben").
    orders: str
    #: Verbs of making that follow "please" in a request ("agregar", "hinzufügen").
    making: str
    #: "Please" ("por favor", "bitte"): before a verb of making or an order, a request.
    please: str
    #: A request said in so many words ("me gustaría", "sería bueno", "sugerencia").
    request_phrases: str
    #: A complaint asked ("por qué", "warum").
    complaint_asks: str
    #: Sentence openers that ask ("cómo", "est ce que").
    question_openers: str
    #: Contrasts ("pero", "sin embargo", "aber", "leider").
    contrasts: str
    #: Turns for the worse ("hasta que", "de repente", "plötzlich").
    turns: str
    #: A sentence that opens with a wish for what is missing ("ojalá", "ich wünschte").
    wish_openers: str
    #: Problem words ("error", "falla", "lento", "stürzt").
    problems: str
    #: Problem phrases ("dejó de", "se cuelga", "stürzt ab").
    problem_phrases: str
    #: Working, arriving or being able: negated, a failure ("no funciona", "não chega").
    functions: str
    #: Between a negator and a working verb these make it relief ("ya no tenemos que").
    relief: str
    #: Words that put a problem right in its clause ("resolvieron", "behoben").
    resolved: str
    #: Habits and the past a complaint is measured against ("normalmente", "el mes
    #: pasado").
    habits: str
    #: "Before" as an adverb ("antes"), a habit unless a time follows ...
    before: str
    #: ... the words after it that make it a time ("de", "que").
    before_time: str
    #: Words of a change: "before the update" is a habit even so.
    changes: str
    #: Words that hold praise back ("bastante", "casi", "ziemlich").
    hedges: str
    #: Preambles: openers ("ante todo") and judgements of the whole ("en general").
    preambles: str
    #: The customer's own setup or something else ("internet", "otros", "ansonsten").
    elsewhere: str
    #: Prepositions that make those words where the area was used ("en", "con").
    places: str
    #: Who the praise is said to: the person answering ("ustedes", "vous", "du").
    addressee: str
    #: What a manner word needs before it to report ("es", "fue", "respondieron").
    reports: str
    #: Endings of a past tense or participle that report ("ó", "aron", "ado").
    past_endings: str
    #: Words that end the look-back from a manner word: what follows is to be done.
    not_reports: str
    #: Intensifiers between a report and its manner word ("muy", "súper").
    intensifiers: str
    #: Feeling words that, before ``willing_link`` and a verb, are willingness ("encantados
    #: de probar"), unless the verb perceives (``perceive``).
    willing: str
    willing_link: str
    perceive: str
    #: Words for the product as a whole ("aplicación", "Produkt").
    general: str
    #: Courtesy, counting and thanks, which name nothing ("gracias", "estrellas").
    courtesy: str
    #: Whom praise is for, not an area ("empleados", "Mitarbeiter").
    people: str
    #: An attachment notice's words ("adjunto", "captura", "anbei").
    attachments: str
    #: Elided words written with an apostrophe, as they are spelt out ("l" → "le").
    elisions: dict[str, str] | None = None
    #: Whether a negator follows the verb it denies ("funktioniert nicht", "werkt niet",
    #: "ne marche pas").
    negated_after: bool = False
    #: Words that deny a working verb but no praise word ("ne" of "ne marche plus").
    denies_verb: str = ""
    #: Conditionals listed as words: where the language writes the mood as a word ("wäre",
    #: "würde", "zou"), and the forms of "be", "stay", "have", "go" and "do" whose stem is
    #: too short for an ending to tell ("sería", "seria", "serait", "sarebbe"). A "would be
    #: perfect" is a feature request, never praise.
    conditionals: str = ""
