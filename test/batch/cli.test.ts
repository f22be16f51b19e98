// Batch output from the built CLI, a child process, against a simulated MaxScale
// over loopback: --once, --tsv, --json, --watch --json, automatic batch output for
// a pipe, and the exit code and single stderr line of every failure.

import assert from 'node:assert/strict';
import {createPrivateKey} from 'node:crypto';
import {readFileSync, writeFileSync} from 'node:fs';
import type {ChildProcess} from 'node:child_process';
import path from 'node:path';
import process from 'node:process';
import {after, before, test} from 'node:test';
import {maxctrlTsv} from '../../source/batch/maxctrl-tsv.js';
import {closedPort} from '../helpers/fault-server.js';
import type {Simulator} from '../../source/simulator/index.js';
import {assertOneLine, runCli, simulator, skipWithoutBuild, startCli, tempDir, type RunOptions} from './helpers.js';

let sim: Simulator;
let other: Simulator;
let host: string;
let otherHost: string;
let documents: unknown[];

async function sessionsDocument(url: string): Promise<unknown[]> {
	const answer = await fetch(`${url}/v1/sessions`, {headers: {authorization: `Basic ${btoa('admin:mariadb')}`}});
	return ((await answer.json()) as {data: unknown[]}).data;
}

before(async () => {
	sim = await simulator();
	other = await simulator({seed: 7, sessions: 3, apiVersion: '6.4'});
	host = `127.0.0.1:${sim.port}`;
	otherHost = `127.0.0.1:${other.port}`;
	documents = await sessionsDocument(sim.url);
});

after(async () => {
	await Promise.all([sim.close(), other.close()]);
});

const options = {skip: skipWithoutBuild};

test('--once --tsv prints exactly what maxctrl --tsv list sessions prints', options, async () => {
	const [run, tsvAlone] = await Promise.all([runCli(['-h', host, '--once', '--tsv']), runCli(['-h', host, '--tsv'])]);
	assert.equal(run.stderr, '');
	assert.equal(run.code, 0);
	assert.equal(run.stdout, maxctrlTsv([{entry: host, data: documents}]));
	assert.equal(
		run.stdout.split('\n')[0],
		'122486\tapp_rw\t::ffff:10.0.1.32\tTue, 17 Nov 2026 21:48:33 GMT\t16\tRW-Split-Router\t71459\t4',
	);
	assert.equal(run.stdout.split('\n').length, 7);
	// --tsv alone is the same (it prints once).
	assert.equal(tsvAlone.stdout, run.stdout);
});

test('--tsv with several hosts: one block per host, headed by the host as typed', options, async () => {
	const run = await runCli(['-h', `${host},${otherHost}`, '--tsv']);
	assert.equal(run.code, 0, run.stderr);
	const expected = maxctrlTsv([
		{entry: host, data: documents},
		{entry: otherHost, data: await sessionsDocument(other.url)},
	]);
	assert.equal(run.stdout, expected);
	assert.ok(run.stdout.startsWith(`${host}\n`));
	assert.ok(run.stdout.includes(`\n${otherHost}\n`));
});

test('--tsv heads a host entry typed with spaces around it with the host alone (QA)', options, async () => {
	const [run, plain] = await Promise.all([runCli(['-h', ` ${host}`, '-h', `${otherHost} `, '--tsv']), runCli(['-h', `${host},${otherHost}`, '--tsv'])]);
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stdout, plain.stdout);
	assert.ok(run.stdout.startsWith(`${host}\n`));
	assert.ok(run.stdout.includes(`\n${otherHost}\n`));
});

test('--once prints the screen columns as a plain table, sorted by --sort', options, async () => {
	const [run, byIdle] = await Promise.all([runCli(['-h', host, '--once']), runCli(['-h', host, '--once', '--sort', 'idle desc'])]);
	assert.equal(run.code, 0, run.stderr);
	const lines = run.stdout.trimEnd().split('\n');
	assert.deepEqual(lines[0]!.trim().split(/\s+/), ['Id', 'User', 'Client', 'State', 'Age', 'Idle', 'Memory', 'I/O', 'Service', 'Server']);
	assert.equal(lines.length, 7);
	const ids = lines.slice(1).map((line) => Number(line.trim().split(/\s+/)[0]));
	assert.deepEqual(ids, [...ids].sort((a, b) => a - b), 'sorted by id by default');
	assert.match(run.stdout, /122486 {2}app_rw +10\.0\.1\.32:\d+ +started/, 'an IPv4-mapped client as the IPv4 address it is, as on the screen');
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(run.stdout, /\u001B/, 'no colours in batch output');

	const idle = (line: string) => line.trim().split(/\s+/)[5]!;
	assert.equal(idle(byIdle.stdout.split('\n')[1]!), '16s', 'the idlest first');
});

