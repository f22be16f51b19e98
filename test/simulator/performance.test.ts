// A coarse guard against performance regressions of the compact list (the path a monitor polls).
// Normal numbers are ~20x below the limits, so a loaded CI machine does not make it flaky; see
// bench.ts for real measurements.

import assert from 'node:assert/strict';
import {it} from 'node:test';
import {call, start} from './helpers.js';

it('serves a 10,000-session compact list quickly, twice in a row with the same size', async () => {
	const sim = await start({sessions: 10_000});
	try {
		const first = await call(sim, '/v1/sessions?pretty=false');
		assert.equal(first.status, 200);
		const started = performance.now();
		const second = await call(sim, '/v1/sessions?pretty=false');
		const elapsed = performance.now() - started;
		assert.equal(second.text.length, first.text.length);
		assert.ok(elapsed < 3000, `took ${Math.round(elapsed)} ms`);
		assert.equal((JSON.parse(second.text) as {data: unknown[]}).data.length, 10_000);
	} finally {
		await sim.close();
	}
});
