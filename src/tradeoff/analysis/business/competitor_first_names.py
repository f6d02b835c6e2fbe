"""Common first names, folded, in the languages the product reads and a few more.

Data for ``competitor_person_names``: a rival named like a person ("Jane", "Ada", "Otto")
is read by the words around it only where its name is one of these. Kept as a module, not
a data file, so that the scan's rules digest (``competitor_scan_stamp.RULE_SOURCES``)
covers it: a name added here makes the next scan read again. A name missing here is read
as before, as the product.
"""

from __future__ import annotations

_NAMES = """
ada adam adrian agnes aidan alan alba albert alberto alejandro alessandra alessandro alex
alexander alexandra alfie alfred ali alice alicia alina alison amanda amber amelia amy ana
andrea andreas andrew andy angela angelo anja ann anna anne annie anthony antoine antonio
anya april archie aria arthur astrid aurora ava barbara beatriz ben benjamin bernard beth
bianca bob bobby bram brian bruno camila carla carlos carmen carol caroline carolina
catherine charles charlie charlotte chiara chloe chris christian christina christine claire
clara claudia colin daan daniel daniela dave david debbie diana diego dirk dominik dora
ella ellie elena eliza elias elisa elizabeth ellen elsa emil emily emma enzo eric erik
ernst esther eva eve evelyn fabian felix fenna fernando filip finn fiona florence francesca
francesco francisco frank franz freya frida gabriel gemma george georgia gina giorgia
giovanni giulia grace greta hannah hans harry harvey hazel heidi helen helena henry hugo
ian ida ines ingrid iris isabel isabella isla ivy jack jacob jade jake james jamie jan
jane janet jasmine javier jean jenny jess jessica jim joan joanna joao joe johan john jonas
jordi jorge jose josef joseph josh joy juan julia julian julie juliette karen karin kate
katie klara kim laura lars lea leah lena leo leon lewis lily linda lisa liv lola lorenzo
lotte louis louise luca lucas lucia lucy luis luka luna lydia maja manon manuel marco marcus
margaret maria marie marina mario mark marta martha martin mary matilda matteo matthew
mattia max maya mia michael michelle miguel mila milan milo mina molly monica nadia nancy
naomi nathan nicola nico nina noah noor nora oliver olivia omar oscar otto pablo paolo
patrick paul paula pauline pedro peter petra philip pia pierre piotr poppy rachel rafael
rebecca robert roberto robin rosa rose rosie ruby ruth ryan sam samuel sara sarah sebastian
sergio simon sofia sophia sophie stefan stella stephanie steve susan sven tanja theo thomas
tim tom tomas ursula valentina vera victor victoria viktor vincent wendy will william
xavier yara yasmin zoe zofia
"""

#: The names, folded (``domain.names.fold``): lower case, no accents.
FIRST_NAMES = frozenset(_NAMES.split())
