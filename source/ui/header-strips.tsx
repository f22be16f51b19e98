// The header's strips: the line of several MaxScales, and one sparkline a service. Both
// show whole items, as many as fit, and count the rest (`+2 more`): cut anywhere, a count
// (`Read-Connection-Router ▁▁ 8…` for 82) would read as another number.

import {Text} from 'ink';
import {sparkline} from '../model/sparkline.js';
import {fitPrefix} from '../model/fit-items.js';
import {formatDuration, formatMs} from '../model/format.js';
import {uptimeAt} from '../model/server-info.js';
import {dueIn, firstLateMs, lateMs, nextPoll, retryCountdown} from '../model/schedule.js';
import type {MonitorState} from '../model/monitor-state.js';
import {noService} from '../model/groups.js';
import {truncate} from '../model/sanitize.js';
import {cellWidth, fitText, fitWording} from './cell-width.js';
import type {Theme} from './theme.js';

const hostGap = '   ';

/** Several MaxScales: each one's state at a glance (ok, stale for how long, or no data yet). */
export function HostLine({state, now, theme, width}: {state: MonitorState; now: number; theme: Theme; width: number}) {
	const all = state.hostOrder.map((host) => {
		const status = state.hosts[host];
		const age = status?.lastPoll === undefined ? undefined : (now - status.lastPoll.at) / 1000;
		const failing = status?.error !== undefined;
		let waiting = false;
		let text = 'connecting…';
		const polling = !state.paused && state.replay === undefined;
		if (failing) {
			text = age === undefined ? 'NO DATA' : `STALE ${formatDuration(age)}`;
			const retryAt = status?.error?.retryAt;
			text += retryAt === undefined ? '' : ` ${retryCountdown(retryAt, now, 'retry')}`;
		} else if (status?.lastPoll !== undefined) {
			const late = polling ? lateMs(status.lastPoll, state.intervalMs, now, performance.now()) : undefined;
			text = late === undefined ? `ok ${Math.round(status.lastPoll.latencyMs)}ms` : `no answer for ${formatDuration(late / 1000)}`;
			waiting = late !== undefined;
			// Its own polls stretched its pause (schedule.ts waitAfter): said here, as the status line says it of a single MaxScale.
			const next = nextPoll(status.lastPoll, state.intervalMs);
			if (polling && late === undefined && next.slow) {
				const due = dueIn(next, now);
				text += due > 0 ? ` slow, next in ${formatMs(due)}` : ' slow, polling…';
				waiting = true;
			}
		} else if (polling && state.pollingSince !== undefined) {
			// Its first poll taken and not answered yet: how long it has waited (`connecting… waiting 6s`;
			// header.tsx says why not `no answer`).
			const late = firstLateMs(state.pollingSince, now, performance.now());
			text += late === undefined ? '' : ` waiting ${formatDuration(late / 1000)}`;
			waiting = late !== undefined;
		}

		const version = status?.server?.version === undefined ? undefined : ` ${truncate(status.server.version, 24)}`;
		// Ticking between polls, as the single MaxScale's header's does (QA: with several, none showed one).
		const upFor = failing ? undefined : uptimeAt(status?.server, now);
		const uptime = upFor === undefined ? undefined : ` up ${formatDuration(upFor)}`;
		return {host, text, failing, waiting, version, uptime, width: cellWidth(host) + 1 + cellWidth(text)};
	});
	// Every host's state before any host's version: which MaxScale is down matters more than
	// what it runs. Hosts that do not fit go whole, counted at the end; the first always shows.
	// When not all fit, the failing ones come first: a MaxScale down must not hide in `+1 more`.
	const gapped = (list: typeof all) => list.map((host, index) => host.width + (index === 0 ? 0 : hostGap.length));
	const fitsAll = gapped(all).reduce((sum, cells) => sum + cells, 0) <= width;
	const hosts = fitsAll ? all : [...all.filter((host) => host.failing), ...all.filter((host) => !host.failing)];
	const more = (left: number) => cellWidth(`${hostGap}+${left} more`);
	const widths = gapped(hosts);
	const count = Math.max(1, fitPrefix(widths, width, more));
	let room = width;
	for (const hostWidth of widths.slice(0, count)) {
		room -= hostWidth;
	}

	// Only when the first host alone is too wide is there no room for the count (nor then for a version).
	const left = count < hosts.length && more(hosts.length - count) <= room ? hosts.length - count : 0;
	room = count < hosts.length && left === 0 ? 0 : room - (left > 0 ? more(left) : 0);

	// Every shown host's version, or none: one host's alone read as if the others had none, and
	// the version says whether K works there.
	const versionsWidth = hosts.slice(0, count).reduce((sum, {version}) => sum + (version === undefined ? 0 : cellWidth(version)), 0);
	const versions = versionsWidth <= room ? count : 0;
	// Then every shown host's uptime, or none, on the same rule: a restart reads there as `up 12s`.
	const uptimesWidth = hosts.slice(0, count).reduce((sum, {uptime}) => sum + (uptime === undefined ? 0 : cellWidth(uptime)), 0);
	const uptimes = versions === count && versionsWidth + uptimesWidth <= room ? count : 0;

	return (
		<Text wrap="truncate">
			{hosts.slice(0, count).map(({host, text, failing, waiting, version, uptime}, index) => (
				<Text key={host}>
					{index === 0 ? '' : hostGap}
					<Text bold>{host}</Text>{' '}
					<Text color={failing ? theme.error : waiting ? theme.warn : theme.ok} inverse={failing && theme.error === undefined}>
						{text}
					</Text>
					{version === undefined || index >= versions ? '' : <Text color={theme.muted}>{version}</Text>}
					{uptime === undefined || index >= uptimes ? '' : <Text color={theme.muted}>{uptime}</Text>}
				</Text>
			))}
			{left > 0 && <Text color={theme.muted}>{`${hostGap}+${left} more`}</Text>}
		</Text>
	);
}

