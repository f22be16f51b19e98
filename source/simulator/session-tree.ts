// A session as a JSON tree, for the paths that must inspect or reshape the document (fields,
// filter). Built directly from the record (JSON.parse of the rendering would cost ~10x more on
// 100k sessions); the tests check that serialising this tree gives exactly the fast writer's
// output, for every version, so the two cannot drift apart. Members are inserted in the order the
// version prints them.

import {connectors} from './catalog.js';
import {idleSeconds, ioActivity, isStarted, memory, queries, secondsAlive, stateOf, traceLog} from './activity.js';
import {type Json, Real} from './jansson.js';
import {resolvePointer} from './json-pointer.js';
import type {SimSession} from './session-record.js';
import {type WriteContext, sessionSelfLink} from './write-context.js';

type JsonObject = {[key: string]: Json};

function relation(ctx: WriteContext, s: SimSession, kind: 'services' | 'filters', ids: readonly string[]): Json {
	const data = ids.map(id => ({id, type: kind}));
	if (!ctx.caps.relatedLinks) {
		return {links: {self: ctx.base + kind + '/'}, data};
	}

	return {data, links: {related: ctx.base + kind + '/', self: ctx.base + 'sessions/' + s.idStr + '/relationships/' + kind + ctx.slash}};
}

/**
 * The session resource as a tree. With `wanted`, only those top-level attributes and
 * relationships are built: enough for a sparse fieldset or a pointer, and much cheaper.
 */
export function sessionTree(s: SimSession, ctx: WriteContext, wanted?: ReadonlySet<string>): Json {
	const {caps, t} = ctx;
	if (!caps.sortKeys) {
		const relationships: JsonObject = {services: relation(ctx, s, 'services', [s.service.name])};
		if (s.service.filters.length > 0) {
			relationships['filters'] = relation(ctx, s, 'filters', s.service.filters);
		}

		return {
			id: s.idStr,
			type: 'sessions',
			relationships,
			attributes: {state: stateOf(s, ctx.caps, ctx.t), user: s.user.name, remote: s.remote, connected: s.connectedText, idle: new Real(idleSeconds(s, t, false))},
			links: {self: sessionSelfLink(ctx, s.idStr)},
		};
	}

	const want = (key: string): boolean => wanted === undefined || wanted.has(key);
	const relationships: JsonObject = {};
	if (s.service.filters.length > 0 && want('filters')) {
		relationships['filters'] = relation(ctx, s, 'filters', s.service.filters);
	}

	if (want('services')) {
		relationships['services'] = relation(ctx, s, 'services', [s.service.name]);
	}

	return {attributes: attributes(s, ctx, want), id: s.idStr, links: {self: sessionSelfLink(ctx, s.idStr)}, relationships, type: 'sessions'};
}

function attributes(s: SimSession, ctx: WriteContext, want: (key: string) => boolean): JsonObject {
	const {caps, t} = ctx;
	const started = isStarted(s, t) || s.stopping;
	const a: JsonObject = {};
	if (want('client')) {
		a['client'] = client(s, ctx, started);
	}

	if (want('connected')) {
		a['connected'] = s.connectedText;
	}

	if (want('connections')) {
		a['connections'] = started ? s.backends.map(b => ({cipher: s.cipher, connection_id: b.connectionId, server: b.server})) : [];
	}

	if (caps.defaultDatabase && s.database !== undefined && started && want('default_database')) {
		a['default_database'] = s.database;
	}

	if (want('idle')) {
		a['idle'] = new Real(idleSeconds(s, t, caps.idleZeroWhenBusy));
	}

	if (caps.ioActivityAndThread && want('io_activity')) {
		a['io_activity'] = ioActivity(s, t);
	}

	if (want('log')) {
		a['log'] = traceLog(s, t, caps.logMillis);
	}

	if (caps.memory !== 'none' && want('memory')) {
		a['memory'] = memoryTree(s, ctx, started);
	}

	if (caps.parameters && want('parameters')) {
		const p: JsonObject = {};
		const flag = (bit: number): boolean => ((s.logLevels >> bit) & 1) === 1;
		if (caps.logDebug) {
			p['log_debug'] = flag(0);
		}

		p['log_error'] = flag(4);
		p['log_info'] = flag(1);
		p['log_notice'] = flag(2);
		p['log_warning'] = flag(3);
		a['parameters'] = p;
	}

	if (caps.port && want('port')) {
		a['port'] = s.port;
	}

	if (want('queries')) {
		a['queries'] = queries(s, t).map(q => {
			const o: JsonObject = {command: q.command};
			if (q.completed !== undefined) {
				o['completed'] = q.completed;
			}

			o['received'] = q.received;
			o['responses'] = q.responses.map(r => ({duration: r.duration, server: r.server}));
			o['statement'] = q.statement;
			return o;
		});
	}

	if (want('remote')) {
		a['remote'] = s.remote;
	}

	if (caps.secondsAlive && want('seconds_alive')) {
		a['seconds_alive'] = new Real(secondsAlive(s, t));
	}

	if (want('state')) {
		a['state'] = stateOf(s, ctx.caps, ctx.t);
	}

	if (caps.ioActivityAndThread && want('thread')) {
		a['thread'] = s.thread;
	}

	if (started && want('user')) {
		a['user'] = s.user.name;
	}

	return a;
}

