"""Benchmarks of thidua (`make bench`): data at scale, HTTP, roll-ups, import, rendering,
search, growth, two app servers and a soak run. See bench/README.md."""
