"""End-to-end: the extras of VPS.org on the demo account: VPS.org's
Settings tab (its full update) saves a new host name and the backup switch,
and the Network tab lists its addresses."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from app import App

# The docs' example servers, seeded into the simulators.
VPSORG_SERVER = "12345"


class ExtrasVpsorg(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.app = App()
        cls.app.ensure_demo()

    @classmethod
    def tearDownClass(cls):
        cls.app.quit()

    def open_server(self, server_id, tab):
        app = self.app
        app.click("nav-servers")
        app.type("search-input", server_id)
        row = app.wait(lambda d: app.visible(d.find_elements(By.CSS_SELECTOR, f'[data-testid^="server-row-"][data-testid$="-{server_id}"]')), what=f"server {server_id}")
        app.driver.execute_script("arguments[0].click()", row)
        drawer = app.find("detail-drawer")
        el = app.wait(lambda d: app.visible(d.find_elements(By.CSS_SELECTOR, f'[data-testid="detail-tab-{tab}"]')), what=f"tab {tab}")
        app.press(el)
        return drawer

    def close_drawer(self):
        self.app.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        self.app.wait(lambda d: not self.app.exists("detail-drawer"), what="drawer closed")

    def test_1_vpsorg_settings_are_saved(self):
        app = self.app
        self.open_server(VPSORG_SERVER, "settings")
        hostname = app.find("settings-hostname")
        app.wait(lambda d: hostname.get_attribute("value") == "web01.example.com", what="current host name")
        self.assertIsNotNone(app.find("settings-save").get_attribute("disabled"), "nothing changed yet")
        app.type("settings-hostname", "web01")
        app.click("settings-save")
        app.wait(lambda d: "fully qualified" in app.text("settings-form"), what="the host name error in place")
        app.screenshot("extras-vpsorg-settings-error")
        app.type("settings-hostname", "web-e2e.example.com")
        # Mantine's switch input is visually hidden: click it as the browser would.
        app.driver.execute_script("arguments[0].click()", app.find("settings-backups"))
        app.click("settings-save")
        app.wait(lambda d: app.find("settings-save").get_attribute("disabled") is not None, what="saved")
        self.assertEqual(app.find("settings-hostname").get_attribute("value"), "web-e2e.example.com")
        app.screenshot("extras-vpsorg-settings")
        self.close_drawer()

    def test_2_addresses_of_vpsorg(self):
        app = self.app
        self.open_server(VPSORG_SERVER, "network")
        app.wait(lambda d: "203.0.113.10" in app.text("network-addresses"), what="VPS.org addresses")
        app.screenshot("extras-vpsorg-network")
        self.assertFalse(app.exists("detail-tab-snapshots"), "VPS.org has no snapshots")
        self.close_drawer()


if __name__ == "__main__":
    unittest.main()
