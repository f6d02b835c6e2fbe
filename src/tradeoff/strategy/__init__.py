"""Goals and the metrics they are measured by: results over output (principles 1 and 10)."""
