"""Typed schemas of the components' cue files (``data/*_cues.json``) and of
the record assembly's rules (``data/assembly.json``).

Each cue file is validated when a component is initialised or loaded: a
misspelt key, a missing list or a string where a list belongs fails at
start-up with the file name, not later as a silent miss. Cue words are lower
case; where a list holds regular expressions its description says so.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from gtextract.records import CreditRole


class CueFile(BaseModel):
    """Common to every cue file: no unknown keys, an optional ``_comment``."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    comment: str = Field("", alias="_comment")


class PositionCues(CueFile):
    """``position_cues.json``, read by ``gtx_results``."""

    race_nouns: list[str] = Field(description="nouns of a finishing position (platz, rang)")
    grid_nouns: list[str] = Field(description="nouns of a grid slot (startplatz)")
    plural_position_nouns: list[str] = Field(
        description="plural position nouns that state places only with a list of "
        "numbers ('auf den Plätzen sieben und acht', not 'auf den Plätzen ein')"
    )
    win_words: list[str] = Field(description="words that make their subject the winner")
    grid_verbs: list[str] = Field(description="verbs that put a position on the grid")
    grid_prepositions: list[str] = Field(
        description="words before a place that make it a starting place ('von Platz zwei')"
    )
    not_result: list[str] = Field(description="regexes from a word start: not a final result")
    not_result_note: str = Field("", alias="_not_result_note")
    not_result_clause: list[str] = Field(
        description="regexes from a word start: a past time that makes every place of "
        "its clause an earlier result ('im Vorjahr wurde er Dritter'), or a championship "
        "the clause opens with ('In der Fahrerwertung ... Platz vier': a standing)"
    )
    list_heading_not_final: list[str] = Field(description="list headings of non-final orders")
    table_retired: list[str] = Field(
        description="regexes, whole words: a table row of a car that retired (no position)"
    )
    table_columns: dict[str, str] = Field(
        description="header words of a table's position columns and their session "
        "('grid': qualifying, 'ergebnis': race); a row's 'P3' cells fill them in order"
    )
    list_heading_max_chars: int = Field(
        ge=0, description="longer lines above a list are prose, not its heading"
    )
    cue_window: int = Field(ge=0, description="tokens left of a name searched for a cue")
    cue_window_right: int = Field(ge=0, description="tokens right of a name searched")
    anaphora: list[str] = Field(description="pronouns and role nouns that refer back")
    not_demonyms: list[str] = Field(
        description="words of nationalities.tsv that end like a demonym but name a country "
        "or another thing ('die Ukraine', 'von der Pole'): no anaphor after an article"
    )
    beaten_after: list[str]
    beaten_after_pairs: list[list[str]]
    reference_pairs: list[list[str]] = Field(
        description="word pairs before a driver the clause measures against, who is "
        "ahead ('mit zwei Sekunden Rückstand auf A') or a rival ('nach langem Duell mit "
        "A'): neither its subject nor beaten"
    )
    ahead_markers: list[str] = Field(
        description="words before a driver who finished ahead of the clause's subject "
        "('belegte hinter A Rang fünf'): neither its subject nor beaten"
    )
    displacement_verbs: list[str] = Field(
        description="verbs that push the drivers after them to the place after 'auf' "
        "('verwies A auf Platz zwei'): A takes that place, the subject the one ahead "
        "when it is the win"
    )
    best_words: list[str]
    fastest_words: list[str] = Field(
        description="the fastest time of a session ('die schnellste Zeit', 'als "
        "Schnellster'): qualifying place 1, read only where the session is a "
        "qualifying (a race's 'schnellste Runde' is no place); not 'Bestzeit', which "
        "reports tell of provisional and lost times"
    )
    fastest_ordinal_endings: list[str] = Field(
        description="endings that make an ordinal stem a qualifying place "
        "('zweitschnellste Zeit' 2, 'sechstbeste Zeit' 6)"
    )
    fastest_nouns: list[str] = Field(
        description="what a fastest adjective must qualify to state a place "
        "('die schnellste Zeit', 'Runde')"
    )
    fastest_lead_words: list[str] = Field(
        description="words before a fastest adjective that make it a place on its own "
        "('als Schnellster', 'am schnellsten unterwegs war')"
    )
    fastest_not_after: list[str] = Field(
        description="words before a fastest adjective that make it a driver's own lap, "
        "not a rank ('für seine schnellste Runde')"
    )
    finish_verbs: list[str]
    clause_prepositions: list[str] = Field(description="after a comma they open a new clause")
    clause_conjunctions: list[str] = Field(description="after a comma they open a new clause")
    clause_breaks: list[str] = Field(description="tokens that end a clause")
    subject_clause_verbs: list[str] = Field(
        default_factory=list,
        description="finite verbs right after a crew named after a comma: the crew opens "
        "a clause of its own ('Der Sieg ging an A, B wurde Zweiter')",
    )
    not_result_part: list[str] = Field(
        default_factory=list,
        description="regexes from a word start, matched on the stretch between the commas "
        "around a cue: a mid-race order ('lag A noch auf Platz zwei') or an earlier round "
        "told in the pluperfect ('hatte beim Saisonauftakt gewonnen'); wider than the cue "
        "window, narrower than the clause",
    )
    pole_time_words: list[str] = Field(
        default_factory=list,
        description="words of the pole time; with 'von X' after them X holds the pole, "
        "not the driver short of it ('fehlten A 0,5 s auf die Pole-Zeit von X')",
    )
    follower_phrases: list[str] = Field(
        description="regexes from a word start: the drivers after them take the next "
        "places behind the result just stated ('dahinter folgte', 'gefolgt von')"
    )
    group_joiners: list[str] = Field(description="tokens that join the names of one crew")
    attributive_participles: list[str] = Field(
        description="participles that give the place before them to the crew after them "
        "('das von der Pole gestartete Team #1 (A/B)')"
    )
    pole_titles: list[str] = Field(
        description="titles of the pole sitter; right before a name they give that "
        "driver the pole ('überholte Polesetter X')"
    )
    pole_words: list[str] = Field(
        description="words that name the pole position, qualifying place 1 "
        "('Pole', 'Pole-Position', 'Poleposition')"
    )
    start_number_words: list[str] = Field(
        description="words before a car's start number ('Startnummer 7'); a crew in "
        "brackets after it ('(A/B)') is that car's crew"
    )
    more_cue_words: list[str] = Field(description="other words that may start a position cue")
    object_markers: list[str]
    pair_markers: list[str] = Field(
        description="words after which the drivers named are a pair in a duel or a "
        "collision, not the clause's subjects ('Kollision zwischen A und B')"
    )
    replaced_markers: list[str] = Field(
        description="one or two words before a driver the clause names beside its "
        "subject: the one replaced ('als Ersatz für A') or a relative ('Bruder von A'); "
        "that driver is not the clause's subject"
    )
    single_seater_series: list[str] = Field(
        description="words of series with one driver per car or bike (formula cars, "
        "one-make sprint cups, touring cars, motorcycles, rallycross)"
    )
    career_words: list[str] = Field(
        description="words joined to a series that name a career, not the reported series "
        "('Ex-Formel-1-Pilot', 'Formel-1-Erfahrung')"
    )
    top_completion_verbs: list[str]
    podium_words: list[str] = Field(
        description="the podium; with a completion verb one crew takes third place "
        "('Das Podium komplettierte X'), several crews take none"
    )
    class_suffixes: list[str]
    agent_participles: list[str]
    crew_sizes: dict[str, int] = Field(description="number words of crew sizes")
    class_context: list[str]
    class_anaphora: list[str] = Field(
        description="phrases that point back to the class last named ('in dieser Klasse')"
    )
    class_object_win_verbs: list[str] = Field(
        default_factory=list,
        description="verb forms that state a win only with a class as their object "
        "('als er die Cup2 für sich entscheiden durfte'); alone they state none",
    )
    class_topic_openers: list[str] = Field(
        default_factory=list,
        description="words that open a sentence about one class ('In der LMP3 ging es eng "
        "zu'): with no position of its own, its class holds for the next sentence",
    )
    class_winner_headings: list[str] = Field(
        description="regexes from a word start: a heading above class winners' lines "
        "('Die Klassensieger:' / 'SP9: A/B')"
    )
    class_heading_words: list[str] = Field(
        description="words a class heading may hold besides the class ('Ergebnis Klasse SP9')"
    )
    overall_words: list[str] = Field(
        description="regexes from a word start: the overall order, not a class ('Gesamtrang')"
    )
    finish_words: list[str]
    historic_paragraph: list[str] = Field(description="regexes: a paragraph about the past")
    cue_prefixes: list[str] = Field(description="word starts that may begin a position cue")
    ordinal_prepositions: list[str] = Field(description="before an ordinal: a place (als)")
    prevail_verbs: list[str] = Field(description="forms of 'setzte sich ... durch': a win")
    prevail_prefixes: list[str] = Field(description="word starts of 'durchsetzen': a win")
    contest_words: list[str] = Field(
        description="a fight for a place ('im Duell um Rang vier'): with a decider in "
        "its sentence the place goes to the one who won the fight"
    )
    contest_deciders: list[str] = Field(
        description="regexes from a word start: who won a fight for a place ('setzte "
        "sich ... durch', 'entschied ... für sich')"
    )
    prevail_not_with: list[str] = Field(
        description="regexes from a word start: a clause with them tells of a duel "
        "during the race ('setzte sich am Start gegen A durch'), not of the win"
    )
    winner_complements: list[str] = Field(
        description="after 'der Sieger' these keep it this race's win ('der Sieger des ...')"
    )
    partner_pairs: list[list[str]] = Field(description="word pairs before co-drivers")
    qualifying_words: list[str] = Field(
        description="regexes from a word start: a qualifying (pole, startaufstellung)"
    )
    race_result_words: list[str] = Field(
        description="regexes from a word start: a race run (ins ziel, boxenstopp, podium)"
    )
    session_lead_chars: int = Field(
        ge=0, description="characters of the lead (headline) whose session words count twice"
    )
    qualifying_min_evidence: float = Field(
        ge=0, description="weighted qualifying words a text needs to report a qualifying"
    )
    qualifying_ratio: float = Field(
        ge=0, description="a qualifying text has this many times more qualifying than race words"
    )
    earlier_year_window_chars: int = Field(
        ge=0,
        description="a year before the text's season this close to a position or its driver "
        "makes it an earlier season's result",
    )


