"""The gazetteer data files parse, are consistent, and hold the forms the pipeline relies on."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import spacy

from gtextract import gazetteers as gz

DATA = resources.files("gtextract.data")


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("de")


def _forms(kind: str) -> dict[str, str]:
    """form -> entry name, for every name and alias of a kind."""
    out: dict[str, str] = {}
    for entry in gz.entries(kind):
        for form in entry.forms:
            out.setdefault(form, entry.name)
    return out


# --------------------------------------------------------------------------- parsing


@pytest.mark.parametrize("kind", gz.ENTRY_KINDS)
def test_jsonl_lines_are_objects_and_entries_load(kind: str) -> None:
    text = DATA.joinpath(f"{kind}.jsonl").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert all(isinstance(json.loads(line), dict) for line in lines)
    assert len(gz.entries(kind)) == len(lines) > 0


@pytest.mark.parametrize("kind", gz.ENTRY_KINDS)
def test_no_duplicate_names(kind: str) -> None:
    counts = Counter(entry.name for entry in gz.entries(kind))
    assert [name for name, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("kind", gz.ENTRY_KINDS)
def test_names_and_aliases_are_clean_strings(kind: str) -> None:
    for entry in gz.entries(kind):
        for form in entry.forms:
            assert form == form.strip() and form, (kind, entry.name)
            assert "  " not in form, (kind, form)


def test_every_label_present_in_patterns() -> None:
    labels = {p["label"] for p in gz.all_patterns()}
    assert labels == {"SERIES", "TRACK", "EVENT", "MAKE", "CAR_MODEL", "TEAM", "CLASS"}


def test_patterns_have_label_pattern_id() -> None:
    for pattern in gz.patterns("tracks"):
        assert set(pattern) == {"label", "pattern", "id"}
        assert pattern["label"] == "TRACK"
    ids = {p["id"] for p in gz.patterns("series")}
    assert ids == {e.name for e in gz.entries("series")}


def test_patterns_unique_within_kind() -> None:
    for kind in gz.ENTRY_KINDS:
        forms = [p["pattern"] for p in gz.patterns(kind)]
        assert len(forms) == len(set(forms)), kind


def test_unknown_kind_raises() -> None:
    with pytest.raises(KeyError):
        gz.entries("drivers")
    with pytest.raises(KeyError):
        gz.words("tracks")


# --------------------------------------------------------------------------- known forms


def test_tracks_known_forms() -> None:
    tracks = _forms("tracks")
    assert tracks["Spa-Francorchamps"] == "Spa-Francorchamps"
    assert tracks["A1-Ring"] == "Red Bull Ring"
    assert tracks["DEKRA Lausitzring"] == "Lausitzring"
    assert tracks["Oschersleben"] == "Motorsport Arena Oschersleben"
    assert tracks["Circuit Paul Ricard"] == "Paul Ricard"
    assert tracks["Circuit de Barcelona-Catalunya"] == "Circuit de Barcelona-Catalunya"
    assert tracks["Grüne Hölle"] == "Nordschleife"
    # F1DB circuits were merged in
    assert "Suzuka Circuit" in tracks and "Interlagos" in tracks
    red_bull = next(e for e in gz.entries("tracks") if e.name == "Red Bull Ring")
    assert "Spielberg" in red_bull.attrs["places"] and red_bull.attrs["country"] == "AT"
    hockenheim = next(e for e in gz.entries("tracks") if e.name == "Hockenheimring")
    assert "Hockenheim" in hockenheim.attrs["places"]


def test_places_are_unique_across_tracks() -> None:
    places = Counter(
        p
        for e in gz.entries("tracks")
        for p in [*e.attrs.get("places", []), *e.attrs.get("cities", [])]
    )
    assert [p for p, n in places.items() if n > 1] == []


def test_track_places_are_patterns_but_cities_are_not() -> None:
    forms = {p["pattern"]: p["id"] for p in gz.patterns("tracks")}
    assert forms["Hockenheim"] == "Hockenheimring"
    assert forms["Le Mans"] == "Circuit des 24 Heures"
    assert forms["Barcelona"] == "Circuit de Barcelona-Catalunya"
    assert "Nürnberg" not in forms and "Budapest" not in forms  # hometowns as often
    places = gz.track_places()
    assert places["Nürnberg"] == "Norisring" and places["Spielberg"] == "Red Bull Ring"


def test_tracks_street_kart_and_rally_venues() -> None:
    forms = {p["pattern"]: p["id"] for p in gz.patterns("tracks")}
    assert forms["Sachir"] == "Bahrain"  # the German spelling of Sakhir
    assert forms["Red Bull-Ring"] == "Red Bull Ring"
    assert forms["Berlin Tempelhof"] == "Tempelhof"
    assert forms["Monteblanco"] == "Circuito Monteblanco"
    assert forms["Erftlandring"] == "Erftlandring"
    assert forms["Wackersdorf"] == "Prokart Raceland Wackersdorf"
    assert forms["Marrakesch"] == "Circuit International Automobile Moulay El Hassan"
    assert forms["Panzerplatte"] == "Arena Panzerplatte"
    # Formula E cities are venues in a calendar line, hometowns elsewhere
    assert "Paris" not in forms and "London" not in forms and "Kerpen" not in forms
    places = gz.track_places()
    assert places["Paris"] == "Circuit des Invalides" and places["Berlin"] == "Tempelhof"


def test_series_and_events() -> None:
    series = _forms("series")
    assert series["GT Masters"] == "ADAC GT Masters"
    assert series["NLS"] == "Nürburgring Langstrecken-Serie"
    # VLN was renamed NLS in 2020: one series under both names
    assert series["VLN"] == "Nürburgring Langstrecken-Serie"
    assert series["Formel-1"] == series["F1"] == "Formel 1"
    assert series["Carrera-Cup"] == "Porsche Carrera Cup Deutschland"
    assert series["Endurance Cup"] == "GT World Challenge Europe Endurance Cup"
    assert series["DTM"] == "DTM"
    events = _forms("events")
    assert events["24-Stunden-Rennen auf dem Nürburgring"] == "24h-Rennen Nürburgring"
    # 24h races are events, never series
    assert not any("24-Stunden" in form or "24h-Rennen" in form for form in series)


def test_series_contextual_aliases_and_within_name_known_forms() -> None:
    # a contextual alias is one of the entry's own aliases, "within" names series entries
    series = gz.entries("series")
    names = {e.name for e in series}
    for entry in series:
        assert set(entry.attrs.get("contextual", ())) <= set(entry.aliases), entry.name
        assert set(entry.attrs.get("within", ())) <= names, entry.name


def test_event_tracks_exist() -> None:
    tracks = _forms("tracks")
    for event in gz.entries("events"):
        track = event.attrs.get("track")
        if track is not None:
            assert track in tracks, (event.name, track)


def test_makes_models_teams() -> None:
    makes = _forms("makes")
    assert makes["Mercedes AMG"] == "Mercedes-AMG"
    assert makes["VW"] == "Volkswagen"
    model_names = {e.name for e in gz.entries("car_models")}
    expected = {"Lamborghini Huracán GT3", "BMW M6 GT3", "Porsche 911 GT3 R", "Audi R8 LMS"}
    assert expected <= model_names
    for entry in gz.entries("car_models"):
        assert entry.attrs["make"] in makes, entry.name
    teams = _forms("teams")
    assert teams["Manthey"] == "Manthey Racing"
    assert teams["HRT"] == "Haupt Racing Team"
    assert "Schubert Motorsport" in teams and "Team WRT" in teams
    # teams are never makes
    assert not set(teams) & set(makes)
    # sponsor and former names, and entrants of IMSA, WEC, Dakar, Carrera Cup
    assert teams["kfzteile24 Mücke Motorsport"] == "Mücke Motorsport"
    assert teams["Scuderia Glickenhaus"] == "Glickenhaus Racing"
    assert teams["Red Bull Toro Rosso Honda"] == "Visa Cash App Racing Bulls"
    assert teams["Haas F1"] == "Haas F1 Team"
    assert teams["JDC-Miller Motorsports"] == "JDC-Miller Motorsports"
    assert teams["Team GP Elite"] == "GP Elite" and teams["X-Raid"] == "X-raid"


def test_car_model_patterns_combine_make_and_model() -> None:
    forms = {p["pattern"]: p["id"] for p in gz.patterns("car_models")}
    assert forms["Lamborghini Huracan GT3"] == "Lamborghini Huracán GT3"
    assert forms["Huracán GT3"] == "Lamborghini Huracán GT3"
    assert forms["Mercedes AMG GT3"] == "Mercedes-AMG GT3"
    # a model form made only of continuation words is never a pattern on its own
    assert "GT3" not in forms and "GT4" not in forms


def test_classes() -> None:
    classes = {e.name: e for e in gz.entries("classes")}
    assert classes["SP9"].attrs["kind"] == "class"
    assert classes["Pro-Am"].attrs["kind"] == "rating"
    assert classes["Gentleman"].attrs["kind"] == "rating"
    assert "Gentleman-Wertung" in classes["Gentleman"].aliases
    assert {e.attrs["kind"] for e in classes.values()} == {"class", "rating"}


# --------------------------------------------------------------------------- word lists


def test_word_lists() -> None:
    assert "Jens" in gz.words("given_names")
    assert "Klingmann" in gz.words("surnames")
    assert "Rennen" in gz.words("not_names")
    report_nouns = {
        "Sieg",
        "Platz",
        "Rang",
        "Pilot",
        "Runde",
        "Team",
        "Qualifying",
        "Startplatz",
        "Vorsprung",
        "Podium",
        "Polesetter",
        "Motorsport",
    }
    assert report_nouns <= gz.words("not_names")
    assert report_nouns.isdisjoint(gz.words("given_names") | gz.words("surnames"))
    assert "Klingmann" not in gz.words("not_names")
    for surname in ("Engel", "Rast", "Stolz", "Wolf", "Fuchs", "Vogel"):
        assert surname not in gz.words("not_names"), surname
    assert {"van", "de", "von", "und"} <= gz.words("name_particles")
    assert {"GT3", "LMS", "evo", "RSR", "Cup"} <= gz.words("car_model_words")
    assert {"Racing", "Motorsport", "Team"} <= gz.words("team_words")
    assert {"Teamchef", "Fotograf"} <= gz.words("non_driver_roles")
    assert {"Werkspilot", "Titelverteidiger", "-Pilot"} <= gz.words("driver_roles")


def test_role_lists_do_not_overlap() -> None:
    assert gz.words("driver_roles").isdisjoint(gz.words("non_driver_roles"))


def test_curated_not_names_are_not_names() -> None:
    curated = {
        line.strip()
        for line in DATA.joinpath("curated/not_names.txt").read_text("utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    assert curated <= gz.words("not_names")
    assert curated.isdisjoint(gz.words("given_names"))


def test_nationalities() -> None:
    nat = gz.mapping("nationalities")
    assert nat["Däne"] == nat["Dänen"] == nat["DEN"] == "DK"
    assert nat["Niederländer"] == nat["Holländer"] == nat["NL"] == nat["NED"] == "NL"
    assert nat["Österreicher"] == nat["A"] == nat["AUT"] == "AT"
    assert nat["Franzosen"] == "FR" and nat["Schweiz"] == "CH" and nat["SUI"] == "CH"
    assert nat["GER"] == nat["D"] == "DE"
    assert all(len(code) == 2 and code.isupper() for code in nat.values())


def test_calendar() -> None:
    months = gz.months()
    assert months["März"] == months["MÄR"] == months["Mrz"] == 3
    assert months["Mai"] == months["MAY"] == 5
    assert months["Okt"] == months["OCT"] == 10
    assert months["Dez"] == months["DEC"] == 12
    days = gz.weekdays()
    assert days["Montag"] == 1 and days["Samstag"] == days["Sonnabend"] == 6
    assert days["Sonntag"] == 7


def test_sessions() -> None:
    kinds = {s.pattern: s.kind for s in gz.sessions()}
    assert kinds["Qualifying"] == kinds["Zeittraining"] == kinds["Q2"] == "qualifying"
    assert kinds["Freies Training"] == "practice"
    assert kinds["Sonntagsrennen"] == kinds["Rennen 2"] == kinds["Lauf"] == "race"
    assert kinds["Rennhälfte"] == kinds["Einführungsrunde"] == "other"
    lengths = [len(s.pattern) for s in gz.sessions()]
    assert lengths == sorted(lengths, reverse=True)


def test_sizes_reports_every_list() -> None:
    sizes = gz.sizes()
    expected = set(gz.ENTRY_KINDS) | set(gz.WORD_LISTS) | set(gz.MAPPINGS)
    assert expected | {"sessions", "calendar_words"} == set(sizes)
    assert sizes["tracks"] == len(gz.entries("tracks"))
    assert sizes["given_names"] == len(gz.words("given_names")) > 2000
    assert sizes["teams"] > 200 and sizes["car_models"] > 300 and sizes["series"] > 80


# --------------------------------------------------------------------------- tokenisation


def test_patterns_tokenise_like_the_pipeline(nlp: spacy.language.Language) -> None:
    """Phrase patterns match the same text again after blank('de') tokenisation."""
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "gaz", "phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(list(gz.all_patterns()))  # type: ignore[attr-defined]
    text = (
        "Jens Klingmann gewann im BMW M6 GT3 von Schubert Motorsport das ADAC GT Masters "
        "Rennen auf dem Red-Bull-Ring; vor dem 24-Stunden-Rennen auf dem Nürburgring testete er "
        "in der SP9 für Rowe Racing, die GT Masters gastieren in Spa-Francorchamps."
    )
    doc = nlp(text)
    found = {(span.label_, span.text) for span in doc.spans["gaz"]}
    assert ("SERIES", "ADAC GT Masters") in found
    assert ("TRACK", "Red-Bull-Ring") in found
    assert ("TRACK", "Spa-Francorchamps") in found
    assert ("EVENT", "24-Stunden-Rennen auf dem Nürburgring") in found
    assert ("CAR_MODEL", "BMW M6 GT3") in found
    assert ("TEAM", "Schubert Motorsport") in found
    assert ("TEAM", "Rowe Racing") in found
    assert ("CLASS", "SP9") in found


def test_every_pattern_is_found_in_its_own_text(nlp: spacy.language.Language) -> None:
    """Each form is tokenised into stable tokens: it matches itself as a phrase."""
    from spacy.matcher import PhraseMatcher

    patterns = [p for p in gz.all_patterns() if p["label"] != "CAR_MODEL"][:4000]
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    for i, pattern in enumerate(patterns):
        matcher.add(str(i), [nlp.make_doc(pattern["pattern"])])
    for i, pattern in enumerate(patterns):
        doc = nlp.make_doc(f"Am Sonntag: {pattern['pattern']} .")
        keys = {nlp.vocab.strings[m] for m, _, _ in matcher(doc)}
        assert str(i) in keys, pattern


def test_standalone_false_keeps_only_aliases() -> None:
    forms = {p["pattern"]: p["id"] for p in gz.patterns("classes")}
    assert "Am" not in forms  # "Am Sonntag ..." is no class
    assert forms["Am-Wertung"] == "Am"
    assert forms["Pro-Am"] == "Pro-Am"


def test_hyphenated_given_names() -> None:
    given = gz.words("given_names")
    assert {"Hans-Jürgen", "Jean-Pierre", "Kim-Luis"} <= given


def test_loads_from_a_zipped_package(tmp_path: Path) -> None:
    """Data is read through importlib.resources, so a zipped install (wheel) works."""
    import gtextract

    package = Path(gtextract.__file__).parent
    archive = tmp_path / "gtextract.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in package.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                zf.write(path, Path("gtextract") / path.relative_to(package))
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "import gtextract.gazetteers as g;"
        "assert '.zip' in g.__file__, g.__file__;"
        "print(g.sizes()['tracks'])"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(archive)], capture_output=True, text=True, check=True
    )
    assert int(out.stdout.strip()) == len(gz.entries("tracks"))


def test_car_model_forms_are_distinctive() -> None:
    forms = {p["pattern"] for p in gz.patterns("car_models")}
    assert {"911", "488", "Golf", "Cooper", "F4", "GT3"}.isdisjoint(forms)
    assert {"Porsche 911", "Ferrari 488 GT3", "VW Golf GTI TCR", "RB19", "Huracán"} <= forms


def test_session_ordinal_forms() -> None:
    kinds = {s.pattern: s.kind for s in gz.sessions()}
    assert kinds["2. Rennen"] == "race" and kinds["1. Freies Training"] == "practice"


# --------------------------------------------------------------------------- build script


def _shared_data() -> Path | None:
    root = Path(__file__).resolve().parents[1]
    for candidate in (
        Path(os.environ.get("GTEXTRACT_SHARED_DATA", "/nonexistent")),
        root.parent / "shared" / "data",
        Path("/work/shared/data"),
    ):
        if (candidate / "f1db" / "circuits.tsv").exists():
            return candidate
    return None


@pytest.fixture()
def build_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """The build script, pointed at a scratch copy of the data folder."""
    shared = _shared_data()
    if shared is None:
        pytest.skip("shared corpora (f1db, germeval2014, wikiann-de) not available")
    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location(
        "build_gazetteers", root / "scripts" / "build_gazetteers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    data = tmp_path / "data"
    shutil.copytree(root / "src" / "gtextract" / "data", data)
    monkeypatch.setattr(module, "DATA", data)
    monkeypatch.setattr(module, "CURATED", data / "curated")
    return module, shared, data


def test_build_reproduces_f1db_merges(build_copy: Any) -> None:
    """Re-running the F1DB merge over the committed files changes nothing."""
    module, shared, data = build_copy
    root = Path(__file__).resolve().parents[1] / "src" / "gtextract" / "data"
    for name in ("tracks", "makes", "teams"):
        module.BUILDERS[name](shared)
        assert (data / f"{name}.jsonl").read_text("utf-8") == (root / f"{name}.jsonl").read_text(
            "utf-8"
        ), name


def test_build_reproduces_name_lists(build_copy: Any) -> None:
    module, shared, data = build_copy
    if importlib.util.find_spec("german_nouns") is None:
        pytest.skip("german-nouns not installed (needed for not_names and Wiktionary names)")
    module.BUILDERS["names"](shared)
    root = Path(__file__).resolve().parents[1] / "src" / "gtextract" / "data"
    for name in ("given_names", "surnames", "not_names"):
        assert (data / f"{name}.txt").read_text("utf-8") == (root / f"{name}.txt").read_text(
            "utf-8"
        ), name


def test_motorcycle_series_and_full_forms() -> None:
    forms = _forms("series")
    assert forms["Superbike-Weltmeisterschaft"] == "Superbike-WM"
    assert forms["Moto3"] == "Moto3"
    assert forms["Internationale Deutsche Motorradmeisterschaft"] == "IDM"
    assert forms["FIA-Langstrecken-Weltmeisterschaft"] == "FIA WEC"


def test_series_official_and_national_names() -> None:
    forms = {p["pattern"]: p["id"] for p in gz.patterns("series")}
    assert forms["Internationale Deutsche Meisterschaft"] == "IDM"
    assert forms["Nürburgring Langstreckenmeisterschaft"] == "Nürburgring Langstrecken-Serie"
    assert forms["Rallye-Staatsmeisterschaft"] == "Österreichische Rallye-Staatsmeisterschaft"
    assert forms["DJKM"] == "Deutsche Junioren-Kartmeisterschaft"
    endurance = "Fanatec GT World Challenge Europe Endurance Cup powered by AWS"
    assert forms[endurance] == "GT World Challenge Europe Endurance Cup"


def test_top_class_is_no_series_name() -> None:
    # "Königsklasse" is the top class of any series (MotoGP, karts), not only Formel 1
    forms = {p["pattern"] for p in gz.patterns("series")}
    assert "Königsklasse" not in forms and "Formel 1" in forms


def test_bare_motopark_is_the_team_not_the_old_track_name() -> None:
    tracks = {p["pattern"] for p in gz.patterns("tracks")}
    teams = {p["pattern"]: p["id"] for p in gz.patterns("teams")}
    assert "Motopark Oschersleben" in tracks and "Motopark" not in tracks
    assert teams["Motopark"] == "Motopark"
