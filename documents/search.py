"""Accent-insensitive search over the registry, with the same answers on PostgreSQL and SQLite.

A query is folded (core.text.fold) and cut into terms:
- a *symbol* is a token holding a digit or “/” together with other punctuation (“75/KH”,
  “34-CT/TW”, “98/2023/NĐ-CP”): it must appear as typed, anywhere in the folded text;
- every other token gives *words*, the runs of letters and digits in it (“xanh-sach” gives
  “xanh” and “sach”). A word must be a whole word of the document, except the last one of the
  query, which may be the beginning of a word (the officer is still typing it).

A document's words are the runs of [a-z0-9] in its `search_text`. PostgreSQL keeps them in a
stored generated `tsvector` column, `search_vector`, with a GIN index (migration 0005; the
column is not a model field: Django never reads or writes it). A query's words become one
`tsquery` (“'chi' & 'thi' & '35':*”) answered from that index; symbols use the trigram index on
`search_text` (migration 0004). SQLite answers the words from an FTS5 table of the same text
kept in step by triggers (documents.sqlite_words, migration 0009): the exact count of a search
is read from an index on both databases. Symbols are a LIKE on `search_text` there.
"""

import re

from django.db.models import Lookup, QuerySet

from core.text import fold
from documents import sqlite_words
from documents.models import Document

_WORD = re.compile(r"[a-z0-9]+")
_PUNCTUATION = re.compile(r"[^a-z0-9]")
_AROUND = re.compile(r"^[^a-z0-9]+|[^a-z0-9]+$")
MAX_QUERY_LENGTH = 200


def search_terms(text: str) -> tuple[list[str], list[str]]:
    """(words, symbols) of a query; the last word is the one matched as a beginning."""
    words: list[str] = []
    symbols: list[str] = []
    # A query longer than any officer types is cut (PostgreSQL refuses tsquery words over 2 KB).
    for token in fold(text)[:MAX_QUERY_LENGTH].split():
        core = _AROUND.sub("", token)  # without the ( , . ; around it
        if not core:
            continue
        if _PUNCTUATION.search(core) and ("/" in core or any(ch.isdigit() for ch in core)):
            symbols.append(core)
        else:
            words.extend(_WORD.findall(core))
    return words, symbols


class HasWords(Lookup):
    """`search_text__has_words=words`: every word is a word of the text, the last one possibly
    only its beginning. Registered on Document.search_text only."""

    lookup_name = "has_words"
    prepare_rhs = False
    can_use_none_as_rhs = False

    def as_postgresql(self, compiler, connection):
        terms = [f"'{word}'" for word in self.rhs]  # words are [a-z0-9]+: nothing to quote
        terms[-1] += ":*"
        # The generated column sits beside search_text in whatever alias the query gives the table.
        vector = (
            f"{compiler.quote_name_unless_alias(self.lhs.alias)}.{connection.ops.quote_name('search_vector')}"
        )
        return f"{vector} @@ %s::tsquery", [" & ".join(terms)]

    def as_sqlite(self, compiler, connection):
        # Each word a quoted FTS5 string (they are [a-z0-9]+: nothing to escape), the last one a
        # prefix; strings side by side must all match. documents.sqlite_words keeps the table.
        match = " ".join(f'"{word}"' for word in self.rhs) + "*"
        pk = f"{compiler.quote_name_unless_alias(self.lhs.alias)}.{connection.ops.quote_name('id')}"
        table = sqlite_words.TABLE
        # `+id`: the matches are a set each row is checked against, not ids to fetch one by one, so
        # the registry's page walks the date index and stops at 20, and a count scans a small index
        # (100,000 documents: 26 ms for 90,000 matches, against 85 ms fetching each row by id).
        return f"+{pk} IN (SELECT rowid FROM {table} WHERE {table} MATCH %s)", [match]

    def as_sql(self, compiler, connection):
        raise NotImplementedError(f"document search has no {connection.vendor} implementation")


Document._meta.get_field("search_text").register_lookup(HasWords)


def search_documents(queryset: QuerySet[Document], text: str) -> QuerySet[Document]:
    """The documents of `queryset` matching every term of `text` (see the module's docstring)."""
    words, symbols = search_terms(text)
    if words:
        queryset = queryset.filter(search_text__has_words=tuple(words))
    for symbol in symbols:
        queryset = queryset.filter(search_text__contains=symbol)
    return queryset
