"""End-to-end: the extras of VPS.org and VPS247 on the demo accounts: VPS.org's
Settings tab (its full update) saves a new host name and the backup switch,
and the Network tab lists each provider's addresses."""
import unittest

from app import DemoAppCase

# The docs' example servers, seeded into the simulators.
VPSORG_SERVER = "12345"
VPS247_VM = "90"


class ExtrasVpsorg(DemoAppCase):
    def test_1_vpsorg_settings_are_saved(self):
        app = self.app
        app.open_server(VPSORG_SERVER, account="Demo VPS.org", tab="settings")
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
        app.close_drawer()

    def test_2_addresses_of_both_providers(self):
        app = self.app
        app.open_server(VPSORG_SERVER, account="Demo VPS.org", tab="network")
        app.wait(lambda d: "203.0.113.10" in app.text("network-addresses"), what="VPS.org addresses")
        app.screenshot("extras-vpsorg-network")
        self.assertFalse(app.exists("detail-tab-snapshots"), "VPS.org has no snapshots")
        app.close_drawer()
        app.open_server(VPS247_VM, account="Demo VPS247", tab="network")
        app.wait(lambda d: "123.123.123.123" in app.text("network-addresses"), what="VPS247 allocations")
        self.assertIn("255.255.255.128", app.text("network-addresses"))
        self.assertFalse(app.exists("detail-tab-settings"), "VPS247 has no full update")
        app.screenshot("extras-vps247-network")
        app.close_drawer()


if __name__ == "__main__":
    unittest.main()
