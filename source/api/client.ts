// The HTTP side of sessiontop: one keep-alive undici Pool per MaxScale, Basic auth,
// per-request header and body timeouts, a cap on the answer's size, and every
// failure turned into an ApiError instead of a throw.

import {Buffer} from 'node:buffer';
// Only the two parts of undici used here: its index also loads fetch, WebSocket, the
// caches, the mocks and Node's own bundled undici, ~100 ms of start-up for every
// `sessiontop --once`. They are the same modules the index exports.
import Pool from 'undici/lib/dispatcher/pool.js';
import request from 'undici/lib/api/api-request.js';
import {describeNetworkError, describeStatus, looksLikeHtml, type ApiError} from './errors.js';

export type Target = {
	/** `http://host:port` or `https://host:port`. */
	origin: string;
	/** What the user calls it (host:port), used in messages. */
	label: string;
};

export type ClientOptions = {
	target: Target;
	user: string;
	password: string;
	timeoutMs: number;
	/** Answers larger than this are refused, so a runaway server cannot eat our memory. */
	maxBodyBytes?: number;
	tls?: {rejectUnauthorized: boolean; ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer; passphrase?: string};
};

export type Answer =
	| {ok: true; status: number; body: string; latencyMs: number}
	| {ok: false; error: ApiError; latencyMs: number};

export type JsonAnswer =
	| {ok: true; status: number; json: unknown; latencyMs: number; bytes: number}
	| {ok: false; error: ApiError; latencyMs: number};

/** Drop a body we will not read. Destroying it emits an abort error: with no listener, that would crash the process. */
function discard(body: {destroy(): unknown; on?(event: 'error', listener: () => void): unknown}): void {
	body.on?.('error', () => undefined);
	body.destroy();
}

export const defaultMaxBodyBytes = 256 * 1024 * 1024;

export class Client {
	readonly target: Target;
	readonly #pool: InstanceType<typeof Pool>;
	readonly #authorization: string;
	readonly #timeoutMs: number;
	readonly #maxBodyBytes: number;
	readonly #options: ClientOptions;

	constructor(options: ClientOptions) {
		this.#options = options;
		this.target = options.target;
		this.#timeoutMs = options.timeoutMs;
		this.#maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
		// The password lives only in this header, never in a message or a log.
		this.#authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
		this.#pool = new Pool(options.target.origin, {
			connections: 4,
			connectTimeout: options.timeoutMs,
			keepAliveTimeout: 30_000,
			connect: options.tls ? {...options.tls} : undefined,
		});
	}

	/** Any request; never throws. */
	async send(method: 'GET' | 'DELETE' | 'POST', path: string, what: string, signal?: AbortSignal): Promise<Answer> {
		const started = performance.now();
		const latency = () => Math.round((performance.now() - started) * 10) / 10;
		// --timeout bounds the whole request, as maxctrl's does: undici's bodyTimeout
		// alone restarts at every chunk, so a server that dribbles would never time out.
		// One controller per request, unhooked from the caller's signal when it ends:
		// AbortSignal.any([signal, AbortSignal.timeout()]) leaves an entry in a caller's
		// long-lived signal (the poller's) at every request, never removed on Node 20
		// (nodejs/node#55351).
		const controller = new AbortController();
		let timedOut = false;
		const deadline = setTimeout(() => {
			timedOut = true;
			controller.abort(new DOMException('The operation timed out.', 'TimeoutError'));
		}, this.#timeoutMs);
		deadline.unref();
		const onAbort = () => {
			controller.abort(signal?.reason);
		};

		if (signal?.aborted) {
			onAbort();
		} else {
			signal?.addEventListener('abort', onAbort, {once: true});
		}

		let answered = false;
		try {
			const response = await request.call(this.#pool, {
				method,
				path,
				headers: {authorization: this.#authorization, accept: 'application/json'},
				headersTimeout: this.#timeoutMs,
				bodyTimeout: this.#timeoutMs,
				signal: controller.signal,
			});
			answered = true;
			const declared = Number(response.headers['content-length']);
			if (Number.isFinite(declared) && declared > this.#maxBodyBytes) {
				discard(response.body);
				return {ok: false, error: this.#tooLarge(), latencyMs: latency()};
			}

			const body = await this.#readCapped(response.body);
			if (body === undefined) {
				return {ok: false, error: this.#tooLarge(), latencyMs: latency()};
			}

			if (response.statusCode < 200 || response.statusCode > 299) {
				return {ok: false, error: describeStatus(response.statusCode, body, this.target.label, what), latencyMs: latency()};
			}

			return {ok: true, status: response.statusCode, body, latencyMs: latency()};
		} catch (error: unknown) {
			const cause = timedOut && signal?.aborted !== true ? {code: answered ? 'UND_ERR_BODY_TIMEOUT' : 'UND_ERR_HEADERS_TIMEOUT'} : error;
			return {ok: false, error: describeNetworkError(cause, this.target.label, this.#timeoutMs), latencyMs: latency()};
		} finally {
			clearTimeout(deadline);
			signal?.removeEventListener('abort', onAbort);
		}
	}

	/** A GET whose 2xx answer must be JSON. */
	async getJson(path: string, what: string, signal?: AbortSignal): Promise<JsonAnswer> {
		const answer = await this.send('GET', path, what, signal);
		if (!answer.ok) {
			return answer;
		}

		try {
			return {ok: true, status: answer.status, json: JSON.parse(answer.body), latencyMs: answer.latencyMs, bytes: answer.body.length};
		} catch {
			const html = looksLikeHtml(answer.body);
			const message = html
				? `${this.target.label} answered with an HTML page instead of MaxScale's JSON: is a proxy in front of it?`
				: `${this.target.label} sent ${what} that is not valid JSON (${answer.body.length} bytes): the answer may have been cut off.`;
			return {ok: false, error: {kind: html ? 'html' : 'json', status: answer.status, message}, latencyMs: answer.latencyMs};
		}
	}

	/** What a twin client in the list worker needs (a method, so that no log or JSON shows the password). */
	connectionOptions(): ClientOptions {
		return this.#options;
	}

	async close(): Promise<void> {
		await this.#pool.destroy().catch(() => undefined);
	}

	#tooLarge(): ApiError {
		// --max-body can be under a MiB: say 256 KiB, not "0 MiB".
		const bytes = this.#maxBodyBytes;
		const oneDecimal = (value: number) => Math.round(value * 10) / 10;
		const cap = bytes >= 1024 * 1024 ? `${oneDecimal(bytes / 1024 / 1024)} MiB` : `${oneDecimal(bytes / 1024)} KiB`;
		return {
			kind: 'too-large',
			message: `${this.target.label} sent an answer over the ${cap} cap: raise --max-body if that many sessions are real.`,
		};
	}

	async #readCapped(body: AsyncIterable<Buffer> & {destroy(): unknown; on?(event: 'error', listener: () => void): unknown}): Promise<string | undefined> {
		const chunks: Buffer[] = [];
		let size = 0;
		for await (const chunk of body) {
			size += chunk.length;
			if (size > this.#maxBodyBytes) {
				discard(body);
				return undefined;
			}

			chunks.push(chunk);
		}

		return Buffer.concat(chunks, size).toString('utf8');
	}
}
