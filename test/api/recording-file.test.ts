// What --record FILE will open. QA's cases: a symbolic link to victim.txt had victim.txt
// made 0600 and recording lines appended after VICTIM; an existing file that was no
// recording (`foo`, 0644) was made 0600 and appended to, without a word. Now a link is not
// followed, a file is added to only if it is a sessiontop recording (or empty), each
// refusal is one sentence, and no file but the user's own recording is made 0600.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {chmod, chown, lstat, readFile, rename, rm, stat, symlink, writeFile} from 'node:fs/promises';
import path from 'node:path';
import process from 'node:process';
import {test} from 'node:test';
import {cannotRecord, Recorder, RecordingRefused, readRecording, recordingFormat} from '../../source/api/recording.js';
import {tempFolder} from '../helpers/temp-folder.js';

async function folder(): Promise<string> {
	return tempFolder('sessiontop-record-');
}

/** What start() threw, as the CLI says it (cannotRecord). */
async function refusal(file: string): Promise<string> {
	const recorder = new Recorder(file);
	try {
		await recorder.start(['mx1:8989']);
	} catch (error: unknown) {
		assert.ok(error instanceof RecordingRefused, String(error));
		return cannotRecord(file, error);
	}

	assert.fail(`--record ${file} was not refused`);
}

const header = `${JSON.stringify({format: recordingFormat, hosts: ['a:1'], started: '2026-01-01T00:00:00.000Z'})}\n`;
const frame = {t: 9, host: 'mx1:8989', ok: false as const, error: 'refused'};

test('a symbolic link is not followed: refused in one sentence, its target untouched', async () => {
	const directory = await folder();
	const victim = path.join(directory, 'victim.txt');
	await writeFile(victim, 'VICTIM\n');
	await chmod(victim, 0o644);
	const link = path.join(directory, 'rec-link.ndjson');
	await symlink(victim, link);
	assert.equal(await refusal(link), `${link} is a symbolic link, and --record follows none: record to a new file, or to the recording itself.`);
	assert.equal(await readFile(victim, 'utf8'), 'VICTIM\n');
	assert.equal((await stat(victim)).mode & 0o777, 0o644);
	// A link to a recording is not followed either: the recording itself is the name to give.
	await writeFile(victim, header);
	await refusal(link);
	assert.equal(await readFile(victim, 'utf8'), header);
	// A link that leads nowhere is not made into a file where it points.
	const dangling = path.join(directory, 'dangling.ndjson');
	await symlink(path.join(directory, 'nowhere.ndjson'), dangling);
	await refusal(dangling);
	await assert.rejects(stat(path.join(directory, 'nowhere.ndjson')), {code: 'ENOENT'});
});

test('an existing file that is no recording is refused: its content and its mode untouched', async () => {
	const directory = await folder();
	const cases: Array<[string, string]> = [
		['rec-exist.ndjson', 'foo\n'],
		['no-newline.ndjson', 'foo'],
		['watch.ndjson', '[{"id":"1","user":"app"}]\n'],
		['frames.ndjson', `${JSON.stringify(frame)}\n`],
	];
	for (const [name, content] of cases) {
		const file = path.join(directory, name);
		await writeFile(file, content);
		await chmod(file, 0o644);
		assert.equal(await refusal(file), `${file} is not a sessiontop recording, and --record adds only to one: record to a new file, or to one --record made.`);
		assert.equal(await readFile(file, 'utf8'), content, name);
		assert.equal((await stat(file)).mode & 0o777, 0o644, name);
	}

	const future = path.join(directory, 'future.ndjson');
	await writeFile(future, `${JSON.stringify({format: 'sessiontop-recording/9', hosts: []})}\n`);
	assert.equal(await refusal(future), `${future} is a sessiontop-recording/9 recording, which this sessiontop cannot add to: record to a new file.`);
	// A named pipe would hang a reader and never hold a recording.
	const fifo = path.join(directory, 'pipe.ndjson');
	execFileSync('mkfifo', [fifo]);
	assert.equal(await refusal(fifo), `${fifo} is not a regular file: record to a new file, or to one --record made.`);
	// A folder cannot be opened to write: said with its code, as any such failure (recording.test.ts).
	await assert.rejects(new Recorder(directory).start(['mx1:8989']), {code: 'EISDIR'});
});

test('a new file is created 0600; an existing recording or an empty file of ours is added to (made 0600)', async () => {
	const directory = await folder();
	const fresh = path.join(directory, 'fresh.ndjson');
	const first = new Recorder(fresh);
	await first.start(['mx1:8989']);
	assert.equal((await stat(fresh)).mode & 0o777, 0o600);
	const again = new Recorder(fresh);
	await again.start(['mx2:8989']);
	assert.equal((await readFile(fresh, 'utf8')).split('\n').filter((line) => line.includes(recordingFormat)).length, 2);

	const empty = path.join(directory, 'empty.ndjson');
	await writeFile(empty, '');
	await chmod(empty, 0o644);
	const recorder = new Recorder(empty);
	await recorder.start(['mx1:8989']);
	recorder.record(frame);
	await recorder.flush();
	assert.equal((await stat(empty)).mode & 0o777, 0o600);
	const recording = await readRecording(empty);
	assert.ok(typeof recording !== 'string', String(recording));
	assert.equal(recording.frames.length, 1);
});

