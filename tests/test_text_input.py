"""The text step: decoding, HTML main text, normalisation and input errors."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import pytest

from gtextract.errors import (
    DecodingError,
    EmptyTextError,
    InputError,
    NotTextError,
    TextTooLargeError,
)
from gtextract.text_input import (
    MAX_CHARS,
    ArticleText,
    decode_bytes,
    html_to_article,
    looks_like_html,
    markdown_to_text,
    prepare_text,
    read_article,
)

SENTENCE = "Jörg Müller überholte in der Schikane und gewann vor Björn Weiß."

PAGE = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8">
<title>Müller siegt am Lausitzring | Motorblog</title>
<meta property="article:published_time" content="2021-05-09T18:00:00+02:00">
</head><body>
<header><nav><ul>
<li><a href="/">Startseite</a></li><li><a href="/news">Nachrichtenübersicht</a></li>
<li><a href="/kalender">Terminkalender</a></li></ul></nav></header>
<div id="cookie-banner" class="cookie-consent">Wir verwenden Cookies für Statistik.
<button>Alle akzeptieren</button></div>
<main><article><h1>Müller siegt am Lausitzring</h1>
<p>Jörg Müller hat am Sonntag den zweiten Lauf der Tourenwagen-Serie auf dem
Lausitzring gewonnen. Er lag im Ziel 2,4 Sekunden vor Björn Weiß.</p>
<p>Weiß war nach einem verpatzten Start von Rang sieben nach vorn gefahren.
Dritter wurde Tim Schulte im Porsche 911 GT3 R, der lange mit Bremsproblemen kämpfte.</p>
<p>Das nächste Rennen steht am 12. Juni in Oschersleben auf dem Programm.</p>
<div class="share">Jetzt teilen: Facebook Twitter WhatsApp</div>
</article></main>
<footer><p>Impressum · Datenschutzerklärung · Kontakt</p></footer>
</body></html>
"""


# --------------------------------------------------------------------------- prepare_text


def test_prepare_text_rejects_empty_and_whitespace() -> None:
    with pytest.raises(EmptyTextError):
        prepare_text("")
    with pytest.raises(EmptyTextError) as info:
        prepare_text("  \n\t \r\n ")
    assert info.value.reason == "empty"
    with pytest.raises(EmptyTextError):
        prepare_text("\x00\x00 \n")


def test_prepare_text_rejects_five_megabytes_and_names_the_size() -> None:
    text = "Der Audi fuhr vorne weg. " * 200_000  # 5,000,000 characters
    with pytest.raises(TextTooLargeError) as info:
        prepare_text(text)
    assert "5,000,000" in str(info.value)
    assert f"{MAX_CHARS:,}" in str(info.value)
    assert isinstance(info.value, InputError)


def test_prepare_text_limit_is_configurable() -> None:
    assert prepare_text("Platz eins", max_chars=10) == "Platz eins"
    with pytest.raises(TextTooLargeError):
        prepare_text("Platz zwei!", max_chars=10)


def test_prepare_text_normalisations_only() -> None:
    # decomposed ü (u + combining diaeresis) becomes one character
    assert prepare_text("Mu\u0308ller") == "Müller"
    assert prepare_text("Zeile 1\r\nZeile 2\rZeile 3") == "Zeile 1\nZeile 2\nZeile 3"
    assert prepare_text("Start\x00ziel\x07 und\tTab") == "Startziel und\tTab"
    assert prepare_text("Kling\xadmann fuhr\u200b vor") == "Klingmann fuhr vor"
    # no-break and thin spaces keep their place as plain spaces
    assert prepare_text("Platz\xa03 mit 1,5\u2009s") == "Platz 3 mit 1,5 s"
    assert prepare_text("\n\n  Rennbericht  \n") == "Rennbericht"


def test_prepare_text_keeps_plain_text_unchanged() -> None:
    text = "Der Sieger hieß „Huber“ – mit 0,3 s Vorsprung…\n\nZweiter: Weiß."
    assert prepare_text(text) == text


