// The name a mistyped word most likely meant: a config file's key (file-keys.ts), a column of
// --columns (options.ts). Edit distance, as git's "did you mean".

/** Edits from a to b, two neighbours swapped counting as one (`idel`: idle, not id). */
function distance(a: string, b: string): number {
	const x = [...a];
	const y = [...b];
	// Rows i-2, i-1 and i of the table: the optimal string alignment distance.
	let before: number[] = [];
	let previous = Array.from({length: y.length + 1}, (_value, index) => index);
	for (let i = 1; i <= x.length; i++) {
		const row = [i];
		for (let j = 1; j <= y.length; j++) {
			const cost = x[i - 1] === y[j - 1] ? 0 : 1;
			let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
			if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
				best = Math.min(best, before[j - 2]! + 1);
			}

			row.push(best);
		}

		before = previous;
		previous = row;
	}

	return previous[y.length]!;
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
