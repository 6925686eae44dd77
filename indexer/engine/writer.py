"""A Whoosh segment writer for batches of documents: postings gathered per term in memory.

Whoosh's ``SegmentWriter`` puts every posting in a sorting pool (spilled to disk and
merged back when large) and, while writing the posting lists, reads each posting's
field length back from the new segment's length column. ``BatchWriter`` writes the same
segment: its pool keeps each term's postings together as documents are added (document
numbers only grow, so they are already in order) and only the terms are sorted at the
commit; the field lengths are read once per document and field, and each term's
postings go to Whoosh's postings writer a block at a time (a term of one posting goes
into the term index instead). Merges of small segments (``add_reader``) go through the
same pool.

The pool's memory is bounded: once it holds ``POOL_POSTINGS`` postings it writes them,
term by term in order, to a run file beside the index and starts again; the commit merges
the runs and what is still held, a chunk of each at a time, term by term. So the
postings a writer holds do not grow with the documents it is given (a rebuild of 100,000
agenda items adds about 25 million postings; of a million, about 250 million). What
Whoosh keeps per document (column values, stored-field offsets) still does, and so does
the one list a term's postings are joined into at the commit.

A rebuild on several processes (``indexer.parallel``) has each worker write one segment
with a ``BatchWriter`` of its own (``segment_writer``: without Whoosh's lock, which the
committing writer holds), hand it back (``finish_segment``), and the committing writer
lists them all in one table of contents (``commit_segments``).

Workaround (whoosh3 3.54): ``W3PostingsWriter.finish_postings`` calls ``set_inline``, a
method ``W3TermInfo`` names ``set_inlined``, so Whoosh cannot keep a term of one posting
in its term entry (it only tries with ``inlinelimit`` above 1, not the default);
``_finish_inlined`` does it here. ``tests/indexer/engine/test_writer.py`` shows the fault
(``test_whooshs_own_inlining_still_calls_a_missing_method``) and that the terms read back.
"""

from __future__ import annotations

import heapq
import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, Final

from whoosh.codec.whoosh3 import W3PostingsWriter, W3TermInfo
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index
from whoosh.system import pack_ushort
from whoosh.writing import SegmentWriter

# (field name, term bytes, document number, weight, value bytes): Whoosh's posting tuple.
Posting = tuple[str, bytes, int, float, bytes | None]
LengthOf = Callable[[int], int | None]
# A segment written by ``BatchWriter.finish_segment``: Whoosh's own object, picklable,
# only handed on to ``commit_segments``.
Segment = object
# One term's postings: its field, its bytes, and docnum, weight, value, docnum, ...
TermPostings = tuple[str, bytes, list[Any]]

# Postings a pool holds in memory before it writes them to a run file (measured: about
# 76 bytes each in memory, so about 300 MB; about 21 bytes each in a run file).
POOL_POSTINGS: Final = 4_000_000
# Postings pickled together in a run file: what a run's reader holds at once.
RUN_CHUNK_POSTINGS: Final = 16_384


