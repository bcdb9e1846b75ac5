"""End-to-end: CloudSigma's account resources on the demo account: drives
(list, create, clone, standard images), VLANs and static IPs, server groups
and the profile, each a section of the Resources page. Drive uploads go
through the native open dialog, which WebDriver cannot drive: they are
covered by the core, CLI and vitest suites."""
import unittest

from app import DemoAppCase

GENTOO = "7e8ab721-81c9-4cb9-a651-4cafbfe1501c"
DOC_GROUP = "92f5ba00-7851-4ebf-9c0f-b5311ceed042"


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


if __name__ == "__main__":
    unittest.main()
