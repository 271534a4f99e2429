/**
 * `npm run gen`: writes src/generated/*.ts from idls/*.json. With `--check`, writes nothing and
 * exits 1 if any generated file differs from what the IDLs give now.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { relative } from "node:path";
import { GENERATED_DIR, PROGRAM_NAMES, REPO_ROOT, generatedPath, renderIdlModule } from "./idl-codegen";

const check = process.argv.includes("--check");
let stale = 0;
mkdirSync(GENERATED_DIR, { recursive: true });
for (const program of PROGRAM_NAMES) {
  const path = generatedPath(program);
  const text = renderIdlModule(program);
  const current = existsSync(path) ? readFileSync(path, "utf8") : null;
  if (current === text) continue;
  if (check) {
    console.error(`${relative(REPO_ROOT, path)} is stale: run \`npm run gen\``);
    stale += 1;
  } else {
    writeFileSync(path, text);
    console.log(`wrote ${relative(REPO_ROOT, path)}`);
  }
}
if (stale > 0) process.exit(1);