class EventCues(CueFile):
    """``event_cues.json``, read by ``gtx_events``."""

    future: list[str] = Field(description="regexes that mark an upcoming event")
    past_tense: list[str] = Field(
        description="regexes of past-tense verbs: a sentence with one and no cancellation "
        "tells of an event already held ('stand auf dem Programm')"
    )
    told_verbs: list[str] = Field(
        description="regexes (lower case) of past-tense verbs and time words of a report: "
        "a sentence with a date and a venue but none of them and no future cue is still "
        "an upcoming event ('Die DTM fährt am 8. Mai auf dem Lausitzring')"
    )
    cancelled: list[str]
    announced: list[str] = Field(
        description="regexes (lower case) of a verb that, right after a date, makes the date "
        "the day of an announcement, not of the event ('hat am 15.3. bekanntgegeben')"
    )
    off_circuit: list[str] = Field(
        description="regexes of an event name held off any circuit ('Rallye'): such an "
        "event does not take the report's first venue as its own"
    )
    won_verbs: list[str] = Field(
        description="regexes (case-insensitive) of a win verb with its article, right before "
        "a race's name: a report telling the race as won ('gewinnt das Sprint-Rennen') "
        "has run it, it is no event still ahead"
    )
    back_reference: list[str] = Field(
        description="regexes (lower case, matched at a sentence's start) of a subject that "
        "points back to the event of the sentence before ('Es wird am ...', 'Diese wurden ...')"
    )
    weekend_race_subjects: list[str] = Field(
        default_factory=list,
        description="regexes (lower case, matched at a sentence's start) of the weekend's "
        "race as a cue sentence's subject ('Das Rennen beginnt am Sonntag'): after a "
        "qualifying session told earlier it is the race still ahead",
    )
    races_left: list[str] = Field(
        default_factory=list,
        description="regexes (lower case) of the races still to come counted at a venue "
        "('noch zwei Rennen'), with groups 'count' (a number word or digits) and 'race': "
        "one event each instead of one for the venue",
    )
    unrealised: list[str] = Field(
        description="regexes (lower case) of a plan told as unrealised, in the subjunctive "
        "or with 'eigentlich' ('wäre eigentlich in X geplant gewesen'): that event is off"
    )
    crew_openers: list[str]
    name_patterns: list[str] = Field(description="regexes of event names")
    own_name_markers: list[str] = Field(
        description="regexes a name-pattern match contains when it is an event's own name "
        "('Rallye X', 'Großer Preis von X'): each such name in a cue sentence is one event, "
        "unlike ordinal rounds ('ersten Lauf') that name past rounds as often"
    )
    calendar_past: list[str] = Field(description="notes of a calendar line already run")
    moved: list[str] = Field(
        description="words between a venue and its date that say the event moved there"
    )
    replaced: list[str] = Field(
        description="regexes ending just before a venue that lost its slot ('statt in ')"
    )
    old_date: list[str] = Field(
        description="words just before a date that make it the old slot of a moved event"
    )
    race_ahead: list[str] = Field(
        description="regexes ending where a qualifying report names the race still to come "
        "('Pole-Position für das ')"
    )
    race_ahead_names: list[str] = Field(
        description="regexes of a race named there when no gazetteer event starts there"
    )


