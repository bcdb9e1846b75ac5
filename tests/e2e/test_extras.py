"""End-to-end: server extras on the demo Vultr account: the detail tabs,
a snapshot taken as a job that is followed to the end in the jobs list, a
reverse DNS entry, the bandwidth graph, and an SSH key added on the Resources
page and picked in the create-server form."""
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from app import DemoAppCase, xpath_literal

# The doc's example server, seeded into the Vultr simulator.
DOC_SERVER = "576965"
KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE2eTeSt e2e@example.com"


class Extras(DemoAppCase):
    def test_1_snapshot_is_a_job_that_finishes(self):
        app = self.app
        app.open_server(DOC_SERVER, "snapshots")
        app.find("snapshots-table")
        app.type("snapshot-description", "e2e before upgrade")
        app.click("snapshot-create")
        app.wait(lambda d: "e2e before upgrade" in app.text("snapshots-table"), what="the new snapshot listed")
        app.screenshot("extras-snapshots")
        app.close_drawer()
        app.click("jobs-button")
        app.find("jobs-drawer")
        app.wait(lambda d: any(app.text_of(e) == "running" for e in app.all('[data-testid^="job-state-"]')) or
                 any(app.text_of(e) == "succeeded" for e in app.all('[data-testid^="job-state-"]')), what="the job listed")
        # Read in one script: the job may finish, and its button go, meanwhile.
        states = app.driver.execute_script(
            "return [...document.querySelectorAll('[data-testid^=\"job-cancel-\"]')].map(e => e.getAttribute('aria-disabled'))")
        self.assertTrue(all(s == "true" for s in states), f"Vultr cannot cancel a snapshot: {states}")
        app.wait(lambda d: any(app.text_of(e) == "succeeded" for e in app.all('[data-testid^="job-state-"]')), timeout=60, what="the job succeeded")
        stage = app.text_of(app.all('[data-testid^="job-stage-"]')[0])
        self.assertEqual(stage, "Snapshot complete")
        app.screenshot("extras-jobs")
        app.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        app.wait(lambda d: not app.exists("jobs-drawer"), what="jobs closed")

    def test_2_set_a_reverse_dns_entry(self):
        app = self.app
        app.open_server(DOC_SERVER, "network")
        app.find("network-addresses")
        app.click("reverse-edit-123.123.123.124")
        app.type("reverse-entry", "mail.e2e.example.com")
        app.click("reverse-submit")
        app.wait(lambda d: app.text("address-reverse-123.123.123.124") == "mail.e2e.example.com", what="the reverse entry shown")
        app.screenshot("extras-network")
        app.detail_tab("graphs")
        graph = app.find("graph-bandwidth")
        # Drawn by uPlot in the real webview: a canvas with its legend of the series.
        app.wait(lambda d: graph.find_elements(By.CSS_SELECTOR, "canvas") and graph.find_elements(By.CSS_SELECTOR, ".u-legend"), what="the drawn graph")
        self.assertIn("Incoming", app.text_of(graph.find_element(By.CSS_SELECTOR, ".u-legend")))
        app.screenshot("extras-graphs")
        app.detail_tab("console")
        self.assertIn("novnc", app.find("console-url").get_attribute("value"))
        app.detail_tab("overview")
        app.find("detail-table")
        app.screenshot("extras-overview")
        app.close_drawer()

    def test_3_add_an_ssh_key_and_pick_it_in_the_create_form(self):
        app = self.app
        app.click("nav-resources")
        app.find("sshkeys-table")
        app.click("sshkey-add")
        app.type("sshkey-name", "e2e laptop")
        app.type("sshkey-public-key", KEY)
        app.click("sshkey-submit")
        app.wait(lambda d: "e2e laptop" in app.text("sshkeys-table"), what="the key listed")
        app.screenshot("extras-sshkeys")

        app.click("nav-servers")
        app.click("create-server-button")
        app.find("create-form")
        app.choose("create-account", "Demo Vultr")
        app.type("create-name", "e2e-keyed")
        app.choose("create-region", "New Jersey")
        app.choose_first("create-plan")
        app.choose("create-image", "Debian 12 x64")
        app.click("create-ssh-keys")
        option = app.wait(lambda d: app.visible(d.find_elements(By.XPATH, f"//*[@role='option'][contains(normalize-space(.), {xpath_literal('e2e laptop')})]")), what="the key offered")
        app.press(option)
        app.wait(lambda d: "e2e laptop" in app.text("create-form"), what="the key picked")
        app.press(app.find("create-name"))  # closes the key list
        time.sleep(0.3)
        app.screenshot("extras-create-form")
        app.click("create-submit")
        app.wait(lambda d: not app.exists("create-form"), what="the server created")


if __name__ == "__main__":
    unittest.main()
