"""Reads on a replica, writes on the primary: PostgreSQL streaming replication.

When a province's dashboards outgrow one machine, a hot standby answers the
reads. Settings define the ``replica`` alias only when ``DATABASE_REPLICA_URL``
is set; without it every query goes to ``default``, as on a single machine.
"""

from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"

#: Apps whose reads stay on the primary: a session written at login must be found
#: by the very next request, before the standby has replayed it.
PRIMARY_ONLY_APPS = frozenset({"sessions"})


class ReplicaRouter:
    """Send a read to the replica when one is configured and no transaction is open.

    A read inside a transaction stays on the primary: a service reads what it is
    about to change (and locks it with ``select_for_update``), and must see its own
    writes, which the standby has not replayed yet. Writes and migrations go to
    the primary only.
    """

    def db_for_read(self, model: type, **hints: Any) -> str | None:
        if REPLICA not in connections.settings or model._meta.app_label in PRIMARY_ONLY_APPS:
            return None
        if connections[DEFAULT_DB_ALIAS].in_atomic_block:
            return DEFAULT_DB_ALIAS
        return REPLICA

    def db_for_write(self, model: type, **hints: Any) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # Both aliases hold the same rows: an object read on one may point at one read
        # on the other.
        return {obj1._state.db, obj2._state.db} <= {DEFAULT_DB_ALIAS, REPLICA} or None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA else None
