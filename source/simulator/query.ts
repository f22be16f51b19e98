// Request parameters as MaxScale reads them from the query string (already percent-decoded by
// libmicrohttpd, so fields%5Bsessions%5D and fields[sessions] are the same key).

export type RequestOptions = {
	pretty: boolean;
	/** fields[TYPE]=a,b/c: TYPE -> list of '/'-separated paths. */
	fields: Map<string, string[]>;
	/** Raw `filter` value (json_ptr=value), if any. */
	filter: string | undefined;
	page: {size: number; number: number} | undefined;
	ttl: number;
};

const falseWords = new Set(['false', 'off', 'no', '0']);

/**
 * HttpRequest::get_option(): the first parameter whose name matches ignoring case (strcasecmp in
 * value_iterator), or "" when there is none.
 */
export function option(search: URLSearchParams, name: string): string {
	for (const [key, value] of search) {
		if (key.length === name.length && key.toLowerCase() === name) {
			return value;
		}
	}

	return '';
}

/**
 * Whether the answer is indented. admin.cc up to 22.08: only `pretty == "true" || pretty.length()
 * == 0`, so pretty=TRUE or pretty=1 are not pretty; 23.02: unless is_falsy_option("pretty"), read
 * here as config_truth_value's false words (false/off/no/0, any case).
 */
function isPretty(search: URLSearchParams, test: 'strict' | 'falsy'): boolean {
	const value = option(search, 'pretty');
	return test === 'strict' ? value === 'true' || value === '' : !falseWords.has(value.toLowerCase());
}

export function parseOptions(search: URLSearchParams, prettyTest: 'strict' | 'falsy' = 'falsy'): RequestOptions {
	const pretty = isPretty(search, prettyTest);
	const fields = new Map<string, string[]>();
	for (const [key, value] of search) {
		const m = /^fields\[(.*)\]$/.exec(key);
		if (m && !fields.has(m[1]!)) {
			// mxb::strtok skips empty tokens; an empty list means "no sparse fieldset".
			const list = value.split(',').filter(Boolean);
			if (list.length > 0) {
				fields.set(m[1]!, [...new Set(list)]);
			}
		}
	}

	return {pretty, fields, filter: search.get('filter') ?? undefined, page: parsePage(search), ttl: atoi(search.get('ttl') ?? '')};
}

function parsePage(search: URLSearchParams): RequestOptions['page'] {
	// "The value must be a valid positive integer, otherwise the parameter is ignored";
	// page[number] without page[size] is ignored too.
	const size = search.get('page[size]');
	if (size === null || !/^\d+$/.test(size) || Number(size) <= 0) {
		return undefined;
	}

	const number = search.get('page[number]');
	return {size: Number(size), number: number !== null && /^\d+$/.test(number) ? Number(number) : 0};
}

/**
 * C atoi(): leading blanks, optional sign, then digits; anything else gives 0. MaxScale reads
 * session ids with it, which is why /v1/sessions/abc asks for session 0 (never exists: 404
 * with no body) and /v1/sessions/12abc finds session 12.
 */
export function atoi(text: string): number {
	const m = /^[ \t\n\v\f\r]*([+-]?\d+)/.exec(text);
	return m ? Number(m[1]) : 0;
}
