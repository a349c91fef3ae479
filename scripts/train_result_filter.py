"""Train the learned filter of result candidates (``gtx_result_filter``).

Reads the SEEN fold only (``eval/folds.tsv``): dev seen texts with their gold
beside them (``../shared/dev``), silver seen texts (``../shared/corpus``) with
``eval/silver`` gold. Every driver of every ResultFact the rules find is a
candidate, labelled true when it matches a gold result by the dev set's
matching rules (``evaluation.matching.result_score``). A logistic regression
(numpy, plain gradient descent, L2) learns which candidates are true; the L2
strength and the threshold are picked by cross-validation over sites (no site
is in the training and the test part of a fold), scoring the exact results F1
of the kept candidates. The final model is trained on all seen candidates.

Writes only the weights (``--out``, default ``src/gtextract/data/result_filter.json``);
no text of ``../shared`` goes into the project. Seeded, so a rerun gives the
same file.

    PYTHONPATH=src .venv/bin/python scripts/train_result_filter.py [--cache /tmp/x.pkl]
"""

from __future__ import annotations

import argparse
import csv
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import numpy as np

import gtextract
from gtextract.components.results.features import FeatureReader
from gtextract.cues import EventCues, PositionCues, ResultFilterCues
from gtextract.evaluation.matching import dedupe, dedupe_scorer, match_items, result_score
from gtextract.evaluation.scoring import report_to_gold
from gtextract.evaluation.split import default_paths
from gtextract.gazetteers import data_source
from gtextract.names import normalize
from gtextract.text_input import read_article

SEED = 13
L2_GRID = (0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.0, 0.71, 0.025))
N_FOLDS = 5
STEPS = 3000
LEARNING_RATE = 0.2
ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- candidates


def seen_articles(paths: dict[str, Path]) -> list[dict[str, Any]]:
    """id, set, site, text path and gold path of every seen-fold article."""
    out = []
    with paths["folds"].open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["fold"] != "seen":
                continue
            texts, golds = (
                (paths["dev"], paths["dev"])
                if row["set"] == "dev"
                else (paths["corpus"], paths["silver"])
            )
            text, gold = texts / f"{row['id']}.txt", golds / f"{row['id']}.json"
            if text.is_file() and gold.is_file():
                out.append({"id": row["id"], "set": row["set"], "site": row["site"],
                            "text": text, "gold": gold})  # fmt: skip
    return out


def collect(articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per article: its gold results and its candidates (features, prediction, label)."""
    extractor = gtextract.load()
    nlp = extractor.nlp
    disabled = [n for n in ("gtx_result_filter",) if n in nlp.pipe_names]
    data = data_source()
    reader = FeatureReader(
        data.cues("position_cues", PositionCues),
        data.cues("event_cues", EventCues),
        data.cues("result_filter_cues", ResultFilterCues),
    )
    out = []
    with nlp.select_pipes(disable=disabled):
        for art in articles:
            gold = json.loads(art["gold"].read_text(encoding="utf-8"))
            ready = extractor._ready(0, read_article(art["text"]).text, gtextract.ArticleMeta())
            doc = extractor.process(ready.text, published=ready.meta.published)
            report = extractor.report(doc, ready.meta)
            aliased = {normalize(d): d for d in report_to_gold(report)["drivers"]}
            _, name_at = extractor._assemble.drivers(doc)
            facts = doc._.gtx_results or []
            golds = list(gold.get("results") or [])
            rows = []
            for cand in reader.candidates(doc, facts):
                fact = facts[cand.fact]
                start = doc[fact.drivers[cand.driver][0]].idx
                if start not in name_at:
                    continue  # the assembly drops it anyway
                name = name_at[start]
                pred = {"kind": fact.kind, "position": fact.position, "class": fact.class_,
                        "driver": aliased.get(normalize(name), name)}  # fmt: skip
                label = any(result_score(g, pred) is not None for g in golds)
                rows.append({"features": cand.features, "pred": pred, "label": label})
            out.append({"id": art["id"], "site": art["site"], "gold": golds, "rows": rows})
            print(f"{art['id']}: {len(rows)} candidates", file=sys.stderr)
    return out


# --------------------------------------------------------------------------- model


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression weights (last column of x is the bias, not penalised)."""
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) / len(y) + penalty * w
        w -= LEARNING_RATE * grad
    return w


