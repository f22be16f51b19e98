import {Box, Text} from 'ink';
import {keyHint, type HintSituation} from '../model/keymap.js';
import {canKill} from '../model/version.js';
import type {Message, MonitorState} from '../model/monitor-state.js';
import {confirmQuestion} from '../model/operations.js';
import {isGroupRow} from '../model/rows.js';
import {indexOfKey} from '../model/selection.js';
import {headCells} from '../model/sanitize.js';
import {alsoFailing, othersFailing, type Notice} from '../model/status-line.js';
import {cellWidth, fitText} from './cell-width.js';
import {FilterPrompt} from './filter-prompt.js';
import {FittedLine, type LineItem} from './fitted-line.js';
import type {Theme} from './theme.js';

type Props = {state: MonitorState; notice?: Notice; theme: Theme; width: number};

/**
 * One sentence for the status line; a failure's names the other MaxScales failing, if any.
 * `more`: a note after a warning, shown only when the two fit their two lines whole.
 */
type Status = {text: string; tone: Message['tone'] | Notice['tone']; othersFailing?: string[]; more?: string};

function statusLine(state: MonitorState, notice: Notice | undefined): Status | undefined {
	if (state.filter.error !== undefined && state.mode === 'filter') {
		return {tone: 'error', text: state.filter.error};
	}

	// A passing note ("Polling now…", "Copied …") never hides a failure; an outcome does, until it fades.
	if (state.message !== undefined && (state.message.tone !== 'info' || state.error === undefined)) {
		return state.message;
	}

	if (state.error !== undefined) {
		return {tone: 'error', text: state.error.message, othersFailing: othersFailing(state)};
	}

	return notice;
}

/**
 * Where a line wider than `width` cells breaks: at the last space that leaves the first line
 * half full, else at the width, between whole characters (never between an emoji's halves).
 */
function breakAt(text: string, width: number): number {
	const fits = headCells(text, width, cellWidth).length;
	const space = text.lastIndexOf(' ', fits);
	return space > 0 && cellWidth(text.slice(0, space)) > width / 2 ? space : fits;
}

/** The lines of statusLines, and whether they hold the sentence and its tail whole (nothing cut). */
function layOut(text: string, width: number, tail: string): {lines: [string] | [string, string]; whole: boolean} {
	// In cells, as the terminal draws them: a host's or a server's text may hold wide characters.
	const full = text + tail;
	if (cellWidth(full) <= width) {
		return {lines: [full], whole: true};
	}

	// The tail on a line of its own rather than broken in two, when the sentence fills the first.
	const ownLine = tail.trimStart();
	const textCells = cellWidth(text);
	if (tail !== '' && textCells <= width && textCells > width / 2 && cellWidth(ownLine) <= width) {
		return {lines: [text, ownLine], whole: true};
	}

	const cut = breakAt(full, width);
	const rest = full.slice(cut).trimStart();
	const restFits = cellWidth(rest) <= width;
	if (restFits || tail === '' || cut >= text.length) {
		return {lines: [full.slice(0, cut), fitText(rest, width)], whole: restFits};
	}

	// Too long for two lines: the sentence's end gives way to the tail.
	return {lines: [full.slice(0, cut), `${fitText(text.slice(cut).trimStart(), width - cellWidth(tail))}${tail}`], whole: false};
}

/**
 * A sentence as one line, or as two when it is longer than the terminal is wide: a
 * failure's sentence ends with what to do, which is what a cut would lose. The second
 * line takes the key hints' place (they are also under ?) until the sentence goes.
 * `tail` follows the sentence; if the two do not fit two lines, the sentence's end is cut
 * (with …) so that the tail stays whole.
 */
export function statusLines(text: string, width: number, tail = ''): [string] | [string, string] {
	return layOut(text, width, tail).lines;
}

/**
 * A failure's sentence, then the other MaxScales failing: named, as many as fit two lines
 * whole with the sentence (the header's host line shows each one's state too); with none
 * named, how many, for which the sentence's end gives way if it must.
 */
