"""Driving the built vpsdesk app through tauri-driver (WebDriver), with the
selectors documented in ui/TESTIDS.md."""
import os
import pathlib
import re
import subprocess
import time
import unittest

from selenium import webdriver
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    TimeoutException,
    StaleElementReferenceException,
    WebDriverException,
)
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.common.options import ArgOptions
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"


def demo_secret(prefix):
    """The demo key a simulator accepts, from the sandbox source (the same
    place scan_secrets.py reads it)."""
    for src in (ROOT / "src-tauri" / "sandbox" / "src").rglob("*.rs"):
        m = re.search(r'"(VPSDESK0DEMO0' + prefix + r'\w+)"', src.read_text())
        if m:
            return m.group(1)
    raise AssertionError(f"no demo secret for {prefix}")


class App:
    def __init__(self):
        opts = ArgOptions()
        opts.set_capability("browserName", "wry")
        opts.set_capability("tauri:options", {"application": os.environ["APP_BIN"]})
        self.driver = webdriver.Remote(command_executor=os.environ.get("WEBDRIVER_URL", "http://127.0.0.1:4444"), options=opts)
        self.driver.set_window_size(1440, 900)

    def ensure_demo(self):
        """Lands on the servers table with the demo accounts, whether this is
        the first start (welcome screen) or a later one in the same test home."""
        self.wait(lambda d: self.all('[data-testid="try-demo"]') or self.all('[data-testid="servers-table"]'), what="first screen")
        if self.all('[data-testid="try-demo"]'):
            self.click("try-demo")
        self.find("servers-table")

    def quit(self):
        self.driver.quit()

    def wait(self, predicate, timeout=40, what="condition"):
        """Polls until `predicate` holds. The limit is generous because a
        loaded 2-core machine can stall the webview for many
        seconds; a wait that holds returns at once. A timeout of a long
        wait leaves a screenshot of what was on screen in artifacts/."""
        def safe(d):
            try:
                return predicate(d)
            except (StaleElementReferenceException, WebDriverException):
                return False
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.2).until(safe)
        except TimeoutException:
            if timeout < 10:  # a short wait is a retry step of its caller, not a failure yet
                raise
            shot = self.screenshot("timeout-" + re.sub(r"[^a-z0-9]+", "-", what.lower()).strip("-"))
            raise TimeoutException(f"timed out waiting for {what} (screen: {shot.name})") from None

    def find(self, testid, timeout=40):
        return self.wait(lambda d: d.find_element(By.CSS_SELECTOR, f'[data-testid="{testid}"]'), timeout, testid)

    def all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def exists(self, testid):
        return bool(self.all(f'[data-testid="{testid}"]'))

    def click(self, testid):
        for attempt in range(3):
            el = self.wait(lambda d: (e := d.find_element(By.CSS_SELECTOR, f'[data-testid="{testid}"]')).is_enabled() and e, what=f"{testid} enabled")
            try:
                self.press(el)
                return el
            except StaleElementReferenceException:
                # React replaced the element between finding and clicking it: a person clicks
                # the one now there.
                if attempt == 2:
                    raise

    # Where an element is and how opaque it and its parents are.
    PLACE = """const r = arguments[0].getBoundingClientRect();
        let o = 1;
        for (let e = arguments[0]; e; e = e.parentElement) o *= parseFloat(getComputedStyle(e).opacity || "1");
        return [r.x, r.y, r.width, r.height, o];"""

    def settle(self, el):
        """Waits until `el` stops moving and is fully shown: a click on a
        modal or drawer still sliding or fading in can land nowhere, as it
        can for a person."""
        last = []

        def still(d):
            now = self.driver.execute_script(self.PLACE, el)
            done = bool(last) and now == last[-1]
            last.append(now)
            return done and now[4] > 0.99

        try:
            self.wait(still, timeout=5, what="the element settled")
        except TimeoutException:
            pass  # an element that keeps moving is clicked as it is

    def press(self, el):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
        self.settle(el)
        try:
            el.click()
        except ElementClickInterceptedException:
            # A tooltip or a closing notification lies over it: a person would
            # click anyway, and the element itself is what we mean.
            self.driver.execute_script("arguments[0].click()", el)

    def type(self, testid, text, clear=True):
        # Inputs in a section that is still expanding exist before they can take focus.
        el = self.wait(lambda d: self.visible(d.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]')), what=f"{testid} visible")
        if clear:
            el.send_keys(Keys.CONTROL, "a")
            el.send_keys(Keys.BACKSPACE)
        el.send_keys(text)
        return el

    def fill(self, testid, value):
        """Sets a date field to `value` (YYYY-MM-DD) the way picking a day in
        its calendar does: the value, then the input event React listens
        for. The calendar is the platform's, outside the page, where
        WebDriver does not reach."""
        el = self.wait(lambda d: self.visible(d.find_elements(By.CSS_SELECTOR, f'[data-testid="{testid}"]')), what=f"{testid} visible")
        self.driver.execute_script(
            "const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;"
            "set.call(arguments[0], arguments[1]);"
            "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            el, value)
        return el

    def choose(self, testid, option_text):
        """A Mantine Select: open it, click the option with this text, and
        check the input took it (a click during the dropdown's opening
        animation can be lost, as it can for a person)."""
        xpath = f"//*[@role='option'][contains(normalize-space(.), {xpath_literal(option_text)})]"
        for _ in range(3):
            self.click(testid)
            option = self.wait(lambda d: self.visible(d.find_elements(By.XPATH, xpath)), what=f"option {option_text!r}")
            self.press(option)
            try:
                self.wait(lambda d: option_text in (self.find(testid).get_attribute("value") or ""), timeout=3, what=f"{testid} = {option_text!r}")
                return
            except TimeoutException:
                continue
        raise AssertionError(f"{testid} did not take {option_text!r}")

    def choose_first(self, testid):
        self.click(testid)
        option = self.wait(lambda d: self.visible(d.find_elements(By.CSS_SELECTOR, "[role='option']")), what=f"an option of {testid}")
        text = self.text_of(option)
        self.press(option)
        try:
            self.wait(lambda d: text in (self.find(testid).get_attribute("value") or ""), timeout=3, what=f"{testid} = {text!r}")
        except TimeoutException:
            self.choose(testid, text)
        return text

    @staticmethod
    def visible(elements):
        """The first displayed one: Mantine keeps closed dropdowns' options in
        the DOM, and an opening one fades in."""
        return next((e for e in elements if e.is_displayed()), False)

    def text(self, testid):
        return self.text_of(self.find(testid))

    @staticmethod
    def text_of(el):
        # WebKitWebDriver's element text is empty for table rows positioned by
        # the virtualizer; textContent is what is rendered there.
        return " ".join((el.get_attribute("textContent") or "").split())

    def open_server(self, server_id, tab="overview", account=None, search=None):
        """Opens a server's detail drawer on `tab`: searches the table for
        `search` (the id by default) and clicks the row whose id is
        `server_id` (and whose account is `account`, where ids repeat across
        accounts)."""
        self.click("nav-servers")
        self.type("search-input", search or server_id)

        def row(d):
            rows = d.find_elements(By.CSS_SELECTOR, f'[data-testid^="server-row-"][data-testid$="-{server_id}"]')
            return self.visible([r for r in rows if account is None or account in self.text_of(r)])

        # Virtualized rows are positioned absolutely, which WebKit's driver
        # reports as not interactable: click it as the browser would.
        self.driver.execute_script("arguments[0].click()", self.wait(row, what=f"server {server_id}"))
        self.find("detail-drawer")
        self.detail_tab(tab)

    def detail_tab(self, name):
        """Selects a tab of the detail drawer. A click while the drawer
        slides in can be lost, as it can for a person: press again until the
        tab is the selected one."""
        selector = f'[data-testid="detail-tab-{name}"]'
        for _ in range(5):
            self.press(self.wait(lambda d: self.visible(d.find_elements(By.CSS_SELECTOR, selector)), what=f"tab {name}"))
            try:
                self.wait(lambda d: d.find_element(By.CSS_SELECTOR, selector).get_attribute("aria-selected") == "true", timeout=3, what=f"tab {name} selected")
                return
            except TimeoutException:
                continue
        raise AssertionError(f"tab {name} was not selected")

    def segment(self, testid, label):
        """Picks the option named `label` of the segmented control `testid`."""
        control = self.find(testid)
        option = self.wait(
            lambda d: [l for l in control.find_elements(By.TAG_NAME, "label") if l.text.strip() == label],
            what=f"{label} in {testid}",
        )[0]
        self.press(option)

    def resources_section(self, label):
        """Opens the Resources page on the section named `label`."""
        self.click("nav-resources")
        self.segment("resources-section", label)

    SCHEME = "return document.documentElement.dataset.mantineColorScheme"
    SYSTEM_SCHEME = "return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'"

    def color_scheme(self, label):
        """Picks the colors named `label` in the preferences ("Light", "Dark",
        "As the system"), waits until the page shows them, and closes the
        preferences."""
        self.click("preferences-button")
        self.segment("preference-color-scheme", label)
        shown = {"Light": "light", "Dark": "dark"}.get(label) or self.driver.execute_script(self.SYSTEM_SCHEME)
        self.wait(lambda d: d.execute_script(self.SCHEME) == shown, what=f"the {shown} colors")
        ActionChains(self.driver).send_keys(Keys.ESCAPE).perform()
        self.wait(lambda d: not self.visible(self.all('[data-testid="preferences-panel"]')), what="preferences closed")

    def close_drawer(self):
        self.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        self.wait(lambda d: not self.exists("detail-drawer"), what="drawer closed")

    def screenshot(self, name):
        """The app's window as the X server shows it. Not WebKitWebDriver's
        own screenshot: that waits for a composited frame, and the app draws
        without GPU compositing (src-tauri/src/lib.rs), so it never returns."""
        ARTIFACTS.mkdir(exist_ok=True)
        time.sleep(0.4)  # let transitions settle
        # Two frames: the page's latest state is painted, not only laid out.
        self.driver.execute_async_script("requestAnimationFrame(() => requestAnimationFrame(arguments[0]))")
        path = ARTIFACTS / f"{name}.png"
        r = self.driver.get_window_rect()
        crop = f"{r['width']}x{r['height']}+{r['x']}+{r['y']}"
        subprocess.run(["import", "-window", "root", "-crop", crop, "+repage", str(path)], check=True, capture_output=True)
        return path


class DemoAppCase(unittest.TestCase):
    """A suite of steps on one app, started on the demo accounts for the
    class and quit after its last step."""

    @classmethod
    def setUpClass(cls):
        cls.app = App()
        cls.app.ensure_demo()

    @classmethod
    def tearDownClass(cls):
        cls.app.quit()


def xpath_literal(s):
    if "'" not in s:
        return f"'{s}'"
    return "concat('" + s.replace("'", "', \"'\", '") + "')"
