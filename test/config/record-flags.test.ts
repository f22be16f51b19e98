// --record with --once said "--record needs a terminal", in a terminal: the reason is that
// --once prints once, while --record records the monitor's polls. The sentences now say so,
// as --replay's do, and name `--watch --json >> FILE` (appending, as --record does) as the
// readme does.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {batchMode, recordMistake, recordNeedsScreen, type CommandLine} from '../../source/config/flags.js';
import {runCli, skipWithoutBuild, tempDir} from '../batch/helpers.js';

function mistake(flags: CommandLine): string | undefined {
	const mode = batchMode(flags);
	assert.ok(typeof mode !== 'object', 'a batch mode');
	return recordMistake(flags, mode);
}

test('--record with a batch flag: what each does, and to leave out one', () => {
	for (const [flags, name] of [
		[{once: true}, '--once'],
		[{tsv: true}, '--tsv'],
		[{json: true}, '--json'],
	] as const) {
		assert.equal(mistake({record: 'x.ndjson', ...flags}), `--record records the monitor's polls, and ${name} prints the list once: leave out one of the two.`);
	}

	assert.equal(
		mistake({record: 'x.ndjson', watch: true, json: true}),
		"--record records the monitor's polls, and --watch --json prints them as JSON lines: leave out one of the two (--watch --json >> FILE keeps them in FILE).",
	);
	assert.equal(mistake({record: 'x.ndjson'}), undefined, 'the monitor records');
	assert.equal(mistake({once: true}), undefined);
});

test('--record without a screen to draw on says why, and what keeps every poll', () => {
	assert.equal(recordNeedsScreen(false), "--record records the monitor's polls, which needs a terminal: run it in a full terminal, or use --watch --json >> FILE to keep every poll as JSON lines.");
	assert.match(recordNeedsScreen(true), /^--record records the monitor's polls, which this terminal \(TERM=dumb\) cannot draw: /);
});

test('the readme says `--watch --json >> FILE` as the sentences do', () => {
	const readme = readFileSync(new URL('../../readme.md', import.meta.url), 'utf8').replaceAll(/\s+/g, ' ');
	assert.match(readme, /--watch --json >> FILE/);
	assert.doesNotMatch(readme, /--watch --json > FILE/);
});

test('the CLI: --record --once in one sentence, exit 2, nothing written', {skip: skipWithoutBuild}, async (t) => {
	const file = path.join(tempDir(t), 'never.ndjson');
	const [once, piped] = await Promise.all([runCli(['--record', file, '--once']), runCli(['--record', file])]);
	assert.equal(once.code, 2);
	assert.equal(once.stderr, "sessiontop: --record records the monitor's polls, and --once prints the list once: leave out one of the two.\n");
	assert.equal(piped.code, 2);
	assert.equal(piped.stderr, `sessiontop: ${recordNeedsScreen(false)}\n`);
	assert.throws(() => readFileSync(file), {code: 'ENOENT'});
});
