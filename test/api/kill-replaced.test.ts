// A kill's 404 is read against the MaxScale's version asked again then: another MaxScale may
// have taken the address since the version was learnt (a 2.5 answers 404 to every kill,
// and the operator must not be told a live session had ended). Against the simulator.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import type {Target} from '../../source/model/operations.js';
import {startSimulator, type ApiVersion} from '../../source/simulator/index.js';
import {runOperation} from '../../source/ui/effects.js';

async function killOn(apiVersion: ApiVersion, id?: string) {
	const simulator = await startSimulator({port: 0, sessions: 3, apiVersion});
	const label = `127.0.0.1:${simulator.port}`;
	const client = new Client({target: {origin: simulator.url, label}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
	try {
		const list = await fetchSessionList(client);
		assert.ok(list.ok);
		const [first] = list.list.sessions;
		assert.ok(first);
		// Known as a 22.08 when K was pressed: no `versionUnknown`.
		const target: Target = {key: id ?? first.id, id: id ?? first.id, host: label, user: first.user, client: '10.0.0.1:1', service: first.service};
		const outcomes = await runOperation(() => client, {seq: 1, kind: 'operation', operation: 'kill', targets: [target], gone: []});
		let state = reducer(initialState(), {type: 'server-info', info: {version: '22.08.14', askedAt: 0}});
		state = reducer(state, {type: 'operation-done', seq: 1, operation: 'kill', outcomes, gone: []});
		return {state, outcomes, alive: simulator.sessionIds().includes(first.id)};
	} finally {
		await client.close();
		await simulator.close();
	}
}

test('a kill answered 404 by what is now a 2.5: not "already ended", but that this MaxScale cannot kill; its version is taken', async () => {
	const {state, outcomes, alive} = await killOn('2.5');
	assert.equal(outcomes[0]?.status, 404);
	assert.ok(alive, 'the session lives on');
	assert.match(state.message?.text ?? '', /^Session \S+ \(.*\) was not killed: its MaxScale is now 2\.5\.\d+, older than 22\.08, which cannot kill sessions\.$/);
	assert.equal(state.message?.tone, 'error');
	assert.match(state.server?.version ?? '', /^2\.5\./);
});

test('a kill answered 404 by a 24.02 (the session ended meanwhile) still reads "already ended"', async () => {
	const {state, outcomes} = await killOn('24.02', '999999');
	assert.equal(outcomes[0]?.status, 404);
	assert.match(state.message?.text ?? '', /had already ended: nothing to kill\.$/);
	assert.match(state.server?.version ?? '', /^24\.02\./);
});
