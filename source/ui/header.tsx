import {Box, Text} from 'ink';
import {useEffect, useState} from 'react';
import {formatMs} from '../api/errors.js';
import {sparkline} from '../model/changes.js';
import {formatClock, formatDuration, shortState} from '../model/format.js';
import type {MonitorState} from '../model/monitor-state.js';
import {markSummary} from '../model/operations.js';
import {noService} from '../model/rows.js';
import {nextPoll} from '../model/schedule.js';
import {sanitize, truncate} from '../model/sanitize.js';
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

const groupingNames = {'service-state': 'service › state', service: 'service', flat: 'none'} as const;

type Props = {state: MonitorState; host: string; theme: Theme; width: number; shown: number};

/** Several MaxScales: each one's state at a glance (ok, stale for how long, or no data yet). */
function HostLine({state, now, theme}: {state: MonitorState; now: number; theme: Theme}) {
	return (
		<Text wrap="truncate">
			{state.hostOrder.map((host) => {
				const status = state.hosts[host];
				const age = status?.lastPoll === undefined ? undefined : (now - status.lastPoll.at) / 1000;
				const failing = status?.error !== undefined;
				let text = 'connecting…';
				if (failing) {
					text = age === undefined ? 'NO DATA' : `STALE ${formatDuration(age)}`;
					const retryAt = status?.error?.retryAt;
					text += retryAt === undefined ? '' : ` retry ${Math.max(0, Math.ceil((retryAt - now) / 1000))}s`;
				} else if (status?.lastPoll !== undefined) {
					text = `ok ${Math.round(status.lastPoll.latencyMs)}ms`;
				}

				return (
					<Text key={host}>
						<Text bold>{host}</Text>{' '}
						<Text color={failing ? theme.error : theme.ok} inverse={failing && theme.error === undefined}>
							{text}
						</Text>
						{status?.server?.version === undefined ? '' : <Text color={theme.muted}>{` ${truncate(status.server.version, 24)}`}</Text>}
						{'   '}
					</Text>
				);
			})}
		</Text>
	);
}

export function Header({state, host, theme, width, shown}: Props) {
	const clock = useNow(1000);
	const {replay} = state;
	// A replay's "now" is the moment of the frame on screen.
	// The clock ticks once a second; a poll or a failure can be newer than its last tick.
	const now = replay === undefined ? Math.max(clock, state.lastPoll?.at ?? 0, state.error?.at ?? 0) : (replay.frames[replay.index]?.t ?? clock);
	const {server, lastPoll, error, sessions, changes, filter, sort, paused, intervalMs} = state;
	const single = state.hostOrder.length === 1;
	const uptime = !single || server?.uptimeSeconds === undefined ? undefined : server.uptimeSeconds + (now - server.askedAt) / 1000;
	const age = lastPoll === undefined ? undefined : (now - lastPoll.at) / 1000;
	const filtered = filter.test !== undefined;
	// Counted with the poll (model/summary.ts), not by a frame.
	const {stateCounts} = state.summary;
	const sparkWidth = width >= 160 ? 20 : 10;
	// Marks act (K, R) even on sessions the filter or a collapsed group hides: always say there are some.
	const marks = markSummary(state);
	// Only while polls run on their own: paused, failing (the retry countdown) or replayed, none is due.
	const next = lastPoll === undefined || paused || error !== undefined || replay !== undefined ? undefined : nextPoll(lastPoll, intervalMs);

	return (
		<Box flexDirection="column" width={width}>
			<Text wrap="truncate">
				<Text bold color={theme.accent}>
					sessiontop
				</Text>
				<Text> {host}</Text>
				<Text color={theme.muted}>
					{!single || server?.version === undefined ? '' : `  MaxScale ${truncate(server.version, 24)}`}
					{uptime === undefined ? '' : `  up ${formatDuration(uptime)}`}
				</Text>
				<Text>
					{'  '}
					<Text bold>{lastPoll === undefined ? '…' : filtered ? `${shown} of ${sessions.length}` : sessions.length}</Text>
					{sessions.length === 1 && !filtered ? ' session' : ' sessions'}
				</Text>
				{stateCounts.map(({state: name, count}) => (
					<Text key={name} color={theme.muted}>
						{'  '}
						{truncate(shortState(name), 24)} <Text bold>{count}</Text>
					</Text>
				))}
				<Text color={theme.muted}>
					{lastPoll === undefined || state.polls < 2
						? ''
						: `  +${changes.rates.opened.toFixed(1)}/s −${changes.rates.closed.toFixed(1)}/s`}
				</Text>
			</Text>
			{state.hostOrder.length > 1 && <HostLine state={state} now={now} theme={theme} />}
			<Text wrap="truncate">
				{error !== undefined && state.hostOrder.length === 1 && (
					<Text bold color={theme.error} inverse={theme.error === undefined}>
						{age === undefined ? 'NO DATA' : `STALE ${formatDuration(age)}`}
					</Text>
				)}
				{error?.retryAt !== undefined && single && replay === undefined && (
					<Text color={theme.warn}>{`  retry in ${Math.max(0, Math.ceil((error.retryAt - now) / 1000))}s`}</Text>
				)}
				{replay !== undefined && (
					<Text bold inverse color={theme.accent}>
						{` REPLAY ${formatClock(now)} ${replay.index + 1}/${replay.frames.length} `}
					</Text>
				)}
				{replay !== undefined && ' '}
				{paused && (
					<Text bold inverse color={theme.warn}>
						{' PAUSED '}
					</Text>
				)}
				{marks !== undefined && (
					<Text bold color={theme.marked}>
						{`${error !== undefined && single ? '  ' : paused ? ' ' : ''}● ${marks}`}
					</Text>
				)}
				<Text color={theme.muted}>
					{(error !== undefined && state.hostOrder.length === 1) || paused || marks !== undefined ? '  ' : ''}
					{/* After a failure (a 401, refused) it is no longer connecting: the status line says why. */}
					{lastPoll === undefined ? (error === undefined ? `connecting to ${host}…` : 'no answer yet') : `polled ${formatClock(lastPoll.at)} in ${Math.round(lastPoll.latencyMs)}ms`}
					{`  every ${formatMs(intervalMs)}`}
				</Text>
				{next?.slow === true && (
					<Text color={theme.warn}>{` (slow polls: next in ${formatMs(Math.max(0, Math.round((next.at - now) / 100) * 100))})`}</Text>
				)}
				<Text color={theme.muted}>
					{`  sort ${sort.key}${sort.descending ? '▼' : '▲'}  group ${groupingNames[state.grouping]}`}
				</Text>
				{filter.text !== '' && <Text color={theme.accent}>{`  filter ${truncate(sanitize(filter.text), width)}`}</Text>}
			</Text>
			<Text wrap="truncate" color={theme.muted}>
				{[...changes.history]
					.sort(([a], [b]) => (a < b ? -1 : 1))
					.map(([service, samples]) => `${truncate(service || noService, 32)} ${sparkline(samples, sparkWidth)} ${samples.at(-1) ?? 0}`)
					.join('   ') || ' '}
			</Text>
		</Box>
	);
}