test('--columns chooses the --once table\'s columns and their order after Id; --tsv and --json refuse it', options, async () => {
	const [run, tsv, bad] = await Promise.all([
		runCli(['-h', host, '--once', '--columns', 'idle, State,user']),
		runCli(['-h', host, '--tsv', '--columns', 'user']),
		runCli(['-h', host, '--once', '--columns', 'user,usr']),
	]);
	assert.equal(run.code, 0, run.stderr);
	const lines = run.stdout.trimEnd().split('\n');
	assert.deepEqual(lines[0]!.trim().split(/\s+/), ['Id', 'Idle', 'State', 'User']);
	assert.match(lines[1]!, /^ *\d+ +\S+ +started +\S+$/);
	assert.equal(tsv.code, 2);
	assert.equal(assertOneLine(tsv.stderr), "sessiontop: --columns chooses the screen's and --once's columns; --tsv prints maxctrl's: leave out --columns.");
	assert.equal(bad.code, 2);
	assert.match(assertOneLine(bad.stderr), /--columns "user,usr" has "usr", not a column \(user\?\): use some of user, client, service, server, state, age, idle, memory, io, maxscale, running, statement, in the order wanted/);
});

test('stdout that is not a terminal gets the --once table without asking', options, async () => {
	const [auto, once] = await Promise.all([runCli(['-h', host]), runCli(['-h', host, '--once'])]);
	assert.equal(auto.code, 0, auto.stderr);
	assert.equal(auto.stdout, once.stdout);
});

test('--json prints the normalized sessions as one array; several hosts are told apart', options, async () => {
	const [run, bothRun, table] = await Promise.all([
		runCli(['-h', host, '--json']),
		runCli(['-h', `${host},${otherHost}`, '--json']),
		runCli(['-h', `${host},${otherHost}`, '--once']),
	]);
	assert.equal(run.code, 0, run.stderr);
	assert.ok(run.stdout.endsWith('\n') && run.stdout.split('\n').length === 2, 'one line');
	const sessions = JSON.parse(run.stdout) as Array<Record<string, unknown>>;
	assert.equal(sessions.length, 6);
	assert.deepEqual(sessions[0], {
		host,
		id: '56597',
		service: 'RW-Split-Router',
		state: 'Session started',
		user: 'app_rw',
		remote: '::ffff:10.0.1.23',
		port: sessions[0]!['port'],
		connectedAt: Date.parse('Mon, 16 Nov 2026 07:39:18 GMT'),
		ageSeconds: sessions[0]!['ageSeconds'],
		idleSeconds: 0,
		memoryBytes: 71_009,
		ioActivity: 232,
		thread: sessions[0]!['thread'],
		// Its backends, as its document's connections name them.
		servers: 'server1,server2,server3',
	});

	const both = JSON.parse(bothRun.stdout) as Array<{host: string}>;
	assert.equal(both.length, 9);
	assert.deepEqual([...new Set(both.map((session) => session.host))], [host, otherHost]);

	assert.match(table.stdout.split('\n')[0]!, /^MaxScale +Id +User/);
	assert.equal(table.stdout.trimEnd().split('\n').length, 10);
});

test('--watch --json streams one JSON line per poll until SIGINT, SIGTERM or SIGHUP, then exits 0', options, async () => {
	const watchUntil = async (signal: NodeJS.Signals) => {
		const {child, done} = startCli(['-h', host, '--watch', '--json', '--interval', '500ms']);
		let seen = '';
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(() => {
				reject(new Error(`no two lines in time: ${seen}`));
			}, 10_000);
			child.stdout!.on('data', (chunk: string) => {
				seen += chunk;
				if (seen.split('\n').length > 2) {
					clearTimeout(timer);
					resolve();
				}
			});
		});
		child.kill(signal);
		return done;
	};

	// SIGHUP: an SSH link dropping under `--watch --json >> capture.ndjson` must not leave half a line.
	const runs = await Promise.all([watchUntil('SIGINT'), watchUntil('SIGTERM'), watchUntil('SIGHUP')]);
	for (const run of runs) {
		assert.equal(run.code, 0, run.stderr);
		assert.equal(run.signal, null);
		assert.equal(run.stderr, '');
		const lines = run.stdout.trimEnd().split('\n');
		assert.ok(lines.length >= 2);
		for (const line of lines) {
			assert.equal((JSON.parse(line) as unknown[]).length, 6);
		}

		assert.ok(run.stdout.endsWith('\n'), 'the last line whole');
	}
});


