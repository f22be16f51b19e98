// The sentences for a `/` filter term typed almost right: a field with no value, a number
// field given `:` (`idle:5`), a text field given a comparison (`id>5`, `user>a`), a doubled
// `!`, a field's name misspelt. Each says what is wrong and what to write instead, with
// values that fit the field (`id:42`, not `id:app`). Else each read as plain text and
// matched nothing, or everything, said nowhere (QA).

import {fieldAliases, numberFields, textFields, type NumberField, type TextField} from './filter-fields.js';

/** Values each text field takes, as the readme writes them: a text, a quoted one or a list, a regex. */
const textValues: Record<TextField, readonly string[]> = {
	id: ['42', '42,57', '/^42/'],
	user: ['app', '"two words"', '/^etl/'],
	client: [':4000', '10.0.0.5', '/:4000$/'],
	host: ['10.0.', '192.168.1.1', '/^10\\./'],
	service: ['rw', 'Read-Connection', '/^rw/'],
	server: ['db2', 'none', '/^db/'],
	state: ['started', '"session started"', '/created|stopping/'],
	maxscale: ['mx1', 'mx1:8989', '/^mx/'],
	statement: ['orders', '"insert into"', '/^select/'],
};

/** Values each number field takes, as its column writes them. */
const numberValues: Record<NumberField, readonly string[]> = {
	idle: ['60', '10m', '1h30m'],
	age: ['10m', '1h30m', '2d03h'],
	memory: ['1M', '64K', '70000'],
	io: ['0', '12', '1k'],
	running: ['0', '30s', '2m'],
};

const fieldNames = [...textFields, ...numberFields].join(' ');

/** The comparisons a hint offers a number in turn. */
const comparisons = ['>', '<', '='] as const;

