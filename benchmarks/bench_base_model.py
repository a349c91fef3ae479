"""Words per second of the gtextract base model alone, one process.

The text is generated here from our own German templates (no third-party text).
Usage: python benchmarks/bench_base_model.py [--model PATH] [--sentences N]
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import spacy
from spacy.language import Language

from gtextract.base_model import bundled_model_path

FIRST = ["Lena", "Jonas", "Mika", "Tobias", "Sina", "Felix", "Nico", "Clara", "Timo", "Jana"]
LAST = ["Brenner", "Hollmann", "Kaltenbach", "Riedl", "Vosskamp", "Lindqvist", "Maurer", "Stahl"]
TEAMS = ["Team Falkenberg", "Racing Nordhang", "Motorsport Elbtal", "Kessler Racing"]
PLACES = ["Oschersleben", "Hockenheim", "Lausitz", "Zandvoort", "Spielberg", "Monza"]
TEMPLATES = [
    "{p} gewann am Sonntag in {l} vor {q} und sicherte {t} wichtige Punkte.",
    "Im zweiten Rennen fiel {p} nach einer Berührung mit {q} in Runde {n} zurück.",
    "Die schnellste Runde fuhr {q} ({t}) mit einer Zeit von 1:{n}{n},{n}{n}{n} Minuten.",
    "„Wir hatten ein starkes Auto“, sagte {p} nach dem Rennen in {l}.",
    "Nach dem Fahrerwechsel übernahm {q} das Steuer und verteidigte Platz {n}.",
    "Mit dem Sieg rückt {t} in der Teamwertung bis auf {n}{n} Punkte an die Spitze heran.",
]


def sentences(n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)

    def person() -> str:
        return f"{rng.choice(FIRST)} {rng.choice(LAST)}"

    return [
        rng.choice(TEMPLATES).format(
            p=person(),
            q=person(),
            t=rng.choice(TEAMS),
            l=rng.choice(PLACES),
            n=rng.randint(1, 9),
        )
        for _ in range(n)
    ]


def bench(nlp: Language, texts: list[str], batch_size: int) -> tuple[int, float]:
    for _ in nlp.pipe(texts[:200], batch_size=batch_size):  # warm-up
        pass
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=batch_size))
    return words, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, default=None)
    parser.add_argument("--sentences", type=int, default=5000)
    args = parser.parse_args()
    path = args.model or bundled_model_path()
    if path is None:
        raise SystemExit("no bundled model found; run `make model` first")
    nlp = spacy.load(path)
    texts = sentences(args.sentences)
    print(f"model: {path}  pipes: {nlp.pipe_names}")
    print(f"{'batch size':>10} | {'words':>8} | {'seconds':>8} | {'words/s':>9}")
    print(f"{'-' * 10}-+-{'-' * 8}-+-{'-' * 8}-+-{'-' * 9}")
    for batch_size in (1, 64, 1000):
        words, secs = bench(nlp, texts, batch_size)
        print(f"{batch_size:>10} | {words:>8} | {secs:>8.2f} | {words / secs:>9.0f}")


if __name__ == "__main__":
    main()
