"""The catalogue: the bundled credentials and degrees load, are consistent and cover what postings
ask for; the loader refuses broken data with a ``CatalogError``."""

from __future__ import annotations

import re
import shutil
from graphlib import TopologicalSorter

import pytest
from pydantic import ValidationError

from resumematch.catalog import Catalog, CredentialCatalog, DegreeCatalog, catalog_dir, load_catalog, term_key
from resumematch.errors import CatalogError
from resumematch.types import CredentialGroup, DegreeLevel, FieldFamily

ID = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$")

#: Short English words, US state codes and common places and agencies: a short form spelled like
#: one of these collides with ordinary text and must be marked ambiguous.
WORDS = set("""
a am an and any are as at be bed big but by can cap do go he her him his i if in is it its me my no
nor not of oh on or our out she so the to too up us was we who why yes you ace act add age aid aim
air all art ask bad bag ban bar bay bet bid bit box boy bug bus buy car cat cop cry cup cut day did
die dig dog dot dry due ear eat egg end era eye fan far fat fax fee few fit fix fly for fun gap gas
get god got gun guy gym hat hay her hey hit hot how hub ice ill ink job joy key kid kit lab law lay
led leg let lie log lot low mad man map mat may men met mix mom mud net new nod now nut odd off oil
old one opt owe own pad pal pan pat pay pen pet pie pin pit pop pot pro pub put ram ran rat raw ray
red rid rob rod row run sad sap sat saw say sea see set she shy sin sip sir sit six sky son spa spy
sum sun tab tag tan tap tax tea ten tie tin tip toe ton top toy try two use van via war was way web
wet who win yes yet zoo able also area army away baby back ball band bank base bash bath bear beat
been beer bell belt best bill bird blow blue boat body bond bone book boot born boss both bowl bulk
call calm came camp card care case cash cast cell chef chip city club coal coat code cold come cook
cool copy core cost crew crop dark data date dead deal dear debt deep desk diet disc dish door dose
down draw drop drug dual duty each earn ease east easy edge edit epic even exam exit face fact fail
fair fall farm fast fate fear feed feel file fill film find fine fire firm fish five flag flat flow
food foot form fort four free from fuel full fund gain game gate gear gift girl give glad goal gold
golf good grid grow hair half hall hand hard harm have head hear heat held help here hero high hill
hire hive hold hole home hope host hour huge hunt idea into iron item jet join jump jury just keep
kind king know lack lady lake land last late lead left less life lift like line link list live load
loan lock long look lose loss lost love luck made mail main make male many mark mass math meal mean
meat meet menu mile milk mind mine miss mode more most move much must name navy near need news next
nice nine node none note once only open oral over pace pack page paid pain pair pals park part pass
past path peak pick pipe plan play plot plus pool poor port post pull pump pure push race rail rain
rank rare rate read real rely rent rest rich ride ring rise risk road rock role roll room root rose
ruby rule rush rust safe sage sale salt same sand save scan seal seat seed seek self sell send ship
shop shot show sick side sign site size skin slip slow snap snow soft soil sold some song soon sort
soul spot star stay step stop such suit sure take talk tall tank tape task team tech tell term test
text than that them then they this time tiny tone tool tour town tree trip true tune turn twin type
unit upon used user vast very view vote wage wait walk wall want warm wash wave weak wear week well
west what when wide wife wild will wind wine wing wire wise wish with wood word work yard yarn year
your zero zone
""".split())
STATES = set("""AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM
NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC""".split())
PLACES_AND_AGENCIES = set("""US USA UK EU UAE NYC SF CIA FBI NSA BLS DEA EPA FDA CDC NIH NASA CISA FAA SEC
FTC TSA CBP FEMA OSHA NHS ACA FCA""".split())


def collides(text: str) -> bool:
    """Whether a short form written in letters alone (at most five) is also a common word, a US
    state code or a common place or agency ("CSM" no, "CIA" and "ME" yes)."""
    return (text.isalpha() and len(text) <= 5 and
            (text.lower() in WORDS or text.upper() in STATES or text.upper() in PLACES_AND_AGENCIES))


