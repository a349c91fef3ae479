"""Errors gtextract raises for input it cannot read: each says what is wrong."""

from __future__ import annotations


class GtextractError(Exception):
    """Base class of all gtextract errors."""


class InputError(GtextractError, ValueError):
    """The input cannot be turned into German report text.

    ``reason`` is a short machine-readable key (used in batch error files).
    """

    reason = "invalid_input"


class EmptyTextError(InputError):
    reason = "empty"


class TextTooLargeError(InputError):
    reason = "too_large"


class NotTextError(InputError):
    """Binary data (images, archives, PDFs) where text was expected."""

    reason = "not_text"


class DecodingError(InputError):
    """Bytes that no plausible encoding turns into text."""

    reason = "undecodable"


class NotGermanError(InputError):
    reason = "not_german"
