// A recording appended to by several runs of --record, and what the reader refuses.

import assert from 'node:assert/strict';
import {chmod, readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {test} from 'node:test';
import {Recorder, readRecording, recordingFormat} from '../../source/api/recording.js';
import {readCappedLines} from '../../source/api/capped-lines.js';
import {runCount} from '../../source/model/replay.js';
import {session} from '../helpers/sessions.js';
import {tempFolder} from '../helpers/temp-folder.js';

async function folder(): Promise<string> {
	return tempFolder('sessiontop-runs-');
}

test('each run of --record writes its own header; the reader gives each run its own hosts', async () => {
	const file = path.join(await folder(), 'two.ndjson');
	const first = new Recorder(file);
	await first.start(['mx1:8989']);
	first.record({t: 1000, host: 'mx1:8989', ok: true, latencyMs: 1, bytes: 1, sessions: [session(1)]});
	first.record({t: 2000, host: 'mx1:8989', ok: true, latencyMs: 1, bytes: 1, sessions: [session(1)]});
	await first.flush();
	const second = new Recorder(file);
	await second.start(['mx2:8989', 'mx3:8989']);
	second.record({t: 90_000, host: 'mx2:8989', ok: true, latencyMs: 1, bytes: 1, sessions: [session(7)]});
	second.record({t: 90_100, host: 'mx3:8989', ok: false, error: 'Connection refused by mx3:8989.'});
	await second.flush();

	const lines = (await readFile(file, 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as {format?: string; hosts?: string[]});
	assert.deepEqual(
		lines.map((line) => line.format),
		[recordingFormat, undefined, undefined, recordingFormat, undefined, undefined],
	);
	assert.deepEqual(lines[3]?.hosts, ['mx2:8989', 'mx3:8989']);

	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.equal(runCount(recording.frames), 2);
	assert.equal(recording.skipped, 0, 'a later header is a run, not an unreadable line');
	assert.deepEqual(recording.hosts, ['mx1:8989']);
	assert.deepEqual(
		recording.frames.map((frame) => frame.run?.hosts),
		[['mx1:8989'], undefined, ['mx2:8989', 'mx3:8989'], undefined],
	);
});

test('--record to an existing file others can read makes it 0600; a cut last line does not swallow the header', async () => {
	const file = path.join(await folder(), 'open.ndjson');
	await writeFile(file, `${JSON.stringify({format: recordingFormat, hosts: ['a:1']})}\n{"t": 5, "host": "a:1", "ok": tr`);
	await chmod(file, 0o644);
	const recorder = new Recorder(file);
	await recorder.start(['b:1']);
	recorder.record({t: 9, host: 'b:1', ok: true, latencyMs: 1, bytes: 1, sessions: []});
	await recorder.flush();
	assert.equal((await stat(file)).mode & 0o777, 0o600);
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.equal(recording.skipped, 1, 'only the cut line');
	assert.deepEqual(recording.hosts, ['b:1'], 'the first run recorded no poll: the second is the first shown');
	assert.equal(runCount(recording.frames), 1);
});

test('a recording of a format this sessiontop does not read is said so in one sentence, not skipped', async () => {
	const file = path.join(await folder(), 'future.ndjson');
	await writeFile(file, `${JSON.stringify({format: 'sessiontop-recording/9', hosts: ['a:1']})}\n${JSON.stringify({t: 1, host: 'a:1', ok: true, sessions: []})}\n`);
	const said = await readRecording(file);
	assert.equal(typeof said, 'string');
	assert.match(String(said), /^\S+future\.ndjson is a sessiontop-recording\/9 recording, which this sessiontop cannot read \(it reads sessiontop-recording\/1\): [^\n]+\.$/);
	// A control character in the format is no way in either.
	await writeFile(file, `${JSON.stringify({format: 'sessiontop-recording/\u001B]0;x\u0007', hosts: []})}\n`);
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(String(await readRecording(file)), /[\u0000-\u001F\u007F-\u009F]/);
});

test("the header's hosts are untrusted: sanitized as they are read", async () => {
	const file = path.join(await folder(), 'evil.ndjson');
	const host = 'evil\u001B]0;PWNED\u0007h:1';
	await writeFile(file, `${JSON.stringify({format: recordingFormat, hosts: [host, 'b\u009B2J:1'], started: '\u001B[2J'})}\n${JSON.stringify({t: 1, host, ok: true, sessions: []})}\n`);
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	// eslint-disable-next-line no-control-regex
	const control = /[\u0000-\u001F\u007F-\u009F]/;
	for (const name of [...recording.hosts, ...(recording.frames[0]?.run?.hosts ?? []), recording.frames[0]!.host]) {
		assert.doesNotMatch(name, control);
	}

	assert.equal(recording.frames[0]?.host, recording.hosts[0], 'a frame names its host as the header does');
});

test('QA: polls a few ms out of order between MaxScales are put in order; a wall clock stepped back is replayed as it happened', async () => {
	const file = path.join(await folder(), 'stepped.ndjson');
	const frame = (t: number, host: string, id: number) => JSON.stringify({t, host, ok: true, latencyMs: 1, bytes: 1, sessions: [session(id, {host})]});
	const base = 1_795_000_000_000;
	const lines = [
		JSON.stringify({format: recordingFormat, hosts: ['a', 'b']}),
		frame(base + 2000, 'a', 1),
		frame(base + 1990, 'b', 2), // Read 10 ms earlier, recorded after: put before.
		frame(base + 4000, 'a', 3),
		frame(base - 20_000, 'a', 4), // The clock stepped back 24 s: after, as it came.
		frame(base - 18_000, 'a', 5),
	];
	await writeFile(file, `${lines.join('\n')}\n`);
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.deepEqual(
		recording.frames.map((each) => (each.ok ? each.sessions[0]!.id : '')),
		['2', '1', '3', '4', '5'],
	);
});

test('QA: a poll whose time no Date can hold is skipped; a session repeated in a poll is listed once', async () => {
	const file = path.join(await folder(), 'edited.ndjson');
	const good = {t: 1_795_000_000_000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [session(1, {user: 'app'}), session(1, {user: 'dup'}), session(2)]};
	await writeFile(file, [JSON.stringify({format: recordingFormat, hosts: ['mx']}), JSON.stringify(good), JSON.stringify(good).replace('"t":1795000000000', '"t":1e400'), JSON.stringify({...good, t: 0})].join('\n'));
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.equal(recording.frames.length, 1);
	assert.equal(recording.skipped, 2);
	const [only] = recording.frames;
	assert.ok(only?.ok);
	assert.deepEqual(only.sessions.map((each) => `${each.id} ${each.user}`), ['1 app', '2 undefined']);
});

test("QA: sessions are known by their poll's MaxScale and id, not the file's key; a poll of a MaxScale the header does not name is skipped", async () => {
	const file = path.join(await folder(), 'same-key.ndjson');
	const poll = (host: string, ids: number[]) => ({t: 1_795_000_000_000, host, ok: true, latencyMs: 1, bytes: 1, sessions: ids.map((id) => ({...session(id), key: 'same', host: 'elsewhere'}))});
	await writeFile(file, [JSON.stringify({format: recordingFormat, hosts: ['a:1', 'b:1']}), JSON.stringify(poll('a:1', [1, 2, 3])), JSON.stringify(poll('b:1', [1, 2])), JSON.stringify(poll('other:1', [9]))].join('\n'));
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.equal(recording.skipped, 1, 'the poll of other:1');
	assert.deepEqual(
		recording.frames.flatMap((frame) => (frame.ok ? frame.sessions.map((each) => `${each.key} ${each.host}`) : [])),
		['a:1#1 a:1', 'a:1#2 a:1', 'a:1#3 a:1', 'b:1#1 b:1', 'b:1#2 b:1'],
	);
	// One MaxScale: keys are the ids, as live.
	const single = path.join(await folder(), 'single.ndjson');
	await writeFile(single, [JSON.stringify({format: recordingFormat, hosts: ['a:1']}), JSON.stringify(poll('a:1', [4, 5]))].join('\n'));
	const one = await readRecording(single);
	assert.ok(typeof one !== 'string' && one.frames[0]?.ok);
	assert.deepEqual(one.frames[0].sessions.map((each) => each.key), ['4', '5']);
	// Only polls of MaxScales it does not name: said.
	const stray = path.join(await folder(), 'stray.ndjson');
	await writeFile(stray, [JSON.stringify({format: recordingFormat, hosts: ['a:1']}), JSON.stringify(poll('z:1', [1]))].join('\n'));
	assert.equal(await readRecording(stray), `${stray} holds no poll of the MaxScales its header names: name a file --record made.`);
});

test('QA: a line longer than any poll (a tail of NULs after a power loss) is skipped as it streams, never held', async () => {
	const folderPath = await folder();
	const lines: string[] = [];
	const file = path.join(folderPath, 'lines.txt');
	// Across the stream's 64 KiB chunks: a long line, CRLF, a line over the cap, no final newline.
	await writeFile(file, `short\r\n${'x'.repeat(100_000)}\n${'\u0000'.repeat(300_000)}\nafter\nlast`);
	const read = await readCappedLines(file, 200_000, (line) => {
		lines.push(line.length > 20 ? `${line[0]}×${line.length}` : line);
		return true;
	});
	assert.deepEqual(lines, ['short', 'x×100000', 'after', 'last']);
	assert.equal(read.tooLong, 1);
	// Stopped early, as a refused format stops it.
	const stopped: string[] = [];
	await readCappedLines(file, 200_000, (line) => {
		stopped.push(line.slice(0, 5));
		return false;
	});
	assert.deepEqual(stopped, ['short']);
	// A recording whose tail is NULs with no line break: its polls replay, the tail counted as skipped.
	const recording = path.join(folderPath, 'power-loss.ndjson');
	const good = {t: 1_795_000_000_000, host: 'mx', ok: true, latencyMs: 1, bytes: 1, sessions: [session(1)]};
	await writeFile(recording, `${JSON.stringify({format: recordingFormat, hosts: ['mx']})}\n${JSON.stringify(good)}\n${'\u0000'.repeat(2_000_000)}`);
	const read2 = await readRecording(recording);
	assert.ok(typeof read2 !== 'string');
	assert.deepEqual([read2.frames.length, read2.skipped], [1, 1]);
});

test('QA: a recording whose only poll cannot be read says so, not "record one"', async () => {
	const file = path.join(await folder(), 'far-future.ndjson');
	await writeFile(file, [JSON.stringify({format: recordingFormat, hosts: ['mx']}), '{"t": 1e400, "host": "mx", "ok": true, "sessions": []}'].join('\n'));
	assert.equal(await readRecording(file), `${file} holds no poll that can be replayed: its one other line is cut or edited (no time a clock can hold, or no JSON).`);
});
