// Acting on sessions: marks, the kill/restart confirmation, and the effects the
// UI carries out (the requests; the clipboard and the snapshot file: copy-save.ts; the
// question's words: confirm-question.ts). Safety first: a confirmation acts only on the
// sessions it named, captured when it opened, whatever the list did meanwhile.

import {listedTest} from './held-row.js';
import type {ServerInfo} from './server-info.js';
import {copy} from './copy-save.js';
import {formatClient} from './format.js';
import {paneSubject} from './pane-title.js';
import {hostKey} from './host-key.js';
import type {Action, MonitorState} from './monitor-state.js';
import {markReducer, type MarkAction} from './marks.js';
import {callSince, hasCall} from './version.js';
import {compareIds, sameConnected, type Session} from './session.js';
import {compareHosts} from './sort.js';

/** `log`: a session's own info log (log_info) on or off, as the answer says (y on, n off). */
export type Operation = 'kill' | 'restart' | 'log';
/** `versionUnknown`: its MaxScale's version was not known when asked (a 404 may then mean no such call). */
export type Target = {
	key: string;
	id: string;
	host: string;
	user?: string;
	client: string;
	service: string;
	/** The session's `connected` (epoch ms): a confirmation acts on this session, not on another that took its id since. */
	connectedAt?: number;
	versionUnknown?: true;
	/** Ended before the answer, and its id now names another session (its MaxScale restarted). */
	reused?: true;
};
/**
 * `hidden`: how many of the targets the filter hid when the confirmation opened.
 * `unable`: marked sessions left out because their MaxScale is too old for the call, and where.
 * `failing`: the targets' MaxScales whose last poll failed: their rows are the last good list's.
 */
/** `ended`: how many of its targets have ended since it was asked (refreshConfirm): said in it, as the header no longer counts them. */
/** `logNow`: for `log` on one session, its log_info as the pane's document shows it (open on it, refreshed each poll). */
export type Confirm = {operation: Operation; targets: Target[]; ttl: string; hidden: number; unable?: Unable; failing?: string[]; ended?: number; logNow?: boolean};
/** Marked sessions left out of a kill, restart or log change: their MaxScale is too old for the call. */
export type Unable = {count: number; hosts: string[]};

export type Effect =
	/** `logOn`: for `log`, whether the answer turned the log on (y) or off (n). */
	| {seq: number; kind: 'operation'; operation: Operation; targets: Target[]; ttl?: number; gone: Target[]; unable?: Unable; logOn?: boolean}
	| {seq: number; kind: 'copy'; text: string; what: string}
	| {seq: number; kind: 'save'}
	/** W: start recording every poll to a new file beside the snapshots, or stop the recording. */
	| {seq: number; kind: 'record'; stop: boolean};

/** `server`: the MaxScale's version asked again after a 404 (its version may have changed since it was learnt). */
export type Outcome = {target: Target; ok: boolean; status?: number; error?: string; server?: ServerInfo};

export type OperationAction =
	| MarkAction
	| {type: 'ask'; operation: Operation}
	| {type: 'confirm-key'; input: string; name?: string}
	| {type: 'copy'}
	| {type: 'save'}
	| {type: 'record'}
	/** A recording began (its file) or ended (undefined), whoever started it: --record or W. */
	| {type: 'recording'; file: string | undefined}
	| {type: 'effect-done'; seq: number}
	| {type: 'operation-done'; seq: number; operation: Operation; outcomes: Outcome[]; gone: Target[]; ttl?: number; unable?: Unable; at?: number; logOn?: boolean};

function targetOf(session: Session): Target {
	return {
		key: session.key,
		id: session.id,
		host: session.host,
		user: session.user,
		client: formatClient(session.remote, session.port),
		service: session.service,
		...(session.connectedAt === undefined ? {} : {connectedAt: session.connectedAt}),
	};
}

/** What an operation does, in a sentence's words. */
const doings: Readonly<Record<Operation, string>> = {kill: 'killing sessions', restart: 'restarting sessions', log: "setting a session's log level"};
const verbs: Readonly<Record<Operation, string>> = {kill: 'kill', restart: 'restart', log: 'set the log level of'};

/** The sentence a cancelled question leaves. */
export const nothingDone: Readonly<Record<Operation, string>> = {kill: 'Nothing was killed.', restart: 'Nothing was restarted.', log: 'No log level was changed.'};

/** `parameters.log_info` of the session the pane is open on (its document is fetched after each poll), if it says. */
function paneLogInfo(state: MonitorState, key: string): boolean | undefined {
	if (!state.pane.open || state.pane.id !== key || state.pane.ended) {
		return undefined;
	}

	const value = (state.pane.document as {data?: {attributes?: {parameters?: {log_info?: unknown}}}} | undefined)?.data?.attributes?.parameters?.log_info;
	return typeof value === 'boolean' ? value : undefined;
}

