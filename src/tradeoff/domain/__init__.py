"""The domain model: plain typed objects and rules, no I/O, no imports from the rest of Tradeoff."""