function client(s: SimSession, ctx: WriteContext, started: boolean): JsonObject {
	const client: JsonObject = {cipher: s.cipher};
	if (ctx.caps.clientExtras) {
		if (started) {
			const profile = connectors[s.connector]!;
			const attrs: Array<[string, string]> = profile.attributes.map(([k, v]) => [k, v]);
			if (profile.pid) {
				attrs.push(['_pid', String(s.pid)]);
			}

			if (profile.serverHost) {
				attrs.push(['_server_host', s.serverHost]);
			}

			client['connection_attributes'] = Object.fromEntries(attrs.sort((x, y) => (x[0] < y[0] ? -1 : 1)));
		} else {
			client['connection_attributes'] = null;
		}

		const len = started ? s.sescmdLen : 0;
		client['sescmd_history_len'] = len;
		client['sescmd_history_stored_metadata'] = 0;
		client['sescmd_history_stored_responses'] = len;
	}

	return client;
}

function memoryTree(s: SimSession, ctx: WriteContext, started: boolean): Json {
	const m = memory(s, ctx.t);
	const buffers = (x: {misc: number; readq: number; writeq: number; total: number}): Json => ({misc: x.misc, readq: x.readq, total: x.total, writeq: x.writeq});
	return {
		connection_buffers: ctx.caps.memory === 'flat'
			? m.connectionBuffers
			: {backends: Object.fromEntries(m.backends.map(b => [b.server, buffers(b)])), client: buffers(m.client), total: m.connectionBuffers},
		exec_metadata: started ? s.execMetadata : 0,
		last_queries: m.lastQueries,
		sescmd_history: started ? s.sescmdBytes : 0,
		total: started ? m.total : m.connectionBuffers,
		variables: started ? s.variablesBytes : 0,
	};
}

/**
 * The value at a JSON pointer, without building the tree for the pointers a monitor is likely
 * to filter on (service, state, user, id): filtering 100k sessions stays fast.
 */
export function pointerValue(s: SimSession, ctx: WriteContext, pointer: string): Json | undefined {
	switch (pointer) {
		case '/id': {
			return s.idStr;
		}

		case '/type': {
			return 'sessions';
		}

		case '/relationships/services/data/0/id': {
			return s.service.name;
		}

		case '/attributes/state': {
			return stateOf(s, ctx.caps, ctx.t);
		}

		case '/attributes/remote': {
			return s.remote;
		}

		case '/attributes/user': {
			return isStarted(s, ctx.t) || s.stopping ? s.user.name : undefined;
		}

		default: {
			// Build only the member the pointer goes into.
			const [, top, member] = pointer.split('/');
			const wanted = (top === 'attributes' || top === 'relationships') && member ? new Set([member]) : undefined;
			return resolvePointer(sessionTree(s, ctx, wanted), pointer);
		}
	}
}
