"""Generate a synthetic archive of German race reports for benchmarks.

Everything comes from ``benchmarks/report_templates.json`` (our own
templates and invented names), seeded, so the same ``--articles`` and
``--seed`` always give the same archive.

    python benchmarks/synthetic_archive.py --articles 5000 -o /tmp/archive.jsonl
    python benchmarks/synthetic_archive.py --articles 200 --format dir -o /tmp/archive
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

TEMPLATES = Path(__file__).with_name("report_templates.json")
WEEKDAYS = ["Samstag", "Sonntag"]
RACE_NO = ["ersten", "zweiten", "dritten", "vierten", "fünften", "sechsten"]  # beim ... Lauf
RACE_ACC = ["erste", "zweite", "dritte", "vierte", "fünfte", "sechste"]  # das ... Rennen


def _gap(rng: random.Random) -> str:
    if rng.random() < 0.1:
        return rng.choice(["einer Runde", "zwei Runden"])
    return f"{rng.randint(0, 25)},{rng.randint(0, 999):03d} Sekunden"


def _laptime(rng: random.Random) -> str:
    return f"1:{rng.randint(20, 59):02d},{rng.randint(0, 999):03d}"


def generate(n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """``n`` report records: ``{"id", "title", "published", "text"}``."""
    data = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    for i in range(n):
        people = rng.sample(
            [f"{f} {ln}" for f in data["first_names"] for ln in data["last_names"]], 6
        )
        winner, second, third, fourth, loser, boss = people
        track, next_track = rng.sample(data["tracks"], 2)
        team, third_team = rng.sample(data["teams"], 2)
        values = {
            "winner": winner,
            "winner_last": winner.split(" ", 1)[1],
            "second": second,
            "second_last": second.split(" ", 1)[1],
            "third": third,
            "fourth": fourth,
            "loser": loser,
            "boss": boss,
            "team": team,
            "third_team": third_team,
            "car": rng.choice(data["cars"]),
            "second_car": rng.choice(data["cars"]),
            "track": track,
            "next_track": next_track,
            "place": track.split()[-1],
            "series": rng.choice(data["series"]),
            "weekday": rng.choice(WEEKDAYS),
            "race_no": RACE_NO[i % 6],
            "race_acc": RACE_ACC[i % 6],
            "age": rng.randint(17, 45),
            "nationality": rng.choice(data["nationalities"]),
            "hometown": rng.choice(data["hometowns"]),
            "gap": _gap(rng),
            "grid": rng.randint(2, 24),
            "lap": rng.randint(2, 40),
            "laptime": _laptime(rng),
            "points": rng.randint(20, 240),
            "day": rng.randint(1, 28),
            "month": rng.choice(data["months"]),
            "author": f"{rng.choice(data['first_names'])} {rng.choice(data['last_names'])}",
            "photographer": f"{rng.choice(data['first_names'])} {rng.choice(data['last_names'])}",
        }
        sentences = [rng.choice(data["openings"])]
        sentences += rng.sample(data["results"], 2)
        sentences += rng.sample(data["middle"], rng.randint(2, 4))
        sentences += rng.sample(data["quotes"], rng.randint(1, 2))
        sentences += rng.sample(data["closings"], 2)
        paragraphs = [" ".join(sentences[:3]), " ".join(sentences[3:-2]), " ".join(sentences[-2:])]
        text = "\n\n".join(p.format(**values) for p in paragraphs)
        year = 2005 + i % 20
        yield {
            "id": f"synth-{i:06d}",
            "title": rng.choice(data["titles"]).format(**values),
            "published": f"{year}-{rng.randint(4, 10):02d}-{rng.randint(1, 28):02d}",
            "text": text,
        }


def write_archive(path: Path, n: int, *, seed: int = 7, fmt: str = "jsonl") -> Path:
    """Write ``n`` reports as one JSONL file or as a folder of ``.txt`` files."""
    if fmt == "jsonl":
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            for record in generate(n, seed):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        for record in generate(n, seed):
            year = record["published"][:4]
            target = path / year / f"{record['id']}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(f"{record['title']}\n\n{record['text']}\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=("jsonl", "dir"), default="jsonl")
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    write_archive(args.output, args.articles, seed=args.seed, fmt=args.format)
    print(f"{args.articles} reports -> {args.output}")


if __name__ == "__main__":
    main()
