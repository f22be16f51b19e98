// The config file for real: files on disk read with npm's ini parser (maxctrl's own),
// a maxctrl user's ~/.maxctrl.cnf working unchanged, the [sessiontop] section, the
// default file being optional and a named one not, the permission warning; and the
// built CLI honouring flag > environment > file > default against a simulator.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {chmodSync, chownSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {after, before, test} from 'node:test';
import {readConfigFile} from '../../source/config/config-file.js';
import {loadConfig, type Config} from '../../source/config/options.js';
import type {Simulator} from '../../source/simulator/index.js';
import {assertOneLine, runCli, simulator, skipWithoutBuild, tempDir} from '../batch/helpers.js';

function ok(config: Config | {error: string}): Config {
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	return config;
}

function write(dir: string, name: string, text: string, mode = 0o600): string {
	const file = path.join(dir, name);
	writeFileSync(file, text, {mode});
	return file;
}

test("maxctrl's documented file works unchanged", (t) => {
	const home = tempDir(t);
	// The example from maxctrl's documentation, and the usual HTTPS one.
	write(home, '.maxctrl.cnf', '[maxctrl]\nu = my-name\np = my-password\n');
	const config = ok(loadConfig({}, {}, home));
	assert.equal(config.user, 'my-name');
	assert.equal(config.password, 'my-password');
	assert.equal(config.configFile, path.join(home, '.maxctrl.cnf'));
	assert.deepEqual(config.warnings, []);

	write(home, 'https.cnf', '[maxctrl]\nsecure\ntls-ca-cert=/etc/ssl/myCA.pem\nhosts=maxscale.example.com:8989\n');
	const https = ok(loadConfig({config: path.join(home, 'https.cnf')}, {}, home));
	assert.equal(https.targets[0]?.origin, 'https://maxscale.example.com:8989');
	assert.equal(https.tlsCaCert, '/etc/ssl/myCA.pem');
});

test('ini as maxctrl reads it: comments, quotes, inline ; and #, spaces, long names', (t) => {
	const home = tempDir(t);
	const file = write(
		home,
		'x.cnf',
		[
			'; a comment',
			'# another',
			'[maxctrl]',
			'user = "quoted user"',
			"password = 'p#ss;word'",
			'hosts = mx1:8989,mx2:8989 ; two of them',
			'timeout=5s',
			'tls-verify-server-cert = false',
			'[other]',
			'user = ignored',
			'[sessiontop]',
			'interval = 1s',
			'sort = -memory',
			'grouping = service',
			'readonly',
		].join('\n'),
	);
	const config = ok(loadConfig({config: file}, {}, home));
	assert.equal(config.user, 'quoted user');
	assert.equal(config.password, 'p#ss;word');
	assert.deepEqual(
		config.targets.map((target) => target.label),
		['mx1:8989', 'mx2:8989'],
	);
	assert.equal(config.timeoutMs, 5000);
	assert.equal(config.tlsVerify, false);
	assert.equal(config.intervalMs, 1000);
	assert.deepEqual(config.sort, {key: 'memory', descending: true});
	assert.equal(config.grouping, 'service');
	assert.equal(config.readonly, true);
});

test('a file with only [sessiontop] is fine; one with neither section is not', (t) => {
	const home = tempDir(t);
	const own = write(home, 'own.cnf', '[sessiontop]\ninterval = 3s\n');
	assert.equal(ok(loadConfig({config: own}, {}, home)).intervalMs, 3000);
	const neither = write(home, 'neither.cnf', 'user = x\n[client]\nuser = y\n');
	const result = loadConfig({config: neither}, {}, home);
	assert.ok('error' in result);
	assert.equal(result.error, `the config file ${neither} has no [maxctrl] or [sessiontop] section: put the options under one of them.`);
});

