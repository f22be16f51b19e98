import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import {formatClock, formatDuration, shortState} from '../model/format.js';
import type {MonitorState} from '../model/monitor-state.js';
import {countStates} from '../model/rows.js';
import type {Theme} from './theme.js';

/** Re-renders once a second so ages and the uptime tick between polls. */
function useNow(intervalMs: number): number {
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		const timer = setInterval(() => {
			setNow(Date.now());
		}, intervalMs);
		return () => {
			clearInterval(timer);
		};
	}, [intervalMs]);
	return now;
}

type Props = {state: MonitorState; host: string; intervalMs: number; theme: Theme; width: number};

export function Header({state, host, intervalMs, theme, width}: Props) {
	const now = useNow(1000);
	const {server, lastPoll, error, sessions} = state;
	const uptime =
		server?.uptimeSeconds === undefined ? undefined : server.uptimeSeconds + (now - server.askedAt) / 1000;
	const counts = countStates(sessions);
	const age = lastPoll === undefined ? undefined : (now - lastPoll.at) / 1000;

	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text bold color={theme.accent}>
					sessiontop
				</Text>
				<Text> {host}</Text>
				<Text color={theme.muted}>
					{server?.version === undefined ? '' : `  MaxScale ${server.version}`}
					{uptime === undefined ? '' : `  up ${formatDuration(uptime)}`}
				</Text>
				<Text>
					{'  '}
					<Text bold>{lastPoll === undefined ? '…' : sessions.length}</Text>
					{sessions.length === 1 ? ' session' : ' sessions'}
				</Text>
				{counts.map(({state: name, count}) => (
					<Text key={name} color={theme.muted}>
						{'  '}
						{shortState(name)} <Text bold>{count}</Text>
					</Text>
				))}
			</Text>
			<Text wrap="truncate">
				{error !== undefined && (
					<Text bold color={theme.error} inverse={theme.error === undefined}>
						{age === undefined ? 'NO DATA' : `STALE ${formatDuration(age)}`}
					</Text>
				)}
				{error !== undefined && '  '}
				<Text color={theme.muted}>
					{lastPoll === undefined
						? `connecting to ${host}…`
						: `polled ${formatClock(lastPoll.at)} in ${Math.round(lastPoll.latencyMs)}ms`}
					{`  every ${formatDuration(intervalMs / 1000).replace(/^0s$/, `${intervalMs}ms`)}`}
				</Text>
			</Text>
		</Box>
	);
}
