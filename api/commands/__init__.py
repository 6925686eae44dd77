"""Subcommands of ``assurance``, one module per job; ``api.cli`` puts them together."""
