"""Large word lists held compactly: one string and two arrays instead of a frozenset.

``not_names`` (~251k words) as a ``frozenset`` of ``str`` took ~24 MB in every
process (a ``str`` object and a set slot per word, ~95 bytes); ``common_words``
(~60k) ~6 MB. :class:`CompactWords` keeps the words in one string, ordered by
their ``hash()``, with the sorted hashes and the start of each word in arrays:
about the text's own size plus 12 bytes a word. A lookup is a binary search on
the hashes and a comparison of the word found, so it is exact. The rules look
words up some hundred times per report, where the extra microsecond does not
show; iteration streams the words one at a time.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Set
from typing import Any, cast

import numpy as np

# Lists longer than this are held compactly; shorter ones stay frozensets.
COMPACT_FROM = 10_000


class CompactWords(Set[str]):
    """An immutable set of words (no word contains a newline)."""

    __slots__ = ("_text", "_hashes", "_starts", "_keys", "_bounds")

    def __init__(self, words: Iterable[str]) -> None:
        unique = list(dict.fromkeys(words))
        hashes = np.fromiter((hash(w) for w in unique), dtype=np.int64, count=len(unique))
        order = np.argsort(hashes, kind="stable")
        self._text = "\n".join(unique[i] for i in order.tolist())
        lengths = np.fromiter((len(unique[i]) + 1 for i in order.tolist()), np.int64, len(order))
        del unique
        self._hashes = hashes[order]
        # word i is _text[_starts[i] : _starts[i + 1] - 1]
        self._starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        # plain-int access through memoryviews: no numpy scalar per lookup
        self._keys = memoryview(self._hashes.data)
        self._bounds = memoryview(self._starts.data)

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        h = hash(word)
        keys, bounds, n = self._keys, self._bounds, len(self._keys)
        i = bisect_left(keys, h)
        while i < n and keys[i] == h:
            if self._text[bounds[i] : bounds[i + 1] - 1] == word:
                return True
            i += 1
        return False

    def __iter__(self) -> Iterator[str]:
        text, bounds = self._text, self._bounds
        for i in range(len(self._keys)):
            yield text[bounds[i] : bounds[i + 1] - 1]

    def __len__(self) -> int:
        return len(self._keys)

    def __hash__(self) -> int:
        return self._hash()

    def __repr__(self) -> str:
        return f"<CompactWords of {len(self):,} words>"

    def __reduce__(self) -> tuple[Any, ...]:
        return (CompactWords, (list(self),))

    # The read-only methods of frozenset, so that it can stand in for one.
    def union(self, *others: Iterable[str]) -> frozenset[str]:
        return frozenset(self).union(*others)

    def intersection(self, *others: Iterable[str]) -> frozenset[str]:
        return frozenset(self).intersection(*others)

    def difference(self, *others: Iterable[str]) -> frozenset[str]:
        return frozenset(self).difference(*others)

    def symmetric_difference(self, other: Iterable[str]) -> frozenset[str]:
        return frozenset(self).symmetric_difference(other)

    def issubset(self, other: Iterable[str]) -> bool:
        return self <= (other if isinstance(other, Set) else frozenset(other))

    def issuperset(self, other: Iterable[str]) -> bool:
        return all(word in self for word in other)

    def copy(self) -> CompactWords:
        return self

    def nbytes(self) -> int:
        """Bytes held: the text and the two arrays (what replaces the frozenset)."""
        import sys

        return sys.getsizeof(self._text) + self._hashes.nbytes + self._starts.nbytes


def word_set(words: Iterable[str]) -> frozenset[str]:
    """A frozenset for a short list, :class:`CompactWords` for a long one.

    Typed as ``frozenset`` because the rules' helpers are annotated so;
    CompactWords has frozenset's read-only interface (``in``, iteration, ``len``,
    comparisons, operators, ``union``/``issubset``/...).
    """
    listed = list(words)
    if len(listed) < COMPACT_FROM:
        return frozenset(listed)
    return cast("frozenset[str]", CompactWords(listed))
