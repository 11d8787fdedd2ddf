"""The entities stage: candidates → clusters → types (metonymy-aware) → canonical names and keys.

Clustering joins, within one article: the same name in any case or accent;
a surname with the full name ("Witkoff" → "Steve Witkoff"); an acronym with
its expansion ("FSR" → "Forces de soutien rapide"); spelling variants of
one place or person (Kiev/Kyiv, Netanyahu/Netanyahou); an alias given as
"X, dit Y"; a seat of power with the description of its institution
("présidence française" → "Élysée").
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache, lru_cache

from spacy.tokens import Doc, Span, Token

from vigie.extract.candidates import (
    LOCATIVE_PREPOSITIONS,
    SHORT_FORM,
    Candidate,
    Context,
    find_candidates,
    institution_heads,
    is_acronym,
    modified_place_heads,
    person_first_name,
    place_heads,
    state_place_heads,
)
from vigie.extract.demonyms import demonym_country
from vigie.extract.gazetteer import lookup
from vigie.lexicon import function_words, mapping, rows, verbs_of_class, words
from vigie.model import Article, Entity, Mention, entity_key
from vigie.stages import register_stage
from vigie.textnorm import fold

_STOPWORDS_IN_ACRONYMS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "pour", "en", "à", "a"}
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "obl:agent", "csubj"}
_ON_AT = re.compile(r"\bon\s+(?:(?:à|a)\s+(?:l['’]|la\s+|le\s+)?|au\s+)$")
_SOURCE_CUES = frozenset(words("speech_sources"))
_SEAT_HOLDERS = frozenset(words("seat_holders"))
_DE_FORMS = function_words("de_form")
_ADDRESSEE_VERBS = verbs_of_class("addressing")
_PLACE_STATES = verbs_of_class("place_state")
_HEADED_NAME = re.compile(r"^\S+\s+(?:de la |de l'|du |des |de |d')?")
_ALIAS_CUE = re.compile(r"^,?\s*(?:dit|surnommé|alias)\s+$")
PERSON_VARIANT_SIMILARITY = 0.85


@dataclass
class Cluster:
    """Mentions believed to name one entity, with the forms a new mention is matched against.

    The forms are kept as mentions are added, so that testing whether a mention joins costs a few set
    look-ups, not a walk over every name of the cluster.
    """

    mentions: list[Candidate] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    distinct: dict[str, None] = field(default_factory=dict)
    names: set[str] = field(default_factory=set)  # folded surfaces
    label_counts: Counter[str] = field(default_factory=Counter)
    fixed_counts: Counter[str] = field(default_factory=Counter)  # labels of the mentions a lexicon decided
    without_nationality: set[str] = field(default_factory=set)  # "assemblee nationale" of "... francaise"
    aliases: set[str] = field(default_factory=set)  # seats the names describe ("presidence francaise" → "elysee")
    initials: set[str] = field(default_factory=set)  # what an acronym of a name would be
    expansions: set[str] = field(default_factory=set)  # the lexicon's acronyms of the names and the reverse
    acronyms: set[str] = field(default_factory=set)  # the names written as acronyms
    surnames: set[str] = field(default_factory=set)  # last words of names of several words
    heads: set[str] = field(default_factory=set)  # first words of names of several words
    headless: set[str] = field(default_factory=set)  # "gaza" of "bande de gaza": names after a place head
    headed: set[tuple[str, str]] = field(default_factory=set)  # ("station", "hainault") of any headed name
    state_named: set[str] = field(default_factory=set)  # "israel" of "etat d'israel": names a state head gives

    def add(self, candidate: Candidate, surface: str) -> None:
        self.mentions.append(candidate)
        self.surfaces.append(surface)
        self.label_counts[candidate.label] += 1
        if candidate.fixed:
            self.fixed_counts[candidate.label] += 1
        if surface in self.distinct:
            return
        self.distinct[surface] = None
        name = fold(surface)
        self.names.add(name)
        self.without_nationality.add(_without_nationality(name))
        alias = institution_aliases().get(name)
        if alias is not None:
            self.aliases.add(alias)
        self.initials.add(_initials(surface))
        self.expansions |= acronym_table().get(name, set())
        if is_acronym(surface):
            self.acronyms.add(name)
        words = name.split()
        if len(words) > 1:
            self.surnames.add(words[-1])
            self.heads.add(words[0])
            if words[0] in _folded_place_heads():
                self.headless.add(_HEADED_NAME.sub("", name))  # straight after its head: "bande de gaza"
                if words[0] in _folded_state_heads():
                    self.state_named.add(_HEADED_NAME.sub("", name))
            headless = _headless(surface)
            if headless is not None:
                self.headed.add((words[0], headless))

    def folded(self) -> set[str]:
        return self.names

    def labels(self) -> Counter[str]:
        return self.label_counts

    def fixed_label(self) -> str | None:
        if len(self.fixed_counts) > 1:  # a tie goes to the label met first in reading order
            return Counter(c.label for c in self.mentions if c.fixed).most_common(1)[0][0]
        return next(iter(self.fixed_counts), None)


@cache
def acronym_table() -> dict[str, set[str]]:
    """Folded expansion → acronyms (and acronym → expansions), from the lexicon."""
    table: dict[str, set[str]] = {}
    for acronym, expansion in ((r["acronym"], r["expansion"]) for r in rows("acronyms")):
        table.setdefault(fold(expansion), set()).add(fold(acronym))
        table.setdefault(fold(acronym), set()).add(fold(expansion))
    return table


@cache
def seat_countries() -> dict[str, str]:
    """Folded seat of power or capital → the country it belongs to and acts for ("moscou" → "Russie")."""
    return {fold(row["name"]): row["country"] for row in rows("metonyms") if row["country"]}


@cache
def metonym_seats() -> dict[str, str]:
    """Folded seat-of-power or capital name → the institution it stands for."""
    return {fold(name): stands_for for name, stands_for in mapping("metonyms", "name", "stands_for").items()}


@cache
def institution_aliases() -> dict[str, str]:
    """Folded description → folded seat name ("présidence française" → "elysee")."""
    aliases = mapping("institution_aliases", "description", "seat")
    return {fold(description): fold(seat) for description, seat in aliases.items()}


def _starts_upper(text: str) -> bool:
    return bool(text) and text[0].isupper()


@lru_cache(maxsize=1 << 14)
def _initials(name: str) -> str:
    words = re.split(r"[\s'’-]+", fold(name))
    return "".join(w[0] for w in words if w and w not in _STOPWORDS_IN_ACRONYMS)


@lru_cache(maxsize=1 << 14)
def _same_person_variant(a: str, b: str) -> bool:
    """'Benjamin Netanyahu' ~ 'Benyamin Netanyahou': every word alike, same length."""
    wa, wb = fold(a).split(), fold(b).split()
    if len(wa) != len(wb) or len(wa) < 1:
        return False
    return all(x == y or (x[0] == y[0] and len(x) >= 4 and _alike_words(x, y)) for x, y in zip(wa, wb, strict=True))


def _alike_words(x: str, y: str) -> bool:
    """Similar enough to be one name spelled two ways; the cheap upper bounds of the ratio rule out most pairs."""
    matcher = SequenceMatcher(None, x, y)
    return all(bound() >= PERSON_VARIANT_SIMILARITY
               for bound in (matcher.real_quick_ratio, matcher.quick_ratio, matcher.ratio))


@dataclass(frozen=True)
class _NewMention:
    """A mention as the clusters compare it, its forms computed once rather than once per cluster."""

    surface: str
    name: str  # folded
    without_nationality: str
    alias: str | None
    acronym: bool
    initials: str
    expansions: frozenset[str]
    words: tuple[str, ...]
    headed: tuple[str, str] | None  # its place head and the name after it: ("station", "hainault")

    @classmethod
    def of(cls, surface: str) -> _NewMention:
        name = fold(surface)
        return cls(surface, name, _without_nationality(name), institution_aliases().get(name), is_acronym(surface),
                   _initials(surface), frozenset(acronym_table().get(name, ())), tuple(name.split()),
                   (name.split()[0], headless) if (headless := _headless(surface)) is not None else None)


@lru_cache(maxsize=1 << 14)
def _headless(surface: str) -> str | None:
    """The proper name a place head and its modifiers introduce, folded: "koursk" of "région russe de Koursk",
    "hainault" of "station de métro de Hainault"; None for a name with no place head. (A town named alone is
    not the hospital or the station named after it: only the same head with the same name is one place.)"""
    words = [_ELIDED.sub("", word) for word in surface.split()]  # "d'Alcúdia" → "Alcúdia"
    if len(words) < 2 or fold(words[0]) not in _folded_modified_place_heads():
        return None
    start = next((i for i in range(1, len(words)) if words[i][:1].isupper()), None)
    return fold(" ".join(words[start:])) if start is not None else None


_ELIDED = re.compile(r"^\w['’]")


@cache
def _folded_modified_place_heads() -> frozenset[str]:
    return frozenset(fold(head) for head in modified_place_heads())


def _joins(cluster: Cluster, candidate: Candidate, mention: _NewMention) -> bool:
    """Whether a new mention belongs to an existing cluster."""
    surface, name, names = mention.surface, mention.name, cluster.names
    if name in names:
        return True
    if name in cluster.without_nationality or mention.without_nationality in names:
        return True  # "l'Assemblée nationale française" is the Assemblée nationale
    if mention.alias in names or name in cluster.aliases:
        return True
    if mention.acronym and (name in cluster.initials or name in cluster.expansions):
        return True
    if cluster.acronyms and (mention.initials in cluster.acronyms
                             or not cluster.acronyms.isdisjoint(mention.expansions)):
        return True
    labels = cluster.labels()
    person_like = candidate.label == "PER" or labels["PER"] > 0
    words = mention.words
    if person_like and len(words) == 1 and name in cluster.surnames:
        return True  # a surname joins the full name
    if person_like and len(words) > 1 and words[-1] in names:
        return True
    if candidate.label == "PER" and labels["PER"] and any(_same_person_variant(surface, s) for s in cluster.distinct):
        return True
    if candidate.label == "LOC" and labels["LOC"]:
        place = lookup(surface)
        if place is not None and any(lookup(s) == place for s in cluster.distinct):
            return True
    if len(words) == 1 and name in _folded_heads():
        # a bare head ("Coalition", "Assemblée") joins a body built on it
        return name in cluster.heads
    # a bare place name joins its headed form: "Gaza" → "bande de Gaza", "Louvre" → "musée du Louvre", but a
    # country is not the sea or the stadium named after it ("Chine", "mer de Chine"); a headed one, the same head
    # with the same name ("station de métro Hainault", "station de métro de Hainault")
    if candidate.label != "LOC":
        return False
    if name in cluster.headless and (name in cluster.state_named or not _names_country(surface)):
        return True
    return mention.headed in cluster.headed


def _names_country(surface: str) -> bool:
    place = lookup(surface)
    return place is not None and place.feature == "country"


def _only_bearer_of_first_name(clusters: list[Cluster], surface: str) -> Cluster | None:
    """The one person of the article whose first name a lone name is ("Julien" after "Julien Mailhot": an
    interviewee named in full, then by first name); with two ("François Bayrou", "François Hollande"), no
    one."""
    name = fold(surface)
    if " " in name or not surface[:1].isupper():
        return None
    bearers = [c for c in clusters if c.labels()["PER"] > len(c.mentions) / 2
               and any(len(words := n.split()) > 1 and words[0] == name for n in c.folded())]
    return bearers[0] if len(bearers) == 1 else None


@cache
def _folded_state_heads() -> frozenset[str]:
    return frozenset(fold(head) for head in state_place_heads())


@cache
def _folded_place_heads() -> frozenset[str]:
    """Place heads as names are compared: folded ("île", "hôpital" → "ile", "hopital")."""
    return frozenset(fold(head) for head in place_heads())


@cache
def _folded_heads() -> frozenset[str]:
    """Institution and place heads, folded: "Assemblée" alone joins "Assemblée nationale"."""
    return frozenset(fold(head) for head in institution_heads()) | _folded_place_heads()


def _without_nationality(name: str) -> str:
    """A name without the nationality adjective that ends it ("assemblee nationale francaise" → "assemblee
    nationale"); the name itself when it has none or is nothing else."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 2 and demonym_country(words[-1]) else name


def _explicit_links(candidates: list[Candidate], text: str) -> dict[int, int]:
    """Mentions tied by the text itself: 'Forces de soutien rapide (FSR)', 'Daglo, dit Hemedti'."""
    links: dict[int, int] = {}
    for i, candidate in enumerate(candidates[:-1]):
        following = candidates[i + 1]
        between = text[candidate.end : following.start]
        surface = text[following.start : following.end]
        # "(FSR)", or a short form written as a word ("parquet national antiterroriste (Pnat)")
        # (a person has no acronym: "Fabrice Cumps (PS)" gives his party)
        defines_acronym = candidate.label != "PER" and between.strip() == "(" \
            and text[following.end : following.end + 1] == ")" and (
            is_acronym(surface) or (candidate.origin == "institution" and SHORT_FORM.fullmatch(surface) is not None
                                    and fold(surface)[0] == fold(text[candidate.start])))
        if defines_acronym or (_ALIAS_CUE.match(between) and candidate.label == "PER"):
            links[i + 1] = i
    return links


def cluster_candidates(candidates: list[Candidate], text: str) -> list[Cluster]:
    """Group mentions into entities, fullest names first so short forms find them."""
    links = _explicit_links(candidates, text)
    owner: dict[int, Cluster] = {}
    clusters: list[Cluster] = []
    order = sorted(range(len(candidates)),
                   key=lambda i: (i in links, -len(text[candidates[i].start:candidates[i].end].split()), i))
    named: dict[str, Cluster] = {}  # a name said again joins the cluster that has it (linear in mentions)
    for i in order:
        candidate = candidates[i]
        surface = text[candidate.start : candidate.end]
        target = owner.get(links[i]) if i in links else None
        if target is None:
            target = named.get(fold(surface))
        if target is None:
            new = _NewMention.of(surface)
            target = next((c for c in clusters if _joins(c, candidate, new)), None)
        if target is None and candidate.label == "PER":
            target = _only_bearer_of_first_name(clusters, surface)
        if target is None:
            target = Cluster()
            clusters.append(target)
        earlier = named.get(fold(surface))
        if i in links and earlier is not None and earlier is not target:
            # "(Pnat)" ties the short form to its expansion: the cluster "Le Pnat" made on its own joins too
            for mention, said in zip(earlier.mentions, earlier.surfaces, strict=True):
                target.add(mention, said)
            clusters.remove(earlier)
            named.update({name: target for name, cluster in named.items() if cluster is earlier})
            owner.update({j: target for j, cluster in owner.items() if cluster is earlier})
        target.add(candidate, surface)
        named.setdefault(fold(surface), target)
        owner[i] = target
    for cluster in clusters:
        pairs = sorted(zip(cluster.mentions, cluster.surfaces, strict=True), key=lambda p: p[0].start)
        cluster.mentions, cluster.surfaces = [p[0] for p in pairs], [p[1] for p in pairs]
    clusters.sort(key=lambda c: c.mentions[0].start)
    return clusters


@cache
def role_nouns() -> dict[str, str]:
    """Noun that introduces a name → the type it gives ("porte-parole" → PER, "agence" → ORG)."""
    return mapping("role_nouns", "noun", "type")


def role_type(candidate: Candidate, context: Context) -> str | None:
    """The type a role noun gives a name: "le porte-parole Dmitri Peskov" → PER;
    "le président des Républicains" → ORG (the name is what the person leads)."""
    span = context.span(candidate)
    if span is None:
        return None
    root = span.root
    if root.dep_ == "appos" and role_nouns().get(root.head.lower_) == "PER":
        return "PER"  # "le président du groupe socialiste, Boris Vallaud"
    after = context.doc[span.end : span.end + 2]
    if len(after) == 2 and after[0].text == "," and after[1].is_lower and role_nouns().get(after[1].lower_) == "PER":
        # "Pouria Amirshahi, député socialiste": a bare role in apposition (with an article, "Sur Radio J, le
        # président du groupe" opens the next clause)
        return "PER"
    if span.start > 1 and context.doc[span.start - 1].text == ",":
        head = _apposition_head(context.doc[max(0, span.start - 9) : span.start - 1])
        if head is not None and role_nouns().get(head.lower_) == "PER":
            return "PER"  # "la présidente du gouvernement danois, X": in apposition to the whole phrase
    of = False
    for token in reversed(context.doc[max(0, span.start - 5) : span.start]):
        # a role noun introduces a name in lowercase ("le porte-parole Dmitri Peskov"); capitalised, it is
        # part of another name ("Invité de Sud Radio, Bruno Retailleau")
        # (or an acronym: "le PDG de Stellantis")
        kind = role_nouns().get(token.lower_) if token.is_lower or (token.is_upper and len(token) <= 4) else None
        if kind:
            if of:
                return "ORG" if kind == "PER" else None
            return kind
        if token.lower_ in _DE_FORMS:
            of = True
        elif not (token.text == "," or token.lower_ in ("l'", "l’", "la", "le", "les")
                  or (token.pos_ == "ADJ" and token.is_lower)):
            return None
    return None


def _apposition_head(before: Span) -> Token | None:
    """The head noun of the lowercase noun phrase a name after a comma stands in apposition to: the first noun
    of "la présidente du gouvernement danois", walking back over its adjectives, articles and "de"
    complements; None when something else comes first (a verb, a name, a clause)."""
    head = None
    for token in reversed(before):
        if token.pos_ == "NOUN" and token.is_lower:
            head = token
        elif token.lower_ in _DE_FORMS or (token.pos_ in ("ADJ", "DET") and token.is_lower):
            continue
        else:
            break
    return head


def _classified_type(noun: Token) -> str | None:
    """The type a role noun gives a name through its own complement: "l'agence de notation Fitch", "le
    directeur de campagne X" (``noun`` is "notation", "campagne", a bare complement: "le groupe du milliardaire
    X" names the billionaire, "le président du groupe X" the group). Such a description says what the name
    is as plainly as a role noun alone."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].lower_ not in ("de", "d'", "d’") or not doc[noun.i - 2].is_lower \
            or noun.lower_ in role_nouns():
        return None
    return role_nouns().get(doc[noun.i - 2].lower_)


def classified(candidate: Candidate, context: Context) -> str | None:
    """The type of a name right after a classifying description ("l'agence de notation américaine Fitch")."""
    span = context.span(candidate)
    if span is None:
        return None
    for token in reversed(context.doc[max(0, span.start - 3) : span.start]):
        if token.pos_ == "NOUN" and token.is_lower:
            return _classified_type(token)
        if not (token.pos_ == "ADJ" and token.is_lower):
            return None
    return None


def _word_before_name(span: Span) -> str | None:
    """The word before a name, past its article ("à l'Élysée", "selon le Kremlin"), lowercase."""
    words = [t.lower_ for t in span.doc[max(0, span.start - 2) : span.start]]
    before = [word for word in words if word not in ("l'", "l’", "le", "la")]
    return before[-1] if before else None


def metonymic_use(candidate: Candidate, context: Context) -> str | None:
    """'ORG' when a seat or capital acts or speaks, 'LOC' when it is a place, None if unclear."""
    span = context.span(candidate)
    if span is None:
        return None
    before = _word_before_name(span)
    if _ON_AT.search(context.text[max(0, candidate.start - 14) : candidate.start]):
        return "ORG"  # "précise-t-on à l'Élysée": the institution speaks
    if before in LOCATIVE_PREPOSITIONS:
        return "LOC"
    if before in _SOURCE_CUES:
        return "ORG"
    root = span.root
    if root.dep_ in _SUBJECT_DEPS:
        return "ORG"
    if root.dep_ == "nmod" and root.head.lower_ in _SEAT_HOLDERS and any(
            c.dep_ == "case" and c.lower_ in _DE_FORMS for c in root.children):
        return "ORG"  # "le chef du Kremlin", "la position de Washington": who serves it, what it says
    if root.dep_ == "obj" and root.head.lemma_ in _ADDRESSEE_VERBS:
        return "ORG"  # "a appelé Bruxelles à légiférer"
    if root.dep_ == "conj" and root.head.dep_ in _SUBJECT_DEPS:
        return "ORG"
    return None


def _town_use(candidate: Candidate, context: Context) -> str | None:
    """'ORG' when a place's name is the subject of an act ("Arsenal a battu Chelsea", "Marseille, qui recevra
    Lyon"), 'LOC' when it follows a preposition of place; a verb that says what a place is or undergoes
    ("Lyon accueille", "la ville se situe") makes no act."""
    span = context.span(candidate)
    if span is None:
        return None
    if _word_before_name(span) in LOCATIVE_PREPOSITIONS:
        return "LOC"
    if span.end < len(span.doc) and span.doc[span.end].pos_ == "PROPN" and span.doc[span.end].is_title:
        return None  # "le Normand Yann Lemoine dormait": where the person named next comes from
    root = span.root
    verbs = [root.head] if root.dep_ == "nsubj" else [
        c for c in root.children if c.dep_ == "acl:relcl" and any(
            g.dep_ == "nsubj" and g.lower_ == "qui" for g in c.children)]
    for verb in verbs:
        if verb.pos_ == "VERB" and verb.lemma_ not in _PLACE_STATES \
                and not any(c.dep_ in ("aux:pass", "cop") for c in verb.children):
            return "ORG"
    return None


def decide_type(cluster: Cluster, context: Context) -> str:
    """The cluster's type: lexicon decisions first, countries stay LOC, seats by their use."""
    fixed = cluster.fixed_label()
    if fixed:
        return fixed
    names = cluster.folded()
    # a surname or first name that is also a town ("Manuel Valls" → Valls, Catalonia) makes no place
    # (and a first name alone, "déplore Paul", is no district of Cape Verde)
    person_words = {word for mention, surface in zip(cluster.mentions, cluster.surfaces, strict=True)
                    if mention.label == "PER" and len(words := surface.split()) > 1 for word in (words[0], words[-1])}
    person_words |= {surface for mention, surface in zip(cluster.mentions, cluster.surfaces, strict=True)
                     if mention.label == "PER" and person_first_name(surface)}
    place = next((p for p in (lookup(s) for s in cluster.surfaces if s not in person_words) if p is not None), None)
    if place is not None and place.feature == "country":
        return "LOC"
    if any(n in metonym_seats() for n in names):
        uses = Counter(u for u in (metonymic_use(c, context) for c in cluster.mentions) if u)
        if any(n in institution_aliases() for n in names):
            uses["ORG"] += 1
        return "ORG" if uses["ORG"] > uses["LOC"] else "LOC"
    labels = cluster.labels()
    if place is None and all(is_acronym(s) for s in cluster.surfaces):
        return "ORG"  # "LR", "PS", "MR", "OQTF": people are not written in capitals, places are in the gazetteer
    if place is None:  # a place is typed by its use below; other names by the words that describe them
        described = Counter(r for r in (classified(c, context) for c in cluster.mentions) if r)
        if described:
            return described.most_common(1)[0][0]
        roles = Counter(r for r in (role_type(c, context) for c in cluster.mentions) if r)
        if roles:
            chosen, votes = roles.most_common(1)[0]
            # one role word ("le gouvernement Bayrou") does not outvote what every other mention says
            if 2 * votes >= len(cluster.mentions) or labels.most_common(1)[0][0] == chosen:
                return chosen
    if place is not None and labels["LOC"] >= labels["ORG"]:
        return _place_as_used(cluster, context)
    if any(is_acronym(s) for s in cluster.surfaces) and labels["PER"] and not labels["ORG"] + labels["LOC"]:
        return "ORG"
    ranked = labels.most_common()
    return _place_as_used(cluster, context) if ranked[0][0] == "LOC" else ranked[0][0]


def _place_as_used(cluster: Cluster, context: Context) -> str:
    """LOC, unless the place acts more often than it locates: then it is the club, the city council, the
    team that bears its name."""
    uses = Counter(u for u in (_town_use(c, context) for c in cluster.mentions) if u)
    return "ORG" if uses["ORG"] > uses["LOC"] else "LOC"


def canonical_name(cluster: Cluster) -> str:
    """The fullest name; a seat of power rather than its description; an expansion, not its acronym."""
    seats = [s for s in cluster.surfaces if fold(s) in metonym_seats()]
    if seats and any(fold(s) in institution_aliases() for s in cluster.surfaces):
        return max(seats, key=len)
    names = [s for s in cluster.surfaces if not is_acronym(s)] or cluster.surfaces
    said = {fold(s) for s in names}
    # "Assemblée nationale" rather than "Assemblée nationale française" when the text says both
    names = [s for s in names if (bare := _without_nationality(fold(s))) == fold(s) or bare not in said]
    return max(names, key=lambda s: (len(s.split()), len(s), not s.isupper(), _starts_upper(s)))


@register_stage("entities", assigns=("entities",))
def extract_entities(article: Article, doc: Doc) -> None:
    """Find, cluster, type and name the PER, ORG and LOC entities of an article."""
    context = Context(article, doc)
    candidates = find_candidates(article, doc)
    entities = []
    for number, cluster in enumerate(cluster_candidates(candidates, article.text), start=1):
        entity_type = decide_type(cluster, context)
        name = canonical_name(cluster)
        entities.append(Entity(
            id=f"e{number}",
            name=name,
            type=entity_type,
            key=entity_key(entity_type, name),
            mentions=[Mention(text=s, start=c.start, end=c.end)
                      for c, s in zip(cluster.mentions, cluster.surfaces, strict=True)],
        ))
    article.entities = entities