test("another user's recording that others can read is neither made 0600 nor added to", {skip: process.getuid?.() === 0 ? false : 'needs root, to give a file to another user'}, async () => {
	const directory = await folder();
	const theirs = path.join(directory, 'theirs.ndjson');
	await writeFile(theirs, header);
	await chown(theirs, 4242, 4242);
	await chmod(theirs, 0o644);
	assert.equal(await refusal(theirs), `${theirs} is another user's file, which others can read: record to a file of your own.`);
	assert.equal((await stat(theirs)).mode & 0o777, 0o644);
	assert.equal(await readFile(theirs, 'utf8'), header);
	// Private already: root may add to it, and leaves its mode and owner as they are.
	await chmod(theirs, 0o600);
	const recorder = new Recorder(theirs);
	await recorder.start(['mx1:8989']);
	const stats = await stat(theirs);
	assert.deepEqual([stats.mode & 0o777, stats.uid], [0o600, 4242]);
});

test('mid-run: a link put in place of the recording is not followed; a file moved away comes back with a header', async () => {
	const directory = await folder();
	const file = path.join(directory, 'night.ndjson');
	const recorder = new Recorder(file);
	const told: string[] = [];
	recorder.onProblem((problem) => told.push(problem));
	await recorder.start(['mx1:8989']);

	// Rotated away: created afresh, 0600, with this run's header, so a later --record may add to it.
	await rename(file, `${file}.1`);
	recorder.record(frame);
	await recorder.flush();
	const lines = (await readFile(file, 'utf8')).trim().split('\n');
	assert.equal((JSON.parse(lines[0]!) as {format?: string}).format, recordingFormat);
	assert.equal(lines.length, 2);
	assert.equal((await stat(file)).mode & 0o777, 0o600);

	// Replaced by a link to another file: that file is left alone, and the problem said.
	const victim = path.join(directory, 'victim.txt');
	await writeFile(victim, 'VICTIM\n');
	await rm(file);
	await symlink(victim, file);
	recorder.record(frame);
	await recorder.flush();
	assert.equal(await readFile(victim, 'utf8'), 'VICTIM\n');
	assert.deepEqual(told, [`${file} is a symbolic link, and --record follows none: record to a new file, or to the recording itself.`]);

	// Replaced by a file that is no recording: not added to either.
	await rm(file);
	await writeFile(file, 'foo\n');
	recorder.record(frame);
	await recorder.flush();
	assert.equal(await readFile(file, 'utf8'), 'foo\n');
	assert.ok((await lstat(file)).isFile());
});

test('any other failure to open is said with its code, as before', () => {
	assert.equal(cannotRecord('/no/such/folder/x.ndjson', Object.assign(new Error('x'), {code: 'ENOENT'})), 'cannot record to /no/such/folder/x.ndjson (ENOENT): check the path and its folder.');
});

test('a file begun afresh mid-run gets each MaxScale\'s version again with its next list, once (QA: it replayed without them)', async () => {
	const directory = await folder();
	const file = path.join(directory, 'night.ndjson');
	const recorder = new Recorder(file);
	await recorder.start(['mx1:8989', 'mx2:8989']);
	const list = (host: string, t: number, server?: {version: string; askedAt: number}) => ({t, host, ok: true as const, latencyMs: 1, bytes: 1, sessions: [], ...(server === undefined ? {} : {server})});
	recorder.record(list('mx1:8989', 1, {version: '24.02.3', askedAt: 1}));
	recorder.record(list('mx2:8989', 2, {version: '22.08.14', askedAt: 2}));
	recorder.record(list('mx1:8989', 3));
	await recorder.flush();
	const versions = async (name: string) =>
		(await readFile(name, 'utf8')).trim().split('\n').slice(1).map((line) => (JSON.parse(line) as {server?: {version: string}}).server?.version);
	assert.deepEqual(await versions(file), ['24.02.3', '22.08.14', undefined], 'once each, as recorded');

	await rename(file, `${file}.1`);
	recorder.record(list('mx1:8989', 4));
	recorder.record(list('mx2:8989', 5));
	recorder.record(list('mx1:8989', 6));
	await recorder.flush();
	assert.deepEqual(await versions(file), ['24.02.3', '22.08.14', undefined], 'the new file has them too');
	const replayed = await readRecording(file);
	assert.ok(typeof replayed !== 'string');
	assert.equal(replayed.frames.filter((one) => one.ok && one.server !== undefined).length, 2);
});
