#!/usr/bin/env node
// Fills the option lists of the division selects (cityCode, countyCode,
// townshipCode) in the start forms from the Shanxi divisions CSV, so that
// division codes are never typed by hand. The city select lists the 11 cities;
// the county select offers only the counties of the chosen city and the
// township select only the townships of the chosen county: their options are a
// FEEL expression (form-js `valuesExpression`, which Camunda Forms 1.8.7 in
// Tasklist evaluates whenever the form's data change) that picks the chosen
// parent's list out of a context of all lists, keyed by the parent's code:
//   =get value({"1401": [...], ...}, cityCode)
// With no parent chosen it gives null, and the select offers nothing.
//
// Usage (from the repository root):
//   node scripts/forms/divisions-to-form.mjs [path/to/shanxi-divisions.csv]
//
// The CSV has the columns code,name,level,parent_code with the levels
// province, city, county and township. Labels (the parent is the chosen one):
//   city      太原市 1401
//   county    岢岚县 140929
//   township  岚漪镇 140929100
// Only the options (`values` or `valuesExpression`) of the three selects are
// rewritten; everything else in the forms is left as it is.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const FORM_FILES = [
  'forms/register-household.form',
  'forms/start-rectification-check.form',
];

// the repository's own copy: a generator never reads a path outside the repository
const CSV_PATH = resolve(REPO, 'src/main/resources/data/shanxi-divisions.csv');

export function defaultCsvPath() {
  if (!existsSync(CSV_PATH)) {
    throw new Error(`${CSV_PATH} not found; pass the CSV's path as the first argument`);
  }
  return CSV_PATH;
}

function parseCsvLine(line) {
  const cells = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { cells.push(cell); cell = ''; }
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

export function readDivisions(csvPath = defaultCsvPath()) {
  const lines = readFileSync(csvPath, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = parseCsvLine(lines[0]).map((h) => h.trim());
  const col = (name) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`column ${name} missing in ${csvPath}`);
    return i;
  };
  const [iCode, iName, iLevel, iParent] = ['code', 'name', 'level', 'parent_code'].map(col);
  const rows = lines.slice(1).map((line) => {
    const c = parseCsvLine(line);
    return { code: c[iCode].trim(), name: c[iName].trim(), level: c[iLevel].trim(), parent: c[iParent].trim() };
  });
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const level = (l) => rows.filter((r) => r.level === l).sort((a, b) => a.code.localeCompare(b.code));
  const parentName = (r) => {
    const p = byCode.get(r.parent);
    if (!p) throw new Error(`${r.level} ${r.code} ${r.name}: parent ${r.parent} not in CSV`);
    return p.name;
  };
  const option = (r) => ({ label: `${r.name} ${r.code}`, value: r.code });
  const byParent = (l) => {
    const lists = {};
    for (const r of level(l)) {
      parentName(r); // every county and township has its parent in the CSV
      (lists[r.parent] ||= []).push(option(r));
    }
    return lists;
  };
  const values = {
    cityCode: level('city').map(option),
    countyCode: { parentKey: 'cityCode', lists: byParent('county') },
    townshipCode: { parentKey: 'countyCode', lists: byParent('township') },
  };
  for (const [key, list] of Object.entries(values)) {
    if ((Array.isArray(list) ? list : Object.keys(list.lists)).length === 0) throw new Error(`no rows for ${key} in ${csvPath}`);
  }
  return values;
}

/** A FEEL string literal. */
const feelString = (text) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** The FEEL expression that gives the options of the chosen parent: =get value({"1409": [...], ...}, cityCode). */
export function optionsOfChosenParent({ parentKey, lists }) {
  const entries = Object.entries(lists).map(([parent, options]) => `${feelString(parent)}: [${options
    .map((o) => `{label: ${feelString(o.label)}, value: ${feelString(o.value)}}`).join(', ')}]`);
  return `=get value({${entries.join(', ')}}, ${parentKey})`;
}

/** How many options a select offers in all (for the log). */
export function optionCount(options) {
  return Array.isArray(options) ? options.length : Object.values(options.lists).reduce((n, l) => n + l.length, 0);
}

/**
 * Sets the options of every select whose key is cityCode, countyCode or townshipCode: `values` for the cities,
 * `valuesExpression` (the options of the chosen parent) for counties and townships. Returns the keys patched.
 */
export function applyDivisions(schema, values) {
  const patched = [];
  const walk = (components = []) => {
    for (const c of components) {
      if (c.type === 'select' && Object.hasOwn(values, c.key)) {
        if (Array.isArray(values[c.key])) {
          c.values = values[c.key];
        } else {
          delete c.values;
          c.valuesExpression = optionsOfChosenParent(values[c.key]);
        }
        patched.push(c.key);
      }
      if (Array.isArray(c.components)) walk(c.components);
    }
  };
  walk(schema.components);
  return patched;
}

export function formText(schema) {
  return JSON.stringify(schema, null, 2) + '\n';
}

export function writeForm(path, schema) {
  writeFileSync(path, formText(schema), 'utf8');
}

function main() {
  const csvPath = process.argv[2] ? resolve(process.argv[2]) : defaultCsvPath();
  const values = readDivisions(csvPath);
  for (const file of FORM_FILES) {
    const path = resolve(REPO, file);
    const schema = JSON.parse(readFileSync(path, 'utf8'));
    const patched = applyDivisions(schema, values);
    const missing = Object.keys(values).filter((k) => !patched.includes(k));
    if (missing.length) throw new Error(`${file}: no select for ${missing.join(', ')}`);
    writeForm(path, schema);
    console.log(`${file}: ${patched.map((k) => `${k} ${optionCount(values[k])}`).join(', ')} (from ${csvPath})`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