test('the default file may be missing; a named one (-c or SESSIONTOP_CONFIG) may not', (t) => {
	const home = tempDir(t);
	assert.equal(ok(loadConfig({}, {}, home)).configFile, undefined);
	for (const [flags, env, namedBy] of [
		[{config: path.join(home, 'nope.cnf')}, {}, '-c'],
		[{}, {SESSIONTOP_CONFIG: path.join(home, 'nope.cnf')}, 'SESSIONTOP_CONFIG'],
		[{config: path.join(home, 'nope.cnf')}, {SESSIONTOP_CONFIG: path.join(home, 'other.cnf')}, '-c'],
	] as const) {
		const result = loadConfig(flags, env, home);
		assert.ok('error' in result);
		assert.equal(result.error, `the config file ${path.join(home, 'nope.cnf')} does not exist: check ${namedBy}.`);
	}

	mkdirSync(path.join(home, 'folder.cnf'));
	const folder = loadConfig({config: path.join(home, 'folder.cnf')}, {}, home);
	assert.ok('error' in folder && /is a folder/.test(folder.error));
	// ~ works in a named path even when no shell expanded it.
	write(home, 'tilde.cnf', '[maxctrl]\nu = tilde\n');
	assert.equal(ok(loadConfig({config: '~/tilde.cnf'}, {}, home)).user, 'tilde');
});

// No -c was given for ~/.maxctrl.cnf: "check -c" would point at an option never typed.
test('the default file that is a folder or unreadable: what to do with it, or -c for another', (t) => {
	const home = tempDir(t);
	const file = path.join(home, '.maxctrl.cnf');
	mkdirSync(file);
	const folder = loadConfig({}, {}, home);
	assert.ok('error' in folder);
	assert.equal(folder.error, `the default config file ${file} is a folder, not a file: remove it, or name another file with -c.`);
	const named = loadConfig({config: file}, {}, home);
	assert.ok('error' in named);
	assert.equal(named.error, `the config file ${file} is a folder, not a file: check -c.`);
	if (process.getuid?.() !== 0) {
		const locked = tempDir(t);
		write(locked, '.maxctrl.cnf', '[maxctrl]\nu = x\n', 0o000);
		const unreadable = loadConfig({}, {}, locked);
		assert.ok('error' in unreadable);
		assert.equal(
			unreadable.error,
			`the default config file ${path.join(locked, '.maxctrl.cnf')} cannot be read (permission denied): make it readable (chmod 600), or name another file with -c.`,
		);
	}
});

test('an empty -c or SESSIONTOP_CONFIG says which of the two', (t) => {
	const home = tempDir(t);
	const flag = loadConfig({config: ''}, {}, home);
	assert.ok('error' in flag);
	assert.equal(flag.error, '-c names no file: give a path, e.g. -c ~/.maxctrl.cnf.');
	const variable = loadConfig({}, {SESSIONTOP_CONFIG: '  '}, home);
	assert.ok('error' in variable);
	assert.equal(variable.error, 'SESSIONTOP_CONFIG names no file: give a path, e.g. SESSIONTOP_CONFIG=~/.maxctrl.cnf.');
});

test('an unreadable named file is one sentence', {skip: process.getuid?.() === 0 ? 'root reads everything' : false}, (t) => {
	const home = tempDir(t);
	const file = write(home, 'locked.cnf', '[maxctrl]\nu = x\n', 0o000);
	const result = loadConfig({config: file}, {}, home);
	assert.ok('error' in result);
	assert.match(result.error, /cannot be read \(permission denied\)/);
});

test('a password others can read: one warning, like ssh, and it still works', (t) => {
	const home = tempDir(t);
	const open = write(home, '.maxctrl.cnf', '[maxctrl]\nuser = me\npassword = secret\n', 0o644);
	const config = ok(loadConfig({}, {}, home));
	assert.equal(config.password, 'secret');
	assert.deepEqual(config.warnings, [`${open} holds a password and other users can read it (mode 0644): run chmod 600 ${open}.`]);
	assert.doesNotMatch(config.warnings[0]!, /secret/);
	// No password, no warning; owner-only, no warning.
	write(home, 'nopw.cnf', '[maxctrl]\nuser = me\n', 0o644);
	assert.deepEqual(ok(loadConfig({config: path.join(home, 'nopw.cnf')}, {}, home)).warnings, []);
	const read = readConfigFile(write(home, 'private.cnf', '[maxctrl]\np = x\n', 0o600), '-c');
	assert.ok(read.ok);
	assert.deepEqual(read.warnings, []);
	// QA: `p =` holds no password (it asks for one): no warning about it.
	const empty = readConfigFile(write(home, 'empty.cnf', '[maxctrl]\nhosts = mx:8989\np =\n', 0o644), '-c');
	assert.ok(empty.ok);
	assert.deepEqual(empty.warnings, []);
});

