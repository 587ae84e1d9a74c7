"""Data at scale, reproducibly: `python -m bench.generate --units 5000 --members 500000
--documents 100000 --nominations 50000 --articles 20000 [--seed 2015] [--json out.json]`.

Runs on the database of DATABASE_URL (SQLite or PostgreSQL), which it migrates; it must hold
no units yet. First every app's own demo loader (settings.DEMO_LOADERS) builds the small
realistic province with its users; then bench/generate/* adds the bulk with COPY/executemany.
Each part runs in its own transaction: a part whose app's models are not there yet (or changed
in a way the generator does not know) is skipped with the reason, and the others go on.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import random
import sys
import time
import traceback


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=5000)
    parser.add_argument("--members", type=int, default=500_000)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--nominations", type=int, default=50_000)
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2015)
    parser.add_argument(
        "--demo-units", type=int, default=120, help="size of the demo province built by the app loaders"
    )
    parser.add_argument("--demo-members", type=int, default=3000)
    parser.add_argument("--json", help="write timings and counts here")
    args = parser.parse_args(argv)

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "thidua.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from core.demo import DemoContext
    from organisations.models import Unit

    report: dict = {"vendor": connection.vendor, "args": vars(args), "steps": [], "skipped": []}
    started = time.monotonic()
    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    report["steps"].append({"name": "migrate", "seconds": round(time.monotonic() - started, 2)})
    if Unit.objects.exists():
        print("The database already holds units: generate into an empty database.", file=sys.stderr)
        return 2

    def log(message: str) -> None:
        print(message, flush=True)

    class Out:
        def write(self, message):
            log(message)

    from django.conf import settings

    ctx = DemoContext(
        seed=args.seed,
        units=args.demo_units,
        members=args.demo_members,
        rng=random.Random(args.seed),
        out=Out(),
    )
    for module_name in settings.DEMO_LOADERS:
        step = time.monotonic()
        try:
            with transaction.atomic():
                importlib.import_module(module_name).load(ctx)
        except Exception as exc:  # noqa: BLE001 - an app's demo loader being rebuilt must not stop the others
            if module_name in ("organisations.demo", "accounts.demo"):
                raise
            report["skipped"].append({"name": module_name, "reason": f"{exc.__class__.__name__}: {exc}"})
            log(f"  {module_name}: SKIPPED ({exc.__class__.__name__}: {exc})")
            continue
        report["steps"].append({"name": module_name, "seconds": round(time.monotonic() - step, 2)})
        log(f"  {module_name}: {time.monotonic() - step:.1f}s")

    province = ctx.data.get("province") or Unit.objects.get(code="LDLD-CB")
    from . import documents, organisations

    parts = [
        ("units", lambda rng: organisations.generate_units(province, args.units, rng, log)),
        ("members", lambda rng: organisations.generate_members(province, args.members, rng, log)),
        ("documents", lambda rng: documents.generate_documents(province, args.documents, rng, log)),
        (
            "nominations",
            lambda rng: _optional(
                "bench.generate.awards", "generate_nominations", province, args.nominations, rng, log
            ),
        ),
        (
            "articles",
            lambda rng: _optional(
                "bench.generate.publishing", "generate_articles", province, args.articles, rng, log
            ),
        ),
        (
            "campaigns",
            lambda rng: _optional(
                "bench.generate.campaigns", "generate_campaign_reach", province, 0, rng, log
            ),
        ),
    ]
    for index, (name, run) in enumerate(parts):
        step = time.monotonic()
        rng = random.Random(
            args.seed * 100 + index
        )  # each part its own stream: reproducible whatever is skipped
        try:
            with transaction.atomic():
                count = run(rng)
        except Exception as exc:  # noqa: BLE001 - see the module docstring
            reason = f"{exc.__class__.__name__}: {exc}"
            report["skipped"].append({"name": name, "reason": reason})
            log(f"  {name}: SKIPPED ({reason})")
            if os.environ.get("BENCH_DEBUG"):
                traceback.print_exc()
            continue
        report["steps"].append({"name": name, "rows": count, "seconds": round(time.monotonic() - step, 2)})
        log(f"  {name}: {count} in {time.monotonic() - step:.1f}s")

    step = time.monotonic()
    from organisations import subtree_tallies

    # the parts write around the models (COPY): recount the subtree tallies the models keep
    log("  subtree tallies: " + ", ".join(f"{k} {v}" for k, v in subtree_tallies.rebuild_all().items()))
    report["steps"].append({"name": "subtree tallies", "seconds": round(time.monotonic() - step, 2)})

    step = time.monotonic()
    from django.apps import apps
    from django.db.models.fields import AutoFieldMixin

    from .tables import finish

    finish(
        [
            m
            for m in apps.get_models()
            if isinstance(m._meta.pk, AutoFieldMixin)
            and m._meta.pk.name == "id"
            and not m._meta.proxy
            and m._meta.managed
        ]
    )
    report["steps"].append({"name": "sequences+analyze", "seconds": round(time.monotonic() - step, 2)})
    report["seconds"] = round(time.monotonic() - started, 2)
    report["counts"] = _counts()
    log(
        f"generated in {report['seconds']:.0f}s: "
        + ", ".join(f"{k} {v}" for k, v in report["counts"].items())
    )
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(report, handle, indent=1, default=str)
    return 0


def _optional(module_name: str, function: str, *args):
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise NotImplementedError(f"no generator {module_name} yet") from exc
        raise
    return getattr(module, function)(*args)


def _counts() -> dict:
    from django.apps import apps

    counts = {}
    for label in [
        "organisations.Unit",
        "organisations.Member",
        "documents.Document",
        "documents.Obligation",
        "documents.Recipient",
        "awards.Nomination",
        "publishing.Article",
        "campaigns.Campaign",
        "campaigns.Participant",
    ]:
        try:
            counts[label.split(".")[1].lower()] = apps.get_model(label).objects.count()
        except Exception:  # noqa: BLE001 - a model not there yet
            continue
    return counts


if __name__ == "__main__":
    sys.exit(main())
