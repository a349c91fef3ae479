"""Per-field F1 on the `seen` and `untouched` folds (dev gold + silver).

Runs the extractor over every text listed in a folds table (``id``, ``set``,
``site``, ``fold``; dev ids are read from ``<dev>/NNN.txt`` + ``.json``, silver
ids from ``<corpus>/cNNN.txt`` + ``eval/silver/cNNN.json``), reads the texts
as ``gtextract eval`` does, scores each with ``score_article`` and sums the
counts. The untouched fold is only ever printed as aggregate figures;
``--details`` lists misses and spurious items of `seen` texts only.

    python scripts/fold_scores.py [--folds ../folds_preview.tsv] [--details events]
"""

from __future__ import annotations

import argparse
import csv
import json
from pathlib import Path

import gtextract
from gtextract.evaluation import FIELDS, FieldScore, format_item, report_to_gold, score_article
from gtextract.text_input import read_article

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folds", type=Path, default=ROOT.parent / "folds_preview.tsv")
    ap.add_argument("--dev", type=Path, default=ROOT.parent / "shared" / "dev")
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--silver", type=Path, default=ROOT / "eval" / "silver")
    ap.add_argument("--details", metavar="FIELD", help="misses of one field, seen texts only")
    ap.add_argument("--ids", help="comma-separated seen ids to restrict --details to")
    args = ap.parse_args()

    with args.folds.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    extractor = gtextract.load()
    groups = ("seen", "untouched", "seen/dev", "seen/silver", "untouched/dev", "untouched/silver")
    totals = {g: {f: FieldScore() for f in FIELDS} for g in groups}
    wanted = set(args.ids.split(",")) if args.ids else None
    for row in rows:
        art_id, kind, fold = row["id"], row["set"], row["fold"]
        if kind == "dev":
            text_path, gold_path = args.dev / f"{art_id}.txt", args.dev / f"{art_id}.json"
        else:
            text_path, gold_path = args.corpus / f"{art_id}.txt", args.silver / f"{art_id}.json"
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        predicted = report_to_gold(extractor(read_article(text_path).text))
        article = score_article(art_id, gold, predicted)
        for name, d in article.fields.items():
            counts = FieldScore(tp=d.tp, fp=d.fp, fn=d.fn)
            totals[fold][name].add(counts)
            totals[f"{fold}/{kind}"][name].add(counts)
        if args.details and fold == "seen" and (wanted is None or art_id in wanted):
            d = article.fields[args.details]
            if d.fn or d.fp:
                print(f"--- {art_id} ({row['site']})")
                for g in d.missed:
                    print(f"  missed   {format_item(args.details, g)}")
                for p in d.spurious:
                    print(f"  spurious {format_item(args.details, p)}")

    print(f"{'field':9}" + "".join(f"{g:>18}" for g in groups))
    for name in FIELDS:
        cells = []
        for g in groups:
            s = totals[g][name]
            cells.append(f"{s.f1:.3f} ({s.tp}/{s.fp}/{s.fn})")
        print(f"{name:9}" + "".join(f"{c:>18}" for c in cells))


if __name__ == "__main__":
    main()
