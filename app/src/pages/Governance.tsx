/**
 * Governance: who holds each role (admin, guardian, resolver) and who was named to take one, the
 * timelock's delay, every queued action with its countdown. The admin queues parameter changes,
 * role changes and slashes; anyone executes an action once due; the admin or the guardian cancels
 * one; the guardian pauses payments and vetoes a posted root in its challenge window; a named key
 * accepts its role. Nothing the admin does takes effect before the delay: users see it coming.
 */
import { type ActionAccount, type ConfigAccount, type GovernanceActionInput, type RoleName, TIMELOCK_DELAY_BOUNDS } from "@attribution-suite/client";
import { useWallet } from "@solana/wallet-adapter-react";
import { useEffect, useState } from "react";
import { Addr, Loading, Notice, ReadError, Section, TxStatus } from "../components/ui";
import { useAction, useAsync, useChain } from "../lib/chain";
import type { Row } from "../lib/data";
import { big, formatUnits, parseKey, tryParseUnits } from "../lib/format";
import { ROLES, countdown, describeAction, roleHolders } from "../lib/governance";

export function GovernancePage() {
  const { config } = useChain();
  if (!config) return <Loading what="the config" />;
  return (
    <>
      <Roles config={config} />
      <QueuedActions config={config} />
      <Guardian config={config} />
      <Queue config={config} />
    </>
  );
}

function Roles({ config }: { config: ConfigAccount }) {
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  const named = publicKey ? ROLES.filter((r) => roleHolders(config, r)[1]?.equals(publicKey)) : [];
  const { client } = useChain();
  return (
    <Section title="Roles" testId="gov-roles">
      <dl className="facts">
        {ROLES.map((role) => {
          const [holder, pending] = roleHolders(config, role);
          return (
            <div key={role}>
              <dt>{role}</dt>
              <dd data-testid={`gov-role-${role}`} data-key={holder.toBase58()}>
                <Addr value={holder} full /> {publicKey?.equals(holder) ? <span className="badge">you</span> : null}
                {pending ? (
                  <span className="sub" data-testid={`gov-pending-${role}`}>
                    {" "}
                    — named to take it: <Addr value={pending} />
                  </span>
                ) : null}
              </dd>
            </div>
          );
        })}
        <div>
          <dt>timelock delay</dt>
          <dd data-testid="gov-delay">{config.timelockDelaySecs.toString()} s (at least {TIMELOCK_DELAY_BOUNDS[0]} s, whatever the admin votes)</dd>
        </div>
        <div>
          <dt>payments</dt>
          <dd data-testid="gov-paused" data-paused={String(config.paused)}>
            {config.paused ? "paused by the guardian" : "flowing"}
          </dd>
        </div>
      </dl>
      {named.map((role) => (
        <button
          key={role}
          data-testid={`gov-accept-${role}`}
          onClick={() => void run(`Accept the ${role} role`, async () => (await client.roleAccept({ newHolder: publicKey!, role })).instructions)}
        >
          Accept the {role} role
        </button>
      ))}
      <TxStatus state={state} testId="tx-gov-accept" />
    </Section>
  );
}

