"""Load tests and benchmarks (never collected by pytest; see benchmarks/README.md)."""
