"""What every data-driven gtextract component shares: data in ``initialize``,
saved with ``to_disk``, restored by ``from_disk`` (as spaCy's ``SpanRuler``).

Settings come through the factory's ``default_config``; word lists and cue
files are data, read from a :class:`~gtextract.gazetteers.DataSource`:

- ``initialize(data_dir=None)`` reads the package's ``gtextract/data`` (or a
  folder of the same layout, to run a pipeline on lists of your own);
- ``to_disk(path)`` writes the files the component was initialised with
  into its folder of the saved pipeline;
- ``from_disk(path)`` reads them back, so ``spacy.load(path)`` restores the
  component exactly as it was saved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, ClassVar

from spacy.language import Language
from spacy.util import ensure_path

from gtextract.gazetteers import DataSource, data_source


class NotInitializedError(AttributeError):
    """A component ran before ``initialize`` or ``from_disk`` gave it its data.

    An ``AttributeError``, so that spaCy's probing with ``getattr(component, "model",
    None)`` still reads an uninitialised component as having no such attribute.
    """


class DataComponent:
    """Base of the components that read data files.

    A subclass lists its files in ``data_files`` (paths below ``gtextract/data``)
    and builds its lookups from a source in :meth:`setup`.
    """

    data_files: ClassVar[tuple[str, ...]] = ()

    def __init__(self, name: str) -> None:
        self.name = name
        self._data: DataSource | None = None

    def __getattr__(self, attr: str) -> Any:
        # only reached for attributes that setup() has not made yet
        if not attr.startswith("_") and self.__dict__.get("_data") is None:
            raise NotInitializedError(
                f"component {self.__dict__.get('name')!r} has no data yet: build the pipeline "
                "with gtextract.load() or call its initialize() (or nlp.initialize()) first"
            )
        raise AttributeError(attr)

    @property
    def data(self) -> DataSource:
        if self._data is None:
            raise NotInitializedError(
                f"component {self.name!r} has no data yet: build the pipeline with "
                "gtextract.load() or call its initialize() (or nlp.initialize()) first"
            )
        return self._data

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        data_dir: str | Path | None = None,
    ) -> None:
        """Read the data files: the package's, or those in ``data_dir``."""
        self.set_data(data_source(data_dir))

    def set_data(self, data: DataSource) -> None:
        self._data = data
        self.setup(data)

    def setup(self, data: DataSource) -> None:
        """Build the component's lookups from its data files."""
        raise NotImplementedError

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        folder = ensure_path(path)
        folder.mkdir(parents=True, exist_ok=True)
        self.data.copy_to(folder, self.data_files)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataComponent:
        self.set_data(DataSource(ensure_path(path)))
        return self
