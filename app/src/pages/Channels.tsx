/**
 * Channels: payment channels for agents and high-frequency callers. The payer opens a channel for
 * a model and an operator with a deposit, its own key or an agent's signing the vouchers (the
 * deposit is then the agent's budget), and sees each of its channels' deposit, what was settled and
 * what remains, tops it up, revokes it (the operator has a day to settle the newest voucher) and
 * closes it for the rest and the rent. The operator settles a voucher the signer handed it (the
 * JSON of the client's `voucherToJson` or the CLI's `channel voucher`): one transaction for every
 * call since the last settled one, split as a payment is.
 */
import {
  ATTRIBUTION_PAYOUT_CONSTANTS,
  type ChannelAccount,
  type SignedVoucher,
  channelPda,
  findEvents,
  voucherFromJson,
  voucherMessage,
  verifyVoucher,
} from "@attribution-suite/client";
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useEffect, useMemo, useState } from "react";
import { Addr, Loading, Notice, Open, ReadError, Section, TxStatus } from "../components/ui";
import { useAction, useAsync, useChain } from "../lib/chain";
import { type Row, exists, listChannels, listModels, listOperators } from "../lib/data";
import { big, formatUnits, parseKey, tryParseUnits } from "../lib/format";
import { operatorPayable } from "./Models";

const DAY = 86_400;
/** After a close request or expiry, the operator may still settle for this long. */
const DISPUTE_WINDOW = BigInt(ATTRIBUTION_PAYOUT_CONSTANTS.CHANNEL_DISPUTE_WINDOW_SECS);

export function ChannelsPage() {
  return (
    <>
      <OpenChannel />
      <MyChannels />
      <SettleVoucher />
    </>
  );
}

