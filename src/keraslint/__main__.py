from keraslint.cli import main

raise SystemExit(main())
