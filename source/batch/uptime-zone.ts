// --once, --json and --watch --json against a MaxScale before 23.02 west of the operator: as
// the screen does from its first poll (model/poll.ts withZoneHint), MaxScale's uptime proves
// its ages hours too long, since no session is older than the MaxScale that holds it. A single
// print has no second poll for new sessions to prove it by, and printed every age eight hours
// too long for a MaxScale in Los Angeles, unsaid (the readme said it could not tell). So its
// version and uptime are asked beside the list: one small GET, which never fails the print.
// What they prove is the screen's own reckoning (model/zone-hint.ts provenByUptime).

import {fetchServerInfo} from '../api/sessions-api.js';
import type {ServerInfo} from '../model/server-info.js';
import {uptimeHint} from '../model/zone-hint.js';
import type {Host} from './collected.js';

/** Its version and uptime, or undefined when it cannot say (a failure here is no failure of the print). */
export async function serverOf(host: Host, signal?: AbortSignal): Promise<ServerInfo | undefined> {
	const info = await fetchServerInfo(host.client, signal);
	return 'askedAt' in info ? info : undefined;
}

/** What stderr says of a shift proven by the uptime (the screen's sentence, the MaxScale named). */
export function uptimeNote(label: string, shift: number, at: number): string {
	return uptimeHint(label, shift, -new Date(at).getTimezoneOffset());
}
