// The main thread's side of the list worker. A list fetched there arrives as
// columns, in parts while the worker still reads it (list-parts.ts), and is rebuilt
// here a slice per turn of the event loop, so a 100k list never holds the keyboard
// for more than a few milliseconds at a time.
// If the worker cannot start or dies, lists are fetched on this thread instead:
// slower at 100k, never wrong.

import {existsSync} from 'node:fs';
import {Worker} from 'node:worker_threads';
import type {Client} from './client.js';
import {cancelled} from './errors.js';
import {originOf, type Origin} from './read-sessions.js';
import type {Session} from '../model/session.js';
import {ListParts} from './list-parts.js';
import type {ListPart, ListRequest} from './list-worker.js';
import type {SessionColumns} from './session-columns.js';
import {fetchSessionList, type ListResult} from './sessions-api.js';

export type FetchList = (signal: AbortSignal) => Promise<ListResult>;

type OkFields = Omit<Extract<ListResult, {ok: true}>, 'list'> & {skipped: number; duplicates: number; aheadMs: number; generation: number; statementNow: number};
type Reply = {seq: number; result: Exclude<ListResult, {ok: true}> | OkFields; columns?: SessionColumns};
/** A poll sent to a worker: `worker` is the one that owes it (one may end after its successor took the next poll). */
type Pending = {resolve: (reply: Reply) => void; parts: ListParts; worker: Worker};

/** Sessions per part the worker posts while it reads (list-parts.ts). */
const partRows = 8192;

// The worker's young generation, in MB. V8 gives a worker the main thread's (two 16 MB
// semi-spaces), and a list's chunks fill it every poll: ~54 MB of heap for ~22 live at 100k
// sessions. With 8 the worker's heap is ~30 MB and its polls are no slower (10k and 100k,
// measured): what it allocates is mostly dead by the next chunk. Its collections pause only
// the worker, never the keys. Smaller was tried at 100k: 2 took sessiontop's resident memory
// after 10 polls from 254–264 MiB to 241–254 (the bench's rssMb, four runs each) for no CPU,
// but the main thread's longest stall over 10 polls went from a median of 48 ms to 64 (ten
// runs each; 4: 58), the worker's more frequent collections competing for the same two
// cores and V8's helper threads. The keys come first.
const youngGenerationMb = 8;

