// QA: W while one of several MaxScales was failing (in back-off, its next try up to 30 s off)
// recorded nothing of it until that try, so the replay showed it `connecting…`, not down. A
// recording started late carries each MaxScale's failure in force, as it carries the version.

import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import {readRecording, type Frame} from '../../source/api/recording.js';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {App} from '../../source/ui/app.js';
import {hostRecorder, type RecorderHolder, toggleRecording} from '../../source/ui/record-toggle.js';
import {themeFor} from '../../source/ui/theme.js';
import {startFixtureServer} from '../helpers/fixture-server.js';
import {plain, waitFor} from '../helpers/ink.js';
import {session} from '../helpers/sessions.js';
import {tempFolder} from '../helpers/temp-folder.js';

const hosts = ['mx1:8989', 'mx2:8989'];

test('a recording started while mx2 fails begins with its failure, at its own time, and replays it failing from the first frame', async () => {
	const holder: RecorderHolder = {current: undefined};
	// Polls of the last seconds before W, at their wall-clock times as the monitor records them.
	const base = Date.now() - 10_000;
	const [one, two] = [hostRecorder(holder), hostRecorder(holder)];
	// mx2 answered at 500 (MaxScale 6.4), then failed twice before W, the last time at 2000; mx1 answers on.
	two.known({version: '6.4.15', uptimeSeconds: 100, askedAt: base + 400});
	two.record({t: base + 500, host: 'mx2:8989', ok: true, latencyMs: 3, bytes: 10, sessions: [session(7, {host: 'mx2:8989', user: 'etl'})]});
	two.record({t: base + 1000, host: 'mx2:8989', ok: false, error: 'Connection refused by mx2:8989.'});
	one.record({t: base + 1500, host: 'mx1:8989', ok: true, latencyMs: 3, bytes: 10, sessions: [session(1, {host: 'mx1:8989'})]});
	two.record({t: base + 2000, host: 'mx2:8989', ok: false, error: 'Connection timed out (mx2:8989).'});
	// A MaxScale back since is not carried as failing.
	one.record({t: base + 2100, host: 'mx1:8989', ok: false, error: 'Connection refused by mx1:8989.'});
	one.record({t: base + 2200, host: 'mx1:8989', ok: true, latencyMs: 3, bytes: 10, sessions: [session(1, {host: 'mx1:8989'})]});
	await toggleRecording(holder, false, hosts, await tempFolder('sessiontop-'), () => undefined);
	const recorder = holder.current;
	assert.ok(recorder !== undefined);
	// The first poll after W.
	one.record({t: Date.now() + 1, host: 'mx1:8989', ok: true, latencyMs: 3, bytes: 10, sessions: [session(1, {host: 'mx1:8989'})]});
	await toggleRecording(holder, true, hosts, '', () => undefined);

	const recording = await readRecording(recorder.file);
	assert.ok(typeof recording !== 'string', String(recording));
	assert.deepEqual(
		recording.frames.map(({t, host, ok}) => ({t: t - base, host, ok})).slice(0, 3),
		// Each one's last list first (mx2's, then its failure in force: the replay starts STALE, as the
		// screen was, not NO DATA; mx1's, so that it is not `connecting…` until its next poll).
		[{t: 500, host: 'mx2:8989', ok: true}, {t: 2000, host: 'mx2:8989', ok: false}, {t: 2200, host: 'mx1:8989', ok: true}],
	);
	assert.equal(recording.frames.length, 4, 'then the poll after W');
	assert.equal(recording.frames[0]!.run?.opening, 3, 'the three that came before the recording began');
	assert.equal(recording.frames[0]!.ok && recording.frames[0]!.server?.version, '6.4.15', 'with the version it last reported');
	// The replay opens on all of them (QA: on the oldest alone, mx1 `connecting…` for three frames).
	const replayed = reducer(initialState({hosts}), {type: 'replay-load', frames: recording.frames});
	assert.equal(replayed.replay?.index, 2);
	assert.ok(replayed.hosts['mx1:8989']?.lastPoll !== undefined, 'mx1 with its list, not connecting…');
	assert.equal(replayed.hosts['mx2:8989']?.error?.message, 'Connection timed out (mx2:8989).');
	assert.deepEqual(replayed.hosts['mx2:8989']?.sessions.map((one) => one.user), ['etl'], 'its last good rows, stale');
});

test('the real App: W while one of two MaxScales is refused records it failing, and the replay shows it NO DATA, not connecting…', async (t) => {
	const answering = await startFixtureServer('v24');
	// A port nothing listens on: every poll refused.
	const closed = net.createServer();
	await new Promise<void>((resolve) => {
		closed.listen(0, '127.0.0.1', resolve);
	});
	const refused = `127.0.0.1:${(closed.address() as net.AddressInfo).port}`;
	await new Promise((resolve) => {
		closed.close(resolve);
	});
	const directory = await tempFolder('sessiontop-');
	const clients = [{origin: answering.origin, label: answering.label}, {origin: `http://${refused}`, label: refused}].map((target) => new Client({target, user: 'admin', password: 'mariadb', timeoutMs: 1000}));
	const live = render(<App clients={clients} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={directory} writeTerminal={() => undefined} />);
	t.after(async () => {
		live.unmount();
		await Promise.all(clients.map(async (client) => client.close()));
		await answering.close();
	});
	const frame = () => plain(live.lastFrame());
	const lists = () => answering.requests.filter((r) => r.includes('/v1/sessions?')).length;
	await waitFor(() => frame().includes('maxuser') && new RegExp(`${refused.replaceAll('.', '\\.')} NO DATA`).test(frame().split('\n')[1] ?? ''), 'one answering, one refused');
	live.stdin.write('W');
	await waitFor(() => frame().includes('Recording every poll to'), 'the recording said');
	const file = /Recording every poll to (\S+\.ndjson)/.exec(frame().replaceAll('\n', ''))?.[1];
	const from = lists();
	await waitFor(() => lists() >= from + 3, 'three polls recorded');
	live.stdin.write('W');
	await waitFor(() => frame().replaceAll('\n', '').includes(`Recorded to ${file!}`), 'the end said');

	const recording = await readRecording(file!);
	assert.ok(typeof recording !== 'string', String(recording));
	// The first frames are each MaxScale's state as W found it: the answering one's last list, the refused one's failure.
	const [one, two] = recording.frames as Array<Frame | undefined>;
	const first = [one, two].find((frame) => frame?.host === refused);
	assert.ok(first !== undefined && !first.ok, `a first frame is the refused MaxScale's failure: ${JSON.stringify([one, two])}`);
	assert.match(first.error, /refused/i);
	assert.ok([one, two].some((frame) => frame?.host === answering.label && frame.ok), 'and one the answering one\'s last list');

	const replay = render(<App clients={[]} options={{}} theme={themeFor({NO_COLOR: '1'})} recording={recording} writeTerminal={() => undefined} />);
	try {
		const replayed = () => plain(replay.lastFrame());
		// Its first step waits as long as the failure came before the next poll (up to 5 s, as any
		// gap). At the end it pauses; the failure's sentence, not "End of the recording", is on the status line.
		const last = `${recording.frames.length}/${recording.frames.length}`;
		await waitFor(() => replayed().includes(' REPLAY ') && replayed().includes(last) && replayed().includes(' PAUSED '), 'played to the end', 15_000);
		const hostLine = replayed().split('\n')[1] ?? '';
		assert.match(hostLine, new RegExp(`${refused.replaceAll('.', '\\.')} NO DATA`));
		assert.doesNotMatch(hostLine, /connecting/);
	} finally {
		replay.unmount();
	}
});
