// Keys of the config file that nothing reads: in [maxctrl] a warning each (maxctrl takes
// any of its options there), in [sessiontop] an error. Before, `interval = 1s` in
// [maxctrl] was silently 2 s and `pasword = x` a 401 much later.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import type {ConfigFile} from '../../source/config/config-file.js';
import {buildConfig, unusedSettings, type Config} from '../../source/config/options.js';
import type {Simulator} from '../../source/simulator/index.js';
import {runCli, simulator, skipWithoutBuild, tempDir} from '../batch/helpers.js';

const where = '/home/u/.maxctrl.cnf';

function file(maxctrl: Record<string, unknown>, sessiontop: Record<string, unknown> = {}): ConfigFile {
	return {path: where, maxctrl, sessiontop};
}

function ok(config: Config | {error: string}): Config {
	assert.ok(!('error' in config), 'error' in config ? config.error : '');
	return config;
}

test("maxctrl's own options in [maxctrl], long, short or camelCase: no warning", () => {
	const maxctrl = {
		hosts: 'mx:1', u: 'me', password: 'pw', t: '5s', secure: false, 'tls-ca-cert': '/ca.pem', tlsCert: '/c.pem', 'tls-key': '/k.pem',
		'tls-passphrase': 'x', n: true, quiet: true, q: true, tsv: true, 'skip-sync': true, skipSync: true, c: '/x.cnf', config: '/x.cnf', rdns: true,
	};
	assert.deepEqual(ok(buildConfig({}, {file: file(maxctrl)})).warnings, []);
});

test('[maxctrl]: sessiontop settings, typos and unknown keys are each one warning, and the run goes on', () => {
	const config = ok(buildConfig({}, {file: file({interval: '1s', 'max-body': '1G', pasword: 'x', User: 'me', intervall: '1s', foo: 'bar'})}));
	assert.deepEqual(config.warnings, [
		`"interval" in [maxctrl] of ${where} is ignored: sessiontop's own settings go under [sessiontop].`,
		`"max-body" in [maxctrl] of ${where} is ignored: sessiontop's own settings go under [sessiontop].`,
		`"pasword" in [maxctrl] of ${where} is not an option of maxctrl or sessiontop, so it is ignored: did you mean password?`,
		`"User" in [maxctrl] of ${where} is not an option of maxctrl or sessiontop, so it is ignored: did you mean user?`,
		`"intervall" in [maxctrl] of ${where} is not an option of maxctrl or sessiontop, so it is ignored: did you mean interval, under [sessiontop]?`,
		// Not near any option: the key is not quoted (file-secrets.test.ts); a file made in code has no lines to name.
		`a key in [maxctrl] of ${where} is not an option of maxctrl or sessiontop, so it is ignored: check its spelling (sessiontop reads hosts, user, password, timeout, secure, tls-key, tls-cert, tls-passphrase, tls-ca-cert, tls-verify-server-cert there).`,
	]);
	assert.equal(config.intervalMs, 2000, 'still ignored: a warning, not a setting');
	assert.equal(config.user, 'admin');
});

test('[sessiontop]: a connection option or a typo is an error that says where it goes', () => {
	for (const [sessiontop, expected] of [
		[{hosts: 'mx:1'}, `"hosts" in [sessiontop] of ${where} is a connection option: put it under [maxctrl], where maxctrl reads it too.`],
		[{p: 'x'}, `"p" in [sessiontop] of ${where} is a connection option: put it under [maxctrl], where maxctrl reads it too.`],
		[{intervall: '1s'}, `"intervall" in [sessiontop] of ${where} is not a setting: did you mean interval?`],
		[{colour: 'red'}, `a key in [sessiontop] of ${where} is not a setting: use interval, sort, grouping, columns, readonly, mouse, max-body or server-tz.`],
	] as const) {
		const config = buildConfig({}, {file: file({}, sessiontop)});
		assert.ok('error' in config, JSON.stringify(sessiontop));
		assert.equal(config.error, expected);
	}
});

let sim: Simulator;
before(async () => {
	sim = await simulator({user: 'operator', password: 'right'});
});
after(async () => {
	await sim.close();
});

