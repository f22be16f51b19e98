import assert from 'node:assert/strict';
import path from 'node:path';
import {after, test} from 'node:test';
import {render} from 'ink-testing-library';
import {Client} from '../../source/api/client.js';
import {Recorder, readRecording} from '../../source/api/recording.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';
import {plain, waitFor} from '../helpers/ink.js';
import {tempFolder} from '../helpers/temp-folder.js';

const servers: FixtureServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

test('record a live run, then replay it offline with pause and stepping', async () => {
	const server = await startFixtureServer('v24');
	servers.push(server);
	const file = path.join(await tempFolder('sessiontop-'), 'run.ndjson');
	const recorder = new Recorder(file);
	await recorder.start([server.label]);
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'secret-pw', timeoutMs: 1000});
	const live = render(<App clients={[client]} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} recorder={recorder} writeTerminal={() => undefined} />);
	await waitFor(() => server.requests.filter((r) => r.includes('/v1/sessions?')).length >= 2, 'two polls');
	server.fault = {kind: 'status', status: 502, body: '<html>bad gateway</html>'};
	await waitFor(() => plain(live.lastFrame()).includes('STALE'), 'a failed poll');
	server.fault = {kind: 'none'};
	await waitFor(() => !plain(live.lastFrame()).includes('STALE'), 'recovery');
	live.unmount();
	await client.close();
	await recorder.flush();

	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	assert.ok(recording.frames.length >= 4);
	assert.ok(recording.frames.some((frame) => !frame.ok));
	assert.doesNotMatch(JSON.stringify(recording), /secret-pw/);

	const replay = render(<App clients={[]} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} recording={recording} writeTerminal={() => undefined} />);
	const frame = () => plain(replay.lastFrame());
	await waitFor(() => frame().includes('REPLAY') && frame().includes('maxuser'), 'the replay');
	// The note in the screen's own 24-hour times, never the locale's (11/28/2026, 11:45:31 PM).
	assert.match(frame(), /Replaying \d+ polls from \d{4}-\d\d-\d\d \d\d:\d\d:\d\d to \d\d:\d\d:\d\d/);
	assert.doesNotMatch(frame(), /[AP]M\b|\d+\/\d+\/\d{4}/);
	// The keys that work here: [ ] in the hint where K was; the help without r + - (and kill).
	assert.match(frame(), / \[ \] {2}step /);
	assert.doesNotMatch(frame(), / K {2}kill /);
	replay.stdin.write('?');
	await waitFor(() => frame().includes('Keys (replay)'), 'the help, titled for a replay');
	// Down a line at a time until the Polling keys show (the legend follows the keys).
	for (let i = 0; i < 80 && !/│ \] +replay: one poll forward in time/.test(frame()); i++) {
		replay.stdin.write('\u001B[B');
		// eslint-disable-next-line no-await-in-loop
		await new Promise((resolve) => {
			setTimeout(resolve, 10);
		});
	}

	await waitFor(() => /│ \] +replay: one poll forward in time/.test(frame()), 'the help scrolled to its Polling keys');
	assert.match(frame(), /│ \[ +replay: one poll back in time/);
	assert.doesNotMatch(frame(), /│ (r|\+|-) +(poll now|poll less often|poll more often)/);
	assert.doesNotMatch(frame(), /kill the session/);
	replay.stdin.write('\u001B');
	await waitFor(() => !frame().includes('Keys (replay)'), 'the help closed');
	// Paused first: a recorded failure played after r's answer would be said over it (status-line.ts showsError).
	replay.stdin.write('p');
	await waitFor(() => frame().includes('PAUSED'), 'pause');
	replay.stdin.write('r');
	await waitFor(() => frame().includes('A replay does not poll'), 'r: nothing to poll, said so');
	assert.doesNotMatch(frame(), /Polling now/);
	replay.stdin.write('g');
	for (let i = 0; i < recording.frames.length; i++) {
		replay.stdin.write('[');
	}

	await waitFor(() => frame().includes(`REPLAY`) && new RegExp(`1/${recording.frames.length}`).test(frame()), 'the first frame');
	const failed = recording.frames.findIndex((f) => !f.ok);
	for (let i = 0; i < failed; i++) {
		replay.stdin.write(']');
	}

	await waitFor(() => frame().includes('STALE') && frame().includes('HTML page'), 'the recorded failure, replayed');
	assert.ok(frame().includes('maxuser'), 'with the last good data');
	// r says why it does nothing here too, over the recorded failure's sentence.
	replay.stdin.write('r');
	await waitFor(() => frame().includes('A replay does not poll'), 'r over a failure: said');
	replay.stdin.write('G');
	replay.stdin.write('\r');
	await waitFor(() => frame().includes('"recorded": {'), 'the pane shows the recorded fields');
	replay.unmount();
});

