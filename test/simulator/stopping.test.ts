// Sessions built "Stopping session": a close under way, which in MaxScale completes shortly.

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {attributesOf, dataOf, getJson, start} from './helpers.js';

async function stoppingIds(sim: Awaited<ReturnType<typeof start>>): Promise<string[]> {
	return dataOf(await getJson(sim, '/v1/sessions?fields[sessions]=state'))
		.filter(s => attributesOf(s)['state'] === 'Stopping session')
		.map(s => String((s as {id: string}).id));
}

describe('stopping sessions', () => {
	it('end among churn\'s first closes, the count staying as churn keeps it', async () => {
		const sim = await start({sessions: 1000, churn: 10, seed: 1});
		try {
			const stopping = await stoppingIds(sim);
			assert.equal(stopping.length, 5);
			sim.clock.advance(1000);
			assert.deepEqual(await stoppingIds(sim), []);
			const ids = sim.sessionIds();
			assert.equal(ids.length, 1000);
			assert.ok(stopping.every(id => !ids.includes(id)));
		} finally {
			await sim.close();
		}
	});

	it('stay while the population is frozen (churn 0), as nothing then opens or closes', async () => {
		const sim = await start({sessions: 1000, seed: 1});
		try {
			const stopping = await stoppingIds(sim);
			assert.equal(stopping.length, 5);
			sim.clock.advance(3_600_000);
			assert.deepEqual(await stoppingIds(sim), stopping);
		} finally {
			await sim.close();
		}
	});
});
