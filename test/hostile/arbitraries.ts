// Hostile server data for the property tests: strings built from terminal
// control sequences (C0, C1, ESC, CSI, OSC 52 clipboard writes, OSC 0 titles,
// DCS), DEL, bidi overrides and isolates, lone surrogates, astral characters
// (whose halves must not be split apart), and very long runs; and MaxScale
// documents that carry them in every field the monitor shows.

import fc from 'fast-check';

const char = (code: number) => String.fromCharCode(code);

/** One piece of a hostile string. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
	// C0 controls (tab and newline included), DEL, C1 controls.
	fc.integer({min: 0, max: 0x1f}).map(char),
	fc.constant('\u007F'),
	fc.integer({min: 0x80, max: 0x9f}).map(char),
	// ESC alone, and sequences that would act on the terminal.
	fc.constant('\u001B'),
	fc.constantFrom('2J', 'H', '31m', '0m', '?1049h', '?1049l', '?25l', '6n', '1;1H', '3J', '?2004h', '8;1;1t', '5i').map((tail) => `\u001B[${tail}`),
	fc.base64String({maxLength: 24}).map((data) => `\u001B]52;c;${data}\u0007`),
	fc.string({maxLength: 12}).map((title) => `\u001B]0;${title}\u0007`),
	fc.string({maxLength: 12}).map((title) => `\u001B]2;${title}\u001B\\`),
	fc.constant('\u001B]8;;https://evil.example/\u0007link\u001B]8;;\u0007'),
	fc.string({maxLength: 12}).map((payload) => `\u001BP${payload}\u001B\\`),
	fc.constantFrom('\u009B2J', '\u009D0;title\u009C', '\u0090q\u009C', '\u001Bc', '\u001B7', '\u001B8', '\u001BD', '\u001B#8'),
	// Bidi embeddings, overrides and isolates; LRM, RLM, ALM; line and paragraph separators.
	fc.integer({min: 0x202a, max: 0x202e}).map(char),
	fc.integer({min: 0x2066, max: 0x2069}).map(char),
	fc.constantFrom('\u200E', '\u200F', '\u061C', '\u2028', '\u2029'),
	// Lone surrogates, and whole astral characters.
	fc.integer({min: 0xd800, max: 0xdbff}).map(char),
	fc.integer({min: 0xdc00, max: 0xdfff}).map(char),
	fc.constantFrom('😀', '𝄞', '🇫🇮', '👩‍👩‍👧', '\u{10FFFF}'),
	// Runs of them, long enough to be cut at a column or a length limit.
	fc.integer({min: 20, max: 130}).map((n) => '😀'.repeat(n)),
	// Ordinary text, some of it wide or combining.
	fc.string({maxLength: 8}),
	fc.constantFrom('東京', 'e\u0301', 'ﬁ', '\uFEFF', '\u200B'),
);

/** A hostile string: a handful of pieces, or a very long run of them. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
	{weight: 5, arbitrary: fc.array(fragment, {minLength: 1, maxLength: 10}).map((parts) => parts.join(''))},
	{
		weight: 1,
		arbitrary: fc
			.tuple(fc.array(fragment, {minLength: 1, maxLength: 4}), fc.integer({min: 50, max: 1000}))
			// Far wider than any terminal; longer ones (20 000) have their own test, for speed.
			.map(([parts, times]) => parts.join('').repeat(times).slice(0, 3000)),
	},
);

/** A hostile string that is never empty (an id must be non-empty to be a session). */
const hostileId = fc.tuple(hostileString, fc.nat({max: 999})).map(([text, n]) => `${n}${text}`);

const anyNumber = fc.oneof(fc.double(), fc.integer(), fc.constant(Number.MAX_SAFE_INTEGER));

/** A value of any JSON shape whose strings (keys included) are hostile. */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec<{value: unknown}>((tie) => ({
	value: fc.oneof(
		{depthSize: 'small', withCrossShrink: true},
		hostileString,
		anyNumber,
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('value'), {maxLength: 3}),
		fc.dictionary(hostileString, tie('value'), {maxKeys: 3}),
	),
})).value;

export type HostileSession = {id: string; resource: Record<string, unknown>};

/** One session resource, 24.02-shaped, with hostile text in every string the monitor reads or shows. */
export const hostileResource: fc.Arbitrary<HostileSession> = fc
	.record({
		id: hostileId,
		user: hostileString,
		remote: hostileString,
		state: fc.oneof(hostileString, fc.constant('Session started')),
		service: hostileString,
		connected: fc.oneof(hostileString, fc.constant('Fri, 05 Jan 2024 07:24:06 GMT')),
		statement: hostileString,
		log: fc.array(hostileString, {maxLength: 2}),
		extraKey: hostileString,
		extra: hostileJson,
		attributeKey: hostileString,
		attributeValue: hostileString,
		idle: anyNumber,
		memory: anyNumber,
		port: fc.oneof(fc.integer({min: 0, max: 65_535}), anyNumber),
	})
	.map((s) => ({
		id: s.id,
		resource: {
			id: s.id,
			type: 'sessions',
			attributes: {
				client: {cipher: '', connection_attributes: {[s.attributeKey]: s.attributeValue, _client_name: s.attributeValue}},
				connected: s.connected,
				connections: [{cipher: s.attributeValue, connection_id: 1, server: s.service}],
				idle: s.idle,
				io_activity: 3,
				log: s.log,
				memory: {total: s.memory},
				port: s.port,
				queries: [{command: 'COM_QUERY', statement: s.statement, received: s.connected, responses: []}],
				remote: s.remote,
				seconds_alive: 12.5,
				state: s.state,
				thread: 0,
				user: s.user,
				[s.extraKey]: s.extra,
			},
			links: {self: `http://127.0.0.1:8989/v1/sessions/${s.id}/`},
			relationships: {services: {data: [{id: s.service, type: 'services'}]}},
		},
	}));

