// Where each key of [maxctrl] and [sessiontop] stands in the file, line by line, read as
// npm's `ini` reads it. ini hands over only the merged sections, so three things cannot be
// told from them: a line that is not `name = value` (`password: S3cr3t`, or the password
// alone) is a key named by the whole line, which a sentence must not quote but can name by
// its number; a key given twice is kept last without a word; and `password = true` is the
// same boolean true as a bare `password`.

type Parse = (text: string) => Record<string, unknown>;

export type KeyLine = {
	/** The key as ini reads it, a trailing [] dropped. */
	key: string;
	/** 1 for the first line of the file. */
	line: number;
	/** Whether the line has an `=`: a bare `secure` has none. */
	assigned: boolean;
	/** `key[] = value`, ini's list. */
	list: boolean;
	/** On a line without `=`, its leading option-like word when more follows it (`password` of `password: x`). */
	leadingWord?: string;
};

export type FileLines = {maxctrl: KeyLine[]; sessiontop: KeyLine[]};

// ini's own line patterns (ini.js decode): a section line, or a key with an optional `= value`.
const sectionLine = /^\[([^\]]*)\]\s*$/;
const keyLine = /^([^=]+)(=(.*))?$/;
const ignoredLine = /^\s*(?:[;#]|$)/;

/** The keys of [maxctrl] and [sessiontop], in file order; `parse` is ini's. */
export function keyLines(text: string, parse: Parse): FileLines {
	const found: FileLines = {maxctrl: [], sessiontop: []};
	let section: KeyLine[] | undefined;
	for (const [index, line] of text.split(/\r\n|\r|\n/).entries()) {
		if (ignoredLine.test(line)) {
			continue;
		}

		const heading = sectionLine.exec(line);
		if (heading !== null) {
			// A dotted name ([maxctrl.x]) is a section nested in another, never [maxctrl] itself.
			const name = heading[1]!.includes('.') ? undefined : Object.keys(parse(line))[0];
			section = name === 'maxctrl' || name === 'sessiontop' ? found[name] : undefined;
			continue;
		}

		const match = keyLine.exec(line);
		if (section === undefined || match === null) {
			continue;
		}

		// The line alone, parsed by ini: its key exactly as ini reads it (quotes, comments, escapes).
		const parsed = parse(line);
		const key = Object.keys(parsed)[0];
		if (key === undefined) {
			continue;
		}

		const assigned = match[2] !== undefined;
		const list = Array.isArray(parsed[key]);
		const leading = assigned ? undefined : /^\s*([A-Za-z\d_-]+)(.*)$/.exec(key);
		const leadingWord = leading !== null && leading !== undefined && leading[2]!.trim() !== '' ? leading[1] : undefined;
		section.push({key, line: index + 1, assigned, list, ...(leadingWord === undefined ? {} : {leadingWord})});
	}

	return found;
}