const serviceGap = '   ';

/** Bars a service keeps, on a narrow terminal, before its name is cut: enough to read a trend. */
const fewestBars = 3;

/**
 * One service in `width` cells when it does not fit whole: its count always (cut, a count
 * reads as another number), its bars shortened to the latest polls, down to `fewestBars`,
 * then its name cut with `…`, then the bars down to one. Undefined when not even a name's
 * first character, one bar and the count fit.
 */
function squeezed(name: string, samples: readonly number[], sparkWidth: number, width: number): string | undefined {
	const count = ` ${samples.at(-1) ?? 0}`;
	const nameWidth = cellWidth(name);
	const barsRoom = width - nameWidth - 1 - cellWidth(count);
	const wanted = Math.min(sparkWidth, samples.length);
	if (barsRoom >= Math.min(fewestBars, wanted)) {
		return `${name} ${sparkline(samples, Math.min(wanted, barsRoom))}${count}`;
	}

	// The name cut to what is left beside the fewest bars, but never below "A…".
	const bars = Math.max(1, Math.min(fewestBars, wanted, width - 2 - 1 - cellWidth(count)));
	const nameRoom = width - 1 - bars - cellWidth(count);
	return nameRoom < 2 ? undefined : `${fitText(name, nameRoom)} ${sparkline(samples, bars)}${count}`;
}

/**
 * Each service's session count over the last polls, by name, as many as fit whole. When not
 * even the first fits whole with the count of the others, it is squeezed (its count kept,
 * its bars and then its name shortened) rather than shown as a bare name.
 */
/**
 * `waiting`: no history yet because a MaxScale watched has never answered (model/poll.ts counts
 * no partial list: a service's line would jump when it came). Said, not a blank line (QA).
 */
export function SparkLine({history, width, sparkWidth, theme, waiting = false}: {history: MonitorState['changes']['history']; width: number; sparkWidth: number; theme: Theme; waiting?: boolean}) {
	if (history.size === 0 && waiting) {
		return (
			<Text wrap="truncate" color={theme.muted}>
				{fitWording(['the services\' sparklines start once every MaxScale has answered', 'sparklines: once every MaxScale answers', ' '], width)}
			</Text>
		);
	}

	const services = [...history].sort(([a], [b]) => (a < b ? -1 : 1));
	const more = (left: number) => cellWidth(`${serviceGap}+${left} more`);
	const fitted = (bars: number) => {
		const items = services.map(([service, samples]) => `${truncate(service || noService, 32)} ${sparkline(samples, bars)} ${samples.at(-1) ?? 0}`);
		const widths = items.map((item, index) => cellWidth(item) + (index === 0 ? 0 : serviceGap.length));
		return {items, count: fitPrefix(widths, width, more)};
	};

	// Every service's bars shortened alike, down to `fewestBars`, before a service is left out
	// (QA: at 120 columns the fourth service went to `+1 more` as the history grew): the most
	// services that fit, at the longest bars that fit that many.
	let {items, count} = fitted(sparkWidth);
	for (let bars = sparkWidth - 1; bars >= fewestBars && count < services.length; bars--) {
		const shorter = fitted(bars);
		if (shorter.count > count) {
			({items, count} = shorter);
		}
	}

	const left = items.length - count;
	let text = items.slice(0, count).join(serviceGap) + (left > 0 && count > 0 ? `${serviceGap}+${left} more` : '');
	const [first] = services;
	if (count === 0 && first !== undefined) {
		// The others counted if there is room for them beside a squeezed first one, else left out.
		const others = services.length > 1 ? `${serviceGap}+${services.length - 1} more` : '';
		const name = truncate(first[0] || noService, 32);
		const withOthers = others === '' ? undefined : squeezed(name, first[1], sparkWidth, width - cellWidth(others));
		text = withOthers === undefined ? (squeezed(name, first[1], sparkWidth, width) ?? '') : withOthers + others;
	}

	return (
		<Text wrap="truncate" color={theme.muted}>
			{text || ' '}
		</Text>
	);
}
