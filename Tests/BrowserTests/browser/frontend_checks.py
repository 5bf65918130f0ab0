#!/usr/bin/env python3
"""Browser checks of the Newsroom frontend: real headless Chromium (Selenium) against a live server.

Run by Tests/BrowserTests (which starts the server in-process), or by hand against any server:

    python3 Tests/BrowserTests/browser/frontend_checks.py --base-url http://127.0.0.1:18200 \
        --token secret --screenshots artifacts/screenshots

Each check prints PASS or FAIL with a reason; the exit status is 1 when any check failed and 2
when the browser could not be started. Screenshots of the main views at 1280 px and 360 px go to
--screenshots. Selenium never downloads anything: the chromedriver and Chromium paths are given
explicitly (--chromedriver/--chromium or NEWSROOM_CHROMEDRIVER/NEWSROOM_CHROMIUM).
"""

import argparse
import base64
import glob
import re
import subprocess
import tempfile
import zipfile
import json
import os
import shutil
import sys
import time
import traceback
import urllib.error
import urllib.parse
import urllib.request

os.environ.setdefault("SE_OFFLINE", "true")  # never let Selenium Manager reach the network

from selenium import webdriver  # noqa: E402
from selenium.common.exceptions import TimeoutException, WebDriverException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

VOLUNTEER_TITLE = "推动新时代志愿服务体系建设"
SEED_PAGE = "003_1eed3ba100fbfa73"  # 株洲日报, the page of the volunteer article
XSS_PAGE_ID = "browser-xss-check"
GONE_PAGE_ID = "browser-gone-check"
EDITION_DATE = "2023-10-12"
FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "PageParserTests", "Fixtures")
# Two pages of one edition day, uploaded with their metadata before the checks and removed after.
DATED_PAGES = [
    ("browser-dated-a01", "xiangtan_theory_page.txt", {"newspaper": "湘潭日报", "date": EDITION_DATE, "page_label": "A01", "section": "要闻"}),
    ("browser-dated-a02", "xiangjiang_city_news.txt", {"newspaper": "湘潭日报", "date": EDITION_DATE, "page_label": "A02", "section": "城区"}),
]
AXE_WHEEL = "axe-playwright-python"  # a PyPI wheel that carries axe-core's axe.min.js (MPL-2.0)
XSS_PAGE = """测试日报

# 安全测试<script>window.__xss=1</script>标题<img src=x onerror="window.__xss=2">

王测试

浏览器安全测试段落<script>window.__xss=1</script>应当原样显示为文字。

第二段<img src=x onerror="window.__xss=2">同样只是文字,株洲市。
"""


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


class Frontend:
    """The browser, the server's API, and helpers to drive and wait for the single-page app."""

    def __init__(self, args):
        self.base = args.base_url.rstrip("/")
        self.token = args.token
        self.shots = args.screenshots
        self.timeout = 15
        options = webdriver.ChromeOptions()
        options.binary_location = args.chromium
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--disable-extensions", "--no-first-run", "--lang=zh-CN", "--window-size=1280,900",
                     "--force-device-scale-factor=1", "--hide-scrollbars"):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(executable_path=args.chromedriver), options=options)
        self.driver.set_page_load_timeout(30)
        self.viewport(1280, 900, mobile=False)
        self.loaded = False

    # ---- API ----

    def api(self, path, method="GET", body=None, headers=None):
        request = urllib.request.Request(self.base + "/api/v1" + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=20) as response:
                raw = response.read()
                return response.status, (json.loads(raw) if raw else None)
        except urllib.error.HTTPError as error:
            raw = error.read()
            return error.code, (json.loads(raw) if raw else None)

    def api_get(self, path, **params):
        query = urllib.parse.urlencode(params, quote_via=urllib.parse.quote)
        status, body = self.api(path + ("?" + query if query else ""))
        expect(status == 200, f"GET {path} answered {status}: {body}")
        return body

    def upload(self, page_id, text, **metadata):
        query = urllib.parse.urlencode({"id": page_id, **metadata}, quote_via=urllib.parse.quote)
        return self.api("/pages?" + query, method="POST", body=text.encode("utf-8"), headers={
            "Authorization": "Bearer " + self.token, "Content-Type": "text/plain; charset=utf-8"})

    def delete(self, page_id):
        return self.api("/pages/" + urllib.parse.quote(page_id, safe=""), method="DELETE",
                        headers={"Authorization": "Bearer " + self.token})

    def article_id(self, title):
        """The id of the article with this title (ids are content keys: looked up, never hard-coded)."""
        hits = self.api_get("/search", q=title, per_page=10)["items"]
        for hit in hits:
            if hit["title"] == title:
                return hit["id"]
        raise CheckFailed(f"no article titled {title!r} in the archive")

    # ---- browser ----

    def js(self, script, *args):
        return self.driver.execute_script(script, *args)

    def viewport(self, width, height, mobile):
        self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile,
        })

    def render_number(self):
        try:
            return int(self.js("return (document.getElementById('main') || {dataset: {}}).dataset.render || '0'"))
        except (ValueError, TypeError):
            return 0

    def wait_for(self, script, message, *args, timeout=None):
        try:
            return WebDriverWait(self.driver, timeout or self.timeout).until(lambda d: d.execute_script(script, *args))
        except TimeoutException:
            raise CheckFailed(f"timed out: {message} (at {self.driver.current_url}, view {self.view()})") from None

    def wait_rendered(self, after, view=None):
        """Waits for a render newer than `after` that is finished (and of the given view)."""
        self.wait_for(
            "const m = document.getElementById('main');"
            "return m && Number(m.dataset.render || 0) > arguments[0] && m.getAttribute('aria-busy') === 'false'"
            " && (!arguments[1] || m.dataset.view === arguments[1]);",
            f"view {view or 'any'} rendered", after, view)

    def go(self, route, view=None):
        """Opens a hash route (e.g. '#/overview') and waits until its view is rendered."""
        if not self.loaded:
            self.driver.get(self.base + "/" + route)
            self.loaded = True
            self.wait_rendered(0, view)
            return
        before = self.render_number()
        current = self.js("return location.hash")
        if current == route or (route in ("#/", "") and current in ("", "#/")):
            self.driver.refresh()
            before = 0
        else:
            self.js("location.hash = arguments[0]", route)
        self.wait_rendered(before, view)

    def click(self, css, view=None, within=None):
        """Clicks the first element matching css (a real click) and waits for the next view."""
        root = within or self.driver
        elements = root.find_elements(By.CSS_SELECTOR, css)
        expect(elements, f"no element matches {css!r} in view {self.view()}")
        before = self.render_number()
        element = elements[0]
        self.js("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        self.wait_rendered(before, view)
        return element

    def back(self, view=None):
        before = self.render_number()
        self.driver.back()
        self.wait_rendered(before, view)

    def forward(self, view=None):
        before = self.render_number()
        self.driver.forward()
        self.wait_rendered(before, view)

    def view(self):
        return self.js("return document.getElementById('main').dataset.view")

    def text(self, css):
        elements = self.driver.find_elements(By.CSS_SELECTOR, css)
        return elements[0].get_attribute("textContent").strip() if elements else None

    def texts(self, css):
        return [e.get_attribute("textContent").strip() for e in self.driver.find_elements(By.CSS_SELECTOR, css)]

    def h1(self):
        return self.text("#main h1")

    def screenshot(self, name):
        if not self.shots:
            return
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 7000), "scale": 1}
        data = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True, "clip": clip,
        })
        with open(os.path.join(self.shots, name + ".png"), "wb") as file:
            file.write(base64.b64decode(data["data"]))

    def overflow_report(self):
        """Elements sticking out on the right of the viewport (for the 360 px check)."""
        return self.js("""
            const limit = window.innerWidth;
            const out = [];
            for (const el of document.querySelectorAll('body *')) {
              const r = el.getBoundingClientRect();
              if (r.width && r.right > limit + 0.5) {
                let hidden = false;
                for (let p = el.parentElement; p; p = p.parentElement) {
                  const o = getComputedStyle(p).overflowX;
                  if (o === 'auto' || o === 'scroll' || o === 'hidden') { hidden = true; break; }
                }
                if (!hidden) out.push(el.tagName.toLowerCase() + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).split(' ').join('.') : '') + ' right=' + Math.round(r.right));
              }
              if (out.length > 8) break;
            }
            return out;""")

    def quit(self):
        try:
            self.driver.quit()
        except WebDriverException:
            pass