function ask(state: MonitorState, operation: Operation): MonitorState {
	if (state.readonly) {
		const doing = doings[operation];
		const text = state.replay === undefined
			? `Read-only mode (--readonly, or readonly in the config file): ${doing} is off.`
			: `This is a replay of a recording: ${doing} works only on a live MaxScale.`;
		return {...state, message: {tone: 'error', text}};
	}

	// In id order (then MaxScale), as the list shows them by default, not in the order they were marked.
	const marked = [...state.marked]
		.map((id) => state.byId.get(id))
		.filter((s): s is Session => s !== undefined)
		.sort((a, b) => compareIds(a.id, b.id) || compareHosts(a, b));
	// The pane focused acts on what it shows, as y copies its document: once that session has
	// ended (the cursor went on to a neighbour), nothing, rather than the neighbour it does not show.
	if (marked.length === 0 && state.focus === 'pane' && state.pane.open && state.pane.ended) {
		return {...state, message: {tone: 'error', text: `The pane's ${paneSubject(state.pane)} has ended: nothing to ${operation === 'log' ? 'change' : operation}; Tab goes back to the list, whose cursor is on a live session.`}};
	}

	const selected = state.selectedId === undefined ? undefined : state.byId.get(state.selectedId);
	const targets = marked.length > 0 ? marked.map(targetOf) : selected ? [targetOf(selected)] : [];
	if (targets.length === 0) {
		return {...state, message: {tone: 'error', text: `Put the cursor on a session (or mark some with Space) to ${verbs[operation]} it.`}};
	}

	// Before 22.08 (6.0 for a log level) MaxScale has no such call and answers 404, which would read as "already gone".
	const versionOf = (host: string) => state.hosts[hostKey(state, host)]?.server?.version;
	const old: Target[] = [];
	const able: Target[] = [];
	for (const target of targets) {
		const can = hasCall(operation, versionOf(target.host));
		if (can === false) {
			old.push(target);
		} else {
			able.push(can === undefined ? {...target, versionUnknown: true} : target);
		}
	}

	if (old.length > 0 && able.length === 0) {
		// Each MaxScale too old, in -h order (QA: marks on a 2.5 and a 2.2 named only the 2.5).
		const hosts = [...new Set(old.map((target) => target.host))].sort((a, b) => state.hostOrder.indexOf(a) - state.hostOrder.indexOf(b));
		const named = hosts.map((host) => `${versionOf(host) ?? ''}${state.hostOrder.length > 1 ? ` on ${host}` : ''}`);
		const which = named.length === 1 ? named[0]! : `${named.slice(0, -1).join(', ')} and ${named.at(-1)!}`;
		const nothing = targets.length > 1 ? ` ${nothingDone[operation]}` : '';
		const cannot = operation === 'log' ? "set a session's log level" : `${operation} sessions`;
		return {...state, message: {tone: 'error', text: `MaxScale ${which} cannot ${cannot}: that needs MaxScale ${callSince[operation]} or later.${nothing}`}};
	}

	// Counted now, with the targets: the prompt says what it will act on that the list does not show
	// (the session kept listed for the pane, held-row.ts, is shown).
	const test = listedTest(state);
	const ableKeys = new Set(able.map((target) => target.key));
	const hidden = marked.length > 0 && test !== undefined ? marked.filter((session) => !test(session) && ableKeys.has(session.key)).length : 0;
	const unable = old.length === 0 ? undefined : {count: old.length, hosts: [...new Set(old.map((target) => target.host))]};
	const logNow = operation === 'log' && able.length === 1 ? paneLogInfo(state, able[0]!.key) : undefined;
	const confirm = {operation, targets: able, ttl: '', hidden, ...(unable === undefined ? {} : {unable}), ...(logNow === undefined ? {} : {logNow})};
	return {...state, mode: 'confirm', confirm: withFailing(state, confirm)};
}

/**
 * A MaxScale whose polls fail may be down, or its sessions gone: said before y, not only after.
 * Kept true while the question is open (refreshConfirm): one back since must not be said down.
 */
function withFailing(state: MonitorState, confirm: Confirm): Confirm {
	const failing = [...new Set(confirm.targets.map((target) => target.host))]
		.filter((host) => state.hosts[hostKey(state, host)]?.error !== undefined)
		.map((host) => (state.hostOrder.length > 1 ? host : 'MaxScale'));
	const {failing: _said, ...rest} = confirm;
	return failing.length === 0 ? rest : {...rest, failing};
}

