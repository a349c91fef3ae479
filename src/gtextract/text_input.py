"""The text step: files, bytes and strings -> clean report text.

Everything that reaches the spaCy pipeline goes through :func:`prepare`, so
evidence offsets in the records refer to the *prepared* text
(``ArticleText.text``, ``PreparedText.text``); ``PreparedText.original_span``
maps them back into the text as it was given.

:func:`prepare_article` is the one preparation that the library
(``Extractor``) and the batch workers share: HTML -> main text, Markdown ->
text, normalisation, size limit and the language check.

Every input is read with a bound (:func:`read_bounded`): a device, an endless
pipe or a huge file costs at most the size limit, never more.

Bad input raises the :mod:`gtextract.errors` classes, each with a message
that says what is wrong (size, encoding, kind of binary data).
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import IO, Literal

from gtextract.errors import (
    DecodingError,
    EmptyTextError,
    InputError,
    MissingDependencyError,
    NotGermanError,
    NotTextError,
    TextTooLargeError,
    not_a_str,
)

__all__ = [
    "MAX_CHARS",
    "PARAGRAPH_CHARS",
    "ArticleText",
    "PreparedText",
    "TextFormat",
    "check_german",
    "decode_bytes",
    "html_to_article",
    "looks_german",
    "looks_like_html",
    "markdown_to_text",
    "max_bytes",
    "prepare",
    "prepare_article",
    "prepare_text",
    "read_article",
    "read_bounded",
]

MAX_CHARS = 200_000
"""Longest report text accepted (characters after preparation).

The base model's memory grows with the length of one text (about 2.7 MB per
1,000 characters with the bundled model), so this limit is what keeps a
process under 1 GB whatever it is given (see docs/limits.md)."""

PARAGRAPH_CHARS = 5_000
"""Longest paragraph (text between blank lines) handed to the pipeline.