export type HostileWorld = {
	/** GET /v1/sessions */
	list: {links: unknown; data: unknown[]};
	sessions: HostileSession[];
	/** GET /v1/maxscale */
	maxscale: unknown;
	version: string;
	/** errors[0].detail of a failing answer. */
	detail: string;
	/** The message of a thrown network error. */
	networkMessage: string;
};

export const hostileWorld: fc.Arbitrary<HostileWorld> = fc
	.record({
		sessions: fc.array(hostileResource, {minLength: 1, maxLength: 4}),
		version: hostileString,
		detail: hostileString,
		networkMessage: hostileString,
	})
	.map(({sessions, version, detail, networkMessage}) => ({
		list: {links: {self: 'http://127.0.0.1:8989/v1/sessions/'}, data: sessions.map((s) => s.resource)},
		sessions,
		maxscale: {data: {id: 'maxscale', type: 'maxscale', attributes: {version, uptime: 3600}}},
		version,
		detail,
		networkMessage,
	}));

// eslint-disable-next-line no-control-regex
const forbidden = /[\u0000-\u0008\u000B-\u001A\u001C-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// ESC is allowed only as the start of an SGR sequence (Ink's own styles): ESC [ params m.
// eslint-disable-next-line no-control-regex
const strayEscape = /\u001B(?!\[[\d;]*m)/g;
// eslint-disable-next-line no-control-regex
const sgr = /\u001B\[([\d;]*)m/g;
/** With NO_COLOR, Ink's styles are bold, dim, italic, underline, inverse, hidden, strikethrough and their resets: no colour at all. */
const noColorParams = new Set(['', '0', '1', '2', '3', '4', '7', '8', '9', '21', '22', '23', '24', '27', '28', '29']);

export type ScanOptions = {
	/** The frame was drawn with NO_COLOR: then a colour SGR can only have come from the server. */
	noColor?: boolean;
};

/** Every character (or ESC sequence start) in `text` that must not reach a terminal, with where it is. */
export function unsafeIn(text: string, options: ScanOptions = {}): string[] {
	const found: string[] = [];
	const around = (index: number) => JSON.stringify(text.slice(Math.max(0, index - 12), index + 12));
	for (const match of text.matchAll(forbidden)) {
		found.push(`U+${match[0].charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()} at ${match.index} in ${around(match.index)}`);
	}

	for (const match of text.matchAll(loneSurrogate)) {
		found.push(`lone surrogate U+${match[0].charCodeAt(0).toString(16).toUpperCase()} at ${match.index} in ${around(match.index)}`);
	}

	for (const match of text.matchAll(strayEscape)) {
		found.push(`ESC not starting an SGR sequence at ${match.index} in ${around(match.index)}`);
	}

	if (options.noColor) {
		for (const match of text.matchAll(sgr)) {
			if (match[1]!.split(';').some((param) => !noColorParams.has(param))) {
				found.push(`a colour SGR (${JSON.stringify(match[0])}) in a NO_COLOR frame at ${match.index} in ${around(match.index)}`);
			}
		}
	}

	return found;
}

/** Fail with what and where, if anything unsafe is in `text`. */
export function assertSafe(text: string, where: string, options: ScanOptions = {}): void {
	const found = unsafeIn(text, options);
	if (found.length > 0) {
		throw new Error(`${where}: ${found.length} unsafe character(s) reach the terminal; the first: ${found.slice(0, 3).join('; ')}`);
	}
}

/** Every string in a value, keys included. */
export function stringsOf(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') {
		out.push(value);
	} else if (Array.isArray(value)) {
		for (const item of value) {
			stringsOf(item, out);
		}
	} else if (typeof value === 'object' && value !== null) {
		for (const [key, item] of Object.entries(value)) {
			out.push(key);
			stringsOf(item, out);
		}
	}

	return out;
}

/** Like fc.assert, but a failure reads in a few lines: the property's own error, and the counterexample cut short. */
export function check<Ts extends [unknown, ...unknown[]]>(property: fc.IProperty<Ts>, parameters: fc.Parameters<Ts>): void {
	report(fc.check(property, parameters));
}

export async function checkAsync<Ts extends [unknown, ...unknown[]]>(property: fc.IAsyncProperty<Ts>, parameters: fc.Parameters<Ts>): Promise<void> {
	report(await fc.check(property, parameters));
}

function report<Ts>(details: fc.RunDetails<Ts>): void {
	if (!details.failed) {
		return;
	}

	const example = JSON.stringify(details.counterexample) ?? 'undefined';
	const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
	throw new Error(
		`Property failed after ${details.numRuns} run(s) (seed ${details.seed}, path "${details.counterexamplePath ?? ''}", shrunk ${details.numShrinks} time(s)):\n` +
			`${cause.slice(0, 1500)}\ncounterexample (cut to 1500 characters): ${example.slice(0, 1500)}`,
	);
}
