// Checks SARIF reports as their consumers read them: the official SARIF 2.1.0
// JSON schema (rtm.5, as shipped in @microsoft/jest-sarif) with ajv, and what
// GitHub code scanning needs on top of it (a region with startLine, a
// primaryLocationLineHash, a relative uri with its %SRCROOT% base, rules with
// shortDescription, fullDescription and help).
//
//   node validate-sarif.mjs FILE.sarif...
//       validates report files.
//   node validate-sarif.mjs --program TOPOLOGY-DESIGNER [--sample] [LAYOUT...]
//       runs `TOPOLOGY-DESIGNER validate LAYOUT --format sarif` (and --format
//       json, to check that the SARIF holds the same findings) on each layout
//       and validates the report.
//   --expect-invalid schema|github
//       inverts the verdict: passes only if every input is rejected by that
//       check (the test that the checks can fail).
//
// Exit codes: 0 passed, 1 failed, 2 could not check (tools not installed, bad usage).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

function fatal(message) {
  console.error(`validate-sarif: ${message}`);
  process.exit(2);
}

const schemaPath = path.join(here, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
if (!existsSync(schemaPath))
  fatal(`the pinned tools are not installed (${schemaPath} is missing): run 'npm ci --prefix tests/tools' (.ci/deps does)`);
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

// unicodeRegExp off: the schema's `language` pattern is not a valid unicode-mode regular expression.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSchema = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

// The root that a relative uri is relative to, decided as the program does:
// the git work tree holding the file, else the directory the program ran in.
function expectedRoot(file, cwd) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git')))
      return dir;
    if (path.dirname(dir) === dir)
      return cwd;
  }
}

// GitHub code scanning's needs; returns a list of problems.
function githubProblems(log, layout) {
  const problems = [];
  const run = log.runs?.[0];
  if (!run)
    return ['no run'];
  const rules = run.tool?.driver?.rules ?? [];
  if (rules.length === 0)
    problems.push('the driver lists no rules');
  const ruleIds = new Set();
  for (const rule of rules) {
    ruleIds.add(rule.id);
    for (const key of ['shortDescription', 'fullDescription', 'help']) {
      if (!rule[key]?.text?.trim())
        problems.push(`rule ${rule.id}: no ${key}.text`);
    }
  }
  const bases = run.originalUriBaseIds ?? {};
  const fingerprints = new Map();
  (run.results ?? []).forEach((result, i) => {
    const where = `result ${i} (${result.ruleId})`;
    if (!ruleIds.has(result.ruleId))
      problems.push(`${where}: rule not in the driver's rules`);
    else if (result.ruleIndex !== undefined && rules[result.ruleIndex]?.id !== result.ruleId)
      problems.push(`${where}: ruleIndex ${result.ruleIndex} names another rule`);
    if (!result.message?.text?.trim())
      problems.push(`${where}: no message text`);
    const physical = result.locations?.[0]?.physicalLocation;
    const startLine = physical?.region?.startLine;
    if (!Number.isInteger(startLine) || startLine < 1)
      problems.push(`${where}: no region.startLine`);
    const artifact = physical?.artifactLocation ?? {};
    const uri = artifact.uri ?? '';
    if (!uri || /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(uri) || uri.startsWith('/'))
      problems.push(`${where}: uri '${uri}' is not relative`);
    if (artifact.uriBaseId !== undefined && !bases[artifact.uriBaseId]?.uri?.endsWith('/'))
      problems.push(`${where}: uriBaseId ${artifact.uriBaseId} is not in originalUriBaseIds (ending with '/')`);
    if (layout && artifact.uriBaseId !== undefined) {
      const root = fileURLToPath(bases[artifact.uriBaseId].uri);
      const resolved = path.resolve(root, decodeURIComponent(uri));
      if (resolved !== path.resolve(layout.file))
        problems.push(`${where}: uri resolves to ${resolved}, not ${path.resolve(layout.file)}`);
      if (path.resolve(root) !== expectedRoot(path.resolve(layout.file), layout.cwd))
        problems.push(`${where}: %SRCROOT% is ${root}, not the repository root ${expectedRoot(path.resolve(layout.file), layout.cwd)}`);
    }
    const hash = result.partialFingerprints?.primaryLocationLineHash;
    if (typeof hash !== 'string' || !hash)
      problems.push(`${where}: no partialFingerprints.primaryLocationLineHash`);
    else if (fingerprints.has(hash))
      problems.push(`${where}: same primaryLocationLineHash as result ${fingerprints.get(hash)}`);
    else
      fingerprints.set(hash, i);
  });
  return problems;
}

