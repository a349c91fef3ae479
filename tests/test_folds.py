"""Seen/untouched folds by site: the domain rule, the salted hash, forced-seen sites."""

from __future__ import annotations

import hashlib
import importlib.util
import random
from pathlib import Path
from types import ModuleType

import pytest

from gtextract.evaluation.folds import (
    FORCED_SEEN_DEV_IDS,
    SALT,
    SEEN,
    UNTOUCHED,
    FoldRow,
    assign_folds,
    read_folds,
    registrable_domain,
    site_hash_untouched,
    write_folds,
)

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("url", "site"),
    [
        ("https://www.speedweek.com/dtm/news/1/x.html", "speedweek.com"),
        ("https://de.motorsport.com/indycar/news/1/", "motorsport.com"),
        ("http://cms3.gt-eins.at/vln/1-x", "gt-eins.at"),
        ("http://de.wikipedia.org./wiki/X", "wikipedia.org"),  # trailing dot of a FQDN
        ("https://Rennblog.BLOGSPOT.com/2015/04/x.html", "rennblog.blogspot.com"),
        ("http://www.motorsport.co.at/x", "motorsport.co.at"),
        ("VLN-Fanpage.de", "vln-fanpage.de"),  # a bare host (dev 000 has no URL)
    ],
)
def test_registrable_domain(url: str, site: str) -> None:
    assert registrable_domain(url) == site


def test_hash_rule_is_the_documented_one() -> None:
    assert SALT == "gtextract-folds-2026-12"
    for site in ("rennbericht-eifel.de", "kartwelt.at", "boxengasse.ch"):
        expected = int(hashlib.sha1((SALT + site).encode()).hexdigest(), 16) % 3 == 0
        assert site_hash_untouched(site) is expected
    # roughly a third of sites: the rule is a hash, not a list
    share = sum(site_hash_untouched(f"seite{i}.de") for i in range(300)) / 300
    assert 0.25 < share < 0.42


def _site(untouched: bool, start: int = 0) -> str:
    """A made-up site on the given side of the hash rule."""
    i = start
    while site_hash_untouched(f"rennseite{i}.de") is not untouched:
        i += 1
    return f"rennseite{i}.de"


def test_folds_are_per_site_and_deterministic() -> None:
    hot, cold = _site(untouched=True), _site(untouched=False)
    rows = [
        FoldRow("900", "dev", hot, "race report"),
        FoldRow("c900", "silver", hot, "press release"),
        FoldRow("c901", "silver", hot, "race report"),
        FoldRow("c902", "silver", cold, "race report"),
    ]
    folds = {r.id: r.fold for r in assign_folds(rows)}
    assert folds == {"900": UNTOUCHED, "c900": UNTOUCHED, "c901": UNTOUCHED, "c902": SEEN}
    shuffled = rows[:]
    random.Random(7).shuffle(shuffled)
    assert {r.id: r.fold for r in assign_folds(shuffled)} == folds


def test_sites_of_tuned_dev_texts_are_always_seen() -> None:
    assert {"000", "004", "037", "052", "060"} <= set(FORCED_SEEN_DEV_IDS)
    assert len(FORCED_SEEN_DEV_IDS) == 16
    hot = _site(untouched=True)
    rows = [FoldRow("004", "dev", hot, "race report"), FoldRow("c900", "silver", hot, "other")]
    assert {r.fold for r in assign_folds(rows)} == {SEEN}
    # a silver text with a forced id number is not a tuned dev text
    assert assign_folds([FoldRow("004", "silver", hot, "other")])[0].fold == UNTOUCHED
    # another dev text of an untouched site stays untouched
    assert assign_folds([FoldRow("900", "dev", hot, "other")])[0].fold == UNTOUCHED


def test_folds_file_round_trip(tmp_path: Path) -> None:
    rows = assign_folds([FoldRow("900", "dev", "rennseite1.de", "preview/calendar")])
    write_folds(rows, tmp_path / "folds.tsv")
    assert list(read_folds(tmp_path / "folds.tsv").values()) == rows
    (tmp_path / "bad.tsv").write_text(
        "id\tset\tsite\tgenre\tfold\n900\tdev\tx.de\tother\tmaybe\n", encoding="utf-8"
    )
    with pytest.raises(ValueError):
        read_folds(tmp_path / "bad.tsv")


def test_committed_folds_follow_the_rule() -> None:
    """eval/folds.tsv is what the rule gives for its rows (no hand edits)."""
    path = ROOT / "eval" / "folds.tsv"
    if not path.is_file():
        pytest.skip("eval/folds.tsv not drawn")
    rows = list(read_folds(path).values())
    assert [r.fold for r in assign_folds(rows)] == [r.fold for r in rows]
    by_site: dict[str, set[str]] = {}
    for r in rows:
        by_site.setdefault(r.site, set()).add(r.fold)
    assert all(len(folds) == 1 for folds in by_site.values())


def _draw_folds_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("draw_folds", ROOT / "scripts" / "draw_folds.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("notes", "site", "genre"),
    [
        ("qualifying report (batch 2)", "Rennportal", "qualifying report"),
        ("race 2 Halbersau, present tense", "Rennblog (fan blog)", "race report"),
        ("LIVE TICKER, timestamps", "Rennportal", "live ticker"),
        ("team press release, class SP4", "Rennportal", "press release"),
        ("Lauf 3, bullets", "Hersteller-Newsroom (manufacturer press)", "press release"),
        ("", "Fanseite.de", "race report"),
    ],
)
def test_dev_genre_from_notes(notes: str, site: str, genre: str) -> None:
    assert _draw_folds_script().dev_genre(notes, site) == genre
