"""A posting's text cut into items (sentences, list items, clauses), and why an item asks nothing.

Postings arrive with or without line breaks: pasted from a job board as one paragraph, bullets
written inline ("•", " - ", "1) "), headings run into the text ("... team. Requirements: 5+
years ..."). ``split_line`` cuts one line at sentence ends, inline bullets and numbers, semicolons
that start a new item, and the cue phrases postings open items with ("Must have", "Experience
with"); ``skip_reason`` says when an item is the company's self-description, benefits and pay,
equal-opportunity or legal text, or an application instruction, so nothing is drafted from it.
"""

from __future__ import annotations

import re
import unicodedata

from .words import is_verb, lemma

#: Headings that run into the text of a one-paragraph posting, recognised by their words.
INLINE_HEADINGS = (
    r"(?:Minimum|Basic|Required|Preferred|Desired|Additional|Key|Professional|Technical)\s+"
    r"(?:Qualifications?|Requirements|Skills(?: and Experience)?|Experience)(?: Requirements)?",
    r"Nice[- ]to[- ][Hh]aves?", r"Must[- ][Hh]aves?", r"Qualifications?", r"Requirements", r"Responsibilities",
    r"Key Responsibilities", r"Duties(?: and Responsibilities)?", r"What [Yy]ou(?:'|’| wi)ll [Dd]o",
    r"What [Ww]e [Oo]ffer", r"Benefits", r"Perks", r"About [Uu]s", r"About the [Cc]ompany", r"Who [Ww]e [Aa]re",
    r"Education", r"Skills", r"Summary", r"Overview", r"Job Description", r"Compensation", r"Salary",
    r"Equal (?:Employment )?Opportunity", r"How to [Aa]pply", r"Who [Mm]ay [Aa]pply", r"Conditions of Employment",
    r"Certifications?", r"(?:[A-Z][a-z]+ ){1,3}(?:Requirements?|Qualifications?)", r"Preferred", r"Desired",
    r"Desirable", r"Required", r"Bonus",
)
#: Each heading opens with a capital; its other words may be in any case ("Preferred qualifications").
_HEADS = "|".join(f"(?=[A-Z])(?i:{heading})" for heading in INLINE_HEADINGS)
_INLINE_HEADING = re.compile(r"(?:^|(?<=[.!?;]\s)|(?<=[a-z0-9)]\s))(" + _HEADS + r"):\s*|"
                             r"(?:^|(?<=[.!?:]\s))(" + _HEADS + r")\s+(?=[A-Z0-9\u2022-])|"
                             r"(?<=\s)(" + _HEADS + r")\s+(?=[-\u2022]\s)")  # "... juniors Requirements - a BSc"
#: Phrases that open a new requirement in a posting written without punctuation.
_CUE_START = re.compile(r"(?<=[a-z0-9)%+])(?<!\bor)(?<!\band)\s+(?=(?:Must (?:have|be|hold)|(?:In order to|To) qualify|"
                        r"Experience (?:with|in|using)|Knowledge of|"
                        r"Ability to|Proficien(?:t|cy) (?:in|with)|Familiarity with|Bachelor['’]?s|Master['’]?s|"
                        r"Strong|Excellent|Preferred|Desired Skills)\b)")
_INLINE_BULLET = re.compile(r"\s*[\u2022\u25aa\u25cf\u00b7\u2023\u2043]\s*")
_NUMBERED = re.compile(r"(?:^|(?<=[:;.,])|(?<=\sand)|(?<=\sor))\s*(?<!\()\d{1,2}[.)]\s+(?=[A-Z])")
#: A full stop ends a sentence unless it follows an abbreviation ("B.S.", "e.g.", "Sr.").
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"'“])")
_ABBREV = re.compile(r"(\b[A-Za-z]\.){2,}$|\b(e\.g|i\.e|etc|Sr|Jr|Dr|Mr|Ms|vs|St|No|approx|incl|U\.S)\.$|\d\.$",
                     re.I)
_DASH_ITEM = re.compile(r"\s+[-–]\s+(?=[A-Z0-9])")

