// MaxScale versions, for what a server can do: killing
// and restarting sessions from 22.08 (older servers answer DELETE with a bodiless
// 404, which must not be read as "already gone").

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
