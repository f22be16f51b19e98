// A MaxScale before 23.02 writes each session's `connected` in its own local time with no
// zone, and sessiontop reads it in the operator's (unless --server-tz says otherwise).
// When MaxScale's zone is east of the operator's, ages come out shorter than idle times,
// which proves them wrong, and the list reader corrects them (api/server-clock.ts), said
// once for each move (aheadHint). West of
// it, they come out hours too long, and nothing in one list proves it; but a session that
// opened since the last poll is younger than the time since that poll. When even the
// youngest of them reads hours older, the zone is wrong by that many whole quarter hours:
// from then on that MaxScale's ages are counted in its own zone (poll.ts), and it is said
// once, with the flag that would have had them right from the start. Before any new session,
// MaxScale's uptime proves it too: no session is older than its MaxScale (uptimeShift). An age known to be
// wrong is not left on screen (the sort and the filter go by it too), as htop or
// pg_activity would never show a process's age it knows to be wrong.

import {uptimeAt, type ServerInfo} from './server-info.js';
import {plainSession, type Session} from './session.js';
import {versionAtLeast} from './version.js';

/** Skew and rounding a new session's age may show without proving anything (as server-clock.ts's). */
const slackSeconds = 60;
const quarterHour = 900;
/** Past this gap between polls (an outage), a new session may really be that old. */
const longestGap = 600;
/** UTC-12:00, in minutes east of UTC: the zone furthest west. */
const westmostZone = -720;

/** `9h`, `5h30m`, `30m` (QA: not `0h30m`) from minutes. */
function hoursText(minutes: number): string {
	const whole = Math.floor(minutes / 60);
	const rest = minutes % 60;
	return rest === 0 ? `${whole}h` : whole === 0 ? `${rest}m` : `${whole}h${String(rest).padStart(2, '0')}m`;
}

/** `+09:00`, `-05:30` from an offset in minutes east of UTC. */
function offsetText(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const whole = Math.abs(minutes);
	return `${sign}${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * How many seconds too long a MaxScale's ages are, proven by its new sessions, or undefined.
 * `youngestNew`: the least age among the sessions new in this poll; `seconds`: since this
 * MaxScale's previous poll; `localOffsetMinutes`: the operator's zone (minutes east of UTC).
 * Whole quarter hours: zones are.
 */
export function provenShift(youngestNew: number | undefined, seconds: number | undefined, localOffsetMinutes = 0): number | undefined {
	// No time, or a wall clock stepped back between the polls (an NTP step, a VM resumed: QA saw
	// a step back of an hour "prove" MaxScale half an hour west, and every age read 0s after).
	if (youngestNew === undefined || seconds === undefined || seconds <= 0 || seconds > longestGap || youngestNew - seconds <= slackSeconds) {
		return undefined;
	}

	// Its true age lies between 0 and `seconds`: the rest is the zones' difference.
	const shift = Math.round((youngestNew - (seconds / 2)) / quarterHour) * quarterHour;
	// No zone is further west of this machine's than UTC-12:00 (QA: a server's days-old new
	// sessions "proved" UTC-25459:45): such ages are wrong some other way, and left as they are.
	return shift < quarterHour || localOffsetMinutes - (shift / 60) < westmostZone ? undefined : shift;
}

/** Less than this past MaxScale's uptime proves nothing: its clock may be a few minutes behind this machine's (as server-clock.ts allows ahead). */
const uptimeSlackSeconds = 600;

/**
 * How many seconds too long a MaxScale's ages are at least, proven by its uptime, or
 * undefined: no session is older than the MaxScale that holds it, so the oldest age past
 * the uptime is the zones' difference less the time the oldest session took to connect after
 * MaxScale started. The fewest quarter hours that leave none past it (by more than a clock a
 * few minutes behind may): exact when that session connected within five minutes of the
 * start, as an application's pool does; never more than the truth. It needs no second poll
 * and no new session (QA: a quiet MaxScale in Los Angeles read eight hours old, unsaid).
 */
export function uptimeShift(oldestAge: number | undefined, uptime: number | undefined, localOffsetMinutes = 0): number | undefined {
	if (oldestAge === undefined || uptime === undefined || !(oldestAge - uptime > uptimeSlackSeconds)) {
		return undefined;
	}

	const shift = Math.ceil((oldestAge - uptime - uptimeSlackSeconds) / quarterHour) * quarterHour;
	return localOffsetMinutes - (shift / 60) < westmostZone ? undefined : shift;
}

/** The oldest age (seconds) among a MaxScale's sessions, or batch output's records of them, if any says one. */
export function oldestAge(items: Iterable<{readonly ageSeconds?: number | undefined}>): number | undefined {
	let oldest: number | undefined;
	for (const {ageSeconds: age} of items) {
		if (age !== undefined && (oldest === undefined || age > oldest)) {
			oldest = age;
		}
	}

	return oldest;
}

/**
 * How many seconds too long a MaxScale's ages read at `at` (epoch ms), proven by its uptime
 * (uptimeShift) as `server` said it, or undefined: none before it has said, none from 23.02,
 * which writes its times in GMT. The screen's poll (poll.ts) and batch output (batch/uptime-zone.ts) alike.
 */
export function provenByUptime(server: ServerInfo | undefined, items: Iterable<{readonly ageSeconds?: number | undefined}>, at: number): number | undefined {
	if (server === undefined || versionAtLeast(server.version, 23, 2)) {
		return undefined;
	}

	return uptimeShift(oldestAge(items), uptimeAt(server, at), -new Date(at).getTimezoneOffset());
}

/** What the status line says of a shift: how long, the MaxScale's zone, and the flag for next time. `localOffsetMinutes`: the operator's zone at the poll (minutes east of UTC). */
export function zoneHint(host: string, shift: number, localOffsetMinutes: number): string {
	const hours = hoursText(shift / 60);
	const where = host === '' ? 'MaxScale' : `MaxScale ${host}`;
	// Less than an hour is what the list reader's correction by whole hours left of a zone east
	// of the operator's on a half hour (server-clock.ts): the zone itself is not known here.
	if (shift < 3600) {
		return `Ages read ${hours} too long: ${where} writes its times a fraction of an hour from this machine's zone, by its new sessions; corrected from now on (--server-tz= and its zone from the start).`;
	}

	// With `=`: after a space, `-05:00` would be read as an option.
	const server = offsetText(localOffsetMinutes - (shift / 60));
	return `Ages read ${hours} too long: ${where} writes its times in its own zone, UTC${server} by its new sessions; corrected from now on (--server-tz=${server} from the start).`;
}

