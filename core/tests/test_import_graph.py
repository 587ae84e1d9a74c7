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
