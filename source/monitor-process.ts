// What the monitor's process sets before React and Ink are loaded. One place, so that
// the bench and the soak run with exactly what the binary runs with (source/cli.tsx).

import {limitHeapGrowth} from './heap-growth.js';
import {boundInkCaches} from './ui/ink-caches.js';

export function prepareMonitorProcess(): void {
	// React's development build diffs every render's props (the whole state): far
	// too slow for thousands of sessions. A developer can still set NODE_ENV.
	process.env['NODE_ENV'] ??= 'production';
	// Before Ink is loaded: its text caches would otherwise grow for as long as the monitor runs.
	boundInkCaches();
	// Each poll's dead list is collected within a poll or so, rather than piling up (heap-growth.ts).
	limitHeapGrowth();
}
