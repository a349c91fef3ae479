"""Small German race reports written for these tests (no third-party text)."""

from __future__ import annotations

SACHSENRING = """Kelvin van der Linde gewinnt auf dem Sachsenring

Kelvin van der Linde hat am Sonntag das zweite Rennen des ADAC GT Masters auf dem \
Sachsenring gewonnen. Der Südafrikaner setzte sich im Audi R8 LMS GT3 von Abt Sportsline \
mit 2,4 Sekunden Vorsprung vor Marco Wittmann im BMW M6 GT3 durch. Dritter wurde Sheldon \
van der Linde, der jüngere Bruder des Siegers. „Das Auto war heute perfekt“, sagte van der \
Linde nach dem Rennen. Das nächste Rennen findet am 12. September auf dem Nürburgring statt.
"""

LAUSITZ = """Doppelsieg für Mercedes-AMG in der Lausitz

Maro Engel hat das Samstagsrennen auf dem Lausitzring für sich entschieden. Der \
Mercedes-AMG GT3 des Teams HRT lag im Ziel 1,8 Sekunden vor dem Schwesterauto von Luca \
Stolz. Auf Rang drei kam Mirko Bortolotti im Lamborghini Huracán GT3 mit einer Runde \
Rückstand an, nachdem er eine Durchfahrtsstrafe absitzen musste. Das Team zeigte sich \
nach dem Rennen sehr zufrieden mit der Leistung beider Fahrer.
"""

NORDSCHLEIFE = """Regen bestimmt das Rennen auf der Nordschleife

Bei wechselhaften Bedingungen gewann Christopher Haase zusammen mit Markus Winkelhock \
den vierten Lauf der Langstreckenmeisterschaft auf dem Nürburgring. Die beiden Audi-Piloten \
hatten nach vier Stunden 38,5 Sekunden Vorsprung auf Kevin Estre, der den Manthey \
Racing Porsche 911 GT3 R fuhr. Frank Stippler schied nach einem Unfall in der dritten Runde aus. \
Der nächste Lauf ist für den 3. Oktober geplant.
"""

HOCKENHEIM = """Spannendes Finale in Hockenheim

Im letzten Rennen der Saison setzte sich René Rast im Audi RS 5 DTM gegen Nico Müller \
durch. Der Vorsprung betrug am Ende nur 0,7 Sekunden. Rast sicherte sich damit auch \
den Titel in der Fahrerwertung, Müller wurde Zweiter in der Meisterschaft. Dritter im \
Rennen wurde Robin Frijns, der von Startplatz neun nach vorne fuhr.
"""

OSCHERSLEBEN = """Carrera Cup: Laurin Heinrich siegt in Oschersleben

Laurin Heinrich hat den Lauf des Porsche Carrera Cup Deutschland in der Motorsport Arena \
Oschersleben gewonnen. Der Würzburger fuhr für das Team Huber Racing und hatte im Ziel \
3,2 Sekunden Vorsprung auf Larry ten Voorde. Auf dem dritten Platz landete Dylan Pereira \
nach einem Duell mit Jaxon Evans über die gesamte Distanz.
"""

REPORTS = [SACHSENRING, LAUSITZ, NORDSCHLEIFE, HOCKENHEIM, OSCHERSLEBEN]

ENGLISH = """Kelvin van der Linde wins at the Sachsenring

Kelvin van der Linde won the second race of the weekend at the Sachsenring on Sunday. \
The South African driver finished 2.4 seconds ahead of Marco Wittmann, with his brother \
Sheldon in third place. It was the first win of the season for the team, which had \
struggled with the balance of the car in the previous rounds.
"""


def html_page(title: str, body: str, date: str = "2021-08-15") -> str:
    """A news page with the menus, banners and footers a real site has."""
    paragraphs = "\n".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{date}T18:00:00+02:00"></head>
<body>
<nav><ul><li><a href="/">Startseite</a></li><li><a href="/dtm">DTM</a></li>
<li><a href="/gt">GT Masters</a></li><li><a href="/kontakt">Kontakt</a></li></ul></nav>
<div class="cookie-banner">Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie
der Datenschutzerklärung zu. <button>Alle Cookies akzeptieren</button></div>
<article><h1>{title}</h1>
<p class="date">Veröffentlicht am {date}</p>
{paragraphs}
</article>
<div class="share">Jetzt teilen auf Facebook | Twitter | WhatsApp</div>
<footer><p>Impressum | Datenschutz | © 2021 Rennsport-Fanseite</p></footer>
</body></html>
"""


def split_title(report: str) -> tuple[str, str]:
    title, _, body = report.partition("\n\n")
    return title.strip(), body.strip()