def cred(cid: str, **more) -> dict:
    return {"id": cid, "name": f"Name of {cid}", "issuer": "body", "group": "it", **more}


def catalog_data(*creds: dict, families: list | None = None) -> dict:
    return {"version": 1, "issuers": [{"id": "body", "name": "A Body"}], "families": families or [],
            "credentials": list(creds)}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


# --------------------------------------------------------------------------- the bundled data


@pytest.mark.parametrize("folder", [None])
def test_catalog_loads_once_with_a_version(folder):
    first, second = load_catalog(folder), load_catalog(folder)
    assert first is second
    assert re.fullmatch(r"\d+\.\d+\.\d+\.\d+", first.version)
    assert re.fullmatch(r"[0-9a-f]{64}", first.sha256)


@pytest.mark.parametrize("minimum, per_group", [(150, 8)])
def test_catalog_credentials_cover_every_group(catalog, minimum, per_group):
    creds = catalog.credentials.credentials
    assert len(creds) >= minimum
    for group in CredentialGroup:
        assert sum(c.group == group for c in creds) >= per_group, group


@pytest.mark.parametrize("spelling, expected", [
    ("PMP", "cert.pmp"), ("CAPM", "cert.capm"), ("PMI-ACP", "cert.pmi_acp"), ("PMI ACP", "cert.pmi_acp"),
    ("PMI-RMP", "cert.pmi_rmp"), ("PgMP", "cert.pgmp"), ("PfMP", "cert.pfmp"), ("PMI-SP", "cert.pmi_sp"),
    ("PMI-PBA", "cert.pmi_pba"), ("Certified ScrumMaster", "cert.csm"), ("A-CSM", "cert.a_csm"),
    ("CSP-SM", "cert.csp_sm"), ("CSPO", "cert.cspo"), ("A-CSPO", "cert.a_cspo"), ("CSD", "cert.csd"),
    ("PSM I", "cert.psm_i"), ("PSM II", "cert.psm_ii"), ("PSM III", "cert.psm_iii"), ("PSPO I", "cert.pspo_i"),
    ("PSD", "cert.psd"), ("PAL-I", "cert.pal_i"), ("PRINCE2 Foundation", "cert.prince2_foundation"),
    ("PRINCE2 Practitioner", "cert.prince2_practitioner"), ("PRINCE2 Agile Practitioner", "cert.prince2_agile_practitioner"),
    ("MSP Practitioner", "cert.msp_practitioner"), ("ITIL 4 Foundation", "cert.itil4_foundation"),
    ("ITIL 4 Managing Professional", "cert.itil4_mp"), ("CompTIA Project+", "cert.project_plus"),
    ("Certified SAFe Agilist", "cert.safe_agilist"), ("AWS Certified Solutions Architect - Associate",
                                                      "cert.aws_solutions_architect_associate"),
    ("AZ-104", "cert.az_104"), ("Professional Cloud Architect", "cert.google_professional_cloud_architect"),
    ("CCNA", "cert.ccna"), ("CCNP", "cert.ccnp"), ("CCIE", "cert.ccie"), ("CompTIA A+", "cert.a_plus"),
    ("Network+", "cert.network_plus"), ("Security+", "cert.security_plus"), ("CySA+", "cert.cysa_plus"),
    ("PenTest+", "cert.pentest_plus"), ("CASP+", "cert.casp_plus"), ("Cloud+", "cert.cloud_plus"),
    ("Linux+", "cert.linux_plus"), ("Data+", "cert.data_plus"), ("Server+", "cert.server_plus"),
    ("CISSP", "cert.cissp"), ("CCSP", "cert.ccsp"), ("SSCP", "cert.sscp"), ("CISA", "cert.cisa"),
    ("CISM", "cert.cism"), ("CRISC", "cert.crisc"), ("CGEIT", "cert.cgeit"), ("RHCSA", "cert.rhcsa"),
    ("CKA", "cert.cka"), ("CKAD", "cert.ckad"), ("Salesforce Certified Administrator", "cert.salesforce_admin"),
    ("Tableau Desktop Specialist", "cert.tableau_desktop_specialist"), ("SnowPro Core", "cert.snowpro_core"),
    ("Databricks Certified Data Engineer Associate", "cert.databricks_data_engineer_associate"),
    ("Lean Six Sigma Green Belt", "cert.six_sigma_green_belt"), ("CSSBB", "cert.asq_cssbb"), ("CQE", "cert.asq_cqe"),
    ("CFA", "cert.cfa"), ("CIA", "cert.cia"), ("FRM", "cert.frm"), ("ACCA", "cert.acca"), ("CFP", "cert.cfp"),
    ("Enrolled Agent", "cert.ea"), ("SHRM-CP", "cert.shrm_cp"), ("SHRM-SCP", "cert.shrm_scp"), ("PHR", "cert.phr"),
    ("SPHR", "cert.sphr"), ("aPHR", "cert.aphr"), ("GPHR", "cert.gphr"), ("Registered Nurse", "cert.rn"),
    ("Registered Professional Nurse", "cert.rn"),
    ("LPN", "cert.lpn"), ("LVN", "cert.lpn"), ("BLS", "cert.bls"), ("ACLS", "cert.acls"), ("PALS", "cert.pals"),
    ("CNA", "cert.cna"), ("CCRN", "cert.ccrn"), ("NCLEX-RN", "cert.nclex_rn"),
])
def test_catalog_credential_spellings_resolve(catalog, spelling, expected):
    assert [c.id for c in catalog.credentials.lookup(spelling)] == [expected]


