// Credentials put in a host entry never come back in its sentence, wherever the `@`
// stands: a password holding `?` or `#` once had the text before the cut quoted, the
// user and the start of the password with it (`"admin:1234?…"`).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {buildConfig} from '../../source/config/options.js';
import {parseTarget} from '../../source/config/target.js';

const credentials = 'put credentials in --user and --password (or the environment), not in the host URL.';

test('a ? or # inside the credentials of an entry: the credentials sentence, nothing quoted', () => {
	// URL reads each of these as host `admin` (or `u`) and a port, and the rest as a query or fragment.
	for (const entry of ['admin:1234?x@mx:8989', 'http://admin:12#34@mx:8989', 'https://u:99#b?c@mx/maxscale/', 'admin?:pw@mx']) {
		assert.equal(parseTarget(entry, false), credentials, entry);
	}

	// Those URL cannot read at all are quoted from the last @ on, as before.
	for (const entry of ['admin:p?w@mx', 'admin:s3#cret@mx:8989']) {
		const said = parseTarget(entry, false);
		assert.ok(typeof said === 'string' && !/admin|p\?w|s3/.test(said), `${entry}: ${String(said)}`);
	}

	// From the config file or a variable: the sentence names where the entry was.
	const fromEnv = buildConfig({}, {env: {SESSIONTOP_HOSTS: 'admin:1234?x@mx:8989'}});
	assert.ok('error' in fromEnv);
	assert.equal(fromEnv.error, `SESSIONTOP_HOSTS: ${credentials}`);
	assert.doesNotMatch(fromEnv.error, /admin|1234/);
});

test('an entry with a query and no credentials is still quoted up to the cut', () => {
	assert.equal(parseTarget('mx:8989?x', false), '"mx:8989?…": a host takes no query or fragment (sessiontop writes each request\'s own): leave out the ? and what follows it.');
	assert.equal(parseTarget('http://admin:pw@mx:8989', false), credentials);
});
