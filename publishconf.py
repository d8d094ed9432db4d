"""Settings for `make publish`: the local settings with absolute URLs."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.modules.pop("pelicanconf", None)  # this folder's, not one an earlier build in this process read
from pelicanconf import *  # noqa: E402,F403

SITEURL = "https://explainer.example.org"  # where the site is published; or make publish SITEURL=...
RELATIVE_URLS = False
# Served by a production web server (deploy/nginx.conf): hashed asset names, Pagefind's
# unused UI dropped, every text file precompressed (explainer/production.py).
PRODUCTION = True