The components look at the paragraph around every number and name; a longer
paragraph is split (at a line break, else a sentence end, else a space) so
that the time stays linear in the text length."""

# A UTF-8 character takes at most 4 bytes: larger inputs cannot fit MAX_CHARS,
# so they are rejected before decoding them (HTML markup gets the same room).
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


@dataclass(frozen=True)
class ArticleText:
    """One report ready for the pipeline, plus what the container told us.

    ``prepared`` (when set) maps offsets in ``text`` back to the text before
    normalisation (after decoding and HTML/Markdown reduction).
    """

    text: str
    encoding: str | None
    format: TextFormat
    title: str | None = None
    published: date | None = None
    url: str | None = None
    prepared: PreparedText | None = field(default=None, compare=False, repr=False)


def max_bytes(max_chars: int = MAX_CHARS) -> int:
    """The most bytes read for one article of at most ``max_chars`` characters."""
    return max_chars * _MAX_BYTES_PER_CHAR


def _bytes_too_large(size: str, max_chars: int, name: str | None = None) -> TextTooLargeError:
    message = f"input is too large: {size} bytes (limit {max_chars:,} characters)"
    return TextTooLargeError(_with_name(name, message))


def read_bounded(
    stream: IO[bytes], *, max_chars: int = MAX_CHARS, name: str | None = None
) -> bytes:
    """All bytes of ``stream`` if there are at most :func:`max_bytes`, else TextTooLargeError.

    Reads at most that bound plus one byte, in blocks: ``/dev/zero``, an
    endless pipe or a 1 GiB archive member cost the bound, not their size.
    """
    limit = max_bytes(max_chars)
    blocks: list[bytes] = []
    size = 0
    while size <= limit:
        block = stream.read(min(1 << 20, limit + 1 - size))
        if not block:
            break
        blocks.append(block)
        size += len(block)
    if size > limit:
        raise _bytes_too_large(f"more than {limit:,}", max_chars, name)
    return b"".join(blocks)


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


# --------------------------------------------------------------------------- offset map


@dataclass(frozen=True)
class _Step:
    """One preparation step: which stretch of its input each stretch of its output came from.

    Segment ``k`` starts at ``new_starts[k]`` in the output and stands for
    ``old[old_starts[k]:old_ends[k]]``; a copy maps character by character, a
    replacement as a whole. Characters removed lie between segments.
    """

    new_starts: list[int]
    old_starts: list[int]
    old_ends: list[int]
    copies: list[bool]
    new_len: int

    def _left(self, i: int) -> int:
        k = bisect_right(self.new_starts, i) - 1
        return (
            self.old_starts[k] + (i - self.new_starts[k]) if self.copies[k] else self.old_starts[k]
        )

    def _right(self, i: int) -> int:
        k = bisect_right(self.new_starts, i) - 1
        if self.copies[k]:
            return self.old_starts[k] + (i - self.new_starts[k]) + 1
        return self.old_ends[k]

    def span(self, start: int, end: int) -> tuple[int, int]:
        if not self.new_len:
            return 0, 0
        start = min(max(start, 0), self.new_len)
        end = min(max(end, start), self.new_len)
        if start == end:
            point = self._right(start - 1) if start == self.new_len else self._left(start)
            return point, point
        return self._left(start), self._right(end - 1)


class _Builder:
    """Builds the output of a step from copies and replacements of its input."""

    def __init__(self, old: str) -> None:
        self.old = old
        self.parts: list[str] = []
        self.new_starts: list[int] = []
        self.old_starts: list[int] = []
        self.old_ends: list[int] = []
        self.copies: list[bool] = []
        self.size = 0

    def _segment(self, start: int, end: int, copy: bool) -> None:
        self.new_starts.append(self.size)
        self.old_starts.append(start)
        self.old_ends.append(end)
        self.copies.append(copy)

    def copy(self, start: int, end: int) -> None:
        if start >= end:
            return
        if self.copies and self.copies[-1] and self.old_ends[-1] == start:
            self.old_ends[-1] = end
        else:
            self._segment(start, end, True)
        self.parts.append(self.old[start:end])
        self.size += end - start

    def put(self, new: str, start: int, end: int) -> None:
        """``new`` stands for ``old[start:end]`` (empty ``new``: the stretch is removed)."""
        if new:
            self._segment(start, end, False)
            self.parts.append(new)
            self.size += len(new)

    def done(self) -> tuple[str, _Step | None]:
        whole = self.copies == [True] and self.old_starts[0] == 0
        if whole and self.old_ends[0] == len(self.old):
            return self.old, None  # nothing changed
        step = _Step(self.new_starts, self.old_starts, self.old_ends, self.copies, self.size)
        return "".join(self.parts), step


@dataclass(frozen=True)
class PreparedText:
    """A report text as the pipeline sees it, and the way back to the text as given."""

    text: str
    original: str
    steps: tuple[_Step, ...] = field(default=(), repr=False)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ``original`` of ``text[start:end]`` (e.g. an evidence's offsets).

        Removed characters inside the span (a soft hyphen, a bidi mark) are
        inside the returned span too; a span over a replaced character (a
        no-break space, ``\\r\\n``) covers the whole original.
        """
        for step in reversed(self.steps):
            start, end = step.span(start, end)
        return start, end


# --------------------------------------------------------------------------- normalisation

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Terminal escape sequences (ECMA-48): CSI "ESC [ ... final", OSC "ESC ] ... BEL|ST",
# DCS/SOS/PM/APC "ESC P|X|^|_ ... ST", and two-character ones ("ESC c", "ESC (B").
_ANSI = (
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b\n]{0,512}(?:\x07|\x1b\\)"
    r"|\x1b[PX^_][^\x1b]{0,1024}\x1b\\"
    r"|\x1b[ -/]*[0-~]"
)
_C1_CSI = r"\x9b[0-?]*[ -/]*[@-~]"
_REMOVED_CATEGORIES = {"Cc", "Cf"}  # controls; format characters (bidi, zero-width, soft hyphen)
_LINE_BREAKS = {"\r", "\u2028", "\u2029"}


