"""Folds by site: which gold texts rule writers may look at ("seen") and which
only ever give aggregate scores ("untouched").

Texts of one site share style, boilerplate and vocabulary, so a rule tuned on
one text of a site is tuned on its siblings too; the split is therefore drawn
per site (registrable domain), never per text. A site is untouched when a
salted hash of its name falls in one third of the hash space. The salt is fixed
and documented: the split is drawn once (``scripts/draw_folds.py`` writes
``eval/folds.tsv``) and re-drawn rarely, never tuned by looking at the result.

Sites of dev texts the rules were already tuned on are always seen.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

__all__ = [
    "FOLDS",
    "FORCED_SEEN_DEV_IDS",
    "SALT",
    "SEEN",
    "UNTOUCHED",
    "FoldRow",
    "assign_folds",
    "read_folds",
    "registrable_domain",
    "site_hash_untouched",
    "write_folds",
]

SALT = "gtextract-folds-2026-12"
UNTOUCHED_MODULUS = 3  # one site in three is untouched
SEEN, UNTOUCHED = "seen", "untouched"
FOLDS = (SEEN, UNTOUCHED)
SETS = ("dev", "silver")
COLUMNS = ("id", "set", "site", "genre", "fold")

# The 14 dev texts the rules were first written against, and two read since
# (052, 060): their sites are seen whatever the hash says.
FORCED_SEEN_DEV_IDS: tuple[str, ...] = (
    "000",
    "001",
    "004",
    "007",
    "010",
    "013",
    "016",
    "019",
    "022",
    "025",
    "028",
    "031",
    "034",
    "037",
    "052",
    "060",
)

# Suffixes under which every label is its own site (a subset of the Public
# Suffix List: country second levels and hosting domains of the kind found in
# German motorsport sources); anything else is the last two labels.
_PUBLIC_SUFFIXES = frozenset(
    {
        "ac.at",
        "co.at",
        "gv.at",
        "or.at",
        "co.uk",
        "org.uk",
        "com.au",
        "com.br",
        "co.jp",
        "co.nz",
        "blogspot.com",
        "blogspot.de",
        "wordpress.com",
        "github.io",
    }
)


def registrable_domain(url_or_host: str) -> str:
    """The site of a URL: its registrable domain, lower case.

    "https://www.speedweek.com/..." -> "speedweek.com", "de.motorsport.com" ->
    "motorsport.com", "cms3.gt-eins.at" -> "gt-eins.at"; a blog on a hosting
    domain is its own site ("x.blogspot.com").
    """
    text = url_or_host.strip()
    host = urlsplit(text).hostname if "://" in text else text.split("/")[0]
    labels = [label for label in (host or "").lower().rstrip(".").split(".") if label]
    if len(labels) < 2:
        return ".".join(labels)
    if ".".join(labels[-2:]) in _PUBLIC_SUFFIXES and len(labels) >= 3:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def site_hash_untouched(site: str, salt: str = SALT) -> bool:
    """The hash rule alone: int(sha1(salt + site), 16) % 3 == 0."""
    digest = hashlib.sha1((salt + site).encode("utf-8")).hexdigest()
    return int(digest, 16) % UNTOUCHED_MODULUS == 0


@dataclass(frozen=True)
class FoldRow:
    """One gold text in ``eval/folds.tsv``."""

    id: str
    set: str  # "dev" or "silver"
    site: str
    genre: str
    fold: str = SEEN


def assign_folds(
    rows: Iterable[FoldRow],
    *,
    salt: str = SALT,
    forced_seen_ids: Iterable[str] = FORCED_SEEN_DEV_IDS,
) -> list[FoldRow]:
    """``rows`` with their fold: by site hash, except that every site of a
    forced-seen dev text is seen. All texts of one site share one fold."""
    rows = list(rows)
    forced = set(forced_seen_ids)
    seen_sites = {r.site for r in rows if r.set == "dev" and r.id in forced}

    def fold(site: str) -> str:
        if site in seen_sites:
            return SEEN
        return UNTOUCHED if site_hash_untouched(site, salt) else SEEN

    return [FoldRow(r.id, r.set, r.site, r.genre, fold(r.site)) for r in rows]


def write_folds(rows: Iterable[FoldRow], path: str | Path) -> None:
    with Path(path).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(COLUMNS)
        for r in rows:
            writer.writerow((r.id, r.set, r.site, r.genre, r.fold))


def read_folds(path: str | Path) -> dict[str, FoldRow]:
    """``eval/folds.tsv`` by article id (dev ids "NNN" and silver ids "cNNN" differ)."""
    out: dict[str, FoldRow] = {}
    with Path(path).open(encoding="utf-8", newline="") as handle:
        for line in csv.DictReader(handle, delimiter="\t"):
            row = FoldRow(line["id"], line["set"], line["site"], line["genre"], line["fold"])
            if row.fold not in FOLDS or row.set not in SETS:
                raise ValueError(f"{path}: bad fold row {line}")
            out[row.id] = row
    return out