# ---------------------------------------------------------------------------------------------
# Checks. Each is independent enough to report its own failure; they run in this order.
# ---------------------------------------------------------------------------------------------

def check_front_page(app):
    """The front page lists every seed article (over its pages), as cards with titles and metadata."""
    expected = app.api_get("/articles", per_page=100)
    expected_ids = {item["id"] for item in expected["items"]}
    expect(len(expected_ids) >= 20, f"the API lists only {len(expected_ids)} seed articles")
    app.go("#/", "frontView")
    expect(app.h1() == "要闻", f"front page heading is {app.h1()!r}, expected 要闻")
    expect("要闻" in app.driver.title, f"document.title is {app.driver.title!r}")
    count = app.text("#result-count") or ""
    expect(str(expected["total"]) in count, f"result count {count!r} does not show the total {expected['total']}")
    seen = []
    for _ in range(20):
        cards = app.driver.find_elements(By.CSS_SELECTOR, "#main .card")
        expect(cards, "the front page shows no article cards")
        for card in cards:
            seen.append(card.get_attribute("data-article-id"))
            title = card.find_elements(By.CSS_SELECTOR, ".card-title a")
            expect(title and title[0].text.strip(), f"card {seen[-1]} has no title link")
        nxt = app.driver.find_elements(By.CSS_SELECTOR, ".pager a[rel=next]")
        if not nxt:
            break
        app.click(".pager a[rel=next]", "frontView")
    missing = expected_ids - set(seen)
    expect(not missing, f"seed articles missing from the front page: {sorted(missing)}")
    expect(len(seen) == len(set(seen)), "an article appears twice across the front-page pages")
    expect(VOLUNTEER_TITLE in app.texts("#main .card-title") or VOLUNTEER_TITLE in
           [a["title"] for a in expected["items"]], "volunteer article not listed")
    return f"{len(set(seen))} articles over the pages, total {expected['total']}"


def check_filter_chips(app):
    """Kind, locality and tag chips filter the list and can be switched off again."""
    news_total = app.api_get("/articles", kind="news", per_page=1)["total"]
    app.go("#/", "frontView")
    app.click(".filter-row a.chip[data-filter=kind][data-value=news]", "frontView")
    expect("kind=news" in app.driver.current_url, f"URL {app.driver.current_url} lacks kind=news")
    badges = app.texts("#main .card .badge")
    expect(len(badges) == news_total and all(b == "新闻" for b in badges),
           f"kind=news shows {badges}, expected {news_total} 新闻 cards")
    app.click(".filter-row a.chip.is-active[data-filter=kind]", "frontView")
    expect("kind=" not in app.driver.current_url, "the active chip did not clear the filter")
    locality_total = app.api_get("/articles", locality="430200", per_page=1)["total"]  # 株洲市
    app.click(".filter-row a.chip[data-filter=locality][data-value='430200']", "frontView")
    count = app.text("#result-count") or ""
    expect(str(locality_total) in count, f"locality filter shows {count!r}, expected {locality_total}")
    return f"kind=news → {news_total} cards, 株洲市 → {locality_total}"


