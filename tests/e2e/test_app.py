"""End-to-end: the built app, as a new user would use it. The test home is
empty at the start (scripts/test.sh gives it private XDG dirs), so the app
opens on the welcome screen."""
import re
import unittest

from app import App, demo_secret


class FirstRun(unittest.TestCase):
    ACCOUNTS = ["Demo Vultr", "Demo VPS.NET", "Demo VPS247", "Demo CloudSigma", "Demo VPS.org"]

    @classmethod
    def setUpClass(cls):
        cls.app = App()

    @classmethod
    def tearDownClass(cls):
        cls.app.quit()

    def rows(self):
        return self.app.all('[data-testid^="server-row-"]')

    def status_of(self, key):
        return self.app.text(f"status-{key}")

    def test_1_demo_populates_the_servers_table(self):
        app = self.app
        app.find("try-demo")
        app.screenshot("welcome")
        app.click("try-demo")
        app.find("servers-table")
        app.wait(lambda d: len(self.rows()) >= 5, what="demo servers")
        app.wait(lambda d: all(a in app.text("servers-table") for a in self.ACCOUNTS), what="every demo account's servers")
        table = app.text("servers-table")
        self.assertIn("my new server", table)
        app.screenshot("servers")

    def test_2_stop_a_running_server(self):
        app = self.app
        badges = app.all('[data-testid^="status-"]')
        running = [b for b in badges if app.text_of(b).lower() == "running"]
        self.assertTrue(running, "a running demo server")
        key = running[0].get_attribute("data-testid")[len("status-"):]
        app.click(f"action-stop-{key}")
        app.wait(lambda d: self.status_of(key).lower() == "stopped", what="stopped status")
        app.screenshot("server-stopped")

    def row_key(self, account, status):
        """The key of a row of `account` whose status badge reads `status`."""
        for row in self.rows():
            key = row.get_attribute("data-testid")[len("server-row-"):]
            if account in self.app.text_of(row) and self.status_of(key).lower() == status:
                return key
        self.fail(f"no {status} server of {account}")

    def test_2b_stop_and_start_on_other_providers(self):
        app = self.app
        key = self.row_key("Demo VPS.NET", "running")
        app.click(f"action-stop-{key}")
        app.wait(lambda d: self.status_of(key).lower() == "stopped", what="VPS.NET server stopped")
        key = self.row_key("Demo VPS247", "stopped")
        app.click(f"action-start-{key}")
        app.wait(lambda d: self.status_of(key).lower() == "running", what="VPS247 server running")

    def open_create_form(self, account, name):
        """The create form for `account`, with `name` typed and the first region picked."""
        app = self.app
        app.click("create-server-button")
        app.find("create-form")
        app.choose("create-account", account)
        app.type("create-name", name)
        app.choose_first("create-region")

    def test_3b_create_on_cloudsigma_sized_freely(self):
        app = self.app
        self.open_create_form("Demo CloudSigma", "e2e-sigma")
        app.type("create-cpu", "1000")
        app.type("create-mem", "1024")
        app.choose_first("create-image")
        app.screenshot("create-form-cloudsigma")
        app.click("create-submit")
        app.wait(lambda d: "e2e-sigma" in app.text("servers-table"), what="the CloudSigma server in the table")

    def test_3_create_a_server(self):
        app = self.app
        self.open_create_form("Demo Vultr", "e2e-box")
        app.choose_first("create-plan")
        app.choose_first("create-image")
        app.screenshot("create-form")
        app.click("create-submit")
        app.wait(lambda d: "e2e-box" in app.text("servers-table"), what="the new server in the table")
        app.screenshot("server-created")

    def test_4_delete_the_created_server(self):
        app = self.app
        row = next(r for r in self.rows() if "e2e-box" in app.text_of(r))
        key = row.get_attribute("data-testid")[len("server-row-"):]
        app.click(f"action-delete-{key}")
        confirm = app.find("delete-confirm-button")
        self.assertFalse(confirm.is_enabled(), "delete is disabled until the name is typed")
        app.type("delete-confirm-input", "e2e-box")
        app.screenshot("delete-confirm")
        app.click("delete-confirm-button")
        app.wait(lambda d: not app.exists(f"server-row-{key}"), what="the row to go")

    def test_5_add_a_vultr_account_by_hand(self):
        app = self.app
        app.click("nav-accounts")
        table = app.text("accounts-table")
        endpoint = re.search(r"http://127\.0\.0\.1:\d+", table).group(0)
        app.click("add-account-button")
        app.find("add-account-form")
        app.choose("account-provider", "Vultr")
        app.type("account-name", "Manual Vultr")
        secret = demo_secret("VULTR")
        app.type("account-secret", secret)
        if not app.visible(app.all('[data-testid="account-endpoint"]')):
            app.click("account-advanced")
        app.type("account-endpoint", endpoint)
        app.click("account-submit")
        app.wait(lambda d: "Manual Vultr" in app.text("accounts-table"), what="the new account")
        self.assertNotIn(secret, app.driver.page_source, "the secret is not kept in the page")
        app.screenshot("accounts")
        app.click("nav-servers")
        app.wait(lambda d: "Manual Vultr" in app.text("servers-table"), what="its servers")

    def test_6_remove_the_account_with_confirmation(self):
        app = self.app
        app.click("nav-accounts")
        row = next(r for r in app.all('[data-testid^="account-row-"]') if "Manual Vultr" in app.text_of(r))
        account_id = row.get_attribute("data-testid")[len("account-row-"):]
        app.click(f"account-remove-{account_id}")
        app.click("remove-account-confirm")
        app.wait(lambda d: "Manual Vultr" not in app.text("accounts-table"), what="the account gone")
        app.click("nav-servers")
        app.wait(lambda d: "Manual Vultr" not in app.text("servers-table"), what="its servers gone")


if __name__ == "__main__":
    unittest.main(verbosity=2)
