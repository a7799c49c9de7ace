"""The dependency tree installs with the pip a fresh Python brings.

Python 3.11's bundled pip (23.x) aborts with an internal assertion when two packages in
the tree ask for the same extra of one package under two spellings (``lxml[html_clean]``
and ``lxml[html-clean]``). ``make install`` upgrades pip first, but an office that runs
``pip install .`` in a new virtual environment would get no ``nghiquyet`` command at all.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, distribution

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name as canonical


def requirement_tree(root: str) -> list[tuple[str, Requirement]]:
    """Every (requirer, requirement) reachable from ``root`` in this environment."""
    seen: set[str] = set()
    found: list[tuple[str, Requirement]] = []
    pending = [(root, frozenset())]
    while pending:
        name, extras = pending.pop()
        key = f"{canonical(name)}[{','.join(sorted(extras))}]"
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue
        for line in dist.requires or []:
            requirement = Requirement(line)
            marker = requirement.marker
            environments = [{"extra": extra} for extra in extras] or [{"extra": ""}]
            if marker and not any(marker.evaluate(env) for env in environments):
                continue
            found.append((canonical(name), requirement))
            pending.append((requirement.name, frozenset(canonical(e) for e in requirement.extras)))
    return found


def test_no_extra_is_asked_for_under_two_spellings():
    spellings: dict[tuple[str, str], dict[str, str]] = {}
    for requirer, requirement in requirement_tree("nghiquyet"):
        for extra in requirement.extras:
            key = (canonical(requirement.name), canonical(extra))
            spellings.setdefault(key, {})[extra] = requirer
    clashes = {key: found for key, found in spellings.items() if len(found) > 1}
    assert clashes == {}, f"one extra spelled two ways breaks pip 23: {clashes}"


def test_the_tree_is_read_from_the_installed_package():
    names = {requirement.name.lower() for _, requirement in requirement_tree("nghiquyet")}
    assert {"django", "readability-lxml", "lxml"} <= names