/** `a, b or c`. */
const either = (items: readonly string[]) => (items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)!}`);

/** `user:`, `user:""`, `id:,`: a text field with nothing to look for. `typed` is the name as written (`sql`, `User`). */
export function textNeedsValue(term: string, typed: string, field: TextField): string {
	return `${term} needs a value (e.g. ${textValues[field].map((value) => `${typed}:${value}`).join(', ')})`;
}

/** `idle>`, `memory>=`: a comparison with nothing to compare with. */
export function numberNeedsValue(term: string, typed: string, operator: string, field: NumberField): string {
	return `${term} needs a value (e.g. ${numberValues[field].map((value) => `${typed}${operator}${value}`).join(', ')})`;
}

/**
 * `idle:5`, `memory:`, `age:>1h`: a number field written as a text one is, whose `:` would
 * look for the text `idle:5` and find nothing. `amount`: whether `value` reads as one of the
 * field's (5 does, soon does not), so that the sentence offers it back compared.
 */
export function numberWithColon(typed: string, field: NumberField, value: string, amount: boolean): string {
	// `idle:>5`: the comparison is there, the colon one key too many.
	const writes = /^(?:>=|<=|>|<|=)./.test(value)
		? [`${typed}${value}`]
		: amount
			? comparisons.map((operator) => `${typed}${operator}${value}`)
			: numberValues[field].map((example, index) => `${typed}${comparisons[index]!}${example}`);
	return `${typed} is a number, compared with > < or = (not :): write ${either(writes)}`;
}

/**
 * `id>5`, `user>a`, `state=started`: a comparison on a text field. An id is a name (id:5 the
 * session 5, as a PID in htop), never a number to compare. Another field's `>` is most
 * likely `:` mistyped (both shifted, a key apart), its `=` an exact text.
 */
export function textCompared(typed: string, field: TextField, operator: string, value: string): string {
	if (field === 'id') {
		const id = /^\d+$/.test(value) ? value : '42';
		return `${typed} takes an id or a list, not a comparison: write ${typed}:${id}, ${typed}:${id},57 or ${typed}:/^${id}/`;
	}

	if (value === '') {
		return `${typed} is text, not a number: write ${either(textValues[field].map((example) => `${typed}:${example}`))}`;
	}

	// A plain word can be offered exactly; a regex built around any other text would need escapes.
	const exactly = operator === '=' && /^[\w-]+$/.test(value) ? ` or ${typed}:/^${value}$/ (exactly ${value})` : '';
	return `${typed} is text, not a number: write ${typed}:${value} (contains ${value})${exactly}`;
}

/**
 * `usr:app`: a word before a colon (or `idel>60`, a comparison) that names no field; with the
 * field it likely meant (meantField), the term to write (QA: `idel>60` got the list of fields).
 */
export function notAField(typed: string, term: string): string {
	const meant = meantField(typed);
	return meant === undefined
		? `${typed} is not a field (${fieldNames}); "${term}" in quotes is text`
		: `${typed} is not a field: write ${either(meantTerms(meant, term.slice(typed.length)))} (or "${term}" in quotes, as text)`;
}

/**
 * The terms to write for `meant` and what followed the misspelt name (`:5`, `>60`), each as that
 * field takes it (QA: `idel:5` was told `idle:5`, which is refused in turn): a number field
 * compares, a text field takes `:`.
 */
function meantTerms(meant: string, rest: string): string[] {
	const [, operator = '', value = ''] = /^(:|>=|<=|>|<|=)(.*)$/.exec(rest) ?? [];
	if (numberFields.has(meant)) {
		return operator === ':' ? comparisons.map((compare) => `${meant}${compare}${value}`) : [`${meant}${rest}`];
	}

	return [`${meant}:${value}`];
}

/**
 * `!!user:etl`: a `!` doubled. Not read as the term itself (two negations cancelling): more
 * likely a key pressed twice, whichever was meant, and both are one key away.
 */
export function repeatedNot(raw: string): string {
	const term = raw.replace(/^!+/, '');
	return term === ''
		? `${raw} needs one ! and a term after it (e.g. !state:started)`
		: `${raw} has more than one !: write !${term} to leave out what ${term} matches, or ${term} to keep it`;
}

/** `""`: quotes around nothing, which every session contains. */
export const emptyQuotes = (term: string) => `${term} is empty: write the text between the quotes (e.g. "session started")`;

/** Whether two names are one letter apart: one changed, dropped, added, or two swapped. */
function oneApart(a: string, b: string): boolean {
	let start = 0;
	while (start < a.length && start < b.length && a[start] === b[start]) {
		start++;
	}

	const restA = a.slice(start + 1);
	const restB = b.slice(start + 1);
	return a !== b && (restA === restB || restA === b.slice(start) || a.slice(start) === restB || (a[start] === b[start + 1] && a[start + 1] === b[start] && a.slice(start + 2) === b.slice(start + 2)));
}

/** Names of the columns and the sort (--columns, --sort) that the filter calls otherwise. */
const otherNames: Readonly<Record<string, string>> = {duration: 'running', runtime: 'running', query: 'statement', queries: 'statement', servers: 'server'};

/**
 * The field a word most likely means: a column's other name (`duration`: running), or a field's
 * name misspelt (`idel`, `memroy`: one letter changed, dropped, added or two swapped). Not for
 * words near `id` and `io`, two letters that half of all short words are one apart from.
 */
export function meantField(word: string): string | undefined {
	const lowered = word.toLowerCase();
	if (Object.hasOwn(otherNames, lowered)) {
		return otherNames[lowered];
	}

	return lowered.length >= 3 ? [...textFields, ...numberFields, ...Object.keys(fieldAliases)].find((name) => name.length >= 3 && oneApart(lowered, name)) : undefined;
}

/**
 * A word before a comparison that likely means a field (`idel>60`, `memroy<1M`, `duration>30s`):
 * reported as `usr:app` is. Any other word stays text (`status=1` in a statement).
 */
export const misspeltField = (word: string): boolean => meantField(word) !== undefined;
