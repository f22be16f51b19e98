// What the monitor's process sets before React and Ink are loaded. One place, so that
// the bench and the soak run with exactly what the binary runs with (source/cli.tsx).

import {limitHeapGrowth} from './heap-growth.js';
import {enableLinearRegExp} from './linear-regexp.js';

/**
 * `inkPatched`: Ink comes from build/ui/monitor-bundle.js, patched when it was built
 * (monitor-bundle.ts); otherwise it is loaded from node_modules and patched as it loads
 * (the hook's modules are loaded only then).
 */
export async function prepareMonitorProcess({inkPatched = false}: {inkPatched?: boolean} = {}): Promise<void> {
	// React's development build diffs every render's props (the whole state): far
	// too slow for thousands of sessions. A developer can still set NODE_ENV.
	process.env['NODE_ENV'] ??= 'production';
	if (!inkPatched) {
		// Before Ink is loaded: its text caches would otherwise grow for as long as the monitor runs.
		const {boundInkCaches} = await import('./ui/ink-caches.js');
		boundInkCaches();
	}

	// FORCE_COLOR=0 asks for no colour, and Ink's chalk takes it as no style at all: the filter
	// prompt's cursor, the key hints' boxes and a changed value's mark are all inverse, and would
	// vanish. The screen then goes monochrome as htop's does: no colour (NO_COLOR's theme), bold,
	// dim and inverse kept. Batch output never gets here, and writes no styles.
	if (/^(?:0|false)$/i.test(process.env['FORCE_COLOR'] ?? '')) {
		process.env['FORCE_COLOR'] = '1';
		process.env['NO_COLOR'] = '1';
	}

	// Each poll's dead list is collected within a poll or so, rather than piling up (heap-growth.ts).
	limitHeapGrowth();
	// The filter's regexes in linear time, so that no server's text can hold the keys (model/filter-regex.ts).
	enableLinearRegExp();
}