def check_search(app):
    """Searching 志愿服务 shows the volunteer article first with <mark> highlights, and side matches."""
    app.go("#/", "frontView")
    box = app.driver.find_element(By.ID, "search-input")
    box.clear()
    box.send_keys("志愿服务")
    before = app.render_number()
    box.send_keys(Keys.ENTER)
    app.wait_rendered(before, "searchView")
    api = app.api_get("/search", q="志愿服务")
    titles = app.texts("#main .result .card-title")
    expect(titles and titles[0] == VOLUNTEER_TITLE, f"first result is {titles[:1]}, expected {VOLUNTEER_TITLE}")
    title_marks = app.texts("#main .result:first-child .card-title mark")
    expect("志愿服务" in title_marks, f"title highlights are {title_marks}, expected a <mark>志愿服务</mark>")
    snippet_marks = app.texts("#main .result:first-child .card-snippet mark")
    expect(snippet_marks and all(m == "志愿服务" for m in snippet_marks), f"snippet highlights are {snippet_marks}")
    count = app.text("#result-count") or ""
    expect(f"找到 {api['total']} 篇" in count, f"result count {count!r}, API total {api['total']}")
    side_tags = app.texts("#main .col-side .tag")
    expect(any("志愿服务" in t for t in side_tags), f"side tags {side_tags} lack 志愿服务")
    app.wait_for("return document.getElementById('status').textContent.includes('找到')", "live region announces the count")
    expect("志愿服务" in app.driver.title, f"document.title is {app.driver.title!r}")
    app.go("#/search?q=" + urllib.parse.quote("株洲 张怀东"), "searchView")
    api = app.api_get("/search", q="株洲 张怀东")
    side_authors = app.texts("#main .col-side .side-list a[href^='#/authors/']")
    side_initiatives = app.texts("#main .col-side .side-list a[href^='#/initiatives/']")
    side_places = app.texts("#main .col-side .side-list a[href^='#/localities/']")
    expect("张怀东" in side_authors, f"side authors for '株洲 张怀东' are {side_authors}")
    expect(side_initiatives == [i["name"] for i in api["initiatives"]], f"side initiatives {side_initiatives}, API {api['initiatives']}")
    expect(side_places == [p["name"] for p in api["localities"]], f"side places {side_places}, API {api['localities']}")
    return f"{len(titles)} results, {len(snippet_marks)} snippet marks; side lists authors and initiatives"


def check_article(app):
    """Clicking the search hit opens the article with its headline, byline, source and paragraphs."""
    app.go("#/search?q=" + urllib.parse.quote("志愿服务"), "searchView")
    app.click("#main .result:first-child .card-title a", "articleView")
    expect(app.h1() == VOLUNTEER_TITLE, f"article heading is {app.h1()!r}")
    article = app.api_get("/articles/" + app.article_id(VOLUNTEER_TITLE))
    paragraphs = app.texts("#main .article-body p")
    expect(len(paragraphs) == len(article["paragraphs"]), f"{len(paragraphs)} paragraphs shown, API has {len(article['paragraphs'])}")
    expect(paragraphs[0] == article["paragraphs"][0], "first paragraph differs from the API text")
    expect(app.driver.title.startswith(VOLUNTEER_TITLE), f"document.title is {app.driver.title!r}")
    byline = app.texts("#main .byline a")
    expect("张怀东" in byline, f"byline links are {byline}")
    origin = app.text("#main .origin") or ""
    expect("株洲日报" in origin and "日期不详" in origin and "原始版面" in origin, f"origin line is {origin!r}")
    expect(".txt" not in origin and SEED_PAGE not in origin, f"the origin line shows a storage name: {origin!r}")
    raw = app.driver.find_element(By.CSS_SELECTOR, "#main .origin a.raw-link").get_attribute("href")
    expect(raw.endswith(f"/api/v1/pages/{SEED_PAGE}/raw"), f"原始版面 links to {raw}")
    with urllib.request.urlopen(raw, timeout=20) as response:
        expect(response.status == 200 and response.headers.get_content_type() == "text/plain", "the raw page link does not answer text")
    return f"{len(paragraphs)} paragraphs, byline {byline}, source line and 原始版面"


