// Loaded from another origin by the test: its error reaches the page only as "Script error.", and is not the app's.
throw new Error('from another origin');
