"""End-to-end: the create form's choices that depend on the provider: a
Vultr server chain-loaded over iPXE (no image, an address instead), and on
VPS247 only the chosen region's packages and templates offered."""
import time
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from app import DemoAppCase


class CreateForms(DemoAppCase):
    def open_form(self, account, name):
        app = self.app
        app.click("nav-servers")
        app.click("create-server-button")
        app.find("create-form")
        app.choose("create-account", account)
        app.type("create-name", name)

    def options(self, testid):
        """The texts of the options select `testid` offers, as its opened list shows them."""
        app = self.app
        app.click(testid)
        app.wait(lambda d: app.visible(d.find_elements(By.CSS_SELECTOR, "[role='option']")), what=f"the options of {testid}")
        texts = [app.text_of(o) for o in app.all("[role='option']") if o.is_displayed()]
        app.find(testid).send_keys(Keys.ESCAPE)
        app.wait(lambda d: not app.visible(d.find_elements(By.CSS_SELECTOR, "[role='option']")), what=f"the options of {testid} closed")
        return texts

    def test_1_vultr_over_ipxe(self):
        app = self.app
        self.open_form("Demo Vultr", "e2e-ipxe")
        app.choose("create-region", "New Jersey")
        app.choose_first("create-plan")
        control = app.find("create-source")
        app.press(next(l for l in control.find_elements(By.TAG_NAME, "label") if l.text.strip() == "iPXE"))
        app.find("create-ipxe-url")
        self.assertFalse(app.exists("create-image"), "an iPXE server has no image")
        app.click("create-submit")
        app.wait(lambda d: "Enter the address of the iPXE script" in app.text("create-form"), what="the missing address under its field")
        app.type("create-ipxe-url", "https://boot.example.com/menu.ipxe")
        time.sleep(0.3)
        app.screenshot("create-form-vultr-ipxe")
        app.click("create-submit")
        app.wait(lambda d: not app.exists("create-form"), what="the server created")
        app.type("search-input", "e2e-ipxe")
        row = app.wait(lambda d: app.visible([r for r in app.all('[data-testid^="server-row-"]') if "e2e-ipxe" in app.text_of(r)]), what="the new server listed")
        app.driver.execute_script("arguments[0].click()", row)
        app.wait(lambda d: "Custom" in app.text("detail-table"), what="the Custom system iPXE boots on")
        app.screenshot("create-vultr-ipxe-server")
        app.close_drawer()

    def test_2_vps247_offers_the_regions_packages_and_templates(self):
        app = self.app
        self.open_form("Demo VPS247", "e2e-madrid")
        self.assertIsNotNone(app.find("create-plan").get_attribute("disabled"), "no package before a region")
        app.choose("create-region", "New York 1")
        app.wait(lambda d: app.find("create-plan").get_attribute("disabled") is None, what="packages for New York")
        plans = self.options("create-plan")
        self.assertEqual([p.split()[0] for p in plans], ["Budget", "Standard", "Premium", "Business"], plans)
        app.choose("create-region", "Madrid 1")
        app.wait(lambda d: not app.find("create-plan").get_attribute("value"), what="the package cleared with the region")
        plans = self.options("create-plan")
        self.assertEqual([p.split()[0] for p in plans], ["Budget", "Standard"], "Madrid offers two packages")
        images = self.options("create-image")
        self.assertEqual(len(images), 2, images)
        self.assertTrue(any("Ubuntu 14.04" in i for i in images) and any("Debian 7" in i for i in images), f"Madrid's two templates: {images}")
        app.choose("create-plan", "Standard")
        app.choose("create-image", "Debian 7 x64")
        time.sleep(0.3)
        app.screenshot("create-form-vps247-region")
        app.click("create-submit")
        app.wait(lambda d: not app.exists("create-form"), what="the server created")
        app.type("search-input", "e2e-madrid")
        row = app.wait(lambda d: app.visible([r for r in app.all('[data-testid^="server-row-"]') if "e2e-madrid" in app.text_of(r)]), what="the new server listed")
        self.assertIn("Madrid 1", app.text_of(row))


if __name__ == "__main__":
    unittest.main()
