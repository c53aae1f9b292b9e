#!/usr/bin/env python3
"""Check tests/data/entities_real.jsonl (gold entities on real sentences).

Usage: python3 check_entities_real.py [PATH] [--corpus DIR] [--quiet]

Every line must be a JSON object
  {"id", "source": {"file", "doc_id"}, "text", "entities": [...], "relations": [...]}
and is checked for:
  * valid JSON, the keys above, a unique id, a non-empty text;
  * entities: start/end are CHARACTER offsets (end exclusive) with text[start:end] == entity
    "text", type in PER/TITLE/ORG/LOC/DATE, no duplicate (start, end, type), spans that either
    nest or are disjoint (never cross), order by start then longer first, at least one entity;
  * relations: "person" is the text of a PER entity of the item, "title" is a non-empty
    substring of the text of a TITLE entity of the item, "organization" is null or a
    non-empty string that occurs in the item text.
If the corpus is available (--corpus DIR, else $VNTEXT_CORPUS, else ../../../shared/data/corpus
relative to this file) each text is also checked to be an exact substring of its source
document. Without the corpus that check is skipped with a note. Standard library only.
Exit status 0 when every line passes, 1 otherwise.
"""
import json
import os
import sys
from collections import Counter

TYPES = {"PER", "TITLE", "ORG", "LOC", "DATE"}
HERE = os.path.dirname(os.path.abspath(__file__))


def load_corpus(corpus_dir, needed):
    """doc texts for the (file, doc_id) pairs in `needed`; None if the corpus is absent."""
    if not corpus_dir or not os.path.isdir(corpus_dir):
        return None
    docs = {}
    for rel in sorted({f for f, _ in needed}):
        path = os.path.join(corpus_dir, rel)
        if not os.path.isfile(path):
            return None
        want = {d for f, d in needed if f == rel}
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                d = json.loads(line)
                if d.get("id") in want:
                    docs[(rel, d["id"])] = d.get("text", "")
    return docs


def check_item(obj, seen_ids):
    errs = []
    if not isinstance(obj, dict):
        return ["not a JSON object"]
    for key in ("id", "source", "text", "entities", "relations"):
        if key not in obj:
            errs.append(f"missing key {key!r}")
    if errs:
        return errs
    iid = obj["id"]
    if not isinstance(iid, str) or not iid:
        errs.append("id must be a non-empty string")
    elif iid in seen_ids:
        errs.append(f"duplicate id {iid!r}")
    seen_ids.add(iid)
    src = obj["source"]
    if not (isinstance(src, dict) and isinstance(src.get("file"), str) and isinstance(src.get("doc_id"), str)):
        errs.append("source must be {file: str, doc_id: str}")
    text = obj["text"]
    if not isinstance(text, str) or not text:
        return errs + ["text must be a non-empty string"]
    ents = obj["entities"]
    if not isinstance(ents, list) or not ents:
        return errs + ["entities must be a non-empty list"]
    spans = []
    for k, e in enumerate(ents):
        if not isinstance(e, dict) or set(e) != {"start", "end", "text", "type"}:
            errs.append(f"entity {k}: keys must be start, end, text, type: {e!r}")
            continue
        s, en, t, ty = e["start"], e["end"], e["text"], e["type"]
        if ty not in TYPES:
            errs.append(f"entity {k}: type {ty!r} not in {sorted(TYPES)}")
        if not (isinstance(s, int) and isinstance(en, int) and 0 <= s < en <= len(text)):
            errs.append(f"entity {k}: bad offsets {s}-{en} (text length {len(text)})")
            continue
        if text[s:en] != t:
            errs.append(f"entity {k}: text[{s}:{en}] = {text[s:en]!r} != {t!r}")
        if t != t.strip():
            errs.append(f"entity {k}: leading/trailing whitespace in {t!r}")
        spans.append((s, en, ty))
    if len(spans) == len(ents):
        if spans != sorted(spans, key=lambda x: (x[0], -x[1])):
            errs.append("entities not in text order (by start, then longer first)")
        dup = [x for x, n in Counter(spans).items() if n > 1]
        if dup:
            errs.append(f"duplicate entities {dup}")
        for i, a in enumerate(spans):
            for b in spans[i + 1:]:
                if a[0] < b[0] < a[1] < b[1] or b[0] < a[0] < b[1] < a[1]:
                    errs.append(f"crossing spans {a} and {b}")
    rels = obj["relations"]
    if not isinstance(rels, list):
        return errs + ["relations must be a list"]
    pers = {e.get("text") for e in ents if isinstance(e, dict) and e.get("type") == "PER"}
    titles = [e.get("text", "") for e in ents if isinstance(e, dict) and e.get("type") == "TITLE"]
    for k, r in enumerate(rels):
        if not isinstance(r, dict) or set(r) != {"person", "title", "organization"}:
            errs.append(f"relation {k}: keys must be person, title, organization: {r!r}")
            continue
        if r["person"] not in pers:
            errs.append(f"relation {k}: person {r['person']!r} is not a PER entity of the item")
        ti = r["title"]
        if not isinstance(ti, str) or not ti or not any(ti in t for t in titles):
            errs.append(f"relation {k}: title {ti!r} is not a substring of a TITLE entity {titles}")
        org = r["organization"]
        if org is not None and (not isinstance(org, str) or not org or org not in text):
            errs.append(f"relation {k}: organization {org!r} must be null or a string found in the text")
    return errs


