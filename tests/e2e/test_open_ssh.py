"""End-to-end: Open SSH from a server's row starts the terminal of the
preferences with `ssh user@address`. The terminal is a small script that
writes the arguments it was started with to a file, set through the
preferences panel as a user would."""
import json
import os
import pathlib
import stat
import tempfile
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.file_detector import UselessFileDetector

from app import DemoAppCase

SETTINGS = pathlib.Path(os.environ.get("XDG_CONFIG_HOME", pathlib.Path.home() / ".config")) / "vpsdesk" / "settings.json"
# The doc's example server, seeded into the Vultr simulator.
DOC_SERVER = "576965"


def saved():
    try:
        return json.loads(SETTINGS.read_text())
    except (OSError, ValueError):
        return {}


class OpenSsh(DemoAppCase):
    def set_terminal(self, command):
        app = self.app
        app.click("preferences-button")
        # A path to an existing file is typed as text, not uploaded as that file.
        with app.driver.file_detector_context(UselessFileDetector):
            # An empty command is typed as the clearing alone.
            field = app.type("preference-terminal", command or Keys.BACKSPACE)
        field.send_keys(Keys.ENTER)
        app.wait(lambda d: saved().get("terminal_command") == (command or None), what="the terminal saved")
        app.find("preference-terminal").send_keys(Keys.ESCAPE)  # the field is new once saved
        app.wait(lambda d: not app.visible(app.all('[data-testid="preferences-panel"]')), what="preferences closed")

    def test_open_ssh_from_a_row(self):
        app = self.app
        folder = pathlib.Path(tempfile.mkdtemp(dir=os.environ.get("VPSDESK_TEST_HOME")))
        terminal, argv = folder / "fake-terminal", folder / "argv.txt"
        terminal.write_text(f'#!/bin/sh\nprintf "%s " "$@" > "{argv}.part" && mv "{argv}.part" "{argv}"\n')
        terminal.chmod(terminal.stat().st_mode | stat.S_IXUSR)
        self.set_terminal(str(terminal))
        try:
            app.click("nav-servers")
            app.type("search-input", DOC_SERVER)
            row = app.wait(lambda d: app.visible(app.all(f'[data-testid$="-{DOC_SERVER}"][data-testid^="server-row-"]')), what="the server's row")
            key = row.get_attribute("data-testid")[len("server-row-"):]
            ipv4 = app.text_of(row.find_element(By.CSS_SELECTOR, ".cell-ipv4 .mono"))
            app.driver.execute_script("arguments[0].click()", app.find(f"action-more-{key}"))
            app.settle(app.find(f"action-ssh-{key}"))
            app.screenshot("open-ssh-menu")
            app.click(f"action-ssh-{key}")
            app.wait(lambda d: argv.exists(), what="the terminal started")
            self.assertEqual(argv.read_text().strip(), f"ssh root@{ipv4}")
        finally:
            self.set_terminal("")


if __name__ == "__main__":
    unittest.main()
