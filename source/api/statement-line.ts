// A session's newest retained statement (`queries[0].statement`, MaxScale 2.3.1+ with
// retain_last_statements) as one line of the list: SQL spans lines and indents, and a
// list's cell shows its start, so each run of white space is one space. Only the head of a
// long statement is read (a bulk INSERT can be megabytes): the cell, the sort and the filter
// need its first few hundred characters, the pane has the whole document.

import {longestShown, shown} from '../model/sanitize.js';

/** Characters of the server's text looked at: more than a line shows, room for white space to fold. */
const headRead = longestShown * 2;

export function statementLine(raw: string): string {
	const head = raw.length > headRead ? raw.slice(0, headRead) : raw;
	const line = head.replaceAll(/\s+/g, ' ').trim();
	// shown() cuts past longestShown with an ellipsis; a head cut here says so too.
	return shown(head === raw || line.length > longestShown ? line : `${line}…`);
}
