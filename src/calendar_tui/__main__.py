from calendar_tui.cli import main

raise SystemExit(main())
