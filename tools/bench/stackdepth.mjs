// How deep the WASM stack really gets: the stack region of linear memory is
// painted with a byte pattern before each call, and read back after it; the
// lowest byte no longer painted is the deepest the stack reached. Runs the
// pathological shapes of inputs.mjs (1 MB each, through annotateJson
// and annotate) and every document of the dev corpora. Sizes the stack in
// .cargo/config.toml (-zstack-size), which it reads for the stack's top
// (rust-lld puts the stack first: it is [0, size) and grows down).
//
//   node tools/bench/stackdepth.mjs [PKG_NODE dir]      (wasm-pack --target nodejs)
import fs from "node:fs";
import path from "node:path";
import { crateRoot, loadCorpus, loadWasm } from "./common.mjs";
import { PATHOLOGICAL_INPUTS as INPUTS } from "./inputs.mjs";

const config = fs.readFileSync(path.join(crateRoot, ".cargo/config.toml"), "utf8");
const top = Number(process.env.STACK_TOP || /-zstack-size=(\d+)/.exec(config)?.[1] || 1048576);

// The instance, to reach its memory (the glue does not export it).
const { mod, instance } = loadWasm(process.argv[2]);

const MB = 1_000_000;
const PAINT = 0xa5;
const mem = () => new Uint8Array(instance().exports.memory.buffer);
// Between calls no WASM frame is live, so the whole stack can be painted
// (the first KB is left alone: address 0 is null).
const paint = () => mem().fill(PAINT, 1024, top);
const depth = () => {
  const m = mem();
  let i = 1024;
  while (i < top && m[i] === PAINT) i++;
  return top - i;
};

function measure(text) {
  paint();
  mod.annotateJson(text, { offsets: "utf16" });
  const json = depth();
  paint();
  mod.annotate(text, { offsets: "codepoint" });
  return Math.max(json, depth());
}

let deepest = 0;
for (const [name, make] of INPUTS) {
  const d = measure(make(MB));
  deepest = Math.max(deepest, d);
  console.log(`${name}, 1 MB: ${d} B`);
}
for (const corpus of ["polnear-dev", "conll2003-dev", "gum-dev"]) {
  const docs = loadCorpus(corpus);
  const d = Math.max(...docs.map(measure));
  deepest = Math.max(deepest, d);
  console.log(`${corpus} (${docs.length} documents): ${d} B`);
}
console.log(`deepest: ${deepest} B of a ${top} B stack (${((100 * deepest) / top).toFixed(1)} %)`);
