"""Build the spaCy pipeline for a requirement model and turn resumes into ``Analysis`` values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator

from spacy.lang.en import English
from spacy.language import Language
from spacy.tokens import Doc

from ..catalog.internships import INTERNSHIP_TERMS
from ..extraction.document import Document
from ..model import FUZZY_THRESHOLD, RequirementModel, load_model
from ..types import Category, FindingStatus, Method, PeriodKind, PhraseKind
from . import components  # noqa: F401  (registers the factories)
from .relevance import blanked
from .roletext import RoleText, role_text
from .rules.dateranges import merged_months
from .rules.extensions import doc_text, section_lookup, token_bounds
from .rules.header import EMAIL, LINK
from .rules.injection import injection_spans
from .rules.levels import SCHOOL, names_degree
from .rules.notnames import without_places
from .values import Analysis, Candidate, Entity, Period

#: The sections that tell a candidate's trade; the contact block, activities, interests, references and
#: the like are left out of the fit (docs/fairness.md: where one lives or what clubs one joins moves no score).
FIT_SECTIONS = frozenset({"summary", "experience", "education", "certifications", "skills", "projects",
                          "coursework", "internships"})
#: The sections that say what the candidate did, which the text fit reads (analyze.roletext): not the
#: skills, education or certifications, lists a resume can copy from a posting word for word.
DEED_SECTIONS = frozenset({"summary", "experience", "projects", "internships"})
#: What the fit never reads, wherever it stands: links and email addresses.
_LINK_OR_EMAIL = re.compile(f"{LINK.pattern}|{EMAIL.pattern}", re.IGNORECASE)


def trade_text(text: str, sections, contact_lines, read: frozenset[str] = FIT_SECTIONS) -> str:
    """The parts of ``text`` the fit reads: the sections ``read`` (the whole text when no section
    that tells a trade was found), without the contact lines or text addressed to a screener, and
    of the education only what was studied (``studied``)."""
    spans = [(label, a, b) for label, a, b in sections if label in read]
    if not any(label in FIT_SECTIONS for label, _, _ in sections):
        spans = [("", 0, len(text))]
    blanks = [*contact_lines, *injection_spans(text)]
    out = []
    for label, a, b in spans:
        part = text[a:b]
        for c, d in blanks:
            if c < b and d > a:
                lo, hi = max(c, a) - a, min(d, b) - a
                part = part[:lo] + " " * (hi - lo) + part[hi:]
        out.append(studied(part) if label == "education" else part)
    # a link or an email address anywhere (a profile's address at the foot of an export, a referee's
    # email) tells no trade: "indeed.com" read as the ".com" of marketing and sales tools
    return _LINK_OR_EMAIL.sub(" ", "\n".join(out))


def fit_words(text: str, name: tuple[str, ...], employers: tuple[str, ...]) -> str:
    """The words of a resume's ``trade_text`` that the fits read: without the words of the
    candidate's ``name``, which tell no trade and must move no score, nor its jobs' ``employers``
    and the towns: where one works tells no trade either (docs/fairness.md)."""
    for word in name:
        text = re.sub(rf"(?i)\b{re.escape(word)}\b", " ", text)
    return without_places(blanked(text, employers))


#: A line of the education that says what was studied: a major, courses, a thesis.
_STUDY_LABEL = re.compile(r"^\W*(?:relevant\s+)?(?:course(?:work|s)?|modules?|majors?|majoring|minors?|"
                          r"speciali[sz]ation|concentration|thesis|dissertation|field of study|focus)\b", re.I)




def studied(education: str) -> str:
    """The lines of an education section that say what the candidate studied: each degree's line
    (a degree level, "B.S.", "Master of ...") and the line after it where its field often is (not
    a line naming a school), and lines labelled as a major, courses or a thesis. The schools
    attended, their kind ("Sale High School", "St. John's Secondary College") and the
    school-leaving records under them ("GCSE English, Grade C") tell no trade: read, they made a
    student's resume read as a school teacher's."""
    lines = education.split("\n")
    keep: set[int] = set()
    for i, line in enumerate(lines):
        if names_degree(line):
            keep.add(i)
            if i + 1 < len(lines) and not SCHOOL.search(lines[i + 1]):
                keep.add(i + 1)
        elif _STUDY_LABEL.match(line):
            keep.add(i)
    return "\n".join(lines[i] for i in sorted(keep))


#: Findings that only name a phrase (not a deed shown by a verb-object pattern).
_PHRASE_METHODS = frozenset({Method.EXACT, Method.ALIAS, Method.LEMMA, Method.FUZZY})

PIPE_NAMES = ("resumematch_lemmas", "resumematch_sections", "resumematch_contact",
              "resumematch_terms", "resumematch_patterns", "resumematch_degrees", "resumematch_fuzzy",
              "resumematch_context", "resumematch_dates")


def build_pipeline(model: RequirementModel, as_of: dt.date | None = None) -> Language:
    """A blank English pipeline with the resumematch components, given the model's phrases,
    patterns and degree fields through ``nlp.initialize()``. ``resumematch_lemmas`` sets the
    lemmas from spaCy's English lookup table (``LemmaCase``); spaCy's own lemmatizer is not run."""
    nlp = _PlainEnglish()
    nlp.max_length = Document.MAX_CHARS  # longer text is refused as too_large when extracted
    for name in PIPE_NAMES:
        nlp.add_pipe(name)
    nlp.config["initialize"]["components"].update(initial_settings(model, as_of or dt.date.today()))
    nlp.initialize()
    return nlp


class _PlainEnglish(English):
    """English without the tokenizer's special cases (contractions, emoticons, "Jan."): they took
    ~90% of tokenizing time and help none of our matching (patterns are tokenized by the same
    tokenizer, dates and degrees are read by regex). Built without them rather than cleared after:
    loading the 1,300 cases took 50-80 ms of each worker's start-up."""

    class Defaults(English.Defaults):
        tokenizer_exceptions: dict = {}


