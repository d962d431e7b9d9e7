"""Every Thai sentence a person reads goes through gettext (ADR 0007), checked on the source of every module.

The test parses each module of ``prongsai/`` (tests and migrations aside) and fails on a Thai string constant
that is not the message of a gettext call. It also fails on a gettext call whose message is not one plain
string (an f-string or a concatenation is never found in the catalogue) or uses positional placeholders
(``%s``, ``{}``), which a translator cannot reorder: messages use named ones (``%(name)s``).

Thai that is not a message stays Thai, and each such place is listed below with its reason:

* ``DATA_MODULES``: demo content and the seed report's data (whole modules).
* ``FIXED_WORDING``: modules whose Thai is wording fixed by a regulation or a data format: the official
  documents (form สขร.1, the 12 and 16 procurement fields, the citizen manual of the Licensing Facilitation
  Act, the ITA answers) and the Thai formatting helpers. Their errors still go through gettext: a Thai
  constant inside a ``raise`` statement or passed to one of ``ALWAYS_MESSAGES`` fails there too.
* ``DATA_NAMES``: single constants of other modules (a module-level name, a class attribute, a function)
  that hold data: column names and words an import reads, values stored in records.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import prongsai

ROOT = Path(prongsai.__file__).resolve().parent
THAI = re.compile(r"[\u0e00-\u0e7f]")
GETTEXT = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
# A positional placeholder: %s, %d, %.2f … (not %(name)s, not a literal %%), or {} / {0}.
POSITIONAL = re.compile(r"(?<!%)%(?!%)[-#0 +]?\d*(?:\.\d+)?[sdfir]|\{\d*\}")

DATA_MODULES = {
    "core/demo.py": "the demo agency's content",
    "portal/defaults.py": "the standard news categories stored for a new agency",
    "core/org_defaults.py": "the standard units, duties and titles stored in a new agency's org chart",
    "core/management/commands/seed_demo.py": "creates the demo agencies (their Thai names and addresses)",
    "complaints/demo.py": "demo content",
    "engagement/demo.py": "demo content",
    "eservice/demo.py": "demo content",
    "eservice/demo_catalogue.py": "the demo service catalogue (citizen manuals)",
    "ita/demo.py": "demo content",
    "planning/demo.py": "demo content",
    "planning/seed_fy2567.py": "the seed report's FY2567 data",
    "portal/demo.py": "demo content",
    "procurement/demo.py": "demo content",
    "whistleblower/demo.py": "demo content",
    "people/demo.py": "demo content",
    "integrity/demo.py": "demo content",
    "assets/demo.py": "demo content",
    "privacy/demo.py": "demo content",
    "ops/simulation.py": "the simulated agencies' content, like the demo's (ADR 0105)",
}

FIXED_WORDING = {
    "core/thai.py": "Thai dates, month names and baht in words: their output is Thai by definition",
    "procurement/reports.py": "the column headings of form สขร.1 and of the 12 and 16 ITA procurement fields",
    "procurement/exporters.py": "the official procurement data sets with their prescribed headings",
    "reports/exporters/common.py": "wording shared by the official documents",
    "reports/exporters/eservice.py": "the citizen manual, headed as the Licensing Facilitation Act requires",
    "reports/exporters/ita.py": "the OIT answers, readiness and ITA result documents",
    "reports/exporters/plans.py": "plans, their progress and results, the integrity-measures report",
    "reports/exporters/procurement.py": "the procurement reports (12 fields, สขร.1, annual summary)",
    "reports/exporters/people.py": "the HR report (seed 7.2), the HR plan, the ethics report",
    "reports/exporters/integrity.py": "the No Gift declaration, the gift report, the risk documents",
    "reports/exporters/assets.py": "the asset-use manual, register, stock-take report and loan register",
    "reports/exporters/whistleblower.py": "the corruption-complaint statistics (FY2569 O18)",
}

# Calls whose Thai arguments are messages wherever they appear.
ALWAYS_MESSAGES = {"Exporter", "ExportError", "ValidationError", "FileProblem", "Problem", "ThaiDateError"}

DATA_NAMES: dict[str, dict[str, str]] = {
    "procurement/egp_import.py": {
        "COLUMNS": "the column names e-GP and agencies write in their files",
        "DEFAULT_BUDGET_SOURCE": "the value stored for a row without a budget source",
        "TOTAL_LINE": "the first word of the total line many exports end with",
        "_header_key": "the abbreviation mark ฯ that ends some column names",
    },
    "procurement/normalize.py": {
        "_AMOUNT_NOISE": "the currency word written after amounts",
        "_METHOD_NAMES": "the ways files write each procurement method",
        "_STATUS_NAMES": "the ways files write each e-GP status",
        "_CATEGORY_NAMES": "the ways files write each category",
        "_WORKS_WORDS": "words of a title that mean construction works",
        "_SERVICE_PREFIXES": "first words of a title that mean a service",
    },
    "procurement/models/settings.py": {
        "ProcurementProfile.ministry": "the stored default of the ITA data set's ministry column",
        "ProcurementProfile.agency_type_label": "the stored default of the ITA data set's agency type column",
    },
    "procurement/ocds.py": {"release_from_snapshot": "the country name in the published OCDS data"},
    "core/phones.py": {"normalize_thai_phone": "the word for a telephone extension, as people write it"},
    "core/models/agency.py": {"Agency.office_hours": "the stored default of an agency's office hours"},
    "core/personal_data.py": {"INVENTORY": "English notes for operators that name Thai forms"},
    "core/subject_data.py": {
        "NAME_PREFIXES": "the titles a Thai name is written with (compared, never shown)"
    },
    "reports/document.py": {"Signature.caption": "the official document's signature line"},
    "reports/render_pdf.py": {"render_pdf": "the page label of official documents"},
    "eservice/retention.py": {"ANONYMISED": "the value stored in place of a purged name (and looked up)"},
    "engagement/forms.py": {"GROUP_SUGGESTIONS": "values offered for a stored field of public records"},
    "ita/services.py": {"ANALYSIS_TOPICS": "the ITA manual's topics, stored with each analysis"},
    "whistleblower/views_public.py": {
        "statistics_csv": "the column names of the published statistics data set",
    },
    "assets/ledger.py": {
        "COLUMNS": "the column names agencies write in their asset ledgers",
        "_header_key": "Thai digits that number a column heading",
        "_row": "the word บาท a price may carry in a ledger",
    },
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"prongsai/{self.path}:{self.line}: {self.problem}"


def _call_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _names_of(node: ast.AST) -> list[str]:
    """The names a statement defines: a def's or class's name, an assignment's targets."""
    if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
        return [node.name]
    targets: list[ast.expr] = []
    if isinstance(node, ast.Assign):
        targets = node.targets
    elif isinstance(node, ast.AnnAssign | ast.AugAssign):
        targets = [node.target]
    named = [t for t in targets if isinstance(t, ast.Name | ast.Attribute)]
    return [t.id if isinstance(t, ast.Name) else t.attr for t in named]


