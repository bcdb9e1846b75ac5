"""Preferences survive a restart of the built app: they are kept in
settings.json (tauri-plugin-store) beside the accounts file, and nothing
secret is written there."""
import json
import os
import pathlib
import unittest

from selenium.webdriver.support.ui import Select

from app import App, demo_secret

SETTINGS = pathlib.Path(os.environ.get("XDG_CONFIG_HOME", pathlib.Path.home() / ".config")) / "vpsdesk" / "settings.json"


def saved():
    try:
        return json.loads(SETTINGS.read_text())
    except (OSError, ValueError):
        return {}


class Preferences(unittest.TestCase):
    def interval(self, app):
        return Select(app.find("refresh-interval"))

    def change(self, app, interval, colors):
        """Shows or hides the IPv6 column, picks the refresh interval and the
        colors, each (shown as, saved as), and waits for settings.json."""
        app.click("column-chooser")
        app.click("column-toggle-ipv6")
        self.interval(app).select_by_visible_text(interval[0])
        app.color_scheme(colors[0])
        app.wait(
            lambda d: saved().get("refresh_interval_ms") == interval[1] and saved().get("color_scheme") == colors[1],
            what="settings.json written",
        )

    def test_columns_refresh_interval_and_colors_survive_a_restart(self):
        app = App()
        try:
            app.ensure_demo()
            app.find("column-ipv6")
            self.change(app, interval=("5 min", 300000), colors=("Dark", "dark"))
            app.wait(lambda d: not app.exists("column-ipv6"), what="the IPv6 column hidden")
        finally:
            app.quit()

        app = App()
        try:
            app.ensure_demo()
            app.wait(
                lambda d: self.interval(app).first_selected_option.text == "5 min"
                and not app.exists("column-ipv6")
                and d.execute_script(app.SCHEME) == "dark",
                what="the preferences back after the restart",
            )
            app.screenshot("preferences-after-restart")
            # The window itself is dark too, so index.html's frame is painted dark before any script.
            self.assertEqual(app.driver.execute_script(app.SYSTEM_SCHEME), "dark")
            # Back to the defaults for the tests that follow.
            self.change(app, interval=("30 s", 30000), colors=("As the system", "auto"))
            app.find("column-ipv6")
            # The window follows the system again: light in this session (fresh XDG dirs, no GTK settings).
            app.wait(lambda d: d.execute_script(app.SYSTEM_SCHEME) == "light", what="the window back to the system's colors")
        finally:
            app.quit()

        text = SETTINGS.read_text()
        self.assertTrue(saved()["imported_local_storage"])
        for provider in ("VULTR", "VPSNET", "VPS247", "CLOUDSIGMA", "VPSORG"):
            self.assertNotIn(demo_secret(provider), text)


if __name__ == "__main__":
    unittest.main()
