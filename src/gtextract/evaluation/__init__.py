"""Evaluation against hand-made gold: run an extractor over ``NNN.txt``, score against ``NNN.json``.

One job per module:

- :mod:`.matching` -- the dev set README's matching rules (names, venues,
  surface forms, results, gaps, events; deduplication; greedy matching);
- :mod:`.scoring` -- predictions in gold shape, per-article counts, micro
  P/R/F1 over a gold directory, silver agreement;
- :mod:`.folds` -- the seen/untouched split by site (``eval/folds.tsv``);
- :mod:`.split` -- scores per set (dev, silver), fold and genre;
- :mod:`.report` -- rich tables and per-article diffs.
"""

from gtextract.evaluation.folds import FoldRow, assign_folds, read_folds, registrable_domain
from gtextract.evaluation.matching import (
    FIELDS,
    NAME_FIELDS,
    AliasedName,
    dedupe,
    event_dedupe_score,
    event_score,
    events_match,
    gap_score,
    gaps_match,
    match_items,
    name_score,
    names_match,
    normalize,
    result_score,
    results_match,
    venue_score,
    venues_match,
)
from gtextract.evaluation.report import (
    format_item,
    print_agreement,
    print_details,
    print_report,
    print_split_report,
)
from gtextract.evaluation.scoring import (
    ArticleEval,
    EvalReport,
    FieldDetail,
    FieldScore,
    Summary,
    agreement,
    evaluate,
    gold_fields,
    report_to_gold,
    score_article,
)
from gtextract.evaluation.split import (
    SplitReport,
    default_paths,
    label_articles,
    split_report,
    visible,
    without_untouched,
)

__all__ = [
    "FIELDS",
    "NAME_FIELDS",
    "AliasedName",
    "ArticleEval",
    "EvalReport",
    "FieldDetail",
    "FieldScore",
    "FoldRow",
    "SplitReport",
    "Summary",
    "agreement",
    "assign_folds",
    "dedupe",
    "default_paths",
    "evaluate",
    "event_dedupe_score",
    "event_score",
    "events_match",
    "format_item",
    "gap_score",
    "gaps_match",
    "gold_fields",
    "label_articles",
    "match_items",
    "name_score",
    "names_match",
    "normalize",
    "print_agreement",
    "print_details",
    "print_report",
    "print_split_report",
    "read_folds",
    "registrable_domain",
    "report_to_gold",
    "result_score",
    "results_match",
    "score_article",
    "split_report",
    "venue_score",
    "venues_match",
    "visible",
    "without_untouched",
]
