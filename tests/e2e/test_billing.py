"""End-to-end: the Billing page of the built app over the demo accounts:
balances in words, per-currency totals, invoices, an invoice PDF opened in the
app, CSV export and a PDF saved by the backend, transactions with their chart,
and a subscription priced before it is bought."""
import os
import pathlib
import time
import unittest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

from app import DemoAppCase

# The native save dialog cannot be driven through WebDriver, and the backend
# opens it itself. The e2e build (cargo feature `e2e`, never in a user's
# build) answers it with VPSDESK_E2E_SAVE_DIR plus the suggested name, which
# tests/e2e/run.sh sets; everything after that (the backend writing the file)
# is the real thing.


class Billing(DemoAppCase):
    @classmethod
    def setUpClass(cls):
        cls.saved = pathlib.Path(os.environ["VPSDESK_E2E_SAVE_DIR"])
        for old in [cls.saved / "invoice-9130.pdf", *cls.saved.glob("invoices-*.csv")]:
            old.unlink(missing_ok=True)
        super().setUpClass()

    def card(self, account):
        cards = self.app.all('[data-testid^="billing-card-"]')
        found = [c for c in cards if account in self.app.text_of(c)]
        self.assertTrue(found, f"a balance card for {account}")
        return self.app.text_of(found[0])

    def test_1_balances_totals_and_invoices(self):
        app = self.app
        app.click("nav-billing")
        app.find("billing-page")
        app.wait(lambda d: len(app.all('[data-testid^="billing-balance-"]')) == 3, what="three balances")
        vultr = self.card("Demo Vultr")
        self.assertIn("5,519.11 USD", vultr)
        self.assertIn("You have 5,519.11 USD credit", vultr)
        self.assertIn("negative number there is credit", vultr)
        self.assertIn("Pending charges (not yet invoiced): 57.03 USD", vultr)
        self.assertIn("99.00 USD", self.card("Demo VPS.NET"))
        self.assertIn("1,220.87 EUR", self.card("Demo CloudSigma"))
        totals = app.text("billing-totals")
        self.assertIn("5,618.11 USD", totals)
        self.assertIn("1,220.87 EUR", totals)
        notes = " ".join(app.text_of(n) for n in app.all('[data-testid^="billing-note-"]'))
        self.assertIn("VPS.org's API has no balance or invoices", notes)

        app.wait(lambda d: len(app.all('[data-testid="invoice-row"]')) >= 6, what="the VPS.NET invoices")
        rows = app.all('[data-testid="invoice-row"]')
        self.assertIn(rows[0].get_attribute("data-status"), ("unpaid", "overdue"), "unpaid first")
        self.assertIn("11046", app.text_of(rows[0]))
        self.assertIn("15.00 USD", app.text("invoices-table"))
        app.screenshot("billing-overview")

    def test_2_opens_an_invoice_pdf(self):
        app = self.app
        button = app.wait(lambda d: app.all('[data-testid^="invoice-open-"][data-testid$="-9130"]'), what="the open button of 9130")[0]
        app.press(button)
        app.wait(lambda d: app.find("invoice-viewer-pages").get_attribute("data-pages") == "1", what="the PDF rendered")
        canvas = app.all('[data-testid="invoice-viewer-pages"] canvas')
        self.assertEqual(len(canvas), 1)
        self.assertGreater(canvas[0].size["height"], 300, "a page, drawn")
        app.screenshot("billing-pdf")

    def test_3_saves_the_pdf_and_exports_csv(self):
        app = self.app
        app.click("invoice-viewer-save")
        pdf = self.saved / "invoice-9130.pdf"
        app.wait(lambda d: pdf.exists(), what="the saved PDF")
        data = pdf.read_bytes()
        self.assertTrue(data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF"))
        self.assertIn(b"(Invoice 9130)", data)
        app.driver.find_element("css selector", "body").send_keys("\ue00c")  # Escape closes the viewer
        app.wait(lambda d: not app.all('[data-testid="invoice-viewer-pages"]'), what="the viewer closed")

        app.click("invoices-export-csv")
        csv_files = lambda: list(self.saved.glob("invoices-*.csv"))
        app.wait(lambda d: csv_files(), what="the exported CSV")
        time.sleep(0.3)
        lines = csv_files()[0].read_text().splitlines()
        self.assertEqual(lines[0], "account,provider,id,number,date,due_date,amount,currency,status")
        self.assertTrue(any(l.startswith("Demo VPS.NET,vpsnet,9130,9130,2011-04-27T11:09:19Z,") and ",15.00,USD,paid" in l for l in lines), lines)
        self.assertEqual(len(lines), 1 + len(app.all('[data-testid="invoice-row"]')))
        app.screenshot("billing-csv")

    def test_4_transactions_chart_and_a_quoted_subscription(self):
        app = self.app
        app.choose("billing-account-select", "Demo CloudSigma")
        app.wait(lambda d: len(app.all('[data-testid="transaction-row"]')) > 20, what="CloudSigma transactions")
        self.assertIn("-13.75 EUR", app.text("transactions-table"))
        chart = app.find("billing-chart")
        self.assertIn("Charges per day (EUR)", app.text_of(chart))
        app.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", chart)
        # The chart is drawn (uPlot's canvas in the real webview) and its legend gives the day and the
        # exact total under the pointer.
        plot = app.wait(lambda d: chart.find_elements(By.CSS_SELECTOR, ".u-over"), what="the drawn chart")[0]
        ActionChains(app.driver).move_to_element_with_offset(plot, plot.size["width"] // 2 - 4, 0).perform()
        legend = chart.find_element(By.CSS_SELECTOR, ".u-legend")
        app.wait(lambda d: "2010-02-24" in app.text_of(legend) and " EUR" in app.text_of(legend), what="the hovered day's charges in the legend")
        app.screenshot("billing-transactions")

        app.click("billing-tab-subscriptions")
        app.wait(lambda d: len(app.all('[data-testid="subscription-row"]')) >= 4, what="subscriptions")
        app.click("subscription-new")
        app.type("subscription-quantity", "2")
        app.type("subscription-start", "2010-03-22 00:00")
        app.click("subscription-price")
        quote = app.find("subscription-quote")
        app.wait(lambda d: "16.00 EUR" in app.text_of(quote), what="the provider's quote")
        self.assertIn("Nothing has been bought yet", app.text_of(quote))
        app.screenshot("billing-subscription-quote")
        app.click("subscription-buy")
        app.wait(lambda d: len(app.all('[data-testid="subscription-row"]')) >= 6, what="the new IP subscriptions")
        app.wait(lambda d: "1,204.87 EUR" in self.card("Demo CloudSigma"), what="the balance after buying")


if __name__ == "__main__":
    unittest.main()
