"""Regenerate gtextract's DERIVED gazetteer files from the shared corpora.

Usage::

    .venv/bin/python scripts/build_gazetteers.py [--shared /work/shared/data] [--only NAME ...]

What it (re)writes in ``src/gtextract/data/`` and from what:

* ``given_names.txt`` -- ``data/curated/given_names.txt`` + F1DB first names +
  first tokens of multi-token PER spans in GermEval 2014 *test* and WikiANN-de
  *train* (frequency-filtered, see :func:`corpus_names`) + German Wiktionary
  given names (``german-nouns``, pos "Vorname") when that package is installed.
* ``surnames.txt`` -- ``data/curated/surnames.txt`` + F1DB last names + last
  tokens of PER spans (same filters) + Wiktionary surnames ("Nachname").
* ``not_names.txt`` -- ``data/curated/not_names.txt`` + every inflected form of
  the common nouns in ``german-nouns`` (CC BY-SA 4.0), minus anything that is a
  given name, a surname or a token of any PER span of the corpora.
* ``tracks.jsonl`` / ``makes.jsonl`` / ``teams.jsonl`` -- the hand-curated
  entries are kept as they are; F1DB circuits, constructors and entrants are
  merged in: forms of an F1DB record that match a curated entry are added to
  its aliases, the others become entries with ``"source": "f1db"`` (those are
  dropped and rebuilt on every run, so the script is idempotent).

GermEval 2014 DEV is never read (it is kept for evaluation).
"""

from __future__ import annotations

import argparse
import csv
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "gtextract" / "data"
CURATED = DATA / "curated"
DEFAULT_SHARED = Path("/work/shared/data")

# A name token: capitalised word of letters (with inner hyphen/apostrophe), not ALL CAPS.
_UPPER = "A-ZÀ-ÖØ-ÞŁŚŻŹĆŃŠŽČŘĎŤŇŐŰİ"
_LOWER = "a-zß-öø-ÿāăąćčďđēėęěğīįıłńňōőœřśşšťūůűųźżž"
NAME_TOKEN = re.compile(rf"^[{_UPPER}][{_LOWER}'’-]*[{_LOWER}]$")


def _split(text: str) -> list[str]:
    return text.split()


# First tokens of PER spans that are titles, honorifics or particles, not given names.
TITLES = frozenset(
    _split(
        """Dr Dr. Prof Prof. Sir Lord Lady Dame Herr Frau Fräulein Mr Mrs Ms Miss Mister Madame
    Monsieur Don Doña Dom Sankt Saint San Santa São St St. König Königin Kaiser Kaiserin Prinz
    Prinzessin Fürst Fürstin Graf Gräfin Herzog Herzogin Freiherr Baron Baronin Ritter Markgraf
    Landgraf Kurfürst Erzherzog Zar Sultan Scheich Emir Schah Khan Papst Kardinal Bischof
    Erzbischof Pfarrer Pater Bruder Schwester Mutter Vater Onkel Tante Kapitän General Oberst
    Major Leutnant Admiral Marschall Präsident Kanzler Minister Senator Gouverneur Bürgermeister
    Abt Äbtissin Rabbi Imam Meister Magister Hl Hl. Heilige Heiliger Heiligen Apostel Prophet
    Gott Jesus Christus Maria"""
    )
)


def read_lines(path: Path) -> list[str]:
    """Non-comment, non-blank lines of a text file."""
    out: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line and not line.startswith("#"):
            out.append(line)
    return out


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in read_lines(path)]


def write_jsonl(path: Path, rows: Iterable[dict[str, Any]]) -> int:
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
    return n


def write_words(path: Path, header: list[str], items: Iterable[str]) -> int:
    words = sorted(set(items), key=lambda w: (w.casefold(), w))
    with path.open("w", encoding="utf-8") as fh:
        for line in header:
            fh.write(f"# {line}\n")
        for word in words:
            fh.write(word + "\n")
    return len(words)


# --------------------------------------------------------------------------- corpora


