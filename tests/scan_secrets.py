"""After the whole suite: no test secret may appear in any file the tests
wrote under their private HOME/XDG dirs, logs or artifacts.

Usage: scan_secrets.py DIR [DIR ...]. The secrets are the demo accounts' keys
(read from the sandbox source, so a new provider is covered automatically)
and the keys in tests/test-secrets.txt. Each is looked for as typed, URL-
encoded, and inside base64 at any alignment (an `Authorization: Basic`
header carries `user:secret` encoded). The logs (the cargo test log and the
tauri-driver logs) are written under the test home, so they are scanned too.
"""
import base64
import pathlib
import re
import sys
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parent.parent


def secrets():
    found = set()
    sandbox = ROOT / "src-tauri" / "sandbox" / "src"
    for provider in sorted(p for p in sandbox.iterdir() if p.is_dir() and p.name != "common"):
        # Every demo secret follows this pattern (see the sandbox's demo accounts).
        demo = {m.group(1) for src in provider.rglob("*.rs") for m in re.finditer(r'"(VPSDESK0DEMO\w{8,})"', src.read_text())}
        if not demo:
            raise SystemExit(f"scan_secrets: no demo secret found for the {provider.name} simulator; the scan would miss it")
        found |= demo
    extra = ROOT / "tests" / "test-secrets.txt"
    if extra.exists():
        found.update(l.strip() for l in extra.read_text().splitlines() if l.strip() and not l.startswith("#"))
    return sorted(found)


def base64_cores(secret):
    """The part of base64(prefix + secret) that is the same whatever the
    prefix, for each of the three alignments."""
    cores = []
    raw = secret.encode()
    for shift in range(3):
        enc = base64.b64encode(b"\0" * shift + raw).decode().rstrip("=")
        start = (shift * 4 + 2) // 3 + (1 if shift else 0)
        end = len(enc) - 2
        if end - start >= 8:
            cores.append(enc[start:end].encode())
    return cores


def forms(secret):
    out = {secret.encode(), urllib.parse.quote(secret, safe="").encode(), urllib.parse.quote_plus(secret).encode()}
    out.update(base64_cores(secret))
    return sorted(out)


def main(dirs):
    keys = secrets()
    patterns = {k: forms(k) for k in keys}
    if not keys:
        print("scan_secrets: found no test secrets to look for", file=sys.stderr)
        return 1
    scanned, leaks = 0, []
    for d in dirs:
        for path in pathlib.Path(d).rglob("*"):
            if not path.is_file() or path.is_symlink():
                continue
            # gnome-keyring's own store holds the secrets, encrypted: that is the keychain.
            if "keyrings" in path.parts:
                continue
            try:
                data = path.read_bytes()
            except OSError:
                continue
            scanned += 1
            for k, variants in patterns.items():
                if any(v in data for v in variants):
                    leaks.append(f"{path}: contains a test secret ({k[:6]}…)")
    for l in leaks:
        print("LEAK", l)
    print(f"scan_secrets: {len(keys)} secrets, {scanned} files, {len(leaks)} leaks")
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
