"""Storage: the engine, the tables, migrations, and repositories (session in, domain out)."""
