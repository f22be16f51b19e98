// Whole response documents for /v1/sessions and /v1/sessions/:id. A list is produced as a
// sequence of byte chunks, so a 100k-session list is built without one giant string (and sent
// whole, with its Content-Length, as MaxScale sends it: see http-reply.ts). The
// pipeline is the server's (resource.cc, httpresponse.cc): sparse fields first, then the row filter (which therefore sees the trimmed rows), then
// pagination. Pagination (HttpResponse::paginate) slices only when there is more than one page,
// always rewrites the links from links.self, dropping every other parameter, and adds meta.total.

import {type Json, quote, serialize} from './jansson.js';
import {applyFields, fieldPaths} from './fields.js';
import type {RowFilter} from './filter.js';
import {resolvePointer} from './json-pointer.js';
import type {SimSession} from './session-record.js';
import {writeSession, writeSessionSubset} from './session-json.js';
import {appendCompact, appendSparse, type Fieldset} from './session-template.js';
import {type WriteContext, sessionSelfLink} from './write-context.js';
import {pointerValue, sessionTree} from './session-tree.js';
import {ByteSink} from './byte-sink.js';

export type ListRequest = {
	fields: readonly string[] | undefined;
	filter: RowFilter | undefined;
	page: {size: number; number: number} | undefined;
};

type Row = {s: SimSession; tree: Json | undefined};

export function* sessionList(sessions: readonly SimSession[], ctx: WriteContext, request: ListRequest): Generator<string | Buffer> {
	const {f, caps} = ctx;
	const c = f.colon;
	let rows: Row[] = sessions.map(s => ({s, tree: undefined}));
	const paths = request.fields ? fieldPaths(request.fields) : undefined;
	const wanted = paths ? wantedMembers(paths) : undefined;
	// Top-level names (trimmed deeper or not: the usual case) are written without a whole tree.
	const fieldset = paths && wanted ? fieldsetOf(paths, wanted) : undefined;
	const trimmed = (s: SimSession): Json => {
		const tree = sessionTree(s, ctx, wanted);
		applyFields(tree, 'sessions', paths!);
		return tree;
	};

	if (request.filter) {
		const {pointer, match} = request.filter;
		rows = rows.filter(row => {
			// The server filters the rows as the sparse fieldset left them.
			row.tree = paths ? trimmed(row.s) : undefined;
			const v = row.tree === undefined ? pointerValue(row.s, ctx, pointer) : resolvePointer(row.tree, pointer);
			return v !== undefined && match(v);
		});
	}

	const total = rows.length;
	const {page} = request;
	if (page && total > page.size) {
		rows = rows.slice(page.number * page.size, (page.number + 1) * page.size);
	}

	const collection = ctx.base + 'sessions/';
	const links = page ? pageLinks(collection, page, total) : [['self', collection] as const];
	const linksText = f.open[1]! + links.map(([k, v]) => '"' + k + c + quote(v)).join(f.next[1]!) + f.close[1]!;
	const sink = new ByteSink();
	// 2.2: {"links": ..., "data": [...]}; 2.5+: {"data": [...], "links": ..., "meta": ...}
	sink.text(caps.sortKeys ? f.open[0]! + '"data' + c : f.open[0]! + '"links' + c + linksText + f.next[0]! + '"data' + c);
	if (rows.length === 0) {
		sink.text('[]');
	} else {
		for (const [i, row] of rows.entries()) {
			sink.text(i ? f.next[1]! : f.openArray[1]!);
			if (row.tree !== undefined) {
				sink.text(serialize(row.tree, f.layout, caps.sortKeys, 2));
			} else if (fieldset && !f.pretty && caps.sortKeys) {
				appendSparse(sink, row.s, ctx, fieldset);
			} else if (fieldset) {
				sink.text(writeSessionSubset(row.s, ctx, 2, fieldset.names, fieldset.nested));
			} else if (paths) {
				// Trees are made row by row while writing, so they die young.
				sink.text(serialize(trimmed(row.s), f.layout, caps.sortKeys, 2));
			} else if (f.pretty) {
				sink.text(writeSession(row.s, ctx, 2));
			} else {
				appendCompact(sink, row.s, ctx);
			}

			if (sink.pending > 0) {
				yield* sink.take();
			}
		}

		sink.text(f.closeArray[1]!);
	}

	let tail = '';
	if (caps.sortKeys) {
		tail += f.next[0]! + '"links' + c + linksText;
		if (page) {
			tail += f.next[0]! + '"meta' + c + f.open[1]! + '"total' + c + String(total) + f.close[1]!;
		}
	}

	sink.text(tail + f.close[0]!);
	yield* sink.take(true);
}

function pageLinks(collection: string, page: {size: number; number: number}, total: number): Array<readonly [string, string]> {
	const base = `${collection}?page%5Bsize%5D=${page.size}&page%5Bnumber%5D=`;
	const out: Array<readonly [string, string]> = [
		['first', base + '0'],
		['last', base + String(Math.ceil(total / page.size) - 1)],
	];
	if ((page.number + 1) * page.size < total) {
		out.push(['next', base + String(page.number + 1)]);
	}

	if (page.number > 0 && page.number * page.size < total) {
		out.push(['prev', base + String(page.number - 1)]);
	}

	out.push(['self', base + String(page.number)]);
	return out;
}

/**
 * A fieldset the direct writers serve: deeper paths only into attributes (a relationship's
 * inside is left to the tree).
 */
export function fieldsetOf(paths: readonly string[][], names: ReadonlySet<string>): Fieldset | undefined {
	const nested = new Map<string, string[][]>();
	for (const path of paths) {
		if (path.length > 1) {
			if (path[0] === 'services' || path[0] === 'filters') {
				return undefined;
			}

			nested.set(path[0]!, paths.filter(other => other[0] === path[0]));
		}
	}

	return {id: paths.map(path => path.join('/')).join(','), names, nested};
}

/** The top-level members a sparse fieldset can keep (all, if a path is empty). */
function wantedMembers(paths: readonly string[][]): Set<string> | undefined {
	const heads = paths.map(path => path[0]);
	return heads.includes(undefined) ? undefined : new Set(heads as string[]);
}

export function sessionDetail(s: SimSession, ctx: WriteContext, fields: readonly string[] | undefined): string {
	const {f, caps} = ctx;
	const c = f.colon;
	let data: string;
	const paths = fields ? fieldPaths(fields) : undefined;
	const wanted = paths ? wantedMembers(paths) : undefined;
	const fieldset = paths && wanted ? fieldsetOf(paths, wanted) : undefined;
	if (fieldset) {
		data = writeSessionSubset(s, ctx, 1, fieldset.names, fieldset.nested);
	} else if (paths) {
		const tree = sessionTree(s, ctx, wanted);
		applyFields(tree, 'sessions', paths);
		data = serialize(tree, f.layout, caps.sortKeys, 1);
	} else {
		data = writeSession(s, ctx, 1);
	}

	const links = f.open[1]! + '"self' + c + quote(sessionSelfLink(ctx, s.idStr)) + f.close[1]!;
	return caps.sortKeys
		? f.open[0]! + '"data' + c + data + f.next[0]! + '"links' + c + links + f.close[0]!
		: f.open[0]! + '"links' + c + links + f.next[0]! + '"data' + c + data + f.close[0]!;
}
