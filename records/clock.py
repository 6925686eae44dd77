"""Today's date where the meetings are held, not where the server runs.

Servers and containers keep UTC. An action due on 1 June is overdue from the first minute
of 2 June in the bodies' own time zone (``ASSURANCE_TIME_ZONE``, Europe/London by
default): in British Summer Time that is 23:00 UTC, when the server's own date still says
1 June.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIME_ZONE = "Europe/London"


def time_zone(name: str) -> ZoneInfo:
    """The IANA time zone ``name`` (``Europe/London``); ValueError naming it if unknown."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(
            f"{name!r} is not a time zone (give an IANA name such as {DEFAULT_TIME_ZONE})"
        ) from exc


DEFAULT_ZONE = time_zone(DEFAULT_TIME_ZONE)


def today(zone: ZoneInfo = DEFAULT_ZONE, now: dt.datetime | None = None) -> dt.date:
    """The date in ``zone`` at ``now`` (an aware datetime; default: this moment)."""
    return (now or dt.datetime.now(dt.UTC)).astimezone(zone).date()
