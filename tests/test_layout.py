"""The shape of the package: pure cores stay free of Django, every app is installed."""

import ast
from pathlib import Path

import pytest
from django.apps import apps

import nghiquyet

PACKAGE = Path(nghiquyet.__file__).parent
APPS = [
    "core",
    "orgs",
    "documents",
    "targets",
    "tasks",
    "meetings",
    "reports",
    "news",
    "feedback",
    "portal",
    "api",
]


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("core", ["extraction", "evaluation"])
def test_pure_cores_import_nothing_from_django(core):
    files = list((PACKAGE / core).rglob("*.py"))
    assert files, f"nghiquyet/{core} has no modules"
    offenders = {
        str(f.relative_to(PACKAGE)): sorted(
            m for m in imported_modules(f) if m.split(".")[0] in {"django", "rules", "ninja"}
        )
        for f in files
    }
    assert {f: m for f, m in offenders.items() if m} == {}


@pytest.mark.parametrize("core", ["extraction", "evaluation"])
def test_pure_cores_import_no_app_of_the_project(core):
    app_prefixes = {f"nghiquyet.{app}" for app in APPS}
    for path in (PACKAGE / core).rglob("*.py"):
        used = {m for m in imported_modules(path) if ".".join(m.split(".")[:2]) in app_prefixes}
        assert not used, f"{path.name} imports {used}"


def test_every_concept_is_an_installed_app():
    installed = {config.name for config in apps.get_app_configs()}
    assert {f"nghiquyet.{app}" for app in APPS} <= installed


def test_no_app_imports_the_public_portal():
    """The portal reads the other apps; none of them may depend on it."""
    for app in APPS:
        if app == "portal":
            continue
        for path in (PACKAGE / app).rglob("*.py"):
            used = {m for m in imported_modules(path) if m.startswith("nghiquyet.portal")}
            assert not used, f"{path.relative_to(PACKAGE)} imports {used}"