test('a TLS key passphrase others can read: the same warning, as secret as a password (QA)', (t) => {
	const home = tempDir(t);
	for (const [line, held] of [
		['tls-passphrase = k3y-pass', 'a TLS key passphrase'],
		['tlsPassphrase = k3y-pass', 'a TLS key passphrase'],
		// Written without `=`, it is still there, ignored or not.
		['tls-passphrase: k3y-pass', 'a TLS key passphrase'],
		['tls-passphrase = k3y-pass\npassword = secret', 'a password and a TLS key passphrase'],
	] as const) {
		const file = write(home, 'tls.cnf', `[maxctrl]\ntls-key = key.pem\n${line}\n`, 0o604);
		const read = readConfigFile(file, '-c');
		assert.ok(read.ok, line);
		assert.deepEqual(read.warnings.filter((text) => text.includes('other users')), [`${file} holds ${held} and other users can read it (mode 0604): run chmod 600 ${file}.`], line);
		assert.doesNotMatch(read.warnings.join('\n'), /k3y-pass|secret/, line);
	}

	// None given, or owner-only: no warning.
	const none = readConfigFile(write(home, 'none.cnf', '[maxctrl]\ntls-passphrase =\n', 0o644), '-c');
	assert.ok(none.ok && none.warnings.length === 0, none.ok ? none.warnings.join('\n') : none.error);
	const owner = readConfigFile(write(home, 'owner.cnf', '[maxctrl]\ntls-passphrase = k3y-pass\n', 0o600), '-c');
	assert.ok(owner.ok && owner.warnings.length === 0);
});

test('QA: a config file others can change, or another user\'s, is said, password or none: it can send the password elsewhere', (t) => {
	const home = tempDir(t);
	const file = write(home, 'shared.cnf', '[maxctrl]\nhosts = mx:8989\n');
	chmodSync(file, 0o666);
	const read = readConfigFile(file, '-c');
	assert.ok(read.ok);
	assert.deepEqual(read.warnings, [`${file} can be changed by other users (mode 0666): whoever changes it can send sessiontop, and your password, to a host of theirs; run chmod go-w ${file}.`]);
	chmodSync(file, 0o620);
	assert.match((readConfigFile(file, '-c') as {warnings: string[]}).warnings.join('\n'), /mode 0620/);
	chmodSync(file, 0o644);
	assert.deepEqual((readConfigFile(file, '-c') as {warnings: string[]}).warnings, [], 'readable by others, holding no secret: nothing to say');
	// Holding a password, read and changed by others: one sentence, one chmod.
	const secret = write(home, 'secret.cnf', '[maxctrl]\nhosts = mx:8989\npassword = s3cret\n');
	chmodSync(secret, 0o666);
	assert.deepEqual((readConfigFile(secret, '-c') as {warnings: string[]}).warnings, [`${secret} holds a password and other users can read and change it (mode 0666): run chmod 600 ${secret}.`]);
	// Another user's (root may give it away; as anyone else the test has no one to give it to).
	if (process.getuid?.() === 0) {
		chownSync(file, 65_534, 65_534);
		assert.deepEqual((readConfigFile(file, '-c') as {warnings: string[]}).warnings, [`${file} belongs to another user (uid 65534): whoever changes it can send sessiontop, and your password, to a host of theirs; make it yours.`]);
	}
});

let sim: Simulator;
before(async () => {
	sim = await simulator({user: 'operator', password: 'from-the-file'});
});
after(async () => {
	await sim.close();
});

