"""awards: the entries are kept beside the app, in awards.tests.authz_entries (written by its engineers, who know
its views); the matrix fails naming every page and operation of awards until they are there."""

try:
    from awards.tests.authz_entries import ENTRIES, build
except ModuleNotFoundError as exc:
    if exc.name != "awards.tests.authz_entries":
        raise
    ENTRIES: list = []

    def build(world) -> None:
        pass


__all__ = ["ENTRIES", "build"]
