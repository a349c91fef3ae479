"""gtextract.compact_words: a long word list as one string and two arrays."""

from __future__ import annotations

import pickle
import sys

from gtextract import gazetteers
from gtextract.compact_words import COMPACT_FROM, CompactWords, word_set

WORDS = ["Rennen", "Boxenstopp", "rennen", "Überholmanöver", "Straße", "a", "Rennen"]


def test_membership_is_exact_and_case_sensitive() -> None:
    words = CompactWords(WORDS)
    assert len(words) == 6  # "Rennen" twice counts once
    for w in WORDS:
        assert w in words
    for w in ("RENNEN", "Renne", "Rennen ", "", "Straße\nRennen", 7, None):
        assert w not in words


def test_behaves_as_the_frozenset_it_replaces() -> None:
    words = CompactWords(WORDS)
    plain = frozenset(WORDS)
    assert set(words) == plain and words == plain
    assert frozenset({"Rennen", "a"}) <= words and words.issubset(plain | {"x"})
    assert words.union({"x"}) == plain | {"x"} and words.isdisjoint({"x"})
    assert {w.lower() for w in words} == {w.lower() for w in plain}
    assert pickle.loads(pickle.dumps(words)) == plain


def test_long_lists_are_compact_short_ones_frozensets() -> None:
    assert type(word_set(["a", "b"])) is frozenset
    long = [f"Wort{i}" for i in range(COMPACT_FROM)]
    compact = word_set(long)
    assert isinstance(compact, CompactWords)
    as_frozenset = sys.getsizeof(frozenset(long)) + sum(sys.getsizeof(w) for w in long)
    assert compact.nbytes() * 2 < as_frozenset


def test_the_package_not_names_list_is_compact_and_complete() -> None:
    not_names = gazetteers.words("not_names")
    assert isinstance(not_names, CompactWords)
    lines = gazetteers.package_data().read_text("not_names.txt").splitlines()
    listed = {w.strip() for w in lines if w.strip() and not w.startswith("#")}
    assert len(not_names) == len(listed)
    assert all(w in not_names for w in list(listed)[::97])
