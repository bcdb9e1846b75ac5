"""End-to-end: a tracked job's end reaches the desktop. The test's D-Bus
session has no notification daemon, so notification_daemon.py stands in for
one and records every Notify call; a Vultr snapshot is taken as a job, and
when it ends the app must have sent Notify with the job's title and outcome,
and list it under the header's bell."""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import unittest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from app import App

HERE = pathlib.Path(__file__).resolve().parent
# The doc's example server, seeded into the Vultr simulator.
DOC_SERVER = "576965"


class Notifications(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.record = pathlib.Path(tempfile.mkdtemp(dir=os.environ.get("VPSDESK_TEST_HOME"))) / "notify.jsonl"
        cls.daemon = subprocess.Popen([sys.executable, str(HERE / "notification_daemon.py"), str(cls.record)], stdout=subprocess.PIPE, text=True)
        assert cls.daemon.stdout.readline().strip() == "ready", "the stand-in notification daemon did not start"
        cls.app = App()
        cls.app.ensure_demo()

    @classmethod
    def tearDownClass(cls):
        cls.app.quit()
        cls.daemon.terminate()
        cls.daemon.wait()
        cls.daemon.stdout.close()

    def notified(self):
        try:
            return [json.loads(line) for line in self.record.read_text().splitlines()]
        except OSError:
            return []

    def test_a_jobs_end_is_a_desktop_notification(self):
        app = self.app
        app.open_server(DOC_SERVER, "snapshots")
        app.type("snapshot-description", "e2e notified")
        app.click("snapshot-create")
        app.wait(lambda d: "e2e notified" in app.text("snapshots-table"), what="the new snapshot listed")
        app.close_drawer()
        app.click("jobs-button")
        job = app.wait(lambda d: app.all('[data-testid^="job-state-"]'), what="the job listed")[0]
        job_id = job.get_attribute("data-testid")[len("job-state-"):]
        title = app.find(f"job-{job_id}").find_element(By.CSS_SELECTOR, "p[title]").get_attribute("title")
        app.wait(lambda d: app.text(f"job-state-{job_id}") == "succeeded", timeout=60, what="the job succeeded")
        app.driver.find_element(By.TAG_NAME, "body").send_keys(Keys.ESCAPE)
        app.wait(lambda d: not app.exists("jobs-drawer"), what="jobs closed")

        sent = app.wait(lambda d: [n for n in self.notified() if n["summary"] == f"{title}: done"], what="Notify with the job's title")
        self.assertEqual(sent[0]["body"], "Demo Vultr: Snapshot complete")
        self.assertEqual(len(sent), 1, "one notification per job")

        app.click("notices-button")
        listed = app.find("notices-list")
        app.wait(lambda d: f"{title}: done" in app.text_of(listed), what="the notification listed in the app")
        # Off the bell, so its tooltip does not cover the list.
        ActionChains(app.driver).move_to_element(listed).perform()
        app.screenshot("notification-job-end")


if __name__ == "__main__":
    unittest.main()
