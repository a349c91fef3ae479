"""Draw the seen/untouched folds once: write ``eval/folds.tsv``.

    .venv/bin/python scripts/draw_folds.py [--dev ../shared/dev] [--corpus ../shared/corpus]

One row per gold text: dev texts (``dev/SOURCES.tsv``) and corpus texts that
get silver gold (``corpus/SOURCES.tsv``), with columns id, set (dev|silver),
site, genre, fold. The site is the URL's registrable domain; the fold comes
from a salted hash of the site (``gtextract.evaluation.folds``), except that
the sites of dev texts the rules were tuned on are always seen. Re-draw only
when texts are added -- never to move a text: the salt is fixed and the
result is not to be tuned by looking at which texts land where.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from pathlib import Path

from gtextract.evaluation.folds import (
    FOLDS,
    FoldRow,
    assign_folds,
    registrable_domain,
    write_folds,
)

ROOT = Path(__file__).resolve().parents[1]

# The genres of corpus/SOURCES.tsv; dev notes that start with one use it.
GENRES = (
    "race report",
    "qualifying report",
    "results list",
    "preview/calendar",
    "cancellation/postponement",
    "press release",
    "live ticker",
    "entry list",
    "season review",
    "other",
)
# Dev notes naming no genre: the first cue found in notes + site description,
# in this order (a press release about a race is a press release, as the
# corpus annotators label newsroom and organiser texts).
GENRE_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("live ticker", ("live ticker", "liveticker")),
    ("press release", ("press release", "manufacturer press", "teaminfo")),
    ("cancellation/postponement", ("cancel", "postpone", "abgesagt", "verschoben")),
    ("preview/calendar", ("preview", "calendar")),
    ("qualifying report", ("qualifying report", "pole")),
    ("results list", ("results list",)),
)
# Dev texts without a cue report a race and its result (the specification
# report 000 has no notes at all).
DEFAULT_DEV_GENRE = "race report"


def dev_genre(notes: str, site_description: str) -> str:
    """The genre of a dev text from its SOURCES notes (and site description)."""
    lowered = notes.strip().lower()
    for genre in GENRES:
        if lowered.startswith(genre):
            return genre
    text = f"{lowered} {site_description.lower()}"
    for genre, cues in GENRE_CUES:
        if any(cue in text for cue in cues):
            return genre
    return DEFAULT_DEV_GENRE


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def dev_rows(dev_dir: Path) -> list[FoldRow]:
    rows = []
    for line in _rows(dev_dir / "SOURCES.tsv"):
        url = line["url"].strip()
        # 000 has no URL: its site column names the domain ("VLN-Fanpage.de")
        where = url if "://" in url else line["site"].split()[0]
        genre = dev_genre(line.get("notes") or "", line.get("site") or "")
        rows.append(FoldRow(line["id"], "dev", registrable_domain(where), genre))
    return rows


def corpus_rows(corpus_dir: Path) -> list[FoldRow]:
    return [
        FoldRow(line["id"], "silver", registrable_domain(line["url"]), line["genre"])
        for line in _rows(corpus_dir / "SOURCES.tsv")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--out", type=Path, default=ROOT / "eval" / "folds.tsv")
    args = parser.parse_args()

    rows = assign_folds(dev_rows(args.dev) + corpus_rows(args.corpus))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    write_folds(rows, args.out)

    texts = Counter((r.set, r.fold) for r in rows)
    sites = {fold: len({r.site for r in rows if r.fold == fold}) for fold in FOLDS}
    print(f"wrote {args.out}: {len(rows)} texts")
    for fold in FOLDS:
        print(
            f"  {fold:9} dev {texts['dev', fold]:3}  silver {texts['silver', fold]:3}"
            f"  sites {sites[fold]}"
        )


if __name__ == "__main__":
    main()
