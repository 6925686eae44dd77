"""Verbs of doing something for a meeting: what an action asks someone to do.

Shared by the readers of actions recorded in sentences (``commitments``) and of tasks a
resolution sets (``resolutions``), so that both count the same verbs as work to be done.
"""

from __future__ import annotations

__all__ = ["DELIVER"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# After "agreed to", "is to", "be asked to", and the bare verb of a resolution ("that the
# Clerk write to ...").
DELIVER = _words(
    """provide send circulate share supply forward write report update bring arrange organise
    organize host meet contact liaise look investigate review consider explore check confirm
    clarify follow feed find seek raise discuss prepare produce present give take make ensure
    establish set invite speak email e-mail publish include add obtain come return revisit
    examine brief consult develop draft schedule pass respond reply advise inform notify
    request ask chase escalate identify distribute visit engage submit compile collate assess
    evaluate ascertain research put approach pursue refer facilitate table design collect
    convene amend revise"""
)
