// The monitor's state and the actions its reducer takes (monitor-state.ts), apart from the
// reducer so that each reads on its own: what every field means is here, how each changes there.

import type {ApiError} from './api-error.js';
import type {ServerInfo} from './server-info.js';
import type {Changes} from './changes.js';
import type {Command} from './commands.js';
import type {Filter} from './filter.js';
import type {FilterHistory} from './filter-history.js';
import type {Key} from './key-reads.js';
import type {Confirm, Effect, OperationAction} from './operations.js';
import type {Pane, PaneAction} from './pane.js';
import type {PaneSearch, SearchAction} from './pane-search.js';
import type {PreparedPoll} from './poll.js';
import type {Replay, ReplayAction} from './replay.js';
import type {Row} from './rows.js';
import type {Grouping} from './groups.js';
import type {SessionLookup} from './session-index.js';
import type {Session} from './session.js';
import type {Sort, SortKey} from './sort.js';
import type {SteadyWidest} from './steady-widths.js';
import type {Summary} from './summary.js';
import type {Tally} from './tally.js';
import type {Message} from './message-fade.js';
import type {MouseAction} from './mouse.js';
import type {ViewAction} from './view.js';

/** `search`: the pane's search prompt (pane-search.ts), as `filter` is the list's. */
export type Mode = 'list' | 'filter' | 'search' | 'confirm' | 'help';
/** What one watched MaxScale last said. */
export type HostStatus = {
	sessions: Session[];
	/** `mono`: when it landed by the monotonic clock (performance.now()), which a step of the wall clock does not move. */
	lastPoll?: {at: number; latencyMs: number; bytes: number; mono?: number};
	error?: {message: string; at: number; retryAt?: number};
	server?: ServerInfo;
	/** Seconds between its last poll and the one before it: a far longer gap is a pause or an outage (changes.ts gapped). */
	gapSeconds?: number;
	/** Seconds its ages read too long, proven by its new sessions or its uptime (model/zone-hint.ts): taken off from then on. */
	ageShift?: number;
	/** How many sessions with a repeated id its last list left out, as last said (said again only when it changes). */
	repeated?: number;
	/** How far its ages were moved for a zone east of the operator's, as last said (ahead-note.ts). */
	aheadMs?: number;
	/** How many entries of its last list were no usable session, as last said. */
	skipped?: number;
	/** How many times its lists showed it restarted (ids reused, or none of its last list left): its version is asked again each time (use-monitor.ts). */
	restarts?: number;
};