def check_links_and_back(app):
    """Author, locality, initiative and tag links reach their views; back returns each time."""
    volunteer = app.article_id(VOLUNTEER_TITLE)
    app.go("#/articles/" + urllib.parse.quote(volunteer), "articleView")
    results = []

    app.click("#main .byline a", "authorView")
    expect(app.h1() == "张怀东", f"author heading is {app.h1()!r}")
    ids = [c.get_attribute("data-article-id") for c in app.driver.find_elements(By.CSS_SELECTOR, "#main .card")]
    expect(volunteer in ids, f"author page lists {ids}")
    app.back("articleView")
    expect(app.h1() == VOLUNTEER_TITLE, f"back from the author page shows {app.h1()!r}")
    results.append("author")

    app.click("#main .article-aside .side-lead a", "localityView")
    expect(app.h1() == "株洲市", f"locality heading is {app.h1()!r}")
    children = app.texts("#main section[aria-labelledby=children-heading] .chip")
    expect(any(c.startswith("天元区") for c in children), f"sub-places are {children}")
    programmes = app.texts("#main section[aria-labelledby=programmes-heading] .entity-name")
    expect("志在株洲" in programmes, f"programmes are {programmes}")
    app.back("articleView")
    results.append("locality")

    app.click(f"#main .initiative-name a[href='#/initiatives/{urllib.parse.quote('志在株洲', safe='')}']", "initiativeView")
    expect(app.h1() == "志在株洲", f"initiative heading is {app.h1()!r}")
    contexts = app.driver.find_elements(By.CSS_SELECTOR, "#main .mention .context")
    expect(contexts, "the initiative shows no mentions in context")
    marks = app.texts("#main .mention .context mark")
    expect("志在株洲" in marks, f"context highlights are {marks}")
    mention_links = app.texts("#main .mention-title a")
    expect(VOLUNTEER_TITLE in mention_links, f"mentions are grouped under {mention_links}")
    app.back("articleView")
    results.append("initiative")

    tag_total = app.api_get("/tags/" + urllib.parse.quote("志愿服务"))["article_count"]
    app.click("#main .article-aside a.tag", "tagView")
    expect(app.h1() == "志愿服务", f"tag heading is {app.h1()!r}")
    cards = app.driver.find_elements(By.CSS_SELECTOR, "#main .card")
    expect(len(cards) == min(5, tag_total), f"tag page shows {len(cards)} cards of {tag_total}, expected the first {min(5, tag_total)}")
    app.back("articleView")
    expect(app.h1() == VOLUNTEER_TITLE, "back from the tag page did not return to the article")
    app.forward("tagView")
    expect(app.h1() == "志愿服务", "forward did not return to the tag page")
    results.append("tag")
    return ", ".join(results) + " links work; back and forward restore the views"


def check_back_to_search(app):
    """From search results to an article and back: the results (and query) come back."""
    app.go("#/search?q=" + urllib.parse.quote("基层治理"), "searchView")
    first = app.texts("#main .result .card-title")
    app.click("#main .result:first-child .card-title a", "articleView")
    app.back("searchView")
    expect(app.texts("#main .result .card-title") == first, "back did not restore the same search results")
    value = app.js("return document.getElementById('search-input').value")
    expect(value == "基层治理", f"search box holds {value!r} after back")
    return f"{len(first)} results restored"


def check_xss(app):
    """A page uploaded with <script> and <img onerror> in title and body renders them as text."""
    status, body = app.upload(XSS_PAGE_ID, XSS_PAGE)
    expect(status == 201, f"upload answered {status}: {body}")
    try:
        article = body["articles"][0]
        full = app.api_get("/articles/" + urllib.parse.quote(article["id"]))
        expect("<script>window.__xss=1</script>" in full["title"] and "<img" in full["title"],
               f"the parser changed the title: {full['title']!r}")
        app.go("#/articles/" + urllib.parse.quote(article["id"]), "articleView")
        expect(app.h1() == full["title"], f"heading {app.h1()!r} differs from the literal title {full['title']!r}")
        visible_title = app.driver.find_element(By.CSS_SELECTOR, "#main h1").text
        expect("<script>" in visible_title and "onerror" in visible_title, f"visible heading is {visible_title!r}")
        body_text = app.driver.find_element(By.CSS_SELECTOR, "#main .article-body").text
        expect("<script>" in body_text and '<img src=x onerror="' in body_text, f"visible body is {body_text!r}")
        injected = app.js("return document.querySelectorAll('#main script, #main img, #main [onerror]').length")
        expect(injected == 0, f"{injected} script/img elements were created from the page text")
        app.go("#/pages/" + XSS_PAGE_ID, "pageView")
        cards = [t for t in app.texts("#main .card-title") if "<script>" in t]
        expect(cards, "the uploaded article's card title does not show the literal <script> text")
        app.go("#/search?q=" + urllib.parse.quote("浏览器安全测试"), "searchView")
        snippet = app.text("#main .result .card-snippet") or ""
        expect("<script>" in snippet or "<img" in snippet, f"search snippet is {snippet!r}")
        time.sleep(0.3)  # give a would-be onerror handler time to fire
        flags = app.js("return [typeof window.__xss, typeof window.xss]")
        expect(flags == ["undefined", "undefined"], f"injected code ran: typeof window.__xss/xss = {flags}")
        return "title, body, card and snippet show the markup as text; window.__xss undefined"
    finally:
        app.delete(XSS_PAGE_ID)


def check_not_found(app):
    """A missing article id (and a missing author) show a clear not-found view."""
    app.go("#/articles/" + urllib.parse.quote("no-such-article-404"), "articleView")
    state = app.driver.find_elements(By.CSS_SELECTOR, "#main .state-notfound")
    expect(state, "no .state-notfound view for a missing article")
    expect("未找到" in (app.h1() or ""), f"not-found heading is {app.h1()!r}")
    expect("no-such-article-404" in state[0].text, "the not-found view does not name the missing id")
    expect("未找到" in app.driver.title, f"document.title is {app.driver.title!r}")
    app.go("#/authors/" + urllib.parse.quote("查无此人"), "authorView")
    expect(app.driver.find_elements(By.CSS_SELECTOR, "#main .state-notfound"), "no not-found view for a missing author")
    app.go("#/no/such/route", "notFound")
    expect("页面不存在" in (app.h1() or ""), f"unknown route heading is {app.h1()!r}")
    return "article, author and route not-found views"