def main():
    args = sys.argv[1:]
    quiet = "--quiet" in args
    args = [a for a in args if a != "--quiet"]
    corpus_dir = None
    if "--corpus" in args:
        i = args.index("--corpus")
        corpus_dir = args[i + 1]
        del args[i:i + 2]
    path = args[0] if args else os.path.join(HERE, "entities_real.jsonl")
    if corpus_dir is None:
        corpus_dir = os.environ.get("VNTEXT_CORPUS") or os.path.normpath(
            os.path.join(HERE, "..", "..", "..", "shared", "data", "corpus"))

    failures, items = 0, []
    seen = set()
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            if not line.strip():
                print(f"line {ln}: empty line")
                failures += 1
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                print(f"line {ln}: invalid JSON: {exc}")
                failures += 1
                continue
            errs = check_item(obj, seen)
            for e in errs:
                print(f"line {ln} ({obj.get('id') if isinstance(obj, dict) else '?'}): {e}")
            failures += bool(errs)
            items.append(obj)

    needed = {(o["source"]["file"], o["source"]["doc_id"]) for o in items
              if isinstance(o, dict) and isinstance(o.get("source"), dict)
              and "file" in o["source"] and "doc_id" in o["source"]}
    docs = load_corpus(corpus_dir, needed)
    if docs is None:
        print(f"note: corpus not found at {corpus_dir}; source-substring check skipped")
    else:
        for o in items:
            try:
                key = (o["source"]["file"], o["source"]["doc_id"])
            except (KeyError, TypeError):
                continue
            if key not in docs:
                print(f"{o.get('id')}: source document {key} not found in the corpus")
                failures += 1
            elif o.get("text") not in docs[key]:
                print(f"{o.get('id')}: text is not an exact substring of {key}")
                failures += 1

    if not quiet:
        types = Counter(e["type"] for o in items if isinstance(o, dict)
                        for e in o.get("entities", []) if isinstance(e, dict))
        srcs = Counter(o["id"].rsplit("-", 1)[0] for o in items if isinstance(o, dict) and "id" in o)
        nrel = sum(len(o.get("relations", [])) for o in items if isinstance(o, dict))
        print(f"{len(items)} items; by source {dict(sorted(srcs.items()))}")
        print(f"entities {sum(types.values())}: {dict(sorted(types.items()))}; relations {nrel}")
    print("OK" if failures == 0 else f"FAILED: {failures} problem line(s)/item(s)")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