#: Headings that name the posting's duties.
DUTY_HEADINGS = re.compile(r"responsib|duties|what you('| wi)ll (be )?do|your role|day[- ]to[- ]day|"
                           r"key tasks|in this role|what you do|job description|essential functions|"
                           r"your mission|your impact", re.I)
#: What "You will ..." says that is the job's setting, what it gives or what it asks of the hire,
#: not a duty done in it: "You'll join our team", "You will receive ...", "You will undergo a
#: background check", "You'll accrue PTO", "You will use NetSuite daily".
NOT_A_DUTY = frozenset({"join", "work", "report", "be", "have", "thrive", "grow", "learn", "become", "start", "sit",
                        "travel", "enjoy", "receive", "get", "find", "love", "make", "spend", "excel", "succeed",
                        "fit", "need", "bring", "earn", "qualify", "must", "undergo", "accrue", "participate",
                        "use", "pass", "attend", "gain", "obtain", "benefit", "belong"})
_YOU_WILL = re.compile(r"^(?:you will|you['’]ll)\s+(?:also\s+)?([a-z]+)", re.I)
#: Skip rules that a duty of the job is never subject to: an HR posting's duties name background
#: checks and benefits ("You will own onboarding, including background checks").
_NOT_FOR_DUTIES = frozenset({"legal", "benefits"})


def said_as_duty(text: str) -> bool:
    """Whether ``text`` tells a duty: "You will administer benefits" (not "You will receive ...", ``NOT_A_DUTY``)."""
    m = _YOU_WILL.match(text)
    return bool(m) and m.group(1).lower() not in NOT_A_DUTY


#: The role as a sentence's subject: "The Manager advises ...", "The incumbent also maintains ...".
_ROLE_SUBJECT = re.compile(r"^(?:in this (?:role|position),\s+)?(?:the|this)\s+(?:[A-Za-z/&-]+\s+){0,3}?"
                           r"(?:incumbent|candidate|hire|selectee|employee|"
                           r"individual|person|position|manager|director|supervisor|specialist|coordinator|analyst|"
                           r"accountant|generalist|officer|administrator|assistant|associate|controller|recruiter|"
                           r"engineer|developer|nurse|technician|partner|lead|clerk|bookkeeper|auditor|"
                           r"representative)\s+(?:also\s+)?"
                           # "advises ...", or "will oversee ..." (an agency's prose)
                           r"(?:(?P<will>will\s+(?:also\s+)?)(?=[a-z]+\b)|(?=[a-z]+s\b))", re.I)


#: The terms of a hire, said in the future: by their verb and what follows it ("will relocate to
#: ...", "will undergo ..."), or by a verb of the terms with their words after it ("will serve a
#: probationary period", "will sign a non-disclosure agreement", "will remain posted until filled",
#: "will pay $24.50 per hour"). A duty of those words keeps its own verb ("will conduct background
#: checks", "will build the weekly work schedule").
_TERMS = re.compile(r"^(?:close\s+on|remain\s+open|relocate\s+to|commit\s+to|start\s+on|begin\s+(?:on|employment)|"
                    r"undergo|agree\s+to|submit\s+to)\b", re.I)
_TERMS_VERBS = frozenset({"remain", "close", "serve", "pay", "offer", "follow", "submit", "sign", "accept", "start",
                          "begin", "require", "receive", "work", "be", "complete", "pass"})
#: The words of the terms: the hire's own, after "a"/"an" ("a probationary period", "a pre-employment
#: physical"; "will complete background checks for new hires" is a duty), or the posting's ("until
#: filled", "$24.50 per hour", "prior to appointment").
_HIRES_OWN = (r"probationary|probation|pre-employment|drug\s+(?:screen|test)\w*|background\s+(?:check|investigation)|"
              r"non-disclosure|non-compete|confidentiality\s+agreement|employment\s+(?:agreement|contract)|"
              r"physical\s+exam\w*")
