"""End-to-end: CloudSigma's account resources on the demo account: drives
(list, create, clone, standard images), VLANs and static IPs, server groups
and the profile, each a section of the Resources page; a server's settings
changed from its drawer; and on the Billing page the subscribed totals, a
software and a resource subscription priced before anything is bought, and
the currencies. Drive uploads go through the native open dialog, which
WebDriver cannot drive: they are covered by the core, CLI and vitest
suites."""
import unittest

from selenium.webdriver.common.by import By

from app import DemoAppCase

GENTOO = "7e8ab721-81c9-4cb9-a651-4cafbfe1501c"
DOC_GROUP = "92f5ba00-7851-4ebf-9c0f-b5311ceed042"
# The simulator's stopped server "staging" (2000 MHz, 2048 MB).
STAGING = "4a7e1c93-2b5d-4f80-b6e2-71c9d04a8f35"


class ExtrasCloudsigma(DemoAppCase):
    def add_named(self, kind, name, table, what):
        """Adds a `kind` (vlan, group) by its name-only form and waits until
        `table` lists it."""
        app = self.app
        app.click(f"{kind}-add")
        app.type(f"{kind}-name", name)
        app.click(f"{kind}-submit")
        app.wait(lambda d: name in app.text(table), what=what)

    def test_1_drives(self):
        app = self.app
        app.resources_section("Drives")
        app.wait(lambda d: "gentoo-livecd" in app.text(f"drive-row-{GENTOO}"), what="the doc's drive")
        app.wait(lambda d: "Ubuntu" in app.text("standard-table"), what="standard images")
        app.click("drive-add")
        app.type("drive-name", "e2e-data")
        app.type("drive-size", "1")
        app.click("drive-submit")
        app.wait(lambda d: "e2e-data" in app.text("drives-table") and not app.exists("drive-form"), what="new drive")
        app.click(f"drive-clone-{GENTOO}")
        app.type("drive-name", "gentoo copy")
        app.click("drive-submit")
        app.wait(lambda d: "gentoo copy" in app.text("drives-table") and not app.exists("drive-form"), what="cloned drive")
        app.screenshot("extras-cloudsigma-drives")

    def test_2_vlans_and_ips(self):
        app = self.app
        app.resources_section("VLANs & IPs")
        app.wait(lambda d: "My VLAN" in app.text("vlans-table"), what="the doc's VLAN")
        app.wait(lambda d: "91.203.56.71" in app.text("ips-table"), what="the doc's addresses")
        self.add_named("vlan", "e2e backend", "vlans-table", "new VLAN")
        app.screenshot("extras-cloudsigma-network")

    def test_3_server_groups(self):
        app = self.app
        app.resources_section("Server groups")
        app.wait(lambda d: "all kind of database servers" in app.text(f"group-row-{DOC_GROUP}"), what="the doc's group")
        self.add_named("group", "e2e web", "groups-table", "new group")
        app.screenshot("extras-cloudsigma-groups")

    def test_4_profile(self):
        app = self.app
        app.resources_section("Profile")
        email = app.find("profile-email")
        app.wait(lambda d: email.get_attribute("value") == "foo.bar@example.com", what="the profile")
        app.type("profile-company", "Example AG")
        app.click("profile-save")
        app.wait(lambda d: app.find("profile-save").get_attribute("disabled") is not None, what="saved")
        self.assertNotIn("Fvsnn7SF", app.driver.page_source, "the API key never reaches the page")
        app.screenshot("extras-cloudsigma-profile")

    def test_5_server_settings(self):
        app = self.app
        app.open_server(STAGING, search="staging", tab="server-set")
        app.wait(lambda d: app.find("server-set-mem").get_attribute("value") == "2048", what="the server's memory")
        self.assertIsNotNone(app.find("server-set-save").get_attribute("disabled"), "nothing changed yet")
        app.type("server-set-name", "staging e2e")
        app.type("server-set-mem", "3072")
        app.click("server-set-save")
        drawer = app.find("detail-drawer")
        app.wait(lambda d: drawer.get_attribute("aria-label") == "Server staging e2e", what="the new name in the drawer")
        app.wait(lambda d: app.find("server-set-save").get_attribute("disabled") is not None, what="saved")
        self.assertEqual(app.find("server-set-mem").get_attribute("value"), "3072")
        app.driver.execute_script("arguments[0].scrollTop = 0", drawer)
        app.screenshot("extras-cloudsigma-server-settings")
        app.detail_tab("overview")
        app.wait(lambda d: "2000 MHz, 3072 MB" in app.text("detail-table"), what="the new memory in the plan")
        app.close_drawer()
        app.wait(lambda d: "staging e2e" in app.text("servers-table"), what="the new name in the table")

    def open_subscriptions(self):
        app = self.app
        app.click("nav-billing")
        app.find("billing-page")
        app.choose("billing-account-select", "Demo CloudSigma")
        app.click("billing-tab-subscriptions")
        app.wait(lambda d: len(app.all('[data-testid="subscription-row"]')) >= 4, what="subscriptions")

    def cells(self, css):
        """The rows matching `css`, each as the texts of its cells."""
        return [[self.app.text_of(c) for c in r.find_elements(By.TAG_NAME, "td")] for r in self.app.all(css)]

    def total(self, label):
        """The subscribed total of `label` ("Memory"), as the totals table shows it."""
        rows = self.cells('[data-testid="subscribed-total-row"]')
        row = next((r for r in rows if r[0] == label), None)
        self.assertIsNotNone(row, f"a {label} total in {rows}")
        return int(row[1])

    def kind(self, label):
        """Picks `label` on the order dialog's Resources / Software switch."""
        app = self.app
        control = app.find("bundle-kind")
        app.press(next(l for l in control.find_elements(By.TAG_NAME, "label") if l.text.strip() == label))

    def test_6_subscribed_totals_and_a_resource_order_priced_first(self):
        app = self.app
        self.open_subscriptions()
        app.wait(lambda d: app.exists("subscribed-totals-table"), what="the subscribed totals")
        memory = self.total("Memory")
        rows = len(app.all('[data-testid="subscription-row"]'))
        app.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", app.find("subscribed-totals"))
        app.screenshot("billing-cloudsigma-totals")

        app.click("bundle-new")
        app.find("bundle-order")
        self.kind("Software licences")
        app.type("bundle-msft_lwa_00135", "1")
        app.click("bundle-price")
        quote = app.find("bundle-quote")
        app.wait(lambda d: "The provider quotes" in app.text_of(quote) and " EUR" in app.text_of(quote), what="the software price")
        self.assertIn("Nothing has been bought yet", app.text_of(quote))
        self.assertEqual(self.cells('[data-testid="bundle-quote-lines"] tbody tr')[0][:2], ["Windows Web Server 2008", "1 licence"])
        self.assertTrue(app.text("bundle-buy").startswith("Buy for "), app.text("bundle-buy"))
        app.screenshot("billing-cloudsigma-software-quote")

        self.kind("Resources")
        app.wait(lambda d: not app.exists("bundle-quote") and app.exists("bundle-price"), what="a changed order to need a new price")
        app.type("bundle-mem", "1024")
        app.click("bundle-price")
        lines = app.find("bundle-quote-lines")
        app.wait(lambda d: "Memory" in app.text_of(lines) and "1024 MB" in app.text_of(lines), what="the resource preview")
        self.assertIn("calculates no price for resources", app.text("bundle-quote"))
        self.assertEqual(app.text("bundle-buy"), "Buy at these rates")
        self.assertEqual(len(app.all('[data-testid="subscription-row"]')), rows, "nothing bought before confirming")
        self.assertEqual(self.total("Memory"), memory, "nothing bought before confirming")
        app.screenshot("billing-cloudsigma-resource-quote")
        app.click("bundle-buy")
        app.wait(lambda d: not app.exists("bundle-order"), what="the order dialog closed")
        app.wait(lambda d: len(app.all('[data-testid="subscription-row"]')) > rows, what="the new subscription listed")
        app.wait(lambda d: self.total("Memory") == memory + 1024, what="the memory total grown by the order")
        app.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", app.find("subscribed-totals"))
        app.screenshot("billing-cloudsigma-bought")

    def test_7_currencies(self):
        app = self.app
        app.click("billing-tab-currencies")
        app.wait(lambda d: len(app.all('[data-testid="currency-row"]')) == 3, what="the currencies")
        rows = self.cells('[data-testid="currency-row"]')
        self.assertEqual([r[0] for r in rows], ["EUR", "GBP", "USD"])
        self.assertEqual([r[1] for r in rows], ["Euro", "British Pound", "US Dollar"])
        self.assertEqual([r[2] for r in rows], ["this account's balance", "", ""], "the balance is kept in EUR")
        app.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", app.find("currencies-table"))
        app.screenshot("billing-cloudsigma-currencies")


if __name__ == "__main__":
    unittest.main()
