// The compact per-session record. Only what cannot be derived is stored: everything that changes
// with time (idle, io_activity, queries, memory) is computed from these fields and the clock at
// request time (see activity.ts), so 100k sessions cost a few hundred bytes each and need no timer.

import type {ServiceDef, UserDef} from './catalog.js';

export type Backend = {server: string; connectionId: number; misc: number};

export type SimSession = {
	id: number;
	idStr: string;
	/** Routing worker that owns the session: the list is grouped by it. */
	thread: number;
	service: ServiceDef;
	user: UserDef;
	remote: string;
	port: number;
	/** Wall-clock ms of the TCP connect (`connected`). */
	connectedAt: number;
	/** When authentication finished; before it the session is "Session created" without a user. */
	startedAt: number;
	/** Per-session hash seed: statement k of this session is hash32(seq, k). */
	seq: number;
	backends: Backend[];
	cipher: string;
	connector: number;
	pid: number;
	serverHost: string;
	/** Queries arrive every periodMs from startedAt + phaseMs; each takes about busyMs. */
	periodMs: number;
	phaseMs: number;
	busyMs: number;
	retain: number;
	trace: boolean;
	database: string | undefined;
	/** In "Stopping session": a close under way, which churn completes first (population.ts). */
	stopping: boolean;
	/** DELETE ?ttl=N: end once this wall-clock ms has passed (NaN: none). */
	killAt: number;
	ended: boolean;
	/** Bit per level, PATCH-able: 0 debug, 1 info, 2 notice, 3 warning, 4 error. */
	logLevels: number;
	/** Sub-millisecond part of seconds_alive, in nanoseconds (real MaxScale has ns resolution). */
	nanos: number;
	sescmdLen: number;
	sescmdBytes: number;
	variablesBytes: number;
	execMetadata: number;
	clientMisc: number;
	/** `connected`, formatted once (the format is fixed per simulator). */
	connectedText: string;
	/** Position in Population.live, for O(1) removal. */
	liveIndex: number;
	/** Bumped whenever a static part of the document changes (restart, PATCH). */
	renderVersion: number;
	/**
	 * Compact rendering (UTF-8 views into one buffer), cut where a time-dependent value goes
	 * (see session-json.ts).
	 */
	template: Uint8Array[] | undefined;
	templateKey: number;
	/** Compact log/memory/queries of a session with retained statements, and when they were true. */
	history: string[] | undefined;
	historyKey: number;
	/** The same as `template`, for the last sparse fieldset asked for (a monitor asks for one). */
	sparse: {fields: string; key: number; views: Uint8Array[]; history: string[] | undefined; historyKey: number} | undefined;
};
