"""Alone: the HTTP pages against the ceiling on one database."""

from __future__ import annotations

import os

from bench.http_steps.pages import pages_benchmark


def main(argv: list[str]) -> int:
    """`python -m bench.http_steps [DATABASE_URL] [page name ...]`: only the HTTP pages against the
    ceiling (what `make bench` measures first), on thidua_bench_5000 by default, for iterating on the
    per-request cost of a page. Page names are matched as substrings ("portal", "article", "API")."""
    from bench.databases import url as database_url
    from bench.servers import collect_static

    target = argv[0] if argv and "://" in argv[0] else database_url("thidua_bench_5000")
    wanted = [name for name in argv if "://" not in name]
    collect_static()
    # BENCH_PORT: helpers measuring at once on one machine each take their own port
    results = pages_benchmark(target, 5000, port=int(os.environ.get("BENCH_PORT", "8180")), only=wanted)
    print("| page | req/s | ceiling | ratio | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for result in results:
        if result.name.endswith("req/s") and result.value is not None:
            extra = result.extra
            print(
                f"| {result.name[:-6]} | {result.value:.1f} | {extra['ceiling_rps']:.0f} | {result.ratio:.3f} | "
                f"{extra['p50_ms']} | {extra['p95_ms']} | {extra['p99_ms']} |"
            )
        elif result.value is None:
            print(f"| {result.name} | — | | | | | {result.note} |")
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