def _iob_spans(rows: Iterable[tuple[str, str] | None], label: str) -> Iterator[list[str]]:
    """Token lists of one label from (token, IOB tag) rows; ``None`` ends a sentence."""
    span: list[str] = []
    for row in rows:
        token, tag = row if row is not None else ("", "O")
        if tag == f"B-{label}":
            if span:
                yield span
            span = [token]
        elif tag == f"I-{label}" and span:
            span.append(token)
        elif span:
            yield span
            span = []
    if span:
        yield span


def _germeval_rows(path: Path) -> Iterator[tuple[str, str] | None]:
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw or raw.startswith("#"):
            yield None
            continue
        cols = raw.split("\t")
        if len(cols) >= 3:
            yield cols[1], cols[2]


def germeval_spans(path: Path, label: str = "PER") -> Iterator[list[str]]:
    """Spans of one label (outer level, exact label) of a GermEval 2014 file."""
    return _iob_spans(_germeval_rows(path), label)


def germeval_tokens(path: Path) -> Iterator[str]:
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw and not raw.startswith("#"):
            cols = raw.split("\t")
            if len(cols) >= 2:
                yield cols[1]


def _wikiann_rows(path: Path) -> Iterator[tuple[str, str] | None]:
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip():
            yield None
            continue
        token, _, tag = raw.rpartition("\t")
        yield (token[3:] if token.startswith("de:") else token), tag


def wikiann_spans(path: Path, label: str = "PER") -> Iterator[list[str]]:
    """Spans of one label of a WikiANN file (``de:TOKEN<TAB>TAG``, IOB2)."""
    return _iob_spans(_wikiann_rows(path), label)


def wikiann_tokens(path: Path) -> Iterator[str]:
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.strip():
            token = raw.rpartition("\t")[0]
            yield token[3:] if token.startswith("de:") else token


def corpus_names(
    shared: Path, particles: set[str], min_count: int = 1
) -> tuple[set[str], set[str], set[str]]:
    """Given names, surnames and name-like PER tokens from GermEval test + WikiANN train.

    A token of a multi-token PER span counts as a *given name* when it is the
    first token at least ``min_count`` times and more often first than last; as a
    *surname* when it is the last token at least ``min_count`` times and more
    often last than first. Both must look like a name (capitalised letters, not
    ALL CAPS, not a title or particle) and must not occur in lower case in the
    corpora (which drops adjectives such as "Große" and function words).
    """
    germeval = shared / "germeval2014" / "NER-de-test.tsv"  # never the DEV split
    wikiann = shared / "wikiann-de" / "train"
    spans = list(germeval_spans(germeval)) + list(wikiann_spans(wikiann))
    in_loc: Counter[str] = Counter()
    for label in ("LOC", "ORG"):
        for span in list(germeval_spans(germeval, label)) + list(wikiann_spans(wikiann, label)):
            in_loc.update(span)
    lower: Counter[str] = Counter()
    for token in list(germeval_tokens(germeval)) + list(wikiann_tokens(wikiann)):
        if token[:1].islower():
            lower[token] += 1
    total: Counter[str] = Counter(germeval_tokens(germeval))
    total.update(wikiann_tokens(wikiann))
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()
    in_per: Counter[str] = Counter()
    for span in spans:
        in_per.update(span)
        if len(span) < 2:
            continue
        first[span[0]] += 1
        # skip generational suffixes and particles at the end
        tail = [t for t in span[1:] if t not in {"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"}]
        if tail:
            last[tail[-1]] += 1

    def ok(token: str) -> bool:
        return (
            bool(NAME_TOKEN.match(token))
            and len(token) >= 2
            and token not in TITLES
            and token not in particles
            and lower[token.lower()] == 0
        )

    given = {t for t, n in first.items() if n >= min_count and n > last[t] and ok(t)}
    # "Utrecht", "Bayern": a last token used more as a place or organisation than in
    # a person's name is no surname ("Charlotte" stays a given name all the same)
    surnames = {
        t
        for t, n in last.items()
        if n >= min_count and n > first[t] and ok(t) and in_loc[t] <= in_per[t]
    }
    # Name-like: mostly used inside PER spans ("Wolf" 11 of 12), unlike nouns that a
    # noisy span swallowed once ("Partei" 3 of 57, "Motorsport" 1 of 2).
    name_like = {
        t for t, n in in_per.items() if n / max(total[t], 1) >= 0.3 and (n >= 2 or n == total[t])
    }
    return given, surnames, name_like