test('the CLI: flag > environment > config file > default, end to end', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const host = `127.0.0.1:${sim.port}`;
	write(home, '.maxctrl.cnf', `[maxctrl]\nhosts = ${host}\nu = operator\np = from-the-file\n\n[sessiontop]\nsort = user desc\n`);
	const count = (run: {stdout: string}) => (JSON.parse(run.stdout) as unknown[]).length;
	const [fileOnly, envWrong, envRight, flagWins, bad, table] = await Promise.all([
		runCli(['--json'], {home}),
		runCli(['--json'], {home, env: {SESSIONTOP_PASSWORD: 'env-wrong-pw'}}),
		runCli(['--json'], {home, env: {SESSIONTOP_HOSTS: '127.0.0.1:1', MAXCTRL_PASSWORD: 'from-the-file'}}),
		runCli(['--json', '-h', host, '-p', 'from-the-file'], {home, env: {SESSIONTOP_HOSTS: '127.0.0.1:1', SESSIONTOP_PASSWORD: 'env-wrong-pw'}}),
		runCli(['--json', '-p', 'flag-wrong-pw'], {home}),
		runCli(['--once'], {home}),
	]);
	assert.equal(fileOnly.code, 0, fileOnly.stderr);
	assert.equal(count(fileOnly), 6, 'the file gives host, user and password');
	assert.equal(envWrong.code, 1, 'the environment beats the file');
	assert.match(assertOneLine(envWrong.stderr, 'env-wrong-pw'), /refused the credentials \(401/);
	assert.equal(envRight.code, 1, 'SESSIONTOP_HOSTS beats the file');
	assert.match(assertOneLine(envRight.stderr), /127\.0\.0\.1:1 refused the connection:/);
	assert.equal(flagWins.code, 0, `flags beat the environment: ${flagWins.stderr}`);
	assert.equal(bad.code, 1, 'a flag beats the file');
	assertOneLine(bad.stderr, 'flag-wrong-pw');
	const users = table.stdout.trimEnd().split('\n').slice(1).map((line) => line.trim().split(/\s+/)[1]!);
	assert.deepEqual(users, [...users].sort().reverse(), '[sessiontop] sort = user desc');
});

test('the CLI warns once on stderr about a readable file with a TLS key passphrase, and goes on', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const file = write(home, '.maxctrl.cnf', `[maxctrl]\nhosts = 127.0.0.1:${sim.port}\nuser = operator\ntls-passphrase = k3y-pass\n`, 0o644);
	const run = await runCli(['--tsv', '-p', 'from-the-file'], {home});
	assert.equal(run.code, 0, run.stderr);
	assert.equal(assertOneLine(run.stderr, 'k3y-pass'), `sessiontop: warning: ${file} holds a TLS key passphrase and other users can read it (mode 0644): run chmod 600 ${file}.`);
	assert.equal(run.stdout.split('\n').length, 7);
});

test('the CLI warns once on stderr about a readable password file, and goes on', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const file = write(home, '.maxctrl.cnf', `[maxctrl]\nhosts = 127.0.0.1:${sim.port}\nuser = operator\npassword = from-the-file\n`, 0o640);
	const run = await runCli(['--tsv'], {home});
	assert.equal(run.code, 0, run.stderr);
	assert.equal(assertOneLine(run.stderr, 'from-the-file'), `sessiontop: warning: ${file} holds a password and other users can read it (mode 0640): run chmod 600 ${file}.`);
	assert.equal(run.stdout.split('\n').length, 7);
});

test('ini is loaded only when there is a file to parse (~9 ms of every start otherwise)', (t) => {
	const dir = tempDir(t);
	const file = write(dir, 'config', '[maxctrl]\nu = admin\n');
	// A process of its own, where nothing else has loaded ini: it shows in require's cache once loaded.
	const script = `
		import {createRequire} from 'node:module';
		const {readConfigFile} = await import(${JSON.stringify(new URL('../../source/config/config-file.ts', import.meta.url).href)});
		const {cache} = createRequire(import.meta.url);
		const loaded = () => Object.keys(cache).some((name) => /[\\\\/]node_modules[\\\\/]ini[\\\\/]/.test(name));
		const imported = loaded();
		const missing = readConfigFile(${JSON.stringify(path.join(dir, 'none'))}, undefined);
		const afterMissing = loaded();
		const read = readConfigFile(${JSON.stringify(file)}, '-c');
		process.stdout.write(JSON.stringify({imported, afterMissing, afterFile: loaded(), missing: missing.ok && missing.file === undefined, user: read.ok && read.file?.maxctrl.u}));`;
	const output = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {encoding: 'utf8'});
	assert.deepEqual(JSON.parse(output), {imported: false, afterMissing: false, afterFile: true, missing: true, user: 'admin'});
});
