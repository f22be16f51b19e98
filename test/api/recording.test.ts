import assert from 'node:assert/strict';
import {appendFile, mkdir, readFile, rm, stat} from 'node:fs/promises';
import path from 'node:path';
import {test} from 'node:test';
import {Recorder, readRecording, recordingFormat} from '../../source/api/recording.js';
import {session} from '../helpers/sessions.js';
import {tempFolder} from '../helpers/temp-folder.js';

test('a recording is NDJSON with a header, mode 0600, frames in order, and reads back', async () => {
	const file = path.join(await tempFolder('sessiontop-'), 'night.ndjson');
	const recorder = new Recorder(file);
	await recorder.start(['mx1:8989']);
	recorder.record({t: 1000, host: 'mx1:8989', ok: true, latencyMs: 3, bytes: 10, sessions: [session(1, {host: 'mx1:8989', servers: 'server1,server2'})], server: {version: '24.02.3', askedAt: 1000}});
	recorder.record({t: 3000, host: 'mx1:8989', ok: false, error: 'Connection refused by mx1:8989.'});
	await recorder.flush();
	assert.equal((await stat(file)).mode & 0o777, 0o600);
	const lines = (await readFile(file, 'utf8')).trim().split('\n');
	assert.equal(JSON.parse(lines[0]!).format, recordingFormat);
	assert.equal(lines.length, 3);
	await appendFile(file, '{"t": 5000, "host": "mx1:8989", "ok": tr'); // A line cut by a crash.
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.deepEqual(recording.hosts, ['mx1:8989']);
	assert.equal(recording.frames.length, 2);
	assert.equal(recording.skipped, 1);
	assert.equal(recording.frames[0]?.ok && recording.frames[0].sessions[0]?.id, '1');
	assert.equal(recording.frames[0]?.ok && recording.frames[0].sessions[0]?.servers, 'server1,server2', 'its backends replay too');
});

test('a recording is untrusted input: strings are sanitized, junk is skipped, a missing file is one sentence', async () => {
	const file = path.join(await tempFolder('sessiontop-'), 'evil.ndjson');
	await appendFile(
		file,
		[
			JSON.stringify({t: 1, host: 'h\u001B[2J', ok: true, latencyMs: 1, bytes: 1, sessions: [{id: '7\u001B]52;c;eA==\u0007', user: 'x\u009B1m', idleSeconds: 'NaN', servers: 'db\u001B[2J'}, 42]}),
			JSON.stringify({t: 'soon', host: 'h', ok: true, sessions: []}),
			'not json',
		].join('\n'),
	);
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.equal(recording.skipped, 2);
	const frame = recording.frames[0];
	assert.ok(frame?.ok);
	assert.equal(frame.sessions.length, 1);
	assert.doesNotMatch(JSON.stringify(frame).replaceAll('\\u001b', ''), /\u001B|\u009B|\u0007/);
	assert.equal(frame.sessions[0]?.idleSeconds, undefined);
	assert.match(String(await readRecording(`${file}.missing`)), /^cannot read the recording .* \(ENOENT\): check the path\.$/);
	assert.match(String(await readRecording(path.dirname(file))), /\(EISDIR\): name the file, not its folder\.$/);
});

test('a recording that cannot be written is told once, tried again each poll, and a file moved away comes back 0600', async () => {
	const directory = await tempFolder('sessiontop-');
	const file = path.join(directory, 'night.ndjson');
	const recorder = new Recorder(file);
	const told: string[] = [];
	recorder.onProblem((problem) => told.push(problem));
	await recorder.start(['mx1:8989']);
	const frame = (t: number) => ({t, host: 'mx1:8989', ok: false as const, error: 'refused'});
	// Rotated away mid-run: the next poll creates it afresh, private.
	await rm(file);
	recorder.record(frame(1));
	await recorder.flush();
	assert.equal((await stat(file)).mode & 0o777, 0o600);
	// Now a folder where the file was: every append fails; said once, not per poll.
	await rm(file);
	await mkdir(file);
	recorder.record(frame(2));
	recorder.record(frame(3));
	await recorder.flush();
	assert.deepEqual(told, [`Recording to ${file} failed (EISDIR): polls are not recorded while it cannot be written.`]);
	assert.equal(recorder.problem, told[0]);
	// Fixed: the next poll is recorded, and a new failure would be told again.
	await rm(file, {recursive: true});
	recorder.record(frame(4));
	await recorder.flush();
	assert.equal(recorder.problem, undefined);
	assert.match(await readFile(file, 'utf8'), /"t":4/);
	// Recovered, but with a gap: said at exit.
	assert.equal(recorder.lost, `2 polls were not recorded to ${file}: writing failed for a while, so the recording has a gap there.`);
});

test('a file that is no recording is said to be none, not offered to be recorded into', async () => {
	const directory = await tempFolder('sessiontop-');
	const capture = path.join(directory, 'watch.ndjson');
	// What --watch --json writes: arrays of sessions, one a line.
	await appendFile(capture, '[{"id":"1","user":"app"}]\n[{"id":"1","user":"app"}]\n');
	assert.equal(await readRecording(capture), `${capture} is not a sessiontop recording (no line of it is one): name a file --record made.`);
	// QA: a snapshot `s` saved, as it writes it (model/snapshot.ts), read as "not a sessiontop recording".
	const {snapshotOf} = await import('../../source/model/snapshot.js');
	const {initialState} = await import('../../source/model/monitor-state.js');
	const snapshot = path.join(directory, 'sessiontop-20261129-200224.json');
	await appendFile(snapshot, `${JSON.stringify(snapshotOf(initialState(), 'mx1:8989', new Date()), undefined, 2)}\n`);
	assert.equal(await readRecording(snapshot), `${snapshot} is a snapshot saved with s (one moment, as JSON: read it with jq or an editor), not a recording: --replay plays files --record made.`);
	const headerOnly = path.join(directory, 'stopped.ndjson');
	await appendFile(headerOnly, `${JSON.stringify({format: recordingFormat, hosts: ['mx1:8989']})}\n`);
	assert.equal(await readRecording(headerOnly), `${headerOnly} holds no recorded polls: record one with --record ${headerOnly}.`);
	// An empty file has no line at all: said to be empty, not to hold no line of a recording.
	for (const [name, text] of [['empty.ndjson', ''], ['blank.ndjson', '\n  \n']] as const) {
		const empty = path.join(directory, name);
		await appendFile(empty, text);
		assert.equal(await readRecording(empty), `${empty} is empty, so there is nothing to replay: name a file --record made.`);
	}
});

test('frames recorded a few milliseconds out of order (each MaxScale read on its own thread) replay in the order of their time', async () => {
	const file = path.join(await tempFolder('sessiontop-'), 'two.ndjson');
	const recorder = new Recorder(file);
	await recorder.start(['mx1:8989', 'mx2:8989']);
	for (const [t, host] of [[1000, 'mx1:8989'], [1012, 'mx2:8989'], [1005, 'mx1:8989'], [3000, 'mx2:8989'], [3000, 'mx1:8989']] as const) {
		recorder.record({t, host, ok: true, latencyMs: 3, bytes: 10, sessions: [session(1, {host})]});
	}

	await recorder.flush();
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.deepEqual(
		recording.frames.map((frame) => `${frame.t} ${frame.host}`),
		['1000 mx1:8989', '1005 mx1:8989', '1012 mx2:8989', '3000 mx2:8989', '3000 mx1:8989'],
	);
	assert.deepEqual(recording.hosts, ['mx1:8989', 'mx2:8989']);
});