@pytest.mark.parametrize("spelling, expected", [
    ("CMA", {"cert.cma", "cert.cma_medical"}), ("CPA", {"cert.cpa", "cert.cpa_canada"}),
    ("NRP", {"cert.nrp_neonatal", "cert.paramedic"}), ("Scrum Master certification", {"cert.csm", "cert.psm_i"}),
    ("No Such Credential", set()),
])
def test_catalog_shared_spellings_name_each_credential(catalog, spelling, expected):
    assert {c.id for c in catalog.credentials.lookup(spelling)} == expected


@pytest.mark.parametrize("spelling, ambiguous", [
    ("CSM", True), ("CAPM", True), ("RN", True), ("CNA", True), ("CIA", True), ("EA", True), ("BLS", True),
    ("CMA", True), ("CFA", True), ("A+", True), ("PMP", False), ("CISSP", False), ("R.N.", False), ("ITIL 4 Foundation", False),
])
def test_catalog_credential_ambiguity_marks(catalog, spelling, ambiguous):
    assert catalog.credentials.is_ambiguous(spelling) is ambiguous


def test_catalog_ids_are_unique_and_well_formed(catalog):
    ids = ([c.id for c in catalog.credentials.credentials] + [d.id for d in catalog.degrees.degrees]
           + [f.id for f in catalog.degrees.fields])
    assert len(ids) == len(set(ids))
    assert all(ID.match(i) for i in ids)
    assert all(c.id.startswith("cert.") for c in catalog.credentials.credentials)


def test_catalog_references_resolve(catalog):
    creds = catalog.credentials
    issuers, families = {i.id for i in creds.issuers}, {f.id for f in creds.families}
    for c in creds.credentials:
        assert {*c.supersedes, *c.near_misses} <= set(creds.by_id), c.id
        assert {c.issuer, *c.other_issuers} <= issuers and (c.family is None or c.family in families), c.id


def test_catalog_supersedes_has_no_cycles_and_climbs_ladders(catalog):
    graph = {c.id: set(c.supersedes) for c in catalog.credentials.credentials}
    list(TopologicalSorter(graph).static_order())  # raises CycleError on a cycle
    by_id = catalog.credentials.by_id
    for c in catalog.credentials.credentials:
        for lower in (by_id[i] for i in c.supersedes):
            assert lower.family != c.family or c.family is None or lower.level < c.level, (c.id, lower.id)


