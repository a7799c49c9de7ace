"""The extraction core is pure Python: nothing under it imports Django."""

import ast
from pathlib import Path

import nghiquyet.extraction

PACKAGE = Path(nghiquyet.extraction.__file__).parent


def test_nothing_in_the_extraction_package_imports_django():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path.name}: {n}" for n in names if n.split(".")[0] == "django"]
    assert offenders == []


def test_the_gazetteer_package_is_imported_only_by_the_gazetteer_module():
    users = [
        p.name
        for p in PACKAGE.rglob("*.py")
        if "vietnamadminunits" in p.read_text(encoding="utf-8") and p.name != "gazetteer.py"
    ]
    assert users == []