test('a recording of two MaxScales replays with both versions on the host line', async () => {
	const a = await startFixtureServer('v24');
	const b = await startFixtureServer('v23');
	servers.push(a, b);
	const file = path.join(await tempFolder('sessiontop-'), 'two.ndjson');
	const recorder = new Recorder(file);
	await recorder.start([a.label, b.label]);
	const clients = [a, b].map((server) => new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 1000}));
	const live = render(<App clients={clients} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} recorder={recorder} writeTerminal={() => undefined} />);
	const polls = (server: FixtureServer) => server.requests.filter((r) => r.includes('/v1/sessions?')).length;
	try {
		await waitFor(() => polls(a) >= 3 && polls(b) >= 3, 'three polls of each');
	} finally {
		live.unmount();
		await Promise.all(clients.map(async (client) => client.close()));
	}

	await recorder.flush();
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string');
	// Each version is recorded once, with its host's first poll: the replay must carry it on.
	assert.equal(recording.frames.filter((frame) => frame.ok && frame.server !== undefined).length, 2);

	const replay = render(<App clients={[]} options={{}} theme={themeFor({NO_COLOR: '1'})} recording={recording} writeTerminal={() => undefined} />);
	try {
		const frame = () => plain(replay.lastFrame());
		await waitFor(() => frame().includes('End of the recording'), 'played to the end');
		const hostLine = frame().split('\n')[1] ?? '';
		assert.match(hostLine, new RegExp(`${a.label} ok \\d+ms 24\\.02\\.3 up \\d\\S*\\s+${b.label} ok \\d+ms 23\\.02\\.11 up \\d`));
	} finally {
		// Unmounted even when it fails: a mounted app keeps the test file from ending.
		replay.unmount();
	}
});

test('s during a replay saves the recording\'s MaxScale as the host, and says the file is a replay\'s', async () => {
	const {readFile, readdir} = await import('node:fs/promises');
	const directory = await tempFolder('sessiontop-');
	const recording = {
		hosts: ['mx1:8989'],
		frames: [{t: 1000, host: 'mx1:8989', ok: true as const, latencyMs: 1, bytes: 1, sessions: [{key: '1', id: '1', host: 'mx1:8989', service: 'RW', state: 'Session started', user: 'app'}]}],
	};
	const replay = render(<App clients={[]} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} recording={recording as never} saveDirectory={directory} writeTerminal={() => undefined} />);
	const frame = () => plain(replay.lastFrame());
	await waitFor(() => frame().includes('REPLAY'), 'the replay');
	replay.stdin.write('s');
	await waitFor(() => frame().includes('Saved'), 'the snapshot saved');
	replay.unmount();
	const [file] = await readdir(directory);
	const saved = JSON.parse(await readFile(path.join(directory, file!), 'utf8')) as {host: string; replayed?: boolean};
	assert.equal(saved.host, 'mx1:8989');
	assert.equal(saved.replayed, true);
});

test('W records every poll from now on to a file beside the snapshots, REC in the header; W again stops and says how to replay it', async (t) => {
	const server = await startFixtureServer('v24');
	servers.push(server);
	const directory = await tempFolder('sessiontop-');
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'secret-pw', timeoutMs: 1000});
	const live = render(<App clients={[client]} options={{intervalMs: 100}} theme={themeFor({NO_COLOR: '1'})} saveDirectory={directory} writeTerminal={() => undefined} />);
	t.after(async () => {
		live.unmount();
		await client.close();
	});
	const frame = () => plain(live.lastFrame());
	const lists = () => server.requests.filter((r) => r.includes('/v1/sessions?')).length;
	await waitFor(() => frame().includes('maxuser'), 'the first poll');
	assert.doesNotMatch(frame(), / REC /);
	live.stdin.write('W');
	await waitFor(() => frame().includes('Recording every poll to'), 'the recording said');
	const file = /Recording every poll to (\S+\.ndjson)/.exec(frame().replaceAll('\n', ''))?.[1];
	assert.ok(file?.startsWith(directory), `${file} in ${directory}`);
	assert.match(frame().split('\n')[1] ?? '', / REC /, 'REC on the status line');
	const from = lists();
	await waitFor(() => lists() >= from + 3, 'three polls recorded');
	live.stdin.write('W');
	// The sentence goes on (`: sessiontop --replay FILE plays it.`) past a 100-column status line.
	await waitFor(() => frame().replaceAll('\n', '').includes(`Recorded to ${file}: sessiontop --replay`), 'the end said');
	assert.doesNotMatch(frame(), / REC /);
	const after = lists();
	await waitFor(() => lists() >= after + 2, 'polls after the end');

	const recording = await readRecording(file!);
	assert.ok(typeof recording !== 'string', String(recording));
	// Only the polls between the two Ws, the first with the version the header shows.
	assert.ok(recording.frames.length >= 2 && recording.frames.length <= lists() - from, `${recording.frames.length} frames`);
	const first = recording.frames[0];
	assert.ok(first?.ok === true && first.sessions.some((session) => session.user === 'maxuser'));
	assert.equal(first.server?.version, '24.02.3', 'a recording started late still knows the version');
	assert.doesNotMatch(JSON.stringify(recording), /secret-pw/);
	const {stat} = await import('node:fs/promises');
	assert.equal((await stat(file!)).mode & 0o777, 0o600);
});