@pytest.mark.parametrize("required, holders", [
    ("cert.capm", {"cert.capm", "cert.pmp"}),
    ("cert.prince2_foundation", {"cert.prince2_foundation", "cert.prince2_practitioner"}),
    ("cert.sscp", {"cert.sscp", "cert.cissp", "cert.issap", "cert.issep", "cert.issmp"}),
    ("cert.pmp", {"cert.pmp"}),
])
def test_catalog_satisfying_follows_supersedes(catalog, required, holders):
    assert catalog.credentials.satisfying(required) == holders


@pytest.mark.parametrize("one, other", [
    ("cert.network_plus", "cert.project_plus"), ("cert.psm_i", "cert.csm"), ("cert.pmi_acp", "cert.pmp"),
    ("cert.cspo", "cert.csm"), ("cert.security_plus", "cert.cysa_plus"),
])
def test_catalog_near_misses_are_mutual(catalog, one, other):
    by_id = catalog.credentials.by_id
    assert other in by_id[one].near_misses and one in by_id[other].near_misses


def test_catalog_every_spelling_names_one_credential_unless_shared(catalog):
    owners: dict[str, set[str]] = {}
    marks: dict[str, list[bool]] = {}
    for c in catalog.credentials.credentials:
        for t in c.terms:
            owners.setdefault(t.key, set()).add(c.id)
            marks.setdefault(t.key, []).append(t.shared)
    assert all(all(marks[key]) for key, ids in owners.items() if len(ids) > 1)


@pytest.mark.parametrize("text, expected", [("CIA", True), ("ME", True), ("PALS", True), ("Go", True),
                                            ("PMP", False), ("CISSP", False), ("M.S.", False), ("Network+", False)])
def test_catalog_collides_recognises_words_states_and_agencies(text, expected):
    assert collides(text) is expected


def _unmarked_collisions(catalog: Catalog) -> list[tuple[str, str]]:
    terms = [(c.id, t) for c in catalog.credentials.credentials for t in c.terms]
    terms += [(f.id, t) for f in catalog.credentials.families for t in f.aliases]
    terms += [(d.id, t) for d in catalog.degrees.degrees for t in d.terms]
    terms += [(str(w.level), t) for w in catalog.degrees.levels for t in w.phrases]
    terms += [(f.id, t) for f in catalog.degrees.fields for t in f.terms if t.text.isupper()]
    terms += [(x.name, t) for x in catalog.technology.technologies for t in x.terms]
    return [(owner, t.text) for owner, t in terms if collides(t.text) and not t.ambiguous]


def test_catalog_short_forms_that_are_words_are_marked_ambiguous(catalog):
    assert _unmarked_collisions(catalog) == []


@pytest.mark.parametrize("acronym", ["ME", "CIA"])
def test_catalog_an_unmarked_colliding_acronym_is_caught(catalog, acronym):
    data = catalog_data(cred("cert.test", acronyms=[acronym]))
    broken = catalog.model_copy(update={"credentials": CredentialCatalog.model_validate(data)})
    assert _unmarked_collisions(broken)[:1] == [("cert.test", acronym)]


# --------------------------------------------------------------------------- validation twins


@pytest.mark.parametrize("creds, families, message", [
    ([cred("cert.a", near_misses=["cert.zz"])], [], "unknown"),
    ([cred("cert.a", supersedes=["cert.zz"])], [], "unknown"),
    ([cred("cert.a", issuer="nobody")], [], "unknown"),
    ([cred("cert.a", supersedes=["cert.b"]), cred("cert.b", supersedes=["cert.a"])], [], "circle"),
    ([cred("cert.a", supersedes=["cert.a"])], [], "itself"),
    ([cred("cert.a"), cred("cert.a")], [], "duplicate"),
    ([cred("cert.a", family="f", level=1, supersedes=["cert.b"]), cred("cert.b", family="f", level=2)],
     [{"id": "f", "name": "F"}], "not lower"),
    ([cred("cert.a", family="f")], [{"id": "f", "name": "F"}], "both"),
    ([cred("cert.a", aliases=["Same Name"]), cred("cert.b", aliases=["same-name"])], [], "shared"),
    ([cred("cert.a", acronyms=[{"text": "AB", "ambiguous": True}])], [], "why"),
    ([cred("cert.a", acronyms=[{"text": "AB", "why": "because"}])], [], "not marked"),
    ([cred("Cert.A")], [], "pattern"),
])
def test_catalog_rejects_inconsistent_credentials(creds, families, message):
    with pytest.raises(ValidationError, match=message):
        CredentialCatalog.model_validate(catalog_data(*creds, families=families))