test('failures: exit 1 and one sentence on stderr, never the password, in every batch mode', options, async () => {
	const refused = `127.0.0.1:${await closedPort()}`;
	const refusedLine = /^sessiontop: 127\.0\.0\.1:\d+ refused the connection: is MaxScale running/;
	const cases: Array<[string[], RegExp]> = [
		[['-h', refused, '--once'], refusedLine],
		[['-h', refused, '--tsv'], refusedLine],
		[['-h', refused, '--json'], refusedLine],
		// --watch's lines carry the time, for a log.
		[['-h', refused, '--watch', '--json'], /^sessiontop: \d\d:\d\d:\d\d 127\.0\.0\.1:\d+ refused the connection: is MaxScale running/],
		[['-h', `${host},${refused}`, '--tsv'], refusedLine],
		[['-h', 'no-such-host.invalid:8989', '--once'], /^sessiontop: no-such-host\.invalid:8989 could not be found \(its host name does not resolve\): check --hosts\.$/],
		[['-h', host, '-p', 'wrong-secret-pw', '--tsv'], /^sessiontop: 127\.0\.0\.1:\d+ refused the credentials \(401.*\): check the user "admin" \(the default: give -u\) and the password \(--password\)\.$/],
		[['-h', host, '-p', 'wrong-secret-pw', '--json'], /^sessiontop: 127\.0\.0\.1:\d+ refused the credentials \(401/],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(args)));
	for (const [index, [args, expected]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`);
		assert.equal(run.stdout, '');
		assert.match(assertOneLine(run.stderr, 'wrong-secret-pw'), expected);
	}
});

test('--help and --version answer wherever they stand, and start nothing', options, async () => {
	const cases: Array<[string[], RegExp]> = [
		[['-h', host, '--once', '--help'], /^\n {2}top for MariaDB MaxScale sessions.*\n\n {2}Usage\n/],
		// The simulator's own options, not the monitor's.
		[['simulate', '--port', '0', '--help'], /^\n {2}Usage\n {4}\$ sessiontop simulate \[options\][^]*--churn[^]*\n$/],
		[['-h', host, '--tsv', '--version'], /^\d+\.\d+\.\d+\n$/],
		[['--bogus', '--help'], /\n {2}Usage\n/],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(args)));
	for (const [index, [args, expected]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 0, `${args.join(' ')}: ${run.stderr}`);
		assert.equal(run.stderr, '', args.join(' '));
		// Neither the list (nor a simulator's banner) instead of the answer.
		assert.match(run.stdout, expected, args.join(' '));
		assert.doesNotMatch(run.stdout, /\t|listening on/, args.join(' '));
		assert.ok(run.stdout.split('\n').every((line) => line.length <= 80), `${args.join(' ')}: a line wider than 80 columns`);
	}

	assert.doesNotMatch(runs[1]!.stdout, /Connection options|--hosts/, 'simulate --help: the simulator\'s options only');
});

test('mistakes in the options: exit 2 and one sentence', options, async () => {
	const cases: Array<[string[], RegExp, RunOptions?]> = [
		[['--timeout', 'soon', '--once'], /--timeout "soon" is not a duration/],
		// A duration, out of range: the range, not "not a duration".
		[['-t', '0', '--once'], /^sessiontop: --timeout "0" is out of range \(a number alone is milliseconds\): give a duration from 1ms to 60m \(e\.g\. 10000, 10s, 500ms\)\.$/],
		[['--once'], /^sessiontop: SESSIONTOP_SECURE \("perhaps"\) is not true or false: set it to true or false \(yes\/no, on\/off and 1\/0 work too\)\.$/, {env: {SESSIONTOP_SECURE: 'perhaps'}}],
		[['-c', '/no/such/file.cnf', '--once'], /^sessiontop: the config file \/no\/such\/file\.cnf does not exist: check -c\.$/],
		[['--watch', '--once'], /^sessiontop: --once and --watch exclude each other/],
		// Not "use --watch --json" when --watch --json was given: the mistake is --once.
		[['--once', '--watch', '--json'], /^sessiontop: --once and --watch exclude each other: --watch --json repeats\.$/],
		[['--tsv', '--watch'], /^sessiontop: --watch prints JSON lines, not TSV: use --watch --json or --tsv\.$/],
		[['--watch'], /^sessiontop: --watch streams JSON lines: use --watch --json\.$/],
		[['--sort', 'cpu', '--once'], /--sort "cpu" is not a sort/],
		[['--tsv', '--json'], /exclude each other/],
		// A view flag a single print cannot honour: said, not quietly ignored.
		[['--tsv', '--sort', 'idle'], /^sessiontop: --tsv prints the sessions in the server's order, as maxctrl does: leave out --sort \(--once and --json sort\)\.$/],
		[['--once', '--interval', '1s'], /^sessiontop: --interval paces the monitor and --watch --json; --once prints once: leave out --interval, or use --watch --json\.$/],
		[['--json', '--sort', 'statement'], /^sessiontop: --sort statement sorts by the Statement column; --json carries no statements: sort by another column, or use --once\.$/],
		[['--watch', '--json', '--sort', 'statement desc'], /^sessiontop: --sort statement sorts by the Statement column; --watch --json carries no statements/],
		[['--json', '--sort=-sql'], /^sessiontop: --sort statement sorts by the Statement column; --json carries no statements/],
		[['--json', '--sort', 'duration'], /^sessiontop: --sort running sorts by the Running column; --json carries no statements/],
		// With a space, a - word reads as options (-r -u -n …): said as what it is (QA).
		[['--once', '--sort', '-running'], /^sessiontop: --sort -running: a word after --sort that starts with "-" reads as options: write --sort=-running \(or --sort "running desc"\)\.$/],
		[['--json', '--grouping', 'flat'], /^sessiontop: --grouping groups the screen's list; --json prints the sessions ungrouped: leave out --grouping\.$/],
		[['--watch', '--json', '--grouping', 'user'], /^sessiontop: --grouping groups the screen's list; --watch --json prints the sessions ungrouped: leave out --grouping\.$/],
		[['--tsv', '--grouping', 'user'], /^sessiontop: --grouping groups the screen's list; --tsv prints the sessions ungrouped: leave out --grouping\.$/],
		[['--json', '--columns', 'user'], /^sessiontop: --columns chooses the screen's and --once's columns; --json prints every field: leave out --columns\.$/],
		[['--watch', '--json', '--columns', 'user'], /^sessiontop: --columns chooses the screen's and --once's columns; --watch --json prints every field: leave out --columns\.$/],
		[['--record', '/tmp/never-written.ndjson', '--once'], /^sessiontop: --record records the monitor's polls, and --once prints the list once: leave out one of the two\.$/],
		[['--bogus', '--once'], /^sessiontop: unknown option --bogus: run sessiontop --help/],
		[['--tls-kee', 'key.pem', '--once'], /unknown option --tls-kee \(--tls-key\?\): /],
		[['-x', '--once'], /unknown option -x: /],
		// meow throws for a flag given twice: one sentence, never its stack or its minified source.
		[['-u', 'a', '-u', 'b', '--once'], /^sessiontop: -u\/--user was given more than once: give it once \(only -h\/--hosts may be repeated\)\.$/],
		[['--tls-key', 'a.pem', '--tls-key=b.pem', '--once'], /^sessiontop: --tls-key was given more than once/],
		[['--once', '--once'], /^sessiontop: --once was given more than once/],
		// Switches given a value that is not true or false (meow alone reads these as false).
		[['--readonly=maybe', '--once'], /^sessiontop: --readonly "maybe" is not true or false: give --readonly alone to turn it on, or --readonly=false/],
		[['--readonly', 'maybe', '--once'], /^sessiontop: --readonly "maybe" is not true or false/],
		// Named as typed, not under a long name never typed (QA).
		[['-n', 'sometimes', '--once'], /^sessiontop: -n "sometimes" is not true or false: give -n alone to turn it on, or -n=false /],
		[['-s=maybe', '--once'], /^sessiontop: -s "maybe" is not true or false: give -s alone to turn it on, or -s=false /],
		[['-sn', 'maybe', '--once'], /^sessiontop: -n "maybe" is not true or false/],
		[['--tls-verify-server-cert', 'sometimes', '--once'], /^sessiontop: --tls-verify-server-cert "sometimes" is not true or false/],
		[['--tlsVerifyServerCert=maybe', '--once'], /^sessiontop: --tlsVerifyServerCert "maybe" is not true or false/],
		[['--no-user', '--once'], /^sessiontop: --no-user is not an option: --user takes a value/],
		[['-h', '127.0.0.1:0', '--tsv'], /^sessiontop: "127\.0\.0\.1:0" names port 0, which no server listens on: use MaxScale's admin_port, e\.g\. 127\.0\.0\.1:8989\.$/],
		[['-h', '--once'], /^sessiontop: an empty host was given: use host:port, e.g. 127.0.0.1:8989 \(-h is the host here, as in maxctrl; --help shows the help\)\.$/],
		[['--server-tz', 'Mars/Olympus', '--once'], /^sessiontop: --server-tz "Mars\/Olympus" is not a time zone: use local, UTC, an offset such as \+02:00, or a zone name such as Europe\/Helsinki\.$/],
		[['--once'], /^sessiontop: SESSIONTOP_SERVER_TZ \("\+25:00"\) is not a time zone: use local, UTC/, {env: {SESSIONTOP_SERVER_TZ: '+25:00'}}],
	];
	const runs = await Promise.all(cases.map(async ([args, , runOptions]) => runCli(args, runOptions)));
	for (const [index, [args, expected]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.match(assertOneLine(run.stderr), expected);
	}
});

test('--replay: flags it cannot honour, an empty name and no terminal are each one sentence, exit 2', options, async (t) => {
	const file = path.join(tempDir(t), 'r.ndjson');
	writeFileSync(file, `${JSON.stringify({format: 'sessiontop-recording/1', hosts: ['mx:8989']})}\n${JSON.stringify({t: 1, host: 'mx:8989', ok: true, latencyMs: 1, bytes: 1, sessions: []})}\n`);
	const cases: Array<[string[], RegExp]> = [
		[['--replay', ''], /^sessiontop: --replay needs a file name: --replay FILE plays the recording FILE\.$/],
		// And so do --record's and a TLS file's (QA: `cannot record to  (ENOENT)`, `--tls-ca-cert  does not exist`).
		[['--record', ''], /^sessiontop: --record needs a file name: --record FILE keeps every poll in FILE\.$/],
		[['-h', host, '-s', '--once', '--tls-ca-cert', ''], /^sessiontop: --tls-ca-cert names no file: give the path of the CA certificate/],
		[['--replay', file, '--record', `${file}.2`], /^sessiontop: --replay and --record exclude each other: /],
		[['--replay', file, '--demo'], /^sessiontop: --replay and --demo exclude each other: /],
		[['--replay', file, '--once'], /^sessiontop: --replay shows the recording on screen, so --once has nothing to print: /],
		[['--replay', file, '--json'], /^sessiontop: --replay shows the recording on screen, so --json has nothing to print: /],
		[['--replay', file, '--tsv'], /^sessiontop: --replay shows the recording on screen, so --tsv has nothing to print: /],
		[['--replay', file, '--watch', '--json'], /^sessiontop: --replay shows the recording on screen, so --json has nothing to print: /],
		[['--replay', file, '-h', host], /^sessiontop: --replay shows the MaxScales the recording holds and connects to none: leave out -h\/--hosts\.$/],
		[['--replay', file, '-u', 'bob'], /^sessiontop: --replay connects to no MaxScale, so --user has nothing to do: leave it out\.$/],
		[['--replay', file, '-n', 'false'], /^sessiontop: --replay connects to no MaxScale, so --tls-verify-server-cert has nothing to do/],
		[['--replay', file, '--interval', '5s'], /^sessiontop: --replay plays at the pace the recording was made at: leave out --interval\.$/],
		// Stdout a pipe (> out): the full screen would be written there for as long as it plays.
		[['--replay', file], /^sessiontop: --replay shows the recording on screen: it needs a terminal\b/],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(args, {timeoutMs: 5000})));
	for (const [index, [args, expected]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.match(assertOneLine(run.stderr), expected);
		assert.equal(run.stdout, '', args.join(' '));
	}
});

test('-h may be repeated, as commas; a MaxScale named twice is watched once, with one warning', options, async () => {
	const [repeated, commas, twice, spelt] = await Promise.all([
		runCli(['-h', host, '-h', otherHost, '--json']),
		runCli(['-h', `${host},${otherHost}`, '--json']),
		runCli(['-h', `${host},${host}`, '--json']),
		// The same MaxScale spelt two ways: host:port and its URL.
		runCli(['-h', host, '-h', `http://${host}`, '--tsv']),
	]);
	const sessions = (run: {stdout: string}) => (JSON.parse(run.stdout) as Array<{host: string; id: string}>).map((session) => `${session.host} ${session.id}`);
	assert.equal(repeated.code, 0, repeated.stderr);
	assert.equal(repeated.stderr, '');
	assert.equal(sessions(repeated).length, 9);
	assert.deepEqual(sessions(repeated), sessions(commas));

	assert.equal(twice.code, 0, twice.stderr);
	assert.equal(assertOneLine(twice.stderr), `sessiontop: warning: --hosts names ${host} more than once: each MaxScale is watched once.`);
	assert.equal(sessions(twice).length, 6, 'each session once');

	assert.equal(spelt.code, 0, spelt.stderr);
	assert.match(assertOneLine(spelt.stderr), /^sessiontop: warning: --hosts names 127\.0\.0\.1:\d+ more than once/);
	assert.equal(spelt.stdout, maxctrlTsv([{entry: host, data: documents}]), 'one block, as for one host');
});

