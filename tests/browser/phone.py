#!/usr/bin/env python3
"""A participant on a phone, in a real browser: headless Chromium driven over WebDriver
(selenium + chromedriver) at 360x740.

Creates a workshop, runs `smecheck workshop serve` on 127.0.0.1, then: join, write down the
firm code and PIN, fill the profile, answer every question (choosing a skip-logic gate one way,
going Back and changing it), reload and resume, switch language, finish, read the results,
open and download the report; stops the server with Ctrl-C (SIGINT) and checks the answer file
on disk and that `smecheck score` reads it. Then a second room on the EU DMA: its grid
questions (a table of radio buttons or tick boxes per row) answered on the phone.

Usage: tests/browser/phone.py [SMECHECK_BIN]   (default: target/debug/smecheck)
Needs: chromium, chromium-driver, python3 selenium. SHOTS_DIR=DIR keeps the screenshots.
"""

import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BIN = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/debug/smecheck")
WIDTH, HEIGHT = 360, 740


DRIVER = []


def fail(msg):
    print(f"phone.py: FAIL: {msg}", file=sys.stderr)
    if DRIVER:
        print(f"  at {DRIVER[0].current_url}:\n{DRIVER[0].page_source[:3000]}", file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def smecheck(*args):
    return subprocess.run([BIN, *args], capture_output=True, text=True, check=False)


def main():
    tmp = tempfile.mkdtemp(prefix="smecheck-phone-")
    shots = os.environ.get("SHOTS_DIR") or tmp
    os.makedirs(shots, exist_ok=True)
    room = os.path.join(tmp, "room")
    r = smecheck("workshop", "new", room, "--title", "County workshop <Dec>", "--lang", "en")
    check(r.returncode == 0, r.stderr)
    codebook = json.loads(smecheck("questionnaire", "--codebook").stdout)
    by_id = {q["id"]: q for q in codebook}
    # A question other questions depend on, and the option values that open them.
    gate, opens = None, None
    for q in codebook:
        cond = (q.get("visible_if") or {}).get("choice")
        if cond and by_id[cond["question"]]["kind"] in ("single", "yes_partly_no"):
            gate, opens = cond["question"], cond["any_of"]
            break
    check(gate, "the questionnaire has skip logic")

    server = subprocess.Popen(
        [BIN, "workshop", "serve", room, "--bind", "127.0.0.1", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = None
    for _ in range(80):
        line = server.stdout.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if m:
            base = m.group(1)
        if line.startswith("Press Ctrl-C") or not line:
            break
    check(base, "the server printed its address")

    opts = webdriver.ChromeOptions()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              f"--window-size={WIDTH},{HEIGHT}", "--lang=zh-CN"):
        opts.add_argument(a)
    opts.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": WIDTH, "height": HEIGHT, "pixelRatio": 2.0},
        "userAgent": "Mozilla/5.0 (Linux; Android 13) Mobile MicroMessenger/8.0"})
    driver_path = "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None
    d = webdriver.Chrome(options=opts, service=Service(driver_path) if driver_path else Service())
    DRIVER.append(d)
    try:
        run(d, base, room, gate, opens, by_id, shots)
    finally:
        d.quit()
        server.send_signal(signal.SIGINT)
        code = server.wait(timeout=20)
    check(code == 0, f"Ctrl-C ends the server with exit code 0, not {code}")
    check(not os.path.exists(os.path.join(room, "serve-state.json")), "state file removed")
    check(not [f for f in os.listdir(os.path.join(room, "responses")) if f.endswith(".tmp")],
          "no temporary files left")
    matrix_walk(tmp, shots, opts, driver_path)
    print(f"phone.py: ok (screenshots in {shots})")


