"""When a request may be transferred to the competent authority (Administrative Procedure Act
434/2003 §21; for documents also Openness Act 621/1999 §15(1)).

An authority that is not competent in a matter transfers it to the authority it considers
competent and tells the party. Only a matter still pending can be transferred: a decided one
has been answered, and one under a legal hold must stay with this authority until the hold is
lifted. A prepared decision is discarded first, so nothing decided here goes with the matter.
"""

from __future__ import annotations

OPEN = frozenset({"received", "info_requested"})


class NotTransferable(ValueError):
    """The request cannot be transferred now; ``reason`` says why (``decided``, ``hold``,
    ``prepared``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def check_transferable(state: str, *, legal_hold: str | None, prepared: bool) -> None:
    """Raise :class:`NotTransferable` unless the request may be transferred."""
    if state not in OPEN:
        raise NotTransferable("decided")
    if legal_hold:
        raise NotTransferable("hold")
    if prepared:
        raise NotTransferable("prepared")
