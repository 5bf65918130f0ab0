#!/usr/bin/env python3
"""Size budgets of the frontend's views: DOM nodes, JSON downloaded, page height and LCP.

Run by Tests/BrowserTests against a server holding a large generated archive
(generate_archive.py), or by hand against any server:

    python3 Tests/BrowserTests/browser/budget_checks.py --base-url http://127.0.0.1:18200 \
        [--report artifacts/budgets.json] [--no-enforce]

Every view is opened by a fresh page load (so nothing is cached in the app) and measured when
it has rendered: all DOM nodes (elements, text and comments), the decoded bytes of every
/api/v1 response it fetched (and what went over the wire), the document height, and the
largest contentful paint. A view over budget is a failure unless --no-enforce (for measuring
an older frontend). The exit status is 1 when a budget is exceeded, 2 when the browser could
not be started.
"""

import argparse
import json
import os
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from frontend_checks import CheckFailed, start_browser  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402

MAX_NODES = 3000
MAX_JSON_BYTES = 300 * 1024

MEASURE = """
const walker = document.createTreeWalker(document, NodeFilter.SHOW_ALL);
let nodes = 0;
while (walker.nextNode()) nodes += 1;
const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/'));
const lcp = window.__lcp || 0;
return {
  nodes,
  elements: document.getElementsByTagName('*').length,
  requests: api.length,
  json: api.reduce((sum, e) => sum + (e.decodedBodySize || 0), 0),
  wire: api.reduce((sum, e) => sum + (e.transferSize || 0), 0),
  largest: api.reduce((top, e) => (e.decodedBodySize > top.size ? {size: e.decodedBodySize, url: e.name} : top), {size: 0, url: ''}),
  height: document.documentElement.scrollHeight,
  lcp: Math.round(lcp),
  view: (document.getElementById('main') || {dataset: {}}).dataset.view,
};
"""

# Registered before any script of the page runs, so the first paints are observed.
LCP_OBSERVER = """
window.__lcp = 0;
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = Math.max(window.__lcp, entry.startTime);
  }).observe({type: 'largest-contentful-paint', buffered: true});
} catch (e) {}
"""


def views(app):
    """The routes to measure, picked from the archive itself: its busiest entities."""
    q = urllib.parse.quote
    first = lambda path, **params: (app.api_get(path, per_page=1, **params)["items"] or [None])[0]  # noqa: E731
    article = first("/articles")
    province = first("/localities", level="province")
    author = first("/authors")
    initiative = first("/initiatives")
    tag = first("/tags")
    page = first("/pages")
    edition = first("/editions")
    routes = [("front", "#/"), ("overview", "#/overview"), ("search", "#/search?q=" + q("服务")),
              ("localities", "#/localities"), ("authors", "#/authors"), ("initiatives", "#/initiatives"),
              ("tags", "#/tags"), ("pages", "#/pages"), ("editions", "#/editions")]
    if article:
        routes.append(("article", "#/articles/" + q(article["id"], safe="")))
    if province:
        routes += [("locality", "#/localities/" + q(province["id"], safe="")),
                   ("locality-articles", "#/localities/" + q(province["id"], safe="") + "/articles?page=2")]
    if author:
        routes.append(("author", "#/authors/" + q(author["id"], safe="")))
    if initiative:
        routes.append(("initiative", "#/initiatives/" + q(initiative["id"], safe="")))
    if tag:
        routes.append(("tag", "#/tags/" + q(tag["id"], safe="")))
    if page:
        routes.append(("page", "#/pages/" + q(page["id"], safe="")))
    if edition:
        routes.append(("edition", "#/editions/" + q(edition["id"], safe="")))
    return routes


