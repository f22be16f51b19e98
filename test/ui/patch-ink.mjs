// node --import tsx --import ./test/ui/patch-ink.mjs --test …: tests that import Ink
// statically get it patched as the app has it (source/ui/ink-caches.ts): a module
// hook only sees files loaded after it, hence an --import of its own. Plain
// JavaScript, and nothing off the main thread: worker threads inherit --import
// without tsx's hooks, so a .ts here would stop the list worker at its start.
import {isMainThread} from 'node:worker_threads';

if (isMainThread) {
	const {boundInkCaches} = await import('../../source/ui/ink-caches.ts');
	boundInkCaches();
	// The filter's regexes in linear time, as prepareMonitorProcess has them in the app.
	const {enableLinearRegExp} = await import('../../source/linear-regexp.ts');
	enableLinearRegExp();
}
