"""Bench steps: each a script run in its own process against one database (DATABASE_URL), writing its results as JSON."""
