"""The spaCy pipeline: loaded once per process, fed in batches, one line at a time.

Loading is the heavy step (seconds); everything else in Vigie is light to
construct, so a worker process or a Spark executor ships configuration and
calls :func:`load_nlp` once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache

import numpy
import spacy
from spacy.attrs import IS_SPACE, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.lang.fr.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.parts_of_speech import IDS as PART_OF_SPEECH_IDS
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc, MorphAnalysis, Token

DEFAULT_MODEL = "fr_core_news_md"
_LINES = re.compile(r"[^\n]*\n|[^\n]+$")


@cache
def load_nlp(model: str = DEFAULT_MODEL, max_length: int = 2_000_000) -> Language:
    """The spaCy pipeline for ``model`` (once per process)."""
    nlp = spacy.load(model)
    nlp.max_length = max_length
    nlp.add_pipe("letter_sentence_ends", first=True)
    index_lemma_lists(nlp)
    replace_tag_ruler(nlp)
    return nlp


def index_lemma_lists(nlp: Language) -> None:
    """Turn the rule lemmatizer's word lists into sets: the same lemmas, found in constant time.

    spaCy's French lemmatizer asks whether a word is in its list of the known nouns (66,000 words), verbs or
    adjectives with ``in`` on a Python list, several times for each word it has not met before: on new text
    that scan took as long as all the rest of the parse. Its cache hides it only for words already seen.
    """
    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    table = lookups.get_table("lemma_index")
    for part_of_speech, known in list(table.items()):
        if isinstance(known, list):
            table[part_of_speech] = frozenset(known)


# what the French models' attribute ruler does after copying each part of speech to the tag: whitespace
# tokens become SPACE, and a non-space token the tagger called SPACE becomes X
_SPACE_PATTERNS = [
    {"patterns": [[{"POS": "SPACE", "IS_SPACE": False}]], "attrs": {"TAG": "X", "POS": "X", "MORPH": "_"}, "index": 0},
    {"patterns": [[{"IS_SPACE": True, "DEP": {"NOT_IN": [""]}}]], "attrs": {"DEP": "dep"}, "index": 0},
    {"patterns": [[{"IS_SPACE": True}]], "attrs": {"TAG": "SPACE", "POS": "SPACE", "MORPH": "_"}, "index": 0},
]


def replace_tag_ruler(nlp: Language) -> None:
    """Put `tags_from_pos` in place of the model's attribute ruler when that ruler does only what it does.

    The French models' ruler has one pattern per part of speech, copying it to the tag, and three for
    whitespace. spaCy runs them through its Matcher and sets each token in Python: a twentieth of the parse.
    The same annotations come from the Doc's arrays in a few vector operations. A ruler with any other
    pattern is left as it is.
    """
    if "attribute_ruler" not in nlp.pipe_names or not isinstance(ruler := nlp.get_pipe("attribute_ruler"),
                                                                AttributeRuler):
        return
    patterns = ruler.patterns
    copied = [part for part in PART_OF_SPEECH_IDS if part and _copy_to_tag(part) in patterns]
    if patterns[-len(_SPACE_PATTERNS):] != _SPACE_PATTERNS or len(copied) != len(patterns) - len(_SPACE_PATTERNS):
        return
    nlp.replace_pipe("attribute_ruler", "tags_from_pos", config={"copied": copied})


def _copy_to_tag(part: str) -> dict[str, object]:
    return {"patterns": [[{"POS": part}]], "attrs": {"TAG": part}, "index": 0}


class TagsFromPos:
    """The attribute ruler of the French models, read from arrays: tag = part of speech, whitespace fixed."""

    def __init__(self, nlp: Language, copied: list[str]) -> None:
        strings = nlp.vocab.strings
        parts = [PART_OF_SPEECH_IDS[part] for part in copied]
        self._tag_of_part = numpy.zeros(max(PART_OF_SPEECH_IDS.values()) + 1, dtype="uint64")  # 0: not copied
        for part, name in zip(parts, copied, strict=True):
            self._tag_of_part[part] = strings.add(name)
        self._space = PART_OF_SPEECH_IDS["SPACE"]

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        values = doc.to_array([POS, TAG, IS_SPACE])
        parts = values[:, 0]
        copied = self._tag_of_part[parts]
        tags = numpy.where(copied != 0, copied, values[:, 1])
        doc.from_array([TAG], tags.reshape(-1, 1))  # type: ignore[arg-type]  # a 2-d uint64 array, as spaCy's
        for i in numpy.flatnonzero((parts == self._space) | (values[:, 2] == 1)).tolist():
            token = doc[i]
            if token.is_space:
                if token.dep_:
                    token.dep_ = "dep"
                token.tag_, token.pos_ = "SPACE", "SPACE"
            else:
                token.tag_, token.pos_ = "X", "X"
            token.morph = MorphAnalysis(doc.vocab, "_")
        return doc


@Language.factory("tags_from_pos", default_config={"copied": []})
def make_tags_from_pos(nlp: Language, name: str, copied: list[str]) -> TagsFromPos:
    return TagsFromPos(nlp, copied)


_ENDING_LETTERS = frozenset("ABCDEFGHIJKLNOPQRSTUVWXYZ")  # not "M." (monsieur)
_CAPITALS = re.compile(r"[A-ZÀ-Ý]")


@Language.component("letter_sentence_ends")
def letter_sentence_ends(doc: Doc) -> Doc:
    """Split the period off a lone capital letter that ends a sentence ("a réagi sur X. Le ministre ...").

    spaCy keeps "X." whole for initials ("Marsha P. Johnson"), so the sentence ran on into the next one and
    its subject became the last verb's object. A letter after a lowercase word, followed by a capitalised
    function word (le, il, dans...), ends a sentence; one after a first name, or "M." (monsieur), does not.
    Only the two-character words are looked at, found in the Doc's arrays: this runs on every line parsed.
    """
    lengths = doc.to_array(LENGTH)
    ends = [token for i in numpy.flatnonzero(lengths[1:-1] == 2).tolist() if _ends_sentence(token := doc[i + 1])]
    if ends:
        with doc.retokenize() as retokenizer:
            for token in ends:
                retokenizer.split(token, [token.text[0], "."], heads=[(token, 0), (token, 0)])
    return doc


def _ends_sentence(token: Token) -> bool:
    """Whether a two-character word is a capital letter and a period that end a sentence."""
    text = token.text
    if text[1] != "." or text[0] not in _ENDING_LETTERS or not token.whitespace_:
        return False
    before, after = token.doc[token.i - 1], token.doc[token.i + 1]
    return before.is_lower and (bool(before.whitespace_) or not re.match(r"[\w.]", before.text[-1])) \
        and after.is_title and bool(_CAPITALS.match(after.text)) and after.lower_ in STOP_WORDS


@lru_cache(maxsize=64)
def string_ids(words: frozenset[str]) -> frozenset[int]:
    """The ids spaCy gives these strings (its hashes), to compare with a Doc's arrays."""
    return frozenset(get_string_id(word) for word in words)