class MeasureCues(CueFile):
    """``measure_cues.json``, read by ``gtx_measures`` (substring matches)."""

    gap: list[str]
    gap_sentence: list[str]
    lap_gap: list[str]
    not_final: list[str]
    lap_time: list[str]
    race_time: list[str]
    penalty: list[str]
    gap_right: list[str]
    gap_left: list[str]
    time_left: list[str]
    final: list[str]
    historic: list[str]
    mid_race: list[str]
    clock_right: list[str]


class PeopleCues(CueFile):
    """``people_cues.json``, read by ``gtx_people``."""

    team_nouns: list[str] = Field(description="'Team X von A': A owns the team, no driver")
    place_prepositions: list[str] = Field(description="before a place name, not a person")
    writer_possessives: list[str] = Field(
        description="word starts of the writer's possessive ('meine Kollegen A und B')"
    )
    writer_colleagues: list[str] = Field(description="colleague nouns after the possessive")
    event_nouns: list[str] = Field(
        description="the capitalised words after these name the event ('Rallye Erzgebirge')"
    )
    sibling_nouns: list[str] = Field(
        description="'die Estner-Brüder Andreas (17) und Sebastian (16)': the given names "
        "after these share the family name"
    )
    foreign_surname_endings: list[str] = Field(
        description="endings of Nordic, Slavic, Greek ... surnames: a lone PER entity "
        "ending so ('Göransson', 'Kubicki') is a surname no list needs to know"
    )
    kin_nouns: list[str] = Field(
        description="'A, Bruder von B': a kinship after a name tells whose relative A is, "
        "not that A is no driver",
    )
    opening_surname_verbs: list[str] = Field(
        default_factory=list,
        description="'Brenninger gewann ...': a result verb right after a sentence's first "
        "word that makes it a surname, when no lexicon knows the word as anything else",
    )
    inverted_subject_articles: list[str] = Field(
        default_factory=list,
        description="'Erstmals gewann ein ...': an article right after the result verb that "
        "opens the subject, so the sentence's first word is an adverb, no surname",
    )
    car_prepositions: list[str] = Field(
        default_factory=list,
        description="'‚Schorsch‘ im Porsche': a word between a quoted word and a make or "
        "car (an article may follow it) that makes the quoted word a driver's pseudonym",
    )


