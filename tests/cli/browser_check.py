#!/usr/bin/env python3
"""Drive headless chromium over the DevTools protocol to check an hros site.

    browser_check.py CHROMIUM SITE_DIR check QUERY FACET VALUE SCREENSHOT_DIR
    browser_check.py CHROMIUM SITE_DIR measure QUERY...

Standard library only: chromium is started with --remote-debugging-pipe and
spoken to through file descriptors 3 and 4 (JSON messages ended by NUL).

`check` loads SITE_DIR/index.html from disk, types QUERY into the search box
key by key, ticks the facet checkbox FACET=VALUE with a mouse click, opens the
first result, and prints one fact per line for the test to compare:

    cases: N                 results listed before searching
    query: N: title | title  visible results after typing
    facet: N: title | ...    visible results after the facet
    facet-count: N           the count shown beside the facet value
    page: title              the case page opened
    metric: name | before | after | change | period   (one per row)
    errors: N                console errors and uncaught exceptions
    error: text              (one per error)

and saves index.png and case.png in SCREENSHOT_DIR. `measure` runs each
QUERY through the page's search 20 times and prints the median and maximum
milliseconds measured with performance.now() inside the page.
"""

import base64
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time


class Browser:
    def __init__(self, exe):
        self.profile = tempfile.mkdtemp(prefix="hros-chromium-")
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()
        high_r = fcntl.fcntl(to_child_r, fcntl.F_DUPFD, 10)
        high_w = fcntl.fcntl(from_child_w, fcntl.F_DUPFD, 10)

        def child_fds():
            os.dup2(high_r, 3)
            os.dup2(high_w, 4)

        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + self.profile, "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--window-size=1200,900", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child_fds, pass_fds=(3, 4, high_r, high_w))
        for fd in (to_child_r, from_child_w, high_r, high_w):
            os.close(fd)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def close(self):
        try:
            self.call("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)

    def _read_message(self, deadline):
        while b"\0" not in self.buffer:
            if time.time() > deadline:
                raise TimeoutError("chromium did not answer")
            chunk = os.read(self.from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method, params=None, session=True, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_child, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method, timeout=30):
        deadline = time.time() + timeout
        while True:
            for i, event in enumerate(self.events):
                if event.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def open_page(self):
        target = self.call("Target.createTarget", {"url": "about:blank"}, session=False)
        attached = self.call("Target.attachToTarget",
                             {"targetId": target["targetId"], "flatten": True}, session=False)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.call(domain + ".enable")

    def navigate(self, url):
        self.events = [e for e in self.events if e.get("method") != "Page.loadEventFired"]
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def type_text(self, text):
        for char in text:
            self.call("Input.dispatchKeyEvent", {"type": "keyDown", "text": char, "key": char})
            self.call("Input.dispatchKeyEvent", {"type": "keyUp", "key": char})

    def click(self, selector):
        box = self.evaluate(f"""(() => {{
            const el = document.querySelector({json.dumps(selector)});
            el.scrollIntoView({{block: "center"}});
            const r = el.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2];
        }})()""")
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent",
                      {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", {"format": "png"})["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def errors(self):
        found = []
        # Drain what has arrived without waiting for more.
        for event in self.events:
            method = event.get("method")
            params = event.get("params", {})
            if method == "Runtime.exceptionThrown":
                found.append(params["exceptionDetails"].get("text", "exception"))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(" ".join(str(a.get("value", a.get("description", "")))
                                      for a in params.get("args", [])))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found


VISIBLE = """(() => Array.from(document.querySelectorAll('#results li.case h3 a'))
    .filter(a => a.offsetParent !== null).map(a => a.textContent))()"""


def wait_for(browser, expression, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if browser.evaluate(expression):
            return True
        time.sleep(0.05)
    return False


def check(browser, site, query, facet, value, shots):
    index = "file://" + os.path.abspath(os.path.join(site, "index.html"))
    browser.navigate(index)
    wait_for(browser, "document.body.classList.contains('js')")
    print(f"cases: {len(browser.evaluate(VISIBLE))}")
    print("total: " + browser.evaluate("document.getElementById('count').textContent"))

    browser.evaluate("document.getElementById('q').focus()")
    before = browser.evaluate("document.getElementById('count').textContent")
    browser.type_text(query)
    wait_for(browser, f"document.getElementById('count').textContent !== {json.dumps(before)}")
    time.sleep(0.2)
    titles = browser.evaluate(VISIBLE)
    print(f"query: {len(titles)}: {' | '.join(titles)}")

    selector = f"#facets input[name={json.dumps(facet)}][value={json.dumps(value)}]"
    before = browser.evaluate("document.getElementById('count').textContent")
    browser.click(selector)
    wait_for(browser, f"document.querySelector({json.dumps(selector)}).checked")
    time.sleep(0.2)
    titles = browser.evaluate(VISIBLE)
    print(f"facet: {len(titles)}: {' | '.join(titles)}")
    count = browser.evaluate(
        f"document.querySelector({json.dumps(selector)}).closest('label').querySelector('.n').textContent")
    print(f"facet-count: {count}")
    os.makedirs(shots, exist_ok=True)
    browser.evaluate("window.scrollTo(0, 0)")
    browser.screenshot(os.path.join(shots, "index.png"))

    if titles:
        browser.events = [e for e in browser.events if e.get("method") != "Page.loadEventFired"]
        browser.click("#results li.case h3 a")
        browser.wait_event("Page.loadEventFired")
        print("page: " + browser.evaluate("document.querySelector('h1').textContent"))
        rows = browser.evaluate("""Array.from(document.querySelectorAll('table.metrics tbody tr'))
            .map(tr => Array.from(tr.children).map(c => c.textContent.trim()).join(' | '))""")
        for row in rows:
            print(f"metric: {row}")
        browser.screenshot(os.path.join(shots, "case.png"))
    time.sleep(0.2)
    browser.call("Runtime.evaluate", {"expression": "1"})  # collect late events
    errors = browser.errors()
    print(f"errors: {len(errors)}")
    for error in errors:
        print(f"error: {error}")


def measure(browser, site, queries):
    index = "file://" + os.path.abspath(os.path.join(site, "index.html"))
    started = time.time()
    browser.navigate(index)
    wait_for(browser, "document.body.classList.contains('js')", timeout=60)
    print(f"load: {time.time() - started:.2f} s (navigation to a ready page)")
    n = browser.evaluate("window.HROS_INDEX.n")
    print(f"cases: {n}")
    for query in queries:
        times = browser.evaluate(f"""(() => {{
            const t = [];
            let hits = 0;
            for (let i = 0; i < 20; i++) {{
                const r = window.hrosSearch({json.dumps(query)}, {{}});
                t.push(r.ms); hits = r.ids.length;
            }}
            t.sort((a, b) => a - b);
            return [t[10], t[19], hits];
        }})()""")
        print(f"query {json.dumps(query)}: median {times[0]:.1f} ms, max {times[1]:.1f} ms, "
              f"{times[2]} cases")
    errors = browser.errors()
    print(f"errors: {len(errors)}")


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    exe, site, mode = sys.argv[1:4]
    browser = Browser(exe)
    try:
        browser.open_page()
        if mode == "check":
            check(browser, site, *sys.argv[4:8])
        else:
            measure(browser, site, sys.argv[4:])
    finally:
        browser.close()


if __name__ == "__main__":
    main()
