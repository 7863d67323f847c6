"""Rights by legal basis (legal rules §2)."""

import pytest

from portal.dsr.applicability import applicability


@pytest.mark.parametrize("bases, erasure, objection, portability", [
    (["A6-1-e"], "not_applicable", "applies", "not_applicable"),          # public task only
    (["A6-1-c"], "not_applicable", "not_applicable", "not_applicable"),   # legal obligation
    (["A6-1-a", "A6-1-b"], "applies", "not_applicable", "applies"),       # Museum Card
    (["A6-1-a", "A6-1-b", "A6-1-e"], "limited", "limited", "limited"),    # KAMU
    (["A6-1-f"], "applies", "applies", "not_applicable"),
])
def test_rights_follow_the_legal_bases(bases, erasure, objection, portability):
    rights = applicability(bases)
    assert (rights["erasure"], rights["objection"], rights["portability"]) == (
        erasure, objection, portability)
    assert rights["access"] == rights["rectification"] == rights["restriction"] == "applies"
