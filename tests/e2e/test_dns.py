"""DNS in the built app against the demo sandbox: an MX and an SRV record
added, edited and deleted on a demo zone, an invalid A record refused in the
form with a message, and the zone-file export and import preview."""
import os
import pathlib
import unittest

from selenium.webdriver.common.by import By

from app import DemoAppCase

ZONE = "demodomain2.com"


class DnsTest(DemoAppCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.app.click("nav-dns")
        cls.app.find("dns-page")
        cls.app.choose("dns-account", "Demo VPS.NET")
        cls.app.click(f"dns-zone-{ZONE}")
        cls.app.find("dns-records-table")

    def rows(self):
        return self.app.all('[data-testid^="dns-record-"]')

    def row_with(self, text):
        """The record row whose text has `text`, or None."""
        return next((r for r in self.rows() if text in self.app.text_of(r)), None)

    def wait_row(self, text, present=True):
        return self.app.wait(
            lambda d: (self.row_with(text) if present else self.row_with(text) is None),
            what=f"a row with {text!r}" + ("" if present else " to go away"),
        )

    def record_id(self, row):
        return row.get_attribute("data-testid").removeprefix("dns-record-")

    def submit_form(self):
        self.app.click("record-submit")
        self.app.wait(lambda d: not self.app.all('[data-testid="record-form"] [data-testid="record-submit"]'), what="the form to close")

    def delete(self, row):
        rid = self.record_id(row)
        self.app.click(f"dns-delete-{rid}")
        self.app.find("dns-confirm-delete")
        self.app.click("dns-confirm-delete-button")
        self.app.wait(lambda d: not self.app.exists(f"dns-record-{rid}"), what=f"record {rid} deleted")

    def test_1_records_of_every_kind_are_listed(self):
        text = self.app.text("dns-records-table")
        for kind in ["SOA", "NS", "A", "AAAA", "CNAME", "MX", "SRV", "TXT"]:
            self.assertIn(kind, text)
        self.assertIn("priority 0 · weight 1 · port 993", text)
        self.app.screenshot("dns-records")

    def test_2_invalid_a_record_is_refused_in_the_form(self):
        self.app.click("dns-add-record")
        self.app.find("record-form")
        self.app.type("record-host", "broken")
        self.app.type("record-data", "203.0.113.300")
        self.app.click("record-submit")
        message = self.app.wait(
            lambda d: self.app.visible(d.find_elements(By.XPATH, "//*[contains(text(), 'is not an IPv4 address')]")),
            what="the IPv4 error next to the field",
        )
        self.assertIn("203.0.113.300", message.text)
        self.app.screenshot("dns-invalid-a")
        self.app.driver.find_element(By.XPATH, "//button[normalize-space(.)='Cancel']").click()
        self.app.wait(lambda d: not self.app.all('[data-testid="record-submit"]'), what="the form to close")
        self.assertIsNone(self.row_with("broken"), "nothing was added")

    def add_edit_delete(self, kind, fields, shown, edit, edited, what):
        """Adds a `kind` record by typing `fields` ((testid, value), in form
        order) and sees `shown` in its row (found by its data, with the final
        dot); types `edit` (testid, value) into its form until the row shows
        `edited` (`what` names that change); then deletes it."""
        self.app.click("dns-add-record")
        self.app.find("record-form")
        self.app.choose("record-type", kind)
        for testid, value in fields:
            self.app.type(testid, value)
        self.app.screenshot(f"dns-add-{kind.lower()}")
        self.submit_form()
        data = dict(fields)["record-data"] + "."
        row = self.wait_row(data)
        self.assertIn(shown, self.app.text_of(row))

        self.app.click(f"dns-edit-{self.record_id(row)}")
        self.app.find("record-form")
        self.app.type(*edit)
        self.submit_form()
        self.app.wait(lambda d: edited in self.app.text_of(self.row_with(data)), what=what)

        self.delete(self.row_with(data))
        self.wait_row(data, present=False)

    def test_3_mx_record_add_edit_delete(self):
        fields = [("record-host", "@"), ("record-data", "mx9.demodomain2.com"), ("record-priority", "90")]
        self.add_edit_delete("MX", fields, "priority 90", ("record-priority", "95"), "priority 95", "the new priority")

    def test_4_srv_record_add_edit_delete(self):
        fields = [
            ("record-host", "_xmpp._tcp"),
            ("record-data", "chat.demodomain2.com"),
            ("record-priority", "5"),
            ("record-weight", "10"),
            ("record-port", "5222"),
        ]
        self.add_edit_delete("SRV", fields, "port 5222", ("record-port", "5269"), "port 5269", "the new port")

    def test_5_export_then_import_one_more_record(self):
        self.app.click("dns-export")
        text = self.app.wait(lambda d: self.app.find("dns-export-text").get_attribute("value"), what="the zone file")
        self.assertIn(f"$ORIGIN {ZONE}.", text)
        self.app.screenshot("dns-export")
        # The backend opens the save dialog; the e2e build answers it with
        # VPSDESK_E2E_SAVE_DIR (see test_billing.py).
        saved = pathlib.Path(os.environ["VPSDESK_E2E_SAVE_DIR"]) / f"{ZONE}.zone"
        saved.unlink(missing_ok=True)
        self.app.click("dns-export-save")
        self.app.wait(lambda d: saved.exists(), what="the saved zone file")
        self.assertEqual(saved.read_text(), text)
        self.app.click("dns-export-close")
        self.app.wait(lambda d: not self.app.exists("dns-export-close"), what="the export dialog to close")
        self.app.click("dns-import")
        area = self.app.find("dns-import-text")
        # Set the whole file at once (typing it would take long), as a paste does.
        self.app.driver.execute_script(
            "const set = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;"
            "set.call(arguments[0], arguments[1]); arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            area,
            text + "api 3600 IN A 203.0.113.9\n",
        )
        self.app.click("dns-import-preview-button")
        self.assertEqual(self.app.text("dns-import-add-count"), "to add: 1")
        self.assertEqual(self.app.text("dns-import-change-count"), "to change: 0")
        self.app.screenshot("dns-import-preview")
        self.app.click("dns-import-apply")
        self.app.wait(lambda d: "done" in self.app.text("dns-import-results"), what="the import results")
        self.assertFalse(self.app.exists("dns-import-preview"), "the results replace the plan")
        self.app.screenshot("dns-import-results")


if __name__ == "__main__":
    unittest.main()
