/**
 * Renders `src/generated/<program>.ts` from the committed `idls/<program>.json` (what
 * `anchor build` writes): the IDL's camelCase type, exactly as anchor-cli writes
 * `target/types/<program>.ts` (same conversion: @anchor-lang/core's `convertIdlToCamelCase`), and
 * the IDL itself as a constant, so that the client needs neither JSON imports nor `target/`.
 * Used by `gen-idl.ts` (writes or checks) and by the tests (fail when the output is stale).
 */
import { convertIdlToCamelCase, type Idl } from "@anchor-lang/core";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** The suite's programs, in the order the client lists them. */
export const PROGRAM_NAMES = ["datanet_registry", "model_registry", "attribution_payout"] as const;
export type ProgramName = (typeof PROGRAM_NAMES)[number];

export const REPO_ROOT = resolve(__dirname, "../../..");
export const IDL_DIR = join(REPO_ROOT, "idls");
export const GENERATED_DIR = resolve(__dirname, "../src/generated");

const pascal = (name: string) => name.replace(/(^|_)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase());
const camel = (name: string) => pascal(name).replace(/^./, (c) => c.toLowerCase());

export function generatedPath(program: ProgramName): string {
  return join(GENERATED_DIR, `${program}.ts`);
}

export function renderIdlModule(program: ProgramName): string {
  const raw = JSON.parse(readFileSync(join(IDL_DIR, `${program}.json`), "utf8")) as Idl;
  const typeName = pascal(program);
  const camelIdl = convertIdlToCamelCase(raw);
  return [
    `// Generated from idls/${program}.json by packages/client/scripts/gen-idl.ts. Do not edit:`,
    "// run `npm run gen` after the IDLs change (`npm test` fails while this file is stale).",
    "",
    "/**",
    ` * The ${program} IDL in camelCase, as anchor-cli writes target/types/${program}.ts: the type`,
    " * parameter of `Program`.",
    " */",
    `export type ${typeName} = ${JSON.stringify(camelIdl, null, 2)};`,
    "",
    `/** idls/${program}.json as committed (snake_case): \`Program\` converts it itself. */`,
    `export const ${camel(program)}IdlJson = ${JSON.stringify(raw)} as const;`,
    "",
    `/** The IDL, typed for \`new Program<${typeName}>(...)\`. */`,
    `export const ${camel(program)}Idl = ${camel(program)}IdlJson as unknown as ${typeName};`,
    "",
  ].join("\n");
}
