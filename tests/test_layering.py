"""The project's floors: ``sources`` is the lower app and never imports ``claims``."""

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def imported_modules(source: str) -> set[str]:
    """Every module a Python file imports, at any depth (inside functions too)."""
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def imports_of(package: str, modules: set[str]) -> set[str]:
    return {m for m in modules if m == package or m.startswith(f"{package}.")}


def test_it_finds_an_import_of_claims_wherever_it_stands():
    code = "import os\n\ndef f():\n    from claims.models import Claim\n    import claims\n"
    assert imports_of("claims", imported_modules(code)) == {"claims", "claims.models"}
    assert imports_of("claims", imported_modules("from claimsx import y\n")) == set()


def test_it_keeps_sources_below_claims():
    offenders = {
        str(path.relative_to(REPO)): sorted(found)
        for path in sorted((REPO / "sources").rglob("*.py"))
        if (found := imports_of("claims", imported_modules(path.read_text(encoding="utf-8"))))
    }
    assert offenders == {}