class TermPool:
    """Postings by field and term, each term's as a flat list: docnum, weight, value, ...

    Past ``limit`` postings held, they go to a run file in ``folder`` (the system's
    temporary folder if None); ``iter_terms`` merges the runs and the postings held.
    Documents are added in docnum order, so a term's postings in an earlier run come
    before its postings in a later one.
    """

    def __init__(self, limit: int = POOL_POSTINGS, folder: str | None = None) -> None:
        self.fields: dict[str, dict[bytes, list[Any]]] = {}
        self.fieldnames: set[str] = set()
        self.count = 0
        self.limit = limit
        self.folder = folder
        self.runs: list[IO[bytes]] = []
        self._held = 0

    def add(self, item: Posting) -> None:
        fieldname, btext, docnum, weight, value = item
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        postings = terms.get(btext)
        if postings is None:
            terms[btext] = [docnum, weight, value]
        else:
            postings += (docnum, weight, value)
        self.count += 1
        self._held += 1
        if self._held >= self.limit:
            self.spill()

    def add_field(
        self,
        fieldname: str,
        docnum: int,
        items: Iterable[tuple[bytes, int, float, bytes]],
        boost: float,
    ) -> int:
        """Add one document's postings in one field (as ``field.index`` gives them, each
        weight times ``boost``); the sum of their frequencies."""
        terms = self.fields.get(fieldname)
        if terms is None:
            terms = self.fields[fieldname] = {}
            self.fieldnames.add(fieldname)
        length = 0
        added = 0
        for btext, freq, weight, value in items:
            postings = terms.get(btext)
            if postings is None:
                terms[btext] = [docnum, weight * boost, value]
            else:
                postings += (docnum, weight * boost, value)
            length += freq
            added += 1
        self.count += added
        self._held += added
        if self._held >= self.limit:
            self.spill()
        return length

    def spill(self) -> None:
        """Write the postings held to a new run file, in term order, and let them go."""
        # Kept open (and so on disk) until the pool is cleaned up; gone when closed.
        run = tempfile.TemporaryFile(dir=self.folder, prefix="postings-", suffix=".run")  # noqa: SIM115
        try:
            chunk: list[TermPostings] = []
            size = 0
            for entry in self._held_terms():
                chunk.append(entry)
                size += len(entry[2])
                if size >= RUN_CHUNK_POSTINGS * 3:
                    pickle.dump(chunk, run, pickle.HIGHEST_PROTOCOL)
                    chunk, size = [], 0
            if chunk:
                pickle.dump(chunk, run, pickle.HIGHEST_PROTOCOL)
            run.flush()
        except BaseException:
            run.close()
            raise
        self.runs.append(run)
        self.fields.clear()
        self._held = 0

    def iter_terms(self) -> Iterator[TermPostings]:
        """Every term's postings, in field and term order, in document order."""
        if not self.runs:
            yield from self._held_terms()
            return
        streams = [*(_read_run(run) for run in self.runs), self._held_terms()]
        # heapq.merge keeps equal keys in the order of the streams: the runs' order.
        merged = heapq.merge(*streams, key=_term_key)
        key: tuple[str, bytes] | None = None
        parts: list[list[Any]] = []
        for fieldname, btext, flat in merged:
            if key != (fieldname, btext):
                if key is not None:
                    yield (*key, _joined(parts))
                key, parts = (fieldname, btext), []
            parts.append(flat)
        if key is not None:
            yield (*key, _joined(parts))

    def iter_postings(self) -> Iterator[Posting]:
        """Every posting in field, term, document order (as Whoosh's pool gives them)."""
        for fieldname, btext, flat in self.iter_terms():
            postings = iter(flat)
            for docnum, weight, value in zip(postings, postings, postings, strict=True):
                yield fieldname, btext, docnum, weight, value

    def cleanup(self) -> None:
        self.fields.clear()
        self._held = 0
        for run in self.runs:
            run.close()
        self.runs.clear()

    def _held_terms(self) -> Iterator[TermPostings]:
        for fieldname in sorted(self.fields):
            terms = self.fields[fieldname]
            for btext in sorted(terms):
                yield fieldname, btext, terms[btext]


def _term_key(entry: TermPostings) -> tuple[str, bytes]:
    return entry[0], entry[1]


def _joined(parts: list[list[Any]]) -> list[Any]:
    if len(parts) == 1:
        return parts[0]
    flat: list[Any] = []
    for part in parts:
        flat += part
    return flat


def _read_run(run: IO[bytes]) -> Iterator[TermPostings]:
    """A run file's terms in the order ``TermPool.spill`` wrote them, a chunk at a time."""
    run.seek(0)
    while True:
        try:
            chunk: list[TermPostings] = pickle.load(run)
        except EOFError:
            return
        yield from chunk


