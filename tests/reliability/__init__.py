"""Reliability tests (QUALITY.md §6)."""
