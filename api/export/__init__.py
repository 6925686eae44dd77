"""Record exports: every meeting, agenda item, action, figure or figure of a metric series a
filter selects, read from one snapshot of the database a batch at a time and written as
CSV, JSON lines or Parquet.

| module | what |
| --- | --- |
| ``filters`` | the filter and the as-of day, read from text (an error names the parameter) |
| ``tables`` | per kind of record: its columns and the SELECT its rows are read from |
| ``stream`` | an export run: one read transaction, its count, its rows in batches |
| ``formats`` | CSV, JSON lines (through ``text``, as the analysts' pages write) and Parquet |
| ``text`` | rows as CSV or JSON lines text, in pieces: every download's writing |
| ``http`` | ``GET /export/{records}.{csv,jsonl}`` behind GraphQL's read policy |

``assurance export`` (``api.commands.export``) and the HTTP route share all of it.
"""
