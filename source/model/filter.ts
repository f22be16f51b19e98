// The `/` filter: terms separated by spaces, all of which must match.
//   text            the id, user, client, service, servers, state or statement contains it (case-insensitive)
//   user:app        one field contains it: id user client host service server state maxscale statement (sql)
//                   (a client as shown, 10.0.0.1:4000, or as reported, [::ffff:10.0.0.1]:4000)
//   idle>60         numbers: idle age memory io (>, >=, <, <=, =); 90s, 1h30m, 16d05h, 64K, 1M:
//                   as the columns write them, and compared as they show them (filter-amount.ts)
//   !term           negation
//   /regex/         a regular expression over those (service:/^rw/ works too)
//   "two words"     quotes keep spaces (state:"session started") or a colon ("a:b") in one term
// A term that does not parse (an invalid regex, `usr:app` for a field that does not
// exist, a field written as one of the other kind is: `idle:5`, `id>5`, filter-hints.ts)
// is reported and left out, so the rest of the filter keeps working while the user types.
// So is one not finished: `idle>` or `user:""` with no value, a lone `!`, a term that starts
// with `/` and has no closing `/` (a regex still being typed; "/path" in quotes is text).
// An unclosed quote is reported too, but its text so far still filters, as plain text does
// while it is typed. Else each would read as text and quietly match everything (`"`,
// `user:"`, `!!user:etl`) or nothing (`idle>`, `!`, `idle:5`), and Enter would keep it.

import {parseAmount, notAnAmount, shownValue, type AmountKind} from './filter-amount.js';
import {regexMatcher} from './filter-regex.js';
import {emptyQuotes, misspeltField, notAField, numberNeedsValue, numberWithColon, repeatedNot, textCompared, textNeedsValue} from './filter-hints.js';
import {columnsOf, fieldAliases, fieldNumber, fieldTexts, numberFields, textFields, type NumberField, type TextField} from './filter-fields.js';
import type {Session} from './session.js';

type Test = (session: Session) => boolean;
/**
 * `numbers`: the fields its terms name that a MaxScale may not report (idle, age, memory, io, server), for unreportedField.
 * `statement`: a term names the statement (`statement:`, `sql:`), which sessions have only while
 * the Statement column shows: an empty list then says so. `plain`: a term looks in every column
 * (text, a quoted text, a regex), the statement among them only while it is known. `named`:
 * the fields its terms name (`idle>60 !user:app`: idle, user), whose columns the list keeps in view.
 */
export type Filter = {text: string; test: Test | undefined; error?: string; numbers?: readonly string[]; statement?: true; plain?: true; named?: ReadonlyArray<TextField | NumberField>};

/** How each number field's values are written: times and sizes as their columns show them. */
const kinds: Record<NumberField, AmountKind> = {idle: 'time', age: 'time', memory: 'size', io: 'count', running: 'time'};

const comparisons: Record<string, (a: number, b: number) => boolean> = {
	'>': (a, b) => a > b,
	'>=': (a, b) => a >= b,
	'<': (a, b) => a < b,
	'<=': (a, b) => a <= b,
	'=': (a, b) => a === b,
};

