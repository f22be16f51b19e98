// An unknown option that the operator never typed, from the built CLI: meow takes no dash
// word as a value and splits a short group into letters, so a value glued to its flag
// (`-h127.0.0.1:8989`) was "unknown option -1", and a password that starts with "-" (or
// mysql's glued -pS3cr3t) was quoted, whole or by one letter, in "unknown option --hunter2".

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {gluedOrDashValue, valueInGroup} from '../../source/config/unknown-option.js';
import {assertOneLine, runCli, skipWithoutBuild} from './helpers.js';

const host = '127.0.0.1:9';

test('a password that starts with "-", or glued to -p, is never quoted', {skip: skipWithoutBuild}, async () => {
	const dashWord = /^sessiontop: the word after (-p|--password|-sp) starts with "-" and is no option, so it is not shown \(it may be the password\): write such a password as --password='…' or -p='…', or set SESSIONTOP_PASSWORD\.$/;
	const glued = /^sessiontop: -p takes the password after a space or =, not glued to it as mysql's -pPASSWORD, so what follows -p is not shown: write -p='…', or set SESSIONTOP_PASSWORD\.$/;
	const cases: Array<[string[], RegExp, string[]]> = [
		[['-p', '--hunter2'], dashWord, ['hunter']],
		[['--password', '--hunter-two'], dashWord, ['hunter']],
		[['-p', '-Xyz'], dashWord, ['-X', 'Xyz']],
		[['-sp', '-Qx'], dashWord, ['Qx', '-Q']],
		[['-pS3cr3t'], glued, ['S3', '-S', '-3', 'cr3t']],
		[['-p12ab'], glued, ['12ab', '-1', '-a']],
		[['--tls-passphrase', '--pass-phrase'], /^sessiontop: the word after --tls-passphrase starts with "-" and is no option, so it is not shown \(it may be the passphrase\): write such a passphrase as --tls-passphrase='…', or set SESSIONTOP_TLS_PASSPHRASE\.$/, ['pass-phrase']],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(['-h', host, '--tsv', ...args])));
	for (const [index, [args, expected, secrets]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		const line = assertOneLine(run.stderr);
		assert.match(line, expected, args.join(' '));
		for (const secret of secrets) {
			assert.ok(!line.includes(secret), `${args.join(' ')}: "${secret}" is in ${line}`);
		}
	}
});

test('a value glued to its short flag is named with the flag the operator typed', {skip: skipWithoutBuild}, async () => {
	const cases: Array<[string[], string]> = [
		[['-h127.0.0.1:19150'], '-h takes its value after a space or =: -h 127.0.0.1:19150.'],
		[['-uadmin'], '-u takes its value after a space or =: -u admin.'],
		[['-t5s'], '-t takes its value after a space or =: -t 5s.'],
		[['-nfalse'], '-n takes its value after a space or =: -n false.'],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(['--tsv', ...args])));
	for (const [index, [args, expected]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.equal(assertOneLine(run.stderr), `sessiontop: ${expected}`);
	}
});

test('an option that is simply unknown is still named as typed', () => {
	assert.equal(gluedOrDashValue(['--bogus']), undefined);
	// -p before a known option asks for the password: the unknown one is elsewhere.
	assert.equal(gluedOrDashValue(['-p', '--once', '--bogus']), undefined);
	assert.equal(gluedOrDashValue(['-p', '-s', '-X']), undefined);
	// A glued number is meow's value (-n0, -p1234); letters it knows are flags (-sn).
	assert.equal(gluedOrDashValue(['-n0', '--bogus']), undefined);
	assert.equal(gluedOrDashValue(['-sn', '-X']), undefined);
	// An unknown letter before a value flag is the operator's own.
	assert.equal(gluedOrDashValue(['-Xh127.0.0.1']), undefined);
	// After --, nothing is an option.
	assert.equal(gluedOrDashValue(['--bogus', '--', '-p', '--x']), undefined);
	assert.equal(gluedOrDashValue(['--sort', '-idle']), undefined);
});

