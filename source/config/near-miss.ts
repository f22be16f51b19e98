// The name a mistyped word most likely meant: a config file's key (file-keys.ts), a column of
// --columns (options.ts). Edit distance, as git's "did you mean".

function distance(a: string, b: string): number {
	let previous = Array.from({length: b.length + 1}, (_value, index) => index);
	for (const [i, charA] of [...a].entries()) {
		const row = [i + 1];
		for (const [j, charB] of [...b].entries()) {
			row.push(Math.min(previous[j + 1]! + 1, row[j]! + 1, previous[j]! + (charA === charB ? 0 : 1)));
		}

		previous = row;
	}

	return previous[b.length]!;
}

/** The name a typo most likely meant (`pasword`: password, `idel`: idle), if one is within two edits. */
export function meant(key: string, names: readonly string[]): string | undefined {
	const lower = key.toLowerCase();
	let best: {name: string; edits: number} | undefined;
	for (const name of names) {
		const edits = distance(lower, name);
		if (edits <= 2 && edits < lower.length - 1 && (best === undefined || edits < best.edits)) {
			best = {name, edits};
		}
	}

	return best?.name;
}
