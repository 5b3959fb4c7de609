"""Rule packs: a manifest (pack.yaml), literal term lists (lists.yaml) and rule files (N*.yaml).

Conditions are plain feature names in conjunctive form, so evaluation is set arithmetic and
matching stays one linear-time automaton pass: packs hold literal terms, never regular expressions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from neutrality import yamlsrc
from neutrality.catalogue import Catalogue, Reader
from neutrality.features import REQUIRED_LISTS, known_features
from neutrality.lexicon import TermList
from neutrality.problems import DataError, Problem, rel
from schemas import Severity

MANIFEST = "pack.yaml"
LISTS = "lists.yaml"
MANIFEST_FIELDS = {
    "name", "version", "description", "catalogue", "thresholds", "example_defaults", "model",
}  # fmt: skip
RULE_FILE_FIELDS = {"form", "title", "rules"}
RULE_FIELDS = {
    "id", "title", "description", "severity", "score", "sanction", "tags", "when", "unless",
    "review_only", "examples",
}  # fmt: skip
EXAMPLE_FIELDS = {
    "text", "hashtags", "mentions", "urls", "media_description", "transcript", "action", "target",
    "event_time", "platform", "account_id", "locality", "note", "outcome",
}  # fmt: skip
FORM = re.compile(r"^N(0[1-9]|1[0-5])$")
# Characters that only make sense in a regular expression; packs take literal terms.
REGEX_SYNTAX = re.compile(r"\\\d|\(\?[=!<]|[()\[\]{}|*+?^$\\]")


@dataclass(frozen=True)
class Example:
    data: dict[str, Any]
    must: str  # "flag" or "pass"
    file: str
    line: int


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    description: str
    skb_form: str
    severity: Severity
    score: float
    sanction: dict[str, str]
    tags: tuple[str, ...]
    when: tuple[frozenset[str], ...]
    unless: frozenset[str]
    review_only: bool
    examples: tuple[Example, ...]
    file: str
    line: int

    def could_fire(self, present: set[str] | frozenset[str] | Any) -> bool:
        """Every clause has a feature present (exceptions not considered)."""
        return not any(clause.isdisjoint(present) for clause in self.when)

    def fires(self, present: set[str] | frozenset[str] | Any) -> bool:
        """All clauses satisfied (each by at least one feature) and no exception present."""
        for clause in self.when:
            if clause.isdisjoint(present):
                return False
        return self.unless.isdisjoint(present)


@dataclass
class Pack:
    name: str
    version: str
    description: str
    directory: Path
    catalogue_dir: Path
    flag_at: float
    review_at: float
    example_defaults: dict[str, Any]
    model_path: Path | None = None  # the learned second opinion (neutrality/model.py), if any
    lists: dict[str, TermList] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)
    list_lines: dict[str, tuple[str, int]] = field(default_factory=dict)


def _manifest(directory: Path, problems: list[Problem]) -> tuple[Any, Reader]:
    path = directory / MANIFEST
    r = Reader(path)
    if not path.is_file():
        problems.append(Problem(rel(path), 0, f"no {MANIFEST}: a pack needs a manifest"))
        return None, r
    try:
        doc = yamlsrc.load(path)
    except yamlsrc.YamlError as exc:
        problems.append(Problem(r.name, exc.line, exc.message))
        return None, r
    r.keys(doc, MANIFEST_FIELDS, {"name", "version", "thresholds"}, "pack manifest")
    return doc, r


def load_pack_data(directory: Path) -> tuple[Pack | None, list[Problem]]:
    """Parse and validate the pack's own files (not yet its references to the catalogue)."""
    problems: list[Problem] = []
    doc, r = _manifest(directory, problems)
    if not isinstance(doc, dict):
        return None, problems
    th = doc.get("thresholds") or {}
    r.keys(th, {"flag", "review"}, {"flag", "review"}, "thresholds")
    flag_at = float(th.get("flag", 50)) if isinstance(th, dict) else 50.0
    review_at = float(th.get("review", 25)) if isinstance(th, dict) else 25.0
    if not 0 < review_at <= flag_at:
        r.err(th, None, "thresholds need 0 < review <= flag")
    pack = Pack(
        name=str(doc.get("name", directory.name)),
        version=str(doc.get("version", "")),
        description=str(doc.get("description", "")),
        directory=directory,
        catalogue_dir=(directory / str(doc.get("catalogue", "../../catalogue"))).resolve(),
        flag_at=flag_at,
        review_at=review_at,
        example_defaults=dict(doc.get("example_defaults") or {}),
        model_path=directory / str(doc["model"]) if doc.get("model") else None,
    )
    if pack.model_path is not None and not pack.model_path.is_file():
        r.err(doc, "model", f"model file {doc['model']!r} not found (train it: netra model train)")
    problems += r.problems
    _lists(pack, problems)
    for path in sorted(directory.glob("*.yaml")):
        if path.name not in (MANIFEST, LISTS):
            _rule_file(pack, path, problems)
    return pack, problems


