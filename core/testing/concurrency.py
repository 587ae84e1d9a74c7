"""Real concurrency in tests (PostgreSQL): jobs run in threads, each with its own database
connection (Django's connections are per thread), released together by a barrier."""

import threading
from collections.abc import Callable
from typing import Any


def run_together(jobs: list[Callable[[], Any]]) -> list:
    """Run the jobs at the same moment; each result is the job's value or the exception it raised.
    Fails when a thread is still waiting after 30 s (a lock never released)."""
    from django.db import connections

    barrier = threading.Barrier(len(jobs))
    results: list = [None] * len(jobs)

    def run(index: int, job: Callable[[], Any]) -> None:
        try:
            barrier.wait(timeout=10)
            results[index] = job()
        except Exception as exc:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not any(t.is_alive() for t in threads), "a thread is stuck: a lock was never released"
    return results


def errors_together(*jobs: Callable[[], Any]) -> list[Exception]:
    """Run the jobs at once, each in its own transaction (as a request runs); the exceptions raised."""
    from django.db import transaction

    def in_transaction(job: Callable[[], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with transaction.atomic():
                return job()

        return run

    return [
        result
        for result in run_together([in_transaction(job) for job in jobs])
        if isinstance(result, Exception)
    ]
