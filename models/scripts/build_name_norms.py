"""Build ``models/features/name_norms.tsv``: gazetteer classes for the model's NORM feature.

spaCy's hash embedding reads the NORM of every token. A ``lexeme_norm`` lookup table
(saved with the model's vocab, applied by plain ``spacy.load``) can replace the norm of a
listed word by its class, e.g. ``Kohl`` -> ``⟨surname⟩``; the ORTH feature keeps the
word's identity. The model thus learns "this word is on a name list" as a feature and
generalises it to the listed names it never saw in training.

Sources are independent of the training and reporting labels (a list made from the
training PER spans would make the feature perfectly predictive in training only):
  * Faker's person and address providers (MIT): given names and surnames of every
    Latin-script locale, German country names, city names;
  * F1DB drivers and circuits (CC BY 4.0): given names, surnames, circuit places.
Words whose lower-case form is a German word ("will", "dann": an inflected form in
spacy-lookups-data's lemma table, or lower-case 3+ times in the training text) are skipped: as a
sentence-initial capital they are not names. Names that are also German nouns
("Koch", "Wolf") get a separate ``~`` class, so the model can learn that they are
ambiguous.

    ../.venv/bin/python scripts/build_name_norms.py   # needs: pip install faker
"""

from __future__ import annotations

import argparse
import csv
import importlib
import pkgutil
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path

from convert import (
    Sentence,
    clean_wikiann,
    in_cv_fold,
    in_selection,
    read_germeval,
    read_wikiann,
    split,
)
from name_norms import fold_of
from spacy.lookups import load_lookups

DATA = Path("/work/shared/data")
OUT = Path(__file__).parents[1] / "features" / "name_norms.tsv"
LATIN_MAX = 0x24F  # Latin Extended-B: skip Cyrillic, Greek, Arabic, CJK spellings


def is_name_word(word: str) -> bool:
    return (
        len(word) >= 2
        and word[0].isupper()
        and word.isalpha()
        and all(ord(ch) <= LATIN_MAX for ch in word)
    )


def words_of(values: Iterable[str]) -> set[str]:
    return {w for value in values for w in value.split() if is_name_word(w)}


def provider_values(module_name: str, attrs: tuple[str, ...]) -> set[str]:
    try:
        provider = importlib.import_module(module_name).Provider
    except (ImportError, AttributeError):
        return set()
    out: set[str] = set()
    for attr in attrs:
        value = provider.__dict__.get(attr)
        if isinstance(value, dict | list | tuple | set | frozenset):
            out |= {v for v in value if isinstance(v, str)}
    return out


def faker_classes() -> dict[str, set[str]]:
    import faker.providers.address as address
    import faker.providers.person as person

    classes: dict[str, set[str]] = defaultdict(set)
    for mod in pkgutil.iter_modules(person.__path__):
        name = f"faker.providers.person.{mod.name}"
        given = ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary")
        classes["given"] |= words_of(provider_values(name, given))
        classes["surname"] |= words_of(provider_values(name, ("last_names",)))
    for mod in pkgutil.iter_modules(address.__path__):
        name = f"faker.providers.address.{mod.name}"
        places = provider_values(name, ("cities", "city_names", "countries", "states"))
        # only single-word places: "Bad" of "Bad Homburg" is not a place
        classes["place"] |= {p for p in places if " " not in p and is_name_word(p)}
    return classes


