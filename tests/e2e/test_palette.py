"""End-to-end: the command palette. Ctrl+K opens it over the servers page;
typing finds a running demo server and Enter reboots it, all from the
keyboard; the row then shows the reboot. A server's menu lists its account's
invoices."""
import unittest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from app import DemoAppCase


class Palette(DemoAppCase):
    def running_server(self, account):
        app = self.app
        app.wait(lambda d: any(account in app.text_of(r) for r in app.all('[data-testid^="server-row-"]')), what=f"{account} servers")
        for row in app.all('[data-testid^="server-row-"]'):
            key = row.get_attribute("data-testid")[len("server-row-"):]
            if account in app.text_of(row) and app.text(f"status-{key}").lower() == "running":
                name = app.text_of(row.find_element("css selector", ".cell-name"))
                return key, name
        self.fail(f"no running {account} server")

    def test_1_find_a_server_and_reboot_it_by_keyboard(self):
        app = self.app
        key, name = self.running_server("Demo Vultr")
        ActionChains(app.driver).key_down(Keys.CONTROL).send_keys("k").key_up(Keys.CONTROL).perform()
        search = app.wait(lambda d: app.all('input[placeholder^="Find a server"]'), what="the palette")[0]
        search.send_keys(f"reboot {name}")
        # Shown once it has faded in.
        app.settle(app.find(f"palette-server-reboot-{key}"))
        app.wait(lambda d: d.execute_script("return getComputedStyle(document.querySelector('.mantine-Spotlight-content')).opacity") == "1", what="the palette shown")
        app.screenshot("palette-reboot")
        search.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
        app.wait(lambda d: not app.all('input[placeholder^="Find a server"]'), what="the palette closed")
        # Vultr reboots at once; the row shows the reboot, then running again.
        app.wait(lambda d: app.text(f"status-{key}").lower() in ("starting", "running"), what="the reboot shown")
        app.wait(lambda d: app.text(f"status-{key}").lower() == "running", what="running after the reboot")

    def test_2_invoices_of_a_servers_account(self):
        app = self.app
        key, _ = self.running_server("Demo VPS.NET")
        app.driver.execute_script("arguments[0].click()", app.find(f"action-more-{key}"))
        app.click(f"action-invoices-{key}")
        app.find("billing-page")
        app.wait(lambda d: app.find("invoices-filter-account").get_attribute("value") == "Demo VPS.NET", what="the account filter")
        app.screenshot("invoices-of-an-account")


if __name__ == "__main__":
    unittest.main()