function spawnWorker(workerData: unknown): Worker {
	const resourceLimits = {maxYoungGenerationSizeMb: youngGenerationMb};
	if (import.meta.url.endsWith('.ts')) {
		// Run from source (the tests, through tsx). `npm test` builds first, so the worker runs
		// the compiled twin of list-worker.ts: tsx in a worker compiles it anew each time (about
		// a second per worker on a small machine). Without a build, tsx it is.
		const built = new URL('../../build/api/list-worker.js', import.meta.url);
		if (existsSync(built)) {
			return new Worker(built, {workerData, resourceLimits});
		}

		const target = new URL('list-worker.ts', import.meta.url).href;
		const code = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); });`;
		return new Worker(code, {eval: true, workerData, resourceLimits});
	}

	return new Worker(new URL('list-worker.js', import.meta.url), {workerData, resourceLimits});
}

export class ListThread {
	readonly #client: Client;
	readonly #origin: Origin;
	readonly #partRows: number;
	#worker: Worker | undefined;
	#seq = 0;
	readonly #pending = new Map<number, Pending>();
	/** Set when a worker died before its first answer: it cannot run here, so lists are fetched on this thread. */
	#broken = false;
	#answered = false;
	/** The last list decoded: its strings serve the next (SessionDecoder). */
	#last: readonly Session[] = [];
	#closed = false;
	/** Whether the next lists carry each session's retained statements: the Statement column shows (the app sets it). */
	statements = false;

	/** `partRows`: sessions per part the worker posts (tests make parts small). */
	constructor(client: Client, origin: Origin, {partRows: rows = partRows}: {partRows?: number} = {}) {
		this.#client = client;
		this.#origin = origin;
		this.#partRows = rows;
	}

	readonly fetch: FetchList = async (signal) => {
		if (this.#closed) {
			// Never a new worker after close: nothing would ever terminate it.
			return {ok: false, error: cancelled, latencyMs: 0};
		}

		const worker = this.#broken ? undefined : this.#start();
		if (worker === undefined) {
			return fetchSessionList(this.#client, signal, this.#origin, this.statements);
		}

		const seq = ++this.#seq;
		const onAbort = () => {
			worker.postMessage({seq, abort: true});
		};

		signal.addEventListener('abort', onAbort, {once: true});
		// Parts come ahead of the reply and are rebuilt as they come; the reply brings the rest.
		const parts = new ListParts(this.#last);
		const reply = await new Promise<Reply>((resolve) => {
			this.#pending.set(seq, {resolve, parts, worker});
			worker.postMessage({seq, statements: this.statements} satisfies ListRequest);
		});
		signal.removeEventListener('abort', onAbort);
		const {result, columns} = reply;
		if (!result.ok || columns === undefined) {
			parts.drop();
			return result as Exclude<ListResult, {ok: true}>;
		}

		const {skipped, duplicates, aheadMs, generation, statementNow, ...rest} = result as OkFields;
		// The last rows come timed (session-list-reader.ts finish); the parts sent ahead, now.
		parts.add(columns, generation, true);
		const {sessions, index, summary, services} = await parts.done(statementNow);
		this.#last = sessions;
		return {...rest, list: {sessions, skipped, duplicates, aheadMs, index, summary, services}};
	};

	/** Whether lists come from the worker (false before the first fetch, or where workers cannot run). */
	get inWorker(): boolean {
		return this.#worker !== undefined && !this.#broken;
	}

	/**
	 * Starts the worker now rather than at the first fetch: the CLI calls it before the
	 * screen loads, so that the worker's own start-up (its modules, ~0.1 s) runs on the
	 * other core meanwhile, not after.
	 */
	warm(): this {
		if (!this.#closed && !this.#broken) {
			this.#start();
		}

		return this;
	}

	async close(): Promise<void> {
		this.#closed = true;
		this.#last = [];
		await this.recycle();
	}

	/** Ends the current worker (what it owes fails, in one sentence); the next fetch starts a fresh one. */
	async recycle(): Promise<void> {
		const worker = this.#worker;
		this.#worker = undefined;
		await worker?.terminate();
	}

	#start(): Worker | undefined {
		if (this.#worker !== undefined) {
			return this.#worker;
		}

		try {
			const worker = spawnWorker({options: this.#client.connectionOptions(), origin: this.#origin, partRows: this.#partRows});
			// The worker must never keep sessiontop alive on its own.
			worker.unref();
			worker.on('message', (message: Reply | ListPart) => {
				this.#answered = true;
				const pending = this.#pending.get(message.seq);
				if ('part' in message) {
					pending?.parts.add(message.part, message.generation);
					return;
				}

				this.#pending.delete(message.seq);
				pending?.resolve(message);
			});
			worker.on('error', () => {
				this.#failed(worker);
			});
			worker.on('exit', () => {
				this.#failed(worker);
			});
			this.#worker = worker;
			return worker;
		} catch {
			return undefined;
		}
	}

	/** A dead worker: answer what it owed on this thread, and start a new one next time. */
	#failed(worker: Worker): void {
		if (this.#worker === worker) {
			this.#worker = undefined;
		}

		this.#broken ||= !this.#answered;
		for (const [seq, {resolve, worker: owing}] of this.#pending) {
			if (owing !== worker) {
				continue;
			}

			this.#pending.delete(seq);
			resolve({seq, result: {ok: false, error: {kind: 'network', message: `${this.#client.target.label}: the list worker stopped, so this poll was lost; the next one will be made as usual.`}, latencyMs: 0}});
		}
	}
}

/** One list thread per MaxScale watched; their keys name the host only when there are several. */
export function listThreadsFor(clients: readonly Client[]): ListThread[] {
	return clients.map((client) => new ListThread(client, originOf(client.target, clients.length > 1)));
}
