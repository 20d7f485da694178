"""Apps depend one way, downwards: articles > shop > cast > magazine.

import-linter holds the arrows (`.importlinter`, also run by `make test`); these tests
show that the contracts pass on the code as it is, and that they catch an upward
import, at module level or inside a function, the moment one is written.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("magazine", "cast", "shop", "articles")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(folder):
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def copy_of_the_apps(tmp_path):
    """The apps and the contracts, copied where an upward import can be added safely."""
    for app in APPS:
        shutil.copytree(
            ROOT / app,
            tmp_path / app,
            ignore=shutil.ignore_patterns("__pycache__", "static", "migrations"),
        )
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


def test_the_apps_keep_their_layers():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    "module, upward_import",
    [
        ("magazine/routing.py", "from articles.models import ArticlePage\n"),
        ("cast/models.py", "def _later():\n    from shop.models import BookPage\n"),
        ("shop/blocks.py", "def _later():\n    import articles.models\n"),
        ("magazine/urls.py", "import cast.models\n"),
    ],
)
def test_an_upward_import_breaks_a_contract(copy_of_the_apps, module, upward_import):
    path = copy_of_the_apps / module
    path.write_text(path.read_text() + "\n\n" + upward_import)

    result = lint_imports(copy_of_the_apps)

    assert result.returncode != 0
    assert "BROKEN" in result.stdout
