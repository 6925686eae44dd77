"""The Whoosh search index, derived from the database.

``schema`` and ``analysis`` define the index; ``glossary`` finds glossary acronyms in
text; ``documents`` turns records into index documents; ``storage`` keeps index
generations on disk; ``sync`` applies the change log, rebuilds and checks the index.
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
