// The pathological input shapes of tests/pathological.rs, made at any size.
// Shared by pathological.mjs (time and memory) and stackdepth.mjs (WASM stack).

/** `pattern` repeated to `bytes` bytes of UTF-8, cut on a character boundary. */
export function fill(pattern, bytes) {
  const buf = Buffer.from(pattern.repeat(Math.ceil(bytes / Buffer.byteLength(pattern)) + 1)).subarray(0, bytes);
  let cut = buf.length;
  while (cut > 0 && (buf[cut] & 0xc0) === 0x80) cut--; // back to a character start
  return buf.subarray(0, cut).toString("utf8");
}

/** Nesting as deep as the size allows: `open` × n, a word, `close` × n. */
export const nested = (open, close, bytes) => {
  const n = Math.floor(bytes / (Buffer.byteLength(open) + Buffer.byteLength(close)));
  return open.repeat(n) + "x" + close.repeat(n);
};

/** `line(i)` for i = 0, 1, … up to `bytes` bytes (ASCII lines). */
export const numbered = (line, bytes) => {
  const parts = [];
  for (let i = 0, n = 0; n < bytes; i++) {
    parts.push(line(i));
    n += parts.at(-1).length;
  }
  return parts.join("");
};

/** `[name, make(bytes)]` for each shape. */
export const PATHOLOGICAL_INPUTS = [
  ["quotation marks, every style", (b) => fill("\"“”'‘’«»„‚「」‹›", b)],
  ["quotation marks, only `\"`", (b) => fill('"', b)],
  ["no whitespace, news-like", (b) => fill("Kim“said”Seoul,Pompeo:“We’re”fine.U.S.—", b)],
  ["one-word paragraphs", (b) => fill("word\n\n", b)],
  ["quotes nested as deep as the size allows", (b) => nested("“a ‘b ", "’ c” d", b)],
  ["quotes with cues in one run-on sentence", (b) => numbered((i) => `he said "word${i}" and `, b)],
  ["a single word", (b) => fill("a", b)],
];
