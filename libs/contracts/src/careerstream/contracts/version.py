"""Schema version of every message on the bus.

Contract changes are additive: new optional fields keep the version; removing or
re-typing a field is a breaking change and bumps it.
"""

SCHEMA_VERSION = 1