export type MonitorState = {
	/** The MaxScales watched, in the order given; '' stands for the only one. */
	hostOrder: string[];
	hosts: Record<string, HostStatus>;
	/** Every host's sessions, merged. */
	sessions: Session[];
	/** Sessions by key (see Session.key). */
	byId: SessionLookup;
	changes: Changes;
	/** Per-state counts and the widest id over the whole list (summary.ts); its widest texts held steady (steady-widths.ts). */
	summary: Summary;
	/** The User, Client and Service columns' widths, and when their texts last needed them (steady-widths.ts). */
	widths?: SteadyWidest;
	rows: Row[];
	grouping: Grouping;
	sort: Sort;
	/** The list's columns as chosen (--columns: model/column-choice.ts), in their order; undefined, all of them. */
	columns?: readonly SortKey[];
	/** Where S took the Running and Statement columns out of `columns`, each: S again puts them back there (statement-toggle.ts). */
	statementAt?: ReadonlyArray<{key: SortKey; at: number}>;
	filter: Filter;
	/**
	 * The session the pane is open on, kept in the list after a poll found it no longer matching
	 * `filter` (its statement ended, under running>=0): until a poll finds the pane and the cursor
	 * gone from it, and while the filter is that one (held-row.ts).
	 */
	held?: {key: string; filter: Filter};
	/** Where the filter prompt's cursor is in `filter.text` (a UTF-16 offset; model/line-edit.ts). */
	filterCursor: number;
	/** The filters kept this run, for the prompt's Ctrl-P and Ctrl-N (filter-history.ts). */
	filterHistory: FilterHistory;
	collapsed: Set<string>;
	/** The key of the row under the cursor: a session id or a group key. */
	selectedId?: string;
	/**
	 * True until the operator takes the cursor (view.ts takesCursor): until then each poll
	 * puts it on the list's first row, whatever sorts in above (hosts answering one by one),
	 * as htop and k9s keep it at the top; from then on it follows its own row by key.
	 */
	autoCursor: boolean;
	listTop: number;
	/**
	 * The screen line the cursor kept through the pages (PgDn, PgUp) that brought it to `key`:
	 * where a group's own row at the top puts it a line off, the next page puts it back, rather
	 * than take the line it was put on (QA: it drifted down a line every few pages). Any other
	 * move leaves the cursor on another key, and the line is the cursor's own again.
	 */
	paged?: {key: string; line: number};
	listHeight: number;
	paneHeight: number;
	paneWidth: number;
	focus: 'list' | 'pane';
	/**
	 * The pane takes the whole width, the list hidden behind it (z, as tmux zooms a pane): a
	 * long document, or a narrow terminal, read without the list beside it. The pane has the keys.
	 */
	zoomed: boolean;
	/**
	 * What the pane held when a shrink left it no room (model/pane.ts pane-shown): the keys
	 * (`pane`), or its search's prompt too (`search`), given back when it shows again.
	 */
	hiddenPane?: 'pane' | 'search';
	/** The pane's search: kept after Enter, for n and N, and for the next document opened. */
	search: PaneSearch;
	pane: Pane;
	/**
	 * The last good document of the sessions the pane showed lately, by key, oldest first
	 * (pane.ts): a pane opened again, or a fetch that fails (MaxScale down), shows it, not nothing.
	 */
	documents: ReadonlyMap<string, unknown>;
	marked: Set<string>;
	/**
	 * Sessions killed with a grace period (MaxScale's ttl) that are still listed, and by when they
	 * should have ended (epoch ms): their State reads `closing` until they end, as k9s shows a pod
	 * Terminating, so that the row does not look untouched (and K pressed again) while MaxScale
	 * gives it its time. One still listed past that is said, and reads MaxScale's state again.
	 */
	closing: ReadonlyMap<string, number>;
	mode: Mode;
	/** First line of the help shown (the help view clamps it). */
	helpScroll: number;
	/** How far the help scrolls at the screen's size (ui/help.tsx helpMaxScroll, with each resize). */
	helpMax: number;
	confirm?: Confirm;
	/**
	 * Work for the UI to do (send a kill, copy, save), oldest first, each taken off by
	 * effect-done: a queue, not one slot, since two keys in one read (`yy` over a slow link)
	 * reach the reducer before the UI has run the first one's effect.
	 */
	effects: Effect[];
	seq: number;
	message?: Message;
	paused: boolean;
	/** The file every poll is recorded to (--record, or W), for the header's REC; undefined when none. */
	recordingTo?: string;
	intervalMs: number;
	readonly: boolean;
	/** Bumped by `r`: the poll loop polls now. */
	refreshes: number;
	quitting: boolean;
	server?: ServerInfo;
	/** When the polls began (`mono`: by performance.now()): how late the first answer is goes by it (schedule.ts firstLateMs). */
	pollingSince?: {at: number; mono?: number};
	/** The last successful poll; when the next is due comes from it and the interval (schedule.ts). */
	lastPoll?: {at: number; latencyMs: number; bytes: number; mono?: number};
	/** The last failure, cleared by the next success; `retryAt` is when the next attempt comes. */
	error?: {message: string; at: number; retryAt?: number};
	polls: number;
	/** Polls tried, answered or not: messages fade by these, so they fade while MaxScale is down too. */
	attempts: number;
	/** Set when replaying a recording instead of polling. */
	replay?: Replay;
};

export type Action =
	| {
			type: 'poll-ok';
			host?: string;
			sessions: Session[];
			/** `sessions` by key, when the list reader built it as they arrived (api/list-parts.ts). */
			index?: SessionLookup;
			/** Their summary, likewise, and their count per service. */
			summary?: Summary;
			services?: Tally;
			at: number;
			latencyMs: number;
			bytes: number;
			prepared?: PreparedPoll;
			/** Asked for with r: shown even while paused. */
			manual?: boolean;
			/** Sessions the list left out because their id repeated an earlier one (the first is kept). */
			repeated?: number;
			/** Entries of the list that were no usable session (no id, not an object). */
			skipped?: number;
			/** How far the list reader moved its ages for a zone east of the operator's (ms; api/server-clock.ts). */
			aheadMs?: number;
			/** performance.now() as it came: lateness and rates go by it, not by a wall clock that may step (NTP, a resume). */
			mono?: number;
	  }
	| {type: 'poll-failed'; host?: string; error: ApiError; at: number; retryAt?: number}
	/** The poll loops have sent their first polls (not when replaying). */
	| {type: 'polling-started'; at: number; mono?: number}
	| {type: 'server-info'; host?: string; info: ServerInfo}
	| {type: 'resize'; listHeight: number; paneHeight: number; paneWidth: number; helpMax?: number}
	| {type: 'command'; command: Command}
	| {type: 'key'; input: string; name?: string}
	/** The keys of one read from the terminal, in order (key-reads.ts). */
	/**
	 * One read from the terminal. `tooSmall`: the terminal was below the screen's least size as
	 * they came, the screen one line saying so: every key but q and Ctrl-C is dropped, so that a
	 * K and y typed blind (or a y to a question the shrink hid) kill nothing.
	 */
	| {type: 'keys'; keys: Key[]; tooSmall?: boolean}
	| {type: 'refresh'}
	| {type: 'quit'}
	| {type: 'message'; message: Message | undefined}
	| ViewAction
	| MouseAction
	| PaneAction
	| SearchAction
	| OperationAction
	| ReplayAction;

export type Options = {grouping?: Grouping; sort?: Sort; intervalMs?: number; readonly?: boolean; hosts?: string[]; columns?: readonly SortKey[]};
