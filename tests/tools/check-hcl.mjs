// Parses Terraform files with @cdktf/hcl2json (HashiCorp's HCL parser) and
// checks that the names the data sources look up come back verbatim: the
// clusters', VMs' and hosts' `name` once the template escapes ($${, %%{) and
// the finder's pattern escapes (a backslash before * ? [ \) are read back.
//
//   node check-hcl.mjs FILE.tf [--names NAMES.json]
//   --expect-invalid: passes only when every file is rejected.
// Exit codes: 0 passed, 1 failed, 2 could not check.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let parse;
try {
  ({ parse } = require('@cdktf/hcl2json'));
} catch (e) {
  console.error(`check-hcl: @cdktf/hcl2json is not installed (bash .ci/deps runs npm ci in tests/tools): ${e.message}`);
  process.exit(2);
}

const args = process.argv.slice(2);
let expectInvalid = false;
let namesFile = null;
const files = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--expect-invalid') expectInvalid = true;
  else if (args[i] === '--names') namesFile = args[++i];
  else files.push(args[i]);
}
if (files.length === 0) {
  console.error('check-hcl: no file given');
  process.exit(2);
}

// A literal template (Terraform's JSON form) back to its text.
function untemplate(text) {
  let out = '';
  for (let i = 0; i < text.length; ++i) {
    if ((text.startsWith('$${', i) || text.startsWith('%%{', i))) {
      out += text[i] + '{';
      i += 2;
    } else if (text.startsWith('${', i) || text.startsWith('%{', i)) {
      throw new Error(`an interpolation or directive in a name: ${JSON.stringify(text)}`);
    } else {
      out += text[i];
    }
  }
  return out;
}

function unpattern(text) {
  return text.replace(/\\(.)/gsu, '$1');
}

async function check(file) {
  const problems = [];
  let json;
  try {
    json = await parse(file, readFileSync(file, 'utf8'));
  } catch (e) {
    return [`does not parse: ${String(e.message || e).split('\n')[0]}`];
  }
  const found = new Set();
  for (const type of ['vsphere_compute_cluster', 'vsphere_virtual_machine', 'vsphere_host']) {
    for (const [label, blocks] of Object.entries((json.data || {})[type] || {})) {
      for (const b of blocks) {
        try {
          found.add(unpattern(untemplate(b.name)));
        } catch (e) {
          problems.push(`data.${type}.${label}: ${e.message}`);
        }
      }
    }
  }
  if (namesFile) {
    for (const name of JSON.parse(readFileSync(namesFile, 'utf8'))) {
      if (!found.has(name)) problems.push(`name not looked up verbatim: ${JSON.stringify(name)}`);
    }
  }
  return problems;
}

let failed = false;
for (const file of files) {
  const problems = await check(file);
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
