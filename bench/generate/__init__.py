"""The data generator at the bench's sizes: `python -m bench.generate --help`."""
