// The effects the reducer asks for, carried out: kill, restart and log-level requests to
// MaxScale, the clipboard (OSC 52, which terminals honour over SSH), and the
// snapshot file (mode 0600: it may hold SQL text).

import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import type {Client} from '../api/client.js';
import type {ServerInfo} from '../api/server-info.js';
import {fetchServerInfo} from '../api/sessions-api.js';
import type {MonitorState} from '../model/monitor-state.js';
import type {Effect, Outcome, Target} from '../model/operations.js';
import {snapshotOf} from '../model/snapshot.js';
import {escapeUnseen} from '../model/sanitize.js';

export async function runOperation(
	clientFor: (host: string) => Client,
	effect: Extract<Effect, {kind: 'operation'}>,
): Promise<Outcome[]> {
	// A 404 reads "already ended" only from a MaxScale that has the call: its version is asked
	// again (once per MaxScale), as it may have been replaced by an older one since it was
	// learnt (a 2.5 answers 404 to every kill).
	const versions = new Map<string, Promise<ServerInfo | undefined>>();
	const versionOf = async (host: string, client: Client) => {
		let asked = versions.get(host);
		if (asked === undefined) {
			asked = fetchServerInfo(client).then((info) => ('kind' in info ? undefined : info));
			versions.set(host, asked);
		}

		return asked;
	};

	const one = async (target: Target): Promise<Outcome> => {
		// Each session to its own MaxScale: an id means nothing on another host.
		const client = clientFor(target.host);
		const id = encodeURIComponent(target.id);
		const what = `session ${target.id}`;
		const answer =
			effect.operation === 'kill'
				? await client.send('DELETE', `/v1/sessions/${id}${effect.ttl === undefined ? '' : `?ttl=${effect.ttl}`}`, what)
				: effect.operation === 'restart'
					? await client.send('POST', `/v1/sessions/${id}/restart`, what)
					// Only log_info: the other levels the session has (a debug build's log_debug, say) stay as they are.
					: await client.send('PATCH', `/v1/sessions/${id}`, what, undefined, {data: {attributes: {parameters: {log_info: effect.logOn === true}}}});
		if (answer.ok) {
			return {target, ok: true};
		}

		const outcome: Outcome = {target, ok: false, status: answer.error.status, error: answer.error.message};
		if (answer.error.status === 404 && target.versionUnknown === undefined) {
			// Undefined: the version could not be had; the sentence then says either way.
			outcome.server = (await versionOf(target.host, client)) ?? {askedAt: Date.now()};
		}

		return outcome;
	};

	// One at a time: a kill list should not become a burst against a struggling MaxScale.
	const outcomes: Outcome[] = [];
	for (const target of effect.targets) {
		// eslint-disable-next-line no-await-in-loop
		outcomes.push(await one(target));
	}

	return outcomes;
}

/** OSC 52: the terminal puts the text on the clipboard, even at the far end of an SSH link. */
export function osc52(text: string): string {
	return `\u001B]52;c;${Buffer.from(text, 'utf8').toString('base64')}\u0007`;
}

/**
 * What `y` says: sent, not "copied", for nothing tells whether the terminal took it. Inside
 * tmux (TMUX set), whose default (`set-clipboard external`) drops an application's OSC 52
 * without a word, it says the one setting that lets it through.
 */
export function copiedMessage(what: string, env: NodeJS.ProcessEnv = process.env): string {
	return env['TMUX']
		? `Sent ${what} with OSC 52; tmux passes it on only with set-clipboard on.`
		: `Sent ${what} to the clipboard with OSC 52 (if your terminal allows it).`;
}

/** Local time as a file name wants it: 20261130-021500. */
export function stamp(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`;
}

/**
 * The list as the screen orders it (model/snapshot.ts) and the open document, as one JSON file
 * in `directory`, never over another: a second `s` in the same second gets `-2`, and so on.
 */
export async function saveSnapshot(state: MonitorState, host: string, directory: string, now = new Date()): Promise<string> {
	// Escaped as the pane and --json escape it: `cat` of the file must not drive the terminal.
	const text = `${escapeUnseen(JSON.stringify(snapshotOf(state, host, now), null, 2))}\n`;
	for (let n = 1; ; n++) {
		const file = path.join(directory, `sessiontop-${stamp(now)}${n === 1 ? '' : `-${n}`}.json`);
		try {
			// eslint-disable-next-line no-await-in-loop
			await writeFile(file, text, {mode: 0o600, flag: 'wx'});
			return file;
		} catch (error: unknown) {
			if ((error as {code?: string}).code !== 'EEXIST' || n >= 100) {
				throw error;
			}
		}
	}
}