def check_lower_bound(app, expect):
    """A search past the server's exact count (total_relation gte) reads "至少 N" and pages on
    while pages are full, with no last page. With `expect`, a search that counted everything
    is a failure (the harness starts the server with a small searchExactTotal)."""
    word = "高质量发展"
    answer = app.api_get("/search", q=word, per_page=20)
    if answer.get("total_relation") != "gte":
        if expect:
            raise CheckFailed(f"/search?q={word} counted all {answer.get('total')} matches; expected a lower bound")
        return
    app.driver.get("about:blank")
    app.driver.get(app.base + "/#/search?q=" + urllib.parse.quote(word))
    app.wait_rendered(0)
    count = app.text("#result-count") or ""
    # The bound itself depends on the page size asked for, so only its wording is checked.
    if "至少" not in count:
        raise CheckFailed(f"a lower-bound total should read 至少 N: {count!r}")
    if not app.driver.find_elements(By.CSS_SELECTOR, ".pager a[rel=next]"):
        raise CheckFailed("a full page of a lower-bound search has no next link")
    summary = app.text(".pager-summary")
    if "至少" not in summary or "/" in summary:
        raise CheckFailed(f"the pager of a lower-bound search claims a last page: {summary!r}")
    print(f"lower bound: {word} reads {count!r}; pager {summary!r}")


def measure(app, route, settle):
    app.driver.get("about:blank")
    app.driver.get(app.base + "/" + route)
    try:
        app.wait_rendered(0)
    except CheckFailed:
        pass  # an old frontend may not know the route; measure what it shows
    time.sleep(settle)  # late paints and lazy requests
    return app.js(MEASURE)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", default="", help="unused (the harness passes every script its server's token)")
    parser.add_argument("--chromium", default=os.environ.get("NEWSROOM_CHROMIUM") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=os.environ.get("NEWSROOM_CHROMEDRIVER") or "/usr/bin/chromedriver")
    parser.add_argument("--report", help="write the measurements as JSON here")
    parser.add_argument("--no-enforce", action="store_true", help="measure only; never fail")
    parser.add_argument("--settle", type=float, default=0.4, help="seconds to wait after the render")
    parser.add_argument("--timeout", type=float, default=60, help="seconds a view may take to render")
    parser.add_argument("--expect-lower-bound", action="store_true",
                        help="fail unless a many-match search reports its total as a lower bound (and shows it so)")
    args = parser.parse_args()
    args.screenshots = None
    app = start_browser(args)
    if app is None:
        return 2
    app.timeout = args.timeout
    app.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": LCP_OBSERVER})
    failures = []
    rows = {}
    try:
        totals = app.api_get("/articles", per_page=1)["total"]
        print(f"budgets: {totals} articles; at most {MAX_NODES} DOM nodes and {MAX_JSON_BYTES // 1024} KB of JSON per view")
        print(f"{'view':<18} {'nodes':>6} {'JSON KB':>8} {'wire KB':>8} {'reqs':>4} {'height':>7} {'LCP ms':>7}")
        for name, route in views(app):
            m = measure(app, route, args.settle)
            rows[name] = dict(m, route=route)
            flag = ""
            if m["nodes"] > MAX_NODES:
                failures.append(f"{name}: {m['nodes']} DOM nodes > {MAX_NODES}")
                flag += " NODES"
            if m["json"] > MAX_JSON_BYTES:
                failures.append(f"{name}: {m['json']} bytes of JSON > {MAX_JSON_BYTES} (largest {m['largest']['url']})")
                flag += " JSON"
            print(f"{name:<18} {m['nodes']:>6} {m['json'] / 1024:>8.1f} {m['wire'] / 1024:>8.1f} {m['requests']:>4} "
                  f"{m['height']:>7} {m['lcp']:>7}{flag}", flush=True)
        check_lower_bound(app, args.expect_lower_bound)
    finally:
        app.quit()
    if args.report:
        os.makedirs(os.path.dirname(os.path.abspath(args.report)), exist_ok=True)
        with open(args.report, "w", encoding="utf-8") as file:
            json.dump({"articles": totals, "views": rows}, file, ensure_ascii=False, indent=1)
    if failures and not args.no_enforce:
        print("FAIL budgets:\n     " + "\n     ".join(failures))
        return 1
    print(f"PASS budgets: {len(rows)} views within {MAX_NODES} nodes and {MAX_JSON_BYTES // 1024} KB of JSON"
          if not failures else f"measured {len(rows)} views ({len(failures)} over budget, not enforced)")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except CheckFailed as failure:
        print(f"FAIL budgets: {failure}")
        sys.exit(1)
