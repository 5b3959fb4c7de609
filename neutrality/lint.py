"""Static checks of a rule pack, each problem with file and line.

Rejects: unknown fields, regular-expression syntax in terms (packs are literal-only so matching
stays linear-time), rules without must_flag and must_pass examples, references to unknown lists,
participants or races, duplicate rule ids, bad thresholds, and anything the loader itself refuses.
"""

from __future__ import annotations

from pathlib import Path

from neutrality.catalogue import load_catalogue
from neutrality.lexicon import raw_terms
from neutrality.normalise import Normaliser
from neutrality.pack import check_references, load_pack_data
from neutrality.problems import DataError, Problem


def lint_pack(directory: Path) -> list[Problem]:
    pack, problems = load_pack_data(directory)
    if pack is None:
        return sorted(problems)
    seen: dict[str, str] = {}
    for rule in pack.rules:
        if rule.id in seen:
            problems.append(
                Problem(
                    rule.file,
                    rule.line,
                    f"rule id {rule.id!r} is defined twice (first at {seen[rule.id]})",
                )
            )
        seen.setdefault(rule.id, f"{rule.file}:{rule.line}")
        flags = [e for e in rule.examples if e.must == "flag"]
        passes = [e for e in rule.examples if e.must == "pass"]
        if not flags or not passes:
            missing = " and ".join(
                k for k, v in (("must_flag", flags), ("must_pass", passes)) if not v
            )
            problems.append(
                Problem(
                    rule.file,
                    rule.line,
                    f"rule {rule.id} has no {missing} examples: every rule needs both",
                )
            )
        if not rule.when:
            problems.append(
                Problem(rule.file, rule.line, f"rule {rule.id} has no conditions (when)")
            )
    try:
        cat = load_catalogue(pack.catalogue_dir)
    except DataError as exc:
        return sorted(problems + exc.problems)
    problems += check_references(pack, cat)
    assert cat.language is not None
    plain = Normaliser(cat.language)
    for tl in pack.lists.values():
        file, line = pack.list_lines.get(tl.name, ("lists.yaml", 0))
        for term in tl.terms:
            if not plain.normalise(term).text.strip():
                problems.append(
                    Problem(
                        file,
                        line,
                        f"term {term!r} in list {tl.name!r} is empty after normalisation",
                    )
                )
    raw_terms(cat, pack.lists)  # must not raise
    return sorted(set(problems))
