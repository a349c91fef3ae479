"""The text step: files, bytes and strings -> clean report text.

Everything that reaches the spaCy pipeline goes through :func:`prepare_text`,
so evidence offsets in the records always refer to the *prepared* text
(``ArticleText.text``), never to the raw file.

Bad input raises the :mod:`gtextract.errors` classes, each with a message
that says what is wrong (size, encoding, kind of binary data).
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from gtextract.errors import (
    DecodingError,
    EmptyTextError,
    NotTextError,
    TextTooLargeError,
)

__all__ = [
    "MAX_CHARS",
    "ArticleText",
    "TextFormat",
    "decode_bytes",
    "html_to_article",
    "looks_like_html",
    "markdown_to_text",
    "prepare_text",
    "read_article",
]

MAX_CHARS = 1_000_000
"""Longest report text accepted (characters after preparation)."""

# A UTF-8 character takes at most 4 bytes: larger inputs cannot fit MAX_CHARS,
# so they are rejected before decoding them.
_MAX_BYTES_PER_CHAR = 4

TextFormat = Literal["text", "html", "markdown"]

_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown"}
_TEXT_SUFFIXES = {".txt", ".text"}

# Leading bytes of binary formats people drop into a folder of reports.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/ODT/XLSX)"),
    (b"PK\x05\x06", "empty ZIP archive"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "GZIP archive"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"BZh", "BZIP2 archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy MS Office document"),
    (b"\x7fELF", "executable"),
)
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")

# Typographic characters that cp1252 adds over Latin-1 and German texts use.
_GERMAN_EXTRA = set("„“”‚‘’–—…€•·«»›‹")
# Characters that never belong in a decoded German report.
_SUSPICIOUS = set("\ufffd")

# Zero-width and soft-hyphen characters: invisible, but they split words
# ("Kling\xadmann") and would defeat the gazetteers.
_INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


@dataclass(frozen=True)
class ArticleText:
    """One report ready for the pipeline, plus what the container told us."""

    text: str
    encoding: str | None
    format: TextFormat
    title: str | None = None
    published: date | None = None
    url: str | None = None


# --------------------------------------------------------------------------- bytes


def _binary_kind(data: bytes) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if b"\x00" in data[:8192] and not data.startswith(_UTF16_BOMS):
        return "binary data (contains NUL bytes)"
    return None


def _plausible_german(text: str) -> bool:
    """Is a single-byte decoding believable for a German report?

    A wrong code page shows up as control characters, or as punctuation glued
    between letters ("Gr„nde" from a DOS code page).
    """
    glued = 0
    non_ascii = 0
    for match in _NON_ASCII.finditer(text):
        ch, i = match.group(), match.start()
        non_ascii += 1
        if unicodedata.category(ch) == "Cc" or ch in _SUSPICIOUS:
            return False
        if ch.isalpha():
            continue
        if ch not in _GERMAN_EXTRA and unicodedata.category(ch)[0] not in "PSZN":
            return False
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalpha() and after.isalpha():
            glued += 1
    if non_ascii == 0:
        return True
    # German, even French, keeps most letters in ASCII; Cyrillic or Greek
    # read through a Latin code page does not.
    if non_ascii > 0.3 * (len(_ASCII_LETTER.findall(text)) + non_ascii):
        return False
    return glued <= max(1, non_ascii // 10)


_UTF8_OR_LATIN1 = {
    "utf-8",
    "utf8",
    "iso-8859-1",
    "iso8859-1",
    "latin-1",
    "latin1",
    "us-ascii",
    "ascii",
}
_C1_BYTE = re.compile(rb"[\x80-\x9f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
_UMLAUTS = set("äöüÄÖÜß")


def _umlaut_share(text: str) -> float:
    """Share of umlauts and ß among the non-ASCII characters."""
    found = _NON_ASCII.findall(text)
    return sum(ch in _UMLAUTS for ch in found) / len(found) if found else 0.0


_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode report bytes; return ``(text, encoding used)``.

    Order: UTF-8 (with or without BOM), UTF-16 with BOM, an HTML ``<meta
    charset>`` declaration, then Latin-1 / cp1252 when the result reads like
    German, then the DOS code page cp850 when it gives umlauts, then
    charset-normalizer's best guess.

    Raises:
        NotTextError: the bytes are a PDF, archive, image or other binary.
        DecodingError: no encoding gives plausible text.
    """
    kind = _binary_kind(data)
    if kind is not None:
        raise NotTextError(f"input is not text: {kind}")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise DecodingError(
                f"input starts with a UTF-8 byte order mark but is not valid UTF-8 "
                f"(byte {exc.start + 3})"
            ) from exc
    if data.startswith(_UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise DecodingError("input has a UTF-16 byte order mark but is not UTF-16") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # Reports cut to a length often end inside a multi-byte character:
        # drop the incomplete tail instead of giving up on UTF-8.
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8"), "utf-8"

    declared = _declared_charset(data)
    # Like browsers, read a Latin-1/ASCII declaration as its Windows superset
    # (the Latin path below): pages declaring ISO-8859-1 often hold cp1252 quotes.
    if declared and declared.replace("_", "-") not in _UTF8_OR_LATIN1:
        try:
            return data.decode(declared), declared
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; fall through to guessing

    # German archives are overwhelmingly Latin-1 or its Windows superset.
    # Name the encoding honestly: without bytes 0x80-0x9F both decode alike.
    has_c1_bytes = _C1_BYTE.search(data) is not None
    for encoding in ("cp1252",) if has_c1_bytes else ("latin-1",):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausible_german(text):
            return text, encoding

    # Old DOS exports: accept cp850 only when umlauts and ß dominate the result.
    text = data.decode("cp850")
    if _plausible_german(text) and _umlaut_share(text) >= 0.5:
        return text, "cp850"

    from charset_normalizer import from_bytes  # imported late: slow to import

    best = from_bytes(data).best()
    if best is None:
        raise DecodingError(
            "cannot decode input: not UTF-8, Latin-1 or cp1252, and no other encoding fits"
        )
    text = str(best)
    if not _plausible_text(text):
        raise DecodingError(f"cannot decode input: best guess {best.encoding} gives garbage")
    return text, best.encoding


def _plausible_text(text: str) -> bool:
    if not text:
        return True
    bad = sum(
        1
        for ch in text
        if ch in _SUSPICIOUS
        or (unicodedata.category(ch) in {"Cc", "Co", "Cn"} and ch not in "\n\r\t")
    )
    return bad / len(text) < 0.05


# --------------------------------------------------------------------------- text


_TAG_NAMES = (
    "html|head|body|div|span|p|a|br|table|tr|td|ul|ol|li|h[1-6]|article|section|"
    "header|footer|nav|main|script|style|meta|link|title|img|strong|em|b|i"
)
_HTML_START = re.compile(
    r"^\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html)\b", re.I | re.S
)
_HTML_TAG = re.compile(rf"</?(?:{_TAG_NAMES})\b[^<>]*>", re.I)


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment, False for plain text.

    A doctype or ``<html>`` at the start decides at once; otherwise a few
    well-known tags near the start must appear (one stray ``<b>`` in a plain
    text is not enough).
    """
    head = text[:5000]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(head)) >= 3


def prepare_text(text: str, *, max_chars: int = MAX_CHARS) -> str:
    """Normalise report text for the pipeline.

    The only changes: Unicode NFC; ``\\r\\n`` and lone ``\\r`` become ``\\n``;
    control characters other than ``\\n`` and ``\\t`` are removed, and so are
    soft hyphens and zero-width characters; other Unicode spaces (no-break,
    thin) become a plain space; leading and trailing whitespace is stripped.
    Evidence offsets refer to the returned string.

    Raises:
        EmptyTextError: nothing but whitespace.
        NotTextError: mostly non-printable characters (binary read as text).
        TextTooLargeError: longer than ``max_chars`` after normalisation.
    """
    if len(text) > max_chars * 2:
        # Far too large whatever the normalisation does: don't spend time on it.
        raise TextTooLargeError(_too_large_message(len(text), max_chars))
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyTextError("input is empty (no text, or whitespace only)")

    kept: list[str] = []
    garbage = 0  # control, private-use, unassigned and replacement characters
    for ch in text:
        if ch == "\n" or ch == "\t":
            kept.append(ch)
            continue
        category = unicodedata.category(ch)
        if category == "Cc":
            garbage += 1
        elif ch in _INVISIBLE:
            pass
        elif category == "Zs":
            kept.append(" ")
        else:
            if category in {"Co", "Cn"} or ch in _SUSPICIOUS:
                garbage += 1  # kept all the same: dropping letters-to-be would hide the problem
            kept.append(ch)
    cleaned = "".join(kept).strip()
    if not cleaned:
        raise EmptyTextError("input is empty (only control characters and whitespace)")
    if garbage > 0.3 * len(text):
        raise NotTextError(
            f"input is not text: {garbage:,} of {len(text):,} characters are non-printable"
        )
    if len(cleaned) > max_chars:
        raise TextTooLargeError(_too_large_message(len(cleaned), max_chars))
    return cleaned


def _too_large_message(size: int, max_chars: int) -> str:
    return f"input is too large: {size:,} characters (limit {max_chars:,})"


# --------------------------------------------------------------------------- HTML


_DROP_BLOCKS = re.compile(
    r"<(script|style|noscript|template|nav|header|footer|aside|form|svg|iframe)\b.*?</\1\s*>",
    re.I | re.S,
)
_COMMENT = re.compile(r"<!--.*?-->", re.S)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|tr|h[1-6]|article|section|table|ul|ol|blockquote)\b[^>]*>", re.I
)
_ANY_TAG = re.compile(r"<[^>]+>")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)


def _strip_tags(html: str) -> str:
    """Crude tag strip, used when trafilatura finds no main text."""
    html = _COMMENT.sub(" ", html)
    html = _DROP_BLOCKS.sub(" ", html)
    html = _BLOCK_TAG.sub("\n", html)
    html = _ANY_TAG.sub(" ", html)
    text = html_lib.unescape(html)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def html_to_article(html: str, *, url: str | None = None) -> ArticleText:
    """The main text of an HTML page, with its title and publication date.

    trafilatura drops menus, footers, cookie banners and share links; when it
    finds nothing (tiny pages, fragments) a plain tag strip is used instead.
    The text is not yet passed through :func:`prepare_text`.
    """
    import trafilatura  # imported late: pulls in lxml, htmldate, courlan

    title: str | None = None
    published: date | None = None
    text: str | None = None
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            # Metadata and markup only: a date guessed from the prose (an event
            # date) would shift the year of every relative date in the report.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura raises assorted lxml errors on broken markup
        doc = None
    if doc is not None:
        meta = doc if isinstance(doc, dict) else doc.as_dict()
        text = meta.get("text") or None
        title = meta.get("title") or None
        published = _parse_date(meta.get("date"))
    if not text or not text.strip():
        text = _strip_tags(html)
    if title is None:
        match = _TITLE.search(html)
        if match:
            title = " ".join(html_lib.unescape(_ANY_TAG.sub(" ", match.group(1))).split()) or None
    return ArticleText(
        text=text, encoding=None, format="html", title=title, published=published, url=url
    )


# --------------------------------------------------------------------------- markdown


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*?)[ \t#]*$", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_RULE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", re.M)


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Light Markdown clean-up: ``(text, title)``.

    Removes images, heading marks, bold markers and rules, keeps link texts;
    the first top-level heading becomes the title. Single ``*``/``_`` are
    left alone: they occur in plain reports (footnotes, car names).
    """
    title_match = re.search(r"^#[ \t]+(.+?)[ \t#]*$", markdown, re.M)
    title = title_match.group(1).strip() if title_match else None
    text = _MD_IMAGE.sub("", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_RULE.sub("", text)
    return text, title


# --------------------------------------------------------------------------- entry


def _format_for(name: str | None) -> TextFormat | None:
    if not name:
        return None
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in _TEXT_SUFFIXES:
        return "text"
    return None


def _is_path_like(source: str) -> bool:
    """A str names a file when it is one short line that exists or ends in a known suffix."""
    if "\n" in source or len(source) > 4096 or not source.strip():
        return False
    if _format_for(source) is not None and " " not in source.strip():
        return True
    try:
        return Path(source).is_file()
    except (OSError, ValueError):  # too long for the OS, or an embedded NUL
        return False


def _with_name(name: str | None, problem: Exception | str) -> str:
    return f"{name}: {problem}" if name else str(problem)


def read_article(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    max_chars: int = MAX_CHARS,
) -> ArticleText:
    """Read one report from a file, raw bytes or a string.

    - ``Path``: a file; its suffix decides the format (``.txt``, ``.md``,
      ``.html``/``.htm``), anything else is sniffed.
    - ``bytes``: decoded with :func:`decode_bytes`; ``name`` (a file name or
      URL), when given, supplies the suffix.
    - ``str``: a file path when it is a single line that names an existing
      file or ends in ``.txt``/``.md``/``.html``/``.htm`` (a missing one raises
      ``FileNotFoundError``); otherwise the report text itself.

    ``'-'`` (stdin) is the caller's business. Errors from
    :mod:`gtextract.errors` name the file when one is known.
    """
    encoding: str | None = None
    if isinstance(source, str) and _is_path_like(source):
        source = Path(source)
    if isinstance(source, Path):
        name = name or str(source)
        size = source.stat().st_size  # FileNotFoundError / PermissionError go to the caller
        if source.is_dir():
            raise IsADirectoryError(f"{source} is a directory, not a report file")
        if size > max_chars * _MAX_BYTES_PER_CHAR:  # reject before reading it all
            raise TextTooLargeError(
                f"{name}: input is too large: {size:,} bytes (limit {max_chars:,} characters)"
            )
        source = source.read_bytes()
    if isinstance(source, bytes):
        if len(source) > max_chars * _MAX_BYTES_PER_CHAR:
            message = f"input is too large: {len(source):,} bytes (limit {max_chars:,} characters)"
            raise TextTooLargeError(f"{name}: {message}" if name else message)
        try:
            raw, encoding = decode_bytes(source)
        except (NotTextError, DecodingError) as exc:
            raise type(exc)(_with_name(name, exc)) from exc
    else:
        raw = source

    fmt = _format_for(name) or ("html" if looks_like_html(raw) else "text")
    url = name if name and re.match(r"https?://", name) else None
    title: str | None = None
    published: date | None = None
    if fmt == "html":
        # The size limit applies to the main text, not to the markup around it.
        if len(raw) > max_chars * _MAX_BYTES_PER_CHAR:
            raise TextTooLargeError(_with_name(name, _too_large_message(len(raw), max_chars)))
        article = html_to_article(raw, url=url)
        raw, title, published = article.text, article.title, article.published
    elif fmt == "markdown":
        raw, title = markdown_to_text(raw)
    try:
        text = prepare_text(raw, max_chars=max_chars)
    except (EmptyTextError, NotTextError, TextTooLargeError) as exc:
        raise type(exc)(_with_name(name, exc)) from exc
    return ArticleText(
        text=text, encoding=encoding, format=fmt, title=title, published=published, url=url
    )