def _lists(pack: Pack, problems: list[Problem]) -> None:
    path = pack.directory / LISTS
    r = Reader(path)
    if not path.is_file():
        problems.append(Problem(rel(path), 0, f"no {LISTS}: the pack's term lists are missing"))
        return
    try:
        doc = yamlsrc.load(path)
    except yamlsrc.YamlError as exc:
        problems.append(Problem(r.name, exc.line, exc.message))
        return
    if r.keys(doc, {"lists"}, {"lists"}, "lists file") and isinstance(doc["lists"], dict):
        for name, spec in doc["lists"].items():
            if not r.keys(spec, {"description", "anchor", "terms"}, {"terms"}, f"list {name!r}"):
                continue
            terms = r.strs(spec, "terms")
            items = spec.get("terms")
            for i, term in enumerate(terms):
                if REGEX_SYNTAX.search(term):
                    r.err(
                        items,
                        i,
                        f"term {term!r} in list {name!r} looks like a regular expression "
                        "(groups, classes, quantifiers, anchors, backreferences or lookaround): "
                        "packs take literal terms only, so matching stays one linear-time pass",
                    )
            pack.lists[name] = TermList(
                name, terms, bool(spec.get("anchor", False)), str(spec.get("description", ""))
            )
            pack.list_lines[name] = (r.name, yamlsrc.line_of(doc["lists"], name))
    for name in REQUIRED_LISTS:
        if name not in pack.lists:
            r.err(doc, None, f"required list {name!r} is missing (the engine reads it)")
    problems += r.problems


def _clauses(r: Reader, rule: Any, key: str) -> tuple[frozenset[str], ...]:
    value = rule.get(key)
    out: list[frozenset[str]] = []
    if value is None:
        return ()
    if not isinstance(value, list):
        r.err(rule, key, f"{key!r} must be a list of feature names or lists of them")
        return ()
    for i, clause in enumerate(value):
        if isinstance(clause, str):
            out.append(frozenset([clause]))
        elif isinstance(clause, list) and clause and all(isinstance(c, str) for c in clause):
            out.append(frozenset(clause))
        else:
            r.err(value, i, f"{key!r} item must be a feature name or a non-empty list of them")
    return tuple(out)


def _selectivity(clause: frozenset[str]) -> int:
    """Check rare features first: action clauses are true for many posts, so they go last."""
    return sum(1 for name in clause if name.startswith("action.")) * 10 + len(clause)


