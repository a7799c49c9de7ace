"""The Jinja environment every Word template is filled in: placeholders only, nothing to run.

A template is uploaded by people, so it is data and must never become code. Two
locks, each enough on its own:

1. Before any template text is compiled, its syntax tree is checked against the
   documented placeholders (`nghiquyet.reports.placeholders`): a name, a field of a
   record, a loop over a report list, ``if`` tests, comparisons and a short list of
   text filters. Calls, arithmetic, assignments, macros, imports, nested loops and any
   other name or attribute are refused, with the expression named for the author.
2. The environment is Jinja's immutable sandbox with no globals (no ``range``,
   ``cycler``, ``joiner``, ``namespace``, ``lipsum``, ``dict``), no attribute of any
   Python object reachable, no callable allowed and no arithmetic operator.

The size of what one template part may produce is capped too, since rows multiply
whatever a loop prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from django.utils.translation import gettext as _
from jinja2 import nodes
from jinja2.environment import Template
from jinja2.exceptions import SecurityError
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment

from nghiquyet.reports.placeholders import LOOP, PLACEHOLDERS, Leaf, ListOf, Schema

#: Text filters an office may use on a placeholder (``{{ header.issuer|upper }}``).
FILTERS = frozenset(
    {
        "upper", "lower", "title", "capitalize", "trim", "default", "d", "length", "count",
        "first", "last", "round", "int", "string", "join", "e", "escape", "truncate", "abs",
        "wordcount",
    }
)  # fmt: skip
#: Tests for ``{% if … is … %}``.
TESTS = frozenset(
    {"defined", "undefined", "none", "number", "string", "even", "odd", "true", "false"}
)
#: More placeholders and tags than this in one part of a document is not a report template.
MAX_NODES = 5_000
#: What one part of the document (the body, a header…) may grow to once filled in;
#: a 1,000-target year report is about 1.3 million characters.
MAX_OUTPUT_CHARS = 60_000_000
#: Template parts kept compiled, by their text: the shipped templates' and the offices'
#: own, each of a few parts (body, headers, footers, properties).
COMPILED_KEPT = 64

_TAGS = {
    nodes.Macro: "macro",
    nodes.CallBlock: "call",
    nodes.Assign: "set",
    nodes.AssignBlock: "set",
    nodes.Include: "include",
    nodes.Import: "import",
    nodes.FromImport: "from … import",
    nodes.Extends: "extends",
    nodes.Block: "block",
    nodes.FilterBlock: "filter",
    nodes.With: "with",
    nodes.ExprStmt: "do",
    nodes.ScopedEvalContextModifier: "autoescape",
    nodes.EvalContextModifier: "autoescape",
}


class TemplateRefused(SecurityError):
    """A template asks for something a report template may not do; its message says what."""


class ReportEnvironment(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox, narrowed to the documented placeholders."""

    intercepted_binops = frozenset({"+", "-", "*", "/", "//", "%", "**"})
    intercepted_unops = frozenset({"+", "-"})

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self.globals.clear()
        self.filters = {name: self.filters[name] for name in FILTERS}
        self.tests = {name: self.tests[name] for name in TESTS}

    @staticmethod
    def concat(parts: Iterable[str]) -> str:
        """Join the output like Jinja does, refusing once it passes `MAX_OUTPUT_CHARS`."""
        written: list[str] = []
        size = 0
        for part in parts:
            size += len(part)
            if size > MAX_OUTPUT_CHARS:
                raise TemplateRefused(
                    _("Filled in, the template would be longer than %(count)s characters.")
                    % {"count": MAX_OUTPUT_CHARS}
                )
            written.append(part)
        return "".join(written)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """No attribute of any object, except the row numbers of a loop."""
        return isinstance(obj, LoopContext) and attr in LOOP

    def is_safe_callable(self, obj: Any) -> bool:
        return False

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        raise TemplateRefused(_arithmetic(f"{left!r} {operator} {right!r}"))

    def call_unop(self, context: Any, operator: str, arg: Any) -> Any:
        raise TemplateRefused(_arithmetic(f"{operator}{arg!r}"))

    def parse(
        self, source: str, name: str | None = None, filename: str | None = None
    ) -> nodes.Template:
        """The template's syntax tree, refused unless it uses only documented placeholders."""
        tree = super().parse(source, name, filename)
        _Checker().template(tree)
        return tree

    def from_string(self, source, globals=None, template_class=None) -> Template:
        """A part's text compiled once, then served from memory.

        Checking and compiling a report's body took as long as gathering its records,
        on every download. The environment holds no per-report state (the size cap is
        counted per rendering), so one compiled part serves every report, in any thread.
        """
        if isinstance(source, str) and globals is None and template_class is None:
            return _compiled(source)
        return super().from_string(source, globals, template_class)

    def compile(self, source, name=None, filename=None, raw=False, defer_init=False):
        """Compile only checked trees: text is parsed (and so checked) here first."""
        if isinstance(source, str):
            source = self.parse(source, name, filename)
        return super().compile(source, name, filename, raw, defer_init)


