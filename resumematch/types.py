"""The vocabularies every stage shares, each defined once.

They are ``StrEnum``s: a member *is* its string, so values read back from JSON, the cache or a
CSV compare equal to the members, and the members write themselves as plain strings.
"""

from __future__ import annotations

from enum import StrEnum


class DocStatus(StrEnum):
    """How reading a file went. Every status but ``ok`` comes with a reason in plain words."""

    OK = "ok"
    EMPTY = "empty"
    NO_TEXT = "no_text"
    UNREADABLE_FONT = "unreadable_font"
    ENCRYPTED = "encrypted"
    CORRUPT = "corrupt"
    UNSUPPORTED = "unsupported"
    TOO_LARGE = "too_large"
    REJECTED = "rejected"
    TIMEOUT = "timeout"
    ERROR = "error"


#: What each document status means for a recruiter.
DOC_STATUS_MEANING: dict[DocStatus, str] = {
    DocStatus.OK: "Text was extracted.",
    DocStatus.EMPTY: "The file is empty (zero bytes).",
    DocStatus.NO_TEXT: ("The file has no text to read: blank, or a scan that needs OCR "
                        '(pip install "resumematch[ocr]") or that OCR could not read.'),
    DocStatus.UNREADABLE_FONT: "The text uses fonts that cannot be decoded into letters.",
    DocStatus.ENCRYPTED: "The file is password-protected.",
    DocStatus.CORRUPT: "The file is damaged and cannot be read.",
    DocStatus.UNSUPPORTED: "The file format is not supported.",
    DocStatus.TOO_LARGE: "The file exceeds a configured size or page limit.",
    DocStatus.REJECTED: "The file was refused because it looks malicious.",
    DocStatus.TIMEOUT: "Reading the file took longer than the time limit.",
    DocStatus.ERROR: "An unexpected error occurred while reading the file (a bug in resumematch).",
}


class FindingStatus(StrEnum):
    """What a finding means in its context: whether it is held, shown, pending or not the candidate's."""

    HELD = "held"                # a certification the candidate holds
    IN_PROGRESS = "in_progress"  # a credential being prepared for, or a degree not yet finished
    EXPIRED = "expired"
    TRAINING = "training"        # a credential named in a course, exam prep or boot camp
    NOT_CLAIMED = "not_claimed"  # named, not claimed: a self-description, a pricing model, a product
    COMPLETED = "completed"      # a degree
    INCOMPLETE = "incomplete"    # a degree left unfinished
    MENTIONED = "mentioned"      # a skill, duty or topic in the candidate's own text
    OWN = "own"                  # an internship the candidate held
    NOT_OWN = "not_own"          # interns the candidate managed
    CONTACT = "contact"          # inside the name or contact lines
    HEADING = "heading"          # a section heading ("INTERNSHIPS")
    STUFFED = "stuffed"          # on a bare keyword line (the gaming review)
    GENERIC = "generic"          # a single word most trades use ("software", "system"): not enough alone


#: What each finding status means, in the words an explanation shows a recruiter.
FINDING_STATUS_WORDS: dict[FindingStatus, str] = {
    FindingStatus.HELD: "held",
    FindingStatus.IN_PROGRESS: "not yet earned",
    FindingStatus.EXPIRED: "expired",
    FindingStatus.TRAINING: "a course or programme about it, not the credential",
    FindingStatus.NOT_CLAIMED: "named, but not claimed as the candidate's",
    FindingStatus.COMPLETED: "completed",
    FindingStatus.INCOMPLETE: "not completed",
    FindingStatus.MENTIONED: "named",
    FindingStatus.OWN: "the candidate's own",
    FindingStatus.NOT_OWN: "other people's",
    FindingStatus.CONTACT: "in the contact details",
    FindingStatus.HEADING: "a section heading",
    FindingStatus.STUFFED: "in a bare list of keywords",
}

#: The region a phone number without a country code is read in, by the analysis that finds the
#: candidate's phone and by the ranked CSV that writes it.
PHONE_REGION = "US"

#: Statuses of a finding that make it count as evidence for its requirement.
COUNTING_STATUSES = frozenset({FindingStatus.HELD, FindingStatus.COMPLETED, FindingStatus.MENTIONED,
                               FindingStatus.OWN})


class Method(StrEnum):
    """How a finding was matched."""

    EXACT = "exact"      # the requirement's own name
    ALIAS = "alias"      # one of its aliases
    LEMMA = "lemma"      # an alias or evidence phrase in another inflection
    EVIDENCE = "evidence"  # an evidence phrase or pattern: what the candidate did, not a name
    FUZZY = "fuzzy"      # an alias with a typo


#: How each finding was matched, in the words an explanation shows a recruiter.
METHOD_WORDS: dict[Method, str] = {
    Method.EXACT: "its exact name",
    Method.ALIAS: "another name for it",
    Method.LEMMA: "a close form of the phrase",
    Method.EVIDENCE: "shown by what the candidate did",
    Method.FUZZY: "a near spelling of the phrase",
}