def f1db_classes(data: Path) -> dict[str, set[str]]:
    classes: dict[str, set[str]] = defaultdict(set)
    with (data / "f1db" / "drivers.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            classes["given"] |= words_of([row["first_name"]])
            classes["surname"] |= words_of([row["last_name"]])
    with (data / "f1db" / "circuits.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            place = row["place"]
            if " " not in place and is_name_word(place):
                classes["place"].add(place)
    return classes


def wikiann_dev_classes(data: Path, titles: frozenset[str] = frozenset()) -> dict[str, set[str]]:
    """Given names, surnames, places and one-word organisations from WikiANN *dev*
    spans: silver labels of a split that is neither trained on nor reported."""
    classes: dict[str, set[str]] = defaultdict(set)
    span: list[str] = []
    label = ""

    def close() -> None:
        words = [w for w in span if is_name_word(w)]
        if label == "PER" and len(span) >= 2 and len(words) == len(span):
            if span[0] not in titles:
                classes["given"].add(span[0])
            classes["surname"].add(span[-1])
        elif label in ("LOC", "ORG") and len(span) == 1 and words:
            classes["place" if label == "LOC" else "org"].add(span[0])

    for line in (data / "wikiann-de" / "dev").read_text(encoding="utf-8").splitlines():
        token, _, tag = line.rpartition("\t")
        token = token[3:] if token.startswith("de:") else token
        if tag.startswith("I-") and span:
            span.append(token)
            continue
        if span:
            close()
        span, label = ([token], tag[2:]) if tag.startswith("B-") else ([], "")
    if span:
        close()
    return classes


def training_corpora(data: Path) -> tuple[list[Sentence], list[Sentence]]:
    """GermEval 2014 test and WikiANN train as read by convert.py, read once here."""
    ge_test = list(read_germeval(data / "germeval2014" / "NER-de-test.tsv"))
    return ge_test, list(read_wikiann(data / "wikiann-de" / "train"))


def corpus_name_classes(
    ge_test: list[Sentence],
    wa_train: list[Sentence],
    places_orgs: bool = False,
    held_out: Callable[[int], bool] = in_selection,
    titles: frozenset[str] = frozenset(),
) -> dict[str, dict[str, set[int]]]:
    """Given names and surnames of the *training* PER spans (with `places_orgs`, also
    one-word LOC spans as places and the name words of ORG spans as organisations),
    with the folds they occur in.

    The augmenter in name_norms.py hides a word's corpus class in sentences of the only
    fold it comes from, so in training the feature carries out-of-fold knowledge, as it
    does for unseen text at run time.
    """
    sents = split(ge_test, held_out)[1] + clean_wikiann(wa_train)
    found: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for words, tags in sents:
        fold = fold_of(words)
        i = 0
        while i < len(tags):
            if not tags[i].startswith("B-"):
                i += 1
                continue
            label = tags[i][2:]
            j = i + 1
            while j < len(tags) and tags[j] == f"I-{label}":
                j += 1
            span = words[i:j]
            if label == "PER" and all(is_name_word(w) for w in span):
                if len(span) >= 2 and span[0] not in titles:
                    found[span[0]]["given"].add(fold)
                found[span[-1]]["surname"].add(fold)
            elif places_orgs and label == "LOC" and len(span) == 1 and is_name_word(span[0]):
                found[span[0]]["place"].add(fold)
            elif places_orgs and label == "ORG":
                for word in span:
                    if is_name_word(word):
                        found[word]["org"].add(fold)
            i = j
    return found


def lowercase_words(sents: list[Sentence], data: Path, min_count: int = 3) -> set[str]:
    """Words written lower-case at least `min_count` times in the unlabelled training
    text (`sents` and UD German GSD): "dann", "will", "heute" are German words, not
    names, when capitalised."""
    counts: Counter[str] = Counter()
    for words, _ in sents:
        counts.update(w for w in words if w[:1].islower())
    for conllu in sorted((data / "ud-german-gsd").glob("*.conllu")):
        for line in conllu.read_text(encoding="utf-8").splitlines():
            cols = line.split("\t")
            if len(cols) > 1 and cols[1][:1].islower():
                counts[cols[1]] += 1
    return {w for w, n in counts.items() if n >= min_count}


# Wiktionary entries of these kinds are names, not common nouns
NAME_POS = frozenset({"Vorname", "Nachname", "Toponym", "Eigenname", "Straßenname", "Abkürzung"})
NOUN_CLASS = "⟨noun⟩"


def german_noun_entries() -> Iterator[tuple[set[str], set[str]]]:
    """(parts of speech, one-word capitalised forms) of every german-nouns entry (German
    Wiktionary, CC BY-SA 4.0)."""
    import german_nouns  # namespace package: the data is a CSV beside it

    path = Path(next(iter(german_nouns.__path__))) / "nouns.csv"
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pos = {p.strip() for p in (row.get("pos") or "").split(",")}
            forms = {
                value
                for column, value in row.items()
                if column != "pos" and not column.startswith("genus") and value
            }
            yield pos, forms


@cache
def common_noun_forms() -> frozenset[str]:
    """Every inflected form of german-nouns' common nouns: one-word, alphabetic,
    capitalised ("Mindestlohn", "Mindestlöhne")."""
    return frozenset(
        form
        for pos, forms in german_noun_entries()
        if "Substantiv" in pos and not pos & NAME_POS
        for form in forms
        if len(form) >= 3 and form[0].isupper() and form.isalpha()
    )


def write_words(path: Path, words: set[str], header: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    text = f"# {header}; built by scripts/build_name_norms.py\n"
    path.write_text(text + "".join(f"{w}\n" for w in sorted(words)), encoding="utf-8")
    print(f"{path}: {len(words)} words")


# Wiktionary's name entries and the class each gives
WIKTIONARY_NAME_CLASSES = {"Vorname": "given", "Nachname": "surname", "Toponym": "place"}


def wiktionary_name_classes() -> dict[str, set[str]]:
    """One-word given names, surnames and place names of german-nouns, with their
    inflected forms ("Müllers")."""
    classes: dict[str, set[str]] = defaultdict(set)
    for pos, forms in german_noun_entries():
        for kind, cls in WIKTIONARY_NAME_CLASSES.items():
            if kind in pos:
                classes[cls] |= {form for form in forms if is_name_word(form)}
    return classes


def class_norm(classes: set[str], is_noun: bool) -> str:
    """ "⟨given+surname⟩"; "~" marks a word that is also a German lemma ("Koch")."""
    return "⟨" + "+".join(sorted(classes)) + ("~" if is_noun else "") + "⟩" if classes else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--wikiann-dev", action="store_true", help="add WikiANN dev spans")
    parser.add_argument("--no-f1db", action="store_true", help="leave out F1DB names")
    parser.add_argument(
        "--no-title-given",
        action="store_true",
        help="do not take a span's first word as a given name if it is a common noun",
    )
    parser.add_argument(
        "--wiktionary-names",
        action="store_true",
        help="add german-nouns' given names, surnames and places (Wiktionary)",
    )
    parser.add_argument(
        "--corpus-names",
        action="store_true",
        help="add the training PER spans' names, cross-fitted by fold (see name_norms.py)",
    )
    parser.add_argument(
        "--corpus-places-orgs",
        action="store_true",
        help="with --corpus-names: also the training LOC (one-word) and ORG span words",
    )
    parser.add_argument(
        "--noun-class",
        type=int,
        metavar="MAX_COUNT",
        default=0,
        help="give common nouns (german-nouns) seen fewer than MAX_COUNT times in the "
        "training text the class ⟨noun⟩, so that rare compounds read as nouns, not names",
    )
    parser.add_argument(
        "--common-nouns",
        type=Path,
        metavar="PATH",
        help="with --noun-class: also write the common nouns outside the noun class (frequent "
        "or listed, given names excluded) for the gtx_person_spans component",
    )
    parser.add_argument(
        "--lowercase-words",
        type=Path,
        metavar="PATH",
        help="also write the words written lower-case in the training text (the skip list "
        "above) for the gtx_person_spans component",
    )
    parser.add_argument(
        "--genitive",
        action="store_true",
        help="also list each name's genitive -s form with the name's class",
    )
    parser.add_argument(
        "--cv-fold",
        type=int,
        metavar="K",
        help="cross-validation (scripts/crossval.py): hold out the GermEval test sentences "
        "of fold K instead of the selection split",
    )
    args = parser.parse_args()
    lemmas = load_lookups("de", ["lemma_lookup"]).get_table("lemma_lookup")
    nouns = {value for value in lemmas.values() if isinstance(value, str) and value[:1].isupper()}
    sources = [faker_classes()]
    # a span's first word that is a common noun and no Faker given name is a title
    # ("Präsident Obama"), not a given name
    titles = (
        frozenset(common_noun_forms() - sources[0]["given"]) if args.no_title_given else frozenset()
    )
    if not args.no_f1db:
        sources.append(f1db_classes(args.data))
    if args.wikiann_dev:
        sources.append(wikiann_dev_classes(args.data, titles))
    if args.wiktionary_names:
        sources.append(wiktionary_name_classes())
    outer_classes: dict[str, set[str]] = defaultdict(set)
    for source in sources:
        for cls, words in source.items():
            for word in words:
                outer_classes[word].add(cls)
    ge_test, wa_train = training_corpora(args.data)
    held_out = in_cv_fold(args.cv_fold) if args.cv_fold is not None else in_selection
    corpus = (
        corpus_name_classes(ge_test, wa_train, args.corpus_places_orgs, held_out, titles)
        if args.corpus_names
        else {}
    )
    lower = lowercase_words(ge_test + wa_train, args.data)

    def is_german_word(word: str) -> bool:  # "Will", "Dann", "Alles"
        return word.lower() in lemmas or word.lower() in lower

    # (word, norm) or (word, norm, only fold, norm outside that fold)
    rows: list[tuple[str, ...]] = []
    for word in sorted(set(outer_classes) | set(corpus)):
        if is_german_word(word):
            continue
        outer = outer_classes.get(word, set())
        full = outer | set(corpus.get(word, {}))
        norm = class_norm(full, word in nouns)
        folds = set().union(*corpus[word].values()) if word in corpus else set()
        if len(folds) == 1 and full != outer:
            # known from one fold only: in that fold's sentences the class is hidden
            rows.append((word, norm, str(folds.pop()), class_norm(outer, word in nouns)))
        else:
            rows.append((word, norm))
    if args.genitive:
        # "Merkels", "Europas": the genitive -s form carries the class of its name
        listed = {row[0] for row in rows}
        rows += [
            (f"{word}s", *rest)
            for word, *rest in list(rows)
            if not word.endswith(("s", "x", "z", "ß"))
            and f"{word}s" not in listed
            and not is_german_word(f"{word}s")
        ]
        rows.sort()
    if args.noun_class:
        named = {row[0] for row in rows}
        counts = Counter(w for words, _ in ge_test + wa_train for w in words)
        noun_forms = common_noun_forms()
        rare_nouns = {w for w in noun_forms - named if counts[w] < args.noun_class}
        rows += [(word, NOUN_CLASS) for word in sorted(rare_nouns)]
        if args.common_nouns:
            # gtx_person_spans reads the noun class from the NORM; it needs the rest by name.
            # Faker's given names stay out, so "Mark Webber" keeps "Mark".
            others = noun_forms - rare_nouns - sources[0]["given"]
            write_words(
                args.common_nouns,
                others,
                "German common nouns outside the noun class, for gtx_person_spans; from "
                "german-nouns (Wiktionary, CC BY-SA 4.0)",
            )
    if args.lowercase_words:
        header = "words written lower-case 3+ times in the training text, for gtx_person_spans"
        write_words(args.lowercase_words, lower, header)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    header = (
        "# word\tnorm[\tonly fold\tnorm outside that fold]; built by "
        "scripts/build_name_norms.py from Faker (MIT), F1DB (CC BY 4.0), WikiANN (CC BY-SA)\n"
    )
    args.out.write_text(header + "\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    per_class = Counter(row[1] for row in rows)
    print(f"{args.out}: {len(rows)} words", dict(sorted(per_class.items(), key=lambda kv: -kv[1])))


if __name__ == "__main__":
    main()
