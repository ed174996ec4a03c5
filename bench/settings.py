"""Settings of the benchmark: the production settings module, unchanged, plus what only the
benchmark needs. Selected with DJANGO_SETTINGS_MODULE=bench.settings by `bench/run.py`.

- ROOT_URLCONF adds the baseline view next to the real URLs (production URLs stay untouched).
- The per-address limit of the online request form is lifted: every simulated citizen comes from
  127.0.0.1, and the benchmark measures throughput, not the limiter.
- The DIP import accepts the 10,000-row spreadsheet the benchmark imports.
- PPID_PAGE_CACHE follows BENCH_PAGE_CACHE, so one run measures pages with and without the
  public page cache.
"""

import os

from ppid_portal.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"

PPID_BATAS_AJUKAN = (1_000_000, 60 * 60)
INFORMASI_IMPORT_MAX_ROWS = 10_000
PPID_PAGE_CACHE = os.environ.get("BENCH_PAGE_CACHE", "1") == "1"
