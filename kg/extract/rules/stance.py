"""Stance and speech acts at full width (supports, opposes, accuses, demands)."""
