"""Optimistic locking lives in klynge.core.versioning; kept here for the meeting models' imports."""

from klynge.core.versioning import StaleEditError, VersionedModel

__all__ = ["StaleEditError", "VersionedModel"]