function OpenChannel() {
  const { client, config, decimals } = useChain();
  const { publicKey } = useWallet();
  const data = useAsync(async () => {
    const [models, operators] = await Promise.all([listModels(client), listOperators(client)]);
    return { models, operators };
  }, [client]);
  const [modelKey, setModelKey] = useState("");
  const [operatorKey, setOperatorKey] = useState("");
  const [deposit, setDeposit] = useState("");
  const [days, setDays] = useState("30");
  const [signer, setSigner] = useState("");
  const [run, state] = useAction();
  const minStake = config ? big(config.minOperatorStake) : 0n;
  const published = (data.data?.models ?? []).filter((m) => "published" in m.account.state);
  const payable = (data.data?.operators ?? []).filter((o) => operatorPayable(o, minStake));
  useEffect(() => {
    if (!modelKey && published.length > 0) setModelKey(published[0].address.toBase58());
  }, [modelKey, published]);
  useEffect(() => {
    if (!operatorKey && payable.length > 0) setOperatorKey(payable[0].address.toBase58());
  }, [operatorKey, payable]);
  const model = published.find((m) => m.address.toBase58() === modelKey);
  const depositUnits = tryParseUnits(deposit, decimals);
  const daysN = /^\d{1,3}$/.test(days.trim()) ? Number(days.trim()) : null;
  const signerKey = signer.trim() === "" ? publicKey : parseKey(signer);
  const problem = !publicKey
    ? "Connect the payer's wallet."
    : !model
      ? "Choose a published model."
      : !operatorKey
        ? "Choose an operator (registered and staked)."
        : depositUnits === null || depositUnits <= 0n
          ? "Deposit: an amount of OPEN above zero."
          : daysN === null || daysN < 1 || daysN > 365
            ? "Lifetime: 1 to 365 days."
            : !signerKey
              ? "Voucher signer: an address (an agent's), or empty for your own key."
              : null;

  const open = async () => {
    if (!publicKey || !model || depositUnits === null || daysN === null || !signerKey) return;
    await run(`Open a channel for "${model.account.name}"`, async () => {
      // The payer's first free channel number.
      let id = 0;
      while (await exists(client, channelPda(publicKey, id))) id++;
      const now = big((await client.fetchClock()).unixTimestamp);
      const built = await client.channelOpen({
        payer: publicKey,
        model: model.address,
        operator: new PublicKey(operatorKey),
        id,
        deposit: depositUnits,
        expiresAt: now + BigInt(daysN * DAY),
        signer: signerKey,
      });
      return built.instructions;
    });
  };

  if (data.error && !data.data) return <ReadError error={data.error} />;
  if (!data.data) return <Loading what="models and operators" />;
  return (
    <Section title="Open a channel (or give an agent a budget)" testId="channel-open">
      <div className="form-grid">
        <label>
          Model
          <select data-testid="channel-model" value={modelKey} onChange={(e) => setModelKey(e.target.value)}>
            {published.map((m) => (
              <option key={m.address.toBase58()} value={m.address.toBase58()}>
                {m.account.name} ({formatUnits(big(m.account.pricePerCall), decimals)} OPEN a call)
              </option>
            ))}
          </select>
        </label>
        <label>
          Operator
          <select data-testid="channel-operator" value={operatorKey} onChange={(e) => setOperatorKey(e.target.value)}>
            {payable.map((o) => (
              <option key={o.address.toBase58()} value={o.address.toBase58()}>
                {o.account.endpoint} ({o.account.authority.toBase58().slice(0, 4)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Deposit (OPEN): the most it can ever pay
          <input data-testid="channel-deposit" value={deposit} onChange={(e) => setDeposit(e.target.value)} inputMode="decimal" />
        </label>
        <label>
          Lifetime (days)
          <input data-testid="channel-days" value={days} onChange={(e) => setDays(e.target.value)} inputMode="numeric" />
        </label>
        <label className="wide">
          Voucher signer: an agent's address (its budget is the deposit), or empty for your own key
          <input data-testid="channel-signer" value={signer} onChange={(e) => setSigner(e.target.value)} />
        </label>
      </div>
      {model && depositUnits !== null && depositUnits > 0n ? (
        <p className="muted" data-testid="channel-calls">
          {(depositUnits / big(model.account.pricePerCall)).toString()} calls at today's price, fixed for the channel's life.
        </p>
      ) : null}
      {problem ? <p className="hint">{problem}</p> : null}
      <button data-testid="channel-open-submit" disabled={!!problem} onClick={() => void open()}>
        Open the channel
      </button>
      <TxStatus state={state} testId="tx-channel-open" />
    </Section>
  );
}

/** Where a channel is: open, closing (the operator may settle until a time), or closable. */
function stage(c: ChannelAccount, now: bigint): { text: string; closable: boolean } {
  const remaining = big(c.deposit) - big(c.settledAmount);
  const deadline = c.closingAt !== null ? big(c.closingAt) : big(c.expiresAt) + DISPUTE_WINDOW;
  if (remaining === 0n || now > deadline) return { text: "closable", closable: true };
  if (c.closingAt !== null) return { text: `closing: the operator may settle until ${new Date(Number(deadline) * 1000).toISOString()}`, closable: false };
  if (now >= big(c.expiresAt)) return { text: "expired: the operator may still settle for a day", closable: false };
  return { text: `open until ${new Date(Number(c.expiresAt) * 1000).toISOString()}`, closable: false };
}

function MyChannels() {
  const { client, decimals } = useChain();
  const { publicKey } = useWallet();
  const channels = useAsync(async () => {
    if (!publicKey) return null;
    const [rows, clock] = await Promise.all([listChannels(client, publicKey), client.fetchClock()]);
    return { rows, now: big(clock.unixTimestamp) };
  }, [client, publicKey]);
  const [topUp, setTopUp] = useState("");
  const [run, state] = useAction();
  const amount = tryParseUnits(topUp, decimals);

  const act = (label: string, row: Row<ChannelAccount>, what: "top-up" | "revoke" | "close") =>
    run(label, async () => {
      if (what === "top-up") return (await client.channelTopUp({ payer: publicKey!, channel: row.address, amount: amount! })).instructions;
      if (what === "revoke") return (await client.channelCloseRequest({ payer: publicKey!, channel: row.address })).instructions;
      return (await client.channelClose({ channel: row.address })).instructions;
    });

  if (!publicKey) return null;
  if (channels.error && !channels.data) return <ReadError error={channels.error} />;
  if (!channels.data) return <Loading what="your channels" />;
  const { rows, now } = channels.data;
  return (
    <Section title="Your channels" testId="channels">
      {rows.length === 0 ? <p className="muted">No channel yet.</p> : null}
      <label>
        Top-up amount (OPEN)
        <input data-testid="channel-top-up-amount" value={topUp} onChange={(e) => setTopUp(e.target.value)} inputMode="decimal" />
      </label>
      <table>
        <thead>
          <tr>
            <th>Channel</th>
            <th>Signer</th>
            <th>Deposit</th>
            <th>Spent</th>
            <th>Remaining</th>
            <th>Calls</th>
            <th>State</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const c = row.account;
            const s = stage(c, now);
            const remaining = big(c.deposit) - big(c.settledAmount);
            return (
              <tr key={row.address.toBase58()} data-testid="channel-row" data-channel={row.address.toBase58()}>
                <td>
                  <Addr value={row.address} />
                </td>
                <td>{c.signer.equals(publicKey) ? "you" : <Addr value={c.signer} />}</td>
                <td>
                  <Open amount={big(c.deposit)} testId="channel-deposit-amount" />
                </td>
                <td>
                  <Open amount={big(c.settledAmount)} testId="channel-spent" />
                </td>
                <td>
                  <Open amount={remaining} testId="channel-remaining" />
                </td>
                <td data-testid="channel-settled-calls">{c.settledCalls.toString()}</td>
                <td data-testid="channel-state">{s.text}</td>
                <td>
                  {c.closingAt === null && !s.closable ? (
                    <>
                      <button data-testid="channel-top-up" disabled={amount === null || amount <= 0n} onClick={() => void act("Top up the channel", row, "top-up")}>
                        Top up
                      </button>
                      <button data-testid="channel-revoke" onClick={() => void act("Revoke (start closing)", row, "revoke")}>
                        Revoke
                      </button>
                    </>
                  ) : null}
                  {s.closable ? (
                    <button data-testid="channel-close" onClick={() => void act("Close the channel", row, "close")}>
                      Close: the rest and the rent back
                    </button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <TxStatus state={state} testId="tx-channel" />
    </Section>
  );
}

function SettleVoucher() {
  const { client } = useChain();
  const { publicKey } = useWallet();
  const [text, setText] = useState("");
  const [run, state] = useAction();
  const [fee, setFee] = useState<bigint | null>(null);
  const parsed = useMemo((): { voucher: SignedVoucher } | { error: string } | null => {
    if (!text.trim()) return null;
    try {
      return { voucher: voucherFromJson(text) };
    } catch (err) {
      return { error: (err as Error).message };
    }
  }, [text]);
  const signed = parsed && "voucher" in parsed ? parsed.voucher : null;
  const channel = useAsync(async () => (signed ? client.fetchChannel(signed.channel).catch(() => null) : null), [client, signed]);
  const valid =
    signed && channel.data
      ? signed.signer.equals(channel.data.signer) && verifyVoucher(voucherMessage(signed.channel, channel.data.nonce, signed.voucher), signed.signer, signed.signature)
      : null;
  const problem = !publicKey
    ? "Connect the operator's wallet."
    : !signed
      ? "Paste a voucher the channel's signer gave you."
      : channel.data === null
        ? "No such channel (closed?)."
        : valid === false
          ? "The signature is not the channel's signer's of this voucher."
          : null;

  const settle = async () => {
    if (!signed || !publicKey) return;
    setFee(null);
    const sent = await run(`Settle voucher ${signed.voucher.sequence} (${signed.voucher.calls} calls in all)`, async () => {
      const built = await client.channelSettle({ channel: signed.channel, voucher: signed.voucher, signature: signed.signature, authority: publicKey });
      return built.instructions;
    });
    const logs = sent?.[sent.length - 1]?.logs;
    if (logs) {
      const [settled] = findEvents(logs, "attribution_payout", "channelSettled");
      if (settled) setFee(big(settled.fee));
    }
  };

  return (
    <Section title="Settle a voucher (operators)" testId="channel-settle">
      <label className="wide">
        Voucher (JSON from the channel's signer)
        <textarea data-testid="channel-voucher" value={text} onChange={(e) => setText(e.target.value)} rows={4} />
      </label>
      {parsed && "error" in parsed ? <Notice kind="error" testId="channel-voucher-error">{parsed.error}</Notice> : null}
      {signed && channel.data && valid ? (
        <p className="muted" data-testid="channel-voucher-ok">
          Signed by the channel's signer: {signed.voucher.calls.toString()} calls in all, <Open amount={BigInt(signed.voucher.amount)} />; settled so far{" "}
          <Open amount={big(channel.data.settledAmount)} />.
        </p>
      ) : null}
      {problem ? <p className="hint">{problem}</p> : null}
      <button data-testid="channel-settle-submit" disabled={!!problem} onClick={() => void settle()}>
        Settle
      </button>
      <TxStatus state={state} testId="tx-channel-settle" />
      {fee !== null ? (
        <p data-testid="channel-settled-fee">
          Settled: <Open amount={fee} /> split as a payment (see Usage and Earnings).
        </p>
      ) : null}
    </Section>
  );
}
