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
XSS_PAGE_ID = "browser-xss-check"
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
    side_authors = app.texts("#main .col-side .side-list a[href^='#/authors/']")
    side_initiatives = app.texts("#main .col-side .side-list a[href^='#/initiatives/']")
    expect("张怀东" in side_authors, f"side authors for '株洲 张怀东' are {side_authors}")
    expect("志在株洲" in side_initiatives, f"side initiatives for '株洲 张怀东' are {side_initiatives}")
    return f"{len(titles)} results, {len(snippet_marks)} snippet marks; side lists authors and initiatives"


def check_article(app):
    """Clicking the search hit opens the article with its headline, byline, source and paragraphs."""
    app.go("#/search?q=" + urllib.parse.quote("志愿服务"), "searchView")
    app.click("#main .result:first-child .card-title a", "articleView")
    expect(app.h1() == VOLUNTEER_TITLE, f"article heading is {app.h1()!r}")
    article = app.api_get("/articles/003_1eed3ba100fbfa73-2")
    paragraphs = app.texts("#main .article-body p")
    expect(len(paragraphs) == len(article["paragraphs"]), f"{len(paragraphs)} paragraphs shown, API has {len(article['paragraphs'])}")
    expect(paragraphs[0] == article["paragraphs"][0], "first paragraph differs from the API text")
    expect(app.driver.title.startswith(VOLUNTEER_TITLE), f"document.title is {app.driver.title!r}")
    byline = app.texts("#main .byline a")
    expect("张怀东" in byline, f"byline links are {byline}")
    origin = app.text("#main .origin") or ""
    expect("株洲日报" in origin and "003_1eed3ba100fbfa73.txt" in origin, f"origin line is {origin!r}")
    return f"{len(paragraphs)} paragraphs, byline {byline}"


def check_links_and_back(app):
    """Author, locality, initiative and tag links reach their views; back returns each time."""
    app.go("#/articles/" + urllib.parse.quote("003_1eed3ba100fbfa73-2"), "articleView")
    results = []

    app.click("#main .byline a", "authorView")
    expect(app.h1() == "张怀东", f"author heading is {app.h1()!r}")
    ids = [c.get_attribute("data-article-id") for c in app.driver.find_elements(By.CSS_SELECTOR, "#main .card")]
    expect("003_1eed3ba100fbfa73-2" in ids, f"author page lists {ids}")
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

    app.click("#main .initiative-name a", "initiativeView")
    expect(app.h1() == "志在株洲", f"initiative heading is {app.h1()!r}")
    contexts = app.driver.find_elements(By.CSS_SELECTOR, "#main .mention .context")
    expect(contexts, "the initiative shows no mentions in context")
    marks = app.texts("#main .mention .context mark")
    expect("志在株洲" in marks, f"context highlights are {marks}")
    mention_links = app.texts("#main .mention-title a")
    expect(VOLUNTEER_TITLE in mention_links, f"mentions are grouped under {mention_links}")
    app.back("articleView")
    results.append("initiative")

    tag_total = app.api_get("/tags/" + urllib.parse.quote("志愿服务"))["total"]
    app.click("#main .article-aside a.tag", "tagView")
    expect(app.h1() == "志愿服务", f"tag heading is {app.h1()!r}")
    cards = app.driver.find_elements(By.CSS_SELECTOR, "#main .card")
    expect(len(cards) == tag_total, f"tag page shows {len(cards)} cards, API total {tag_total}")
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
    status, body = app.api(
        "/pages?id=" + XSS_PAGE_ID, method="POST", body=XSS_PAGE.encode("utf-8"),
        headers={"Authorization": "Bearer " + app.token, "Content-Type": "text/plain; charset=utf-8"})
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
        app.go("#/", "frontView")
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
        app.api("/pages/" + XSS_PAGE_ID, method="DELETE", headers={"Authorization": "Bearer " + app.token})


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
        app.screenshot("error-api-down-1280")
    finally:
        app.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
    app.click("#main .state-error button", "authorsView")
    expect(app.h1() == "作者", f"retry shows {app.h1()!r}")
    return "error state shown; retry recovers"


SCREENS = [
    ("front", "#/", "frontView"),
    ("article", "#/articles/003_1eed3ba100fbfa73-2", "articleView"),
    ("search", "#/search?q=" + urllib.parse.quote("志愿服务"), "searchView"),
    ("overview", "#/overview", "overviewView"),
    ("author", "#/authors/" + urllib.parse.quote("张怀东"), "authorView"),
    ("locality", "#/localities/430200", "localityView"),
    ("initiative", "#/initiatives/" + urllib.parse.quote("志在株洲"), "initiativeView"),
    ("tag", "#/tags/" + urllib.parse.quote("志愿服务"), "tagView"),
    ("article-news", "#/articles/003_1eed3ba100fbfa73-4", "articleView"),
    ("tags", "#/tags", "tagsView"),
    ("localities", "#/localities", "localitiesView"),
    ("page", "#/pages/003_1eed3ba100fbfa73", "pageView"),
    ("not-found", "#/articles/no-such-article", "articleView"),
]


def check_layouts(app):
    """Screenshots at 1280 px and 360 px; headings in order and a title per view; no overflow at 360 px."""
    problems = []
    for width, height, mobile in ((1280, 900, False), (360, 780, True)):
        app.viewport(width, height, mobile)
        for name, route, view in SCREENS:
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
    return f"{len(SCREENS)} views at 1280 and 360 px" + (f", screenshots in {app.shots}" if app.shots else "")


CHECKS = [
    check_front_page,
    check_filter_chips,
    check_search,
    check_article,
    check_links_and_back,
    check_back_to_search,
    check_xss,
    check_not_found,
    check_overview,
    check_keyboard,
    check_api_down,
    check_layouts,
]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-url", required=True)
    parser.add_argument("--token", required=True, help="API token for the upload check")
    parser.add_argument("--screenshots", help="folder for PNG screenshots (created)")
    parser.add_argument("--chromium", default=os.environ.get("NEWSROOM_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium")
    parser.add_argument("--chromedriver", default=os.environ.get("NEWSROOM_CHROMEDRIVER") or shutil.which("chromedriver") or "/usr/bin/chromedriver")
    parser.add_argument("--only", help="comma-separated check names to run (default: all)")
    args = parser.parse_args()
    if args.screenshots:
        os.makedirs(args.screenshots, exist_ok=True)
        for name in os.listdir(args.screenshots):  # failure shots of an earlier run would mislead
            if name.startswith("failed-") and name.endswith(".png"):
                os.remove(os.path.join(args.screenshots, name))

    started = time.monotonic()
    try:
        app = Frontend(args)
    except WebDriverException as error:
        print(f"FAIL browser: could not start Chromium ({args.chromium}) with chromedriver ({args.chromedriver}): {error}")
        return 2
    failures = 0
    selected = [c for c in CHECKS if not args.only or c.__name__.replace("check_", "") in args.only.split(",")]
    try:
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
        app.quit()
    total = len(selected) + 1  # the checks and the console
    print(f"{total - failures}/{total} checks passed in {time.monotonic() - started:.1f}s"
          + (f"; {failures} failed" if failures else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
