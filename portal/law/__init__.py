"""The law the portal applies, as plain rules: provisions and how each language cites them,
refusal grounds by right, decision outcomes and remedy routes.

Nothing here imports Flask or the database, so a DPO's lawyer can read and test each rule
alone (shared legal rules §5-§6).
"""
