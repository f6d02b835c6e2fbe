"""Labelling steps: a short, honest name for each theme from its own words."""