test('QA: a switch\'s --no- form with a value is read, not refused as an unknown option', {skip: skipWithoutBuild}, async () => {
	const [maybe, turned] = await Promise.all([runCli(['-h', host, '--tsv', '--no-mouse=maybe']), runCli(['-h', host, '--tsv', '--no-mouse=true', '--no-tls-verify-server-cert=false'])]);
	assert.equal(maybe.code, 2, maybe.stderr);
	assert.equal(assertOneLine(maybe.stderr), 'sessiontop: --no-mouse "maybe" is not true or false: give --no-mouse alone, or --mouse=false (yes/no, on/off and 1/0 work too).');
	// Read, so the run goes on to the MaxScale (nothing listens on port 9): its failure, not a refusal of the options.
	assert.equal(turned.code, 1, turned.stderr);
	assert.doesNotMatch(turned.stderr, /unknown option/);
});

test('a flag that takes a value before another letter of its group is refused, even when every letter is a flag (QA: -hu watched the default host)', {skip: skipWithoutBuild}, async () => {
	const glued = /^sessiontop: -p takes the password after a space or =, not glued to it as mysql's -pPASSWORD, so what follows -p is not shown: write -p='…', or set SESSIONTOP_PASSWORD\.$/;
	const cases: Array<[string[], RegExp]> = [
		[['-hu', '127.0.0.1:9'], /^sessiontop: -hu: -h takes its value after a space or =, so it comes last in a group of short flags, or alone: -h VALUE\.$/],
		[['-hc', '127.0.0.1:9'], /^sessiontop: -hc: -h takes its value/],
		[['-h', host, '-ts', '5s'], /^sessiontop: -ts: -t takes its value/],
		[['-h', host, '-pnuts'], glued],
		[['-h', host, '-pu', 'x'], glued],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(['--tsv', ...args])));
	for (const [index, [args, expected]] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		const line = assertOneLine(run.stderr);
		assert.match(line, expected, args.join(' '));
		assert.ok(!line.includes('nuts'), line);
	}

	// A value flag last in its group, switches alone, values after = or a space, and words after -- are not this.
	assert.match(valueInGroup(['-p', '-hu']) ?? '', /^the word after -p starts with "-" and is no option, so it is not shown/);
	for (const args of [['-sh', host], ['-sn'], ['-h=mx1'], ['-t5s'], ['--', '-hu']]) {
		assert.equal(valueInGroup(args), undefined, args.join(' '));
	}
});

test('a mistyped long option is named with the one it likely meant; one in capitals, or with a pasted dash, is refused with the way to write it (QA: --HOSTS x watched the default host)', {skip: skipWithoutBuild}, async () => {
	const cases: Array<[string[], string, string?]> = [
		[['--hots', host], 'unknown option --hots (--hosts?): run sessiontop --help to see the options.'],
		[['-h', host, '--intervl', '2s'], 'unknown option --intervl (--interval?): run sessiontop --help to see the options.'],
		[['-h', host, '--zzzzzz'], 'unknown option --zzzzzz: run sessiontop --help to see the options.'],
		[['--HOSTS', host], 'unknown option --HOSTS (--hosts?): options are written in lower case, as sessiontop --help lists them.'],
		[['-h', host, '--Once'], 'unknown option --Once (--once?): options are written in lower case, as sessiontop --help lists them.'],
		[['-h', host, '\u2014once'], 'unknown command "\u2014once": "\u2014" is not "-" (pasted text often turns -- into a dash): type the option with plain hyphens.'],
		[['simulate', '--prot', '5'], 'unknown option --prot (--port?): run sessiontop simulate --help to see its options.', 'sessiontop simulate'],
	];
	const runs = await Promise.all(cases.map(async ([args]) => runCli(args[0] === 'simulate' ? args : ['--tsv', ...args])));
	for (const [index, [args, expected, command = 'sessiontop']] of cases.entries()) {
		const run = runs[index]!;
		assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
		assert.equal(assertOneLine(run.stderr), `${command}: ${expected}`);
	}
});
