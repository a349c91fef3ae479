"""``gtx_gazetteer``: phrase matches of the gazetteers (series, tracks, makes, ...).

Patterns come from the data files in ``gtextract/data`` and are tokenised
with the pipeline's own tokenizer, so hyphen/space variants of one name
("Aston Martin" / "Aston-Martin") are generated here once rather than listed
twice in the data.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from gtextract import gazetteers
from gtextract.components.spans import add_candidates

GAZETTEER_KINDS = ("series", "tracks", "events", "makes", "car_models", "teams", "classes")


def _variants(form: str) -> Iterator[str]:
    yield form
    if " " in form:
        yield form.replace(" ", "-")
    if "-" in form:
        yield form.replace("-", " ")


class GazetteerMatcher:
    """Adds one candidate span per gazetteer match; ``span.kb_id_`` is the entry name."""

    def __init__(self, nlp: Language, name: str, kinds: Iterable[str]) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.entry_of: dict[int, str] = {}
        forms: dict[str, list[str]] = {}
        for kind in kinds:
            for pattern in gazetteers.patterns(kind):
                label, entry = pattern["label"], pattern["id"]
                for form in _variants(pattern["pattern"]):
                    key = f"{label}\t{entry}"
                    forms.setdefault(key, []).append(form)
        for key, texts in forms.items():
            label, entry = key.split("\t", 1)
            match_key = f"{label}\t{entry}"
            self.entry_of[nlp.vocab.strings.add(match_key)] = entry
            self.matcher.add(match_key, [nlp.make_doc(t) for t in sorted(set(texts))])
        for session in gazetteers.sessions():
            key = f"SESSION\t{session.kind}"
            self.entry_of[nlp.vocab.strings.add(key)] = session.kind
            self.matcher.add(key, [nlp.make_doc(session.pattern)])

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id].split("\t", 1)[0]
            span = Span(doc, start, end, label=label, kb_id=self.entry_of[match_id])
            if _case_fits(span):
                spans.append(span)
        add_candidates(doc, spans)
        return doc


def _case_fits(span: Span) -> bool:
    """Lower-case matches only count where the text is not plain lower case prose."""
    first = span[0].text
    return not first.islower() or len(span) > 1 and any(c.isupper() for c in span.text)


@Language.factory("gtx_gazetteer", default_config={"kinds": list(GAZETTEER_KINDS)})
def make_gazetteer(nlp: Language, name: str, kinds: list[str]) -> GazetteerMatcher:
    return GazetteerMatcher(nlp, name, kinds)