class BatchWriter(SegmentWriter):
    """``SegmentWriter`` with a ``TermPool`` and a posting-list pass without per-posting
    lookups. Takes the same keyword arguments (``timeout``...), and ``pool_postings``,
    the postings its pool holds in memory before it writes a run file."""

    def __init__(self, index: Index, *, pool_postings: int = POOL_POSTINGS, **kwargs: Any) -> None:
        super().__init__(index, **kwargs)  # type: ignore[no-untyped-call]
        self.pool.cleanup()  # Whoosh's pool has written nothing yet
        storage = self.storage
        folder = str(storage.folder) if isinstance(storage, FileStorage) else None
        self.terms = TermPool(pool_postings, folder)
        self.pool = self.terms  # type: ignore[assignment]
        self._plain = any(
            field.vector or field.separate_spelling() for _, field in self.schema.items()
        )

    def commit(
        self,
        mergetype: Any = None,
        optimize: bool | None = None,
        merge: bool | None = None,
        **kwargs: Any,
    ) -> None:
        """As ``SegmentWriter.commit``: ``merge=False`` adds the segment without merging
        any, ``optimize=True`` merges all into one."""
        super().commit(mergetype, optimize, merge, **kwargs)  # type: ignore[no-untyped-call]

    def cancel(self, **kwargs: Any) -> None:
        """As ``SegmentWriter.cancel``: nothing added is committed; the lock is let go."""
        super().cancel(**kwargs)  # type: ignore[no-untyped-call]

    @property
    def segment_count(self) -> int:
        """How many segments the index held when this writer was opened."""
        return len(self.segments)

    @property
    def closed(self) -> bool:
        """Whether the writer has committed or been cancelled."""
        return bool(self.is_closed)

    def location(self) -> tuple[str, str] | None:
        """(folder, index name) of an index on disk, which other processes can open with
        ``segment_writer``; None for an index elsewhere (in memory)."""
        storage = self.storage
        if not isinstance(storage, FileStorage):
            return None
        return str(storage.folder), str(self.indexname)

    def finish_segment(self) -> Segment | None:
        """Write the documents added as a segment without committing it: the segment,
        for the index's committing writer (``commit_segments``), or None when nothing
        was added. The segment's files are closed either way: use the writer no more."""
        segment: Segment | None = self._finalize_segment() if self._added else None  # type: ignore[no-untyped-call]
        if segment is None:
            self.discard()
        return segment

    def discard(self) -> None:
        """Close the segment's files without handing the segment on (a writer of
        ``segment_writer`` whose segment is not wanted): no table of contents lists it,
        so a later commit's clean-up removes its files."""
        self._close_segment()  # type: ignore[no-untyped-call]

    def commit_segments(self, segments: Sequence[Segment | None]) -> None:
        """Commit this writer (which added nothing itself) with ``segments`` added to the
        index's own, unmerged, as Whoosh's multi-segment writer does; the writer is closed."""
        try:
            existing = self._merge_segments(None, None, False)  # type: ignore[no-untyped-call]
            self._close_segment()  # type: ignore[no-untyped-call]
            self._commit_toc(existing + [s for s in segments if s is not None])  # type: ignore[no-untyped-call]
        except BaseException:
            self._cleanup_on_error()  # type: ignore[no-untyped-call]
            raise
        self._finish()  # type: ignore[no-untyped-call]

    def add_document(self, **fields: Any) -> None:
        """As ``SegmentWriter.add_document``, each field's postings handed to the pool
        at once. Schemas with term vectors or separate spelling fields take Whoosh's
        own path."""
        if self._plain:
            super().add_document(**fields)  # type: ignore[no-untyped-call]
            return
        self._check_state()  # type: ignore[no-untyped-call]
        schema = self.schema
        docnum = self.docnum
        perdocwriter = self.perdocwriter
        docboost = self._doc_boost(fields)  # type: ignore[no-untyped-call]
        fieldnames = sorted(name for name in fields if not name.startswith("_"))
        self._check_fields(schema, fieldnames)  # type: ignore[no-untyped-call]
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in fieldnames:
                value = fields[fieldname]
                if value is None:
                    continue
                field = schema[fieldname]
                length = 0
                if field.indexed:
                    boost = self._field_boost(fields, fieldname, docboost)  # type: ignore[no-untyped-call]
                    length = self.terms.add_field(fieldname, docnum, field.index(value), boost)
                    if not field.scorable:
                        length = 0
                stored = fields.get(f"_stored_{fieldname}", value)
                perdocwriter.add_field(fieldname, field, stored if field.stored else None, length)
                column = field.column_type
                if column and stored is not None:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(stored))
        except ValueError:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        lengths = (
            self.per_document_reader()  # type: ignore[no-untyped-call]
            if self.codec.length_stats
            else None
        )
        try:
            self._write_postings(lengths)
        finally:
            if lengths is not None:
                lengths.close()
        self.fieldwriter.close()

    def _write_postings(self, lengths: Any) -> None:
        fieldwriter = self.fieldwriter
        current: str | None = None
        length_of: LengthOf = _no_length
        for fieldname, btext, flat in self.terms.iter_terms():
            if fieldname != current:
                if current is not None:
                    fieldwriter.finish_field()
                current = fieldname
                fieldobj = self.schema[fieldname]
                length_of = self._lengths(lengths, fieldname, fieldobj.scorable)
                fieldwriter.start_field(fieldname, fieldobj)
            fieldwriter.start_term(btext)
            postwriter = getattr(fieldwriter, "_postwriter", None)
            if type(postwriter) is W3PostingsWriter and not postwriter._byteids:
                _add_by_block(postwriter, flat, length_of)
                if len(flat) == 3:  # one posting: into the term's entry
                    _finish_inlined(fieldwriter, postwriter, btext)
                    continue
            else:
                postings = iter(flat)
                for docnum, weight, value in zip(postings, postings, postings, strict=True):
                    fieldwriter.add(docnum, weight, value or b"", length_of(docnum))
            fieldwriter.finish_term()
        if current is not None:
            fieldwriter.finish_field()

    def _lengths(self, lengths: Any, fieldname: str, scorable: bool) -> LengthOf:
        """Each document's length in the field, as the segment stores it, read once."""
        if lengths is None or not scorable:
            return _no_length
        read: LengthOf = lengths.doc_field_length_reader(fieldname)
        table = [read(docnum) for docnum in range(self.docnum)]
        return table.__getitem__


