"""Clustering steps: vectors in, one theme number per vector out, deterministic per seed."""
