"""Every use of Whoosh's internals, behind a small interface of our own.

Outside this package the project uses Whoosh only through its documented public API:
``whoosh.index`` (create, open, ``Index``), ``whoosh.fields`` and ``whoosh.analysis``
(the schema, analyzers and filters), the query classes of ``whoosh.query``, and the
documented methods of a searcher and its reader (``search``, ``reader()``,
``postings``, ``lexicon``, ``stored_fields``...). Everything else (the codec's
postings and term entries, segment writing and tables of contents, readers of single
segments, collectors, the calls whoosh3 leaves untyped) is reached here, so that a
Whoosh upgrade is this folder's work. ``tests/indexer/engine/`` checks each part
against stock Whoosh.

* ``writer``: ``BatchWriter``, the writer of every commit (Whoosh's segment, written
  faster), and the segments worker processes write for a rebuild.
* ``refresh``: a searcher of the latest commit (``latest``, ``refreshed``), ``close``.
* ``postings``: ``PostingIndex``, queries of words, ``AND``, ``OR`` and ``NOT`` scored
  over whole posting lists with Whoosh's BM25F, to the last bit; ``term_docs``, a term's
  live documents.
* ``decoded``: ``DecodedCache``, the posting lists and stored rows kept decoded.
* ``collect``: queries run through Whoosh's own matchers (``top_hits``, ``all_hits``).
* ``queries``: ``match_all``, and ``excluding`` (not ``AndNot``).
* ``analysis``: an analyzer taken apart into its pattern and filters; the stemmer; the
  base of our filters.
* ``fields``: how a field's postings encode positions or frequencies.

Each workaround of a whoosh3 3.54 fault names the fault and the test that shows it in
its module's docstring: ``refresh`` (merged-away segments and deletions),
``writer`` (``set_inline``), ``queries`` (``AndNot``).
"""

from indexer.engine.analysis import SplitAnalyzer, TokenFilter, porter_stem, split_analyzer
from indexer.engine.collect import all_hits, top_hits
from indexer.engine.decoded import DecodedCache
from indexer.engine.fields import field_boost, frequency_value, positions_encoder
from indexer.engine.postings import PostingIndex, Unsupported, supported, term_docs
from indexer.engine.queries import excluding, match_all
from indexer.engine.refresh import close, latest, refreshed
from indexer.engine.writer import BatchWriter, Segment, segment_writer

__all__ = [
    "BatchWriter",
    "DecodedCache",
    "PostingIndex",
    "Segment",
    "SplitAnalyzer",
    "TokenFilter",
    "Unsupported",
    "all_hits",
    "close",
    "excluding",
    "field_boost",
    "frequency_value",
    "latest",
    "match_all",
    "porter_stem",
    "positions_encoder",
    "refreshed",
    "segment_writer",
    "split_analyzer",
    "supported",
    "term_docs",
    "top_hits",
]