@lru_cache(maxsize=64)
def _lemma_verdicts(words: frozenset[str]) -> dict[int, bool]:
    """Lemma id → whether its casefolded lemma is one of ``words``, filled as lemmas are met (a vocabulary's
    worth at most)."""
    return {}


@lru_cache(maxsize=64)
def _sorted_ids(words: frozenset[str]) -> numpy.ndarray:
    return numpy.sort(numpy.fromiter(string_ids(words), dtype="uint64", count=len(words)))


def _members(values: numpy.ndarray, sorted_ids: numpy.ndarray) -> numpy.ndarray:
    """Which values are among the sorted ids: a bisection per value (numpy.isin would sort the ids again,
    thousands of first names for each Doc)."""
    if not len(sorted_ids):
        return numpy.zeros(len(values), dtype=bool)
    at = numpy.minimum(numpy.searchsorted(sorted_ids, values), len(sorted_ids) - 1)
    return sorted_ids[at] == values  # type: ignore[no-any-return]


def positions_of(doc: Doc, words: frozenset[str], lemmas: bool = False) -> list[int]:
    """Indices of the words whose lowercase form (with ``lemmas``, or casefolded lemma) is one of ``words``.

    Read from the Doc's arrays with numpy, a scan that makes no Token of the words it passes over: stages
    that look for a few hundred words among thousands build Tokens only where one is.
    """
    found = _members(doc.to_array(LOWER), _sorted_ids(words))
    if lemmas:
        lemma_ids = doc.to_array(LEMMA)
        verdicts = _lemma_verdicts(words)
        strings = doc.vocab.strings
        distinct: list[int] = numpy.unique(lemma_ids).tolist()
        for lemma in distinct:
            if lemma not in verdicts:
                verdicts[lemma] = strings[lemma].casefold() in words
        known = numpy.array([lemma for lemma in distinct if verdicts[lemma]], dtype="uint64")  # sorted, as distinct
        found |= _members(lemma_ids, known)
    return numpy.flatnonzero(found).tolist()


MAX_PIECE = 10_000  # characters parsed at once: a longer line is cut at a sentence end (spaCy's cost and limit)
_SENTENCE_END = re.compile(r"[.!?…»\"]\s+")


def split_lines(text: str) -> list[str]:
    """The lines of a text, each with its line break, long ones cut into pieces: they join back exactly."""
    pieces: list[str] = []
    for line in _LINES.findall(text) or [text]:
        while len(line) > MAX_PIECE:
            cut = _cut_point(line)
            pieces.append(line[:cut])
            line = line[cut:]
        pieces.append(line)
    return pieces


def _cut_point(line: str) -> int:
    """Where to cut an over-long line: after the last sentence end before the limit, else the last space."""
    window = line[:MAX_PIECE]
    ends = [m.end() for m in _SENTENCE_END.finditer(window, MAX_PIECE // 2)]
    if ends:
        return ends[-1]
    space = window.rfind(" ", MAX_PIECE // 2)
    return space + 1 if space > 0 else MAX_PIECE


def pipe_by_line(nlp: Language, texts: Iterable[str], batch_size: int = 64) -> Iterator[Doc]:
    """One Doc per text, each line parsed on its own.

    A headline, a caption and a paragraph never share a sentence, and the
    offsets of the joined Doc are those of the text.
    """
    chunked = [split_lines(text) for text in texts]
    docs = nlp.pipe((line for lines in chunked for line in lines), batch_size=batch_size)
    for lines in chunked:
        yield Doc.from_docs([next(docs) for _ in lines], ensure_whitespace=False)