def _no_length(docnum: int) -> int:
    return 0


def _finish_inlined(fieldwriter: Any, postwriter: W3PostingsWriter, btext: bytes) -> None:
    """``W3FieldWriter.finish_term`` for a term of one posting, kept in the term's entry
    rather than as a block of the postings file (Whoosh's own inlining, which whoosh3
    cannot reach: its ``finish_postings`` calls ``set_inline``, a method ``W3TermInfo``
    names ``set_inlined``). The codec reads such terms with a ``ListMatcher``."""
    terminfo: W3TermInfo | None = postwriter._terminfo
    assert terminfo is not None
    terminfo.add_block(postwriter)  # type: ignore[no-untyped-call]
    terminfo.set_inlined(postwriter._ids, postwriter._weights, postwriter._values)  # type: ignore[no-untyped-call]
    postwriter._terminfo = None
    postwriter._new_block()  # type: ignore[no-untyped-call]
    key = pack_ushort(fieldwriter._fieldid) + btext
    fieldwriter._tindex.add(key, terminfo.to_bytes())  # type: ignore[no-untyped-call]


def _add_by_block(postwriter: W3PostingsWriter, flat: list[Any], length_of: LengthOf) -> None:
    """One term's postings into Whoosh's W3PostingsWriter a block at a time: the buffers,
    block statistics and block boundaries ``add_posting`` would make, one posting at a
    time (tests compare the two)."""
    docnums: list[int] = flat[0::3]
    weights: list[float] = flat[1::3]
    values: list[bytes | None] = flat[2::3]
    limit: int = postwriter._blocklimit
    for start in range(0, len(docnums), limit):
        if postwriter._ids:  # the block before is full
            postwriter._write_block()  # type: ignore[no-untyped-call]
        ids = docnums[start : start + limit]
        block_weights = weights[start : start + limit]
        postwriter._ids.extend(ids)
        postwriter._weights.extend(block_weights)
        postwriter._maxweight = max(postwriter._maxweight, *block_weights)
        postwriter._values.extend(v for v in values[start : start + limit] if v)
        lengths = [n for n in map(length_of, ids) if n]
        if lengths:
            shortest = min(lengths)
            if postwriter._minlength is None or shortest < postwriter._minlength:
                postwriter._minlength = shortest
            postwriter._maxlength = max(postwriter._maxlength, *lengths)


def segment_writer(folder: str, indexname: str) -> BatchWriter:
    """A ``BatchWriter`` of one more segment of the index in ``folder`` that does not take
    Whoosh's lock: for a worker process whose parent's writer holds it. Hand its segment
    back with ``finish_segment`` (or ``discard`` it)."""
    index = FileStorage(folder).open_index(indexname)  # type: ignore[no-untyped-call]
    return BatchWriter(index, _lk=False)