/** What the status line says of a shift proven by the uptime (uptimeShift): at least that much, so its zone or one further west. */
export function uptimeHint(host: string, shift: number, localOffsetMinutes: number): string {
	const hours = hoursText(shift / 60);
	const where = host === '' ? 'MaxScale' : `MaxScale ${host}`;
	const zone = shift < 3600 ? 'a fraction of an hour from this machine\'s zone' : `in its own zone, UTC${offsetText(localOffsetMinutes - (shift / 60))} or west`;
	const flag = shift < 3600 ? '--server-tz= and its zone make them exact' : `--server-tz=${offsetText(localOffsetMinutes - (shift / 60))} makes them exact`;
	return `Ages read ${hours} too long: ${where} writes its times ${zone}, by its uptime; corrected (${flag}).`;
}

/**
 * What a MaxScale's lists have proven of its zone east of the operator's (api/server-clock.ts):
 * how far its ages were moved (ms), kept from one poll to the next; `said`: the move batch
 * output last said on stderr.
 */
export type ZoneMemory = {
	aheadMs: number;
	said?: number;
	/** The last list's time by this machine's wall clock and by its monotonic one (ms): a step of the wall clock between them undoes what was proven against it. */
	wallAt?: number;
	monoAt?: number;
	/** How far MaxScale's local clock was ahead of the poll time when its last list told (api/statement-clock.ts). */
	aheadOfPollMs?: number;
};

/** What is said when a MaxScale's idle times prove its ages `aheadMs` too short (the list reader moved them). `localOffsetMinutes`: as zoneHint's. */
export function aheadHint(host: string, aheadMs: number, localOffsetMinutes: number): string {
	const minutes = Math.round(aheadMs / 60_000);
	const hours = hoursText(minutes);
	const where = host === '' ? 'MaxScale' : `MaxScale ${host}`;
	const server = offsetText(localOffsetMinutes + minutes);
	// Its idle times prove at least that much; a session idle since it connected, or a new one, proves it exactly.
	// Short enough for two lines of 80 columns (footer.tsx reads it whole there, the flag included).
	return `Ages read ${hours} too short: ${where} writes its times in its own zone, UTC${server} or east by its idle times; corrected (--server-tz=${server} makes them exact).`;
}

/** The age and connection time of a session whose ages read `shift` seconds too long, as they are (a session, or --watch --json's record). */
export function shiftedAges({ageSeconds, connectedAt}: Pick<Session, 'ageSeconds' | 'connectedAt'>, shift: number): Pick<Session, 'ageSeconds' | 'connectedAt'> {
	return {
		ageSeconds: ageSeconds === undefined ? undefined : Math.max(0, ageSeconds - shift),
		connectedAt: connectedAt === undefined ? undefined : connectedAt + (shift * 1000),
	};
}

/** A session of a MaxScale whose ages read `shift` seconds too long, as they are. */
export function shiftedSession(session: Session, shift: number): Session {
	return {...plainSession(session), ...shiftedAges(session, shift)};
}
