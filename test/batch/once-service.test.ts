// --once for a session that names no service (no relationships.services): the table says
// `(no service)`, as the screen's cell and group row do; `?` is for what your version does
// not report.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {sessionResource, startFaultServer} from '../helpers/fault-server.js';
import {runCli, skipWithoutBuild} from './helpers.js';

test('--once: a session with no service shows (no service), as on the screen', {skip: skipWithoutBuild}, async (t) => {
	const bare = sessionResource('2', {user: 'bare'}) as {relationships?: unknown};
	delete bare.relationships;
	const server = await startFaultServer({sessions: [sessionResource('1', {user: 'app'}), bare]});
	t.after(async () => server.close());
	const run = await runCli(['-h', server.label, '--once']);
	assert.equal(run.code, 0, run.stderr);
	const [header, first, second] = run.stdout.trimEnd().split('\n');
	assert.match(header!, /Service +Server$/);
	assert.match(first!, /^ *1 +app .* RW-Split-Router +server1$/);
	assert.match(second!, /^ *2 +bare .* \(no service\) +server1$/, run.stdout);
});
