import {Box, Text} from 'ink';
import {helpBindings, type Section} from '../model/keymap.js';
import type {Theme} from './theme.js';

type Props = {readonly: boolean; width: number; height: number; scroll: number; theme: Theme};

const sections: Section[] = ['Move', 'Pane', 'View', 'Polling', 'Act', 'General'];

/** The keys, from the same table that dispatches them. Any key closes it. */
export function Help({readonly, width, height, scroll, theme}: Props) {
	const bindings = helpBindings(readonly);
	const labelWidth = Math.max(...bindings.map((binding) => binding.label.length)) + 2;
	const lines: Array<{section?: string; label?: string; text?: string}> = [];
	for (const section of sections) {
		lines.push({section});
		for (const binding of bindings.filter((b) => b.section === section)) {
			lines.push({label: binding.label, text: binding.description});
		}
	}

	// Two columns on a wide terminal; what does not fit scrolls with ↑ ↓.
	const room = Math.max(1, height - 3);
	const columns = lines.length > room && width >= 110 ? 2 : 1;
	const perColumn = Math.ceil(lines.length / columns);
	const top = Math.min(scroll, Math.max(0, perColumn - room));
	return (
		<Box flexDirection="column" width={width} height={height} borderStyle="round" borderColor={theme.accent}>
			<Text bold color={theme.accent}>
				{`Keys${readonly ? ' (read-only mode)' : ''} · ${perColumn > room ? '↑↓ scroll · ' : ''}any other key closes this help`}
			</Text>
			<Box flexDirection="row">
				{Array.from({length: columns}, (_, column) => (
					<Box key={column} flexDirection="column" width={Math.floor((width - 2) / columns)}>
						{lines.slice(column * perColumn, (column + 1) * perColumn).slice(top, top + room).map((line, index) =>
							line.section === undefined ? (
								// eslint-disable-next-line react/no-array-index-key
								<Text key={index} wrap="truncate">
									<Text bold>{` ${(line.label ?? '').padEnd(labelWidth)}`}</Text>
									{line.text}
								</Text>
							) : (
								<Text key={line.section} bold underline color={theme.group}>
									{line.section}
								</Text>
							),
						)}
					</Box>
				))}
			</Box>
		</Box>
	);
}
