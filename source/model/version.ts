// MaxScale versions, for what a server can do: killing and restarting sessions from
// 22.08 (older servers answer DELETE with a bodiless 404, which must not be read as
// "already gone"), a session's own log levels from 6.0, its statements from 2.3.1.

/** `24.02.3` → [24, 2, 3]; undefined for anything else. */
export function parseVersion(version: string | undefined): number[] | undefined {
	const match = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(version ?? '');
	return match ? [Number(match[1]), Number(match[2]), Number(match[3] ?? 0)] : undefined;
}

export function versionAtLeast(version: string | undefined, major: number, minor: number): boolean {
	const parsed = parseVersion(version);
	if (parsed === undefined) {
		return false;
	}

	const [a = 0, b = 0] = parsed;
	return a > major || (a === major && b >= minor);
}

/** `queries` (retain_last_statements) arrived in 2.3.1; undefined when the version is not known. */
export function reportsStatements(version: string | undefined): boolean | undefined {
	const parsed = parseVersion(version);
	if (parsed === undefined) {
		return undefined;
	}

	const [a = 0, b = 0, c = 0] = parsed;
	return a > 2 || (a === 2 && (b > 3 || (b === 3 && c >= 1)));
}

/** DELETE /v1/sessions/:id and POST …/restart arrived in 22.08. */
export function canKill(version: string | undefined): boolean | undefined {
	return version === undefined ? undefined : versionAtLeast(version, 22, 8);
}

/** PATCH /v1/sessions/:id, a session's own log levels (log_info and the others), arrived in 6.0. */
export function canSetLog(version: string | undefined): boolean | undefined {
	return version === undefined ? undefined : versionAtLeast(version, 6, 0);
}

/** The calls on sessions: what each needs, and whether MaxScale `version` has it (undefined: not known). */
export type SessionCall = 'kill' | 'restart' | 'log';
export const callSince: Readonly<Record<SessionCall, string>> = {kill: '22.08', restart: '22.08', log: '6.0'};
export function hasCall(call: SessionCall, version: string | undefined): boolean | undefined {
	return call === 'log' ? canSetLog(version) : canKill(version);
}
