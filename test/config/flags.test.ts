// The command line as meow parses it (with the CLI's own flag list: switches as
// strings, --hosts repeatable) to the flags sessiontop takes. meow runs here on
// real argument lists, so a change in how it hands values over shows up here.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import meow from 'meow';
import {argumentsMistake, knownFlags} from '../../source/config/flag-spec.js';
import {readFlags, switchNames, valueNames, verifyFlagAsTyped, type CommandLine} from '../../source/config/flags.js';
import {turnNegatedSwitches} from '../../source/config/negated-switches.js';
import {settings} from '../../source/config/settings.js';

/** As cli.tsx parses: meow with the same options. */
function parse(argv: string[]) {
	return meow('', {importMeta: import.meta, argv, allowUnknownFlags: true, booleanDefault: undefined, flags: knownFlags});
}

function read(argv: string[]): CommandLine | {error: string} {
	return readFlags(parse(argv).flags, argv);
}

test('every flag of sessiontop is read: a setting, a switch or a value; none is dropped', () => {
	const simulateOnly = new Set(['host', 'port', 'sessions', 'seed', 'churn', 'uptime', 'apiVersion', 'basicUser', 'help', 'version']);
	const read = new Set<string>(['hosts', ...switchNames, ...valueNames]);
	for (const name of Object.keys(knownFlags)) {
		assert.ok(simulateOnly.has(name) || read.has(name), `${name} is declared to meow but not read`);
	}

	for (const name of Object.keys(settings)) {
		assert.ok(read.has(name), `the setting ${name} has no flag`);
	}

	for (const name of switchNames) {
		assert.equal(knownFlags[name].type, 'string', `${name}: a string to meow, so that its value can be read`);
	}
});

function ok(argv: string[]): CommandLine {
	const result = read(argv);
	assert.ok(!('error' in result), 'error' in result ? result.error : '');
	return result;
}

test('-h may be repeated: each one adds hosts, as commas do', () => {
	assert.equal(ok(['-h', 'a', '-h', 'b']).hosts, 'a,b');
	assert.equal(ok(['-h', 'a,b', '--hosts', 'c', '--hosts=d']).hosts, 'a,b,c,d');
	assert.equal(ok(['-h', 'a']).hosts, 'a');
	assert.equal(ok([]).hosts, undefined, 'not given: the environment or the file decides');
});

test('-h with nothing after it is an empty host, not "no -h" (buildConfig refuses it)', () => {
	assert.equal(ok(['-h']).hosts, '');
	assert.equal(ok(['-h', '--once']).hosts, '');
	assert.equal(ok(['--hosts']).hosts, '');
	assert.equal(ok(['-sh']).hosts, '');
	assert.equal(ok(['-h', '']).hosts, '');
	assert.equal(ok(['--once', '--', '-h']).hosts, undefined, 'after --, -h is not an option');
});

test('switches take the values variables take; alone they are on', () => {
	for (const [argv, expected] of [
		[['--readonly'], true],
		[['--readonly', '--once'], true],
		[['--readonly=yes'], true],
		[['--readonly=no'], false],
		[['--readonly', 'off'], false],
		[['--readonly', 'TRUE'], true],
		[['--no-readonly'], false],
	] as const) {
		assert.equal(ok([...argv]).readonly, expected, argv.join(' '));
	}

	// maxctrl's -n: `-n false` as in maxctrl, and `-n 0` as SESSIONTOP_TLS_VERIFY_SERVER_CERT=0.
	for (const [argv, expected] of [
		[['-n', '0'], false],
		[['-n', 'false'], false],
		[['-n', 'no'], false],
		[['-n0'], false],
		[['-n=off'], false],
		[['-n'], true],
		[['-n', '1'], true],
		[['--tls-verify-server-cert=false'], false],
	] as const) {
		assert.equal(ok([...argv]).tlsVerifyServerCert, expected, argv.join(' '));
	}

	const grouped = ok(['-sn', 'false', '--once']);
	assert.deepEqual([grouped.secure, grouped.tlsVerifyServerCert, grouped.once], [true, false, true]);
	assert.equal(ok([]).readonly, undefined, 'not given: the file decides');
});