def matrix_walk(tmp, shots, opts, driver_path):
    """The EU DMA (grid questions) on a phone: every page fits 360 px, every grid cell is a
    thumb-sized target, and the answer file holds one value per row."""
    room = os.path.join(tmp, "dma-room")
    r = smecheck("workshop", "new", room, "--title", "DMA", "--questionnaire", "eu-dma",
                 "--lang", "en")
    check(r.returncode == 0, r.stderr)
    codebook = json.loads(smecheck("questionnaire", "--questionnaire", "eu-dma",
                                   "--codebook").stdout)
    by_id = {q["id"]: q for q in codebook}
    server = subprocess.Popen(
        [BIN, "workshop", "serve", room, "--bind", "127.0.0.1", "--port", "0", "--lang", "en"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    base = None
    for _ in range(80):
        line = server.stdout.readline()
        m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if m:
            base = m.group(1)
        if line.startswith("Press Ctrl-C") or not line:
            break
    check(base, "the DMA server printed its address")
    d = webdriver.Chrome(options=opts, service=Service(driver_path) if driver_path else Service())
    DRIVER[:] = [d]
    try:
        d.get(base)
        tap_submit(d)  # Start
        code = d.find_element(By.ID, "firm-code").text
        tap(d, d.find_element(By.CSS_SELECTOR, "a.button.primary"))  # Begin
        tap_submit(d)  # the profile, left empty
        pages = 0
        while "/done" not in d.current_url:
            pages += 1
            check(pages < 40, "the DMA walk ends")
            qid = qid_of(d)
            check(qid in by_id, f"a DMA question page: {d.current_url}")
            fits(d, qid)
            if by_id[qid]["kind"] == "matrix" and by_id[qid]["id"] == "q4":
                d.save_screenshot(os.path.join(shots, "phone-matrix.png"))
            answer_here(d, qid, by_id)
        check(pages == 11, f"eleven DMA questions, not {pages}")
    finally:
        d.quit()
        server.send_signal(signal.SIGINT)
        server.wait(timeout=20)
    with open(os.path.join(room, "responses", f"{code}.json"), encoding="utf-8") as f:
        saved = json.load(f)
    for qid in ("q1", "q4", "q9", "q11"):
        rows = saved["answers"].get(qid)
        check(isinstance(rows, dict) and len(rows) == len(by_id[qid]["rows"]),
              f"{qid}: one value per row saved, got {rows}")
    r = smecheck("score", "--questionnaire", "eu-dma", "--answers",
                 os.path.join(room, "responses", f"{code}.json"), "--format", "json")
    check(r.returncode == 0, r.stderr)
    check(json.loads(r.stdout)["overall"]["score"] is not None, "the DMA scores")
    print(f"phone.py: DMA, {pages} pages with grids, firm {code}")


def fits(d, what):
    w = d.execute_script("return document.documentElement.scrollWidth")
    check(w <= WIDTH, f"{what}: the page is {w}px wide at {WIDTH}px")


def tap(d, el):
    """Taps and waits until the next page has replaced this one."""
    old = d.find_element(By.TAG_NAME, "html")
    el.click()
    def replaced(_):
        try:
            old.is_enabled()
            return False
        except Exception:  # stale, or "does not belong to the document": the page changed
            return True

    WebDriverWait(d, 10).until(replaced)


def tap_submit(d):
    tap(d, d.find_element(By.CSS_SELECTOR, "button.primary[type=submit]"))


def progress(d):
    a, b = d.find_element(By.ID, "progress").text.split(" / ")
    return int(a), int(b)


def answer_here(d, qid, by_id, choose=None):
    """Answers the question on the page the way a thumb would: tap a label, or type."""
    q = by_id[qid]
    kind = q["kind"]
    if kind == "number":
        box = d.find_element(By.ID, "n")
        box.clear()
        lo = next((b.get("min") for b in q.get("bands") or [] if b.get("min") is not None), 0)
        box.send_keys(str(int(lo) + 3))
    elif kind == "text":
        box = d.find_element(By.ID, "t")
        box.clear()
        box.send_keys("More help with <cloud> finance & training")
    elif kind == "matrix":
        # A table: a row per matrix row, a cell per option; tap one cell in each row (a scale
        # row takes one, a tick row may take several).
        cells = d.find_elements(By.CSS_SELECTOR, "label.cell")
        check(cells, f"{qid} shows its grid")
        for el in cells:
            w, h = el.size["width"], el.size["height"]
            check(h >= 44 and w >= 40, f"{qid}: a grid cell is only {w}x{h}px")
        for k, _ in enumerate(q["rows"]):
            boxes = d.find_elements(By.CSS_SELECTOR, f"input[name='m{k}']")
            check(len(boxes) == len(q["options"]), f"{qid}: row {k} has a cell per option")
            pick = boxes[(k + 1) % len(boxes)]
            if not pick.is_selected():
                d.execute_script("arguments[0].scrollIntoView({block: 'center'})", pick)
                pick.find_element(By.XPATH, "..").click()
            check(pick.is_selected(), f"{qid}: tapping row {k}'s cell ticks it")
    else:
        labels = d.find_elements(By.CSS_SELECTOR, "label.opt:not(.special)")
        check(labels, f"{qid} shows its options")
        for el in labels:
            h = el.size["height"]
            check(h >= 44, f"{qid}: a tap target is only {h}px high")
        if choose is not None:
            d.find_element(By.CSS_SELECTOR, f"label.opt input[value='{choose}']").find_element(
                By.XPATH, "..").click()
        else:
            # Untick what a previous visit ticked (multi), then tap the first option.
            for box in d.find_elements(By.CSS_SELECTOR, "input[type=checkbox]:checked"):
                box.find_element(By.XPATH, "..").click()
            labels[0].click()
    tap_submit(d)


def qid_of(d):
    m = re.search(r"/q/([A-Za-z0-9_]+)$", d.current_url)
    return m.group(1) if m else None


def run(d, base, room, gate, opens, by_id, shots):
    d.get(base)
    check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en", "English by default")
    check("County workshop <Dec>" in d.find_element(By.TAG_NAME, "header").text, "title escaped")
    fits(d, "start page")
    # Switch to Chinese and back: the page stays where it is.
    tap(d, d.find_element(By.CSS_SELECTOR, "header a.lang"))
    check(d.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh-CN", "Chinese")
    check("开始作答" in d.page_source, "the Chinese start page")
    d.save_screenshot(os.path.join(shots, "phone-start-zh.png"))
    tap(d, d.find_element(By.CSS_SELECTOR, "header a.lang"))
    tap_submit(d)  # Start
    check("/me" in d.current_url, "joined")
    code = d.find_element(By.ID, "firm-code").text
    pin = d.find_element(By.ID, "pin").text
    check(re.fullmatch(r"[A-Z0-9]{6}", code) and re.fullmatch(r"\d{6}", pin), f"{code} {pin}")
    tap(d, d.find_element(By.CSS_SELECTOR, "a.button.primary"))  # Begin
    d.find_element(By.ID, "p-name").send_keys("Phone Firm <b>")
    tap_submit(d)

    pages, gate_done, reloaded = 0, False, False
    answered = {}
    while "/done" not in d.current_url:
        pages += 1
        check(pages < 200, "the walk ends")
        qid = qid_of(d)
        check(qid in by_id, f"a question page: {d.current_url}")
        at, of = progress(d)
        check(1 <= at <= of, f"progress {at} / {of}")
        fits(d, qid)
        if pages == 3:
            d.save_screenshot(os.path.join(shots, "phone-question.png"))
        if qid == gate and not gate_done:
            answer_here(d, qid, by_id, choose=opens[0])
            _, of_open = progress(d)
            tap(d, d.find_element(By.ID, "back"))
            check(qid_of(d) == gate, "Back returns to the gate question")
            ticked = d.find_element(By.CSS_SELECTOR, f"input[value='{opens[0]}']")
            check(ticked.is_selected(), "the earlier answer is shown ticked")
            other = next(o["id"] for o in by_id[gate]["options"] if o["id"] not in opens)
            answer_here(d, qid, by_id, choose=other)
            answered[qid] = other
            if "/done" not in d.current_url:
                _, of_closed = progress(d)
                check(of_closed != of_open, f"skip logic: {of_open} -> {of_closed} questions")
            gate_done = True
            continue
        if pages == 8 and not reloaded:
            # Reload, then come back from the start page: the phone resumes here.
            d.refresh()
            check(qid_of(d) == qid, "reload keeps the page")
            d.get(base)
            tap(d, d.find_element(By.CSS_SELECTOR, "a.button.primary"))  # Continue
            check(qid_of(d) == qid, f"resume lands on the open question {qid}, not {d.current_url}")
            reloaded = True
        answer_here(d, qid, by_id)
        answered[qid] = True
    check(gate_done and reloaded, "the gate and the reload were exercised")

    check("Your self-check results" in d.page_source, "results page")
    check(len(d.find_elements(By.CSS_SELECTOR, "section.score")) >= 3, "overall and two areas")
    fits(d, "results")
    d.save_screenshot(os.path.join(shots, "phone-results.png"))
    tap(d, d.find_element(By.ID, "report"))
    check("Phone Firm &lt;b&gt;" in d.page_source or "Phone Firm <b>" in d.find_element(
        By.TAG_NAME, "body").text, "the report names the firm")
    d.save_screenshot(os.path.join(shots, "phone-report.png"))
    # At phone size the report is not an A4 sheet scaled down: it uses the width and reads at
    # the phone's text size.
    px = d.execute_script(
        "var r = document.querySelector('.report').getBoundingClientRect();"
        "var f = parseFloat(getComputedStyle(document.querySelector('.report li')).fontSize);"
        "return [r.width, f, document.documentElement.scrollWidth];")
    check(px[0] >= WIDTH - 20, f"the report uses the phone's width ({px[0]} of {WIDTH} px)")
    check(px[1] >= 15, f"the report's text is readable on a phone ({px[1]} px)")
    check(px[2] <= WIDTH, f"nothing is wider than the phone ({px[2]} px)")
    token = d.get_cookie("smc")["value"]
    req = urllib.request.Request(base + "report/download", headers={"Cookie": f"smc={token}"})
    with urllib.request.urlopen(req) as resp:
        check("attachment" in resp.headers.get("Content-Disposition", ""), "a download")
        body = resp.read().decode("utf-8")
        check(body.startswith("<!DOCTYPE html>") and "Phone Firm" in body, "the report file")

    # The answer file on disk: the ordinary format, holding what was tapped.
    path = os.path.join(room, "responses", f"{code}.json")
    with open(path, encoding="utf-8") as f:
        saved = json.load(f)
    check(saved["profile"].get("name") == "Phone Firm <b>", "profile saved")
    check(saved["answers"].get(gate) == answered[gate], "the changed gate answer is saved")
    for qid in answered:
        check(saved["answers"].get(qid) is not None, f"{qid} saved")
    r = smecheck("score", "--answers", path, "--format", "json")
    check(r.returncode == 0, r.stderr)
    print(f"phone.py: {pages} pages, {len(answered)} answers, firm {code}")


if __name__ == "__main__":
    main()
