import {Box, Text} from 'ink';
import {keyHint} from './keymap.js';
import type {Theme} from './theme.js';

type Props = {message?: {text: string; tone: 'error' | 'info'}; paneOpen: boolean; theme: Theme; width: number};

/** The status line (one sentence, or nothing) and the one-line key hint. */
export function Footer({message, paneOpen, theme, width}: Props) {
	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate" color={message?.tone === 'error' ? theme.error : theme.muted}>
				{message?.text ?? ' '}
			</Text>
			<Text wrap="truncate">
				{keyHint(paneOpen).map(({label, text}) => (
					<Text key={label}>
						<Text bold inverse>
							{` ${label} `}
						</Text>
						<Text color={theme.muted}>{` ${text}  `}</Text>
					</Text>
				))}
			</Text>
		</Box>
	);
}
