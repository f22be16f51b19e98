// The HTTP side of sessiontop: one keep-alive undici Pool per MaxScale, Basic auth,
// per-request header and body timeouts, a cap on the answer's size, and every
// failure turned into an ApiError instead of a throw.

import {Buffer} from 'node:buffer';
import {compressed, parseJsonBody, tooLarge, unreadableEncoding} from './body-errors.js';
import {discard, feedCapped, readCapped} from './capped-body.js';
import {Pool, request} from './undici-parts.js';
import {closedUnanswered, describeNetworkError, describeStatus, type ApiError, type Circumstances} from './errors.js';

// Moved to body-errors.ts; the batch and the list worker import them from here.
export {endedTooSoon, notJson, parseJsonBody} from './body-errors.js';

export type Target = {
	/** `http://host:port` or `https://host:port`. */
	origin: string;
	/** What the user calls it (host:port, and the prefix when there is one), used in messages. */
	label: string;
	/** A reverse proxy's path before MaxScale's `/v1/…` (`/maxscale`, no trailing slash); none when MaxScale is at the root. */
	pathPrefix?: string;
	/** MaxScale's time zone (--server-tz), for its zone-less `connected` before 23.02 (server-clock.ts). */
	serverZone?: string;
};

export type ClientOptions = {
	target: Target;
	user: string;
	password: string;
	timeoutMs: number;
	/** Answers larger than this are refused, so a runaway server cannot eat our memory. */
	maxBodyBytes?: number;
	/** Where maxBodyBytes was set (`--max-body`, `SESSIONTOP_MAX_BODY`, `max-body in [sessiontop] of …`: Config.where), named by the over-cap sentence. */
	maxBodyWhere?: string;
	/** What a 401 says to check: the user tried, and where it and the password came from (config/credentials.ts). */
	credentialsWhere?: string;
	/** Where the hosts were named (`hosts in [maxctrl] of ~/.maxctrl.cnf`), for what a name that does not resolve says to check; `--hosts` if not said. */
	hostsWhere?: string;
	/**
	 * `caFile`: the path `ca` was read from (--tls-ca-cert), named by the sentence for a
	 * certificate that CA did not sign, and `caWhere` where it was set (`--tls-ca-cert`,
	 * `SESSIONTOP_TLS_CA_CERT`, `tls-ca-cert in [maxctrl] of FILE`); they stay here, out of node's TLS options.
	 */
	tls?: {rejectUnauthorized: boolean; ca?: string | Buffer; cert?: string | Buffer; key?: string | Buffer; passphrase?: string; caFile?: string; caWhere?: string};
	/** False for a single print (--once, --tsv, --json): no sentence then advises --interval. */
	repeats?: boolean;
};

export type Answer =
	| {ok: true; status: number; body: string; latencyMs: number}
	| {ok: false; error: ApiError; latencyMs: number};

export type JsonAnswer =
	| {ok: true; status: number; json: unknown; latencyMs: number; bytes: number}
	| {ok: false; error: ApiError; latencyMs: number};

/** Takes a streamed body: write() for each chunk as it arrives, end() once it is whole. */
export type BodySink<T> = {write(chunk: Buffer): void; end(): T};

export type Streamed<T> =
	| {ok: true; status: number; value: T; latencyMs: number}
	| {ok: false; error: ApiError; latencyMs: number};

type Exchanged<T> =
	| {ok: true; status: number; body: string; value?: T; latencyMs: number}
	| {ok: false; error: ApiError; latencyMs: number};

export const defaultMaxBodyBytes = 256 * 1024 * 1024;

export class Client {
	readonly target: Target;
	readonly #pool: InstanceType<typeof Pool>;
	readonly #authorization: string;
	readonly #timeoutMs: number;
	readonly #maxBodyBytes: number;
	readonly #repeats: boolean;
	readonly #options: ClientOptions;
	readonly #ca: Circumstances['ca'];
	/**
	 * Whether this MaxScale has answered over plain HTTP: then its REST API does not use TLS,
	 * and a connection closed unanswered is no hint to try https:// (QA: an SSH tunnel whose far
	 * end died was met with advice about TLS, after an hour of plain HTTP answers).
	 */
	#answeredPlain = false;

