"""Errors gtextract raises: each says what is wrong.

:class:`InputError` and its subclasses are properties of one input (its
``reason`` is the key batch runs file it under). :class:`MissingDependencyError`
is a property of the installation, not of any input: a batch run stops at once
instead of filing every article under a wrong reason.
"""

from __future__ import annotations

import traceback


class GtextractError(Exception):
    """Base class of all gtextract errors."""


class InputError(GtextractError, ValueError):
    """The input cannot be turned into German report text.

    ``reason`` is a short machine-readable key (used in batch error files).
    """

    reason = "invalid_input"


class InputTypeError(InputError, TypeError):
    """Not a ``str`` where report text was expected (``None``, a number, a list)."""

    reason = "not_text"


class EmptyTextError(InputError):
    reason = "empty"


class TextTooLargeError(InputError):
    reason = "too_large"


class NotTextError(InputError):
    """Binary data (images, archives, PDFs) where text was expected."""

    reason = "not_text"


class DecodingError(InputError):
    """Bytes that no plausible encoding turns into text (or a str with lone surrogates)."""

    reason = "undecodable"


class NotGermanError(InputError):
    reason = "not_german"


class TimeLimitError(InputError):
    """An article took longer than the per-article time budget of a batch run."""

    reason = "time_limit"


class NotBatchOutputError(InputError):
    """A file given to ``aggregate`` or the table builder that is no batch output."""

    reason = "not_batch_output"


class MissingDependencyError(GtextractError):
    """The installation lacks a module gtextract needs (e.g. for HTML): not the input's fault."""


def not_a_str(value: object) -> InputTypeError:
    """The InputTypeError for ``value`` given where report text was expected."""
    kind = "None" if value is None else f"a {type(value).__name__}"
    return InputTypeError(f"input must be a str of report text, not {kind}")


def describe(exc: BaseException) -> tuple[str, str]:
    """``(reason, message)`` of an exception met while extracting one article.

    An :class:`InputError` gives its own reason; anything else is a bug or a
    resource problem in the pipeline (``extractor_error``), and the message
    names the exception and the last frame, so an error file says where.
    """
    if isinstance(exc, InputError):
        return exc.reason, str(exc)
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    at = f" (at {where.filename.rsplit('/', 1)[-1]}:{where.lineno})" if where else ""
    return "extractor_error", f"{type(exc).__name__}: {exc}{at}"
