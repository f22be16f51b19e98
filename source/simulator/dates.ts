// The three date formats MaxScale prints, reproduced with their C library quirks.

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number): string => (n < 10 ? '0' : '') + String(n);

/**
 * asctime_r(localtime_r(t)) with the trailing newline trimmed, as session `connected` up to
 * 22.08: "Mon Jul 17 11:10:39 2017". asctime pads the day of month with a SPACE to width 2
 * ("Wed May  7 10:06:35 2017"), which naive formatters get wrong.
 */
export function asctime(ms: number): string {
	const d = new Date(ms);
	const day = d.getDate();
	return `${days[d.getDay()]} ${months[d.getMonth()]} ${day < 10 ? ' ' : ''}${day} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())} ${d.getFullYear()}`;
}

/** MaxScale's http_to_date(): RFC 1123 in GMT, "Fri, 21 Jul 2023 06:46:44 GMT" (23.02+ sessions). */
export function httpDate(ms: number): string {
	const d = new Date(ms);
	return `${days[d.getUTCDay()]}, ${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} GMT`;
}

/**
 * Local ISO time with milliseconds, as in queries[].received/completed. MaxScale formats it with
 * strftime("%G-%m-%dT%H:%M:%S"): %G is the ISO-8601 WEEK-based year, so on 29-31 December or
 * 1-3 January the year can be off by one ("2025-12-30T..." for 30 Dec 2024). Reproduced on purpose.
 */
export function isoLocal(ms: number): string {
	const second = Math.floor(ms / 1000);
	let prefix = isoCache.get(second);
	if (prefix === undefined) {
		const d = new Date(second * 1000);
		const month = d.getMonth();
		const day = d.getDate();
		const nearNewYear = (month === 0 && day <= 3) || (month === 11 && day >= 29);
		prefix = `${nearNewYear ? isoWeekYear(d) : d.getFullYear()}-${two(month + 1)}-${two(day)}T${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}.`;
		if (isoCache.size > 50_000) {
			isoCache.clear();
		}

		isoCache.set(second, prefix);
	}

	const millis = ms - (second * 1000);
	return prefix + (millis < 10 ? '00' : (millis < 100 ? '0' : '')) + String(millis);
}

const isoCache = new Map<number, string>();

function isoWeekYear(d: Date): number {
	// The ISO week-year is the calendar year of the Thursday in the same (Monday-based) week.
	const thursday = new Date(d.getFullYear(), d.getMonth(), d.getDate());
	thursday.setDate(thursday.getDate() + 3 - ((thursday.getDay() + 6) % 7));
	return thursday.getFullYear();
}

/** mxb::format_timestamp() as used in session trace lines: "2024-01-05 07:24:06", or "…07:24:06.123" (`millis`: its highprecision, 24.02). */
export function logTimestamp(ms: number, millis = false): string {
	const d = new Date(ms);
	const seconds = `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
	return millis ? `${seconds}.${String(d.getMilliseconds()).padStart(3, '0')}` : seconds;
}