_TERMS_WORDS = re.compile(rf"\ban?\s+(?:[\w/()-]+\s+){{0,3}}?(?:{_HIRES_OWN}|offer|(?:hybrid|compressed|remote|"
                          r"flexible)\s+(?:work\s+)?schedule)\b|\b(?:posted|until\s+filled|"
                          r"applications?\s+(?:is|are)\s+received|number\s+of\s+applications|official\s+transcripts?|"
                          r"(?:prior\s+to|upon)\s+(?:appointment|hire|start)|start\s+date|hourly\s+rate|per\s+hour|"
                          r"\$[\d,.]+\s*(?:per|an|a|/)\s*(?:hour|hr|year|yr|annum))\b", re.I)
#: Said of the hire ("The successful candidate will complete pre-employment drug testing"): no article.
_HIRE_SUBJECT = re.compile(r"\b(?:candidate|selectee|hire|applicant)\b", re.I)
_HIRES_OWN_WORDS = re.compile(rf"\b(?:{_HIRES_OWN})\b", re.I)
#: Verbs that say what the hire has or is, not a duty: "The successful candidate will possess ...".
_HAS = frozenset({"possess", "hold", "demonstrate", "show", "know", "understand", "meet", "require", "ideally"})


def said_of_the_role(text: str) -> list[str]:
    """The duties a sentence gives the role in the third person ("The Manager advises supervisors
    on ...; administers FMLA requests; and ensures compliance with ..."), one per clause between
    semicolons, each opening with its verb; [] for any other sentence."""
    m = _ROLE_SUBJECT.match(text)
    verb = re.match(r"[a-z]+", text[m.end():]) if m else None
    if not verb or not is_verb(lemma(verb.group())) or (lemma(verb.group()) == verb.group()) is not bool(m["will"]):
        return []  # "The Manager advises", "The supervisor will review"; not "will be expected to"
    rest = text[m.end():]
    terms = lemma(verb.group()) in _TERMS_VERBS and (_TERMS_WORDS.search(rest) or _HIRE_SUBJECT.search(m.group())
                                                     and _HIRES_OWN_WORDS.search(rest))
    if lemma(verb.group()) in NOT_A_DUTY | _HAS or m["will"] and (_TERMS.search(text[m.end():]) or terms):
        return []  # "The ideal candidate will have ...", "The position will close on ...": no duty
    return [c for c in (re.sub(r"^and\s+", "", c.strip()) for c in text[m.end():].split(";")) if c]


def _orders_a_duty(text: str, heading: str) -> bool:
    """Whether ``text``, under a duties heading, opens with a verb ("Conduct background checks on new
    hires", "Administering medical benefits", "Ensures compliance with ...") or says whose duty it is
    ("Responsible for administering the 401(k) plan"); "Applicants must be authorized to work",
    "Medical, dental and vision insurance" under the same heading do not."""
    if not DUTY_HEADINGS.search(heading):
        return False
    if re.match(r"(?i)(?:responsible for|oversight of|administration of|management of)\b", text):
        return True  # "Responsible for administering the 401(k) plan"
    first = re.match(r"[A-Za-z]+", text)
    return bool(first and first.group()[1:].islower() and is_verb(lemma(first.group())))