def f1db_names(shared: Path) -> tuple[set[str], set[str]]:
    """Given names (each token of ``first_name``) and surnames of F1DB drivers."""
    given: set[str] = set()
    surnames: set[str] = set()
    for row in read_tsv(shared / "f1db" / "drivers.tsv"):
        for token in row["first_name"].split():
            if NAME_TOKEN.match(token.rstrip(".")) and len(token) > 1 and not token.endswith("."):
                given.add(token)
        last = row["last_name"].strip()
        if last:
            surnames.add(last)
            tokens = last.split()
            if len(tokens) > 1 and NAME_TOKEN.match(tokens[-1]):
                surnames.add(tokens[-1])
    return given, surnames


CASES = ("nominativ", "genitiv", "dativ", "akkusativ")


def wiktionary_nouns() -> tuple[set[str], set[str], set[str]] | None:
    """(common noun forms, given names, surnames) from ``german-nouns``, or None."""
    spec = importlib.util.find_spec("german_nouns")
    if spec is None or not spec.submodule_search_locations:
        return None
    csv_path = Path(next(iter(spec.submodule_search_locations))) / "nouns.csv"
    if not csv_path.exists():
        return None
    proper = {
        "Vorname",
        "Nachname",
        "Toponym",
        "Eigenname",
        "Straßenname",
        "Abkürzung",
        "Buchstabe",
        "Symbol",
        "Affix",
        "Suffix",
        "Gebundenes Lexem",
        "Wortverbindung",
        "Redewendung",
        "Geflügeltes Wort",
        "Grußformel",
    }
    nouns: set[str] = set()
    given: set[str] = set()
    surnames: set[str] = set()
    places: set[str] = set()
    with csv_path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            pos = set(row["pos"].split(","))
            lemma = row["lemma"].strip()
            if "Toponym" in pos:
                places.add(lemma)
            if "Vorname" in pos and NAME_TOKEN.match(lemma):
                given.add(lemma)
            if "Nachname" in pos and NAME_TOKEN.match(lemma):
                surnames.add(lemma)
            if pos & proper:
                continue
            forms = {lemma}
            for key, value in row.items():
                if value and key and key.startswith(CASES):
                    forms.add(value.strip())
            for form in forms:
                if " " not in form and len(form) >= 3 and NAME_TOKEN.match(form):
                    nouns.add(form)
    # "Berlin", "London" are surnames too, but a report means the place
    return nouns, given, surnames - places


# --------------------------------------------------------------------------- names