def _is_special(ch: str) -> bool:
    if ch in "\n\t ":
        return False
    return ch in _LINE_BREAKS or unicodedata.category(ch) in {"Cc", "Cf", "Zs", "Zl", "Zp"}


def _is_garbage(ch: str) -> bool:
    """Kept, but a sign of binary data: private-use, unassigned, replacement characters."""
    return ch in _SUSPICIOUS or (not ch.isascii() and unicodedata.category(ch) in {"Co", "Cn"})


@lru_cache(maxsize=64)
def _special_pattern(chars: str) -> re.Pattern[str]:
    alternatives = []
    if "\x1b" in chars:
        alternatives.append(_ANSI)
    if "\x9b" in chars:
        alternatives.append(_C1_CSI)
    if "\r" in chars:
        alternatives.append("\r\n")
    alternatives.append("[" + "".join(re.escape(ch) for ch in chars) + "]")
    return re.compile("|".join(alternatives))


def _nfc(text: str) -> tuple[str, _Step | None]:
    """Unicode NFC, stretch by stretch of non-ASCII characters (so offsets map back)."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out = _Builder(text)
    pos = 0
    for match in _NON_ASCII_RUN.finditer(text):
        start, end = match.span()
        if start > pos:
            start -= 1  # a combining mark composes with the ASCII letter before it
        chunk = text[start:end]
        normal = unicodedata.normalize("NFC", chunk)
        if normal != chunk:
            out.copy(pos, start)
            out.put(normal, start, end)
            pos = end
    out.copy(pos, len(text))
    return out.done()


def _clean(text: str) -> tuple[str, _Step | None, int]:
    """Remove controls, terminal escapes, bidi and zero-width characters and soft
    hyphens; line breaks become ``\\n``, Unicode spaces a plain space.

    Returns the text, its step and the number of characters that look like
    binary data (control, private-use, unassigned, replacement characters).
    """
    distinct = set(text)
    garbage = sum(text.count(ch) for ch in distinct if _is_garbage(ch))
    specials = "".join(sorted(ch for ch in distinct if _is_special(ch)))
    if not specials:
        return text, None, garbage
    out = _Builder(text)
    pos = 0
    for match in _special_pattern(specials).finditer(text):
        found = match.group()
        if found == "\r\n" or found in _LINE_BREAKS:
            new = "\n"
        elif len(found) > 1:
            new = ""  # a terminal escape sequence
        else:
            category = unicodedata.category(found)
            new = " " if category == "Zs" else ""
            garbage += category == "Cc"
        out.copy(pos, match.start())
        out.put(new, match.start(), match.end())
        pos = match.end()
    out.copy(pos, len(text))
    cleaned, step = out.done()
    return cleaned, step, garbage


def _strip(text: str) -> tuple[str, _Step | None]:
    stripped = text.strip()
    if len(stripped) == len(text):
        return text, None
    out = _Builder(text)
    start = len(text) - len(text.lstrip())
    out.copy(start, start + len(stripped))
    return out.done()


# A sentence end inside a line: ". " before a capital letter or a digit.
_SENTENCE_END = re.compile(r"[.!?…][\"'“”»«’)]*( )(?=[\"'„“»«(]*[A-ZÄÖÜ0-9])")


def _break_point(text: str, start: int, limit: int) -> tuple[int, int]:
    """Where to split a paragraph that starts at ``start`` and runs past ``start + limit``.

    Returns ``(index, width)``: the character to replace by a blank line
    (width 1), or a place to insert one (width 0). Prefers a line break, then
    a sentence end, then any space, in the second half of the allowed length.
    """
    low, high = start + limit // 2, start + limit
    newline = text.rfind("\n", low, high)
    if newline != -1:
        return newline, 1
    ends = [m.start(1) for m in _SENTENCE_END.finditer(text, low, high)]
    if ends:
        return ends[-1], 1
    space = max(text.rfind(" ", low, high), text.rfind("\t", low, high))
    if space != -1:
        return space, 1
    return high, 0


def _bound_paragraphs(text: str, limit: int) -> tuple[str, _Step | None]:
    """Split every paragraph longer than ``limit`` characters with blank lines."""
    if len(text) <= limit:
        return text, None
    out = _Builder(text)
    pos = start = 0
    while True:
        separator = text.find("\n\n", start)
        end = len(text) if separator == -1 else separator
        while end - start > limit:
            cut, width = _break_point(text, start, limit)
            out.copy(pos, cut)
            out.put("\n\n", cut, cut + width)
            pos = start = cut + width
        if separator == -1:
            break
        start = separator + 2
    out.copy(pos, len(text))
    return out.done()


def prepare(text: str, *, max_chars: int = MAX_CHARS) -> PreparedText:
    """Normalise report text for the pipeline; keep the way back to ``text``.

    The changes: Unicode NFC; ``\\r\\n``, lone ``\\r`` and Unicode line and
    paragraph separators become ``\\n``; control characters other than
    ``\\n`` and ``\\t``, terminal escape sequences (ANSI colours), format
    characters (bidi controls and isolates, zero-width characters, soft
    hyphens, byte order marks) are removed; other Unicode spaces (no-break,
    thin) become a plain space; leading and trailing whitespace is stripped;
    a paragraph longer than :data:`PARAGRAPH_CHARS` is split with a blank
    line. Evidence offsets refer to ``.text``; ``.original_span`` maps them
    back.

    Raises:
        InputTypeError: ``text`` is not a str.
        DecodingError: ``text`` holds lone surrogates (not valid Unicode).
        EmptyTextError: nothing but whitespace.
        NotTextError: mostly non-printable characters (binary read as text).
        TextTooLargeError: longer than ``max_chars`` after normalisation.
    """
    if not isinstance(text, str):
        raise not_a_str(text)
    if len(text) > max_chars * 2:
        # Far too large whatever the normalisation does: don't spend time on it.
        raise TextTooLargeError(_too_large_message(len(text), max_chars))
    surrogate = _SURROGATE.search(text)
    if surrogate is not None:
        raise DecodingError(
            f"input is not valid Unicode: a lone surrogate U+{ord(surrogate.group()):04X} "
            f"at character {surrogate.start():,}"
        )
    steps: list[_Step | None] = []
    normal, step = _nfc(text)
    steps.append(step)
    if not normal.strip():
        raise EmptyTextError("input is empty (no text, or whitespace only)")
    cleaned, step, garbage = _clean(normal)
    steps.append(step)
    cleaned, step = _strip(cleaned)
    steps.append(step)
    if not cleaned:
        raise EmptyTextError("input is empty (only control characters and whitespace)")
    if garbage > 0.3 * len(normal):
        raise NotTextError(
            f"input is not text: {garbage:,} of {len(normal):,} characters are non-printable"
        )
    if len(cleaned) > max_chars:
        raise TextTooLargeError(_too_large_message(len(cleaned), max_chars))
    bounded, step = _bound_paragraphs(cleaned, PARAGRAPH_CHARS)
    steps.append(step)
    return PreparedText(bounded, text, tuple(s for s in steps if s is not None))


def prepare_text(text: str, *, max_chars: int = MAX_CHARS) -> str:
    """The prepared text of :func:`prepare` (without the way back)."""
    return prepare(text, max_chars=max_chars).text


def _too_large_message(size: int, max_chars: int) -> str:
    return f"input is too large: {size:,} characters (limit {max_chars:,})"


# --------------------------------------------------------------------------- language

# Frequent function words of German and of the languages a motorsport archive
# also holds; none is a name particle ("van", "de", "di", "la") or a German word.
_GERMAN_WORDS = (
    "der die das und den dem des ein eine einer einen einem nicht mit sich auf für ist "
    "im zu von sie er es wir ich auch als wie bei nach aus noch wurde wurden hat haben "
    "sind war waren vor über zum zur beim vom nur dann doch schon sehr mehr wieder "
    "gegen unter durch seinem seine seiner ihre ihren ihrem dass aber oder wenn kann"
)
_OTHER_WORDS = {
    "English": (
        "the and of to is was with for that this on at from by his her their were are have "
        "has had it its be been not but which after before when"
    ),
    "French": (
        "le les et des du une est dans pour que qui avec sur au aux par pas il elle ce cette "
        "sont ont été"
    ),
    "Italian": "il gli della delle che per con una sono nel nella alla degli ha non è",
    "Spanish": "el los las y del por con que una es para su al fue en",
    "Dutch": "het een en niet zijn werd heeft naar ook maar dat deze wordt bij",
}
_GERMAN = frozenset(_GERMAN_WORDS.split())
_OTHER_LANGUAGES = {language: frozenset(words.split()) for language, words in _OTHER_WORDS.items()}
_WORD = re.compile(r"[^\W\d_]+")
_MIN_WORDS = 12  # fewer words: too little to judge (a results line, a heading)
_SHARE = 0.05  # function words make 20-40 % of prose; 5 % is a clear signal


def _language_counts(text: str, sample: int) -> tuple[int, int, str, int]:
    words = _WORD.findall(text[:sample].lower())
    german = sum(1 for w in words if w in _GERMAN)
    other, other_count = "", 0
    for language, vocabulary in _OTHER_LANGUAGES.items():
        count = sum(1 for w in words if w in vocabulary)
        if count > other_count:
            other, other_count = language, count
    return len(words), german, other, other_count


def looks_german(text: str, *, sample: int = 20_000) -> bool:
    """Cheap language check: False only for text that is clearly another language.

    German prose passes (enough German function words, more than of any other
    language); so do texts too short to judge and tables of names, numbers
    and times, which have few function words of any language. A text whose
    function words are mostly English, French, Italian, Spanish or Dutch
    fails.
    """
    n_words, german, _, other = _language_counts(text, sample)
    if n_words < _MIN_WORDS or german > other:
        return True
    return other < _SHARE * n_words


def check_german(text: str, *, sample: int = 20_000) -> None:
    """Raise NotGermanError unless :func:`looks_german`, naming the language it looks like."""
    if looks_german(text, sample=sample):
        return
    n_words, german, language, other = _language_counts(text, sample)
    raise NotGermanError(
        f"input does not look like German text: {other} of {n_words} words are {language} "
        f"function words, {german} German ones"
    )


# --------------------------------------------------------------------------- HTML


# The tag strip and the title search must stay linear on hostile markup (thousands
# of unclosed "<script" or "<!--"): a lazy ".*?" up to a closing tag that never
# comes rescans the rest of the page from every opening, so closings are looked
# up with one search per kind, remembered when there is none.
_DROPPED = "script|style|noscript|template|nav|header|footer|aside|form|svg|iframe"
_DROP_OPEN = re.compile(rf"<!--|<({_DROPPED})\b", re.I)
_DROP_CLOSE = {name: re.compile(rf"</{name}\s*>", re.I) for name in _DROPPED.split("|")}
_COMMENT_CLOSE = re.compile("-->")
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|tr|h[1-6]|article|section|table|ul|ol|blockquote)\b[^<>]*>", re.I
)
_ANY_TAG = re.compile(r"<[^<>]+>")
_TITLE_OPEN = re.compile(r"<title\b[^<>]*>", re.I)
_TITLE_CLOSE = re.compile(r"</title\s*>", re.I)


def _drop_blocks(html: str) -> str:
    """Comments and script/style/navigation blocks replaced by a space."""
    kept: list[str] = []
    pos = 0
    unclosed: set[str] = set()  # kinds with no closing tag after some point: none later either
    for opening in _DROP_OPEN.finditer(html):
        if opening.start() < pos:
            continue  # inside a block dropped already
        kind = (opening.group(1) or "--").lower()
        if kind in unclosed:
            continue
        close = _COMMENT_CLOSE if kind == "--" else _DROP_CLOSE[kind]
        closing = close.search(html, opening.end())
        if closing is None:
            unclosed.add(kind)  # kept as it is, like an unmatched pattern before
            continue
        kept.append(html[pos : opening.start()])
        kept.append(" ")
        pos = closing.end()
    kept.append(html[pos:])
    return "".join(kept)


def _strip_tags(html: str) -> str:
    """Crude tag strip, used when trafilatura finds no main text."""
    html = _drop_blocks(html)
    html = _BLOCK_TAG.sub("\n", html)
    html = _ANY_TAG.sub(" ", html)
    text = html_lib.unescape(html)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _page_title(html: str) -> str | None:
    opening = _TITLE_OPEN.search(html)
    closing = _TITLE_CLOSE.search(html, opening.end()) if opening else None
    if opening is None or closing is None:
        return None
    inner = html[opening.end() : closing.start()]
    return " ".join(html_lib.unescape(_ANY_TAG.sub(" ", inner)).split()) or None


def _parse_date(value: object) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _missing_dependency(exc: ImportError) -> MissingDependencyError:
    detail = " ".join(str(exc).split())
    return MissingDependencyError(
        f"cannot read HTML: this installation lacks a module trafilatura needs ({detail}); "
        "install it, e.g. pip install lxml_html_clean"
    )


def html_to_article(html: str, *, url: str | None = None) -> ArticleText:
    """The main text of an HTML page, with its title and publication date.

    trafilatura drops menus, footers, cookie banners and share links; when it
    finds nothing (tiny pages, fragments) a plain tag strip is used instead.
    The text is not yet passed through :func:`prepare`.

    Raises:
        MissingDependencyError: trafilatura or a module it needs is missing
            (a broken installation, not a broken page).
    """
    try:
        import trafilatura  # imported late: pulls in lxml, htmldate, courlan
    except ImportError as exc:
        raise _missing_dependency(exc) from exc

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
    except ImportError as exc:  # a lazily imported module of trafilatura
        raise _missing_dependency(exc) from exc
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
        title = _page_title(html)
    return ArticleText(
        text=text, encoding=None, format="html", title=title, published=published, url=url
    )


# --------------------------------------------------------------------------- markdown


# Bounded and bracket-free inner parts keep these linear on hostile input
# ("[[[[..." or "**" repeated on one long line).
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.{0,500}?)[ \t#]{0,50}$", re.M)
_MD_TITLE = re.compile(r"^#[ \t]+(.{1,500}?)[ \t#]{0,50}$", re.M)
_MD_EMPHASIS = re.compile(
    r"\*\*(?=\S)([^*\n]{1,1000}?)(?<=\S)\*\*|__(?=\S)([^_\n]{1,1000}?)(?<=\S)__"
)
_MD_RULE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$", re.M)


def markdown_to_text(markdown: str) -> tuple[str, str | None]:
    """Light Markdown clean-up: ``(text, title)``.

    Removes images, heading marks, bold markers and rules, keeps link texts;
    the first top-level heading becomes the title. Single ``*``/``_`` are
    left alone: they occur in plain reports (footnotes, car names).
    """
    title_match = _MD_TITLE.search(markdown)
    title = title_match.group(1).strip() if title_match else None
    text = _MD_IMAGE.sub("", markdown)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), text)
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


def prepare_article(
    text: str,
    *,
    fmt: TextFormat | None = None,
    name: str | None = None,
    url: str | None = None,
    encoding: str | None = None,
    max_chars: int = MAX_CHARS,
) -> ArticleText:
    """The one preparation of library and batch: a report as a str -> ArticleText.

    HTML (``fmt="html"``, an ``.html`` ``name``, or sniffed) is reduced to its
    main text with its title and date; Markdown (``fmt``/``name``) loses its
    markup; then :func:`prepare` normalises the text and :func:`check_german`
    refuses text in another language. Errors name ``name`` when given.

    Raises:
        InputError: the subclasses of :func:`prepare`, NotGermanError, and
            TextTooLargeError for HTML of more than :func:`max_bytes` characters.
        MissingDependencyError: HTML support is not installed properly.
    """
    if not isinstance(text, str):
        raise not_a_str(text)
    fmt = fmt or _format_for(name) or ("html" if looks_like_html(text) else "text")
    title: str | None = None
    published: date | None = None
    if fmt == "html":
        # The size limit applies to the main text, not to the markup around it.
        if len(text) > max_bytes(max_chars):
            raise TextTooLargeError(
                _with_name(
                    name,
                    f"input is too large: {len(text):,} characters of HTML "
                    f"(limit {max_chars:,} characters of text)",
                )
            )
        page = html_to_article(text, url=url)
        text, title, published = page.text, page.title, page.published
    elif fmt == "markdown":
        text, title = markdown_to_text(text)
    try:
        prepared = prepare(text, max_chars=max_chars)
        check_german(prepared.text)
    except InputError as exc:
        raise type(exc)(_with_name(name, exc)) from exc
    return ArticleText(
        text=prepared.text,
        encoding=encoding,
        format=fmt,
        title=title,
        published=published,
        url=url,
        prepared=prepared,
    )


def _read_file(path: Path, name: str, max_chars: int) -> bytes:
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a directory, not a report file")
    size = path.stat().st_size  # FileNotFoundError / PermissionError go to the caller
    if size > max_bytes(max_chars):  # a regular file: reject before reading it
        raise _bytes_too_large(f"{size:,}", max_chars, name)
    with open(path, "rb") as stream:  # devices and pipes report size 0: read with a bound
        return read_bounded(stream, max_chars=max_chars, name=name)


def read_article(
    source: str | Path | bytes,
    *,
    name: str | None = None,
    fmt: TextFormat | None = None,
    max_chars: int = MAX_CHARS,
) -> ArticleText:
    """Read one report from a file, raw bytes or a string.

    - ``Path``: a file; its suffix decides the format (``.txt``, ``.md``,
      ``.html``/``.htm``), anything else is sniffed. At most
      :func:`max_bytes` are read, whatever the file (``/dev/zero`` too).
    - ``bytes``: decoded with :func:`decode_bytes`; ``name`` (a file name or
      URL), when given, supplies the suffix.
    - ``str``: a file path when it is a single line that names an existing
      file or ends in ``.txt``/``.md``/``.html``/``.htm`` (a missing one raises
      ``FileNotFoundError``); otherwise the report text itself.

    ``fmt`` overrides the format the name or the content suggest (a WARC
    response says HTML in its headers, not in its URL). The text then goes
    through :func:`prepare_article`. ``'-'`` (stdin) is the caller's business
    (:func:`read_bounded`). Errors from :mod:`gtextract.errors` name the file
    when one is known.
    """
    encoding: str | None = None
    if isinstance(source, str) and _is_path_like(source):
        source = Path(source)
    if isinstance(source, Path):
        name = name or str(source)
        source = _read_file(source, name, max_chars)
    if isinstance(source, bytes):
        if len(source) > max_bytes(max_chars):
            raise _bytes_too_large(f"{len(source):,}", max_chars, name)
        try:
            raw, encoding = decode_bytes(source)
        except (NotTextError, DecodingError) as exc:
            raise type(exc)(_with_name(name, exc)) from exc
    elif isinstance(source, str):
        raw = source
    else:
        raise not_a_str(source)
    url = name if name and re.match(r"https?://", name) else None
    return prepare_article(raw, fmt=fmt, name=name, url=url, encoding=encoding, max_chars=max_chars)
