// The `attributes` of a session resource (2.5+), as a table of writers in jansson's sorted member
// order. The table is per version: a member the version does not have is simply not in it. Each
// writer returns the rendered value, or undefined when the member is absent for this session
// (`user` before authentication, `default_database` without a database). A subset can be
// written for a sparse fieldset of top-level names.

import {idleSeconds, ioActivity, isStarted, secondsAlive, stateOf} from './activity.js';
import {applyFields} from './fields.js';
import {type Json, formatReal, serialize} from './jansson.js';
import type {SimSession} from './session-record.js';
import {flag, writeClient, writeLog, writeMemory, writeQueries} from './session-blocks.js';
import {sessionTree} from './session-tree.js';
import {idleText, q} from './text-cache.js';
import type {VersionCaps} from './versions.js';
import {SENTINEL, type WriteContext} from './write-context.js';

type Writer = (s: SimSession, ctx: WriteContext, d: number, started: boolean) => string | undefined;

function connections(s: SimSession, ctx: WriteContext, d: number, started: boolean): string {
	if (!started || s.backends.length === 0) {
		return '[]';
	}

	const {f} = ctx;
	const c = f.colon;
	const cipher = '"cipher' + c + '"' + s.cipher + '"' + f.next[d + 1]! + '"connection_id' + c;
	let o = f.openArray[d]!;
	for (let i = 0; i < s.backends.length; i++) {
		const b = s.backends[i]!;
		o += (i ? f.next[d]! : '') + f.open[d + 1]! + cipher + String(b.connectionId) + f.next[d + 1]! + '"server' + c + '"' + b.server + '"' + f.close[d + 1]!;
	}

	return o + f.closeArray[d]!;
}

function parameters(s: SimSession, ctx: WriteContext, d: number): string {
	const {f, caps} = ctx;
	const c = f.colon;
	const levels = s.logLevels;
	const n = f.next[d]!;
	const debug = caps.logDebug ? '"log_debug' + c + flag(levels, 0) + n : '';
	return f.open[d]! + debug + '"log_error' + c + flag(levels, 4) + n + '"log_info' + c + flag(levels, 1) + n + '"log_notice' + c + flag(levels, 2) + n + '"log_warning' + c + flag(levels, 3) + f.close[d]!;
}

// Members whose value changes with time are written as SENTINEL in a template (see
// session-template.ts); the order here is the order the dynamic values are spliced back in.
function table(caps: VersionCaps): Array<readonly [string, Writer]> {
	const rows: Array<readonly [string, Writer] | false> = [
		['client', (s, ctx, d, started) => writeClient(s, ctx, d, started)],
		['connected', s => '"' + s.connectedText + '"'],
		['connections', connections],
		caps.defaultDatabase && ['default_database', (s, _ctx, _d, started) => (s.database !== undefined && started ? q(s.database) : undefined)],
		['idle', (s, ctx) => (ctx.template ? SENTINEL : idleText(idleSeconds(s, ctx.t, ctx.caps.idleZeroWhenBusy)))],
		caps.ioActivityAndThread && ['io_activity', (s, ctx) => (ctx.template ? SENTINEL : String(ioActivity(s, ctx.t)))],
		['log', (s, ctx, d) => (ctx.template && s.trace ? SENTINEL : writeLog(s, ctx, d))],
		caps.memory !== 'none' && ['memory', (s, ctx, d, started) => (ctx.template && s.retain > 0 ? SENTINEL : writeMemory(s, ctx, d, started))],
		caps.parameters && ['parameters', (s, ctx, d) => parameters(s, ctx, d)],
		caps.port && ['port', s => String(s.port)],
		['queries', (s, ctx, d) => (ctx.template && s.retain > 0 ? SENTINEL : writeQueries(s, ctx, d))],
		['remote', s => q(s.remote)],
		caps.secondsAlive && ['seconds_alive', (s, ctx) => (ctx.template ? SENTINEL : formatReal(secondsAlive(s, ctx.t)))],
		['state', (s, ctx) => (ctx.template ? SENTINEL : q(stateOf(s, ctx.caps, ctx.t)))],
		caps.ioActivityAndThread && ['thread', s => String(s.thread)],
		['user', (s, _ctx, _d, started) => (started ? q(s.user.name) : undefined)],
	];
	return rows.filter(row => row !== false);
}

const tables = new Map<VersionCaps, Array<readonly [string, Writer]>>();

/** Whether a member's value moves with time (so a template holds SENTINEL for it). */
export function isDynamicMember(key: string, s: SimSession): boolean {
	switch (key) {
		case 'idle':
		case 'io_activity':
		case 'seconds_alive':
		case 'state': {
			return true;
		}

		case 'log': {
			return s.trace;
		}

		case 'memory':
		case 'queries': {
			return s.retain > 0;
		}

		default: {
			return false;
		}
	}
}

/**
 * A member named by deeper paths (fields[sessions]=memory/total): that member alone is built as
 * a tree and trimmed the server's way, so the result is exactly the generic trimming's.
 */
export function writeNestedMember(s: SimSession, ctx: WriteContext, d: number, key: string, paths: readonly string[][]): string | undefined {
	const tree = sessionTree(s, ctx, new Set([key])) as {[key: string]: Json};
	applyFields(tree, 'sessions', paths);
	const value = (tree['attributes'] as {[key: string]: Json} | undefined)?.[key];
	return value === undefined ? undefined : serialize(value, ctx.f.layout, true, d);
}

/**
 * The attributes object at depth d; with `only`, just those members (undefined if none), and the
 * members in `nested` trimmed to their paths.
 */
export function writeAttributes(s: SimSession, ctx: WriteContext, d: number, only?: ReadonlySet<string>, nested?: ReadonlyMap<string, readonly string[][]>): string | undefined {
	let rows = tables.get(ctx.caps);
	if (!rows) {
		rows = table(ctx.caps);
		tables.set(ctx.caps, rows);
	}

	const {f} = ctx;
	const started = isStarted(s, ctx.t) || s.stopping;
	let o = '';
	for (const [key, write] of rows) {
		if (only && !only.has(key)) {
			continue;
		}

		const paths = nested?.get(key);
		const value = paths === undefined
			? write(s, ctx, d + 1, started)
			: (ctx.template && isDynamicMember(key, s) ? SENTINEL : writeNestedMember(s, ctx, d + 1, key, paths));
		if (value !== undefined) {
			o += (o ? f.next[d]! : f.open[d]!) + '"' + key + f.colon + value;
		}
	}

	return o ? o + f.close[d]! : (only ? undefined : '{}');
}
