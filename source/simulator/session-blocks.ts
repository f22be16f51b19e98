// The nested blocks of a session's attributes (client, memory, queries, log), rendered by hand
// in the member order jansson prints them (sorted). Shared by the full writer and the compact
// template path.

import {memory, queries, traceLog} from './activity.js';
import {connectors} from './catalog.js';
import {type Fmt, quote} from './jansson.js';
import type {SimSession} from './session-record.js';
import {q} from './text-cache.js';
import type {WriteContext} from './write-context.js';

// Each connector's attributes, sorted as JSON_SORT_KEYS prints them, keys and values pre-quoted.
const pidSlot = '\u0001pid';
const hostSlot = '\u0001host';
const sortedAttributes = connectors.map(profile => {
	const attrs: Array<readonly [string, string]> = [...profile.attributes];
	if (profile.pid) {
		attrs.push(['_pid', pidSlot]);
	}

	if (profile.serverHost) {
		attrs.push(['_server_host', hostSlot]);
	}

	return attrs.sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([k, v]) => [quote(k), v === pidSlot || v === hostSlot ? v : quote(v)] as const);
});

export function writeLog(s: SimSession, ctx: WriteContext, d: number): string {
	const log = s.trace ? traceLog(s, ctx.t, ctx.caps.logMillis) : [];
	if (log.length === 0) {
		return '[]';
	}

	const {f} = ctx;
	let o = f.openArray[d]!;
	for (let i = 0; i < log.length; i++) {
		o += (i ? f.next[d]! : '') + quote(log[i]!);
	}

	return o + f.closeArray[d]!;
}

export function writeQueries(s: SimSession, ctx: WriteContext, d: number): string {
	if (s.retain === 0) {
		return '[]';
	}

	const list = queries(s, ctx.t);
	if (list.length === 0) {
		return '[]';
	}

	const {f} = ctx;
	const c = f.colon;
	const n = f.next[d + 1]!;
	let o = f.openArray[d]!;
	for (let i = 0; i < list.length; i++) {
		const x = list[i]!;
		o += (i ? f.next[d]! : '') + f.open[d + 1]! + '"command' + c + '"' + x.command + '"';
		if (x.completed !== undefined) {
			o += n + '"completed' + c + '"' + x.completed + '"';
		}

		o += n + '"received' + c + '"' + x.received + '"' + n + '"responses' + c;
		if (x.responses.length === 0) {
			o += '[]';
		} else {
			o += f.openArray[d + 2]!;
			for (let j = 0; j < x.responses.length; j++) {
				const r = x.responses[j]!;
				o += (j ? f.next[d + 2]! : '') + f.open[d + 3]! + '"duration' + c + String(r.duration) + f.next[d + 3]! + '"server' + c + '"' + r.server + '"' + f.close[d + 3]!;
			}

			o += f.closeArray[d + 2]!;
		}

		o += n + '"statement' + c + q(x.statement) + f.close[d + 1]!;
	}

	return o + f.closeArray[d]!;
}

export function writeClient(s: SimSession, ctx: WriteContext, d: number, started: boolean): string {
	const {f, caps} = ctx;
	const c = f.colon;
	let o = f.open[d]! + '"cipher' + c + '"' + s.cipher + '"';
	if (!caps.clientExtras) {
		return o + f.close[d]!;
	}

	const n = f.next[d]!;
	o += n + '"connection_attributes' + c;
	if (started) {
		const attrs = sortedAttributes[s.connector]!;
		o += f.open[d + 1]!;
		for (let i = 0; i < attrs.length; i++) {
			const [name, value] = attrs[i]!;
			// pid and server host are per session; the rest comes from the connector profile.
			const text = value === pidSlot ? '"' + String(s.pid) + '"' : (value === hostSlot ? q(s.serverHost) : value);
			o += (i ? f.next[d + 1]! : '') + name + c.slice(1) + text;
		}

		o += f.close[d + 1]!;
	} else {
		// Not authenticated yet: the handshake response carrying the attributes has not arrived.
		o += 'null';
	}

	const len = String(started ? s.sescmdLen : 0);
	return o + n + '"sescmd_history_len' + c + len + n + '"sescmd_history_stored_metadata' + c + '0' + n + '"sescmd_history_stored_responses' + c + len + f.close[d]!;
}

export function flag(levels: number, bit: number): string {
	return (levels >> bit) & 1 ? 'true' : 'false';
}

function buffers(f: Fmt, misc: number, readq: number, writeq: number, total: number, d: number): string {
	const c = f.colon;
	return f.open[d]! + '"misc' + c + String(misc) + f.next[d]! + '"readq' + c + String(readq) + f.next[d]! + '"total' + c + String(total) + f.next[d]! + '"writeq' + c + String(writeq) + f.close[d]!;
}

export function writeMemory(s: SimSession, ctx: WriteContext, d: number, started: boolean): string {
	const {f, caps, t} = ctx;
	const c = f.colon;
	const n = f.next[d]!;
	const mem = memory(s, t);
	let o = f.open[d]! + '"connection_buffers' + c;
	if (caps.memory === 'flat') {
		o += String(mem.connectionBuffers);
	} else {
		o += f.open[d + 1]! + '"backends' + c;
		if (mem.backends.length === 0) {
			o += '{}';
		} else {
			o += f.open[d + 2]!;
			for (let i = 0; i < mem.backends.length; i++) {
				const b = mem.backends[i]!;
				o += (i ? f.next[d + 2]! : '') + '"' + b.server + c + buffers(f, b.misc, b.readq, b.writeq, b.total, d + 3);
			}

			o += f.close[d + 2]!;
		}

		o += f.next[d + 1]! + '"client' + c + buffers(f, mem.client.misc, mem.client.readq, mem.client.writeq, mem.client.total, d + 2)
			+ f.next[d + 1]! + '"total' + c + String(mem.connectionBuffers) + f.close[d + 1]!;
	}

	return o + n + '"exec_metadata' + c + String(started ? s.execMetadata : 0)
		+ n + '"last_queries' + c + String(mem.lastQueries)
		+ n + '"sescmd_history' + c + String(started ? s.sescmdBytes : 0)
		+ n + '"total' + c + String(started ? mem.total : mem.connectionBuffers)
		+ n + '"variables' + c + String(started ? s.variablesBytes : 0) + f.close[d]!;
}
