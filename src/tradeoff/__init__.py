"""Tradeoff: customer evidence in, product decisions tied to business outcomes out."""

__version__ = "0.1.0"
