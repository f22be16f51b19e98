// MaxScale's three date formats, C library quirks included.

import assert from 'node:assert/strict';
import {it} from 'node:test';
import {asctime, httpDate, isoLocal} from '../../source/simulator/dates.js';

it('asctime pads a one-digit day with a space, in local time', () => {
	assert.equal(asctime(new Date(2024, 4, 7, 10, 6, 35).getTime()), 'Tue May  7 10:06:35 2024');
	assert.equal(asctime(new Date(2017, 6, 17, 11, 10, 39).getTime()), 'Mon Jul 17 11:10:39 2017');
});

it('http_to_date is RFC 1123 in GMT', () => {
	assert.equal(httpDate(Date.UTC(2023, 6, 21, 6, 46, 44)), 'Fri, 21 Jul 2023 06:46:44 GMT');
	assert.equal(httpDate(Date.UTC(2024, 0, 5, 7, 24, 6, 999)), 'Fri, 05 Jan 2024 07:24:06 GMT');
});

it('query timestamps use strftime %G, the ISO week-based year', () => {
	assert.equal(isoLocal(new Date(2023, 6, 20, 7, 28, 51, 7).getTime()), '2023-07-20T07:28:51.007');
	// 30 Dec 2024 is in ISO week 1 of 2025; 1 Jan 2021 is in week 53 of 2020.
	assert.equal(isoLocal(new Date(2024, 11, 30, 12, 0, 0, 5).getTime()), '2025-12-30T12:00:00.005');
	assert.equal(isoLocal(new Date(2021, 0, 1, 0, 0, 0, 250).getTime()), '2020-01-01T00:00:00.250');
});
