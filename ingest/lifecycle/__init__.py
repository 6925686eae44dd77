"""Action lifecycles across meetings: which actions continue which, and what each
lifecycle comes to (status events, times deferred, days open, due date).

``facts`` holds what is read from the records, ``match`` decides the links,
``statements`` which earlier action a later meeting's status statement names ("Action 3
closed") and ``history`` the events and derived values (all pure, so the same records
always give the same answer), ``due`` works out due dates from wording, ``link`` and
``statement_link`` read and write the database inside an ingest's transaction.
"""
