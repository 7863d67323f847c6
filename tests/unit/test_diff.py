"""Word-level differences between notice versions."""

from portal.notices.diff import compare, diff_words


def test_words_added_and_removed():
    runs = diff_words("Data is kept for two years.", "Data is kept for five years.")
    assert ("removed", "two ") in runs and ("added", "five ") in runs
    assert "".join(t for k, t in runs if k != "removed") == "Data is kept for five years."
    assert "".join(t for k, t in runs if k != "added") == "Data is kept for two years."


def test_compare_reports_only_real_changes():
    base = {"title": {"en": "T"}, "legal_bases": ["A6-1-e"], "recipients": [],
            "controller": {"slug": "espoo", "name": {"en": "City of Espoo"}},
            "sections": {"retention": {"en": "Two years."}, "rights": {"en": "Same."}}}
    new = {**base, "sections": {"retention": {"en": "Five years."}, "rights": {"en": "Same."}}}
    parts = {p.key: p for p in compare(base, new, "en", {})}
    assert parts["retention"].changed and not parts["rights"].changed
    assert not parts["title"].changed and not parts["controller"].changed


def test_a_joint_controller_added_shows_under_the_controller():
    espoo = {"slug": "espoo", "name": {"en": "City of Espoo"}}
    base = {"title": {"en": "T"}, "legal_bases": [], "recipients": [], "controller": espoo,
            "sections": {}}
    new = {**base, "controllers": [
        {**espoo, "role": "joint_controller"},
        {"slug": "vantaa", "name": {"en": "City of Vantaa"}, "role": "joint_controller"}]}
    [part] = [p for p in compare(base, new, "en", {}) if p.changed]
    assert part.key == "controller"
    assert ("removed", "(Controller)") in part.runs
    assert ("added", "(Joint controller)\nCity of Vantaa (Joint controller)") in part.runs
