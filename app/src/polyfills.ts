/**
 * Browser pages have no global `Buffer`; @solana/web3.js 1.x, @anchor-lang/core and the client
 * (its account decoding and SPL Token helpers) use it. Imported first by main.tsx.
 */
import { Buffer } from "buffer";

const g = globalThis as unknown as { Buffer?: typeof Buffer };
if (!g.Buffer) g.Buffer = Buffer;
