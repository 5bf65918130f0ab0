#!/usr/bin/env python3
"""Scores parsed pages (JSON lines from ParseDump on stdin) against hand-made annotations.

For each fixture `NAME.ext` the annotation is `NAME.expected.json` beside it:
  page:     newspaper, printedDate, pageLabel, section, editors [{role, name, normalizedRole}], articleCount
  articles: title, kicker, subtitle, authors [{name, role}], kind, affiliation, source,
            firstParagraph / lastParagraph (prefixes), captions (count)
Every one of those is one field. Expected articles are matched to parsed ones by title, then by
the opening of the first paragraph, then by order; an expected article with no match scores 0.

    parse_score.py FIXTURE_DIR [--verbose] < dump.jsonl
"""
import json
import os
import sys

ARTICLE_FIELDS = ["title", "kicker", "subtitle", "authors", "kind", "affiliation", "source",
                  "firstParagraph", "lastParagraph", "captions"]
PAGE_FIELDS = ["newspaper", "printedDate", "pageLabel", "section", "editors", "articleCount"]


def article_value(article, field):
    if field == "authors":
        return [{"name": p["name"], "role": p["role"]} for p in article.get("authors", [])]
    if field == "firstParagraph":
        paragraphs = article.get("paragraphs") or []
        return paragraphs[0] if paragraphs else None
    if field == "lastParagraph":
        paragraphs = article.get("paragraphs") or []
        return paragraphs[-1] if paragraphs else None
    if field == "captions":
        return len(article.get("captions") or [])
    return article.get(field)


def article_field_right(expected, article, field):
    want = expected[field]
    got = article_value(article, field)
    if field in ("firstParagraph", "lastParagraph"):
        return got is not None and got.startswith(want), got
    return got == want, got


def page_value(page, field):
    if field == "editors":
        return [{"role": e.get("role"), "name": e.get("name"), "normalizedRole": e.get("normalizedRole")}
                for e in page.get("editors", [])]
    if field == "articleCount":
        return len(page.get("articles", []))
    return page.get(field)


def match_articles(expected, parsed):
    """Index of the parsed article for each expected one (or None)."""
    used = set()
    result = [None] * len(expected)
    for i, want in enumerate(expected):
        if want["title"] is None:
            continue
        for j, got in enumerate(parsed):
            if j not in used and got.get("title") == want["title"]:
                result[i] = j
                used.add(j)
                break
    for i, want in enumerate(expected):
        if result[i] is not None:
            continue
        for j, got in enumerate(parsed):
            first = article_value(got, "firstParagraph")
            if j not in used and first is not None and first.startswith(want["firstParagraph"]):
                result[i] = j
                used.add(j)
                break
    cursor = 0
    for i in range(len(expected)):
        if result[i] is not None:
            cursor = result[i] + 1
            continue
        while cursor < len(parsed) and cursor in used:
            cursor += 1
        if cursor < len(parsed):
            result[i] = cursor
            used.add(cursor)
            cursor += 1
    return result


def score(fixture_dir, dump_lines, verbose):
    rows = []
    for line in dump_lines:
        record = json.loads(line)
        name = record["file"]
        base = name.rsplit(".", 1)[0]
        with open(os.path.join(fixture_dir, base + ".expected.json"), encoding="utf-8") as f:
            annotation = json.load(f)
        total = len(PAGE_FIELDS) + len(ARTICLE_FIELDS) * len(annotation["articles"])
        misses = []
        right = 0
        page = record.get("page")
        if page is None:
            misses.append(f"error: {record.get('error')}")
        else:
            for field in PAGE_FIELDS:
                got = page_value(page, field)
                if got == annotation["page"][field]:
                    right += 1
                else:
                    misses.append(f"page.{field}: want {annotation['page'][field]!r} got {got!r}")
            parsed = page.get("articles", [])
            for i, (want, j) in enumerate(zip(annotation["articles"], match_articles(annotation["articles"], parsed))):
                if j is None:
                    misses.append(f"article {i + 1} ({want['title']}): not found")
                    continue
                for field in ARTICLE_FIELDS:
                    ok, got = article_field_right(want, parsed[j], field)
                    if ok:
                        right += 1
                    else:
                        shown = got[:40] + "…" if isinstance(got, str) and len(got) > 40 else got
                        misses.append(f"article {i + 1}.{field}: want {want[field]!r} got {shown!r}")
        rows.append((name, right, total, misses))
    width = max(len(r[0]) for r in rows)
    print(f"{'fixture':<{width}}  right / total")
    for name, right, total, misses in rows:
        print(f"{name:<{width}}  {right:>5} / {total:<5} {100 * right / total:5.1f}%")
        if verbose:
            for miss in misses:
                print(f"    - {miss}")
    right = sum(r[1] for r in rows)
    total = sum(r[2] for r in rows)
    print(f"{'TOTAL':<{width}}  {right:>5} / {total:<5} {100 * right / total:5.1f}%")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    score(args[0], [l for l in sys.stdin if l.strip()], "--verbose" in sys.argv)
