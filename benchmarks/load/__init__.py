"""Bounded load test against 127.0.0.1 (LOAD-1)."""
