// Parses PowerShell scripts with tree-sitter-powershell (web-tree-sitter) and
// checks them as PowerShell would read them: no ERROR or MISSING node, and
// every expected name found verbatim in a single-quoted (verbatim) string
// literal once the literal is decoded ('' and the doubled typographic single
// quotes U+2018..U+201B read back as one quote).
//
//   node --liftoff-only check-powershell.mjs SCRIPT.ps1 [--names NAMES.json]
//       NAMES.json: a JSON array of the names that must come back.
//   --expect-invalid: passes only when every script is rejected (the test
//       that the check can fail).
// Exit codes: 0 passed, 1 failed, 2 could not check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

function fatal(message) {
  console.error(`check-powershell: ${message}`);
  process.exit(2);
}

let Parser, Language;
try {
  ({ Parser, Language } = await import('web-tree-sitter'));
} catch (e) {
  fatal(`web-tree-sitter is not installed (bash .ci/deps runs npm ci in tests/tools): ${e.message}`);
}

const args = process.argv.slice(2);
let expectInvalid = false;
let namesFile = null;
const scripts = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--expect-invalid') expectInvalid = true;
  else if (args[i] === '--names') namesFile = args[++i];
  else scripts.push(args[i]);
}
if (scripts.length === 0) fatal('no script given');

await Parser.init();
const language = await Language.load(
  path.join(here, 'node_modules/tree-sitter-powershell/tree-sitter-powershell.wasm'));
const parser = new Parser();
parser.setLanguage(language);

const quotes = /['\u2018\u2019\u201a\u201b]{2}/g;
export function decodeVerbatim(text) {
  // The literal's text between its quotes: each doubled quote is one.
  return text.slice(1, -1).replace(quotes, (pair) => pair[0]);
}

function check(file) {
  const problems = [];
  let source = readFileSync(file, 'utf8');
  if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
  const tree = parser.parse(source);
  const literals = new Set();
  const walk = (node) => {
    if (node.isMissing) problems.push(`MISSING ${node.type} at ${node.startPosition.row + 1}:${node.startPosition.column + 1}`);
    else if (node.type === 'ERROR') problems.push(`ERROR at ${node.startPosition.row + 1}:${node.startPosition.column + 1}: ${JSON.stringify(node.text.slice(0, 80))}`);
    if (node.type === 'verbatim_string_characters') literals.add(decodeVerbatim(node.text));
    for (let i = 0; i < node.childCount; ++i) walk(node.child(i));
  };
  walk(tree.rootNode);
  if (namesFile) {
    for (const name of JSON.parse(readFileSync(namesFile, 'utf8'))) {
      if (!literals.has(name)) problems.push(`name not found as a literal: ${JSON.stringify(name)}`);
    }
  }
  return problems;
}

let failed = false;
for (const file of scripts) {
  const problems = check(file);
  if (expectInvalid) {
    if (problems.length === 0) {
      console.error(`${file}: accepted, but it should have been rejected`);
      failed = true;
    } else {
      console.log(`${file}: rejected as expected (${problems[0]})`);
    }
  } else if (problems.length > 0) {
    for (const p of problems.slice(0, 20)) console.error(`${file}: ${p}`);
    failed = true;
  } else {
    console.log(`${file}: ok`);
  }
}
process.exit(failed ? 1 : 0);
