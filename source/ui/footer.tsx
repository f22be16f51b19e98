import {Box, Text} from 'ink';
import {keyHint, type HintSituation} from '../model/keymap.js';
import {canRecall} from '../model/filter-history.js';
import {canKill} from '../model/version.js';
import type {Message, MonitorState} from '../model/monitor-state.js';
import {searchHits} from '../model/pane-search.js';
import {isGroupRow} from '../model/rows.js';
import {sanitize} from '../model/sanitize.js';
import {indexOfKey} from '../model/selection.js';
import {noticeRead, othersFailing, showsError, type Notice} from '../model/status-line.js';
import {fitText} from './cell-width.js';
import {failureLines, layOut, outcomeLines, promptLines, questionLines} from './status-text.js';
import {FilterPrompt} from './filter-prompt.js';
import {SearchPrompt} from './search-prompt.js';
import {FittedLine, type LineItem} from './fitted-line.js';
import type {Theme} from './theme.js';

/** `height`: the lines the footer may take (layout.ts): two, more for a long kill or restart question, its outcome, or a filter error. */
/** `helpScrolls`: the help, when open, has more keys than rows (help.tsx helpScrolls): ↑↓ is offered only then. */
type Props = {state: MonitorState; notice?: Notice; theme: Theme; width: number; height?: number; helpScrolls?: boolean};

/**
 * One sentence for the status line; a failure's names the other MaxScales failing, if any.
 * `more`: a note after a warning, shown only when the two fit their two lines whole.
 */
type Status = {text: string; tone: Message['tone'] | Notice['tone']; othersFailing?: string[]; more?: string; advice?: true; whole?: true; read?: boolean};

function statusLine(state: MonitorState, notice: Notice | undefined): Status | undefined {
	// A passing note ("Polling now…", "Copied …") never hides a failure; an outcome does, until it
	// fades, and so does the answer to a key that did nothing (r in a replay), or the key seems dead.
	// Every sentence is sanitized here, the last step before the terminal: one may quote a setting
	// (a file name, a host as typed) or a server's text, and each is made in its own place.
	if (showsError(state)) {
		return {tone: 'error', text: sanitize(state.error!.message), othersFailing: othersFailing(state)};
	}

	if (state.message !== undefined) {
		return {...state.message, text: sanitize(state.message.text)};
	}

	if (notice === undefined) {
		return undefined;
	}

	// A warning from the start, once read whole (status-line.ts noticeRead): one line, the hints under it.
	const read = notice.tone === 'warn' && noticeRead(state);
	return {...notice, text: sanitize(notice.text), ...(read ? {read} : {}), ...(notice.more === undefined || read ? {} : {more: sanitize(notice.more)})};
}

/** Every MaxScale watched is known to be older than 22.08: K is no use there, so the hints leave it out (the help keeps it). */
function noneCanKill(state: MonitorState): boolean {
	return state.hostOrder.length > 0 && state.hostOrder.every((host) => canKill(state.hosts[host]?.server?.version) === false);
}

/**
 * Whether a hint says what its key does now: the help's scroll keys only while it scrolls, and
 * the prompt's Enter not while the filter has an error, when Enter waits for it to be mended (QA),
 * its Ctrl-P only when there is an earlier filter to go back to.
 */
function shownHint(key: string, situation: HintSituation, state: MonitorState, helpScrolls: boolean): boolean {
	if (situation === 'filter' && key === 'Ctrl-P Ctrl-N') {
		return canRecall(state.filterHistory, state.filter.text);
	}

	return situation === 'help' ? helpScrolls || key !== '↑↓ PgDn' : !(situation === 'filter' && state.filter.error !== undefined && key === 'Enter');
}

/** The key hints that fit, whole, in their order: help and quit always (model/keymap.ts keyHint). */
function hintItems(situation: HintSituation, state: MonitorState, theme: Theme): LineItem[] {
	return keyHint(situation, state.readonly || noneCanKill(state), state.paused, state.replay !== undefined, state.search.text !== '').map(({label, text, priority}) => ({
		key: label,
		priority,
		gap: '',
		runs: [
			{text: ` ${label} `, bold: true, inverse: true},
			{text: ` ${text} `, color: theme.muted},
		],
	}));
}

