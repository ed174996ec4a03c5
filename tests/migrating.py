"""Move the test database to a migration and back, for tests of data migrations.

Used in `django_db(transaction=True)` tests only: schema changes cannot run inside the test's
transaction. The caller returns to the latest migrations in a `finally`, so a failure does not
leave the next test an old schema.
"""

from __future__ import annotations

from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(*targets: tuple[str, str]) -> Apps:
    """Apply or unapply migrations until each (app, migration) is the last applied; returns
    the models as they were at that point."""
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets))
    return MigrationExecutor(connection).loader.project_state(list(targets)).apps


def migrate_to_latest() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