def standardise(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    mean = x.mean(axis=0)
    std = x.std(axis=0)
    std[std == 0] = 1.0
    return mean, std


def design(arts: list[dict[str, Any]], names: list[str]) -> tuple[np.ndarray, np.ndarray]:
    rows = [r for a in arts for r in a["rows"]]
    x = np.array([[r["features"].get(n, 0.0) for n in names] for r in rows], dtype=float)
    y = np.array([float(r["label"]) for r in rows])
    return x.reshape(len(rows), len(names)), y


def results_counts(arts: list[dict[str, Any]], keep: list[np.ndarray]) -> tuple[int, int, int]:
    """tp, fp, fn of the results field when only the kept candidates are predicted."""
    same = dedupe_scorer("results")
    tp = fp = fn = 0
    for art, mask in zip(arts, keep, strict=True):
        gold = dedupe(art["gold"], same)
        pred = dedupe([r["pred"] for r, k in zip(art["rows"], mask, strict=True) if k], same)
        matched, missed, spurious = match_items(gold, pred, result_score)
        tp, fp, fn = tp + len(matched), fp + len(spurious), fn + len(missed)
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def site_folds(arts: list[dict[str, Any]]) -> list[int]:
    """A fold number per article; all articles of a site share it."""
    sites = sorted({a["site"] for a in arts})
    rng = np.random.default_rng(SEED)
    order = rng.permutation(len(sites))
    fold_of = {sites[i]: k % N_FOLDS for k, i in enumerate(order)}
    return [fold_of[a["site"]] for a in arts]


def cross_validate(arts: list[dict[str, Any]], names: list[str]) -> dict[str, Any]:
    """Out-of-fold probabilities per L2 strength, then the best (L2, threshold) by F1."""
    folds = site_folds(arts)
    best: dict[str, Any] = {"f1": -1.0}
    for l2 in L2_GRID:
        probs: list[np.ndarray] = [np.zeros(0)] * len(arts)
        for k in range(N_FOLDS):
            train = [a for a, f in zip(arts, folds, strict=True) if f != k]
            x, y = design(train, names)
            mean, std = standardise(x)
            w = fit(np.hstack([(x - mean) / std, np.ones((len(x), 1))]), y, l2)
            for i, (a, f) in enumerate(zip(arts, folds, strict=True)):
                if f == k:
                    xt, _ = design([a], names)
                    z = np.hstack([(xt - mean) / std, np.ones((len(xt), 1))]) @ w
                    probs[i] = 1.0 / (1.0 + np.exp(-z))
        for t in THRESHOLDS:
            counts = results_counts(arts, [p >= t for p in probs])
            score = f1(*counts)
            print(f"l2={l2:<6} t={t:<5} tp/fp/fn={counts} f1={score:.4f}", file=sys.stderr)
            if score > best["f1"] + 1e-9:
                best = {"f1": score, "l2": l2, "threshold": t, "counts": counts}
    return best


def train(arts: list[dict[str, Any]], out: Path) -> None:
    names = sorted({n for a in arts for r in a["rows"] for n in r["features"]} - {"bias"})
    keep_all = results_counts(arts, [np.ones(len(a["rows"]), bool) for a in arts])
    best = cross_validate(arts, names)
    x, y = design(arts, names)
    mean, std = standardise(x)
    w = fit(np.hstack([(x - mean) / std, np.ones((len(x), 1))]), y, best["l2"])
    # fold the standardisation into the weights: the component takes raw features
    raw = w[:-1] / std
    bias = float(w[-1] - np.sum(w[:-1] * mean / std))
    model = {
        "_note": (
            "Weights of gtx_result_filter, written by scripts/train_result_filter.py: logistic "
            "regression over the candidate features of components/results/features.py, trained "
            "on the seen fold (dev seen + silver seen), L2 and threshold by 5-fold "
            "cross-validation over sites. A candidate (one driver of one result fact) is kept "
            "when its probability is at least `threshold`."
        ),
        "threshold": float(best["threshold"]),
        "bias": round(bias, 6),
        "weights": {n: round(float(v), 6) for n, v in zip(names, raw, strict=True)},
        "training": {
            "articles": len(arts),
            "candidates": int(len(y)),
            "true_candidates": int(y.sum()),
            "l2": best["l2"],
            "seed": SEED,
            "cv_results_f1_keep_all": round(f1(*keep_all), 4),
            "cv_results_f1_filtered": round(best["f1"], 4),
        },
    }
    out.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(model["training"], indent=1))
    print(f"keep all: tp/fp/fn={keep_all}; cv best: {best}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "src/gtextract/data/result_filter.json")
    parser.add_argument("--cache", type=Path, help="pickle of the candidates (outside the project)")
    args = parser.parse_args()
    if args.cache and args.cache.is_file():
        arts = pickle.loads(args.cache.read_bytes())
    else:
        arts = collect(seen_articles(default_paths()))
        if args.cache:
            args.cache.write_bytes(pickle.dumps(arts))
    train(arts, args.out)


if __name__ == "__main__":
    main()
