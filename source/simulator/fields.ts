// Sparse fieldsets (fields[TYPE]=a,b/c), as HttpResponse::remove_fields_from_resource does it:
// each path is applied to a copy of `attributes` and of `relationships`, and the copies are
// merged. Descending keeps only the named key at each level; a missing key empties that level
// (so fields[sessions]=client/nope leaves "client": {}); a path stops at anything that is not an
// object (arrays are kept whole). Empty attributes/relationships are removed; id, type and links
// are untouched. So fields[sessions]=state drops the services relationship unless `services` is
// named too.

import {type Json, Real} from './jansson.js';

type JsonObject = {[key: string]: Json};

const isObject = (v: Json | undefined): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Real);

/**
 * What remove_fields_from_object leaves of `node` for one path: only the named key at each level
 * (an object without it becomes {}), and anything that is not an object is kept whole. Parts of
 * the input are shared, not copied: the input tree is made for this request only.
 */
function keepPath(node: Json, path: readonly string[], depth = 0): Json {
	if (depth === path.length || !isObject(node)) {
		return node;
	}

	const head = path[depth]!;
	const out: JsonObject = {};
	const value = node[head];
	if (value !== undefined && Object.hasOwn(node, head)) {
		out[head] = keepPath(value, path, depth + 1);
	}

	return out;
}

function mergeRecursive(target: JsonObject, source: JsonObject): void {
	for (const key in source) {
		const value = source[key]!;
		const existing = target[key];
		if (isObject(existing) && isObject(value)) {
			// Copy before merging into it: `existing` may be shared with the input tree.
			const copy: JsonObject = {...existing};
			mergeRecursive(copy, value);
			target[key] = copy;
		} else {
			target[key] = value;
		}
	}
}

/** Split the fields parameter into paths once per request (mxb::strtok drops empty parts). */
export function fieldPaths(fields: readonly string[]): string[][] {
	return fields.map(field => field.split('/').filter(Boolean));
}

/** Trim one resource object in place. */
export function applyFields(resource: Json, type: string, paths: readonly string[][]): void {
	if (!isObject(resource) || resource['type'] !== type) {
		return;
	}

	for (const member of ['attributes', 'relationships']) {
		const original = resource[member];
		if (original === undefined) {
			continue;
		}

		const merged: JsonObject = {};
		for (const path of paths) {
			const kept = keepPath(original, path);
			if (isObject(kept)) {
				mergeRecursive(merged, kept);
			}
		}

		if (Object.keys(merged).length === 0) {
			delete resource[member];
		} else {
			resource[member] = merged;
		}
	}
}
