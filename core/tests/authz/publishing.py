"""publishing: entries are added as the app's pages and API operations land."""

ENTRIES: list = []
