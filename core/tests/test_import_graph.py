"""The apps' import graph has no loop: every module can be read, and imported, on its own."""

from core.testing.imports import cycles, import_graph


def test_no_module_imports_itself_through_others():
    loops = cycles(import_graph())
    assert loops == [], "import loops: " + "; ".join(" <-> ".join(loop) for loop in loops)


def test_a_loop_is_found_when_there_is_one(tmp_path):
    for app in ("core", "reports"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
    (tmp_path / "reports" / "a.py").write_text("from reports.b import x\n")
    (tmp_path / "reports" / "b.py").write_text("def f():\n    from reports import a\n")
    assert cycles(import_graph(tmp_path)) == [["reports.a", "reports.b"]]


DOMAIN_APPS = (
    "accounts",
    "organisations",
    "documents",
    "campaigns",
    "awards",
    "publishing",
    "reports",
    "signing",
)


def domain_imports_of_core(graph: dict[str, set[str]]) -> list[str]:
    """Every `core module -> domain module` edge; core/tests are not in the graph (tests may use the apps)."""
    return sorted(
        f"{module} -> {target}"
        for module, targets in graph.items()
        if module == "core" or module.startswith("core.")
        for target in targets
        if target.split(".")[0] in DOMAIN_APPS
    )


def test_core_imports_no_domain_app():
    found = domain_imports_of_core(import_graph())
    assert found == [], "core is the ground floor, yet: " + "; ".join(found)


def test_an_import_from_core_into_an_app_is_found(tmp_path):
    for app in ("core", "accounts"):
        (tmp_path / app).mkdir()
        (tmp_path / app / "__init__.py").write_text("")
    (tmp_path / "accounts" / "models.py").write_text("class User: ...\n")
    (tmp_path / "core" / "auth.py").write_text("def f():\n    from accounts.models import User\n")
    assert domain_imports_of_core(import_graph(tmp_path)) == ["core.auth -> accounts.models"]
