"""Outside programs the tests open files with, as a user's own tools would (LibreOffice).

Required under CI (`.ci/run` installs them); skipped with the install line when missing locally."""

import os
import shutil

import pytest


def soffice(package: str = "libreoffice-writer-nogui libreoffice-calc-nogui") -> str:
    """The path of LibreOffice's ``soffice``; fails under CI and skips locally when it is not installed."""
    path = shutil.which("soffice")
    if not path:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"LibreOffice ({package}) is required under CI")
        pytest.skip(f"LibreOffice is not installed (apt-get install {package})")
    return path
