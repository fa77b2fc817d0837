"""`python -m bench [--quick] [--soak MINUTES] [--only SCENARIO...]` — see bench/README.md."""

import sys

from bench.runner import main

sys.exit(main())