def initial_settings(model: RequirementModel, as_of: dt.date) -> dict[str, dict]:
    """What each component's ``initialize()`` takes from the model, by component name."""
    terms, fuzzy, patterns, degrees = [], [], [], []
    for req in model.requirements:
        base = {"category": str(req.category), "id": req.id, "name": req.label}
        if req.degree:
            degrees.append({"id": req.id, "label": req.label, "levels": [str(v) for v in req.degree.levels],
                            "fields": list(req.degree.fields)})
        for phrase in req.aliases:
            entry = {**base, "phrase": phrase, "kind": PhraseKind.ALIAS, "threshold": req.fuzzy_threshold,
                     "context_only": phrase in req.context_only}
            terms.append(entry)
            if phrase not in req.context_only:
                fuzzy.append(entry)
        terms += [{**base, "phrase": p, "kind": PhraseKind.EVIDENCE} for p in req.evidence]
        patterns += [{**base, "verbs": list(p.verbs), "objects": list(p.objects), "max_gap": p.max_gap}
                     for p in req.patterns]
    if not asks_internship(model):
        # an intern's period is an internship under every model: read its words, for no requirement
        terms += [{"category": str(Category.INTERNSHIP), "id": None, "name": "Internship", "phrase": phrase,
                   "kind": PhraseKind.ALIAS} for phrase in INTERNSHIP_TERMS]
    for other in model.other_terms:
        for phrase in other.aliases:
            entry = {"category": str(other.category), "id": None, "name": other.name, "phrase": phrase,
                     "kind": PhraseKind.ALIAS, "threshold": FUZZY_THRESHOLD}
            terms.append(entry)
            fuzzy.append(entry)
    return {"resumematch_terms": {"entries": terms}, "resumematch_patterns": {"patterns": patterns},
            "resumematch_degrees": {"requirements": degrees}, "resumematch_fuzzy": {"entries": fuzzy},
            "resumematch_dates": {"relevant_terms": list(model.experience.relevant_terms),
                                  "occupations": list(model.experience.occupations),
                                  "role_occupations": list(model.experience.role_occupations),
                                  "role_titles": list(model.experience.role_titles), "title": model.title,
                                  "as_of": as_of.isoformat()}}


#: How far before an entry's dates its title and its own words may stand (characters).
_ENTRY_REACH = 300


def asks_internship(model: RequirementModel) -> bool:
    """Whether the model asks for an internship: then an intern's months are that, not work, and the
    words that name one are its requirement's, not read for the periods' kind alone."""
    return any(r.category == Category.INTERNSHIP for r in model.requirements)


def _internship_as_work(period: dict, asks: bool) -> dict:
    """An internship period as the model counts it: under a model that asks for an internship it is
    that requirement's, not relevant work; under any other, its months are work like a job's."""
    why = ("an internship, which the role's internship requirement counts, not years of work" if asks
           else f"an internship, as work: {period['why']}")
    return {**period, "relevant": period["relevant"] and not asks, "role": period["role"] and not asks, "why": why}


