import {isSessionRow, type Row} from '../../source/model/rows.js';

/** A row as short text: `S:name:count` for services, `T:state:count`, the id for sessions, `x<id>` for ghosts. */
export function label(row: Row): string {
	if (isSessionRow(row)) {
		return row.id;
	}

	switch (row.kind) {
		case 'service': {
			return `S:${row.service}:${row.count}${row.collapsed ? '+' : ''}`;
		}

		case 'state': {
			return `T:${row.state}:${row.count}${row.collapsed ? '+' : ''}`;
		}

		case 'ghost': {
			return `x${row.session.id}`;
		}
	}
}
