#!/usr/bin/env python3
"""Writes a large synthetic archive of dated page files, for the frontend's size budgets.

    python3 Tests/BrowserTests/browser/generate_archive.py ARTICLES DATA_DIR [--seed 7]

The pages go to DATA_DIR/pages/ as uploaded page files (the `%newsroom-page 1 {json}` header
with newspaper, edition date, page label and section, then the page text), so a server started
with `--data DATA_DIR` loads them as if they had been uploaded. Nothing here parses: the page
text is assembled from the seed pages' own body paragraphs (so the parser and the analysis see
real sentences), headlines built from phrase pools, author lines from common surnames, and
sentences that name places of the national gazetteer (most of them in 湖南省, so that one
province gathers thousands of articles, the case that broke the old locality page) and local
programmes with the naming patterns the analysis looks for (“…工作法”, “…行动”).

Deterministic for a given --seed. The archive is made at test time and never committed.
"""

import argparse
import datetime
import glob
import json
import os
import random
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))

NEWSPAPERS = ["湘江日报", "株洲晚报", "潇湘都市报"]
SECTIONS = ["要闻", "综合·城区", "智库·理论", "经济", "社会", "县域", "文化", "民生"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红辉鹏建文斌宇浩凯晨欣怡佳琪子涵思远志国庆海波立新春燕晓东亮"
SUBJECTS = ["乡村振兴", "基层治理", "营商环境", "志愿服务", "产业升级", "生态保护", "城市更新", "数字经济", "文化传承",
            "民生保障", "社区服务", "科技创新", "教育改革", "医疗服务", "交通建设", "就业创业", "养老服务", "政务服务"]
VERBS = ["推动", "加快", "深化", "持续推进", "奋力打造", "全面提升", "着力优化", "扎实推进", "聚焦", "探索"]
OUTCOMES = ["新格局", "高质量发展", "新路径", "新成效", "新样板", "新动能", "再上新台阶", "见实效", "惠民生", "添活力"]
PROGRAMME_STEMS = ["邻里", "红色", "幸福", "智慧", "绿色", "暖心", "连心", "惠民", "清风", "百企", "千村", "万家",
                   "湘里", "茶乡", "星火", "同心", "阳光", "便民", "田园", "书香"]
PROGRAMME_MIDDLES = ["议事", "帮办", "网格", "夜校", "驿站", "直通", "会客", "接力", "护航", "共建"]
PROGRAMME_SUFFIXES = ["工作法", "行动", "工程", "计划", "品牌", "平台"]
CUES = ["推行", "开展", "实施", "打造", "推出", "创新"]


def seed_paragraphs():
    """Body paragraphs of the seed pages: long blocks that end a sentence."""
    paragraphs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        with open(path, encoding="utf-8") as file:
            for block in file.read().split("\n\n"):
                text = " ".join(block.split())
                if len(text) > 60 and text[-1] in "。！？”":
                    paragraphs.append(text)
    if len(paragraphs) < 20:
        sys.exit("generate_archive: the seed pages gave too few paragraphs")
    return paragraphs


def gazetteer_places():
    """(name, province) for the cities, districts and counties of the gazetteer, by province code."""
    places = {}
    with open(os.path.join(ROOT, "config", "gazetteer.tsv"), encoding="utf-8") as file:
        for line in file:
            if line.startswith("#"):
                continue
            columns = line.rstrip("\n").split("\t")
            if len(columns) >= 4 and columns[2] in ("city", "district", "county"):
                places.setdefault(columns[0][:2], []).append(columns[3])
    return places


def person(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", type=int)
    parser.add_argument("data_dir")
    parser.add_argument("--per-page", type=int, default=6)
    parser.add_argument("--pages-per-edition", type=int, default=8)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    paragraphs = seed_paragraphs()
    places = gazetteer_places()
    hunan = places.get("43", [])
    elsewhere = [name for code, names in places.items() if code != "43" for name in names]
    authors = [person(rng) for _ in range(400)]
    programmes = sorted({rng.choice(PROGRAMME_STEMS) + rng.choice(PROGRAMME_MIDDLES) + rng.choice(PROGRAMME_SUFFIXES)
                         for _ in range(300)})

    out = os.path.join(args.data_dir, "pages")
    os.makedirs(out, exist_ok=True)
    start = datetime.date(2023, 1, 2)
    pages = (args.articles + args.per_page - 1) // args.per_page
    written = 0
    for number in range(pages):
        day = start + datetime.timedelta(days=number // args.pages_per_edition)
        slot = number % args.pages_per_edition
        newspaper = NEWSPAPERS[(number // args.pages_per_edition) % len(NEWSPAPERS)]
        blocks = []
        for _ in range(min(args.per_page, args.articles - written)):
            place = rng.choice(hunan) if hunan and rng.random() < 0.8 else rng.choice(elsewhere)
            subject = rng.choice(SUBJECTS)
            programme = rng.choice(programmes)
            blocks.append(f"{place}{rng.choice(VERBS)}{subject}{rng.choice(OUTCOMES)}")
            blocks.append(" ".join(person(rng) if rng.random() < 0.2 else rng.choice(authors) for _ in range(rng.choice((1, 1, 2)))))
            blocks.append(f"近年来，{place}{rng.choice(CUES)}“{programme}”，围绕{subject}持续发力，"
                          f"{place}群众的获得感不断增强。")
            blocks += rng.sample(paragraphs, rng.randint(2, 4))
            written += 1
        metadata = {
            "newspaper": newspaper, "date": day.isoformat(), "page_label": f"A{slot + 1:02d}",
            "section": SECTIONS[slot % len(SECTIONS)], "created_at": f"{day.isoformat()}T06:00:00Z",
            "updated_at": f"{day.isoformat()}T06:00:00Z",
        }
        header = "%newsroom-page 1 " + json.dumps(metadata, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        with open(os.path.join(out, f"gen-{number:06d}.txt"), "w", encoding="utf-8") as file:
            file.write(header + "\n" + "\n\n".join(blocks) + "\n")
    print(f"generate_archive: {written} articles on {pages} pages ({pages // args.pages_per_edition + 1} editions) in {out}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
