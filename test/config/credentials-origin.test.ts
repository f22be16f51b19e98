// A 401 names where the user and the password came from, and the user tried, never the
// password: "check --user and --password" sent an operator whose password was in the config
// file (cut by ini at a `#`) or a variable after options never given. An empty `p =` read
// with no terminal names the key, not a pipe no one set up.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {describeStatus} from '../../source/api/errors.js';
import {credentialsOrigin} from '../../source/config/credentials.js';
import {buildConfig, loadConfig, type Config} from '../../source/config/options.js';
import {noPasswordSentence} from '../../source/config/password.js';
import {tempDir} from '../batch/helpers.js';

function ok(config: Config | {error: string}): Config {
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	return config;
}

const refused = '{"errors": [{"detail": "Access denied"}]}';

test('the 401 sentence names each credential\'s source, the user, and never the password', (t) => {
	const home = tempDir(t);
	const file = path.join(home, '.maxctrl.cnf');
	writeFileSync(file, '[maxctrl]\nuser = mon\npassword = Mx#2024;prod\n', {mode: 0o600});
	const fromFile = credentialsOrigin(ok(loadConfig({}, {}, home)));
	assert.equal(
		fromFile,
		`the user "mon" (user in [maxctrl] of ${file}) and the password (password in [maxctrl] of ${file}; a # or ; in a value starts a comment unless quoted)`,
	);
	const sentence = describeStatus(401, refused, 'mx:8989', 'the session list', {credentials: fromFile}).message;
	assert.equal(
		sentence,
		`mx:8989 refused the credentials (401 Access denied): check the user "mon" (user in [maxctrl] of ${file}) and the password (password in [maxctrl] of ${file}; a # or ; in a value starts a comment unless quoted).`,
	);
	// No piece of the password anywhere but in the file's own name, whose random part can hold `Mx`.
	assert.doesNotMatch(sentence.replaceAll(file, '<file>'), /Mx|2024|prod/);

	const cases: Array<[Config, string]> = [
		[ok(buildConfig({user: 'alice', password: 'pw-1'})), 'the user "alice" (--user) and the password (--password)'],
		[ok(buildConfig({}, {env: {MAXCTRL_USER: 'bob', SESSIONTOP_PASSWORD: 'pw-2'}})), 'the user "bob" (MAXCTRL_USER) and the password (SESSIONTOP_PASSWORD)'],
		[ok(buildConfig({})), 'the user "admin" (the default: give -u) and the default password (none was given: give -p)'],
		// A user name is shown, but never raw: it is the operator's text, yet still text.
		[ok(buildConfig({user: 'ev\u001B[2Jil', password: 'x'})), 'the user "ev\uFFFD[2Jil" (--user) and the password (--password)'],
	];
	for (const [config, expected] of cases) {
		assert.equal(credentialsOrigin(config), expected);
	}

	// Asked for: how it came, and the empty setting that asked.
	const asked = ok(buildConfig({password: ''}));
	assert.equal(credentialsOrigin(asked, 'prompt'), 'the user "admin" (the default: give -u) and the password typed at the prompt (--password is empty)');
	assert.equal(credentialsOrigin(asked, 'stdin'), 'the user "admin" (the default: give -u) and the password on stdin\'s first line (--password is empty)');

	// Without it (a client made in code): the words as before.
	assert.match(describeStatus(401, refused, 'mx:8989', 'the session list').message, /: check --user and --password\.$/);
});

test('an empty p = in the file, read from an empty stdin, names the key, not a pipe', () => {
	const where = 'p in [maxctrl] of /home/u/.maxctrl.cnf';
	assert.equal(
		noPasswordSentence('empty', where),
		`${where} is empty, which asks for the password, but stdin is no terminal and held nothing: write the password there, or pipe it into sessiontop.`,
	);
	assert.equal(
		noPasswordSentence('blank', where),
		`${where} is empty, which asks for the password, but stdin is no terminal and began with a blank line: write the password there, or pipe it into sessiontop.`,
	);
	// -p '' typed: the pipe is the operator's own, as before.
	assert.equal(noPasswordSentence('empty'), 'stdin held no password (it was empty): check what is piped into sessiontop.');
	assert.equal(noPasswordSentence('cancelled', where), 'no password given (cancelled).');
});
