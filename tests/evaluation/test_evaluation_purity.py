"""The evaluation core is plain Python: Django apps call it, never the other way round."""

import ast
import sys
from pathlib import Path

import nghiquyet.evaluation

PACKAGE = Path(nghiquyet.evaluation.__file__).parent
MODULES = sorted(PACKAGE.glob("*.py"))


def imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 and node.module, f"relative import in {path.name}"
            modules.add(node.module)
    return modules


def imported_roots(path: Path) -> set[str]:
    return {module.split(".")[0] for module in imported_modules(path)}


def test_the_package_has_modules_to_check():
    assert len(MODULES) > 5


def test_no_evaluation_module_imports_django():
    offenders = [path.name for path in MODULES if "django" in imported_roots(path)]
    assert offenders == []


def test_evaluation_modules_import_only_the_standard_library_and_themselves():
    allowed = set(sys.stdlib_module_names) | {"nghiquyet"}
    foreign = {path.name: imported_roots(path) - allowed for path in MODULES}
    assert {name: roots for name, roots in foreign.items() if roots} == {}


def test_evaluation_modules_import_nothing_else_from_the_project():
    for path in MODULES:
        project = {module for module in imported_modules(path) if module.startswith("nghiquyet")}
        assert all(module.startswith("nghiquyet.evaluation") for module in project), path.name
