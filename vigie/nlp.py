"""The spaCy pipeline: loaded once per process, fed in batches.

Loading is the heavy step (seconds); everything else in Vigie is light to
construct, so a worker process or a Spark executor ships configuration and
calls :func:`load_nlp` once.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

DEFAULT_MODEL = "fr_core_news_md"
LINE_BREAKS = "vigie_line_breaks"


@Language.component(LINE_BREAKS)
def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break: headline, caption and paragraphs never merge."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
    return doc


@cache
def load_nlp(model: str = DEFAULT_MODEL, max_length: int = 2_000_000) -> Language:
    """The spaCy pipeline, with line breaks as sentence boundaries."""
    nlp = spacy.load(model)
    if LINE_BREAKS not in nlp.pipe_names:
        nlp.add_pipe(LINE_BREAKS, before="parser" if "parser" in nlp.pipe_names else None)
    nlp.max_length = max_length
    return nlp
