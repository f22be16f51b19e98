// One MaxScale's answer into the state. Everything that walks the whole list
// (the index by key, new and ended sessions, grouping and sorting) is
// `preparePoll`: steps that the app runs a slice at a time while the keys keep
// working (ui/finish-in-slices.ts), then hands over with the poll-ok action.
// The reducer takes that work only if the state it was done on is still the one
// it meets (same sessions, same view); otherwise it does it again, at once.
// Either way the resulting state is the same.

import {afterRestart, gapped, showsRestart, trackChangesSteps, type Changes} from './changes.js';
import {backMessage} from './host-back.js';
import type {ServerInfo} from './server-info.js';
import type {Action, HostStatus, MonitorState} from './monitor-state.js';
import {hostKey} from './host-key.js';
import {endedPane, keptFor, paneFor} from './pane.js';
import type {Row} from './rows.js';
import type {Session} from './session.js';
import {SessionIndex, type SessionLookup} from './session-index.js';
import {finish, type Steps} from './steps.js';
import {versionAtLeast} from './version.js';
import {provenByUptime, provenShift, shiftedSession, uptimeHint, zoneHint} from './zone-hint.js';
import {pollGapMs} from './schedule.js';
import {steadyWidths} from './steady-widths.js';
import {summarizeSteps, type Summary} from './summary.js';
import {heldKey, keptAtPoll, keptTest} from './held-row.js';
import {placeRows, viewRowsSteps} from './place-rows.js';
import {indexOfKey} from './selection.js';

export {hostKey} from './host-key.js';

export type PollOk = Extract<Action, {type: 'poll-ok'}>;

export type PreparedPoll = {
	/** The parts of the state the work was done on: if any has changed since, it is done again. */
	basis: readonly unknown[];
	hosts: Record<string, HostStatus>;
	sessions: Session[];
	byId: SessionLookup;
	changes: Changes;
	rows: Row[];
	summary: Summary;
};

export function withHost(state: MonitorState, host: string | undefined, change: (status: HostStatus) => HostStatus): Record<string, HostStatus> {
	const name = hostKey(state, host);
	return {...state.hosts, [name]: change(state.hosts[name] ?? {sessions: []})};
}

/**
 * A MaxScale's version and uptime, as learnt (by the poll loop, or asked again after a kill's
 * 404): its own, and the header's when it is the only one (with several, the first learnt).
 */
export function withServerInfo(state: MonitorState, host: string | undefined, info: ServerInfo): MonitorState {
	const hosts = withHost(state, host, (status) => ({...status, server: info}));
	return {...state, hosts, server: state.hostOrder.length === 1 ? info : state.server ?? info};
}

/** The most recent failure among the hosts that are failing now. */
export function currentError(hosts: Record<string, HostStatus>): MonitorState['error'] {
	let latest: MonitorState['error'];
	for (const status of Object.values(hosts)) {
		if (status.error !== undefined && (latest === undefined || status.error.at > latest.at)) {
			latest = status.error;
		}
	}

	return latest;
}

const basisOf = (state: MonitorState): unknown[] => [
	state.hosts,
	state.hostOrder,
	state.byId,
	state.changes,
	state.polls,
	state.lastPoll,
	state.grouping,
	state.sort,
	state.collapsed,
	state.filter,
	keptAtPoll(state),
];

const sameBasis = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((part, i) => part === b[i]);

/** The whole-list work of a poll-ok action on `state`, yielding every few thousand sessions. */
export function* preparePoll(state: MonitorState, action: PollOk): Steps<PreparedPoll> {
	const lastPoll = {at: action.at, latencyMs: action.latencyMs, bytes: action.bytes, ...(action.mono === undefined ? {} : {mono: action.mono})};
	// A MaxScale whose ages were proven hours too long (zone-hint.ts): as they are.
	const shift = state.hosts[hostKey(state, action.host)]?.ageShift;
	const polled = shift === undefined ? action.sessions : action.sessions.map((session) => shiftedSession(session, shift));
	const host = hostKey(state, action.host);
	const before = state.hosts[host]?.lastPoll;
	// Since this MaxScale's own previous poll: the rates are each host's, summed (changes.ts).
	// Undefined at its first answer, where its sessions were all along, not just opened.
	const seconds = before === undefined ? undefined : Math.max(0.001, pollGapMs(before, action, action.at - before.at) / 1000);
	const hosts = withHost(state, action.host, (status) => ({...status, sessions: polled, lastPoll, error: undefined, ...(seconds === undefined ? {} : {gapSeconds: seconds})}));
	// One host's poll replaces its own sessions; the others keep their last good ones.
	const sessions = state.hostOrder.length === 1 ? polled : state.hostOrder.flatMap((name) => hosts[name]?.sessions ?? []);
	// What the list reader built as the list arrived (its index, summary and counts per service)
	// holds only when it is this very list (one MaxScale, no ages shifted).
	const arrived = sessions === action.sessions;
	const byId = action.index !== undefined && arrived ? action.index : yield* SessionIndex.build(sessions);
	const partial = state.hostOrder.some((name) => hosts[name]?.lastPoll === undefined);
	const services = arrived ? action.services : undefined;
	const changes = yield* trackChangesSteps(state.changes, {previous: state.byId, previousList: state.sessions, next: sessions, nextById: byId, host, seconds, partial, ...(services === undefined ? {} : {services})});
	// The pane's session, under the cursor, stays listed whatever its own change (held-row.ts).
	const rows = yield* viewRowsSteps({...state, sessions, changes}, keptTest(state.filter, keptAtPoll(state), changes.replaced));
	const summary = action.summary !== undefined && arrived ? action.summary : yield* summarizeSteps(sessions);
	return {basis: basisOf(state), hosts, sessions, byId, changes, rows, summary};
}