def _rule_file(pack: Pack, path: Path, problems: list[Problem]) -> None:
    r = Reader(path)
    try:
        doc = yamlsrc.load(path)
    except yamlsrc.YamlError as exc:
        problems.append(Problem(r.name, exc.line, exc.message))
        return
    if not r.keys(doc, RULE_FILE_FIELDS, {"form", "rules"}, "rule file"):
        problems += r.problems
        return
    form = str(doc.get("form"))
    if not FORM.match(form):
        r.err(doc, "form", f"form {form!r} is not an SKB 2022 form N01-N15")
    for rule in doc.get("rules") or []:
        if not r.keys(rule, RULE_FIELDS, {"id", "title", "severity", "score", "when"}, "rule"):
            continue
        if "pattern" in rule or "regex" in rule:
            continue  # already reported as unknown field
        rid = str(rule["id"])
        if not rid.startswith(form + "."):
            r.err(rule, "id", f"rule id {rid!r} must start with its form '{form}.'")
        try:
            severity = Severity(str(rule["severity"]))
        except ValueError:
            r.err(
                rule, "severity", f"severity must be one of {', '.join(s.value for s in Severity)}"
            )
            severity = Severity.LOW
        score = rule.get("score")
        if not isinstance(score, int | float) or score <= 0:
            r.err(rule, "score", "score must be a positive number")
            score = 0
        sanction = rule.get("sanction") or {}
        r.keys(sanction, {"code_of_ethics", "discipline"}, {"discipline"}, "sanction")
        examples = _examples(r, rule)
        pack.rules.append(
            Rule(
                id=rid,
                title=str(rule["title"]),
                description=str(rule.get("description", "")),
                skb_form=form,
                severity=severity,
                score=float(score),
                sanction={str(k): str(v) for k, v in sanction.items()}
                if isinstance(sanction, dict)
                else {},
                tags=r.strs(rule, "tags"),
                when=tuple(sorted(_clauses(r, rule, "when"), key=_selectivity)),
                unless=frozenset(c for cl in _clauses(r, rule, "unless") for c in cl),
                review_only=bool(rule.get("review_only", False)),
                examples=examples,
                file=r.name,
                line=yamlsrc.line_of(rule),
            )
        )
    problems += r.problems


def _examples(r: Reader, rule: Any) -> tuple[Example, ...]:
    ex = rule.get("examples")
    if ex is None:
        return ()
    if not r.keys(ex, {"must_flag", "must_pass"}, set(), "examples"):
        return ()
    out: list[Example] = []
    for must, key in (("flag", "must_flag"), ("pass", "must_pass")):
        items = ex.get(key) or []
        for i, item in enumerate(items):
            if isinstance(item, str):
                item = {"text": item}
            if r.keys(item, EXAMPLE_FIELDS, set(), f"example in {key}"):
                out.append(Example(dict(item), must, r.name, yamlsrc.line_of(items, i)))
    return tuple(out)


def check_references(pack: Pack, cat: Catalogue) -> list[Problem]:
    """Every feature a rule names must exist: a pack list, a participant or race, a built-in."""
    known = known_features(pack.lists, cat)
    problems = []
    for rule in pack.rules:
        for clause in (*rule.when, rule.unless):
            for name in sorted(clause):
                if name not in known:
                    problems.append(
                        Problem(rule.file, rule.line, _unknown(rule.id, name, pack, cat))
                    )
    return problems


def _unknown(rid: str, name: str, pack: Pack, cat: Catalogue) -> str:
    head, _, tail = name.partition(".")
    if head in ("text", "media", "target") and tail not in pack.lists:
        known = ", ".join(sorted(pack.lists))
        return f"rule {rid}: {name!r} refers to an unknown list {tail!r} (lists: {known})"
    if head == "participant":
        return f"rule {rid}: {name!r} refers to an unknown participant {tail!r}"
    if head == "race":
        return f"rule {rid}: {name!r} refers to an unknown race {tail!r}"
    return f"rule {rid}: unknown feature {name!r} (see docs/engine.md for the feature names)"


def load_pack(directory: Path) -> tuple[Pack, Catalogue]:
    """Load and validate a pack and its catalogue; raise DataError with every problem found."""
    from neutrality.catalogue import load_catalogue

    pack, problems = load_pack_data(directory)
    if pack is None:
        raise DataError(problems)
    try:
        cat = load_catalogue(pack.catalogue_dir)
    except DataError as exc:
        raise DataError(problems + exc.problems) from exc
    problems += check_references(pack, cat)
    seen: dict[str, Rule] = {}
    for rule in pack.rules:
        if rule.id in seen:
            problems.append(Problem(rule.file, rule.line, f"rule id {rule.id!r} is defined twice"))
        seen[rule.id] = rule
    if problems:
        raise DataError(problems)
    return pack, cat
