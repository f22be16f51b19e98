// MaxScale's JSON pointer lookup (mxb::json_ptr): '/'-separated tokens, array elements by
// decimal index. No ~0/~1 unescaping: MaxScale does not do it either.

import {type Json, Real} from './jansson.js';

export function resolvePointer(root: Json, pointer: string): Json | undefined {
	const tokens = pointer.split('/');
	if (tokens[0] === '') {
		tokens.shift();
	}

	let node: Json | undefined = root;
	for (const token of tokens) {
		if (token === '') {
			// A trailing '/' ends the pointer.
			continue;
		}

		if (Array.isArray(node)) {
			node = /^\d+$/.test(token) ? node[Number(token)] : undefined;
		} else if (node !== null && typeof node === 'object' && !(node instanceof Real)) {
			node = Object.hasOwn(node, token) ? node[token] : undefined;
		} else {
			return undefined;
		}

		if (node === undefined) {
			return undefined;
		}
	}

	return node;
}
