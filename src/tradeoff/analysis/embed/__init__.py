"""Embedders turn texts into vectors; the cache makes re-analysis embed only new text."""
