/**
 * @attribution-suite/client: build, sign-agnostic, the instructions of datanet_registry,
 * model_registry and attribution_payout; derive their PDAs; decode their accounts, events and
 * errors. Built on Anchor's TypeScript client (@anchor-lang/core) and @solana/web3.js 1.x.
 */
export * from "./constants";
export * from "./pdas";
export * from "./token";
export * from "./idl";
export * from "./errors";
export * from "./events";
export * from "./math";
export * from "./merkle";
export * from "./client";
export * from "./served";
export * from "./channels";
export * from "./bonds";
export * from "./close";
export * from "./pack";
export * from "./layout";
export { BN } from "@anchor-lang/core";