def check_overview(app):
    """The overview draws its charts as inline SVG from the API's data."""
    localities = app.api_get("/localities", per_page=100)["items"]
    expected_bars = min(12, len([p for p in localities if p["article_count"] > 0]))
    tags = app.api_get("/tags", per_page=60)["items"]
    app.go("#/overview", "overviewView")
    app.wait_for("return document.querySelectorAll('#main svg.chart').length >= 4", "four SVG charts drawn")
    bars = app.js("return document.querySelectorAll('#chart-localities svg .bar').length")
    expect(bars == expected_bars, f"localities chart has {bars} bars, expected {expected_bars}")
    initiative_bars = app.js("return document.querySelectorAll('#chart-initiatives svg .bar').length")
    expect(initiative_bars > 0, "initiatives chart has no bars")
    slices = app.js("return document.querySelectorAll('#chart-kinds svg .slice').length")
    expect(slices > 0, "kinds chart has no slices")
    words = app.js("return document.querySelectorAll('#chart-tags svg .cloud-word').length")
    expect(words == len(tags), f"tag cloud has {words} words, expected {len(tags)}")
    label = app.js("return document.querySelector('#chart-localities svg .bar-label').textContent")
    expect(label == localities[0]["name"], f"first bar is {label!r}, expected {localities[0]['name']!r}")
    namespaced = app.js("return [...document.querySelectorAll('#main svg.chart')].every(s => s.namespaceURI === 'http://www.w3.org/2000/svg')")
    expect(namespaced, "chart elements are not SVG-namespaced")
    app.click("#chart-localities svg a.chart-link", "localityView")
    expect(app.h1() == localities[0]["name"], f"clicking the first bar opened {app.h1()!r}")
    return f"{bars} locality bars, {initiative_bars} initiative bars, {slices} slices, {words} cloud words"


def check_keyboard(app):
    """The first Tab reaches the skip link, which moves focus to the main region."""
    app.driver.get("about:blank")  # then a fresh load (not a same-document hash change): focus starts at the top
    app.driver.get(app.base + "/#/")
    app.wait_rendered(0, "frontView")
    app.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.TAB)
    active = app.js("return document.activeElement && document.activeElement.id")
    expect(active == "skip-link", f"first Tab focused {active!r}, expected the skip link")
    visible = app.js("const r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height > 0")
    expect(visible, "the focused skip link is not visible")
    outline = app.js("return getComputedStyle(document.activeElement).outlineStyle")
    expect(outline not in ("none", ""), f"the focused skip link has no visible focus outline ({outline!r})")
    app.driver.switch_to.active_element.send_keys(Keys.ENTER)
    active = app.js("return document.activeElement && document.activeElement.id")
    expect(active == "main", f"the skip link moved focus to {active!r}")
    expect(app.js("return location.hash") in ("#/", ""), "the skip link changed the route")
    labels = app.js("return [...document.querySelectorAll('input, select')].filter(e => !e.labels || !e.labels.length).map(e => e.id)")
    expect(not labels, f"form fields without a label: {labels}")
    app.driver.switch_to.active_element.send_keys(Keys.TAB)
    focused = app.js("const e = document.activeElement; return [e.tagName, getComputedStyle(e).outlineStyle]")
    expect(focused[0] == "A" and focused[1] != "none", f"Tab from <main> reached {focused[0]} with outline {focused[1]!r}")
    return "skip link first, visible and working; focus outlines visible; every field labelled"