test('switches take what variables take: -n 0 turns verification off as SESSIONTOP_TLS_VERIFY_SERVER_CERT=0 does', options, async () => {
	const refused = `127.0.0.1:${await closedPort()}`;
	const off = /^sessiontop: warning: TLS certificate verification is off/;
	const cases: Array<[string[], RunOptions, boolean]> = [
		[['-s', '-n', '0'], {}, false],
		[['-s', '-n', 'no'], {}, false],
		[['-s', '--tls-verify-server-cert=off'], {}, false],
		[['-sn', 'false'], {}, false],
		[['-s'], {env: {SESSIONTOP_TLS_VERIFY_SERVER_CERT: '0'}}, false],
		[['-s', '-n'], {}, true],
		[['-s', '-n', '1'], {env: {SESSIONTOP_TLS_VERIFY_SERVER_CERT: '0'}}, true],
		[['--secure=yes'], {}, true],
	];
	const runs = await Promise.all(cases.map(async ([args, runOptions]) => runCli([...args, '-h', refused, '--once'], runOptions)));
	for (const [index, [args, , verify]] of cases.entries()) {
		const run = runs[index]!;
		const lines = run.stderr.trimEnd().split('\n');
		assert.equal(run.code, 1, `${args.join(' ')}: ${run.stderr}`);
		// Refused over https: the value was read, -s and -n included, and no "unknown command".
		assert.match(lines.at(-1)!, /^sessiontop: 127\.0\.0\.1:\d+ refused the connection/, args.join(' '));
		assert.equal(lines.length, verify ? 1 : 2, `${args.join(' ')}: ${run.stderr}`);
		if (!verify) {
			assert.match(lines[0]!, off, args.join(' '));
		}
	}

	// The warning names what turned verification off, as typed (-n 0 here), or the variable, never typed as -n.
	assert.match(runs[0]!.stderr, /is off \(-n 0\): /);
	assert.match(runs[2]!.stderr, /is off \(--tls-verify-server-cert=off\): /);
	assert.match(runs[4]!.stderr, /is off \(SESSIONTOP_TLS_VERIFY_SERVER_CERT is false\): /);

	const [readonly, server] = await Promise.all([
		runCli(['-h', host, '--readonly=yes', '--once=true']),
		runCli(['-h', host, '--server-tz', 'Europe/Helsinki', '--once']),
	]);
	assert.equal(readonly.code, 0, readonly.stderr);
	assert.equal(server.code, 0, server.stderr);
	assert.equal(server.stderr, '');
});