/**
 * Outside a prompt, what the keys act on: the focused pane scrolls; the list moves (the pane,
 * open beside it, follows), and Enter toggles a group row but opens a session's document.
 */
function listSituation(state: MonitorState): HintSituation {
	if (state.pane.open && state.focus === 'pane') {
		return state.zoomed ? 'zoomed' : 'pane';
	}

	// The pane open, q and Esc close it first, rows or none (QA: a filter that kept none said
	// `Esc clear filter` and `q quit` beside it).
	const onGroup = isGroupRow(state.rows[indexOfKey(state.rows, state.selectedId)]);
	if (state.pane.open) {
		return onGroup ? 'group-pane' : 'list-pane';
	}

	if (state.rows.length === 0) {
		return state.filter.text === '' ? 'empty' : 'filtered-out';
	}

	return onGroup ? 'group' : 'list';
}

/** A sentence's lines after its first, in the key hints' place and the lines layout.ts gave the footer; none, undefined. */
function extraLines(lines: readonly string[], style: {color?: string; bold?: boolean; inverse?: boolean}) {
	return lines.length === 0
		? undefined
		: lines.map((text, index) => (
				// eslint-disable-next-line react/no-array-index-key
				<Text key={index} wrap="truncate" {...style}>
					{text}
				</Text>
			));
}

/** The status line (a prompt, a confirmation, or one sentence) and the one-line key hint. */
export function Footer({state, notice, theme, width, height = 2, helpScrolls = true}: Props) {
	const {confirm} = state;
	let line;
	/** A long sentence's next lines, in the key hints' place and more (extraLines). */
	let more;
	if (state.mode === 'confirm' && confirm !== undefined) {
		const [first, ...rest] = questionLines(confirm, width, Math.max(2, height));
		const style = {bold: true, color: theme.warn, inverse: theme.warn === undefined};
		line = (
			<Text wrap="truncate" {...style}>
				{first}
			</Text>
		);
		more = extraLines(rest, style);
	} else if (state.mode === 'filter') {
		// An error longer than the room beside the prompt goes on under it, read whole.
		const prompt = promptLines({text: state.filter.text, cursor: state.filterCursor}, state.filter.error, width, Math.max(2, height));
		line = <FilterPrompt prompt={prompt} theme={theme} />;
		more = extraLines(prompt.below, {color: theme.error});
	} else if (state.mode === 'search') {
		line = <SearchPrompt search={state.search} count={searchHits(state.pane.source, state.pane.lines, state.search.text).length} theme={theme} width={width} />;
	} else {
		const message = statusLine(state, notice);
		const colours = {error: theme.error, ok: theme.ok, warn: theme.warn, info: theme.muted};
		const colour = colours[message?.tone ?? 'info'];
		// A note (the demo's, a replay's) stays on one line: the hints matter more than its end.
		// A failure, a warning (TLS verification off) and a note that says what to do (a time
		// zone's flag) are read whole, on two lines if need be.
		// A warning keeps its note (the demo's address, a replay's span) only if both fit whole.
		// A kill's outcome is read whole, as its question was: in the lines layout.ts gave the footer.
		const withMore = message?.more === undefined ? undefined : layOut(`${message.text} ${message.more}`, width, '');
		const [first, ...rest] =
			message === undefined || (message.tone === 'info' && message.advice !== true) || message.read === true
				? [fitText(message?.text ?? ' ', width)]
				: message.whole === true
					? outcomeLines(message.text, width, height)
					: withMore?.whole
						? withMore.lines
						: failureLines(message.text, message.othersFailing ?? [], width, Math.max(2, height));
		line = (
			<Text wrap="truncate" color={colour}>
				{first}
			</Text>
		);
		more = extraLines(rest, {color: colour});
	}

	let situation = listSituation(state);
	if (state.mode === 'confirm') {
		situation = confirm?.operation === 'restart' ? 'confirm-restart' : confirm?.operation === 'log' ? 'confirm-log' : 'confirm-kill';
	} else if (state.mode === 'filter' || state.mode === 'search') {
		situation = state.mode;
	} else if (state.mode === 'help') {
		situation = 'help';
	}

	return (
		<Box flexDirection="column" width={width}>
			{line}
			{more ?? (
				<FittedLine items={hintItems(situation, state, theme).filter((item) => shownHint(item.key, situation, state, helpScrolls))} width={width} />
			)}
		</Box>
	);
}