def build_names(shared: Path) -> dict[str, int]:
    particles = set(read_lines(DATA / "name_particles.txt"))
    curated_given = set(read_lines(CURATED / "given_names.txt"))
    curated_surnames = set(read_lines(CURATED / "surnames.txt"))
    curated_not = set(read_lines(CURATED / "not_names.txt"))
    roles = set(read_lines(DATA / "driver_roles.txt"))
    roles |= set(read_lines(DATA / "non_driver_roles.txt"))
    nationality_words = {line.split("\t")[0] for line in read_lines(DATA / "nationalities.tsv")}
    calendar_words = {line.split("\t")[0] for line in read_lines(DATA / "calendar_words.tsv")}
    team_words = set(read_lines(DATA / "team_words.txt"))
    blocked = curated_not | roles | nationality_words | calendar_words | team_words

    c_given, c_surnames, per_tokens = corpus_names(shared, particles)
    f_given, f_surnames = f1db_names(shared)
    wik = wiktionary_nouns()
    w_nouns, w_given, w_surnames = wik if wik is not None else (set(), set(), set())

    # A corpus "first token" that is also a German common noun ("Mordfall X",
    # "Botschafter Y") is no given name unless another source says it is.
    c_given -= w_nouns - f_given - w_given
    # Likewise for last tokens ("Partei", "Motorsport", "Award"): a noun that is a
    # real surname ("Engel") still stays out of not_names below, it only loses the
    # positive evidence of this list unless F1DB, Wiktionary or the curated list has it.
    c_surnames -= w_nouns - f_surnames - w_surnames
    given = curated_given | ((c_given | f_given | w_given) - blocked)
    # "Hans-Jürgen", "Jean-Pierre": hyphenated PER tokens made of given names only
    given |= {
        t
        for t in per_tokens
        if "-" in t and NAME_TOKEN.match(t) and all(part in given for part in t.split("-"))
    }
    surnames = curated_surnames | ((c_surnames | f_surnames | w_surnames) - blocked)

    sizes = {
        "given_names": write_words(
            DATA / "given_names.txt",
            [
                "Given names, one per line. Built by scripts/build_gazetteers.py from:",
                "data/curated/given_names.txt (gtextract, MIT); F1DB drivers' first names",
                "(https://www.f1db.com, CC BY 4.0); first tokens of PER spans in GermEval 2014",
                "test (CC BY 4.0) and WikiANN-de train (Wikipedia, CC BY-SA); German Wiktionary",
                "given names via the german-nouns package (CC BY-SA 4.0). Licence of this",
                "file: CC BY-SA 4.0 (see data/README.md and NOTICE).",
            ],
            given,
        ),
        "surnames": write_words(
            DATA / "surnames.txt",
            [
                "Surnames, one per line. Built by scripts/build_gazetteers.py from:",
                "data/curated/surnames.txt (gtextract, MIT); F1DB drivers' last names",
                "(https://www.f1db.com, CC BY 4.0); last tokens of PER spans in GermEval 2014",
                "test (CC BY 4.0) and WikiANN-de train (Wikipedia, CC BY-SA); German Wiktionary",
                "surnames via the german-nouns package (CC BY-SA 4.0). Licence of this",
                "file: CC BY-SA 4.0 (see data/README.md and NOTICE).",
            ],
            surnames,
        ),
    }
    name_like = given | surnames | per_tokens | f_given | f_surnames
    # A curated not-name wins over a corpus name; a Wiktionary noun loses to any name.
    team_nouns = {w for w in team_words if " " not in w and w[:1].isupper() and w[1:].islower()}
    role_nouns = {w for w in roles if " " not in w and w[:1].isupper() and w not in given}
    not_names = curated_not | team_nouns | role_nouns
    not_names |= {n for n in w_nouns if n not in name_like}
    if wik is None:
        print(
            "german-nouns not installed: not_names.txt gets the curated list only", file=sys.stderr
        )
    sizes["not_names"] = write_words(
        DATA / "not_names.txt",
        [
            "Capitalised words that are never a given name or surname in a race report.",
            "Built by scripts/build_gazetteers.py from data/curated/not_names.txt",
            "(gtextract, MIT) and the inflected common nouns of German Wiktionary via the",
            "german-nouns package (https://github.com/gambolputty/german-nouns, CC BY-SA 4.0),",
            "minus every given name, surname and PER token of the name sources.",
            "Licence of this file: CC BY-SA 4.0.",
        ],
        not_names,
    )
    return sizes


# --------------------------------------------------------------------------- F1DB merges


def _norm(form: str) -> str:
    return re.sub(r"[\s\-]+", " ", form).strip().casefold()


