"""Action lifecycles across meetings: which actions continue which, and what each
lifecycle comes to (status events, times deferred, days open, due date).

``facts`` holds what is read from the records, ``match`` decides the links and
``history`` the events and derived values (both pure, so the same records always give
the same answer), ``due`` works out due dates from wording, ``link`` reads and writes
the database inside an ingest's transaction.
"""
