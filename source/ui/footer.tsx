import {Box, Text} from 'ink';
import {keyHint, type HintSituation} from '../model/keymap.js';
import type {Message, MonitorState} from '../model/monitor-state.js';
import {confirmQuestion} from '../model/operations.js';
import {safeCut, sanitize, truncate} from '../model/sanitize.js';
import type {Theme} from './theme.js';

type Props = {state: MonitorState; notice?: string; theme: Theme; width: number};

function statusLine(state: MonitorState, notice: string | undefined): Message | undefined {
	if (state.filter.error !== undefined && state.mode === 'filter') {
		return {tone: 'error', text: state.filter.error};
	}

	// A passing note ("Polling now…", "Copied …") never hides a failure; an outcome does, until it fades.
	if (state.message !== undefined && (state.message.tone !== 'info' || state.error === undefined)) {
		return state.message;
	}

	if (state.error !== undefined) {
		return {tone: 'error', text: state.error.message};
	}

	return notice === undefined ? undefined : {tone: 'info', text: notice};
}

/**
 * A sentence as one line, or as two when it is longer than the terminal is wide: a
 * failure's sentence ends with what to do, which is what a cut would lose. The second
 * line takes the key hints' place (they are also under ?) until the sentence goes.
 */
export function statusLines(text: string, width: number): [string] | [string, string] {
	if (text.length <= width) {
		return [text];
	}

	const space = text.lastIndexOf(' ', width);
	// No space to break at: cut at the width, but never between the halves of an emoji.
	const cut = space > width / 2 ? space : safeCut(text, width);
	return [text.slice(0, cut), truncate(text.slice(cut).trimStart(), width)];
}

/** The status line (a prompt, a confirmation, or one sentence) and the one-line key hint. */
export function Footer({state, notice, theme, width}: Props) {
	const {confirm} = state;
	let line;
	/** The second line of a long sentence, in the key hints' place. */
	let more;
	if (state.mode === 'confirm' && confirm !== undefined) {
		const grace = confirm.operation === 'kill' ? `  grace ${confirm.ttl === '' ? 'none' : `${confirm.ttl}s`}` : '';
		line = (
			<Text wrap="truncate" bold color={theme.warn} inverse={theme.warn === undefined}>
				{truncate(`[y/N] ${confirmQuestion(confirm)}${grace}`, width)}
			</Text>
		);
	} else if (state.mode === 'filter') {
		line = (
			<Text wrap="truncate">
				<Text bold color={theme.accent}>
					/
				</Text>
				{sanitize(state.filter.text)}
				<Text inverse> </Text>
				{state.filter.error !== undefined && <Text color={theme.error}>{`  ${state.filter.error}`}</Text>}
			</Text>
		);
	} else {
		const message = statusLine(state, notice);
		const colour = message?.tone === 'error' ? theme.error : message?.tone === 'ok' ? theme.ok : theme.muted;
		// A note (the demo's, a replay's) stays on one line: the hints matter more than its end.
		const [first, second] = message === undefined || message.tone === 'info' ? [truncate(message?.text ?? ' ', width)] : statusLines(message.text, width);
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

	let situation: HintSituation = state.pane.open ? 'pane' : 'list';
	if (state.mode === 'confirm') {
		situation = confirm?.operation === 'restart' ? 'confirm-restart' : 'confirm-kill';
	} else if (state.mode === 'filter') {
		situation = 'filter';
	}

	return (
		<Box flexDirection="column" width={width}>
			{line}
			{more ?? (
				<Text wrap="truncate">
					{keyHint(situation, state.readonly).map(({label, text}) => (
						<Text key={label}>
							<Text bold inverse>{` ${label} `}</Text>
							<Text color={theme.muted}>{` ${text} `}</Text>
						</Text>
					))}
				</Text>
			)}
		</Box>
	);
}
