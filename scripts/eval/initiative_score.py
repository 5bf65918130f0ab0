"""Scores Newsroom's initiatives against hand labels (see scripts/eval-initiatives and README.md).

Per (article, initiative) link: recall over core non-slogan labels (found with a kind other than
slogan), precision over every link the analysis makes, kind agreement, slogan typing and place
attribution.
"""
import json
import sys
import unicodedata

labels_path, analyze_path = sys.argv[1:3]
verbose = "--verbose" in sys.argv


def norm(name):
    """One spelling: NFKC (full-width to ASCII), middle dots unified, spaces and quotes dropped."""
    name = unicodedata.normalize("NFKC", name)
    for dot in "・･•‧⋅∙·":
        name = name.replace(dot, "·")
    return "".join(c for c in name if not c.isspace() and c not in "“”\"「」『』")


labels = {k: v for k, v in json.load(open(labels_path, encoding="utf-8")).items() if not k.startswith("//")}
analysis = json.load(open(analyze_path, encoding="utf-8"))
found = {a["id"]: a["initiatives"] for a in analysis["articles"]}
missing = [k for k in labels if k not in found]
if missing:
    sys.exit(f"labelled articles not in the analysis: {missing}")


def spellings(item):
    return {norm(item["name"])} | {norm(a) for a in item.get("aliases", [])}


def matches(initiative, label):
    return bool(spellings(initiative) & spellings(label))


core_total = core_hit = 0
links = right = 0
kind_checked = kind_right = 0
slogan_found = slogan_typed = 0
place_checked = place_right = 0
misses, wrong = [], []
for article_id, initiatives in found.items():
    article_labels = labels.get(article_id, [])
    for label in article_labels:
        if not label["core"] or label["kind"] == "slogan":
            continue
        core_total += 1
        # A programme typed slogan is lost to a client that filters slogans: a miss.
        hit = next((i for i in initiatives if matches(i, label) and i.get("kind") != "slogan"), None)
        if hit is None:
            misses.append((article_id, label["name"], label["kind"]))
            continue
        core_hit += 1
        if "locality" in label:
            place_checked += 1
            if hit.get("locality") in label["locality"]:
                place_right += 1
            elif verbose:
                print(f"  place  {article_id} {label['name']}: {hit.get('locality')} {hit.get('locality_name')}, want {label['locality']}")
    for initiative in initiatives:
        links += 1
        label = next((l for l in article_labels if matches(initiative, l)), None)
        if label is None:
            wrong.append((article_id, initiative["name"], initiative.get("kind")))
            continue
        right += 1
        kind_checked += 1
        if initiative.get("kind") == label["kind"]:
            kind_right += 1
        elif verbose:
            print(f"  kind   {article_id} {initiative['name']}: {initiative.get('kind')}, want {label['kind']}")
        if label["kind"] == "slogan":
            slogan_found += 1
            slogan_typed += initiative.get("kind") == "slogan"


def ratio(a, b):
    return a / b if b else 0.0


for article_id, name, kind in misses:
    print(f"miss   {article_id}  {name} ({kind})")
for article_id, name, kind in wrong:
    print(f"wrong  {article_id}  {name} ({kind})")
unique = {i["id"] for a in found.values() for i in a}
print()
print(f"initiatives: {len(analysis['initiatives'])} in the corpus table, {len(unique)} linked to articles, {links} article links")
print(f"core recall     {ratio(core_hit, core_total):.3f}  ({core_hit}/{core_total} core labels found and not typed slogan)")
print(f"precision       {ratio(right, links):.3f}  ({right}/{links} links match a label of their article)")
print(f"kind agreement  {ratio(kind_right, kind_checked):.3f}  ({kind_right}/{kind_checked} matched links)")
print(f"slogans typed   {ratio(slogan_typed, slogan_found):.3f}  ({slogan_typed}/{slogan_found} links to slogan labels are kind slogan)")
print(f"place agreement {ratio(place_right, place_checked):.3f}  ({place_right}/{place_checked} found core labels with a labelled place)")