	constructor(options: ClientOptions) {
		this.#options = options;
		this.target = options.target;
		this.#timeoutMs = options.timeoutMs;
		this.#maxBodyBytes = options.maxBodyBytes ?? defaultMaxBodyBytes;
		this.#repeats = options.repeats ?? true;
		// The password lives only in this header, never in a message or a log.
		this.#authorization = `Basic ${Buffer.from(`${options.user}:${options.password}`).toString('base64')}`;
		const {caFile, caWhere, ...tls} = options.tls ?? {rejectUnauthorized: true};
		this.#ca = tls.ca === undefined ? undefined : {file: caFile, where: caWhere};
		this.#pool = new Pool(options.target.origin, {
			connections: 4,
			connectTimeout: options.timeoutMs,
			keepAliveTimeout: 30_000,
			connect: options.tls ? tls : undefined,
		});
	}

	/** Any request; never throws. `json`: a request body (PATCH's), sent as application/json. */
	async send(method: 'GET' | 'DELETE' | 'POST' | 'PATCH', path: string, what: string, signal?: AbortSignal, json?: unknown): Promise<Answer> {
		const answer = await this.#exchange(method, path, what, signal, undefined, json === undefined ? undefined : JSON.stringify(json));
		return answer.ok ? {ok: true, status: answer.status, body: answer.body, latencyMs: answer.latencyMs} : answer;
	}

	/**
	 * A GET whose 2xx body goes to a sink chunk by chunk as it arrives, never whole: a session
	 * list is read while it streams. Other statuses, the cap, timeouts and aborts are as send()'s.
	 */
	async stream<T>(path: string, what: string, open: () => BodySink<T>, signal?: AbortSignal): Promise<Streamed<T>> {
		const answer = await this.#exchange('GET', path, what, signal, open);
		return answer.ok ? {ok: true, status: answer.status, value: answer.value!, latencyMs: answer.latencyMs} : answer;
	}

	async #exchange<T>(method: 'GET' | 'DELETE' | 'POST' | 'PATCH', path: string, what: string, signal: AbortSignal | undefined, open: (() => BodySink<T>) | undefined, sent?: string): Promise<Exchanged<T>> {
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
			const response = await this.#request(method === 'GET', controller.signal, {
				method,
				// The pool holds the origin; a reverse proxy's prefix goes before every path.
				path: `${this.target.pathPrefix ?? ''}${path}`,
				// identity: with no Accept-Encoding, a proxy may compress (RFC 9110), and this client reads no compressed body.
				headers: {authorization: this.#authorization, accept: 'application/json', 'accept-encoding': 'identity', ...(sent === undefined ? {} : {'content-type': 'application/json'})},
				...(sent === undefined ? {} : {body: sent}),
				headersTimeout: this.#timeoutMs,
				bodyTimeout: this.#timeoutMs,
				signal: controller.signal,
			});
			answered = true;
			this.#answeredPlain ||= this.target.origin.startsWith('http:');
			const declared = Number(response.headers['content-length']);
			if (Number.isFinite(declared) && declared > this.#maxBodyBytes) {
				discard(response.body);
				return {ok: false, error: this.#tooLarge(path, what), latencyMs: latency()};
			}

			const success = response.statusCode >= 200 && response.statusCode <= 299;
			// A GET's body is read; a kill's or restart's 2xx is success whatever its body.
			const encoding = success && method === 'GET' ? unreadableEncoding(response.headers['content-encoding']) : undefined;
			if (encoding !== undefined) {
				discard(response.body);
				return {ok: false, error: compressed(this.target.label, response.statusCode, encoding), latencyMs: latency()};
			}

			if (open !== undefined && success) {
				const sink = open();
				if (!(await feedCapped(response.body, sink, this.#maxBodyBytes))) {
					return {ok: false, error: this.#tooLarge(path, what), latencyMs: latency()};
				}

				const latencyMs = latency();
				return {ok: true, status: response.statusCode, body: '', value: sink.end(), latencyMs};
			}

			const body = await readCapped(response.body, this.#maxBodyBytes);
			if (body === undefined) {
				return {ok: false, error: this.#tooLarge(path, what), latencyMs: latency()};
			}

			if (!success) {
				const answer = {location: response.headers['location'], requested: {base: `${this.target.origin}${this.target.pathPrefix ?? ''}`, path}, repeats: this.#repeats, credentials: this.#options.credentialsWhere};
				return {ok: false, error: describeStatus(response.statusCode, body, this.target.label, what, answer), latencyMs: latency()};
			}

			return {ok: true, status: response.statusCode, body, latencyMs: latency()};
		} catch (error: unknown) {
			const cause = timedOut && signal?.aborted !== true ? {code: answered ? 'UND_ERR_BODY_TIMEOUT' : 'UND_ERR_HEADERS_TIMEOUT'} : error;
			const circumstances = {answered, plainHttp: this.target.origin.startsWith('http:'), answeredPlain: this.#answeredPlain, ca: this.#ca, ...(this.#options.hostsWhere === undefined ? {} : {hostsWhere: this.#options.hostsWhere})};
			return {ok: false, error: describeNetworkError(cause, this.target.label, this.#timeoutMs, circumstances), latencyMs: latency()};
		} finally {
			clearTimeout(deadline);
			signal?.removeEventListener('abort', onAbort);
		}
	}

	/**
	 * The request, and for a GET (which may be sent twice) again, up to twice, when its
	 * connection closed before any byte of an answer: a kept-alive connection that the server
	 * (or a proxy) closed as idle just as the poll went out on it, which every HTTP client
	 * meets and most send again (QA: a server closing idle connections after 2 s made every
	 * other poll at a 2 s interval fail, with advice about TLS). Twice, as the pool may hold
	 * more than one such connection; within the same --timeout, and never once aborted.
	 */
	async #request(idempotent: boolean, signal: AbortSignal, options: Parameters<typeof request>[0]): Promise<Awaited<ReturnType<typeof request>>> {
		for (let attempt = 0; ; attempt++) {
			try {
				// eslint-disable-next-line no-await-in-loop
				return await request.call(this.#pool, options);
			} catch (error: unknown) {
				if (!idempotent || attempt >= 2 || signal.aborted || !closedUnanswered(error)) {
					throw error;
				}
			}
		}
	}

	/** A GET whose 2xx answer must be JSON. */
	async getJson(path: string, what: string, signal?: AbortSignal): Promise<JsonAnswer> {
		const answer = await this.send('GET', path, what, signal);
		if (!answer.ok) {
			return answer;
		}

		const parsed = parseJsonBody(this.target.label, what, answer.status, answer.body);
		return parsed.ok
			? {ok: true, status: answer.status, json: parsed.json, latencyMs: answer.latencyMs, bytes: answer.body.length}
			: {ok: false, error: parsed.error, latencyMs: answer.latencyMs};
	}

	/** What a twin client in the list worker needs (a method, so that no log or JSON shows the password). */
	connectionOptions(): ClientOptions {
		return this.#options;
	}

	async close(): Promise<void> {
		await this.#pool.destroy().catch(() => undefined);
	}

	#tooLarge(path: string, what: string): ApiError {
		// The list grows with its sessions; anything else is one answer, said by what it was for.
		const list = /^\/v1\/sessions(?:\?|$)/.test(path);
		return tooLarge(this.target.label, this.#maxBodyBytes, this.#options.maxBodyWhere, list ? undefined : what);
	}
}
