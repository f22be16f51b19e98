// Imported first by a test that must see Ink's styles (an inverse cell): chalk, which Ink
// colours through, reads FORCE_COLOR once, when it loads, and finds no terminal under test.
process.env['FORCE_COLOR'] = '1';
