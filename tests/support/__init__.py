"""Helpers shared by more than one test folder (and by the benchmarks that reuse them)."""
