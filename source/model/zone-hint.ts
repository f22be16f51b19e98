// A MaxScale before 23.02 writes each session's `connected` in its own local time with no
// zone, and sessiontop reads it in the operator's (unless --server-tz says otherwise).
// When MaxScale's zone is east of the operator's, ages come out shorter than idle times,
// which proves them wrong, and the list reader corrects them (api/server-clock.ts). West of
// it, they come out hours too long, and nothing in one list proves it; but a session that
// opened since the last poll is younger than the time since that poll. When even the
// youngest of them reads hours older, the zone is wrong: said once, with the flag that mends it.

/** Skew and rounding a new session's age may show without proving anything (as server-clock.ts's). */
const slackSeconds = 60;
const quarterHour = 900;
/** Past this gap between polls (an outage), a new session may really be that old. */
const longestGap = 600;

/** `+09:00`, `-05:30` from an offset in minutes east of UTC. */
function offsetText(minutes: number): string {
	const sign = minutes < 0 ? '-' : '+';
	const whole = Math.abs(minutes);
	return `${sign}${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/**
 * The sentence for ages proven too long, or undefined. `youngestNew`: the least age among the
 * sessions new in this poll; `seconds`: since this MaxScale's previous poll; `localOffsetMinutes`:
 * the operator's zone at the poll (minutes east of UTC).
 */
export function zoneHint(host: string, youngestNew: number | undefined, seconds: number | undefined, localOffsetMinutes: number): string | undefined {
	if (youngestNew === undefined || seconds === undefined || seconds > longestGap || youngestNew - seconds <= slackSeconds) {
		return undefined;
	}

	// Its true age lies between 0 and `seconds`: the rest is the zones' difference, in whole quarter hours.
	const shift = Math.round((youngestNew - (seconds / 2)) / quarterHour) * quarterHour;
	if (shift < quarterHour) {
		return undefined;
	}

	const hours = shift % 3600 === 0 ? `${shift / 3600}h` : `${Math.floor(shift / 3600)}h${String((shift % 3600) / 60).padStart(2, '0')}m`;
	const server = offsetText(localOffsetMinutes - (shift / 60));
	const where = host === '' ? 'MaxScale' : `MaxScale ${host}`;
	return `Ages read ${hours} too long: ${where} writes its times in its own zone, UTC${server} by its new sessions, not this machine's; start sessiontop with --server-tz ${server} (or that zone's name).`;
}
