"""Take screenshots of pages as a signed-in user, for looking at them:
`python tools/screenshots.py [--user admin] [--base http://127.0.0.1:8000] /path/ ...`
Images go to test-artifacts/screens/ (ignored by git)."""

import argparse
import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent.parent))  # run as a script from the checkout

from core.testing.browser import chromium_page  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--user", default="admin")
    parser.add_argument("--password", default="demo12345")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--width", type=int, default=1366)
    parser.add_argument("--out", default="test-artifacts/screens")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with chromium_page(args.width) as page:
        if args.user != "-":
            page.goto(f"{args.base}/tai-khoan/dang-nhap/")
            page.fill("input[name=username]", args.user)
            page.fill("input[name=password]", args.password)
            page.click("button[type=submit]")
        for path in args.paths:
            page.goto(f"{args.base}{path}")
            page.wait_for_load_state("networkidle")
            name = re.sub(r"[^a-z0-9]+", "-", f"{args.user}-{path}".lower()).strip("-") or "root"
            target = out / f"{name}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target)


if __name__ == "__main__":
    main()