export function pollOk(state: MonitorState, action: PollOk): MonitorState {
	const {prepared} = action;
	if (state.paused && action.manual !== true) {
		// Paused: the screen stays as it was when p was pressed, whenever this answer left
		// the server (in flight, or being prepared, when p came). Only r shows a poll.
		return state;
	}

	const work = prepared !== undefined && sameBasis(prepared.basis, basisOf(state)) ? prepared : finish(preparePoll(state, action));
	const {hosts, sessions, byId, changes, rows, summary} = work;
	const widths = steadyWidths(state.widths, summary.widest, action.at);
	const {replaced} = changes;
	// Marks on sessions that ended go with them, and so do those on a session whose id now
	// names another (its MaxScale restarted): a kill must not pass to a stranger.
	const listed = (key: string) => byId.has(key) && !replaced.has(key);
	const marked = state.marked.size === 0 ? state.marked : new Set([...state.marked].filter((key) => listed(key)));
	// A session given time to close is closing until it ends (or its id is another's), as its
	// mark; still listed well past its grace period, MaxScale did not close it: that is said.
	const closing = new Map([...state.closing].filter(([key, by]) => listed(key) && action.at <= by));
	const outlived = [...state.closing].filter(([key, by]) => listed(key) && action.at > by).map(([key]) => byId.get(key)!.id);
	const paneReplaced = state.pane.id !== undefined && replaced.has(state.pane.id);
	const paneEnded = state.pane.id !== undefined && !byId.has(state.pane.id);
	let documents = keptFor(state.documents, byId, state.pane.id);
	if (replaced.size > 0) {
		// Another session's document must not be compared with the new one's as if it had changed.
		documents = new Map([...documents].filter(([key]) => !replaced.has(key)));
	}

	// Its ids now other sessions', or not one session of its last list left: MaxScale restarted
	// (or another took its address), and may be another version, whose calls K and R depend on.
	const host = hostKey(state, action.host);
	const lastList = state.hosts[host]?.sessions ?? [];
	const restarted = showsRestart(replaced.size > 0, lastList.length, action.sessions.length, lastList.some((session) => byId.has(session.key)));
	// Back after failing: said, unless this poll has something else to say or a sentence that
	// matters still shows: over a passing note (`Polling now…`, a key's answer), which would
	// otherwise have hidden it for good (QA: r pressed during an outage lost "answers again,
	// restarted"), not over an outcome, a warning, or a note that says what to do.
	// Said restarted only when none of its last list is left (a few ids reused is said by the marks, if any).
	const allNew = restarted && lastList.length > 0 && lastList.every((session) => !byId.has(session.key) || replaced.has(session.key));
	const {message: said} = state;
	const passing = said === undefined || said.untilPoll === true || (said.tone === 'info' && said.whole !== true && said.advice !== true);
	const back = outlived.length === 0 && passing ? backMessage(state, host, action.at, allNew) : undefined;
	const next: MonitorState = {
		...state,
		hosts: restarted ? {...hosts, [host]: {...hosts[host]!, restarts: (hosts[host]!.restarts ?? 0) + 1}} : hosts,
		sessions,
		byId,
		changes: restarted || gapped(state.hosts[host], hosts[host]?.gapSeconds) ? afterRestart(changes, host) : changes,
		summary: withGhostIds(widths.widest === summary.widest ? summary : {...summary, widest: widths.widest}, changes.ghosts),
		widths,
		marked: marked.size === state.marked.size ? state.marked : marked,
		closing: closing.size === state.closing.size ? state.closing : closing,
		...(outlived.length === 0 ? {} : {message: {tone: 'error', text: outlivedText(outlived)}}),
		...(back === undefined ? {} : {message: back}),
		documents,
		lastPoll: hosts[hostKey(state, action.host)]?.lastPoll,
		error: currentError(hosts),
		polls: state.polls + 1,
		attempts: state.attempts + 1,
		// An ended session keeps its last document on screen, marked ended, until the cursor moves;
		// listed again (a step back in a replay, a 404 on its document that was not the end), it is live.
		pane: paneEnded ? endedPane(state) : state.pane.ended && state.pane.id !== undefined ? {...state.pane, ended: false} : state.pane,
	};
	// Kept against the filter (the rows let it through): held until a poll finds the pane gone from
	// it, said when it begins; the pane's title names its MaxScale too, when several are watched.
	const kept = keptAtPoll(state);
	const keptSession = kept === undefined ? undefined : byId.get(kept);
	const holds = keptSession !== undefined && state.filter.test?.(keptSession) === false && indexOfKey(rows, kept) !== -1;
	const held = holds ? {key: kept!, filter: state.filter} : undefined;
	const news = holds && heldKey(state) !== kept ? {message: {tone: 'info' as const, text: `${state.pane.title} no longer matches the filter: kept while the pane is on it.`}} : {};
	const placed = placeRows({...next, held, ...news}, rows, state.rows);
	const lostMarks = replaced.size === 0 ? 0 : [...replaced].filter((key) => state.marked.has(key)).length;
	if (lostMarks === 0 && !paneReplaced) {
		return withZoneHint(state, placed, action);
	}

	// Said, since it changes what K would act on: the pane starts afresh on the new session.
	const whose = [lostMarks > 0 ? `${lostMarks} mark${lostMarks === 1 ? '' : 's'} dropped` : '', paneReplaced ? 'the pane shows the new session' : ''].filter(Boolean).join(', ');
	const pane = paneReplaced && placed.pane.id !== undefined && placed.pane.open ? paneFor(placed, placed.pane.id) : placed.pane;
	return {...placed, pane, message: {tone: 'info', text: `Sessions under ids seen before are new ones (MaxScale restarted?): ${whose}.`}};
}

