/** The Governance page's pure parts: who holds a role, countdowns, what a queued action does. */
import type { ActionAccount, ConfigAccount, RoleName } from "@attribution-suite/client";
import type { PublicKey } from "@solana/web3.js";
import { big, durationText, formatOpen, variant } from "./format";

export const ROLES: RoleName[] = ["admin", "guardian", "resolver"];

/** The holder of `role`, and the key named to take it (null: nobody). */
export function roleHolders(config: ConfigAccount, role: RoleName): [PublicKey, PublicKey | null] {
  if (role === "admin") return [config.authority, config.pendingAuthority];
  if (role === "guardian") return [config.guardian, config.pendingGuardian];
  return [config.resolver, config.pendingResolver];
}

/** "in 1 d 2 h", "in 45 s", or "due". */
export const countdown = (seconds: bigint): string => (seconds <= 0n ? "due" : `in ${durationText(seconds)}`);

/** What a queued action does, in words. */
export function describeAction(action: ActionAccount["action"], decimals: number): string {
  if ("setRole" in action) {
    const role = variant(action.setRole.role);
    return `${role} role to ${action.setRole.key.toBase58()}`;
  }
  if ("slash" in action) {
    const { stake, amount, reason } = action.slash;
    return `slash ${formatOpen(big(amount), decimals)} of stake ${stake.toBase58()} (reason ${reason})`;
  }
  const c = action.update.change;
  const parts: string[] = [];
  if (c.treasury) parts.push(`treasury ${c.treasury.toBase58()}`);
  if (c.protocolFeeBps !== null) parts.push(`protocol fee ${c.protocolFeeBps} bps`);
  if (c.minOperatorStake !== null) parts.push(`min operator stake ${formatOpen(big(c.minOperatorStake), decimals)}`);
  if (c.unstakeCooldownSecs !== null) parts.push(`unstake cooldown ${c.unstakeCooldownSecs.toString()} s`);
  if (c.epochTiming) parts.push(`challenge window ${c.epochTiming.challengeWindowSecs.toString()} s`);
  if (c.challenge) parts.push("challenge parameters");
  if (c.timelockDelaySecs !== null) parts.push(`timelock delay ${c.timelockDelaySecs.toString()} s`);
  return `change: ${parts.join(", ")}`;
}