def test_prepare_text_rejects_mostly_control_characters() -> None:
    with pytest.raises(NotTextError):
        prepare_text("ab" + "\x01\x02\x03\x04" * 50)


# --------------------------------------------------------------------------- decode_bytes


def test_decode_utf8_with_and_without_bom() -> None:
    assert decode_bytes(SENTENCE.encode("utf-8")) == (SENTENCE, "utf-8")
    assert decode_bytes(b"\xef\xbb\xbf" + SENTENCE.encode("utf-8")) == (SENTENCE, "utf-8-sig")


def test_decode_utf8_cut_inside_a_character() -> None:
    data = SENTENCE.encode("utf-8") + "ü".encode()[:1]
    assert decode_bytes(data) == (SENTENCE, "utf-8")


def test_decode_latin1_german_sentence() -> None:
    text, encoding = decode_bytes(SENTENCE.encode("latin-1"))
    assert text == SENTENCE
    assert encoding == "latin-1"


def test_decode_cp1252_typographic_quotes() -> None:
    sentence = "„Das war ein hartes Rennen“, sagte Weiß – er wurde Zweiter…"
    text, encoding = decode_bytes(sentence.encode("cp1252"))
    assert text == sentence
    assert encoding == "cp1252"


def test_decode_dos_code_page_is_not_misread_as_cp1252() -> None:
    # cp850 "ä"/"ö" are cp1252 quotes: glued between letters they give the guess away
    sentence = (
        "Jörg Müller überholte in der Schikane und gewann vor Björn Weiß, Schröder schied aus."
    )
    text, encoding = decode_bytes(sentence.encode("cp850"))
    assert text == sentence
    assert encoding != "cp1252"


def test_decode_html_declaring_latin1_reads_cp1252_quotes() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body>„Klasse“, sagte Weiß</body></html>'
    text, encoding = decode_bytes(page.encode("cp1252"))
    assert "„Klasse“" in text and encoding == "cp1252"


def test_decode_cyrillic_code_page_is_not_taken_for_latin1() -> None:
    sentence = "Гонка в Хоккенхайме была захватывающей, победил Иванов на последнем круге."
    text, encoding = decode_bytes(sentence.encode("cp1251"))
    assert encoding not in {"latin-1", "cp1252"}
    assert text == sentence


def test_decode_utf16_with_bom() -> None:
    assert decode_bytes(SENTENCE.encode("utf-16")) == (SENTENCE, "utf-16")


def test_decode_declared_html_charset() -> None:
    page = '<html><head><meta charset="iso-8859-15"></head><body>Preis: 5 €</body></html>'
    text, encoding = decode_bytes(page.encode("iso-8859-15"))
    assert "5 €" in text
    assert encoding == "iso-8859-15"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (gzip.compress(SENTENCE.encode()), "GZIP"),
        (b"Rennen\x00\x00\x01\x02Sieger\x00", "NUL"),
    ],
)
def test_decode_rejects_binary(data: bytes, kind: str) -> None:
    with pytest.raises(NotTextError) as info:
        decode_bytes(data)
    assert kind in str(info.value)
    assert info.value.reason == "not_text"


def test_decode_error_is_an_input_error() -> None:
    assert issubclass(DecodingError, InputError)
    assert DecodingError.reason == "undecodable"


# --------------------------------------------------------------------------- HTML


def test_looks_like_html() -> None:
    assert looks_like_html(PAGE)
    assert looks_like_html("<p>Erster Absatz</p><p>Zweiter <b>Absatz</b></p>")
    assert not looks_like_html(SENTENCE)
    assert not looks_like_html("Vorsprung <1 s, Abstand > 2 s, und ein <b>-Tag")