test('--demo with -h warns, once, that it watches its own simulator, and runs', options, async () => {
	const [withHost, alone] = await Promise.all([
		runCli(['--demo', '-h', 'mx1:8989', '-u', 'monitor', '--once'], {timeoutMs: 30_000}),
		// The environment is there for every run: it is no reason to warn.
		runCli(['--demo', '--once'], {env: {SESSIONTOP_HOSTS: 'mx1:8989'}, timeoutMs: 30_000}),
	]);
	assert.equal(withHost.code, 0, withHost.stderr);
	assert.equal(
		assertOneLine(withHost.stderr),
		'sessiontop: warning: --demo watches its own simulated MaxScale, so --hosts and --user are ignored: leave out --demo to watch yours.',
	);
	assert.match(withHost.stdout, /^ +Id +User +Client/);
	assert.ok(withHost.stdout.split('\n').length > 100, 'the demo\'s sessions were listed');
	assert.equal(alone.code, 0, alone.stderr);
	assert.equal(alone.stderr, '');
});

/** What `sessiontop simulate` prints once it listens: its start line. */
async function startLine(child: ChildProcess): Promise<string> {
	let seen = '';
	return new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`no start line in time: ${seen}`));
		}, 10_000);
		child.stdout!.on('data', (chunk: string) => {
			seen += chunk;
			if (/listening on/.test(seen)) {
				clearTimeout(timer);
				resolve(seen);
			}
		});
	});
}

