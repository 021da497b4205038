// Generates data/organisations.txt: well-known organisations (companies,
// platforms, news outlets, agencies, parties, bands) whose names the entity
// tagger, trained on 1996 wire copy and a little modern text, can take for
// a person or a place (`Twitter`, `Netflix`, `YouTube`, `Walmart`).
//
// The source is the lexicon of the npm package compromise (MIT licence), its
// words tagged `Organization` or `Company`: the version pinned in
// tools/bench/package.json, which `make bench` installs anyway (it is the
// peer the bench compares against). Run at build time only; the output is
// committed.
//
//   (cd tools/bench && npm ci) && node scripts/gen_organisations.mjs
//
// Each line is one name in the annotator's lookup form (see
// `organisations::org_key`): lower case, hyphens as spaces, no full stops,
// no spaces around `&`, typographic apostrophes straight. Sorted by byte,
// no duplicates.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const require = createRequire(path.join(repo, "tools/bench/package.json"));
const nlp = require("compromise");
const version = nlp.version;

// Entries of the lexicon that are no organisation's name: abbreviations of
// the words organisations' names end in (`Inc`, `Dept`), which the
// annotator reads as part of a longer name; groups of people; a person
// (`Coco Chanel`); names of places as much as of organisations (`Notre
// Dame`, `Roman Empire`).
const LEFT_OUT = new Set(["dept", "univ", "assn", "inc", "ltd", "co", "brexiteers", "eurosceptics", "coco chanel", "notre dame", "roman empire"]);

/** The annotator's lookup form of a name (as `organisations::org_key` makes it). */
function key(name) {
  return name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\./g, "")
    .replace(/-/g, " ")
    .replace(/\s*&\s*/g, "&")
    .replace(/\s+/g, " ")
    .trim();
}

const lexicon = nlp.model().one.lexicon;
const names = new Set();
for (const [word, tag] of Object.entries(lexicon)) {
  if (!/^(Organization|Company)$/.test(String(tag))) continue;
  const k = key(word);
  if (k.length < 2 || LEFT_OUT.has(k)) continue;
  names.add(k);
}
const sorted = [...names].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
const out = path.join(repo, "data/organisations.txt");
fs.writeFileSync(out, sorted.join("\n") + "\n");
console.log(`${path.relative(repo, out)}: ${sorted.length} names from compromise ${version} (${fs.statSync(out).size} bytes)`);
