// Shared test helpers: a controllable clock, authenticated requests over loopback with undici,
// the fixtures of the real server, and structural "shape" comparison of JSON documents that
// keeps jansson's integer/real distinction.

import {readFileSync} from 'node:fs';
import {request} from 'undici';
import {type ApiVersion, type Simulator, type SimulatorOptions, startSimulator} from '../../source/simulator/index.js';
import {type Json, Real} from '../../source/simulator/jansson.js';
import {parseTyped} from '../../source/simulator/typed-json.js';

export const fixtureDir = new URL('../../../shared/fixtures/maxscale/', import.meta.url);

/** Fixture file prefix per simulated version. */
export const fixturePrefix: Record<ApiVersion, string> = {
	'2.2': 'v2.2',
	'2.5': 'v2.5',
	'6.4': 'v6',
	'22.08': 'v22.08',
	'23.02': 'v23',
	'24.02': 'v24',
};

export function fixtureText(name: string): string {
	return readFileSync(new URL(name, fixtureDir), 'utf8');
}

export type Clock = {now: () => number; advance: (ms: number) => void; set: (ms: number) => void};

export function clock(start = Date.UTC(2024, 0, 5, 7, 24, 6, 250)): Clock {
	let t = start;
	return {now: () => t, advance(ms) {
		t += ms;
	}, set(ms) {
		t = ms;
	}};
}

export async function start(options: SimulatorOptions & {clock?: Clock} = {}): Promise<Simulator & {clock: Clock}> {
	const c = options.clock ?? clock();
	const sim = await startSimulator({port: 0, sessions: 60, ...options, now: c.now});
	return Object.assign(sim, {clock: c});
}

export const auth = 'Basic ' + Buffer.from('admin:mariadb').toString('base64');

export type Reply = {status: number; headers: Record<string, string | string[] | undefined>; text: string};

export async function call(sim: Simulator, path: string, init: {method?: string; headers?: Record<string, string>; body?: string; auth?: string | false} = {}): Promise<Reply> {
	const headers: Record<string, string> = {...init.headers};
	if (init.auth !== false) {
		headers['authorization'] = init.auth ?? auth;
	}

	const response = await request(sim.url + path, {method: (init.method ?? 'GET') as 'GET', headers, body: init.body});
	return {status: response.statusCode, headers: response.headers, text: await response.body.text()};
}

export async function getJson(sim: Simulator, path: string): Promise<Json> {
	const reply = await call(sim, path);
	if (reply.status !== 200) {
		throw new Error(`GET ${path}: ${reply.status} ${reply.text}`);
	}

	return parseTyped(reply.text);
}

export type JsonObject = {[key: string]: Json};

export function asObject(v: Json | undefined): JsonObject {
	if (v === null || v === undefined || typeof v !== 'object' || Array.isArray(v) || v instanceof Real) {
		throw new TypeError(`not an object: ${JSON.stringify(v)}`);
	}

	return v;
}

export function asArray(v: Json | undefined): Json[] {
	if (!Array.isArray(v)) {
		throw new TypeError(`not an array: ${JSON.stringify(v)}`);
	}

	return v;
}

export function typeOf(v: Json): string {
	if (v === null) {
		return 'null';
	}

	if (v instanceof Real) {
		return 'real';
	}

	if (Array.isArray(v)) {
		return 'array';
	}

	if (typeof v === 'number') {
		return 'integer';
	}

	return typeof v;
}

/**
 * Every difference between the structure of `actual` and `expected`: missing or extra keys,
 * different value types (integer vs real counts), recursively into objects and into array
 * elements (each actual element against the first expected one). Keys listed in `free` are
 * maps whose key names are data (server names, connection attributes): only their values'
 * types are compared.
 */
export function shapeDiff(actual: Json, expected: Json, path = '', free: readonly string[] = []): string[] {
	const ta = typeOf(actual);
	const te = typeOf(expected);
	if (ta !== te) {
		return [`${path}: ${ta} instead of ${te}`];
	}

	if (Array.isArray(actual) && Array.isArray(expected)) {
		const model = expected[0];
		return model === undefined ? [] : actual.flatMap((item, i) => shapeDiff(item, model, `${path}/${i}`, free));
	}

	if (ta !== 'object') {
		return [];
	}

	const a = asObject(actual);
	const e = asObject(expected);
	if (free.some(f => path.endsWith(f))) {
		const model = Object.values(e)[0];
		return model === undefined ? [] : Object.entries(a).flatMap(([k, v]) => shapeDiff(v, model, `${path}/${k}`, free));
	}

	const out: string[] = [];
	for (const key of Object.keys(e)) {
		if (!(key in a)) {
			out.push(`${path}/${key}: missing`);
		}
	}

	for (const [key, value] of Object.entries(a)) {
		if (key in e) {
			out.push(...shapeDiff(value, e[key]!, `${path}/${key}`, free));
		} else {
			out.push(`${path}/${key}: unexpected`);
		}
	}

	return out;
}

/**
 * A pretty document with every scalar replaced by its jansson type, line by line. Two documents
 * with the same members, order, nesting and value types give identical lines.
 */
export function skeleton(pretty: string): string[] {
	return pretty.trimEnd().split('\n').map(line => {
		const m = /^(\s*)("(?:[^"\\]|\\.)*": )?(.*?)(,?)$/.exec(line);
		if (!m) {
			return line;
		}

		const [, indent, key = '', value = '', comma] = m;
		let type = value;
		if (/^"/.test(value)) {
			type = '<string>';
		} else if (/^-?\d+$/.test(value)) {
			type = '<integer>';
		} else if (/^-?\d/.test(value)) {
			type = '<real>';
		} else if (value === 'true' || value === 'false') {
			type = '<boolean>';
		}

		return indent! + key + type + comma!;
	});
}

export function dataOf(doc: Json): Json[] {
	return asArray(asObject(doc)['data']);
}

export function attributesOf(resource: Json): JsonObject {
	return asObject(asObject(resource)['attributes']);
}