test('the simulator\'s start line counts its sessions in the singular for one', options, async () => {
	const {child, done} = startCli(['simulate', '--port', '0', '--sessions', '1']);
	const seen = await startLine(child);
	child.kill('SIGTERM');
	await done;
	assert.match(seen, /^MaxScale 24\.02 REST API simulator with 1 session listening on http:\/\/127\.0\.0\.1:\d+\n$/);
});

test('a simulator shows as `sessiontop simulate` in ps, not as a monitor', {skip: skipWithoutBuild || (process.platform === 'linux' ? false : 'reads /proc')}, async () => {
	const {child, done} = startCli(['simulate', '--port', '0', '--sessions', '2']);
	await startLine(child);
	const title = readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
	child.kill('SIGTERM');
	await done;
	assert.equal(title, 'sessiontop simulate');
});

test("an option given where it does nothing is one sentence: the simulator's to the monitor, the monitor's to the simulator", options, async () => {
	const cases: Array<[string[], RegExp]> = [
		[['--port', '18989', '--once'], /^sessiontop: --port is an option of sessiontop simulate \(sessiontop --help lists the monitor's\)\.$/],
		[['--host', 'db1', '--once'], /^sessiontop: --host is an option of sessiontop simulate: the monitor takes -h\/--hosts /],
		[['simulate', '--interval', '5s'], /^sessiontop simulate: --interval is an option of the monitor, not of the simulator /],
		[['simulate', '--tls-ca-cert', 'ca.pem'], /^sessiontop simulate: --tls-ca-cert is an option of the monitor, /],
	];
	for (const [args, sentence] of cases) {
		// eslint-disable-next-line no-await-in-loop
		const run = await runCli(args);
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.match(assertOneLine(run.stderr), sentence);
	}
});

test('sessiontop simulate: a mistake in its options is one sentence under its own name, exit 2 (QA)', options, async () => {
	const cases: Array<[string[], string]> = [
		// Node's own words ("options.port should be >= 0 …..", exit 1) once reached the operator.
		[['simulate', '--port', '1.5'], 'sessiontop simulate: --port "1.5" must be a whole number from 0 to 65535.'],
		// Given no value (QA: `--port "" must be …`).
		[['simulate', '--port'], 'sessiontop simulate: --port needs a value: a whole number from 0 to 65535.'],
		// Each once quietly meant every interface, or an empty name or password let in (QA).
		[['simulate', '--port', '0', '--prot', '5'], 'sessiontop simulate: unknown option --prot (--port?): run sessiontop simulate --help to see its options.'],
		[['simulate', '--port', '0', '--host'], 'sessiontop simulate: --host needs a value (sessiontop simulate --help says what it takes).'],
		[['simulate', '--port', '0', '--host='], 'sessiontop simulate: --host needs a value (sessiontop simulate --help says what it takes).'],
		[['simulate', '--port', '0', '--password'], 'sessiontop simulate: --password needs a value (sessiontop simulate --help says what it takes).'],
		[['simulate', '--port', '0', '--user', ''], 'sessiontop simulate: --user needs a value (sessiontop simulate --help says what it takes).'],
		// Announced as 2.5 sessions, and 2 served.
		[['simulate', '--port', '0', '--sessions', '2.5'], 'sessiontop simulate: --sessions "2.5" must be a whole number from 0 to 1000000.'],
		[['simulate', '--port', '0', '--seed', '1.5'], 'sessiontop simulate: --seed "1.5" must be a whole number from 0 to 2147483648.'],
		// Dropped without a word, where the monitor refuses `sessiontop foo`.
		[['simulate', '--port', '0', 'extra'], 'sessiontop simulate: "extra" is not an option: sessiontop simulate takes options only (sessiontop simulate --help lists them).'],
		// The rest of a password with a space is never shown.
		[['simulate', '--port', '0', '--password', 'hunter2', 'x9q'], "sessiontop simulate: the word after --password's value is not an option, so it is not shown (it may be part of a password): quote a password that holds a space."],
		// Not the monitor's name, nor its -h/--hosts, which the simulator refuses.
		[['simulate', '--port', '18790', '--port', '1'], 'sessiontop simulate: --port was given more than once: give it once.'],
		[['--port', '0', 'simulate', '--user', 'a', '--user', 'b'], 'sessiontop simulate: --user was given more than once: give it once.'],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(args)));
	for (const [index, [args, sentence]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.equal(assertOneLine(run.stderr, 'x9q'), sentence);
		assert.equal(run.stdout, '', args.join(' '));
	}
});

test('the rest of a password with a space is never quoted as an unknown command; any other stray word is', options, async () => {
	const secret = "the word after %s's value is no command or option, so it is not shown (it may be part of the password): quote a password that holds a space.";
	const cases: Array<[string[], string]> = [
		[['-h', '127.0.0.1:1', '-p', 'hunter2', 'x9q'], secret.replace('%s', '-p')],
		[['-h', '127.0.0.1:1', '--password', 'hunter2', 'x9q', '--tsv'], secret.replace('%s', '--password')],
		[['-h', '127.0.0.1:1', '--password=hunter2', 'x9q'], secret.replace('%s', '--password')],
		[['-h', '127.0.0.1:1', '--tls-passphrase', 'pass', 'x9q'], secret.replace('%s', '--tls-passphrase')],
		// Not after a secret: the word is shown, as typed.
		[['-h', '127.0.0.1:1', '-u', 'admin', 'x9q'], 'unknown command "x9q": run sessiontop --help.'],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(args)));
	for (const [index, [args, sentence]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		const said = sentence.startsWith('unknown') ? assertOneLine(run.stderr) : assertOneLine(run.stderr, 'x9q');
		assert.equal(said, `sessiontop: ${sentence}`, args.join(' '));
	}
});

test('sessiontop simulate serves HTTPS with --tls-cert and --tls-key; one without the other is one sentence', options, async (t) => {
	const {makeCertificate} = await import('../tls/certificates.js');
	const certificate = makeCertificate();
	const dir = tempDir(t);
	const cert = path.join(dir, 'cert.pem');
	const key = path.join(dir, 'key.pem');
	writeFileSync(cert, certificate.cert);
	writeFileSync(key, certificate.key, {mode: 0o600});
	const half = await runCli(['simulate', '--port', '0', '--tls-cert', cert]);
	assert.equal(half.code, 2);
	assert.equal(assertOneLine(half.stderr), 'sessiontop simulate: HTTPS takes both --tls-cert and --tls-key (a certificate and its private key, PEM).');
	// QA: a key of another certificate, or one under a passphrase, read "cannot listen on …: bad decrypt".
	const other = path.join(dir, 'other.pem');
	writeFileSync(other, makeCertificate().key, {mode: 0o600});
	const mismatch = await runCli(['simulate', '--port', '0', '--tls-cert', cert, '--tls-key', other]);
	assert.equal(mismatch.code, 2);
	assert.equal(assertOneLine(mismatch.stderr), `sessiontop simulate: --tls-key ${other} is not the key of --tls-cert ${cert}: give the key the certificate was made with.`);
	const locked = path.join(dir, 'locked.pem');
	writeFileSync(locked, createPrivateKey(certificate.key).export({type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x'}), {mode: 0o600});
	const encrypted = await runCli(['simulate', '--port', '0', '--tls-cert', cert, '--tls-key', locked]);
	assert.equal(encrypted.code, 2);
	assert.match(assertOneLine(encrypted.stderr), /^sessiontop simulate: --tls-key \S+ is encrypted: the simulator takes a key without a passphrase/);
	const {child, done} = startCli(['simulate', '--port', '0', '--sessions', '3', '--tls-cert', cert, '--tls-key', key]);
	t.after(async () => {
		child.kill('SIGTERM');
		await done;
	});
	const seen = await startLine(child);
	const port = /https:\/\/127\.0\.0\.1:(\d+)/.exec(seen)?.[1];
	assert.ok(port, seen);
	// The monitor's own batch output over HTTPS, trusting that certificate.
	const run = await runCli(['-h', `https://127.0.0.1:${port}`, '--tls-ca-cert', cert, '--tsv']);
	assert.equal(run.code, 0, run.stderr);
	assert.equal(run.stdout.trim().split('\n').length, 3);
});

test('QA: sessiontop simulate on an address others reach, with the default password, says so; with a password of its own, nothing', options, async () => {
	for (const [extra, warned] of [[[], true], [['--password', 's3cret'], false]] as const) {
		const {child, done} = startCli(['simulate', '--host', '0.0.0.0', '--port', '0', '--sessions', '1', ...extra]);
		// eslint-disable-next-line no-await-in-loop
		await startLine(child);
		child.kill('SIGTERM');
		// eslint-disable-next-line no-await-in-loop
		const run = await done;
		assert.equal(run.stderr.includes('listening on 0.0.0.0 with the default password (mariadb): anyone who reaches the port is admin; give --password.'), warned, run.stderr);
	}
});