// The SARIF must say what the JSON report says, finding by finding.
function jsonProblems(log, json) {
  const results = log.runs?.[0]?.results ?? [];
  const findings = json.findings ?? [];
  if (results.length !== findings.length)
    return [`${results.length} results but ${findings.length} findings in --format json`];
  const level = { error: 'error', warning: 'warning', info: 'note' };
  const problems = [];
  findings.forEach((f, i) => {
    const r = results[i];
    if (r.ruleId !== f.rule || r.message?.text !== f.message || r.level !== level[f.severity])
      problems.push(`result ${i}: ${r.ruleId}/${r.level} '${r.message?.text}' differs from the JSON finding ${f.rule}/${f.severity} '${f.message}'`);
    const names = (r.locations?.[0]?.logicalLocations ?? []).map((l) => l.name);
    if (names.join(',') !== f.subjects.join(','))
      problems.push(`result ${i}: logical locations ${names} differ from the subjects ${f.subjects}`);
  });
  return problems;
}

// Returns {schema: [...], github: [...]} problems of one report.
function check(text, layout, json) {
  let log;
  try {
    log = JSON.parse(text);
  } catch (e) {
    return { schema: [`not JSON: ${e.message}`], github: [] };
  }
  const schema = validateSchema(log)
    ? []
    : validateSchema.errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  const github = githubProblems(log, layout);
  if (json)
    github.push(...jsonProblems(log, json));
  return { schema, github };
}

function runProgram(program, args) {
  const p = spawnSync(program, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (p.error)
    fatal(`cannot run ${program}: ${p.error.message}`);
  if (p.status !== 0 && p.status !== 1)
    fatal(`${program} ${args.join(' ')} exited with ${p.status}: ${p.stderr}`);
  return p.stdout;
}

const args = process.argv.slice(2);
let program = null;
let expectInvalid = null;
let sample = false;
const inputs = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--program')
    program = args[++i];
  else if (args[i] === '--expect-invalid')
    expectInvalid = args[++i];
  else if (args[i] === '--sample')
    sample = true;
  else
    inputs.push(args[i]);
}
if (expectInvalid !== null && !['schema', 'github'].includes(expectInvalid))
  fatal('--expect-invalid takes schema or github');
if ((inputs.length === 0 && !sample) || (sample && !program))
  fatal('usage: validate-sarif.mjs [--expect-invalid schema|github] (FILE.sarif... | --program PROGRAM [--sample] [LAYOUT...])');

const reports = [];
if (program) {
  const layouts = sample ? [['--sample'], ...inputs.map((f) => [f])] : inputs.map((f) => [f]);
  for (const layout of layouts) {
    const sarif = runProgram(program, ['validate', ...layout, '--format', 'sarif']);
    const json = JSON.parse(runProgram(program, ['validate', ...layout, '--format', 'json']));
    const file = layout[0] === '--sample' ? null : { file: layout[0], cwd: process.cwd() };
    reports.push({ name: layout[0], ...check(sarif, file, json) });
  }
} else {
  for (const file of inputs) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      fatal(`cannot read ${file}: ${e.message}`);
    }
    reports.push({ name: file, ...check(text, null, null) });
  }
}

let ok = true;
for (const r of reports) {
  if (expectInvalid) {
    const problems = r[expectInvalid];
    if (problems.length === 0) {
      ok = false;
      console.log(`FAIL ${r.name}: expected the ${expectInvalid} check to reject it, it passed`);
    } else {
      console.log(`ok   ${r.name}: rejected by the ${expectInvalid} check as expected (${problems[0]})`);
    }
  } else {
    const problems = [...r.schema.map((p) => `schema: ${p}`), ...r.github.map((p) => `github: ${p}`)];
    if (problems.length > 0) {
      ok = false;
      console.log(`FAIL ${r.name}:\n  ${problems.join('\n  ')}`);
    } else {
      console.log(`ok   ${r.name}: valid SARIF 2.1.0 for code scanning`);
    }
  }
}
process.exit(ok ? 0 : 1);
