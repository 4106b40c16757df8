"""The package's folders are the data flow, and every import points one way (docs/design.md).

Read from the source with ``ast``: every import, also those inside functions, counts.
"""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "resumematch"

#: Layers from the bottom up; a module may import its own layer and the layers below it.
LAYERS = [
    {"_version", "_yaml", "types", "errors", "shapes"},
    {"model", "modelcheck", "catalog"},
    {"extraction"},
    {"analyze", "draft"},
    {"score"},
    {"report"},
    {"run"},
    {"audit"},
    {"cli"},
]
LEVEL = {name: i for i, names in enumerate(LAYERS) for name in names}
MAX_LINES = 300


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(("resumematch",) + parts)] = path
    return out


def _imports(name: str, path: Path) -> set[str]:
    """Absolute names of the resumematch modules that module ``name`` imports."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("resumematch"):
                found.add(target)
                found.update(f"{target}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("resumematch"))
    modules = _modules()
    return {t for t in found if t in modules and t != name}


def _layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else None  # the package root only re-exports


MODULES = _modules()
GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


@pytest.mark.parametrize("module", sorted(m for m in MODULES if _layer(m)))
def test_architecture_imports_point_down(module):
    here = LEVEL[_layer(module)]
    upward = sorted(t for t in GRAPH[module] if _layer(t) is None or LEVEL[_layer(t)] > here)
    assert not upward, f"{module} imports a later stage: {upward}"


def test_architecture_has_no_import_cycles():
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            if nxt.startswith(node + "."):
                continue  # a package's __init__ re-exporting its own modules is not a cycle
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(GRAPH):
        if node not in state and (cycle := visit(node)):
            pytest.fail("import cycle: " + " -> ".join(cycle))


@pytest.mark.parametrize("module", sorted(MODULES))
def test_architecture_modules_stay_short(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it by responsibility"


def test_architecture_catalog_imports_only_the_vocabularies():
    allowed = LAYERS[0] | {"catalog"}
    for module in MODULES:
        if _layer(module) == "catalog":
            upward = sorted(t for t in GRAPH[module] if _layer(t) not in allowed)
            assert not upward, f"{module} imports {upward}; the catalogue may import only {sorted(allowed)}"


def test_architecture_spacy_is_imported_only_by_analyze():
    for module, path in MODULES.items():
        if _layer(module) == "analyze":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
        names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
        assert not any(n == "spacy" or n.startswith("spacy.") for n in names), module
