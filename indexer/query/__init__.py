"""Query strings -> Whoosh queries: the search syntax, acronym expansion and exact mode.

The language: words (all must match), ``"phrases"``, ``AND`` / ``OR`` / ``NOT`` (capitals),
``-word``, parentheses, ``field:value`` (title, text, theme, year, kind, type, body, item),
``prefix*`` (at least two characters before the ``*``) and ``fuzzy~`` / ``fuzzy~2``.

Words search the title and the text (stemmed). A word that is a glossary acronym
(``MARAC``) also matches documents whose ``acronyms`` field names it, so it finds items
that only write the long form; a glossary long form ("multi-agency risk assessment
conference", quoted or not) also matches documents that only write the acronym.
Quoted text is matched as written (the ``exact`` field, no stemming), a quoted long
form still also matching its acronym; in exact mode every word is matched as written
and nothing is expanded.

Conditions on theme, year, kind, type, body and item that the whole query requires
(top-level ``AND``) are returned apart from the scored query, so the searcher applies
them as filters; inside ``OR`` or ``NOT`` groups they stay query terms.

``parse_query`` runs the steps, one module each:

* ``tokens``: the string split into tokens (``tokenize``); ``SearchSyntaxError``.
* ``parser``: the tokens parsed into a syntax tree, conditions read into index values.
* ``acronyms``: the glossary as queries need it (``AcronymTable``).
* ``analysis``: query words analysed by the fields' own analyzers.
* ``build``: the tree built into a Whoosh query, with its marks and words
  (``ParsedQuery``).
* ``fields``: the fields a query may name and the index fields they search.
"""

from indexer.query.acronyms import AcronymTable
from indexer.query.analysis import AnalyzerKind, field_analyzer
from indexer.query.build import MarkSpec, ParsedQuery, QueryWord, parse_query
from indexer.query.fields import EXACT_FIELD
from indexer.query.parser import FilterNode
from indexer.query.tokens import SearchSyntaxError, tokenize

__all__ = [
    "EXACT_FIELD",
    "AcronymTable",
    "AnalyzerKind",
    "FilterNode",
    "MarkSpec",
    "ParsedQuery",
    "QueryWord",
    "SearchSyntaxError",
    "field_analyzer",
    "parse_query",
    "tokenize",
]