class _Walker(ast.NodeVisitor):
    """Visits every node knowing the qualified names around it and whether it is a message."""

    def __init__(self, path: str, fixed: bool, allowed: dict[str, str]) -> None:
        self.path = path
        self.fixed = fixed
        self.allowed = allowed
        self.scope: list[list[str]] = []
        self.in_gettext = 0
        self.in_message = 0
        self.docstrings: set[int] = set()
        self.findings: list[Finding] = []

    def check(self, tree: ast.Module) -> list[Finding]:
        self.docstrings = _docstrings(tree)
        self.visit(tree)
        return self.findings

    def _qualnames(self) -> set[str]:
        names = {""}
        for level in self.scope:
            names = {f"{prefix}.{n}" if prefix else n for prefix in names for n in level} or names
        every = set()
        for name in names:
            parts = name.split(".")
            every.update(".".join(parts[: i + 1]) for i in range(len(parts)))
        return every

    def generic_visit(self, node: ast.AST) -> None:
        names = _names_of(node)
        if names:
            self.scope.append(names)
        message = isinstance(node, ast.Raise) or (
            isinstance(node, ast.Call) and _call_name(node) in ALWAYS_MESSAGES
        )
        self.in_message += message
        super().generic_visit(node)
        self.in_message -= message
        if names:
            self.scope.pop()

    def visit_Call(self, node: ast.Call) -> None:
        if _call_name(node) not in GETTEXT:
            self.generic_visit(node)
            return
        for argument in node.args:
            if not (isinstance(argument, ast.Constant) and isinstance(argument.value, str)):
                self.findings.append(
                    Finding(self.path, node.lineno, "gettext needs one plain string (no f-string, no +)")
                )
            elif POSITIONAL.search(argument.value):
                self.findings.append(
                    Finding(
                        self.path,
                        node.lineno,
                        f"name the placeholders (%(name)s) for translators: {argument.value[:60]!r}",
                    )
                )
        self.in_gettext += 1
        self.generic_visit(node)
        self.in_gettext -= 1

    def visit_Constant(self, node: ast.Constant) -> None:
        if not (isinstance(node.value, str) and THAI.search(node.value)):
            return
        if self.in_gettext or id(node) in self.docstrings:
            return
        if self.fixed and not self.in_message:
            return
        if not self.in_message and self._qualnames() & set(self.allowed):
            return
        self.findings.append(Finding(self.path, node.lineno, f"Thai outside gettext: {node.value[:60]!r}"))