#: The one environment every report is filled in.
ENVIRONMENT = ReportEnvironment()


@lru_cache(maxsize=COMPILED_KEPT)
def _compiled(source: str) -> Template:
    """``source`` checked and compiled in the shared environment (a refusal is not kept)."""
    return ImmutableSandboxedEnvironment.from_string(ENVIRONMENT, source)


class _Checker:
    """Walks a template's syntax tree; refuses the first thing not in the vocabulary."""

    def __init__(self) -> None:
        self.count = 0

    def template(self, tree: nodes.Template) -> None:
        self.statements(tree.body, {}, in_loop=False)

    def statements(self, body: list[nodes.Node], scope: dict, *, in_loop: bool) -> None:
        for node in body:
            self.statement(node, scope, in_loop=in_loop)

    def statement(self, node: nodes.Node, scope: dict, *, in_loop: bool) -> None:
        self._counted()
        if isinstance(node, nodes.Output):
            for child in node.nodes:
                if not isinstance(child, nodes.TemplateData):
                    self.expression(child, scope)
        elif isinstance(node, nodes.If):
            self.expression(node.test, scope)
            self.statements(node.body, scope, in_loop=in_loop)
            self.statements(node.elif_, scope, in_loop=in_loop)
            self.statements(node.else_, scope, in_loop=in_loop)
        elif isinstance(node, nodes.For):
            self.loop(node, scope, in_loop=in_loop)
        else:
            tag = _TAGS.get(type(node), type(node).__name__.lower())
            raise TemplateRefused(
                _("The tag “%(tag)s” is not allowed in a report template.") % {"tag": tag}
            )

    def loop(self, node: nodes.For, scope: dict, *, in_loop: bool) -> None:
        shown = f"for {_shown(node.target)} in {_shown(node.iter)}"
        if in_loop or node.recursive or not isinstance(node.target, nodes.Name):
            raise TemplateRefused(
                _("“%(loop)s”: a loop runs once over one list of the report, not inside another.")
                % {"loop": shown}
            )
        listed = self.expression(node.iter, scope)
        if not isinstance(listed, ListOf):
            raise TemplateRefused(
                _("“%(loop)s”: a loop runs over a list of the report, such as target_rows.")
                % {"loop": shown}
            )
        inner = {**scope, node.target.name: listed.item, "loop": LOOP}
        if node.test is not None:
            self.expression(node.test, inner)
        self.statements(node.body, inner, in_loop=True)
        self.statements(node.else_, scope, in_loop=in_loop)

    def expression(self, node: nodes.Node, scope: dict) -> Schema:
        """The schema of what `node` yields, or a refusal naming it."""
        self._counted()
        if isinstance(node, nodes.Const):
            if not isinstance(node.value, str | int | float | bool | None):
                raise TemplateRefused(_arithmetic(_shown(node)))
            return Leaf()
        if isinstance(node, nodes.Name):
            schema = scope.get(node.name, PLACEHOLDERS.get(node.name))
            if schema is None:
                raise TemplateRefused(_unknown(node.name))
            return schema
        if isinstance(node, nodes.Getattr):
            return self.field(node, self.expression(node.node, scope), node.attr)
        if isinstance(node, nodes.Getitem):
            return self.item(node, scope)
        if isinstance(node, nodes.Filter | nodes.Test):
            return self.filter(node, scope)
        if isinstance(node, nodes.Compare):
            self.expression(node.expr, scope)
            for operand in node.ops:
                self.expression(operand.expr, scope)
            return Leaf()
        if isinstance(node, nodes.And | nodes.Or):
            self.expression(node.left, scope)
            self.expression(node.right, scope)
            return Leaf()
        if isinstance(node, nodes.Not):
            self.expression(node.node, scope)
            return Leaf()
        if isinstance(node, nodes.CondExpr):
            self.expression(node.test, scope)
            self.expression(node.expr1, scope)
            if node.expr2 is not None:
                self.expression(node.expr2, scope)
            return Leaf()
        if isinstance(node, nodes.Concat):
            for child in node.nodes:
                self.expression(child, scope)
            return Leaf()
        raise TemplateRefused(_arithmetic(_shown(node)))

    def field(self, node: nodes.Node, record: Schema, name: str) -> Schema:
        if not isinstance(record, dict) or name not in record:
            raise TemplateRefused(_unknown(_shown(node)))
        return record[name]

    def item(self, node: nodes.Getitem, scope: dict) -> Schema:
        container = self.expression(node.node, scope)
        key = node.arg
        if isinstance(key, nodes.Const) and isinstance(key.value, str):
            return self.field(node, container, key.value)
        if (
            isinstance(key, nodes.Const)
            and type(key.value) is int
            and isinstance(container, ListOf)
        ):
            return container.item
        raise TemplateRefused(_unknown(_shown(node)))

    def filter(self, node: nodes.Filter | nodes.Test, scope: dict) -> Schema:
        allowed = FILTERS if isinstance(node, nodes.Filter) else TESTS
        if node.name not in allowed:
            raise TemplateRefused(
                _("The filter or test “%(name)s” is not allowed in a report template.")
                % {"name": node.name}
            )
        if node.dyn_args is not None or node.dyn_kwargs is not None:
            raise TemplateRefused(_arithmetic(_shown(node)))
        for argument in [*node.args, *(keyword.value for keyword in node.kwargs)]:
            if not isinstance(argument, nodes.Const):
                raise TemplateRefused(_arithmetic(_shown(node)))
            self.expression(argument, scope)
        value = self.expression(node.node, scope) if node.node is not None else Leaf()
        if node.name in ("first", "last") and isinstance(value, ListOf):
            return value.item
        return Leaf()

    def _counted(self) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            raise TemplateRefused(
                _("The template has more than %(count)s placeholders and tags in one part.")
                % {"count": MAX_NODES}
            )


