"""``python -m gtextract.batch batch|aggregate ...``."""

import sys

from gtextract.batch.cli import main

sys.exit(main())
