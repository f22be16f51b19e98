// Why jansson refuses a request body, word for word. admin.cc runs json_loadb(body, size, 0, &err)
// on every non-empty body and answers 400 with "Invalid JSON in request: " + err.text, so the
// text is part of the reply. This is jansson's load.c (lexer and parser) reduced to its error
// messages: the first error set wins (jsonp_error_set keeps it), with " near '<token>'" when the
// token read so far is 1-20 bytes, " near end of file" when it is empty, and flags 0: the top
// level must be an object or an array, and nothing may follow it. Valid JSON gives undefined.

import {Lexer, tokEOF, tokInteger, tokInvalid, tokReal, tokString, tokWord} from './jansson-lexer.js';

const maxDepth = 2048; // JSON_PARSER_MAX_DEPTH

/** json_loadb(body, size, 0, &err): err.text when the body is refused, undefined when it is JSON. */
export function janssonLoadError(body: Uint8Array): Buffer | undefined {
	const lex = new Lexer(body);
	// Read through a function: the token changes under every scan() (no narrowing across calls).
	const token = (): number => lex.token;
	let depth = 0;
	const value = (): boolean => {
		if (++depth > maxDepth) {
			lex.fail('maximum parsing depth reached');
			return false;
		}

		const t = token();
		const ok = t === tokString ? !lex.hasNul || (lex.fail('\\u0000 is not allowed without JSON_ALLOW_NUL'), false)
			: t === 0x7B ? object()
				: t === 0x5B ? array()
					: t === tokInteger || t === tokReal || t === tokWord || (lex.fail(t === tokInvalid ? 'invalid token' : 'unexpected token'), false);
		if (ok) {
			depth--;
		}

		return ok;
	};

	const object = (): boolean => {
		if (lex.scan() === 0x7D) {
			return true;
		}

		for (;;) {
			if (token() !== tokString) {
				lex.fail('string or \'}\' expected');
				return false;
			}

			if (lex.hasNul) {
				lex.fail('NUL byte in object key not supported');
				return false;
			}

			if (lex.scan() !== 0x3A) {
				lex.fail('\':\' expected');
				return false;
			}

			lex.scan();
			if (!value()) {
				return false;
			}

			if (lex.scan() !== 0x2C) {
				break;
			}

			lex.scan();
		}

		return token() === 0x7D || (lex.fail('\'}\' expected'), false);
	};

	const array = (): boolean => {
		if (lex.scan() === 0x5D) {
			return true;
		}

		while (token() !== tokEOF) {
			if (!value()) {
				return false;
			}

			if (lex.scan() !== 0x2C) {
				break;
			}

			lex.scan();
		}

		return token() === 0x5D || (lex.fail('\']\' expected'), false);
	};

	lex.scan();
	if (token() !== 0x5B && token() !== 0x7B) {
		lex.fail('\'[\' or \'{\' expected');
	} else if (value() && lex.scan() !== tokEOF) {
		lex.fail('end of file expected');
	}

	return lex.error;
}