function QueuedActions({ config }: { config: ConfigAccount }) {
  const { client, decimals } = useChain();
  const { publicKey } = useWallet();
  // Re-read every few seconds: the countdowns follow the chain's clock.
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTick((t) => t + 1), 5_000);
    return () => clearInterval(timer);
  }, []);
  const actions = useAsync(async () => {
    const [rows, clock] = await Promise.all([client.fetchActions(), client.fetchClock()]);
    return { rows, now: big(clock.unixTimestamp) };
  }, [client, tick]);
  const [run, state] = useAction();
  const isAdmin = !!publicKey && publicKey.equals(config.authority);
  const isGuardian = !!publicKey && publicKey.equals(config.guardian);
  // The guardian may cancel anything but its own replacement (GuardianReplacementStands).
  const mayCancel = (action: ActionAccount["action"]) =>
    isAdmin || (isGuardian && !("setRole" in action && "guardian" in action.setRole.role));

  if (actions.error && !actions.data) return <ReadError error={actions.error} />;
  if (!actions.data) return <Loading what="the queued actions" />;
  const { rows, now } = actions.data;
  const act = (row: Row<ActionAccount>, what: "execute" | "cancel") =>
    run(`${what === "execute" ? "Execute" : "Cancel"} action ${row.account.id.toString()}`, async () => {
      const id = big(row.account.id);
      if (what === "execute") return (await client.actionExecute({ id })).instructions;
      return (await client.actionCancel({ signer: publicKey!, id })).instructions;
    });
  return (
    <Section title="Queued actions" testId="gov-actions">
      {rows.length === 0 ? <p className="muted">Nothing queued: nothing will change.</p> : null}
      <table>
        <thead>
          <tr>
            <th>#</th>
            <th>Action</th>
            <th>Executable</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const wait = big(row.account.executableAt) - now;
            const id = row.account.id.toString();
            return (
              <tr key={id} data-testid={`gov-action-${id}`}>
                <td>{id}</td>
                <td data-testid={`gov-action-${id}-what`}>{describeAction(row.account.action, decimals)}</td>
                <td data-testid={`gov-action-${id}-when`} title={new Date(Number(row.account.executableAt) * 1000).toISOString()}>
                  {countdown(wait)}
                </td>
                <td>
                  <button data-testid={`gov-action-${id}-execute`} disabled={wait > 0n || !publicKey} onClick={() => void act(row, "execute")}>
                    Execute
                  </button>{" "}
                  {mayCancel(row.account.action) ? (
                    <button data-testid={`gov-action-${id}-cancel`} onClick={() => void act(row, "cancel")}>
                      Cancel
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <TxStatus state={state} testId="tx-gov-action" />
    </Section>
  );
}

function Guardian({ config }: { config: ConfigAccount }) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  const [model, setModel] = useState("");
  const [index, setIndex] = useState("");
  const [reason, setReason] = useState("1");
  if (!publicKey || !publicKey.equals(config.guardian)) return null;
  const modelKey = parseKey(model);
  const indexN = /^\d+$/.test(index.trim()) ? BigInt(index.trim()) : null;
  const reasonN = /^\d{1,5}$/.test(reason.trim()) && Number(reason) <= 65_535 ? Number(reason) : null;
  return (
    <Section title="Guardian" testId="gov-guardian">
      <p className="muted">The guardian stops things: it pauses payments and vetoes a posted root in its challenge window. It moves no money and changes no parameter.</p>
      <button
        data-testid="gov-pause"
        onClick={() =>
          void run(config.paused ? "Lift the pause" : "Pause payments", async () => (await client.configPause({ guardian: publicKey, paused: !config.paused })).instructions)
        }
      >
        {config.paused ? "Lift the pause" : "Pause payments"}
      </button>
      <div className="form-grid">
        <label>
          Model of the root to veto
          <input data-testid="gov-veto-model" value={model} onChange={(e) => setModel(e.target.value)} />
        </label>
        <label>
          Epoch
          <input data-testid="gov-veto-index" value={index} onChange={(e) => setIndex(e.target.value)} inputMode="numeric" />
        </label>
        <label>
          Reason code
          <input data-testid="gov-veto-reason" value={reason} onChange={(e) => setReason(e.target.value)} inputMode="numeric" />
        </label>
      </div>
      <button
        data-testid="gov-veto"
        disabled={!modelKey || indexN === null || reasonN === null}
        onClick={() =>
          void run(`Veto epoch ${index} of ${model}`, async () => (await client.attributionRootVeto({ guardian: publicKey, model: modelKey!, index: indexN!, reason: reasonN! })).instructions)
        }
      >
        Veto the root
      </button>
      <TxStatus state={state} testId="tx-gov-guardian" />
    </Section>
  );
}

type Kind = "change" | "role" | "slash";

function Queue({ config }: { config: ConfigAccount }) {
  const { client, decimals } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  const [kind, setKind] = useState<Kind>("change");
  const [fee, setFee] = useState("");
  const [minStake, setMinStake] = useState("");
  const [cooldown, setCooldown] = useState("");
  const [delay, setDelay] = useState("");
  const [treasury, setTreasury] = useState("");
  const [role, setRole] = useState<RoleName>("guardian");
  const [roleKey, setRoleKey] = useState("");
  const [stake, setStake] = useState("");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("1");
  if (!publicKey || !publicKey.equals(config.authority)) {
    return (
      <Section title="Queue an action" testId="gov-queue">
        <Notice kind="info">Only the admin queues actions; connect its wallet to propose one.</Notice>
      </Section>
    );
  }

  const int = (s: string) => (/^\d+$/.test(s.trim()) ? BigInt(s.trim()) : null);
  const built = ((): { action: GovernanceActionInput } | { problem: string } => {
    if (kind === "role") {
      const key = parseKey(roleKey);
      return key ? { action: { setRole: { role, key } } } : { problem: "The key to name: an address." };
    }
    if (kind === "slash") {
      const stakeKey = parseKey(stake);
      const units = tryParseUnits(amount, decimals);
      const code = int(reason);
      if (!stakeKey) return { problem: "The stake account to slash: an address." };
      if (units === null || units <= 0n) return { problem: "Amount: OPEN above zero." };
      if (code === null || code > 65_535n) return { problem: "Reason code: 0 to 65535." };
      return { action: { slash: { stake: stakeKey, amount: units, reason: Number(code) } } };
    }
    const change: Record<string, unknown> = {};
    if (fee.trim()) change.protocolFeeBps = Number(int(fee) ?? Number.NaN);
    if (minStake.trim()) change.minOperatorStake = tryParseUnits(minStake, decimals);
    if (cooldown.trim()) change.unstakeCooldownSecs = int(cooldown);
    if (delay.trim()) change.timelockDelaySecs = int(delay);
    if (treasury.trim()) change.treasury = parseKey(treasury);
    if (Object.keys(change).length === 0) return { problem: "Fill at least one parameter to change." };
    if (Object.values(change).some((v) => v === null || Number.isNaN(v))) return { problem: "Each parameter: a number (OPEN for the stake), or an address for the treasury." };
    return { action: { update: change } };
  })();

  return (
    <Section title="Queue an action (admin)" testId="gov-queue">
      <p className="muted">
        Executable by anyone {countdown(big(config.timelockDelaySecs))} after it is queued; the guardian can cancel it until then. The program refuses
        a change below its floors (a protocol fee above 10 %, a zero minimum stake, a cooldown below the challenge window, a delay below a day).
      </p>
      <label>
        Kind
        <select data-testid="gov-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="change">Parameter change</option>
          <option value="role">Hand on a role</option>
          <option value="slash">Slash a stake</option>
        </select>
      </label>
      {kind === "change" ? (
        <div className="form-grid">
          <label>
            Protocol fee (bps; now {config.protocolFeeBps})
            <input data-testid="gov-fee" value={fee} onChange={(e) => setFee(e.target.value)} inputMode="numeric" />
          </label>
          <label>
            Minimum operator stake (OPEN; now {formatUnits(big(config.minOperatorStake), decimals)})
            <input data-testid="gov-min-stake" value={minStake} onChange={(e) => setMinStake(e.target.value)} inputMode="decimal" />
          </label>
          <label>
            Unstake cooldown (s; now {config.unstakeCooldownSecs.toString()})
            <input data-testid="gov-cooldown" value={cooldown} onChange={(e) => setCooldown(e.target.value)} inputMode="numeric" />
          </label>
          <label>
            Timelock delay (s; now {config.timelockDelaySecs.toString()})
            <input data-testid="gov-delay-input" value={delay} onChange={(e) => setDelay(e.target.value)} inputMode="numeric" />
          </label>
          <label className="wide">
            Treasury (now {config.treasury.toBase58()})
            <input data-testid="gov-treasury" value={treasury} onChange={(e) => setTreasury(e.target.value)} />
          </label>
        </div>
      ) : kind === "role" ? (
        <div className="form-grid">
          <label>
            Role
            <select data-testid="gov-role" value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label className="wide">
            Its next holder (accepts after the delay)
            <input data-testid="gov-role-key" value={roleKey} onChange={(e) => setRoleKey(e.target.value)} />
          </label>
        </div>
      ) : (
        <div className="form-grid">
          <label className="wide">
            Stake account (locked from now on: the operator cannot withdraw that much)
            <input data-testid="gov-slash-stake" value={stake} onChange={(e) => setStake(e.target.value)} />
          </label>
          <label>
            Amount (OPEN)
            <input data-testid="gov-slash-amount" value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
          </label>
          <label>
            Reason code
            <input data-testid="gov-slash-reason" value={reason} onChange={(e) => setReason(e.target.value)} inputMode="numeric" />
          </label>
        </div>
      )}
      {"problem" in built ? <p className="hint">{built.problem}</p> : null}
      <button
        data-testid="gov-queue-submit"
        disabled={"problem" in built}
        onClick={() =>
          "action" in built &&
          void run("Queue the action", async () => (await client.actionQueue({ authority: publicKey, action: built.action })).instructions)
        }
      >
        Queue
      </button>
      <TxStatus state={state} testId="tx-gov-queue" />
    </Section>
  );
}