test('the CLI: the warnings on stderr, once each, before the list', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const cnf = path.join(home, '.maxctrl.cnf');
	writeFileSync(cnf, `[maxctrl]\nhosts = 127.0.0.1:${sim.port}\nuser = operator\npassword = right\ninterval = 1s\npasword = wrong\n`, {mode: 0o600});
	const run = await runCli(['--json'], {home});
	assert.equal(run.code, 0, run.stderr);
	assert.equal((JSON.parse(run.stdout) as unknown[]).length, 6);
	assert.deepEqual(run.stderr.trimEnd().split('\n'), [
		`sessiontop: warning: "interval" in [maxctrl] of ${cnf} is ignored: sessiontop's own settings go under [sessiontop].`,
		`sessiontop: warning: "pasword" in [maxctrl] of ${cnf} is not an option of maxctrl or sessiontop, so it is ignored: did you mean password?`,
	]);
});

test('a mistake in a monitor setting of [sessiontop] is the monitor\'s: a batch mode that does not use it runs (QA: interval = 0 stopped --tsv)', () => {
	const sessiontop = {interval: '0', grouping: 'bogus', columns: 'bogus', sort: 'bogus', 'server-tz': 'Nowhere'};
	const refused = buildConfig({}, {file: file({}, sessiontop)});
	assert.ok('error' in refused && /interval in \[sessiontop\]/.test(refused.error), 'the monitor says it');
	assert.equal(ok(buildConfig({}, {file: file({}, sessiontop), unused: unusedSettings('tsv')})).intervalMs, 2000);
	// --json and --once sort by the file's sort: still read, and a mistake in it still said.
	const json = buildConfig({}, {file: file({}, sessiontop), unused: unusedSettings('json')});
	assert.ok('error' in json && /sort in \[sessiontop\]/.test(json.error), 'error' in json ? json.error : 'no error');
	const {sort: _, 'server-tz': _zone, ...rest} = sessiontop;
	assert.equal(ok(buildConfig({}, {file: file({}, rest), unused: unusedSettings('json')})).grouping, undefined);
	const once = buildConfig({}, {file: file({}, rest), unused: unusedSettings('table')});
	assert.ok('error' in once && /columns in \[sessiontop\]/.test(once.error), '--once reads columns');
	// --watch --json repeats: its interval is read.
	assert.ok('error' in buildConfig({}, {file: file({}, {interval: '0'}), unused: unusedSettings('watch-json')}));
	// --tsv prints `connected` as MaxScale wrote it, and no age: server-tz is read by the others alone.
	for (const mode of ['json', 'table', 'watch-json'] as const) {
		const zone = buildConfig({}, {file: file({}, {'server-tz': 'Nowhere'}), unused: unusedSettings(mode)});
		assert.ok('error' in zone && /server-tz in \[sessiontop\]/.test(zone.error), `${mode} reads server-tz`);
	}
});

test('the CLI: --tsv runs with interval = 0 and server-tz = Nowhere in [sessiontop], and the monitor\'s settings say nothing', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const cnf = path.join(home, '.maxctrl.cnf');
	writeFileSync(cnf, `[maxctrl]\nhosts = 127.0.0.1:${sim.port}\nuser = operator\npassword = right\n[sessiontop]\ninterval = 0\ngrouping = bogus\nserver-tz = Nowhere\n`, {mode: 0o600});
	const run = await runCli(['--tsv'], {home});
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stdout.trimEnd().split('\n').length, 6);
	assert.equal(run.stderr, '');
});

test('a host named in the config file that does not resolve: the sentence says to check it there, not --hosts (QA)', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const cnf = path.join(home, '.maxctrl.cnf');
	writeFileSync(cnf, '[maxctrl]\nhosts = no-such-host.invalid:8989\nuser = operator\npassword = right\n', {mode: 0o600});
	const run = await runCli(['--tsv'], {home});
	assert.equal(run.code, 1, run.stderr);
	assert.equal(run.stderr.trimEnd(), `sessiontop: no-such-host.invalid:8989 could not be found (its host name does not resolve): check hosts in [maxctrl] of ${cnf}.`);
	// Given with -h, it says -h's long name, as ever.
	const flagged = await runCli(['--tsv', '-h', 'no-such-host.invalid:8989'], {home});
	assert.match(flagged.stderr, /check --hosts\.$/m);
});