def _merge(
    curated: list[dict[str, Any]],
    records: list[tuple[str, list[str], dict[str, Any]]],
    list_fields: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    """Merge F1DB ``(name, forms, attrs)`` records into curated entries.

    A record whose name or any form matches (case/hyphen-insensitively) a curated
    entry's name or alias adds its forms to that entry's aliases (and the values
    of ``list_fields``, e.g. ``places``); others become new ``source: f1db`` entries.
    """
    entries = [dict(e) for e in curated if e.get("source") != "f1db"]
    index: dict[str, dict[str, Any]] = {}
    for entry in entries:
        for form in [entry["name"], *entry.get("aliases", [])]:
            index.setdefault(_norm(form), entry)
    for name, forms, attrs in records:
        all_forms = [name, *forms]
        target = next((index[_norm(f)] for f in all_forms if _norm(f) in index), None)
        if target is None:
            target = {"name": name, "aliases": [], **attrs, "source": "f1db"}
            for field in list_fields:
                target[field] = []
            entries.append(target)
            index[_norm(name)] = target
        known = {_norm(target["name"]), *(_norm(a) for a in target["aliases"])}
        for form in all_forms:
            if _norm(form) not in known:
                target["aliases"].append(form)
                known.add(_norm(form))
                index.setdefault(_norm(form), target)
        for field in list_fields:
            for value in attrs.get(field, []):
                if value and value not in target.setdefault(field, []):
                    target[field].append(value)
    return entries


# F1DB circuit names that are a person's name, a country, a company or another
# track's town: never written into the gazetteer as a form of a circuit (the
# circuit keeps its full name, e.g. "Autódromo Internacional Nelson Piquet").
F1DB_SKIP_FORMS = frozenset(
    {
        "Americas",
        "Korea",
        "Valencia",
        "Phoenix",
        "Riverside",
        "Monsanto",
        "Prince George",
        "Nelson Piquet",
        "José Carlos Pace",
        "Gilles Villeneuve",
        "Juan y Oscar Gálvez",
        "Hermanos Rodríguez",
    }
)


def build_tracks(shared: Path) -> int:
    curated = read_jsonl(DATA / "tracks.jsonl")
    claimed_places = {
        p
        for e in curated
        if e.get("source") != "f1db"
        for p in [*e.get("places", []), *e.get("cities", [])]
    }
    records: list[tuple[str, list[str], dict[str, Any]]] = []
    for row in read_tsv(shared / "f1db" / "circuits.tsv"):
        forms = [row["full_name"]] + [p for p in row["previous_names"].split("|") if p]
        forms = [f for f in forms if f not in F1DB_SKIP_FORMS]
        name = row["name"] if row["name"] not in F1DB_SKIP_FORMS else forms[0]
        place = row["place"].strip()
        # F1DB's town of a circuit is mostly a city ("Buenos Aires", "Phoenix"): kept as
        # "cities" (information only), never as a metonym "places" pattern
        cities = [place] if place and place not in claimed_places else []
        claimed_places.update(cities)
        attrs = {"places": [], "cities": cities, "country": row["country"]}
        records.append((name, forms, attrs))
    merged = _merge(curated, records)
    for entry in merged:
        # a place that equals a form of the same entry is redundant
        own = {entry["name"], *entry["aliases"]}
        entry["places"] = [p for p in entry.get("places", []) if p not in own]
        entry["cities"] = [p for p in entry.get("cities", []) if p not in own]
    return write_jsonl(DATA / "tracks.jsonl", merged)


# F1DB constructors that are car makes/chassis names a report writes as "the <X>".
F1_MAKES = frozenset(
    _split(
        """alfa-romeo alphatauri alpine aston-martin audi bar benetton bmw-sauber brabham brawn
    cadillac caterham ferrari force-india haas honda jaguar jordan lotus-f1
    marussia mclaren mercedes midland minardi porsche racing-bulls racing-point red-bull
    renault sauber spyker super-aguri toro-rosso toyota virgin williams ligier lola
    tyrrell arrows prost stewart"""
    )
)

# Single-word F1DB names that are also common words or surnames: kept out of the
# gazetteers because a phrase match would swallow a driver's name or a noun.
AMBIGUOUS_SINGLE = frozenset(
    _split(
        """Adams Amon Boro Bromme Christensen Connew Cooper Deidt Dunn Eagle Elder Emeryson Ensign
    Epperly Ewing Ferguson Fry Gilby Greifzu Hall Heck Hill Kauhsen Klenk Krakau Kuzma Langley
    Life Lyncar Maki March Marchese Martini Merzario Meskowski Moore Nacke Nichels Olson
    Pacific Pankratz Pawl Phillips Rae Rebaque Reif Scarab Schroeder Shadow Shannon Sherman
    Spirit Stevens Surtees Sutton Token Trevis Trojan Turner Watson Wetteroth Wolf Modena
    Jordan Stewart Prost Brabham Williams Haas Tyrrell Arrows Manor Virgin Midland Lotus
    Hesketh Penske Parnelli Politoys Protos Theodore Toleman Simtek Onyx Osella Zakspeed
    Kojima Apollon Forti Coloni Rial Veritas Fondmetal FIRST Life Bellasi Derrington-Francis
    Alta Balsa Bugatti Talbot-Lago Gordini Matra"""
    )
)


def build_makes(shared: Path) -> int:
    curated = read_jsonl(DATA / "makes.jsonl")
    records: list[tuple[str, list[str], dict[str, Any]]] = [
        (row["name"], [], {"country": row["country"]})
        for row in read_tsv(shared / "f1db" / "constructors.tsv")
        if row["id"] in F1_MAKES
    ]
    return write_jsonl(DATA / "makes.jsonl", _merge(curated, records))


TEAM_HINTS = re.compile(
    r"\b(Racing|Team|Motorsport|Motorsports|F1|Formula|Grand Prix|Scuderia|Ecurie|Écurie|"
    r"Equipe|Équipe|Engineering|Motors|Automobiles|Automobili|Cars|Works|Stable|Garage|"
    r"Corse|Sport|SpA|AG|Ltd|Inc|Corp|International|Organisation|Organization|Enterprises)\b"
)


def build_teams(shared: Path) -> int:
    curated = read_jsonl(DATA / "teams.jsonl")
    makes = read_jsonl(DATA / "makes.jsonl")
    make_forms = {_norm(f) for m in makes for f in [m["name"], *m.get("aliases", [])]}
    drivers = {row["name"] for row in read_tsv(shared / "f1db" / "drivers.tsv")}
    given = set(read_lines(CURATED / "given_names.txt")) | f1db_names(shared)[0]
    records: list[tuple[str, list[str], dict[str, Any]]] = []

    def usable(name: str) -> bool:
        if _norm(name) in make_forms or name in drivers:
            return False
        tokens = name.split()
        if len(tokens) == 1:
            return name not in AMBIGUOUS_SINGLE and name.isupper() and len(name) > 2
        # "Bernie C. Ecclestone", "Antonio Branca": private entrants are persons
        return not (tokens[0] in given and not TEAM_HINTS.search(name))

    for row in read_tsv(shared / "f1db" / "entrants.tsv"):
        if usable(row["name"]) and TEAM_HINTS.search(row["name"]):
            records.append((row["name"], [], {"series": "Formel 1"}))
    for row in read_tsv(shared / "f1db" / "constructors.tsv"):
        name = row["name"]
        if name.split()[0] in AMBIGUOUS_SINGLE or _norm(name) in make_forms:
            continue
        if " " in name or name.isupper():
            records.append((name, [], {"series": "Formel 1"}))
    return write_jsonl(DATA / "teams.jsonl", _merge(curated, records))


# --------------------------------------------------------------------------- main

BUILDERS = {
    "names": build_names,
    "tracks": build_tracks,
    "makes": build_makes,
    "teams": build_teams,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared",
        type=Path,
        default=DEFAULT_SHARED,
        help="folder holding f1db/, germeval2014/, wikiann-de/",
    )
    parser.add_argument("--only", nargs="*", choices=sorted(BUILDERS), default=None)
    args = parser.parse_args(argv)
    for name in args.only or list(BUILDERS):
        result = BUILDERS[name](args.shared)
        print(f"{name}: {result}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
