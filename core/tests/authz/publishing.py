"""publishing: the entries are kept beside the app, in publishing.tests.authz (written by its engineers, who know
its views); the matrix fails naming every page and operation of publishing until they are there."""

try:
    from publishing.tests.authz import ENTRIES, build
except ModuleNotFoundError as exc:
    if exc.name != "publishing.tests.authz":
        raise
    ENTRIES: list = []

    def build(world) -> None:
        pass


__all__ = ["ENTRIES", "build"]
