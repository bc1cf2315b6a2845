"""The importer's fixtures, for the import jobs."""

from tests.importer.conftest import lexicon  # noqa: F401 - a fixture