class Category(StrEnum):
    """The categories of a requirement model, in the order the ranked CSV shows them."""

    DEGREE = "degree"
    CERTIFICATION = "certification"
    EXPERIENCE = "experience"
    TECHNICAL_SKILLS = "technical_skills"
    INTERNSHIP = "internship"
    COURSEWORK = "coursework"
    SOFT_SKILLS = "soft_skills"
    DUTIES = "duties"
    PROJECT_TYPES = "project_types"


CATEGORIES: tuple[Category, ...] = tuple(Category)


class Kind(StrEnum):
    """How much a requirement matters: only ``required`` items can be missing."""

    REQUIRED = "required"
    PREFERRED = "preferred"
    BONUS = "bonus"


class OtherCategory(StrEnum):
    """Categories an ``other_terms`` entry of a model may have beside the requirement categories."""

    ORGANIZATION = "organization"  # an employer or body recognised so it is not read as a credential


class CategoryMode(StrEnum):
    """How a category's requirements combine into its score (``category_modes`` of a model)."""

    MEAN = "mean"  # the weighted mean, the default
    BEST = "best"  # the strongest one alone, for either/or lists such as certifications


class PhraseKind(StrEnum):
    """What a phrase of a requirement does: name it (an alias) or show it (an evidence phrase)."""

    ALIAS = "alias"
    EVIDENCE = "evidence"


class PeriodKind(StrEnum):
    """What a dated entry of a resume is."""

    WORK = "work"
    INTERNSHIP = "internship"
    EDUCATION = "education"
    #: The dates of a credential ("PMP, 2015 - 2018": when it was valid), not of a job.
    CREDENTIAL = "credential"


class ExperienceYears(StrEnum):
    """Which years an experience requirement counts."""

    RELEVANT = "relevant"  # jobs relevant to the role (``relevant_years``)
    ROLE = "role"  # jobs in the role itself: their title names one of its own occupations (``role_years``)
    LATEST = "latest"  # what the latest dated job is: the role itself, relevant work or other (``latest_relevance``)


class CreditRoute(StrEnum):
    """Where an evidence row's strength comes from when not from a finding (``via``): the years of an
    experience requirement, or ``satisfied_by`` for a requirement its own evidence does not meet."""

    RELEVANT_YEARS = "relevant_years"  # the row of an experience requirement
    ROLE_YEARS = "role_years"  # the row of an experience requirement counting years in the role itself
    LATEST_JOB = "latest_job"  # the row of an experience requirement with ``years: latest``
    EQUIVALENT_EXPERIENCE = "equivalent_experience"  # enough relevant years
    THROUGH = "through:"  # a prefix: "through:<id>", the requirement that stands in for it

    @staticmethod
    def through(requirement_id: str) -> str:
        """The route through requirement ``requirement_id``: ``through:<id>``."""
        return f"{CreditRoute.THROUGH}{requirement_id}"


class Flag(StrEnum):
    """What the ``flags`` column can say about a file; some carry a detail after a colon."""

    HIDDEN_TEXT = "hidden_text"            # "hidden_text:<characters>"
    KEYWORD_STUFFING = "keyword_stuffing"
    INJECTION_TEXT = "injection_text"
    UNREAD_DATES = "unread_dates"          # "unread_dates:<years>": years in the work history, no range read
    OCR = "ocr"                            # "ocr:1,2": pages read by OCR, scanned without a text layer
    DUPLICATE_OF = "duplicate_of"          # "duplicate_of:<file>", always the last flag

    def having(self, detail: object) -> str:
        """The flag with its detail: ``hidden_text:12``."""
        return f"{self}:{detail}"


class Severity(StrEnum):
    """How bad a problem in a model file is: an error stops the model from loading, a warning does not."""

    ERROR = "error"
    WARNING = "warning"


class DegreeLevel(StrEnum):
    ASSOCIATE = "associate"
    BACHELOR = "bachelor"
    MASTER = "master"
    DOCTORATE = "doctorate"
    GRADUATE_CERTIFICATE = "graduate_certificate"


class CredentialGroup(StrEnum):
    """The field a catalogued credential belongs to (``resumematch/catalog/credentials.yaml``)."""

    PROJECT_MANAGEMENT = "project_management"
    IT = "it"
    SECURITY = "security"
    CLOUD = "cloud"
    DATA = "data"
    QUALITY = "quality"
    FINANCE = "finance"
    HR = "hr"
    HEALTHCARE = "healthcare"
    TRADES = "trades"  # transport, warehousing, construction, food service, the motor trade


class CredentialKind(StrEnum):
    """What sort of thing a catalogued credential is."""

    CERTIFICATION = "certification"  # granted by a body after an exam or assessment, renewed
    LICENSE = "license"              # a legal permission to practise (RN, CPA)
    CERTIFICATE = "certificate"      # a course or programme completed (BLS card, Google career certificates)
    EXAM = "exam"                    # an exam passed on the way to a license (NCLEX-RN)


class FieldFamily(StrEnum):
    """The families that fields of study are grouped into (``resumematch/catalog/degrees.yaml``)."""

    COMPUTING = "computing"
    ENGINEERING = "engineering"
    BUSINESS = "business"
    HEALTH = "health"
    SCIENCE = "science"
    ARTS_HUMANITIES = "arts_humanities"
    SOCIAL_SCIENCE = "social_science"
    EDUCATION = "education"
    LAW = "law"