export function failureLines(text: string, others: readonly string[], width: number): [string] | [string, string] {
	for (let named = others.length; named > 0; named--) {
		const laid = layOut(text, width, alsoFailing(others, named));
		if (laid.whole) {
			return laid.lines;
		}
	}

	return statusLines(text, width, alsoFailing(others, 0));
}

/** Every MaxScale watched is known to be older than 22.08: K is no use there, so the hints leave it out (the help keeps it). */
function noneCanKill(state: MonitorState): boolean {
	return state.hostOrder.length > 0 && state.hostOrder.every((host) => canKill(state.hosts[host]?.server?.version) === false);
}

/** The key hints that fit, whole, in their order: help and quit always (model/keymap.ts keyHint). */
function hintItems(situation: HintSituation, readonly: boolean, paused: boolean, theme: Theme): LineItem[] {
	return keyHint(situation, readonly, paused).map(({label, text, priority}) => ({
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
		return 'pane';
	}

	const onGroup = isGroupRow(state.rows[indexOfKey(state.rows, state.selectedId)]);
	if (state.pane.open) {
		return onGroup ? 'group-pane' : 'list-pane';
	}

	return onGroup ? 'group' : 'list';
}

/** The status line (a prompt, a confirmation, or one sentence) and the one-line key hint. */
export function Footer({state, notice, theme, width}: Props) {
	const {confirm} = state;
	let line;
	/** The second line of a long sentence, in the key hints' place. */
	let more;
	if (state.mode === 'confirm' && confirm !== undefined) {
		const question = `[y/N] ${confirmQuestion(confirm)}`;
		const grace = confirm.operation === 'kill' ? `  grace ${confirm.ttl === '' ? 'none' : `${confirm.ttl}s`}` : '';
		// What is about to be killed is read whole: on two lines if need be, in the hints' place,
		// so the grace key goes with it ([y/N] says the rest).
		const [first, second] = (question + grace).length <= width ? [question + grace] : statusLines(question, width, grace === '' ? '' : `${grace} (0-9)`);
		const style = {bold: true, color: theme.warn, inverse: theme.warn === undefined};
		line = (
			<Text wrap="truncate" {...style}>
				{first}
			</Text>
		);
		more = second === undefined ? undefined : (
			<Text wrap="truncate" {...style}>
				{second}
			</Text>
		);
	} else if (state.mode === 'filter') {
		line = <FilterPrompt state={state} theme={theme} width={width} />;
	} else {
		const message = statusLine(state, notice);
		const colours = {error: theme.error, ok: theme.ok, warn: theme.warn, info: theme.muted};
		const colour = colours[message?.tone ?? 'info'];
		// A note (the demo's, a replay's) stays on one line: the hints matter more than its end.
		// A failure and a warning (TLS verification off) are read whole, on two lines if need be.
		// A warning keeps its note (the demo's address, a replay's span) only if both fit whole.
		const withMore = message?.more === undefined ? undefined : layOut(`${message.text} ${message.more}`, width, '');
		const [first, second] =
			message === undefined || message.tone === 'info'
				? [fitText(message?.text ?? ' ', width)]
				: withMore?.whole
					? withMore.lines
					: failureLines(message.text, message.othersFailing ?? [], width);
		line = (
			<Text wrap="truncate" color={colour}>
				{first}
			</Text>
		);
		more = second === undefined ? undefined : (
			<Text wrap="truncate" color={colour}>
				{second}
			</Text>
		);
	}

	let situation = listSituation(state);
	if (state.mode === 'confirm') {
		situation = confirm?.operation === 'restart' ? 'confirm-restart' : 'confirm-kill';
	} else if (state.mode === 'filter') {
		situation = 'filter';
	}

	return (
		<Box flexDirection="column" width={width}>
			{line}
			{more ?? (
				<FittedLine items={hintItems(situation, state.readonly || noneCanKill(state), state.paused, theme)} width={width} />
			)}
		</Box>
	);
}
