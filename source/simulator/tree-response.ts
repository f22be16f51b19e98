// Responses for the documents built as JSON trees (/v1/maxscale, /v1/services): they go through
// the same steps as the session list in resource.cc (fields, then filter, then pagination).

import type {ServerResponse} from 'node:http';
import {applyFields, fieldPaths} from './fields.js';
import {FilterError, parseFilter} from './filter.js';
import {type ReplyStyle, sendJson} from './http-reply.js';
import {type Fmt, type Json, errorDocument, serialize} from './jansson.js';
import {resolvePointer} from './json-pointer.js';
import type {RequestOptions} from './query.js';
import type {VersionCaps} from './versions.js';

export async function sendTree(res: ServerResponse, caps: VersionCaps, options: RequestOptions, doc: Json, type: string, f: Fmt, style: ReplyStyle): Promise<void> {
	const top = doc as {[key: string]: Json};
	const data = top['data'];
	const fields = caps.sparseFields ? options.fields.get(type) : undefined;
	if (fields) {
		const paths = fieldPaths(fields);
		for (const resource of Array.isArray(data) ? data : [data!]) {
			applyFields(resource, type, paths);
		}
	}

	if (Array.isArray(data)) {
		let filter;
		try {
			filter = parseFilter(options.filter, caps.filter);
		} catch (error) {
			if (error instanceof FilterError) {
				await sendJson(res, 400, [serialize(errorDocument(error.message), f.layout, true)], style);
				return;
			}

			throw error;
		}

		let rows = filter ? data.filter(row => {
			const v = resolvePointer(row, filter.pointer);
			return v !== undefined && filter.match(v);
		}) : data;
		const page = caps.paging ? options.page : undefined;
		if (page) {
			const total = rows.length;
			if (total > page.size) {
				rows = rows.slice(page.number * page.size, (page.number + 1) * page.size);
			}

			const links = top['links'] as {[key: string]: Json};
			const base = `${String(links['self'])}?page%5Bsize%5D=${page.size}&page%5Bnumber%5D=`;
			links['self'] = base + String(page.number);
			if ((page.number + 1) * page.size < total) {
				links['next'] = base + String(page.number + 1);
			}

			links['first'] = base + '0';
			links['last'] = base + String(Math.ceil(total / page.size) - 1);
			if (page.number > 0 && page.number * page.size < total) {
				links['prev'] = base + String(page.number - 1);
			}

			top['meta'] = {total};
		}

		top['data'] = rows;
	}

	await sendJson(res, 200, [serialize(doc, f.layout, caps.sortKeys)], style);
}

