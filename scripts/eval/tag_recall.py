"""recall@10 of Newsroom tags and of jieba's TF-IDF keywords against hand labels (see scripts/eval-tags)."""
import json
import logging
import sys

import jieba
import jieba.analyse

jieba.setLogLevel(logging.WARNING)
labels_path, parse_path, analyze_path = sys.argv[1:4]
labels = {k: v for k, v in json.load(open(labels_path, encoding="utf-8")).items() if not k.startswith("//")}
# The first sixteen labelled articles are the original set; later ones were added the same way.
original = set(list(labels)[:16])
articles = {a["id"]: a for page in json.load(open(parse_path, encoding="utf-8"))["pages"] for a in page["articles"]}
ours = {a["id"]: [t["term"] for t in a["tags"]] for a in json.load(open(analyze_path, encoding="utf-8"))["articles"]}


def text(article):
    parts = [article["title"] or ""] + [s["text"] for s in article["subheadings"]] + article["paragraphs"]
    return "\n".join(parts)


def recall(found, wanted):
    return sum(1 for w in wanted if w in found[:10]) / len(wanted)


rows = []
for article_id, wanted in labels.items():
    if article_id not in articles:
        sys.exit(f"labelled article {article_id} not found in the parse output")
    jieba_tags = jieba.analyse.extract_tags(text(articles[article_id]), topK=10)
    rows.append((article_id, recall(ours[article_id], wanted), recall(jieba_tags, wanted), ours[article_id], jieba_tags))

for article_id, r_ours, r_jieba, our_tags, jieba_tags in rows:
    print(f"{article_id}  newsroom {r_ours:.2f}  jieba {r_jieba:.2f}")
    print(f"    newsroom: {' '.join(our_tags)}")
    print(f"    jieba:    {' '.join(jieba_tags)}")
print()
for name, subset in [("the original", [r for r in rows if r[0] in original]), ("all", rows)]:
    mean_ours = sum(r[1] for r in subset) / len(subset)
    mean_jieba = sum(r[2] for r in subset) / len(subset)
    print(f"recall@10 over {name} {len(subset)} hand-labelled articles: newsroom {mean_ours:.3f}  jieba {mean_jieba:.3f}")