def check_api_down(app):
    """With the API unreachable, views show an error state with a retry button that recovers."""
    app.go("#/", "frontView")
    app.driver.execute_cdp_cmd("Network.enable", {})
    app.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*/api/v1/*"]})
    try:
        app.go("#/authors", "authorsView")
        expect(app.driver.find_elements(By.CSS_SELECTOR, "#main .state-error"), "no error state while the API is down")
        expect("无法连接" in (app.h1() or ""), f"error heading is {app.h1()!r}")
        shown = app.text("#main .state-error") or ""
        expect(not re.search(r"[A-Za-z]{3,}", shown), f"the error state is not all Chinese: {shown!r}")
        app.screenshot("error-api-down-1280")
    finally:
        app.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    app.click("#main .state-error button", "authorsView")
    expect(app.h1() == "作者", f"retry shows {app.h1()!r}")
    return "error state shown; retry recovers"


def screens(app):
    """(name, route, view) of the views to screenshot and lint, with ids looked up in the archive."""
    q = urllib.parse.quote
    volunteer = app.article_id(VOLUNTEER_TITLE)
    news = app.api_get("/articles", kind="news", per_page=1)["items"][0]["id"]
    dated = app.api_get("/articles", **{"from": EDITION_DATE, "to": EDITION_DATE}, per_page=1)["items"]
    return [
        ("front", "#/", "frontView"),
        ("article", "#/articles/" + q(volunteer), "articleView"),
        ("search", "#/search?q=" + q("志愿服务"), "searchView"),
        ("overview", "#/overview", "overviewView"),
        ("author", "#/authors/" + q("张怀东"), "authorView"),
        ("authors", "#/authors", "authorsView"),
        ("locality", "#/localities/430200", "localityView"),
        ("localities", "#/localities", "localitiesView"),
        ("locality-articles", "#/localities/430000/articles", "articlesOfView"),
        ("initiative", "#/initiatives/" + q("志在株洲"), "initiativeView"),
        ("initiatives", "#/initiatives", "initiativesView"),
        ("tag", "#/tags/" + q("志愿服务"), "tagView"),
        ("tags", "#/tags", "tagsView"),
        ("article-news", "#/articles/" + q(news), "articleView"),
        ("page", "#/pages/" + SEED_PAGE, "pageView"),
        ("pages", "#/pages", "pagesView"),
        ("editions", "#/editions", "editionsView"),
        ("edition", "#/editions/" + EDITION_DATE, "editionView"),
    ] + ([("article-dated", "#/articles/" + q(dated[0]["id"]), "articleView")] if dated else []) + [
        ("not-found", "#/articles/no-such-article", "articleView"),
    ]


def check_layouts(app):
    """Screenshots at 1280 px and 360 px; headings in order and a title per view; no overflow at 360 px."""
    problems = []
    views = screens(app)
    for width, height, mobile in ((1280, 900, False), (360, 780, True)):
        app.viewport(width, height, mobile)
        for name, route, view in views:
            app.go(route, view)
            if view == "overviewView":
                app.wait_for("return document.querySelectorAll('#main svg.chart').length >= 4", "charts drawn")
            app.js("window.scrollTo(0, 0)")
            if not mobile:
                levels = app.js("return [...document.querySelectorAll('#main h1, #main h2, #main h3, #main h4, #main h5, #main h6')]"
                                ".map(h => Number(h.tagName[1]))")
                skips = [f"h{a}→h{b}" for a, b in zip(levels, levels[1:]) if b > a + 1]
                if not levels or levels[0] != 1 or levels.count(1) != 1 or skips:
                    problems.append(f"{name}: headings out of order {levels[:12]} {skips}")
                title = app.driver.title
                if not title.endswith("· Newsroom") or title == "· Newsroom":
                    problems.append(f"{name}: document.title is {title!r}")
            if mobile:
                inner = app.js("return window.innerWidth")
                scroll = app.js("return document.documentElement.scrollWidth")
                if inner != width:
                    problems.append(f"{name}: innerWidth is {inner}, expected {width}")
                if scroll > inner:
                    problems.append(f"{name}: scrollWidth {scroll} > innerWidth {inner}: {app.overflow_report()}")
            app.screenshot(f"{name}-{width}")
    app.viewport(1280, 900, False)
    expect(not problems, "; ".join(problems))
    return f"{len(views)} views at 1280 and 360 px" + (f", screenshots in {app.shots}" if app.shots else "")


def check_locality_tree(app):
    """The place index is a tree: provinces with their counts; a province opens to the places below
    it, fetched on demand, as the API lists them."""
    provinces = app.api_get("/localities", level="province", per_page=50)
    app.go("#/localities", "localitiesView")
    names = app.texts("#main .tree > .tree-node > .tree-row .entity-name")
    expect(names == [p["name"] for p in provinces["items"]], f"tree roots {names}, API provinces {provinces['items']}")
    figure = app.text("#main .tree-node[data-place='430000'] > .tree-row .entity-figure") or ""
    hunan = next(p for p in provinces["items"] if p["id"] == "430000")
    expect(f"报道 {hunan['article_count']} 篇" in figure and f"提及 {hunan['mention_count']} 次" in figure, f"湖南省 counts read {figure!r}")
    children = app.api_get("/localities", parent="430000", per_page=50)["items"]
    toggle = app.driver.find_element(By.CSS_SELECTOR, "#main .tree-node[data-place='430000'] > .tree-row .tree-toggle")
    toggle.click()
    app.wait_for("return document.querySelectorAll(\"#tree-430000 > .tree-node\").length > 0", "湖南省 opened")
    shown = app.texts("#tree-430000 > .tree-node > .tree-row .entity-name")
    expect(shown == [c["name"] for c in children], f"湖南省 opens to {shown}, API children {[c['name'] for c in children]}")
    expect(toggle.get_attribute("aria-expanded") == "true", "the toggle does not report itself expanded")
    toggle.click()
    expect(not app.driver.find_element(By.ID, "tree-430000").is_displayed(), "the toggle does not close the branch")
    return f"{len(names)} provinces; 湖南省 opens to {shown}"


def check_editions_and_dates(app):
    """Browse by date: the calendar links the day, the edition lists its pages in order with their
    headlines, cards and articles name newspaper, date, page and section, and the date filter works."""
    edition = app.api_get("/editions/" + EDITION_DATE)
    app.go("#/editions", "editionsView")
    day = app.driver.find_elements(By.CSS_SELECTOR, f"#main .calendar a[href='#/editions/{EDITION_DATE}']")
    expect(day, "the calendar has no link to " + EDITION_DATE)
    app.click(f"#main .calendar a[href='#/editions/{EDITION_DATE}']", "editionView")
    expect(app.h1().startswith("2023年10月12日"), f"edition heading is {app.h1()!r}")
    labels = app.texts("#main .edition-page .page-label")
    expect(labels == ["A01版", "A02版"], f"edition pages are {labels}, expected A01版, A02版 in order")
    headlines = app.texts("#main .edition-page .headline-list a")
    expect(len(headlines) == edition["article_count"], f"{len(headlines)} headlines, the edition has {edition['article_count']} articles")

    total = app.api_get("/articles", **{"from": EDITION_DATE, "to": EDITION_DATE}, per_page=1)["total"]
    app.go("#/", "frontView")
    app.js("document.querySelector('.filter-toggle') && getComputedStyle(document.querySelector('.filter-toggle')).display !== 'none'"
           " && document.querySelector('.filter-toggle').click()")
    for field in ("front-from", "front-to"):
        app.js("arguments[0].value = arguments[1]", app.driver.find_element(By.ID, field), EDITION_DATE)
    before = app.render_number()
    app.driver.find_element(By.CSS_SELECTOR, "#main form.date-range button[type=submit]").click()
    app.wait_rendered(before, "frontView")
    expect(f"from={EDITION_DATE}" in app.driver.current_url and f"to={EDITION_DATE}" in app.driver.current_url,
           f"the date filter gave {app.driver.current_url}")
    count = app.text("#result-count") or ""
    expect(f"{total} 篇" in count, f"date filter shows {count!r}, API total {total}")
    dates = app.js("return [...document.querySelectorAll('#main .card .src-date time')].map(t => t.getAttribute('datetime'))")
    expect(dates and all(d == EDITION_DATE for d in dates), f"cards after the date filter are dated {dates}")
    source = app.text("#main .card .card-source") or ""
    expect(all(part in source for part in ("湘潭日报", "2023年10月12日", "版")), f"card source line is {source!r}")
    feed = app.driver.find_element(By.CSS_SELECTOR, "#main .front-tools a.feed-link").get_attribute("href")
    expect(f"from={EDITION_DATE}" in feed and "/feed.atom" in feed, f"the list's feed link is {feed}")
    with urllib.request.urlopen(feed, timeout=20) as response:
        expect(response.status == 200 and b"<feed" in response.read(), "the feed link does not answer an Atom feed")

    app.click("#main .card .card-title a", "articleView")
    origin = app.text("#main .origin") or ""
    expect("湘潭日报" in origin and "2023年10月12日" in origin and "版" in origin and "原始版面" in origin,
           f"article origin is {origin!r}")
    return f"calendar → {EDITION_DATE}: {labels}, {len(headlines)} headlines; date filter {total} articles; feed and origin"


def check_path_routes(app):
    """Links from feeds and sitemaps (/articles/ID, /editions/DATE without a hash) open their views;
    the favicon is served."""
    article = app.article_id(VOLUNTEER_TITLE)
    app.driver.get(app.base + "/articles/" + urllib.parse.quote(article))
    app.wait_rendered(0, "articleView")
    expect(app.h1() == VOLUNTEER_TITLE, f"/articles/ID shows {app.h1()!r}")
    expect(app.js("return location.pathname") == "/" and app.js("return location.hash").startswith("#/articles/"),
           f"the path was not turned into a hash route: {app.driver.current_url}")
    app.driver.get(app.base + "/editions/" + EDITION_DATE)
    app.wait_rendered(0, "editionView")
    with urllib.request.urlopen(app.base + "/favicon.ico", timeout=20) as response:
        expect(response.status == 200 and response.headers.get_content_type().startswith("image/"), "no favicon")
    app.loaded = True
    return "/articles/ID and /editions/DATE route; /favicon.ico is an image"


def check_gone(app):
    """A removed article (410) says so, in Chinese, and links to its page."""
    with open(os.path.join(FIXTURES, "xiangtan_theory_page.txt"), encoding="utf-8") as file:
        text = file.read().replace("。", "。浏览器删除测试。", 1)
    status, body = app.upload(GONE_PAGE_ID, text)
    expect(status == 201, f"upload answered {status}: {body}")
    article = body["articles"][0]["id"]
    status, _ = app.delete(GONE_PAGE_ID)
    expect(status == 204, f"delete answered {status}")
    app.go("#/articles/" + urllib.parse.quote(article), "articleView")
    expect(app.driver.find_elements(By.CSS_SELECTOR, "#main .state-gone"), "no gone state for a removed article")
    expect("已被删除" in (app.h1() or ""), f"gone heading is {app.h1()!r}")
    return f"{article}: 已被删除"


def check_phone(app):
    """At 360 px the filters fold behind one 筛选 button: the first headline is on the first screen;
    chip rows that overflow scroll and fade at their end."""
    app.viewport(360, 740, True)
    try:
        app.go("#/", "frontView")
        app.js("window.scrollTo(0, 0)")
        bottom = app.js("const r = document.querySelector('#main .card .card-title').getBoundingClientRect(); return r.bottom")
        expect(bottom <= 740, f"the first headline ends at y={bottom:.0f}, below the 740 px screen")
        toggle = app.driver.find_element(By.CSS_SELECTOR, "#main .filter-toggle")
        expect(toggle.is_displayed() and "筛选" in toggle.text, "no visible 筛选 button at 360 px")
        expect(not app.driver.find_element(By.ID, "filter-body").is_displayed(), "the filter rows show before 筛选 is pressed")
        toggle.click()
        expect(toggle.get_attribute("aria-expanded") == "true", "筛选 does not report itself expanded")
        expect(app.driver.find_element(By.ID, "filter-body").is_displayed(), "筛选 did not open the filter rows")
        rows = app.js("""return [...document.querySelectorAll('.filter-row .chip-list')].map(l => ({
            overflows: l.scrollWidth > l.clientWidth + 1, scrolls: getComputedStyle(l).overflowX,
            mask: getComputedStyle(l).maskImage || getComputedStyle(l).webkitMaskImage || 'none'}))""")
        overflowing = [r for r in rows if r["overflows"]]
        expect(overflowing, f"no chip row overflows at 360 px: {rows}")
        expect(all(r["scrolls"] == "auto" and r["mask"] != "none" for r in overflowing), f"overflowing chip rows give no hint: {rows}")
        app.screenshot("front-filters-open-360")
        return f"first headline ends at y={bottom:.0f}; {len(overflowing)} chip rows scroll with a fade"
    finally:
        app.viewport(1280, 900, False)


def vendored_axe(cache):
    """axe-core's axe.min.js from a PyPI wheel, fetched once into the cache (never committed)."""
    target = os.path.join(cache, "axe.min.js")
    if os.path.exists(target):
        return target
    os.makedirs(cache, exist_ok=True)
    with tempfile.TemporaryDirectory() as download:
        run = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--disable-pip-version-check", "-q",
                              "-d", download, AXE_WHEEL], capture_output=True, text=True, timeout=180)
        wheels = glob.glob(os.path.join(download, "*.whl"))
        expect(run.returncode == 0 and wheels, f"pip download {AXE_WHEEL} failed: {run.stderr.strip()[-300:]}")
        with zipfile.ZipFile(wheels[0]) as wheel:
            names = [n for n in wheel.namelist() if n.endswith("/axe.min.js")]
            expect(names, f"{wheels[0]} carries no axe.min.js")
            with open(target + ".tmp", "wb") as file:
                file.write(wheel.read(names[0]))
    os.replace(target + ".tmp", target)
    return target


def check_axe(app):
    """axe-core finds no violations (WCAG 2 A/AA and best practices) on any view, at 1280 and 360 px."""
    with open(vendored_axe(app.axe_cache), encoding="utf-8") as file:
        axe = file.read()
    problems = []
    checked = 0
    for width, height, mobile in ((1280, 900, False), (360, 740, True)):
        app.viewport(width, height, mobile)
        for name, route, view in screens(app):
            app.go(route, view)
            if view == "overviewView":
                app.wait_for("return document.querySelectorAll('#main svg.chart').length >= 4", "charts drawn")
            if not app.js("return typeof window.axe !== 'undefined'"):
                app.js(axe)
            result = app.driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {resultTypes: ['violations']}).then((r) => done(r.violations.map((v) => "
                "({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n').slice(1, 2).join(''))}))))"
                ".catch((e) => done([{id: 'axe-error', nodes: [String(e)]}]));")
            checked += 1
            for violation in result:
                problems.append(f"{name}@{width}: {violation['id']} ({violation.get('impact')}) {violation['nodes']}")
    app.viewport(1280, 900, False)
    expect(not problems, f"{len(problems)} axe violations:\n     " + "\n     ".join(problems[:20]))
    return f"0 violations on {checked} view renders"


CHECKS = [
    check_front_page,
    check_filter_chips,
    check_search,
    check_article,
    check_links_and_back,
    check_back_to_search,
    check_xss,
    check_gone,
    check_not_found,
    check_overview,
    check_keyboard,
    check_api_down,
    check_editions_and_dates,
    check_locality_tree,
    check_path_routes,
    check_phone,
    check_layouts,
    check_axe,
]


def upload_dated_pages(app):
    for page_id, fixture, metadata in DATED_PAGES:
        with open(os.path.join(FIXTURES, fixture), encoding="utf-8") as file:
            status, body = app.upload(page_id, file.read(), **metadata)
        if status != 201:
            raise CheckFailed(f"uploading the dated page {page_id} answered {status}: {body}")


def start_browser(args):
    """The driven browser, or None after printing why Chromium could not be started."""
    try:
        return Frontend(args)
    except WebDriverException as error:
        print(f"FAIL browser: could not start Chromium ({args.chromium}) with chromedriver ({args.chromedriver}): {error}")
        return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True, help="API token for the upload check")
    parser.add_argument("--screenshots", help="folder for PNG screenshots (created)")
    parser.add_argument("--chromium", default=os.environ.get("NEWSROOM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=os.environ.get("NEWSROOM_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--only", help="comma-separated check names to run (default: all)")
    parser.add_argument("--axe-cache", default=os.environ.get("NEWSROOM_AXE_CACHE") or os.path.join(tempfile.gettempdir(), "newsroom-axe"),
                        help="folder for axe.min.js, fetched from PyPI once (default: the temp folder)")
    args = parser.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
        for name in os.listdir(args.screenshots):  # failure shots of an earlier run would mislead
            if name.startswith("failed-") and name.endswith(".png"):
                os.remove(os.path.join(args.screenshots, name))

    started = time.monotonic()
    app = start_browser(args)
    if app is None:
        return 2
    app.axe_cache = args.axe_cache
    failures = 0
    selected = [c for c in CHECKS if not args.only or c.__name__.replace("check_", "") in args.only.split(",")]
    try:
        try:
            upload_dated_pages(app)
        except CheckFailed as failure:
            failures += 1
            print(f"FAIL setup: {failure}", flush=True)
        for check in selected:
            name = check.__name__.replace("check_", "")
            t0 = time.monotonic()
            try:
                detail = check(app)
                print(f"PASS {name} ({time.monotonic() - t0:.1f}s): {detail}", flush=True)
            except CheckFailed as failure:
                failures += 1
                print(f"FAIL {name}: {check.__doc__.strip()}\n     {failure}", flush=True)
                if app.shots:
                    try:
                        app.screenshot(f"failed-{name}")
                    except WebDriverException:
                        pass
            except Exception:  # an unexpected error is a failure of that check, not of the run
                failures += 1
                print(f"FAIL {name}: {check.__doc__.strip()}\n     unexpected error:\n{traceback.format_exc()}", flush=True)
            # Whatever a check did, the next one starts on a known page.
            try:
                app.viewport(1280, 900, False)
            except WebDriverException:
                pass
        errors = [e for e in app.driver.get_log("browser") if e.get("level") == "SEVERE"
                  and "api/v1" not in e.get("message", "") and "favicon" not in e.get("message", "")]
        if errors:
            failures += 1
            print("FAIL console: the page logged errors:\n     " + "\n     ".join(e["message"] for e in errors[:10]))
        else:
            print("PASS console: no script errors or CSP violations logged")
    finally:
        for page_id, _, _ in DATED_PAGES:
            try:
                app.delete(page_id)
            except Exception:  # noqa: BLE001 — cleanup must not hide the report
                pass
        app.quit()
    total = len(selected) + 1  # the checks and the console
    print(f"{total - failures}/{total} checks passed in {time.monotonic() - started:.1f}s"
          + (f"; {failures} failed" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
