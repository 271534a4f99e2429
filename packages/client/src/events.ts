/** Anchor events (`emit!`, logged as `Program data: <base64>`) decoded from transaction logs. */
import type { IdlEvents } from "@anchor-lang/core";
import type { AttributionPayout, DatanetRegistry, ModelRegistry } from "./idl";
import { type ProgramName, programById } from "./idl";

export interface DecodedEvent {
  program: ProgramName;
  /** The event's camelCase name, as Anchor's TS client names it (e.g. `inferencePaid`). */
  name: string;
  data: Record<string, unknown>;
}

const INVOKE_RE = /^Program (\w+) invoke \[(\d+)\]$/;
const EXIT_RE = /^Program (\w+) (success|failed)/;
const DATA_PREFIX = "Program data: ";

/**
 * Every event the suite's programs emitted, in log order. The program that emitted each line is
 * tracked through the invoke stack, so that another program's `Program data:` is never decoded
 * with the wrong IDL.
 */
export function decodeEvents(logs: readonly string[]): DecodedEvent[] {
  const stack: string[] = [];
  const events: DecodedEvent[] = [];
  for (const line of logs) {
    const invoke = INVOKE_RE.exec(line);
    if (invoke) {
      stack.push(invoke[1]);
      continue;
    }
    if (EXIT_RE.test(line)) {
      stack.pop();
      continue;
    }
    if (!line.startsWith(DATA_PREFIX) || stack.length === 0) continue;
    const program = programById(stack[stack.length - 1]);
    if (!program) continue;
    const event = program.coder.events.decode(line.slice(DATA_PREFIX.length));
    if (event) events.push({ program: program.name, name: event.name, data: event.data as Record<string, unknown> });
  }
  return events;
}

type EventsOf = {
  datanet_registry: IdlEvents<DatanetRegistry>;
  model_registry: IdlEvents<ModelRegistry>;
  attribution_payout: IdlEvents<AttributionPayout>;
};

/** The events named `name` of `program` in `logs`, typed from the IDL. */
export function findEvents<P extends ProgramName, N extends keyof EventsOf[P] & string>(
  logs: readonly string[],
  program: P,
  name: N,
): EventsOf[P][N][] {
  return decodeEvents(logs)
    .filter((e) => e.program === program && e.name === name)
    .map((e) => e.data as EventsOf[P][N]);
}