#: Why an item asks nothing of the candidate: (reason, pattern). The first that matches wins.
SKIP_RULES = (
    ("legal", re.compile(
        r"equal (employment )?opportunity|without regard to|regardless of (race|age|gender)|race, colou?r|"
        r"sexual orientation|gender identity|protected (veteran|status|class)|reasonable accommodation|"
        r"e-verify|affirmative action|selective service|background (check|investigation)|drug (test|screen)|"
        r"security clearance|citizenship|u\.s\. citizens?\b|\bcitizens? or national|probationary period|"
        r"bargaining unit|public law|direct deposit|fingerprint|pre-employment|at-will|eligible to work|"
        r"work authori[sz]ation|sponsorship|who may apply", re.I)),
    ("benefits", re.compile(
        r"\bwe offer\b|benefits (include|package)|\bour benefits\b|401\s*\(?k\)?|health(, dental| insurance| care "
        r"coverage)|dental and vision|paid time off|\bPTO\b|parental leave|competitive (salary|pay|compensation)|"
        r"salary range|pay range|\$\s?\d|per (year|hour|annum)\b|stock options|tuition (reimbursement|assistance)|"
        r"wellness|telework|remote/virtual|relocation (expenses|assistance)|promotion potential", re.I)),
    ("application", re.compile(
        r"\bto apply\b|\bapply (now|online|today)|submit (your|a) (resume|cv|application)|cover letter|"
        r"transcripts? (will be |are |is )?required|must (be )?(fully )?documented on your resume|"
        r"closing date|^closing\s*:|^(?:closes|open until|apply by|posting (?:date|closes)|posted)\b|open until filled|"
        r"receive credit for|will be considered to have met|this definition of|lieu of a completed application|"
        r"(this|the) (job |vacancy )?announcement|\bvisit\b.*\b(www|http|website)|\byour (resume|cv) "
        r"(must|should)\b|^(?:(?:we )?(?:(?:will|may) (?:also )?consider|welcome) )?(?:new|recent) grad(?:uate)?s"
        r"(?: (?:are )?welcome)?\W*$",
        re.I)),
)
#: The company speaking of itself: "We are ...", "Our mission ...", "Acme is a leading ...".
_COMPANY = re.compile(r"^(we|we're|we’re|our|us|at (?!least\b|a minimum\b|minimum\b)(?-i:[A-Z])\w*|join (us|our))\b|"
                      r"^careers? (?:at|with)\b|\b(we are|we're|we’re|our (company|team|"
                      r"mission|values|culture|clients|customers|people|firm|organization)|founded in|"
                      r"headquartered)\b|\b(is|are) (a|an|the) (leading|global|world|premier|fast[- ]growing|"
                      r"growing|innovative|trusted|top|largest|non-?profit|award|family[- ]owned|privately[- ]held|"
                      r"publicly[- ]traded|employee[- ]owned|well[- ]established|established|respected|thriving)|"
                      r"\b(is|are) (proud|committed|dedicated|recogni[sz]ed|one of the)\b|"
                      r"^[A-Z]{2,}\w* is responsible for", re.I)
_CANDIDATE = re.compile(r"\b(you|your|you'll|candidate|applicant|incumbent|the ideal|must|required|requires|"
                        r"preferred|qualifications?|experience|ability|skills?)\b", re.I)


def prepare(text: str) -> str:
    """The text with inline bullets and numbered items on their own lines, as bullets."""
    text = _INLINE_BULLET.sub("\n- ", text)
    text = re.sub(r"(?<=[.:;])\s+-(?=[A-Z])", "\n- ", text)  # "... cases. -Rates and ranks ...": "-" opens an item
    lines = []
    for line in text.splitlines():
        lines.append(_NUMBERED.sub("\n- ", line) if len(_NUMBERED.findall(line)) >= 2 else line)
    return "\n".join(lines)


def split_line(line: str) -> list[tuple[str, str]]:
    """The items of one line, each with the inline heading it opens with ("" when none); a heading
    with nothing after it is an item of its own with empty text."""
    out: list[tuple[str, str]] = []
    heading, start = "", 0
    for match in _INLINE_HEADING.finditer(line):
        out += [(piece, heading if i == 0 else "") for i, piece in enumerate(_sentences(line[start:match.start()]))]
        if heading and not line[start:match.start()].strip():
            out.append(("", heading))
        heading, start = next(g for g in match.groups() if g).strip(), match.end()
    pieces = _sentences(line[start:])
    out += [(piece, heading if i == 0 else "") for i, piece in enumerate(pieces)]
    if heading and not pieces:
        out.append(("", heading))
    return out


def _sentences(text: str) -> list[str]:
    pieces, start = [], 0
    for match in _SPLIT.finditer(text):
        if not _ABBREV.search(text[:match.start()]):
            pieces.append(text[start:match.start()])
            start = match.end()
    pieces.append(text[start:])
    out = []
    # "Typical assignments include: Supporting ...": a lead-in of three words or more ends at its colon.
    pieces = [q for p in pieces for q in _lead_ins(p)]
    for piece in pieces:
        for part in _semicolon_parts(piece):
            out += _CUE_START.split(part)
    return [q for p in out if p.strip() for q in _dash_items(p)]