function regexTest(body: string, pick: (session: Session) => string[]): Test | string {
	try {
		const matches = regexMatcher(body);
		return typeof matches === 'string' ? matches : (session) => pick(session).some((text) => matches(text));
	} catch (error: unknown) {
		// V8 says "Invalid regular expression: /[/i: Unterminated character class": the reason alone.
		const reason = (error as Error).message.replace(/^Invalid regular expression: /, '').replace(/^\/.*\/[a-z]*: /s, '');
		return `invalid regex /${body}/: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
	}
}

/** Without its quotes; one still being typed has no closing quote yet. */
const unquote = (text: string) => (text.startsWith('"') ? text.slice(1, text.length > 1 && text.endsWith('"') ? -1 : undefined) : text);

/** Text that matches anywhere in the columns' texts (shown or not: a narrow list leaves some out). */
function anyColumn(text: string): Test {
	const needle = text.toLowerCase();
	return (session) => columnsOf(session).some((column) => column.toLowerCase().includes(needle));
}

/** A regex still being typed: `/^rep`, `user:/^ap` (not quoted: `"/path"` is text). */
const unclosedRegex = (text: string) => text.startsWith('/') && (text.length === 1 || !text.endsWith('/'));

function parseTerm(term: string): Test | string {
	if (term.startsWith('"')) {
		// `""` is in every column: it would keep every session, as `user:""` did (QA).
		return term === '""' ? emptyQuotes(term) : anyColumn(unquote(term));
	}

	// `i/o>5` as the column's title writes it, not text that no session holds.
	const compared = /^(i\/o|[a-z]+)(>=|<=|>|<|=)(.*)$/i.exec(term);
	if (compared) {
		const [, typed = '', operator = '', value = ''] = compared;
		const name = numberName(typed);
		if (numberFields.has(name)) {
			return value === '' ? numberNeedsValue(term, typed, operator, name as NumberField) : numberTest(name as NumberField, operator, value);
		}

		const text = textFieldNamed(name);
		if (text !== undefined) {
			return textCompared(typed, text, operator, value);
		}

		if (misspeltField(name)) {
			return notAField(typed, term);
		}
	}

	const scoped = /^([a-z]+):(.*)$/i.exec(term);
	const [, typed = '', written = ''] = scoped ?? [];
	const named = typed.toLowerCase();
	const field = textFieldNamed(named);
	if (scoped && field !== undefined) {
		if (unclosedRegex(written)) {
			return `${term} needs a closing / (a regex; ${typed}:"${written}" is text)`;
		}

		const value = unquote(written);
		// `user:` alone matched every session, `id:` none, said nowhere (QA): unfinished, as `idle>`
		// is; `user:""` too, which matched every session as well (`user:/^$/` finds an empty one).
		if (value === '') {
			return textNeedsValue(term, typed, field);
		}

		if (value.length > 1 && value.startsWith('/') && value.endsWith('/')) {
			return regexTest(value.slice(1, -1), (session) => fieldTexts(session, field));
		}

		if (field === 'id') {
			// An id is a name, not text: id:9 is session 9 (as a PID in htop's or pg_activity's
			// filters), not every session whose id has a 9 in it, which * then K would all kill.
			// Several with commas (id:9,42); a regex (id:/^9/) for a part.
			const ids = new Set(value.split(',').map((id) => id.trim()).filter(Boolean));
			return ids.size === 0 ? textNeedsValue(term, typed, field) : (session) => ids.has(session.id);
		}

		const needle = value.toLowerCase();
		return (session) => fieldTexts(session, field).some((text) => text.toLowerCase().includes(needle));
	}

	// `idle:5` looked for the text idle:5 and found nothing (QA): the field compares.
	if (scoped && numberFields.has(named)) {
		return numberWithColon(typed, named as NumberField, written, parseAmount(written, kinds[named as NumberField]) !== undefined);
	}

	// A word before a colon that names no field is a typo (usr:app), unless it could be part
	// of an address (ffff:10.0 in ::ffff:10.0.0.1): hex digits only.
	if (scoped && !/^[a-f]+$/i.test(typed)) {
		return notAField(typed, term);
	}

	if (unclosedRegex(term)) {
		return `${term} needs a closing / (a regex; "${term}" in quotes is text)`;
	}

	if (term.startsWith('/')) {
		return regexTest(term.slice(1, -1), columnsOf);
	}

	return anyColumn(term);
}

/** `idle>60`, `memory<=1M`: the value read as the field's columns write it. */
function numberTest(field: NumberField, operator: string, written: string): Test | string {
	const kind = kinds[field];
	const amount = parseAmount(written, kind);
	if (amount === undefined) {
		return notAnAmount(written, kind, field);
	}

	const compare = comparisons[operator]!;
	return (session) => {
		const exact = fieldNumber(session, field);
		const value = exact === undefined || !amount.asShown ? exact : shownValue(exact, kind);
		return value !== undefined && compare(value, amount.value);
	};
}

/** The text field a name gives (`sql`: statement), if any; own aliases only (not `constructor`, an object's). */
const textFieldNamed = (name: string): TextField | undefined => (Object.hasOwn(fieldAliases, name) ? fieldAliases[name] : textFields.has(name) ? (name as TextField) : undefined);

/** A compared field's name as typed, lower case; `I/O` (the column's title) is `io`. */
const numberName = (typed: string) => (typed.toLowerCase() === 'i/o' ? 'io' : typed.toLowerCase());

/** Terms split at spaces, except inside double quotes (`state:"session started"`). */
function terms(text: string): string[] {
	return text.match(/(?:[^\s"]+|"[^"]*"?)+/g) ?? [];
}

/** The number field a term compares (`idle>60`, `!io=0`), if it is one. */
function numberFieldOf(raw: string): NumberField | undefined {
	const typed = /^!?(i\/o|[a-z]+)(?:>=|<=|>|<|=)/i.exec(raw)?.[1];
	const field = typed === undefined ? undefined : numberName(typed);
	return field !== undefined && numberFields.has(field) ? (field as NumberField) : undefined;
}

/**
 * The field of a term that a MaxScale may not report at all (`io` before 23.02, `memory` before
 * 22.08, `server` before 2.3), for unreportedField. Not `running`: a run time is a statement's,
 * unknown while statements are off and none while none runs.
 */
function reportableOf(raw: string): string | undefined {
	const field = fieldNamed(raw);
	return field === 'server' || (field !== undefined && field !== 'running' && numberFields.has(field)) ? field : undefined;
}

/** The field a term names (`user:app`, `sql:x`, `!idle>60`), if it names a known one. */
function fieldNamed(raw: string): TextField | NumberField | undefined {
	// A text field with `:`, a number field with a comparison, as parseTerm reads them: `idle:5`
	// and `user>x` name no column (review): each is a mistake, named beside the prompt.
	const number = numberFieldOf(raw);
	if (number !== undefined) {
		return number;
	}

	const named = /^!?([a-z]+):/i.exec(raw)?.[1]?.toLowerCase();
	return named === undefined ? undefined : textFieldNamed(named);
}

export function parseFilter(text: string): Filter {
	const tests: Test[] = [];
	const errors: string[] = [];
	const all = terms(text);
	for (const raw of all) {
		// An odd count: the last quote has no partner (terms() ends a term at a closing one).
		if ((raw.match(/"/g)?.length ?? 0) % 2 === 1) {
			errors.push(`${raw} has no closing quote`);
		}

		const negate = raw.startsWith('!');
		const parsed = raw === '!' ? '! needs a term after it (e.g. !state:started)' : raw.startsWith('!!') ? repeatedNot(raw) : parseTerm(negate ? raw.slice(1) : raw);
		if (typeof parsed === 'string') {
			errors.push(parsed);
		} else if (negate) {
			// A figure the MaxScale does not report matches nothing, negated too (as NULL in SQL):
			// `!io>0` on a 22.08 kept every session, as if each had no I/O.
			// So does a statement not known (the Statement column hidden, or a MaxScale before 2.3.1):
			// `!statement:select` kept every session, as if none ran a SELECT (QA).
			// And so does a session's servers before 2.3, which reports none.
			const number = numberFieldOf(raw);
			const field = fieldNamed(raw);
			tests.push(
				number !== undefined
					? (session) => fieldNumber(session, number) !== undefined && !parsed(session)
					: field === 'statement'
						? (session) => session.statement !== undefined && !parsed(session)
						: field === 'server'
							? (session) => session.servers !== undefined && !parsed(session)
							: (session) => !parsed(session),
			);
		} else {
			tests.push(parsed);
		}
	}

	const test: Test | undefined =
		tests.length === 0 ? undefined : (session) => tests.every((each) => each(session));
	// A run time is a statement's: not known while statements are off, and none while none runs
	// (not a figure the MaxScale leaves out, as io before 23.02 is).
	const numbers = all.map((raw) => reportableOf(raw)).filter((field) => field !== undefined);
	const named = [...new Set(all.flatMap((raw) => fieldNamed(raw) ?? []))];
	const statement = named.includes('statement') || named.includes('running');
	const plain = all.some((raw) => !/^!?[a-z]+(?::|>=|<=|>|<|=)/i.test(raw));
	return {text, test, error: errors[0], ...(numbers.length === 0 ? {} : {numbers}), ...(statement ? {statement} : {}), ...(plain ? {plain} : {}), ...(named.length === 0 ? {} : {named})};
}

/** A number field the filter compares, and the MaxScales none of whose sessions (of those its other terms keep) has it. */
export type Unreported = {field: string; hosts: string[]};

/**
 * A field the filter names that a MaxScale does not report (`io` before 23.02, `memory` before
 * 22.08, `server` before 2.3: none of its sessions has it): said when the filter leaves nothing,
 * rather than a bare "no session matches", naming the MaxScales when several are watched
 * and not all of them are such. Only walks the list when the filter names such a field.
 */
export function unreportedField(filter: Filter, sessions: readonly Session[]): Unreported | undefined {
	if (filter.numbers === undefined) {
		return undefined;
	}

	// Among the sessions the filter's other terms keep (`maxscale:mx2 memory>1K`: mx2's), so
	// that a MaxScale those terms leave out is not named; none kept, the figure is not why.
	const others = parseFilter(terms(filter.text).filter((raw) => reportableOf(raw) === undefined && numberFieldOf(raw) === undefined).join(' ')).test;
	const kept = others === undefined ? sessions : sessions.filter((session) => others(session));
	for (const field of filter.numbers) {
		const reports = new Map<string, boolean>();
		for (const session of kept) {
			const has = field === 'server' ? session.servers !== undefined : fieldNumber(session, field as NumberField) !== undefined;
			reports.set(session.host, reports.get(session.host) === true || has);
		}

		const hosts = [...reports].filter(([, has]) => !has).map(([host]) => host);
		if (hosts.length > 0) {
			return {field, hosts};
		}
	}

	return undefined;
}

export const noFilter: Filter = {text: '', test: undefined};
