"""Importers: read the exports product teams really have and load them as evidence."""