#: Words that open a clause of what the hire must be or will undergo, not a deed of the job.
_AUXILIARIES = frozenset({"must", "will", "shall", "should", "may", "be", "is", "are", "have", "has"})


def _semicolon_parts(text: str) -> list[str]:
    """``text`` parted at each semicolon before a capital, or before a clause that asks nothing of
    the candidate (``SKIP_RULES``: "RN license required; must be eligible to work in the US" asks the
    licence, and the legal clause had taken it with it); other lower-case clauses stay with theirs,
    and so does a deed ("...; and ensures compliance with EEO and ADA requirements")."""
    pieces = re.split(r"(;\s+)", text)
    parts = [pieces[0]]
    for sep, piece in zip(pieces[1::2], pieces[2::2]):
        first = re.match(r"(?:and\s+)?([a-z]+)", piece)
        deed = bool(first) and first.group(1) not in _AUXILIARIES and is_verb(lemma(first.group(1)))
        if piece[:1].isupper() or not deed and any(pattern.search(piece) for _, pattern in SKIP_RULES):
            parts.append(piece)
        else:
            parts[-1] += sep + piece
    return parts


def _lead_ins(text: str) -> list[str]:
    """``text`` cut after each colon that ends a lead-in of three words or more."""
    out, start = [], 0
    for match in re.finditer(r":\s+(?=[A-Z0-9])", text):
        if len(text[start:match.start()].split()) >= 3:
            out.append(text[start:match.start() + 1])
            start = match.end()
    return out + [text[start:]]


def _dash_items(text: str) -> list[str]:
    """List items joined by " - ", except where the dash defines a term ("Attention to Detail - Is
    thorough ..."): a short title-case phrase before the dash stays with what follows."""
    parts = _DASH_ITEM.split(text)
    out = [parts[0]]
    for part in parts[1:]:
        before = out[-1].strip()
        words = before.split()
        if len(words) <= 4 and all(w[:1].isupper() or w in ("of", "to", "and", "&") for w in words):
            out[-1] = f"{before} - {part}"
        else:
            out.append(part)
    return [p.strip() for p in out if p.strip()]


#: What the hire must know or have done, which names checks or benefits as its topic ("Experience with
#: I-9 and E-Verify compliance", "Experience administering an affirmative action plan"): no legal text.
_ASKS_KNOWING = re.compile(r"(?:\w+\s+){0,3}?(?:knowledge|experience|familiarity|understanding)\s+(?:of|with|in|"
                           r"administering|managing|preparing)\b", re.I)


def skip_reason(text: str, heading: str) -> str:
    """Why an item asks nothing of a candidate ("legal", "benefits", "application", "company"), or ""."""
    duty = said_as_duty(text) or _orders_a_duty(text, heading) or bool(said_of_the_role(text)) \
        or bool(_ASKS_KNOWING.match(text))
    for reason, pattern in SKIP_RULES:
        if pattern.search(text) and not (duty and reason in _NOT_FOR_DUTIES):
            return reason
    if _COMPANY.search(text) and not re.search(r"\b(you|your|candidate|applicant)\b", text, re.I):
        return "company"
    if re.match(r"^about\b(?!\s+you\b)", heading, re.I) and not re.match(
            r"^about (this|the) (position|role|job)", heading, re.I) and not _CANDIDATE.search(text):
        return "company"
    return ""


#: Unicode categories of emoji and their joiners: symbols, modifiers, format marks, combining marks.
_PICTOGRAPHS = ("So", "Sk", "Cf", "Mn")


def without_pictographs(line: str) -> str:
    """``line`` without the emoji and symbols that open it ("✅ What you bring", "🚀 Your mission"): a
    social post's headings and list items wear them, and they hid the heading."""
    start = 0
    while start < len(line) and (unicodedata.category(line[start]) in _PICTOGRAPHS or line[start].isspace()):
        start += 1
    return line[start:]


def without_end_pictographs(line: str) -> str:
    """``line`` without the emoji that open or end it ("Talent Acquisition Specialist 🚀")."""
    return without_pictographs(without_pictographs(line)[::-1])[::-1]

