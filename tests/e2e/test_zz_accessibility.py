"""End-to-end: axe-core (WCAG 2.0/2.1 A and AA) over every page, every
Resources section, every tab of a server's drawer on each demo provider and
the dialogs, drawers, menus and the palette, in the light and the dark color
scheme, on the demo accounts. A serious or critical finding fails, with its
rule, the elements and what to do. One screenshot per view in artifacts/
(a11y-<view>-<scheme>.png).

It runs last (discovery goes by file name, hence the zz): it starts the demo
and opens tickets, while test_app expects a first start and test_tickets an
unread staff answer.

Each scheme is chosen as a user would, in the preferences (Colors), and
the app is put back to following the system after."""
import re
import unittest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

import a11y
from app import DemoAppCase

PAGES = ["servers", "accounts", "tickets", "billing", "dns", "resources"]
# What shows that a page is there, where it is not `<page>-page`.
LANDMARK = {"servers": "servers-table", "accounts": "accounts-table"}


class Accessibility:
    """The checks, run once per scheme by the two classes below."""

    scheme = None

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.app.find("servers-table")
        cls.app.color_scheme(cls.scheme.capitalize())

    @classmethod
    def tearDownClass(cls):
        # Back to following the system, as every other test expects.
        cls.app.color_scheme("As the system")
        super().tearDownClass()

    def check(self, view):
        """axe over what is on screen now, after a screenshot of it (which
        also lets transitions end: a half-faded dialog has no real contrast)."""
        self.app.screenshot(f"a11y-{view}-{self.scheme}")
        found = a11y.violations(self.app.driver)
        if found:
            self.fail(a11y.report(f"{view} ({self.scheme})", found))

    def escape(self):
        ActionChains(self.app.driver).send_keys(Keys.ESCAPE).perform()

    def closed(self, testid):
        # Some dialogs stay in the DOM, hidden, once closed.
        self.app.wait(lambda d: not self.app.visible(self.app.all(f'[data-testid="{testid}"]')), what=f"{testid} closed")

    def go(self, page):
        self.app.click(f"nav-{page}")
        self.app.find(LANDMARK.get(page, f"{page}-page"))

    def server_key(self, account):
        """`<account id>-<server id>` of a running server of `account`."""
        app = self.app
        self.go("servers")
        app.wait(lambda d: any(account in app.text_of(r) for r in app.all('[data-testid^="server-row-"]')), what=f"{account} servers")
        for row in app.all('[data-testid^="server-row-"]'):
            key = row.get_attribute("data-testid").removeprefix("server-row-")
            if account in app.text_of(row) and app.text(f"status-{key}").lower() == "running":
                return key
        self.fail(f"no running {account} server")

    # Pages -----------------------------------------------------------------

    def test_1_pages(self):
        app = self.app
        for page in PAGES:
            with self.subTest(page=page):
                self.go(page)
                if page == "dns":
                    app.choose("dns-account", "Demo VPS.NET")
                    app.click("dns-zone-demodomain2.com")
                    app.find("dns-records-table")
                if page == "tickets":
                    app.wait(lambda d: app.all('[data-testid^="ticket-row-"]'), what="tickets")
                if page == "billing":
                    app.find("invoices-table")
                self.check(page)
                if page == "servers":
                    self.check_stale_rows()

    def check_stale_rows(self):
        """A stale account's rows (its refresh failed or is overdue) stay
        readable: the class the app gives them, on every row shown."""
        rows = "document.querySelectorAll('[data-testid^=\"server-row-\"]').forEach((r) => r.classList.%s('row-stale'))"
        self.app.driver.execute_script(rows % "add")
        try:
            self.check("servers-stale")
        finally:
            self.app.driver.execute_script(rows % "remove")

    def test_2_resources_sections(self):
        app = self.app
        self.go("resources")
        labels = [l.text.strip() for l in app.find("resources-section").find_elements(By.TAG_NAME, "label")]
        for label in labels:
            with self.subTest(section=label):
                app.resources_section(label)
                app.wait(lambda d: not app.all('[data-testid="resources-page"] .mantine-Loader-root'), what=f"{label} loaded")
                self.check("resources-" + re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-"))

    # Drawers ---------------------------------------------------------------

    def test_3_server_drawer_tabs(self):
        app = self.app
        for account in ["Demo Vultr", "Demo VPS.NET", "Demo VPS247", "Demo CloudSigma", "Demo VPS.org"]:
            # Rows are positioned by the virtualizer: click as the browser would.
            app.driver.execute_script("arguments[0].click()", app.find(f"server-row-{self.server_key(account)}"))
            app.find("detail-drawer")
            tabs = [t.get_attribute("data-testid").removeprefix("detail-tab-") for t in app.all('[data-testid^="detail-tab-"]')]
            for tab in tabs:
                with self.subTest(account=account, tab=tab):
                    app.detail_tab(tab)
                    self.check(f"drawer-{account.removeprefix('Demo ').lower().replace('.', '')}-{tab}")
            app.close_drawer()

    def test_4_ticket_thread_and_jobs(self):
        app = self.app
        self.go("tickets")
        app.press(app.wait(lambda d: app.all('[data-testid^="ticket-open-"]'), what="a ticket")[0])
        app.find("ticket-messages")
        self.check("ticket-thread")
        self.escape()
        self.closed("ticket-thread")
        app.click("jobs-button")
        app.find("jobs-drawer")
        self.check("jobs-drawer")
        self.escape()
        self.closed("jobs-drawer")

    # Dialogs, menus and the palette -------------------------------------------

    def test_5_dialogs(self):
        app = self.app
        key = self.server_key("Demo Vultr")

        with self.subTest(dialog="palette"):
            ActionChains(app.driver).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
            app.wait(lambda d: d.execute_script("const c = document.querySelector('.mantine-Spotlight-content'); return c && getComputedStyle(c).opacity") == "1", what="the palette shown")
            self.check("palette")
            self.escape()
            app.wait(lambda d: not app.all('input[placeholder^="Find a server"]'), what="the palette closed")

        with self.subTest(dialog="preferences"):
            app.click("preferences-button")
            app.settle(app.find("preference-color-scheme"))
            self.check("preferences")
            self.escape()
            app.wait(lambda d: not app.visible(app.all('[data-testid="preferences-panel"]')), what="preferences closed")

        # Only VPS247 declares a force stop, the one confirm the servers menu leads to.
        vps247 = self.server_key("Demo VPS247")
        with self.subTest(dialog="more-menu and force stop"):
            app.driver.execute_script("arguments[0].click()", app.find(f"action-more-{vps247}"))
            app.settle(app.find(f"action-force_stop-{vps247}"))
            self.check("more-menu")
            app.click(f"action-force_stop-{vps247}")
            app.settle(app.find("force-stop-confirm"))
            self.check("confirm-force-stop")
            self.escape()
            self.closed("force-stop-confirm")

        with self.subTest(dialog="rename"):
            app.click(f"action-rename-{key}")
            app.settle(app.find("rename-input"))
            self.check("rename")
            self.escape()
            self.closed("rename-input")

        with self.subTest(dialog="delete"):
            app.click(f"action-delete-{key}")
            app.settle(app.find("delete-confirm-input"))
            self.check("confirm-delete-server")
            self.escape()
            self.closed("delete-confirm-input")

        with self.subTest(dialog="create-server"):
            app.click("create-server-button")
            app.settle(app.find("create-form"))
            app.choose("create-account", "Demo Vultr")
            app.find("create-region")
            self.check("create-server")
            self.escape()
            self.closed("create-form")

        with self.subTest(dialog="add-account"):
            self.go("accounts")
            app.click("add-account-button")
            app.settle(app.find("add-account-form"))
            app.choose("account-provider", "VPS.NET")
            app.click("account-advanced")
            app.find("account-endpoint")
            self.check("add-account")
            self.escape()
            self.closed("add-account-form")

        with self.subTest(dialog="notification"):
            app.press(app.wait(lambda d: app.all('[data-testid^="account-test-"]'), what="an account")[0])
            app.settle(app.wait(lambda d: app.visible(app.all(".mantine-Notification-root")), what="a notification"))
            self.check("notification")

        with self.subTest(dialog="remove-account"):
            remove = app.wait(lambda d: app.all('[data-testid^="account-remove-"]'), what="an account")[0]
            app.press(remove)
            app.settle(app.find("remove-account-confirm"))
            self.check("confirm-remove-account")
            self.escape()
            self.closed("remove-account-confirm")

        with self.subTest(dialog="new-ticket"):
            self.go("tickets")
            app.click("new-ticket-button")
            app.settle(app.find("new-ticket-form"))
            self.check("new-ticket")
            self.escape()
            self.closed("new-ticket-form")

        with self.subTest(dialog="dns-record"):
            self.go("dns")
            app.choose("dns-account", "Demo VPS.NET")
            app.click("dns-zone-demodomain2.com")
            app.click("dns-add-record")
            app.settle(app.find("record-form"))
            self.check("dns-add-record")
            self.escape()
            self.closed("record-form")

        with self.subTest(dialog="dns-delete"):
            delete = app.wait(lambda d: app.all('[data-testid^="dns-delete-"]:not([data-testid="dns-delete-zone"])'), what="a record")[0]
            app.press(delete)
            app.settle(app.find("dns-confirm-delete"))
            self.check("confirm-delete-record")
            self.escape()
            self.closed("dns-confirm-delete")

    # Keyboard -----------------------------------------------------------------

    def test_6_focus_is_visible(self):
        """Tab from each page's link through the first controls of the page:
        every one of them must look different while it has the focus."""
        for page in PAGES:
            with self.subTest(page=page):
                self.go(page)
                unseen = a11y.unseen_focus(self.app.driver, presses=30)
                if unseen:
                    self.fail(f"focus not visible on {page} ({self.scheme}):\n" + "\n".join(f"    {h}" for h in unseen))


class AccessibilityLight(Accessibility, DemoAppCase):
    scheme = "light"


class AccessibilityDark(Accessibility, DemoAppCase):
    scheme = "dark"


if __name__ == "__main__":
    unittest.main()