class Analyzer:
    """Analyses resumes against one requirement model; build it once, use it for many resumes.

    ``as_of`` is the date that "Present" means; fix it for reproducible runs.
    """

    def __init__(self, model: RequirementModel | str = "it_project_manager", *,
                 as_of: dt.date | None = None) -> None:
        self.model = model if isinstance(model, RequirementModel) else load_model(model)
        self.as_of = as_of or dt.date.today()
        self.nlp = build_pipeline(self.model, self.as_of)
        self.role_text = RoleText(role_text(self.model))

    def _held_by_section(self, periods: list[dict], entities: list[Entity], document: Document | None) -> list[Entity]:
        """An entry under an Internships heading is an internship, whatever its title says ("Acme
        Corp, June - August 2019"): where no finding of its own says so, its dates are the evidence
        of each internship requirement of the model, as what the candidate did."""
        asked = [r for r in self.model.requirements if r.category == Category.INTERNSHIP]
        own = [e.start for e in entities if e.category == Category.INTERNSHIP and e.status == FindingStatus.OWN]
        return [Entity(category=Category.INTERNSHIP, id=r.id, name=r.label, text=p["text"], method=Method.EVIDENCE,
                       score=1.0, status=FindingStatus.OWN, section="internships",
                       page=document.page_of(p["offset"]) if document else 1, start=p["offset"],
                       end=p["offset"] + len(p["text"]))
                for p in periods if p["kind"] == PeriodKind.INTERNSHIP and p["section"] == "internships"
                and not any(p["offset"] - _ENTRY_REACH <= at <= p["offset"] + len(p["text"]) for at in own)
                for r in asked]

    @property
    def _asks_internship(self) -> bool:
        return asks_internship(self.model)

    def analyze(self, source: str | Document) -> Analysis:
        """Analyse one resume given as text or as an extracted ``Document``."""
        return next(self.analyze_many([source]))

    def analyze_many(self, sources: Iterable[str | Document], batch_size: int = 16) -> Iterator[Analysis]:
        """Analyse resumes lazily with ``nlp.pipe``; yields one ``Analysis`` per input, in order."""
        def docs():
            for source in sources:
                document = source if isinstance(source, Document) else None
                text = document.text if document else str(source)
                doc = self.nlp.make_doc(text)
                # A Doc's text is always its input; spaCy would rebuild it token by token.
                doc.user_data["rm_text"] = text
                if document is not None and document.meta.get("display_lines"):
                    doc.user_data["rm_display_lines"] = tuple(document.meta["display_lines"])
                yield doc, document
        for spacy_doc, document in self.nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
            yield self._to_analysis(spacy_doc, document)

    def _to_analysis(self, doc: Doc, document: Document | None) -> Analysis:
        starts, ends, _ = token_bounds(doc)
        text = doc_text(doc)
        section_at = section_lookup(doc)
        entities = []
        reader = self.nlp.get_pipe("resumematch_dates").reader
        for f in doc._.rm_findings or []:
            if f.req_id is None and f.category == Category.INTERNSHIP and not self._asks_internship:
                continue  # read for the periods' kind alone (``initial_settings``)
            start, end = starts[f.start], ends[f.end - 1]
            status = f.status
            # a tool's everyday-word name the context has read as the tool ("Built Excel workbooks")
            # names the tool, however many trades use it: no generic word
            tool = f.category == Category.TECHNICAL_SKILLS and f.needs_context
            if (f.req_id and status == FindingStatus.MENTIONED and f.method in _PHRASE_METHODS and not tool
                    and reader.is_generic(text[start:end], f.name)):
                status = FindingStatus.GENERIC
            entities.append(Entity(
                category=f.category, id=f.req_id, name=f.name, text=text[start:end], method=f.method,
                score=round(f.score, 3), status=status, section=section_at(start),
                page=document.page_of(start) if document else 1, start=start, end=end))
        asks = self._asks_internship
        raw = [_internship_as_work(p, asks) if p["kind"] == PeriodKind.INTERNSHIP else p
               for p in doc._.rm_periods or []]
        periods = tuple(Period(**{k: v for k, v in p.items() if not k.startswith("_")}) for p in raw)
        worked = {PeriodKind.WORK} | (set() if asks else {PeriodKind.INTERNSHIP})
        work = [p["_range"] for p in raw if p["kind"] in worked]
        relevant = [p["_range"] for p in raw if p["kind"] in worked and p["relevant"]]
        role = [p["_range"] for p in raw if p["kind"] in worked and p["role"]]
        interns = [p["_range"] for p in raw if p["kind"] == PeriodKind.INTERNSHIP]
        info = doc._.rm_contact or {}
        employers = tuple(dict.fromkeys(e for p in raw if p["kind"] in (PeriodKind.WORK, PeriodKind.INTERNSHIP)
                                        for e in reader.employers(p["title"])))
        sections, contact = doc._.rm_sections or (), doc._.rm_contact_lines or ()
        name = tuple((info.get("name") or "").split())
        fit = reader.fit(fit_words(trade_text(text, sections, contact), name, employers))
        text_fit = self.role_text.read(fit_words(trade_text(text, sections, contact, DEED_SECTIONS), name, employers))
        entities += self._held_by_section(raw, entities, document)
        own_internships = {e.start for e in entities
                           if e.category == Category.INTERNSHIP and e.status == FindingStatus.OWN}
        return Analysis(
            candidate=Candidate(info.get("name"), info.get("email"), info.get("phone")),
            experience_years=round(merged_months(work) / 12, 2),
            relevant_experience_years=round(merged_months(relevant) / 12, 2),
            internship_years=round(merged_months(interns) / 12, 2),
            internships=max(len(interns), 1 if own_internships else 0),
            entities=tuple(entities),
            periods=periods,
            sections=tuple(tuple(s) for s in doc._.rm_sections or ()),
            model=self.model.name,
            as_of=self.as_of.isoformat(),
            fit=fit.fit,
            fit_terms=fit.terms,
            fit_occupation=fit.closest.title if fit.closest else "",
            role_experience_years=round(merged_months(role) / 12, 2),
            text_fit=text_fit.value,
            text_fit_terms=text_fit.terms,
        )
