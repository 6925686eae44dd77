"""Ingestion: read a file, clean its text, parse it into a draft, store it as records."""
