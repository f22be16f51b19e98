// A kill by a read-only (basic) REST API user, against the simulator: with Basic
// authentication MaxScale lists the sessions for that user but answers its DELETE with 401
// Access denied (admin.cc), and the outcome must say the user is read-only, not that the
// credentials are wrong.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';
import {summarize} from '../../source/model/outcome.js';
import {startSimulator} from '../../source/simulator/index.js';
import {runOperation} from '../../source/ui/effects.js';

test('a read-only user lists sessions, and its kill is refused in a sentence that says why', async (t) => {
	const simulator = await startSimulator({port: 0, sessions: 3, basicUser: {user: 'monitor', password: 'secret'}});
	const client = new Client({target: {origin: simulator.url, label: `127.0.0.1:${simulator.port}`}, user: 'monitor', password: 'secret', timeoutMs: 5000});
	t.after(async () => {
		await client.close();
		await simulator.close();
	});
	const list = await fetchSessionList(client);
	assert.ok(list.ok, 'the read-only user may list');
	const [first] = list.list.sessions;
	assert.ok(first);
	const target = {key: first.key, id: first.id, host: first.host, user: first.user, client: '', service: first.service};
	const outcomes = await runOperation(() => client, {seq: 1, kind: 'operation', operation: 'kill', targets: [target], gone: []});
	assert.equal(outcomes[0]?.status, 401);
	assert.match(summarize('kill', outcomes, []), /^Not killed: MaxScale refused it \(401 Access denied\) to a user it lets list sessions, a read-only \(basic\) user; use an admin user\.$/);
	assert.ok(simulator.sessionIds().includes(first.id), 'the session lives on');
});