def test_html_main_text_without_menus_footer_and_banner() -> None:
    article = html_to_article(PAGE)
    assert "Jörg Müller hat am Sonntag den zweiten Lauf" in article.text
    assert "Das nächste Rennen steht am 12. Juni" in article.text
    for boilerplate in ("Startseite", "Terminkalender", "Cookies", "akzeptieren", "Impressum"):
        assert boilerplate not in article.text
    assert article.title is not None and "Müller siegt am Lausitzring" in article.title
    assert article.published == date(2021, 5, 9)
    assert article.format == "html"


def test_html_fragment_falls_back_to_tag_strip() -> None:
    article = html_to_article("<div><b>Kurz:</b> Weiß &amp; Müller auf dem Podium.</div>")
    assert "Weiß & Müller auf dem Podium." in article.text
    assert "<" not in article.text


# --------------------------------------------------------------------------- markdown


def test_markdown_cleanup() -> None:
    text, title = markdown_to_text(
        "# Sieg in der Eifel\n\n**Jörg Müller** gewann, [Bericht](https://x.invalid/a).\n"
    )
    assert title == "Sieg in der Eifel"
    assert "Jörg Müller gewann, Bericht." in text
    assert "**" not in text and "](" not in text


# --------------------------------------------------------------------------- read_article


def test_read_article_text_file_latin1(tmp_path: Path) -> None:
    path = tmp_path / "bericht.txt"
    path.write_bytes((SENTENCE + "\r\n").encode("latin-1"))
    article = read_article(path)
    assert article == ArticleText(text=SENTENCE, encoding="latin-1", format="text")
    # a str path works too
    assert read_article(str(path)).text == SENTENCE


def test_read_article_html_by_suffix_and_by_sniffing(tmp_path: Path) -> None:
    html_file = tmp_path / "seite.html"
    html_file.write_text(PAGE, encoding="utf-8")
    article = read_article(html_file)
    assert article.format == "html" and article.encoding == "utf-8"
    assert "Startseite" not in article.text and "Björn Weiß" in article.text

    unknown = tmp_path / "seite.dat"
    unknown.write_text(PAGE, encoding="utf-8")
    assert read_article(unknown).format == "html"
    assert read_article(PAGE.encode("utf-8")).format == "html"


def test_read_article_markdown_file(tmp_path: Path) -> None:
    path = tmp_path / "bericht.md"
    path.write_text("# Titel\n\n**Weiß** wurde Zweiter.\n", encoding="utf-8")
    article = read_article(path)
    assert article.format == "markdown"
    assert article.title == "Titel"
    assert article.text.endswith("Weiß wurde Zweiter.")


def test_read_article_plain_string_is_text() -> None:
    article = read_article("  " + SENTENCE + "\n")
    assert article.text == SENTENCE
    assert article.encoding is None and article.format == "text"


def test_read_article_errors_name_the_file(tmp_path: Path) -> None:
    empty = tmp_path / "leer.txt"
    empty.write_bytes(b"  \n")
    with pytest.raises(EmptyTextError, match="leer.txt"):
        read_article(empty)

    pdf = tmp_path / "bericht.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    with pytest.raises(NotTextError, match=r"bericht\.pdf.*PDF"):
        read_article(pdf)

    big = tmp_path / "gross.txt"
    big.write_bytes(b"Der Audi fuhr vorne weg. " * 200_000)
    with pytest.raises(TextTooLargeError, match="5,000,000"):
        read_article(big)
    with pytest.raises(TextTooLargeError):
        read_article(big, max_chars=4_000_000)  # 5 MB decode to 5 M characters

    with pytest.raises(FileNotFoundError):
        read_article(tmp_path / "fehlt.txt")
    with pytest.raises(FileNotFoundError):
        read_article("fehlt-auch.txt")


def test_html_date_only_from_metadata_not_from_prose() -> None:
    body = "<p>Das Rennen am 12. Juni 2019 in Oschersleben war lange offen und spannend.</p>" * 5
    page = (
        f"<html><head><title>Rückblick</title></head><body><article>{body}</article></body></html>"
    )
    article = html_to_article(page)
    assert article.published is None
    assert article.title == "Rückblick"
