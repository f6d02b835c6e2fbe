"""The practice check: the workspace scored against the product brief's principles, one rule
per drift a product leader should see (docs/practice-check.md). ``runner.run_check`` runs
it; ``thresholds`` holds every setting; one module per group of rules."""
