"""Many writers at the same moment, for the numbering tests.

Each thread has its own database connection (Django opens one per thread) and closes it when
done. The threads wait at a barrier and are released together. One thread may be chosen to fail
after its work is done: its transaction rolls back, taking the number it was given with it, and
the series must still have no gap.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import suppress

import pytest
from django.db import connection, transaction

THREADS = 16

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs real row locks and concurrent connections: PostgreSQL only (run with "
    "DATABASE_URL); the in-memory SQLite test database serialises every writer",
)


class Fails(Exception):
    """Raised by the thread chosen to fail, after its number was taken."""


def race(work: Callable[[int], object], count: int, *, fail: int | None = None) -> list:
    """Run `work(i)` for i in range(count), one thread each, all released at once; thread
    `fail` runs its work in a transaction that then rolls back. Returns the errors raised."""
    barrier = threading.Barrier(count)
    errors: list[BaseException] = []

    def run(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            if i == fail:
                with suppress(Fails), transaction.atomic():
                    work(i)
                    raise Fails
            else:
                work(i)
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not any(thread.is_alive() for thread in threads), "a thread is still waiting"
    return errors
