"""One screen a module: briefing, key figures, quiz, results, history, help, and the dialogs."""