class CreditCues(CueFile):
    """``credit_cues.json``, read by ``gtx_quotes``."""

    roles: dict[str, CreditRole] = Field(
        description="word before a colon -> credit role ('Fotos: A' gives photos by A); "
        "roles: text, photos, other"
    )
    lead_ins: dict[str, CreditRole] = Field(
        default_factory=dict,
        description="phrase before the credited name, up to the full stop or line end "
        "('Mit Bildmaterial von A.') -> credit role",
    )


class GluedCells(CueFile):
    """``glued_cells.json``, read by ``gtx_glued`` (and ``gtx_cars`` for the cells
    that end a model): cells of a flattened table glued to a word."""

    cells_before_words: list[str] = Field(
        description="regexes of a cell glued to the start of the word after it (a position: "
        "'3.' of '3.Anna', '3' of '3Quast'): a token is cut where a match ends"
    )
    cells_after_words: list[str] = Field(
        description="regexes of a cell glued to the end of the word before it (a rally "
        "class: 'RC2' of 'R5RC2'; the full stop after a model letter: '.' of 'GT3 R.'): "
        "a token is cut where a match starts"
    )


class AssemblyRules(CueFile):
    """``assembly.json``, read by ``gtextract.assemble``."""

    constructor_series: list[str] = Field(
        description="series (gazetteer names) whose entrants are the constructors (Ferrari)"
    )
    bracket_constructor_series: list[str] = Field(
        default_factory=list,
        description="series (gazetteer names) whose entrants are the constructors where "
        "the text names one as a driver's entrant: a make alone in brackets ('Evans (Jaguar)')",
    )
    team_frames: list[str] = Field(
        default_factory=list,
        description="words before or after a team's name that do not tell two teams apart "
        "('Team', 'Rennstall', 'GmbH'): 'Rennstall Huber Racing' is 'Team Huber Racing'",
    )
    engine_makes: list[str] = Field(
        default_factory=list,
        description="makes (gazetteer names) that build engines for others: after a "
        "constructor and a hyphen ('Williams-Renault') the engine, no constructor",
    )
    not_venue_compounds: list[str] = Field(
        default_factory=list,
        description="second parts of a hyphen compound that make the track in it no venue "
        "of the report (the historic win of a 'Le-Mans-Sieger')",
    )
    series_heads: list[str] = Field(
        default_factory=list,
        description="endings of a compound that make it a championship after a regional "
        "adjective ('meisterschaft': 'saarländische Rallye-Meisterschaft')",
    )
    series_adjective_endings: list[str] = Field(
        default_factory=list,
        description="endings of a regional or national adjective that opens a championship "
        "name ('ische', 'ischen': 'Südbayerische', 'saarländischen')",
    )
    series_compound_ends: list[str] = Field(
        default_factory=list,
        description="last parts of a hyphen compound of capitalised words that make it a "
        "series name ('Cup': 'Schwarzwald-Cup', 'DMSB-Schalt-Kart-Cup')",
    )
    hometown_verbs: list[str] = Field(
        default_factory=list,
        description="words right before 'aus' that give a person's or team's origin, not a "
        "venue ('stammt aus Monza', 'gebürtig aus Hockenheim')",
    )
    residence_words: list[str] = Field(
        default_factory=list,
        description="words right after 'in X' that make X a home, not a venue ('das in "
        "Oschersleben ansässige Team', 'der in Hockenheim lebt')",
    )
    town_venue_around: list[str] = Field(
        default_factory=list,
        description="phrases before a town that name it as a rally's venue ('rund um')",
    )
    town_venue_bracket_lines: list[str] = Field(
        default_factory=list,
        description="regexes: a line with one of them that ends in a bracketed town names "
        "that town as the venue ('ADAC-Sachsen-Rallye (Zwickau)')",
    )


class ResultFilterCues(CueFile):
    """``result_filter_cues.json``, read by ``gtx_result_filter``: word groups whose
    presence is a feature of a candidate result (the weights are learned)."""

    standings: list[str] = Field(description="regexes from a word start: a championship table")
    history: list[str] = Field(description="regexes from a word start: an earlier season or race")
    behind: list[str] = Field(description="regexes from a word start: a gap to someone else")
    progress: list[str] = Field(description="regexes from a word start: an order during the race")
    start_words: list[str] = Field(description="words right before a cue that make it a start slot")
