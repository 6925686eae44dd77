"""Benchmarks and the synthetic minutes corpus they run on; they print figures, never assert."""