def _unknown(name: str) -> str:
    return _("“%(name)s” is not a placeholder of the report template.") % {"name": name}


def _arithmetic(expression: str) -> str:
    return _(
        "“%(expression)s”: a report template only prints placeholders; calls, arithmetic "
        "and lists are not allowed."
    ) % {"expression": expression}


def _shown(node: nodes.Node) -> str:
    """The expression roughly as the author wrote it, to name it in a refusal."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Const):
        return repr(node.value)
    if isinstance(node, nodes.Getattr):
        return f"{_shown(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_shown(node.node)}[{_shown(node.arg)}]"
    if isinstance(node, nodes.Call):
        arguments = [_shown(arg) for arg in node.args]
        arguments += [f"{keyword.key}={_shown(keyword.value)}" for keyword in node.kwargs]
        return f"{_shown(node.node)}({', '.join(arguments)})"
    if isinstance(node, nodes.BinExpr):
        return f"{_shown(node.left)} {node.operator} {_shown(node.right)}"
    if isinstance(node, nodes.UnaryExpr):
        return f"{node.operator}{_shown(node.node)}"
    if isinstance(node, nodes.Filter):
        base = _shown(node.node) if node.node is not None else ""
        return f"{base}|{node.name}"
    if isinstance(node, nodes.Tuple | nodes.List):
        return ", ".join(_shown(item) for item in node.items)
    return type(node).__name__.lower()
