"""``python -m kg.schema --context | --shapes | --table``: print what the schema derives.

``python -m kg.schema --context > ontology/context.jsonld`` regenerates the
checked-in JSON-LD context after a relation is added to ``ontology/kg.ttl``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.errors import KGError
from kg.schema import Schema
from kg.schema.derived import context_text, relation_shapes


def _table(schema: Schema) -> str:
    rows = [("relation", "domain", "range", "symmetric", "generalises", "super-properties")]
    for r in schema:
        rows.append((
            r.name,
            " | ".join(sorted(r.domain)),
            " | ".join(sorted(r.range)),
            "yes" if r.symmetric else "",
            "yes" if r.generalises else "",
            ", ".join(sorted(r.super_properties)),
        ))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows)
    return "".join(line.rstrip() + "\n" for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m kg.schema --context | --shapes | --table [--ontology FILE ...]``."""
    parser = argparse.ArgumentParser(
        prog="python -m kg.schema", description="Print what the relation schema derives."
    )
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--context", action="store_true", help="print ontology/context.jsonld")
    what.add_argument("--shapes", action="store_true", help="print the relation shapes (Turtle)")
    what.add_argument("--table", action="store_true", help="print the relations as a table")
    parser.add_argument("--ontology", action="append", type=Path, metavar="FILE",
                        help="Turtle file(s) to read instead of ontology/kg.ttl (repeatable)")
    args = parser.parse_args(argv)
    try:
        schema = Schema.load(*args.ontology) if args.ontology else Schema.default()
        if args.context:
            text = context_text(schema)
        elif args.shapes:
            text = relation_shapes(schema).serialize(format="turtle")
        else:
            text = _table(schema)
    except KGError as error:
        print(f"kg.schema: {error}", file=sys.stderr)
        return error.exit_code
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
