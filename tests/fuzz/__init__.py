"""Hypothesis fuzzing of every form, found from the URL map (QUALITY.md §7, FUZZ-1)."""
