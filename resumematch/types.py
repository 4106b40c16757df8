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


class Flag(StrEnum):
    """What the ``flags`` column of a row can hold; a flag with details writes them after a colon
    (``hidden_text:120``, ``ocr:1,2``)."""

    HIDDEN_TEXT = "hidden_text"            # characters a reader cannot see were left out (``:N`` of them)
    KEYWORD_STUFFING = "keyword_stuffing"  # a bare list of credential names
    INJECTION_TEXT = "injection_text"      # text addressed to an automated screener
    OCR = "ocr"                            # pages read by OCR (``:1,2``), scanned without a text layer
    DUPLICATE_OF = "duplicate_of"          # the same bytes as an earlier row (``:FILE``)


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
