// A recording is untrusted input: a header or a poll line written to drive the terminal
// (a title change, a clipboard write) reaches neither the screen nor the state.

import assert from 'node:assert/strict';
import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {test} from 'node:test';
import {render} from 'ink-testing-library';
import {readRecording, recordingFormat, type Recording} from '../../source/api/recording.js';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {App} from '../../source/ui/app.js';
import {themeFor} from '../../source/ui/theme.js';
import {waitFor} from '../helpers/ink.js';
import {tempFolder} from '../helpers/temp-folder.js';

const title = '\u001B]0;PWNED\u0007';
const hostA = `evil${title}h:1`;
const hostB = 'b\u009B2J\u202E:2';
// Every C0 and C1 control, DEL and ESC; the frame's own newlines are taken out first.
// eslint-disable-next-line no-control-regex
const control = /[\u0000-\u001F\u007F-\u009F]/;

/** A frame as the terminal gets it, but Ink's own colours (SGR), which are all it may hold. */
function bare(frame: string): string {
	// eslint-disable-next-line no-control-regex
	return frame.replaceAll(/\u001B\[[\d;]*m/g, '').replaceAll('\n', '');
}

async function hostileRecording(hosts: string[]): Promise<Recording> {
	const file = path.join(await tempFolder('sessiontop-hostile-'), 'r.ndjson');
	const lines = [
		{format: recordingFormat, hosts, started: `\u001B[2J${title}`, note: '\u001B]52;c;eA==\u0007'},
		{t: 1000, host: hosts[0], ok: false, error: `refused${title} \u009B31m now`},
		...hosts.map((host, i) => ({t: 3000 + i, host, ok: true, latencyMs: 400, bytes: 9, sessions: [{id: `${i}${title}`, user: `u\u001B[5m${i}`, service: 'S\u0007', state: 'Started'}], server: {version: `24${title}`, askedAt: 3000}})),
		...hosts.map((host, i) => ({t: 5400 + i, host, ok: true, latencyMs: 400, bytes: 9, sessions: []})),
	];
	await writeFile(file, lines.map((line) => JSON.stringify(line)).join('\n'));
	const recording = await readRecording(file);
	assert.ok(typeof recording !== 'string', String(recording));
	return recording;
}

for (const hosts of [[hostA], [hostA, hostB]]) {
	test(`control characters in every header field and a recorded error reach neither the screen nor the state (${hosts.length} host)`, async () => {
		const recording = await hostileRecording(hosts);
		// The state the replay steps through, frame by frame.
		let state = reducer(initialState({hosts: recording.hosts.length > 1 ? recording.hosts : undefined}), {type: 'replay-load', frames: recording.frames});
		for (let i = 0; i < recording.frames.length; i++) {
			const seen = JSON.stringify({hostOrder: state.hostOrder, hosts: state.hosts, error: state.error, sessions: state.sessions, message: state.message, replay: state.replay});
			assert.doesNotMatch(seen.replaceAll(/\\u00[0-9a-f]{2}/gi, (escape) => JSON.parse(`"${escape}"`) as string), control, `frame ${i}`);
			state = reducer(state, {type: 'replay-step', delta: 1});
		}

		const app = render(<App clients={[]} options={{}} theme={themeFor({NO_COLOR: '1'})} recording={recording} writeTerminal={() => undefined} />);
		try {
			const frame = () => bare(app.lastFrame() ?? '');
			await waitFor(() => frame().includes('refused'), 'the recorded failure');
			// The first poll failed: nothing to retry in a replay, so r is not offered.
			assert.match(frame(), /No list yet: the line below says why\./);
			assert.doesNotMatch(frame(), /r retries/);
			app.stdin.write('p');
			for (let i = 0; i < recording.frames.length; i++) {
				app.stdin.write(']');
			}

			await waitFor(() => frame().includes(`${recording.frames.length}/${recording.frames.length}`), 'the last frame');
			// Paced 2.4 s apart: the header says `every 2s`, as live does.
			assert.match(frame(), /every 2s/);
			for (const [index, drawn] of app.frames.entries()) {
				assert.doesNotMatch(bare(drawn), control, `frame ${index}: ${JSON.stringify(drawn)}`);
			}

			assert.match(frame(), /evil\uFFFD/, 'tampering stays visible');
		} finally {
			app.unmount();
		}
	});
}
