"""The package built for production (`pip install .`, as the Dockerfile does) holds every data file the code reads:
a file setuptools' package-data leaves out is silently missing there (the importer's heading model was, and the
importer fell back to its rules alone)."""

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _shipped() -> set[Path]:
    package_data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    shipped = set()
    for init in (ROOT / "klynge").rglob("__init__.py"):
        package = init.parent
        name = ".".join(package.relative_to(ROOT).parts)
        for pattern in package_data.get("*", []) + package_data.get(name, []):
            shipped.update(p for p in package.glob(pattern) if p.is_file())
    return shipped


def test_every_data_file_in_the_package_is_shipped():
    data_files = {p for p in (ROOT / "klynge").rglob("*")
                  if p.is_file() and p.suffix not in (".py", ".pyc") and "__pycache__" not in p.parts}
    missing = sorted(str(p.relative_to(ROOT)) for p in data_files - _shipped())
    assert missing == []