@pytest.mark.parametrize("creds", [
    [cred("cert.a", aliases=[{"text": "Same Name", "shared": True}]),
     cred("cert.b", aliases=[{"text": "same-name", "shared": True}])],
    [cred("cert.a", family="f", level=2, supersedes=["cert.b"]), cred("cert.b", family="f", level=1)],
])
def test_catalog_accepts_consistent_credentials(creds):
    loaded = CredentialCatalog.model_validate(catalog_data(*creds, families=[{"id": "f", "name": "F"}]))
    assert {c.id for c in loaded.credentials} == {"cert.a", "cert.b"}


@pytest.mark.parametrize("declared", [{"cert.a": ["cert.b"]}])
def test_catalog_makes_one_way_near_misses_mutual(declared):
    creds = [cred(cid, near_misses=declared.get(cid, [])) for cid in ("cert.a", "cert.b")]
    loaded = CredentialCatalog.model_validate(catalog_data(*creds))
    assert loaded.by_id["cert.b"].near_misses == ("cert.a",)
    assert loaded.by_id["cert.a"].near_misses == ("cert.b",)


# --------------------------------------------------------------------------- degrees


@pytest.mark.parametrize("spelling, level", [
    ("B.S.", "bachelor"), ("BSc", "bachelor"), ("B.Sc.", "bachelor"), ("B. Sc.", "bachelor"), ("B.A.", "bachelor"),
    ("BA (Hons)", "bachelor"), ("B.Tech", "bachelor"), ("B.E.", "bachelor"), ("B.Eng", "bachelor"),
    ("BBA", "bachelor"), ("B.Com", "bachelor"), ("BCA", "bachelor"), ("Licence", "bachelor"),
    ("Licenciatura", "bachelor"), ("Laurea", "bachelor"), ("bachelor's degree", "bachelor"),
    ("Diplom", "master"), ("Dipl.-Ing.", "master"), ("M.S.", "master"), ("MSc", "master"), ("M.A.", "master"),
    ("MBA", "master"), ("M.Eng", "master"), ("M.Tech", "master"), ("MCA", "master"), ("MPhil", "master"),
    ("PhD", "doctorate"), ("Ph.D.", "doctorate"), ("DPhil", "doctorate"), ("Dr.", "doctorate"),
    ("Ed.D.", "doctorate"), ("DBA", "doctorate"), ("A.A.S.", "associate"), ("associate degree", "associate"),
    ("PGDip", "graduate_certificate"), ("graduate certificate", "graduate_certificate"),
    ("PMP", None), ("Scrum Master", None), ("BSX", None),
    # the nursing associate's (eighteenth session); a comma parts two names, so "BS, BA" is no BSBA,
    # while a name written with its own comma keeps it
    ("ADN", "associate"), ("A.S.N.", "associate"), ("BSBA", "bachelor"), ("BS, BA", None),
    ("Bachelor of Medicine, Bachelor of Surgery", "bachelor"),
])
def test_catalog_degree_spellings_give_their_level(catalog, spelling, level):
    assert catalog.degrees.level_of(spelling) == (DegreeLevel(level) if level else None)


@pytest.mark.parametrize("spelling, ambiguous", [
    ("MS", True), ("MA", True), ("ME", True), ("BA", True), ("BS", True), ("BE", True),
    ("M.S.", False), ("B.A.", False), ("MBA", False), ("BSc", False),
])
def test_catalog_degree_ambiguity_marks(catalog, spelling, ambiguous):
    assert catalog.degrees.is_ambiguous(spelling) is ambiguous


def test_catalog_every_degree_and_field_spelling_parses_back(catalog):
    degrees = catalog.degrees
    for degree in degrees.degrees:
        assert all(degrees.degree(t.text) == degree for t in degree.terms), degree.id
    for field in degrees.fields:
        assert all(degrees.field(t.text) == field for t in field.terms), field.id
    assert {w.level for w in degrees.levels} == set(DegreeLevel)


