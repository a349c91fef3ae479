"""Generate report-style German training sentences from our own templates.

Slots are filled with real names from F1DB (https://www.f1db.com), CC BY 4.0:
drivers -> PER, entrants/constructors -> ORG, circuits and places -> LOC.
The templates are written for this project; no third-party text is used.
Every 10th driver is held out (never used here) so the synthetic data does not
simply memorise the whole name list.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
from pathlib import Path

import spacy
from spacy.tokens import DocBin

DATA = Path("/work/shared/data/f1db")

COUNTRIES = {
    "DE": "Deutschland",
    "GB": "Großbritannien",
    "US": "den USA",
    "IT": "Italien",
    "FR": "Frankreich",
    "BR": "Brasilien",
    "CH": "der Schweiz",
    "AR": "Argentinien",
    "JP": "Japan",
    "BE": "Belgien",
    "NL": "den Niederlanden",
    "AT": "Österreich",
    "ES": "Spanien",
    "AU": "Australien",
    "FI": "Finnland",
    "SE": "Schweden",
    "CA": "Kanada",
    "MX": "Mexiko",
    "DK": "Dänemark",
    "PL": "Polen",
}
NATIONALITY = {
    "DE": "Deutsche",
    "GB": "Brite",
    "US": "US-Amerikaner",
    "IT": "Italiener",
    "FR": "Franzose",
    "BR": "Brasilianer",
    "CH": "Schweizer",
    "AR": "Argentinier",
    "JP": "Japaner",
    "BE": "Belgier",
    "NL": "Niederländer",
    "AT": "Österreicher",
    "ES": "Spanier",
    "AU": "Australier",
    "FI": "Finne",
    "SE": "Schwede",
    "CA": "Kanadier",
    "MX": "Mexikaner",
    "DK": "Däne",
    "PL": "Pole",
}

# {P}/{P2}/{P3}: driver (full or surname), {S}/{S2}: surname, {Sg}: genitive surname,
# {T}: team, {L}: circuit or place,
# {N}: nationality noun (not an entity), {K}: country (LOC), {n}: a number.
TEMPLATES = [
    "{P} gewann das Rennen in {L} vor {P2} und {P3}.",
    "Der {N} {P} setzte sich im zweiten Lauf gegen {P2} durch.",
    "{P} ({T}) fuhr mit einer Zeit von 1:{n}.{n}{n}{n} Minuten die schnellste Runde.",
    "Für {T} startete {P} von Platz {n} aus ins Rennen.",
    "Nach dem Boxenstopp übernahm {P2} das Steuer von {P}.",
    "Auf dem {L} holte {T} mit {P} den ersten Saisonsieg.",
    "„Das war ein hartes Rennen“, sagte {P} nach der Zieldurchfahrt.",
    "{P} und {P2} teilen sich in dieser Saison das Cockpit bei {T}.",
    "Pole-Position für {P}: Der {N} war im Qualifying {n},{n}{n} Sekunden schneller als {P2}.",
    "Platz drei ging an {P} vom Team {T}.",
    "Nach einer Kollision mit {P2} schied {P} in Runde {n}{n} aus.",
    "Das Rennen in {K} wurde nach einem Unfall von {P} unterbrochen.",
    "{T} reist mit einer Führung von {n}{n} Punkten zum nächsten Lauf nach {L}.",
    "In der Meisterschaft liegt {P} nun vor {P2} und {P3}.",
    "Der Sieger {P} hatte im Ziel {n},{n}{n}{n} Sekunden Vorsprung.",
    "Bester Fahrer von {T} war {P} auf Rang {n}.",
    "Am Sonntag regnete es in {L}, doch {P} blieb fehlerfrei.",
    "{P} kam als Zweiter ins Ziel, {P2} wurde Dritter.",
    "Teamchef der Mannschaft lobte {P} für die starke Leistung.",
    "Die Strafe gegen {P} wegen eines Frühstarts veränderte das Ergebnis.",
    "Im Training war {P} mit {n}:{n}{n},{n}{n}{n} Minuten am schnellsten.",
    "Zum Saisonfinale in {L} kommt {T} als Tabellenführer.",
    "{P2} musste nach einem Reifenschaden an die Box, {P} übernahm die Führung.",
    "Mit dem Sieg in {K} baute {P} seinen Vorsprung aus.",
    "Neu im Aufgebot von {T} ist der {N} {P}.",
    "Die Startaufstellung führte {P} an, daneben stand {P2}.",
    "Im Ziel fehlten {P} nur {n},{n} Sekunden auf den Sieger.",
    "Es war der {n}. Sieg für {T} in {L}.",
    "Nach {n}{n} Runden lag der {N} vorne.",
    "Das Safety-Car kam nach einem Dreher in Runde {n} auf die Strecke.",
    "{P} überholte in der letzten Runde noch {P2}.",
    "Die Fahrer von {T} belegten die Plätze {n} und {n}.",
    # German verb-second order: a bare surname right after the verb
    "Am Sonntag gewann {S} vor {S2}.",
    "In der ersten Kurve verbremste sich {S} und fiel zurück.",
    "Damit revanchierte sich {S} für die Niederlage beim Saisonauftakt.",
    "Danach übernahm {S} die Führung und gab sie nicht mehr ab.",
    "Im Ziel jubelte {S}, während {S2} enttäuscht an die Box rollte.",
    "Vorher hatte {S} noch über Probleme mit den Bremsen geklagt.",
    "Dahinter kämpften {S} und {S2} um den letzten Podestplatz.",
    # role nouns stay outside the name span
    "Teamkollege {P} kam auf Rang {n} ins Ziel.",
    "Rookie {P} sorgte mit Platz {n} für eine Überraschung.",
    "Titelverteidiger {S} musste sich mit Rang {n} begnügen.",
    "Teamchef {P} zeigte sich zufrieden mit dem Wochenende.",
    "Ex-Weltmeister {P} war als Gast an der Strecke.",
    "Sein Teamkollege {S} hatte weniger Glück.",
    # possessive surnames are names too
    "{Sg} Vorsprung schmolz in den letzten Runden auf {n} Sekunden.",
    "Nach {Sg} Ausfall übernahm {S2} die Spitze.",
    # no names at all: capitalised German nouns are not entities
    "Der Regen machte die Strecke in der zweiten Rennhälfte sehr rutschig.",
    "Die Rennleitung verhängte eine Durchfahrtsstrafe wegen eines Frühstarts.",
    "Nach dem Neustart blieb das Feld bis zur Zielflagge eng zusammen.",
    "Die Meisterschaft wird beim Finale im Oktober entschieden.",
    "Beim Boxenstopp verlor das Team wertvolle Sekunden.",
    "Die Reifen bauten bei hohen Temperaturen schneller ab als erwartet.",
]


def read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=Path(__file__).parents[1] / "corpus")
    parser.add_argument("--n", type=int, default=4000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--name", default="synth.spacy")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    drivers = [d for i, d in enumerate(read_tsv(DATA / "drivers.tsv")) if i % 10 != 0]
    driver_names = {d["name"] for d in read_tsv(DATA / "drivers.tsv")}
    # many F1 entrants were private drivers; keep only names that read like teams
    teamish = re.compile(
        r"Team|Racing|Motor|Scuderia|Equipe|Écurie|Ecurie|Engineering|Cars|Automobil|Sport|F1"
    )
    teams = [
        r["name"]
        for r in read_tsv(DATA / "entrants.tsv")
        if teamish.search(r["name"]) and r["name"] not in driver_names
    ]
    constructors = read_tsv(DATA / "constructors.tsv")
    teams += [r["name"] for r in constructors if r["name"] not in driver_names]
    circuits = read_tsv(DATA / "circuits.tsv")
    places = [c["name"] for c in circuits] + [c["place"] for c in circuits if c["place"]]

    def driver() -> str:
        d = rng.choice(drivers)
        # reports name a driver in full once, then by surname
        return d["name"] if rng.random() < 0.6 else d["last_name"]

    nlp = spacy.blank("de")
    db = DocBin(store_user_data=False)
    for _ in range(args.n):
        template = rng.choice(TEMPLATES)
        text = ""
        spans: list[tuple[int, int, str]] = []
        for part in re.split(r"(\{\w+\})", template):
            value, label = part, None
            if part in ("{P}", "{P2}", "{P3}"):
                value, label = driver(), "PER"
            elif part in ("{S}", "{S2}"):
                value, label = rng.choice(drivers)["last_name"], "PER"
            elif part == "{Sg}":
                last = rng.choice(drivers)["last_name"]
                value, label = (last + "'" if last[-1] in "sxzß" else last + "s"), "PER"
            elif part == "{T}":
                value, label = rng.choice(teams), "ORG"
            elif part == "{L}":
                value, label = rng.choice(places), "LOC"
            elif part == "{K}":
                code = rng.choice(list(COUNTRIES))
                value, label = COUNTRIES[code], "LOC"
                if value.startswith(("den ", "der ")):
                    text += value[:4]
                    value = value[4:]
            elif part == "{N}":
                value = NATIONALITY[rng.choice(list(NATIONALITY))]
            elif part == "{n}":
                value = str(rng.randint(1, 9))
            if label:
                spans.append((len(text), len(text) + len(value), label))
            text += value
        doc = nlp(text)
        ents = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in spans]
        try:
            doc.ents = [e for e in ents if e is not None]
        except ValueError:  # overlapping expansion (e.g. a name glued to a hyphen): skip
            continue
        db.add(doc)
    args.out.mkdir(parents=True, exist_ok=True)
    db.to_disk(args.out / args.name)
    print(f"{args.out / args.name}: {len(db)} sentences")


if __name__ == "__main__":
    main()
