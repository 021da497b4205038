// Generates www/worldmap.js: a small equirectangular world map (land and
// country borders) as SVG path data, from Natural Earth 1:110m via the npm
// package world-atlas (map data public domain; package ISC) and
// topojson-client (ISC). Run at build time only; the output is committed and
// the page fetches nothing.
//
// To keep it small, every arc of the topology is simplified (Douglas-Peucker,
// TOLERANCE degrees; shared arcs stay shared, so land and borders still
// meet), coordinates are rounded to whole degrees (the map is drawn a few
// hundred pixels wide, 360 units: a degree is about a pixel; tenths cost
// 2.4 KB gzip more for no visible difference), and the paths use relative
// moves with the shortest number spellings.
//
//   cd tools && npm ci && node ../scripts/gen_worldmap.mjs
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "..");
const require = createRequire(path.join(repo, "tools/package.json"));
const topojson = require("topojson-client");
const atlasPkg = require("world-atlas/package.json");
const atlas = require("world-atlas/countries-110m.json");

// Map extent: longitude -180..180, latitude 84..-60 (Antarctica left out).
const NORTH = 84;
const SOUTH = -60;
/** Douglas-Peucker tolerance in degrees. */
const TOLERANCE = Number(process.env.WORLDMAP_TOLERANCE || 0.9);
const r = (n) => Math.round(n);
const px = ([lon, lat]) => [r(lon + 180), r(NORTH - Math.max(SOUTH - 1, Math.min(NORTH, lat)))];

/** Shortest spelling of a number in tenths: 0.5 -> ".5", -0.5 -> "-.5", 2.0 -> "2". */
function num(v) {
  const t = Math.round(v * 10);
  const sign = t < 0 ? "-" : "";
  const a = Math.abs(t);
  const int = Math.floor(a / 10);
  const frac = a % 10;
  return sign + (frac ? `${int || ""}.${frac}` : String(int));
}

/** Numbers joined with as few separators as SVG path syntax allows. */
function nums(list) {
  let out = "";
  let prev = "";
  for (const s of list) {
    // A separator is needed unless the next number starts with "-", or starts
    // with "." right after a number that already has a decimal point.
    if (out && !(s[0] === "-" || (s[0] === "." && prev.includes(".")))) out += " ";
    out += s;
    prev = s;
  }
  return out;
}

function ringPath(ring, close) {
  let d = "";
  let prev = null;
  let rel = [];
  const flush = () => {
    if (rel.length) d += `l${nums(rel)}`;
    rel = [];
  };
  for (const c of ring) {
    const [x, y] = px(c);
    if (prev && prev[0] === x && prev[1] === y) continue;
    if (!prev || Math.abs(x - prev[0]) > 180) {
      // A jump across the antimeridian starts a new sub-path.
      flush();
      d += `M${nums([num(x), num(y)])}`;
    } else {
      rel.push(num(x - prev[0]), num(y - prev[1]));
    }
    prev = [x, y];
  }
  flush();
  return d && close ? `${d}Z` : d;
}

/** Perpendicular distance of p from the segment a-b. */
function dist(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas-Peucker: the points of `line` to keep (both ends always kept). */
function simplify(line, tol) {
  if (line.length < 3) return line;
  const keep = new Uint8Array(line.length);
  keep[0] = keep[line.length - 1] = 1;
  const stack = [[0, line.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop();
    let best = -1;
    let at = -1;
    for (let k = i + 1; k < j; k++) {
      const dd = dist(line[k], line[i], line[j]);
      if (dd > best) [best, at] = [dd, k];
    }
    if (best > tol) {
      keep[at] = 1;
      stack.push([i, at], [at, j]);
    }
  }
  // A closed arc (a whole island) keeps at least a triangle.
  const out = line.filter((_, k) => keep[k]);
  if (out.length < 4 && line[0][0] === line[line.length - 1][0] && line[0][1] === line[line.length - 1][1] && line.length >= 4) {
    const third = Math.floor(line.length / 3);
    return [line[0], line[third], line[2 * third], line[line.length - 1]];
  }
  return out;
}

/** The topology with absolute, simplified arcs (no quantisation transform). */
function simplifyTopology(topo, tol) {
  const { scale, translate } = topo.transform || { scale: [1, 1], translate: [0, 0] };
  const arcs = topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    const abs = arc.map(([dx, dy]) => {
      if (topo.transform) {
        x += dx;
        y += dy;
      } else {
        [x, y] = [dx, dy];
      }
      return [x * scale[0] + translate[0], y * scale[1] + translate[1]];
    });
    return simplify(abs, tol);
  });
  const { transform, ...rest } = topo;
  return { ...rest, arcs };
}

/**
 * The sub-paths of a filled ring: one, or for a ring that crosses the
 * antimeridian (Russia, Fiji) the ring made continuous past ±180° and drawn
 * twice, 360° apart; the map's edges clip both. (Split at the jump instead,
 * each piece would be closed by a chord across the whole map.)
 */
function fillRings(ring) {
  let shift = 0;
  let prev = null;
  const out = [];
  for (const [lon, lat] of ring) {
    let x = lon + shift;
    if (prev !== null && Math.abs(x - prev) > 180) {
      shift += x > prev ? -360 : 360;
      x = lon + shift;
    }
    out.push([x, lat]);
    prev = x;
  }
  if (shift === 0 && out.every(([x]) => x >= -180 && x <= 180)) return [ring];
  const other = Math.min(...out.map(([x]) => x)) < -180 ? 360 : -360;
  return [out, out.map(([x, lat]) => [x + other, lat])];
}

function geomPath(g, close) {
  const polys = g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : null;
  if (polys) return polys.flatMap((p) => p.flatMap((ring) => (close ? fillRings(ring) : [ring]).map((r) => ringPath(r, close)))).join("");
  const lines = g.type === "LineString" ? [g.coordinates] : g.type === "MultiLineString" ? g.coordinates : [];
  return lines.map((l) => ringPath(l, false)).join("");
}

const world = simplifyTopology(atlas, TOLERANCE);
const land = topojson.merge(world, world.objects.countries.geometries.filter((g) => g.id !== "010"));
const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);

const out = `// Generated by scripts/gen_worldmap.mjs from world-atlas ${atlasPkg.version}
// (Natural Earth 1:110m, public domain), simplified to ${TOLERANCE}°. Do not edit by hand.
// Equirectangular: x = lon + 180, y = ${NORTH} - lat; the map covers latitudes ${NORTH}..${SOUTH}.
export const WIDTH = 360;
export const HEIGHT = ${NORTH - SOUTH};
export const NORTH = ${NORTH};
export const SOUTH = ${SOUTH};
export const LAND = ${JSON.stringify(geomPath(land, true))};
export const BORDERS = ${JSON.stringify(geomPath(borders, false))};
/** SVG coordinates of a longitude/latitude, or null outside the map. */
export function project(lon, lat) {
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || lon < -180 || lon > 180 || lat > NORTH || lat < SOUTH) return null;
  return [lon + 180, NORTH - lat];
}
`;
const dest = path.join(repo, "www/worldmap.js");
fs.writeFileSync(dest, out);
console.log(`wrote ${path.relative(process.cwd(), dest)} (${(out.length / 1024).toFixed(1)} KiB)`);
