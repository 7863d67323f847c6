"""What an edit changed, field by field, for the audit trail's before and after (pure).

Storing whole notices twice per save would bury the change; the DPO reading the trail wants
to see that the Swedish retention text changed from X to Y (GDPR Art. 5(2) accountability).
"""

from __future__ import annotations

from typing import Any


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """``{"sections": {"retention": {"fi": "..."}}}`` -> ``{"sections.retention.fi": "..."}``.

    Lists of tables are numbered from 1 (``recipients[1].name``); lists of codes stay whole.
    """
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(flatten(item, f"{prefix}.{key}" if prefix else str(key)))
        return flat
    if isinstance(value, list) and any(isinstance(item, dict) for item in value):
        flat = {}
        for index, item in enumerate(value, start=1):
            flat.update(flatten(item, f"{prefix}[{index}]"))
        return flat
    return {prefix: value}


def changes(before: dict, after: dict) -> tuple[dict, dict]:
    """The fields that differ, as (before, after); a field absent on one side is None there."""
    old, new = flatten(before), flatten(after)
    keys = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    return {key: old.get(key) for key in keys}, {key: new.get(key) for key in keys}