/**
 * The poll of a MaxScale whose uptime or new sessions prove its ages hours too long
 * (zone-hint.ts): taken again with its ages as they are, from then on too, and said. What the
 * uptime proves is a least (its oldest session may have connected a while after it started):
 * new sessions may prove more later, on the ages already shifted, and it is said again then.
 */
function withZoneHint(before: MonitorState, after: MonitorState, action: PollOk): MonitorState {
	const host = hostKey(before, action.host);
	const status = before.hosts[host];
	// From 23.02 MaxScale writes its times in GMT, and 24.02 sends ages too: no zone to prove
	// (QA: a 24.02's new sessions hours old were taken for one, and every age moved).
	if (versionAtLeast(status?.server?.version, 23, 2)) {
		return after;
	}

	const local = -new Date(action.at).getTimezoneOffset();
	const previous = status?.lastPoll;
	const byNew = previous === undefined ? undefined : provenShift(after.changes.youngestNew, (action.at - previous.at) / 1000, local);
	const byUptime = byNew === undefined ? provenByUptime(status?.server, after.hosts[host]?.sessions ?? [], action.at) : undefined;
	const more = byNew ?? byUptime;
	if (more === undefined) {
		return after;
	}

	const shift = (status?.ageShift ?? 0) + more;
	const shifted = withHost(before, action.host, (each) => ({...each, ageShift: shift}));
	const again = pollOk({...before, hosts: shifted}, {...action, prepared: undefined});
	const label = before.hostOrder.length > 1 ? host : '';
	return {...again, message: {tone: 'info', advice: true, text: byNew === undefined ? uptimeHint(label, shift, local) : zoneHint(label, shift, local)}};
}

/**
 * The summary with an Id column wide enough for the ended sessions still shown too: after a
 * MaxScale's restart its new ids are short, and the ended rows' long ones were cut to
 * `…465`, the very ids an operator looks for (QA). A session is known by its whole id.
 */
function withGhostIds(summary: Summary, ghosts: ReadonlyArray<{session: {id: string}}>): Summary {
	let idWidth = summary.idWidth;
	for (const {session} of ghosts) {
		idWidth = Math.max(idWidth, session.id.length);
	}

	return idWidth === summary.idWidth ? summary : {...summary, idWidth};
}

/** Sessions killed with a grace period still listed past it (their ids as shown). */
function outlivedText(ids: readonly string[]): string {
	const which = ids.length === 1 ? `Session ${ids[0]!} is` : `${ids.length} sessions killed with a grace period are`;
	const them = ids.length === 1 ? 'it' : `them (${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ', …' : ''})`;
	return `${which} still listed past ${ids.length === 1 ? 'its kill\'s grace period' : 'it'}: MaxScale has not closed ${them}; K again kills at once.`;
}
