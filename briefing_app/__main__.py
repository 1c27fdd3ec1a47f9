from briefing_app.launcher import main

raise SystemExit(main())