def _modules() -> list[tuple[str, Path]]:
    modules = []
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT).as_posix()
        if "/tests/" in f"/{relative}" or "/migrations/" in relative:
            continue
        modules.append((relative, path))
    return modules


def findings_in(relative: str, source: str) -> list[Finding]:
    if relative in DATA_MODULES:
        return []
    walker = _Walker(relative, relative in FIXED_WORDING, DATA_NAMES.get(relative, {}))
    return walker.check(ast.parse(source))


def test_every_thai_message_goes_through_gettext():
    findings = [f for relative, path in _modules() for f in findings_in(relative, path.read_text("utf-8"))]
    assert not findings, "\n".join(map(str, findings))


def test_every_listed_exception_still_exists():
    """An exception for a module or a name that is gone would silently cover the next one of that name."""
    modules = {relative: path for relative, path in _modules()}
    missing = [m for m in [*DATA_MODULES, *FIXED_WORDING, *DATA_NAMES] if m not in modules]
    assert not missing
    for relative, names in DATA_NAMES.items():
        tree = ast.parse(modules[relative].read_text("utf-8"))
        defined = set()
        for node in ast.walk(tree):
            for name in _names_of(node):
                defined.add(name)
                if isinstance(node, ast.ClassDef):
                    for child in node.body:
                        defined.update(f"{name}.{n}" for n in _names_of(child))
        assert set(names) <= defined, f"{relative}: {sorted(set(names) - defined)}"


# --- the checker itself -------------------------------------------------------------------------------------


def test_the_checker_flags_thai_outside_gettext_and_accepts_messages():
    source = '''
"""โมดูลตัวอย่าง (a docstring may be Thai)."""
from django.utils.translation import gettext as _

OK = _("ข้อความที่แปลได้")
BAD = "ข้อความที่ไม่ผ่าน gettext"


def f(name):
    """คำอธิบาย"""
    return f"สวัสดี {name}"
'''
    found = findings_in("example.py", source)
    assert [(f.line, f.problem) for f in found] == [
        (6, "Thai outside gettext: 'ข้อความที่ไม่ผ่าน gettext'"),
        (11, "Thai outside gettext: 'สวัสดี '"),
    ]


def test_the_checker_flags_messages_it_cannot_extract_or_translators_cannot_reorder():
    source = """
from django.utils.translation import gettext as _
a = _(f"ปี {year}")
b = _("ปี %s เดือน %s") % (year, month)
c = _("ปี {} เดือน {}").format(year, month)
d = _("ปี %(year)s เดือน %(month)s ร้อยละ 100%%") % {"year": year, "month": month}
"""
    found = findings_in("example.py", source)
    assert [f.line for f in found] == [3, 4, 5]
    assert "no f-string" in found[0].problem
    assert all("name the placeholders" in f.problem for f in found[1:])


def test_fixed_wording_stays_thai_but_its_errors_do_not():
    source = """
def build(year):
    heading = "สรุปผลการดำเนินการจัดซื้อจัดจ้าง"
    if year < 2500:
        raise ExportError(f"ปีงบประมาณ {year} ไม่ถูกต้อง")
    error = ExportError("ยังไม่มีข้อมูล")
    return Exporter(identifier="x", title="รายงาน", build=build)
"""
    found = findings_in("reports/exporters/procurement.py", source)
    assert sorted({f.line for f in found}) == [5, 6, 7]


def test_a_data_name_is_exempt_but_not_a_message_raised_inside_it():
    source = """
COLUMNS = {"title": ("งานที่ซื้อหรือจ้าง",)}
OTHER = ("งานที่ซื้อหรือจ้าง",)


def _header_key(text):
    if not text:
        raise FileProblem("ไม่มีหัวตาราง")
    return text.replace("ฯ", "")
"""
    found = findings_in("procurement/egp_import.py", source)
    assert [f.line for f in found] == [3, 8]
