"""The Whoosh search index, derived from the database.

Writing the index:

* ``schema``: the index's fields, document keys and ``SCHEMA_VERSION``.
* ``analysis``: the analyzers (acronym-aware stemming, exact words, word pairs) and
  each word's forms, read once per text for indexing.
* ``glossary``: glossary acronyms and their long forms found in document text.
* ``documents``: records turned into index documents.
* ``storage``: index generations on disk, the CURRENT pointer, positions, the write lock.
* ``sync``: applying the change log, rebuilding and checking the index.
* ``parallel``: a rebuild's documents written by worker processes, one segment each.

Searching it:

* ``search``: ``Searcher``, a query string and filters to a page of hits with facets,
  highlights, a suggestion and cursors.
* ``query``: query strings read into Whoosh queries (syntax, acronym expansion,
  exact mode).
* ``facets``: document sets per field value, for filters and facet counts.
* ``highlights``: fragments of a hit's text with the matched words marked.
* ``suggest``: "did you mean" from the index's own words.
* ``cache``: the one kind of cache every memory of the index is (bounded, least
  recently used dropped first).

``engine/`` holds every use of Whoosh's internals behind a small interface (writing
segments, refreshing searchers, scoring over posting lists, collectors, the
workarounds of whoosh3's faults); its docstring lists its modules.
"""

from indexer.schema import RECORD_TYPES, build_schema, document_key, parse_key
from indexer.storage import IndexLockTimeout, IndexStore
from indexer.sync import IndexStatus, apply_changes, check, rebuild

__all__ = [
    "RECORD_TYPES",
    "IndexLockTimeout",
    "IndexStatus",
    "IndexStore",
    "apply_changes",
    "build_schema",
    "check",
    "document_key",
    "parse_key",
    "rebuild",
]