test('a switch given anything else is one sentence naming it and what to type', () => {
	for (const [argv, pattern] of [
		[['--readonly=maybe'], /^--readonly "maybe" is not true or false: give --readonly alone to turn it on, or --readonly=false \(yes\/no, on\/off and 1\/0 work too\)\.$/],
		[['--readonly', 'maybe'], /^--readonly "maybe" is not true or false/],
		// As typed: -n, not a long name never typed (QA); in a group, the letter that took the value.
		[['-n', 'sometimes'], /^-n "sometimes" is not true or false: give -n alone to turn it on, or -n=false /],
		[['-s=maybe'], /^-s "maybe" is not true or false: give -s alone/],
		[['-sn', 'maybe'], /^-n "maybe" is not true or false/],
		[['-ns=maybe'], /^-s "maybe" is not true or false/],
		[['--tls-verify-server-cert', 'sometimes'], /^--tls-verify-server-cert "sometimes" is not true or false/],
		[['--tlsVerifyServerCert=maybe'], /^--tlsVerifyServerCert "maybe" is not true or false/],
		[['--secure', 'maybe'], /^--secure "maybe" is not true or false: give --secure alone/],
		[['--once=2'], /^--once "2" is not true or false/],
		[['--demo', 'now'], /^--demo "now" is not true or false/],
	] as const) {
		const result = read([...argv]);
		assert.ok('error' in result, argv.join(' '));
		assert.match(result.error, pattern);
	}
});

test('QA: a switch\'s --no- form takes a value too, turned over; one that is no boolean is one sentence', () => {
	const turned = (argv: string[]) => {
		const line = turnNegatedSwitches(argv);
		assert.ok(Array.isArray(line), argv.join(' '));
		return ok(line);
	};

	assert.equal(turned(['--no-mouse=true']).mouse, false);
	assert.equal(turned(['--no-mouse=no']).mouse, true);
	assert.equal(turned(['--no-tls-verify-server-cert=yes', '--once']).tlsVerifyServerCert, false);
	assert.equal(turned(['--no-readonly=0']).readonly, true);
	assert.deepEqual(turnNegatedSwitches(['--no-mouse=maybe']), {error: '--no-mouse "maybe" is not true or false: give --no-mouse alone, or --mouse=false (yes/no, on/off and 1/0 work too).'});
	// Not a switch, or after --: left for the refusals below (and meow's unknown option).
	assert.deepEqual(turnNegatedSwitches(['--no-user=x', '--', '--no-mouse=1']), ['--no-user=x', '--', '--no-mouse=1']);
	assert.equal(verifyFlagAsTyped(['--no-tls-verify-server-cert=yes']), '--no-tls-verify-server-cert=yes', 'the warning names it as typed');
});

test('--no- on a flag that takes a value is refused, not read as the default', () => {
	for (const [argv, pattern] of [
		[['--no-user'], /^--no-user is not an option: --user takes a value/],
		[['--no-server-tz'], /^--no-server-tz is not an option: --server-tz takes a value/],
		[['--no-hosts'], /^--no-hosts is not an option/],
	] as const) {
		const result = read([...argv]);
		assert.ok('error' in result, argv.join(' '));
		assert.match(result.error, pattern);
	}
});

test('values pass through as typed; -p alone is the empty password (ask for it)', () => {
	const line = ok(['-u', 'monitor', '--server-tz', 'Europe/Helsinki', '-p']);
	assert.equal(line.user, 'monitor');
	assert.equal(line.serverTz, 'Europe/Helsinki');
	assert.equal(line.password, '');
});

test("a flag given twice (meow throws) is one sentence naming it; any other meow error is one line too", () => {
	const mistake = (argv: string[]) => {
		try {
			parse(argv);
		} catch (error: unknown) {
			return argumentsMistake(error);
		}

		return assert.fail(`meow accepted ${argv.join(' ')}`);
	};

	assert.equal(mistake(['-u', 'a', '-u', 'b']), '-u/--user was given more than once: give it once (only -h/--hosts may be repeated).');
	assert.equal(mistake(['--tls-key', 'a', '--tls-key=b']), '--tls-key was given more than once: give it once (only -h/--hosts may be repeated).');
	assert.match(mistake(['-n', '-n', '0']), /^-n\/--tls-verify-server-cert was given more than once/);
	// As typed (QA: `--no-mouse --no-mouse` was said to be --mouse twice).
	const typed = ['--no-mouse', '--no-mouse'];
	assert.throws(() => parse(typed), (error: unknown) => argumentsMistake(error, false, typed) === '--no-mouse was given more than once: give it once.');
	assert.equal(argumentsMistake(new Error('Something new.\n  at x')), 'the options cannot be read (Something new): run sessiontop --help.');
});
