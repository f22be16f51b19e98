// The session resource, written straight to a string in the exact shape of each version: member
// order alphabetical (jansson JSON_SORT_KEYS) from 2.5, insertion order as in the 2.2 fixture
// before that. This is the single definition of the document; the compact template path
// (session-template.ts) and the JSON tree (session-tree.ts) are checked against it in the tests.

import {idleSeconds, stateOf} from './activity.js';
import type {SimSession} from './session-record.js';
import {writeAttributes} from './session-attributes.js';
import {idleText, q} from './text-cache.js';
import {SENTINEL, type WriteContext, sessionSelfLink} from './write-context.js';

export type {WriteContext} from './write-context.js';
export {sessionSelfLink} from './write-context.js';

/**
 * One element of `data`, starting at indentation depth d, rendered in full. Compact lists use
 * the faster templates of session-template.ts, which are made from (and tested against) this.
 */
export function writeSession(s: SimSession, ctx: WriteContext, d: number): string {
	return ctx.caps.sortKeys ? writeSorted(s, ctx, d) : writeLegacy(s, ctx, d);
}

/**
 * A session trimmed to a sparse fieldset of top-level names (fields[sessions]=user,state,services):
 * the same result as applying the fieldset to the full document, without building it.
 */
export function writeSessionSubset(s: SimSession, ctx: WriteContext, d: number, names: ReadonlySet<string>, nested?: ReadonlyMap<string, readonly string[][]>): string {
	const {f} = ctx;
	const c = f.colon;
	const attributes = writeAttributes(s, ctx, d + 1, names, nested);
	const relationships = writeRelationships(s, ctx, d + 1, names);
	let o = f.open[d]!;
	if (attributes !== undefined) {
		o += '"attributes' + c + attributes + f.next[d]!;
	}

	o += '"id' + c + '"' + s.idStr + '"' + f.next[d]! + '"links' + c + f.open[d + 1]! + '"self' + c + '"' + sessionSelfLink(ctx, s.idStr) + '"' + f.close[d + 1]! + f.next[d]!;
	if (relationships !== undefined) {
		o += '"relationships' + c + relationships + f.next[d]!;
	}

	return o + '"type' + c + '"sessions"' + f.close[d]!;
}

/** A relationship object ({data, links} or, in 2.2, {links, data}) at depth d. */
function relation(ctx: WriteContext, d: number, s: SimSession, kind: 'services' | 'filters', ids: readonly string[]): string {
	const {f} = ctx;
	const c = f.colon;
	let data = f.openArray[d + 1]!;
	for (let i = 0; i < ids.length; i++) {
		data += (i ? f.next[d + 1]! : '') + f.open[d + 2]! + '"id' + c + q(ids[i]!) + f.next[d + 2]! + '"type' + c + '"' + kind + '"' + f.close[d + 2]!;
	}

	data += f.closeArray[d + 1]!;
	if (!ctx.caps.relatedLinks) {
		return f.open[d]! + '"links' + c + f.open[d + 1]! + '"self' + c + '"' + ctx.base + kind + '/"' + f.close[d + 1]! + f.next[d]! + '"data' + c + data + f.close[d]!;
	}

	return f.open[d]! + '"data' + c + data + f.next[d]! + '"links' + c + f.open[d + 1]!
		+ '"related' + c + '"' + ctx.base + kind + '/"' + f.next[d + 1]!
		+ '"self' + c + '"' + ctx.base + 'sessions/' + s.idStr + '/relationships/' + kind + ctx.slash + '"' + f.close[d + 1]! + f.close[d]!;
}

function writeRelationships(s: SimSession, ctx: WriteContext, d: number, only?: ReadonlySet<string>): string | undefined {
	const {f} = ctx;
	let o = '';
	if (s.service.filters.length > 0 && (!only || only.has('filters'))) {
		o += f.open[d]! + '"filters' + f.colon + relation(ctx, d + 1, s, 'filters', s.service.filters);
	}

	if (!only || only.has('services')) {
		o += (o ? f.next[d]! : f.open[d]!) + '"services' + f.colon + relation(ctx, d + 1, s, 'services', [s.service.name]);
	}

	return o ? o + f.close[d]! : undefined;
}

function writeLegacy(s: SimSession, ctx: WriteContext, d: number): string {
	const {f, t} = ctx;
	const c = f.colon;
	const n = f.next[d + 1]!;
	let rel = f.open[d + 1]! + '"services' + c + relation(ctx, d + 2, s, 'services', [s.service.name]);
	if (s.service.filters.length > 0) {
		rel += n + '"filters' + c + relation(ctx, d + 2, s, 'filters', s.service.filters);
	}

	rel += f.close[d + 1]!;
	const state = ctx.template ? SENTINEL : q(stateOf(s, ctx.caps, t));
	const idle = ctx.template ? SENTINEL : idleText(idleSeconds(s, t, false));
	return f.open[d]! + '"id' + c + '"' + s.idStr + '"' + f.next[d]! + '"type' + c + '"sessions"' + f.next[d]!
		+ '"relationships' + c + rel + f.next[d]!
		+ '"attributes' + c + f.open[d + 1]! + '"state' + c + state + n + '"user' + c + q(s.user.name) + n + '"remote' + c + q(s.remote)
		+ n + '"connected' + c + '"' + s.connectedText + '"' + n + '"idle' + c + idle + f.close[d + 1]! + f.next[d]!
		+ '"links' + c + f.open[d + 1]! + '"self' + c + '"' + sessionSelfLink(ctx, s.idStr) + '"' + f.close[d + 1]! + f.close[d]!;
}

function writeSorted(s: SimSession, ctx: WriteContext, d: number): string {
	const {f} = ctx;
	const c = f.colon;
	return f.open[d]! + '"attributes' + c + writeAttributes(s, ctx, d + 1)! + f.next[d]!
		+ '"id' + c + '"' + s.idStr + '"' + f.next[d]!
		+ '"links' + c + f.open[d + 1]! + '"self' + c + '"' + sessionSelfLink(ctx, s.idStr) + '"' + f.close[d + 1]! + f.next[d]!
		+ '"relationships' + c + writeRelationships(s, ctx, d + 1)! + f.next[d]!
		+ '"type' + c + '"sessions"' + f.close[d]!;
}