/** Whether a question's target is still listed, the same session (not one a restarted MaxScale gave its id). */
function stillThere(state: MonitorState, target: Target): boolean {
	const session = state.byId.get(target.key);
	return session !== undefined && sameConnected(session.connectedAt, target.connectedAt);
}

/** An open question after its MaxScales' polls came in or failed: what it says of them, as they are now. */
export function refreshConfirm(state: MonitorState): MonitorState {
	if (state.confirm === undefined) {
		return state;
	}

	const failing = withFailing(state, state.confirm);
	// QA: a question open while its session ended still asked, and its count of marks disagreed with the header's.
	const ended = state.confirm.targets.filter((target) => !stillThere(state, target)).length;
	const {ended: _said, ...rest} = failing;
	const confirm: Confirm = ended === 0 ? rest : {...rest, ended};
	const same = (confirm.failing ?? []).join('\n') === (state.confirm.failing ?? []).join('\n') && confirm.ended === state.confirm.ended;
	return same ? state : {...state, confirm};
}

function confirmKey(state: MonitorState, input: string, name: string | undefined): MonitorState {
	const {confirm} = state;
	if (confirm === undefined) {
		return {...state, mode: 'list'};
	}

	// A paste is no answer: pasted text holding a `y` (or a line break) must never confirm.
	// commands.ts drops a paste outside the prompts before it comes here; this stays as the
	// question's own guard, for any path that hands it keys directly (review).
	if (name === 'paste') {
		return state;
	}

	// q answers no here rather than quit with a question open (Ctrl-C still quits). Enter
	// too, as [y/N] says: a kill is not undone, and a stray Enter must not be one.
	// A log level's question takes n as its other answer (off); Esc, Enter and q leave it.
	const log = confirm.operation === 'log';
	if (name === 'escape' || name === 'return' || input === 'q' || (!log && (input === 'n' || input === 'N'))) {
		return {...state, mode: 'list', confirm: undefined, message: {tone: 'info', text: nothingDone[confirm.operation]}};
	}

	if (name === 'backspace' || name === 'delete') {
		return {...state, confirm: {...confirm, ttl: confirm.ttl.slice(0, -1)}};
	}

	if (confirm.operation === 'kill' && /^\d$/.test(input) && confirm.ttl.length < 6) {
		return {...state, confirm: {...confirm, ttl: confirm.ttl + input}};
	}

	const yes = input === 'y' || input === 'Y';
	if (!yes && !(log && (input === 'n' || input === 'N'))) {
		return state;
	}

	// Only the sessions named in the confirmation; those that ended since (or whose id a
	// restarted MaxScale gave to another) are reported, not sent.
	const alive = confirm.targets.filter((target) => stillThere(state, target));
	const gone = confirm.targets.filter((target) => !stillThere(state, target)).map((target) => (state.byId.has(target.key) ? {...target, reused: true as const} : target));
	const ttl = confirm.ttl === '' ? undefined : Number(confirm.ttl);
	const seq = state.seq + 1;
	const effect = {seq, kind: 'operation', operation: confirm.operation, targets: alive, ttl, gone, ...(confirm.unable === undefined ? {} : {unable: confirm.unable}), ...(log ? {logOn: yes} : {})} as const;
	const sessions = `${alive.length} session${alive.length === 1 ? '' : 's'}`;
	const text = log ? `Turning the info log ${yes ? 'on' : 'off'} for ${sessions}…` : `${confirm.operation === 'kill' ? 'Killing' : 'Restarting'} ${sessions}…`;
	return {...state, mode: 'list', confirm: undefined, seq, effects: [...state.effects, effect], message: {tone: 'info', text}};
}

export function operationReducer(state: MonitorState, action: Action): MonitorState | undefined {
	switch (action.type) {
		case 'mark':
		case 'mark-shown':
		case 'unmark-all': {
			return markReducer(state, action);
		}

		case 'ask': {
			return ask(state, action.operation);
		}

		case 'confirm-key': {
			return confirmKey(state, action.input, action.name);
		}

		case 'copy': {
			return copy(state);
		}

		case 'save': {
			const seq = state.seq + 1;
			return {...state, seq, effects: [...state.effects, {seq, kind: 'save'}]};
		}

		case 'record': {
			if (state.replay !== undefined) {
				return {...state, message: {tone: 'info', text: 'A replay is not recorded again: its file is the recording.'}};
			}

			const seq = state.seq + 1;
			return {...state, seq, effects: [...state.effects, {seq, kind: 'record', stop: state.recordingTo !== undefined}]};
		}

		case 'recording': {
			return {...state, recordingTo: action.file};
		}

		case 'effect-done': {
			return state.effects.some((effect) => effect.seq === action.seq) ? {...state, effects: state.effects.filter((effect) => effect.seq !== action.seq)} : state;
		}

		default: {
			return undefined;
		}
	}
}
