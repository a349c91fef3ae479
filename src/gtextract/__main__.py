"""``python -m gtextract`` runs the CLI."""

from gtextract.cli import main

raise SystemExit(main())
