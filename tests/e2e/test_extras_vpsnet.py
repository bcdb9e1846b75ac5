"""End-to-end: VPS.NET server extras on the demo account: the doc's backup
listed and a new one taken as a job until it is built, a clone followed to
its new server from the Maintenance tab, the CPU and traffic graphs, and the
console's VNC address, and a Windows template's price and purchase on the
Resources page, and nodes bought there; the graphs over a chosen range of
days; and an SSD VPS beside the cloud servers, whose drawer offers only
what VPS.NET's API does for it (power and delete)."""
import datetime
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from app import DemoAppCase

# The doc's first server ("Web Server 01"), seeded into the VPS.NET simulator
# with the doc's backup 3774.
DOC_SERVER = "1384"
# The simulator's SSD VPS ("SSD cache", running, on SSD cloud 160).
SSD = "ssd-501"


class VpsnetExtras(DemoAppCase):
    def vpsnet_section(self, label, table):
        """The Resources section `label` for the VPS.NET account, once `table` is there."""
        self.app.resources_section(label)
        self.app.choose("resources-account", "Demo VPS.NET")
        self.app.find(table)

    def test_1_backups_are_listed_and_a_new_one_is_built(self):
        app = self.app
        app.open_server(DOC_SERVER, search="Web Server 01", tab="snapshots")
        self.assertIn("linux (ubuntu)", app.text("backup-row-3774"))
        app.type("backup-label", "e2e nightly")
        app.click("backup-create")
        app.wait(lambda d: "e2e nightly" in app.text("backups-table"), what="the new backup listed")
        app.wait(lambda d: app.text("backups-table").count("built") == 2, timeout=60, what="the new backup built")
        app.screenshot("extras-vpsnet-backups")
        app.close_drawer()

    def test_2_a_clone_becomes_a_server(self):
        app = self.app
        app.open_server(DOC_SERVER, search="Web Server 01", tab="maintenance")
        app.find("clones-empty")
        # The drawer may still be sliding in: wait until the button is shown.
        button = app.wait(lambda d: app.visible(d.find_elements(By.CSS_SELECTOR, '[data-testid="clone-create"]')), what="the clone button")
        app.press(button)
        app.click("clone-confirm")
        app.wait(lambda d: app.exists("clones-table") and "Cloned successfully" in app.text("clones-table"), timeout=60, what="the clone finished")
        app.screenshot("extras-vpsnet-maintenance")
        app.close_drawer()
        app.click("jobs-button")
        app.find("jobs-drawer")
        app.wait(lambda d: any("Clone of server" in app.text_of(e) for e in app.all('[data-testid^="job-"]')), what="the clone job listed")
        app.screenshot("extras-vpsnet-jobs")
        app.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        app.wait(lambda d: not app.exists("jobs-drawer"), what="jobs closed")

    def test_3_graphs_and_console(self):
        app = self.app
        app.open_server(DOC_SERVER, search="Web Server 01", tab="graphs")
        app.find("graph-cpu")
        app.find("graph-network")
        app.screenshot("extras-vpsnet-graphs")
        app.detail_tab("console")
        url = app.find("console-url").get_attribute("value")
        self.assertTrue(url.startswith("vnc://"), url)
        app.screenshot("extras-vpsnet-console")
        app.close_drawer()

    def test_4_a_chargeable_template_is_bought_after_its_price(self):
        app = self.app
        self.vpsnet_section("Templates", "custom-templates-table")
        app.click("template-pick-15-1899")
        app.wait(lambda d: "20.0 USD" in app.text("template-price-amount"), what="the Windows price")
        app.click("template-buy")
        app.click("template-buy-confirm")
        app.wait(lambda d: "1899" in app.text("licences-table"), what="the bought template listed")
        app.wait(lambda d: not app.exists("template-buy-confirm"), what="the confirmation closed")
        app.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", app.find("template-price"))
        app.screenshot("extras-vpsnet-templates")

    def test_5_nodes_are_bought_after_confirming(self):
        app = self.app
        app.resources_section("Nodes")
        app.find("nodes-table")
        before = len(app.all('[data-testid^="node-row-"]'))
        app.choose("nodes-kind", "RAM")
        app.click("nodes-buy")
        app.click("nodes-buy-confirm")
        app.wait(lambda d: len(app.all('[data-testid^="node-row-"]')) == before + 1, what="the new node listed")
        app.wait(lambda d: not app.exists("nodes-buy-confirm"), what="the confirmation closed")
        app.screenshot("extras-vpsnet-nodes")

    def test_6_resources_tab_changes_the_consumer(self):
        app = self.app
        app.open_server(DOC_SERVER, search="Web Server 01", tab="resources")
        app.wait(lambda d: app.find("resources-name").get_attribute("value"), what="the current label")
        self.assertIsNotNone(app.find("resources-save").get_attribute("disabled"), "nothing changed yet")
        app.type("resources-consumer", "58")
        app.click("resources-save")
        app.wait(lambda d: app.find("resources-save").get_attribute("disabled") is not None, what="saved")
        self.assertEqual(app.find("resources-consumer").get_attribute("value"), "58")
        app.wait(lambda d: "cPanel" in app.text("server-licences-table"), what="the held cPanel licence")
        app.screenshot("extras-vpsnet-resources")
        app.close_drawer()

    def test_7_account_addresses_are_annotated_and_cloud_groups_listed(self):
        app = self.app
        self.vpsnet_section("IP addresses", "account-ips-table")
        row = app.wait(lambda d: app.visible(app.all('[data-testid^="account-ip-row-"]')), what="an address row")
        ip_id = row.get_attribute("data-testid")[len("account-ip-row-"):]
        app.click(f"account-ip-edit-{ip_id}")
        app.type(f"account-ip-notes-{ip_id}", "e2e primary")
        app.click(f"account-ip-save-{ip_id}")
        app.wait(lambda d: "e2e primary" in app.text(f"account-ip-row-{ip_id}") and not app.exists(f"account-ip-save-{ip_id}"), what="the note saved")
        app.screenshot("extras-vpsnet-addresses")
        app.resources_section("Cloud groups")
        app.wait(lambda d: app.exists("cloud-groups-table") or app.exists("cloud-groups-empty"), what="the cloud groups")
        app.screenshot("extras-vpsnet-cloud-groups")

    def periods(self, graph):
        """The periods graph `graph` draws, as its table for screen readers names them."""
        # Not uPlot's legend, which is a table too.
        rows = self.app.find(f"graph-{graph}").find_elements(By.CSS_SELECTOR, "table:not(.u-legend) tbody th")
        return [self.app.text_of(th) for th in rows]

    def test_8_graphs_over_chosen_days(self):
        app = self.app
        app.open_server(DOC_SERVER, search="Web Server 01", tab="graphs")
        # Hour by hour up to now: 24 samples, 25 when the span starts on the hour.
        app.wait(lambda d: len(self.periods("cpu")) in (24, 25), what="the last 24 hours")
        control = app.find("usage-range-preset")
        app.press(next(l for l in control.find_elements(By.TAG_NAME, "label") if l.text.strip() == "Custom"))
        today = datetime.date.today()
        first, last = today - datetime.timedelta(days=5), today - datetime.timedelta(days=4)
        app.fill("usage-range-from", first.isoformat())
        app.fill("usage-range-to", last.isoformat())
        # Two whole local days, hour by hour, as VPS.NET answers for that span.
        day = lambda d: f"{d:%b} {d.day}, {d.year}"
        chosen = lambda graph: (p := self.periods(graph)) and p[0] == f"{day(first)}, 12:00 AM" and f"{day(last)}, 11:00 PM" in p
        app.wait(lambda d: chosen("cpu") and chosen("network"), what="the chosen two days")
        self.assertIn("Averages", app.text("graph-cpu"))
        app.fill("usage-range-to", (first - datetime.timedelta(days=1)).isoformat())
        app.wait(lambda d: "The last day must not be before the first" in app.text("usage-range"), what="a backwards range refused")
        app.fill("usage-range-to", last.isoformat())
        app.wait(lambda d: chosen("cpu"), what="the two days again")
        app.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", app.find("usage-range"))
        app.screenshot("extras-vpsnet-graph-range")
        app.close_drawer()

    def test_9_an_ssd_vps_offers_only_power_and_delete(self):
        app = self.app
        app.open_server(SSD, search="SSD cache")
        drawer = app.find("detail-drawer")
        self.assertIn("SSD cloud 160", app.text("detail-table"))
        tabs = [app.text_of(t) for t in drawer.find_elements(By.CSS_SELECTOR, "[role='tab']")]
        self.assertEqual(tabs, ["Overview"], "no backups, graphs, console or resources for an SSD VPS")
        self.assertIn("VPS.NET's control panel for the rest", app.text("detail-limited"))
        action = lambda a: drawer.find_element(By.CSS_SELECTOR, f'[data-testid^="detail-action-{a}-"][data-testid$="-{SSD}"]')
        rename = action("rename")
        self.assertEqual(rename.get_attribute("aria-disabled"), "true")
        self.assertEqual(rename.get_attribute("aria-description"), "VPS.NET does not support renaming servers of this kind")
        self.assertIsNone(action("delete").get_attribute("aria-disabled"))
        app.screenshot("extras-vpsnet-ssd-drawer")
        app.press(action("stop"))
        status = drawer.find_element(By.CSS_SELECTOR, '[data-testid^="detail-status-"]')
        app.wait(lambda d: app.text_of(status).lower() == "stopped", timeout=60, what="the SSD VPS stopped")
        app.wait(lambda d: action("start").get_attribute("aria-disabled") is None, what="start offered")
        app.close_drawer()


if __name__ == "__main__":
    unittest.main()