@pytest.mark.parametrize("family", list(FieldFamily))
def test_catalog_every_field_family_has_fields(catalog, family):
    assert len(catalog.degrees.fields_in(family)) >= 2


@pytest.mark.parametrize("spelling, field_id", [("Comp Sci", "field.computer_science"),
                                                ("Electrical Engg", "field.electrical_engineering"),
                                                ("HRM", "field.human_resources"), ("Poli Sci", "field.political_science")])
def test_catalog_field_spellings_resolve(catalog, spelling, field_id):
    assert catalog.degrees.field(spelling).id == field_id


def _degrees(**change) -> dict:
    data = {"version": 1, "levels": [{"level": str(lv), "phrases": [f"{lv} words"]} for lv in DegreeLevel],
            "degrees": [{"id": "degree.x", "level": "bachelor", "name": "Bachelor of X", "spellings": ["BX"]}],
            "field_families": {"computing": [{"id": "field.x", "name": "X Studies"}]}}
    data.update(change)
    return data


@pytest.mark.parametrize("change, message", [
    ({"levels": [{"level": "bachelor", "phrases": ["bachelor words"]}]}, "each of"),
    ({"degrees": [{"id": "degree.x", "level": "bachelor", "name": "Bachelor of X", "spellings": ["BX"]},
                  {"id": "degree.y", "level": "master", "name": "Master of Y", "spellings": ["B.X."]}]}, "more than one"),
    ({"degrees": [{"id": "degree.x", "level": "bachelor", "name": "B of X", "implies_field": "field.none"}]}, "unknown field"),
    ({"degrees": [{"id": "degree.x", "level": "bachelor", "name": "B of X", "countries": ["usa"]}]}, "ISO 3166"),
    ({"field_families": {"cooking": [{"id": "field.x", "name": "X Studies"}]}}, "family"),
])
def test_catalog_rejects_inconsistent_degrees(change, message):
    with pytest.raises(ValidationError, match=message):
        DegreeCatalog.model_validate(_degrees(**change))


def test_catalog_accepts_minimal_degrees():
    loaded = DegreeCatalog.model_validate(_degrees())
    assert loaded.level_of("B.X.") == DegreeLevel.BACHELOR and loaded.fields[0].family == FieldFamily.COMPUTING


# --------------------------------------------------------------------------- broken files


@pytest.mark.parametrize("name, content", [
    ("credentials.yaml", "issuers: [unclosed"), ("credentials.yaml", "- just\n- a list\n"),
    ("degrees.yaml", "version: 1\n"), ("technology_aliases.yaml", "version: 1\ntechnologies:\n  - name: No Such Tool\n"),
    ("technology.tsv", "name\tcommodities\n"), ("occupations.tsv", ""), ("commodities.tsv", b"\xff\xfe\x00 not utf-8"),
    ("degrees.yaml", b"version: \xff\n"),
])
def test_catalog_broken_file_raises_catalog_error_naming_it(tmp_path, name, content):
    folder = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (folder / name).write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    with pytest.raises(CatalogError, match=re.escape(name)):
        load_catalog(folder)


def test_catalog_missing_folder_raises_catalog_error(tmp_path):
    with pytest.raises(CatalogError):
        load_catalog(tmp_path / "nowhere")


def test_catalog_copy_in_a_folder_loads_like_the_bundled_one(tmp_path):
    folder = tmp_path / "catalog"
    shutil.copytree(catalog_dir(), folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    assert load_catalog(folder).sha256 == load_catalog().sha256


@pytest.mark.parametrize("text, key", [("B.Sc.", "bsc"), ("PMI-ACP", "pmiacp"), ("C++", "c++"), ("C#", "c#"),
                                       ("Network+", "network+"), ("  CompTIA  A+ ", "comptiaa+")])
def test_catalog_term_key_ignores_case_space_and_punctuation_but_plus_and_hash(text, key):
    assert term_key(text) == key
    assert term_key(text.upper()) == key
