/**
 * Models: browse and create (base, fine-tune, adapter); a model's page: its lineage graph, the
 * lineage editor (datanets, each citing one of its published versions — the latest by default —
 * and upstream models, plus the owner's and operator's shares: publishing is enabled only when
 * they sum to exactly 10,000 bps), publish, price and retire. Operators: register and stake.
 */
import {
  BPS_DENOMINATOR,
  EarningsRole,
  type LineageEntryInput,
  MAX_LINEAGE_ENTRIES,
  MODEL_REGISTRY_CONSTANTS,
  type ModelAccount,
  type ModelKindName,
  earningsPda,
  escrowPda,
  hasProofAttributedEntry,
  packInstructions,
  poolPda,
  sha256,
  stakePda,
} from "@attribution-suite/client";
import { useWallet } from "@solana/wallet-adapter-react";
import { PublicKey } from "@solana/web3.js";
import { useEffect, useState } from "react";
import { type GraphLookup, type GraphModel, LineageGraph } from "../components/LineageGraph";
import { Handover, HandoverPending } from "../components/Handover";
import { Addr, Loading, Notice, Open, ReadError, Section, Status, TxStatus } from "../components/ui";
import { useAction, useAsync, useChain } from "../lib/chain";
import {
  type OperatorRow,
  type Row,
  exists,
  listDatanets,
  listModels,
  listOperators,
  listPools,
  listVersions,
  poolsByVersion,
  versionsByDatanet,
  walletBalances,
} from "../lib/data";
import { big, bpsText, formatOpen, timeText, tryParseUnits, variant } from "../lib/format";
import { href } from "../lib/router";

const utf8Length = (s: string) => new TextEncoder().encode(s).length;
const KIND_TEXT: Record<string, string> = { base: "base model", fineTune: "fine-tune", adapter: "LoRA adapter", agent: "AI agent (calls models)" };

export function ModelsPage({ id }: { id?: string }) {
  if (id) {
    let address: PublicKey;
    try {
      address = new PublicKey(id);
    } catch {
      return <Notice kind="error">Not a model address: {id}</Notice>;
    }
    return <ModelDetail address={address} />;
  }
  return <ModelList />;
}

/** Everything the model pages draw from: models, datanets with their versions, the versions' pools. */
function useCatalog() {
  const { client } = useChain();
  return useAsync(async () => {
    const [models, datanets, pools, versions] = await Promise.all([listModels(client), listDatanets(client), listPools(client), listVersions(client)]);
    return { models, datanets, pools: poolsByVersion(pools), versionsByDatanet: versionsByDatanet(versions) };
  }, [client]);
}

/** A datanet's latest published version (the lineage editor's default), if it has one. */
function latestVersionOf(catalog: Catalog, datanet: string) {
  const list = catalog.versionsByDatanet.get(datanet) ?? [];
  return list.length ? list[list.length - 1] : undefined;
}

type Catalog = NonNullable<ReturnType<typeof useCatalog>["data"]>;

function graphModel(account: ModelAccount, catalog: Catalog): GraphModel {
  const versionNumber = (datanet: PublicKey, version: PublicKey | null) =>
    version ? (catalog.versionsByDatanet.get(datanet.toBase58())?.find((v) => v.address.equals(version))?.account.number ?? null) : null;
  return {
    name: account.name,
    ownerShareBps: account.ownerShareBps,
    operatorShareBps: account.operatorShareBps,
    lineage: account.lineage.map((e) => ({
      source: "datanet" in e.source ? "datanet" : "model",
      target: e.target.toBase58(),
      shareBps: e.shareBps,
      version: "datanet" in e.source ? versionNumber(e.target, e.datanetVersion) : null,
    })),
  };
}

function lookupOf(catalog: Catalog): GraphLookup {
  return {
    datanet: (a) => {
      const d = catalog.datanets.find((x) => x.address.toBase58() === a);
      return d ? { name: d.account.name } : undefined;
    },
    model: (a) => {
      const m = catalog.models.find((x) => x.address.toBase58() === a);
      return m ? graphModel(m.account, catalog) : undefined;
    },
  };
}

function ModelList() {
  const catalog = useCatalog();
  return (
    <>
      <Section title="Models" testId="models">
        {catalog.error ? <ReadError error={catalog.error} /> : null}
        {!catalog.data && !catalog.error ? <Loading what="models" /> : null}
        {catalog.data && catalog.data.models.length === 0 ? <p className="muted">No model yet.</p> : null}
        {catalog.data && catalog.data.models.length > 0 ? (
          <table data-testid="model-table">
            <thead>
              <tr>
                <th>Name</th>
                <th>Kind</th>
                <th>Owner</th>
                <th>State</th>
                <th className="num">Price per call</th>
                <th>Lineage</th>
                <th className="num">Owner / operator</th>
              </tr>
            </thead>
            <tbody>
              {catalog.data.models.map(({ address, account }) => (
                <tr key={address.toBase58()} data-testid="model-row" data-address={address.toBase58()}>
                  <td>
                    <a href={href("models", address.toBase58())}>{account.name}</a>
                    <div className="sub">
                      <Addr value={address} />
                    </div>
                  </td>
                  <td>{KIND_TEXT[variant(account.kind)]}</td>
                  <td>
                    <Addr value={account.owner} />
                    <HandoverPending pending={account.pendingOwner} />
                  </td>
                  <td>
                    <Status value={variant(account.state)} />
                  </td>
                  <td className="num">
                    <Open amount={big(account.pricePerCall)} />
                  </td>
                  <td>
                    {account.lineage.length === 0
                      ? "—"
                      : account.lineage
                          .map((e) => {
                            const name =
                              catalog.data!.datanets.find((d) => d.address.equals(e.target))?.account.name ??
                              catalog.data!.models.find((m) => m.address.equals(e.target))?.account.name ??
                              e.target.toBase58().slice(0, 4);
                            const version = e.datanetVersion
                              ? catalog.data!.versionsByDatanet.get(e.target.toBase58())?.find((v) => v.address.equals(e.datanetVersion!))?.account.number
                              : undefined;
                            return `${name}${version ? ` v${version}` : ""} ${bpsText(e.shareBps)}`;
                          })
                          .join(", ")}
                  </td>
                  <td className="num">
                    {account.lineage.length ? `${bpsText(account.ownerShareBps)} / ${bpsText(account.operatorShareBps)}` : "—"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </Section>
      <CreateModel models={catalog.data?.models ?? []} />
      <Operators />
    </>
  );
}

function CreateModel({ models }: { models: Row<ModelAccount>[] }) {
  const { publicKey } = useWallet();
  const { client, decimals } = useChain();
  const [run, state] = useAction();
  const [kind, setKind] = useState<ModelKindName>("base");
  const [base, setBase] = useState("");
  const [name, setName] = useState("");
  const [uri, setUri] = useState("");
  const [price, setPrice] = useState("0.02");
  const [artifact, setArtifact] = useState<File | null>(null);
  const published = models.filter((m) => "published" in m.account.state);
  const priceUnits = tryParseUnits(price, decimals);
  const uriText = uri.trim() || `ipfs://${name.trim().toLowerCase().replace(/\s+/g, "-")}`;
  const problem = !publicKey
    ? "Connect a wallet to create a model."
    : utf8Length(name.trim()) === 0 || utf8Length(name.trim()) > MODEL_REGISTRY_CONSTANTS.MAX_NAME_LEN
      ? `A name of 1 to ${MODEL_REGISTRY_CONSTANTS.MAX_NAME_LEN} bytes.`
      : utf8Length(uriText) > MODEL_REGISTRY_CONSTANTS.MAX_URI_LEN
        ? `A URI of at most ${MODEL_REGISTRY_CONSTANTS.MAX_URI_LEN} bytes.`
        : priceUnits === null || priceUnits <= 0n
          ? "A price per call above zero, in OPEN."
          : kind === "adapter" && !base
            ? "An adapter names its base model."
            : null;

  const submit = () =>
    run(`Create model "${name.trim()}"`, async () => {
      const mine = models.filter((m) => m.account.owner.equals(publicKey!));
      const id = mine.reduce((max, m) => (big(m.account.id) > max ? big(m.account.id) : max), 0n) + 1n;
      // The artifact's SHA-256 (WebCrypto); without a file, the hash of its URI.
      const artifactHash = artifact ? await sha256(artifact) : await sha256(new TextEncoder().encode(uriText));
      const built = await client.modelCreate({
        owner: publicKey!,
        id,
        kind,
        baseModel: kind === "adapter" ? new PublicKey(base) : null,
        name: name.trim(),
        uri: uriText,
        artifactHash,
        pricePerCall: priceUnits!,
      });
      return built.instructions;
    });

  return (
    <Section title="Create a model" testId="create-model">
      <p className="muted">It starts as a draft: set its lineage, then publish it (the lineage is then frozen for good).</p>
      <div className="form-grid">
        <label>
          Kind
          <select data-testid="model-kind" value={kind} onChange={(e) => setKind(e.target.value as ModelKindName)}>
            <option value="base">Base model</option>
            <option value="fineTune">Fine-tune</option>
            <option value="adapter">LoRA adapter (names its base model)</option>
            <option value="agent">AI agent (its lineage: the models it calls)</option>
          </select>
        </label>
        {kind === "adapter" && (
          <label>
            Base model
            <select data-testid="model-base" value={base} onChange={(e) => setBase(e.target.value)}>
              <option value="">Choose a published model…</option>
              {published.map((m) => (
                <option key={m.address.toBase58()} value={m.address.toBase58()}>
                  {m.account.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          Name
          <input data-testid="model-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="radiology-base" />
        </label>
        <label>
          Artifact URI
          <input data-testid="model-uri" value={uri} onChange={(e) => setUri(e.target.value)} placeholder={uriText} />
        </label>
        <label>
          Artifact file (optional, hashed here)
          <input type="file" data-testid="model-artifact" onChange={(e) => setArtifact(e.target.files?.[0] ?? null)} />
        </label>
        <label>
          Price per call (OPEN)
          <input data-testid="model-price" value={price} onChange={(e) => setPrice(e.target.value)} inputMode="decimal" />
        </label>
      </div>
      {problem && name !== "" ? <p className="hint">{problem}</p> : null}
      <button data-testid="model-create" disabled={!!problem} onClick={submit}>
        Create draft model
      </button>
      <TxStatus state={state} testId="tx-create-model" />
    </Section>
  );
}

function ModelDetail({ address }: { address: PublicKey }) {
  const catalog = useCatalog();
  const { client } = useChain();
  const { publicKey } = useWallet();
  // The lineage editor's action lives here: publishing unmounts the editor, its status stays.
  const [runLineage, lineageState] = useAction();
  const [runOwner, ownerState] = useAction();
  if (catalog.error && !catalog.data) return <ReadError error={catalog.error} />;
  if (!catalog.data) return <Loading what="the model" />;
  const row = catalog.data.models.find((m) => m.address.equals(address));
  if (!row) return <Notice kind="error">No model at {address.toBase58()}.</Notice>;
  const model = row.account;
  const state = variant(model.state);
  const isOwner = !!publicKey && model.owner.equals(publicKey);
  const base = model.baseModel ? catalog.data.models.find((m) => m.address.equals(model.baseModel!)) : undefined;
  return (
    <>
      <p>
        <a href={href("models")}>← All models</a>
      </p>
      <Section
        title={<span data-testid="model-title">{model.name}</span>}
        testId="model-detail"
        actions={
          state === "draft" ? undefined : (
            <>
              {hasProofAttributedEntry(model) ? (
                <a className="button" href={href("attribution", address.toBase58())} data-testid="model-epochs">
                  Proof of Attribution epochs →
                </a>
              ) : null}{" "}
              {state === "published" ? <a className="button" href={href("pay", address.toBase58())}>Pay for calls →</a> : null}
            </>
          )
        }
      >
        <dl className="facts">
          <dt>Address</dt>
          <dd>
            <Addr value={address} full />
          </dd>
          <dt>Kind</dt>
          <dd>
            {KIND_TEXT[variant(model.kind)]}
            {base ? (
              <>
                {" "}
                on <a href={href("models", base.address.toBase58())}>{base.account.name}</a>
              </>
            ) : null}
          </dd>
          <dt>State</dt>
          <dd data-testid="model-state">
            <Status value={state} />
          </dd>
          <dt>Owner</dt>
          <dd data-testid="model-owner" data-owner={model.owner.toBase58()}>
            <Addr value={model.owner} full /> {isOwner ? <span className="badge">you</span> : null}
            <HandoverPending pending={model.pendingOwner} />
            <Handover
              label={`model "${model.name}"`}
              holder={model.owner}
              pending={model.pendingOwner}
              run={runOwner}
              propose={async (to) => (await client.modelOwnerPropose({ model: address, owner: publicKey!, newOwner: to })).instructions}
              accept={async () => (await client.modelOwnerAccept({ model: address, newOwner: publicKey! })).instructions}
              openTitle="Hand this model to another wallet: once it accepts, it sets the price, retires it, and receives the owner share of every later fee (what you earned so far stays yours)"
              acceptTitle="Become this model's owner: the owner share of every later fee is credited to your model-owner earnings (created with the acceptance if needed)"
            />
          </dd>
          <dt>Price per call</dt>
          <dd data-testid="model-price-text">
            <Open amount={big(model.pricePerCall)} />
          </dd>
          <dt>URI</dt>
          <dd>{model.uri}</dd>
          <dt>Created</dt>
          <dd>
            {timeText(model.createdAt)}
            {state !== "draft" ? `; published ${timeText(model.publishedAt)}` : ""}
            {state === "retired" ? `; retired ${timeText(model.retiredAt)}` : ""}
          </dd>
        </dl>
        <TxStatus state={ownerState} testId="tx-model-owner" />
      </Section>
      {state === "draft" && isOwner ? (
        <LineageEditor address={address} model={model} catalog={catalog.data} run={runLineage} />
      ) : (
        <Section title="Lineage" testId="lineage">
          {model.lineage.length === 0 ? (
            <p className="muted">No lineage set yet.</p>
          ) : (
            <LineageGraph root={graphModel(model, catalog.data)} lookup={lookupOf(catalog.data)} address={address} />
          )}
          <p className="muted">
            Shares of every fee after the protocol fee. {state === "draft" ? "Only the owner can edit a draft's lineage." : "Frozen at publication."}
          </p>
        </Section>
      )}
      <TxStatus state={lineageState} testId="tx-lineage" />
      {isOwner ? <PriceAndRetire address={address} model={model} /> : null}
    </>
  );
}

interface EditEntry {
  source: "datanet" | "model";
  target: string;
  version: string;
  share: string;
}

function LineageEditor(props: { address: PublicKey; model: ModelAccount; catalog: Catalog; run: ReturnType<typeof useAction>[0] }) {
  const { address, model, catalog, run } = props;
  const { client } = useChain();
  const { publicKey } = useWallet();
  const [entries, setEntries] = useState<EditEntry[]>(() =>
    model.lineage.length
      ? model.lineage.map((e) => ({
          source: "datanet" in e.source ? "datanet" : "model",
          target: e.target.toBase58(),
          version: e.datanetVersion?.toBase58() ?? "",
          share: String(e.shareBps),
        }))
      : [{ source: "datanet", target: "", version: "", share: "" }],
  );
  const [ownerShare, setOwnerShare] = useState(model.lineage.length ? String(model.ownerShareBps) : "3000");
  const [operatorShare, setOperatorShare] = useState(model.lineage.length ? String(model.operatorShareBps) : "1000");
  const update = (i: number, patch: Partial<EditEntry>) => setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));

  const num = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : NaN);
  const shares = entries.map((e) => num(e.share));
  const total = [...shares, num(ownerShare), num(operatorShare)].reduce((a, b) => a + (Number.isNaN(b) ? 0 : b), 0);
  const upstreamChoices = catalog.models.filter((m) => "published" in m.account.state && !m.address.equals(address));
  const kind = variant(model.kind);

  const problems: string[] = [];
  if (entries.length > MAX_LINEAGE_ENTRIES) problems.push(`At most ${MAX_LINEAGE_ENTRIES} lineage entries.`);
  if (entries.some((e) => !e.target)) problems.push("Choose a datanet or model for every entry.");
  if (shares.some((s) => Number.isNaN(s) || s <= 0)) problems.push("Every entry needs a share above zero (bps).");
  if (Number.isNaN(num(ownerShare)) || Number.isNaN(num(operatorShare))) problems.push("Owner and operator shares are whole bps (0 or more).");
  const targets = entries.map((e) => e.target).filter(Boolean);
  if (new Set(targets).size !== targets.length) problems.push("The same datanet or model appears twice.");
  if (kind === "adapter" && model.baseModel && !targets.includes(model.baseModel.toBase58())) problems.push("An adapter's lineage must include its base model.");
  if (kind === "agent" && (entries.length === 0 || entries.some((e) => e.source !== "model"))) {
    problems.push("An agent's lineage lists the models it calls: at least one, models only.");
  }
  const datanetName = (a: string) => catalog.datanets.find((d) => d.address.toBase58() === a)?.account.name ?? a.slice(0, 6);
  for (const e of entries.filter((x) => x.source === "datanet" && x.target && !x.version)) {
    problems.push(
      latestVersionOf(catalog, e.target)
        ? `Choose the version of ${datanetName(e.target)} the model was trained on.`
        : `${datanetName(e.target)} has no published version: publish a version first (a datanet entry cites one).`,
    );
  }
  // Cited versions without a reward pool (published before pools were per version, or by hand): publishing creates them.
  const noPool = [...new Set(entries.filter((e) => e.source === "datanet" && e.version && !catalog.pools.has(e.version)).map((e) => e.version))];
  const whole = total === BPS_DENOMINATOR;

  const lineageInput = (): LineageEntryInput[] =>
    entries.map((e) => ({
      source: e.source,
      target: new PublicKey(e.target),
      datanetVersion: e.source === "datanet" ? new PublicKey(e.version) : null,
      shareBps: num(e.share),
    }));

  const draftGraph: GraphModel = {
    name: model.name,
    ownerShareBps: Number.isNaN(num(ownerShare)) ? 0 : num(ownerShare),
    operatorShareBps: Number.isNaN(num(operatorShare)) ? 0 : num(operatorShare),
    lineage: entries
      .filter((e) => e.target)
      .map((e) => ({
        source: e.source,
        target: e.target,
        shareBps: Number.isNaN(num(e.share)) ? 0 : num(e.share),
        version: e.version ? (catalog.versionsByDatanet.get(e.target)?.find((v) => v.address.toBase58() === e.version)?.account.number ?? null) : null,
      })),
  };

  const saveOnly = () =>
    run("Set lineage", async () => {
      const built = await client.modelLineageSet({
        model: address,
        owner: publicKey!,
        entries: lineageInput(),
        ownerShareBps: num(ownerShare),
        operatorShareBps: num(operatorShare),
      });
      return built.instructions;
    });

  const publish = () =>
    run(`Publish "${model.name}"`, async () => {
      const owner = publicKey!;
      const lineage = await client.modelLineageSet({
        model: address,
        owner,
        entries: lineageInput(),
        ownerShareBps: num(ownerShare),
        operatorShareBps: num(operatorShare),
      });
      const published = await client.modelPublish({ model: address, owner });
      const groups = [lineage.instructions, published.instructions];
      // The reward pools of the cited versions: a fee can reach a version only through its pool.
      for (const version of noPool) {
        const v = new PublicKey(version);
        if (!(await exists(client, poolPda(v)))) groups.push((await client.poolInit({ payer: owner, datanetVersion: v })).instructions);
      }
      // The accounts payments need: the model's escrow (upstream of others) and the owner's earnings.
      if (!(await exists(client, escrowPda(address)))) groups.push((await client.escrowInit({ payer: owner, model: address })).instructions);
      if (!(await exists(client, earningsPda(owner, EarningsRole.ModelOwner)))) {
        groups.push((await client.earningsInit({ payer: owner, beneficiary: owner, role: EarningsRole.ModelOwner })).instructions);
      }
      return packInstructions(groups, owner);
    });

  return (
    <Section title="Lineage (draft)" testId="lineage-editor">
      <p className="muted">
        Who this model owes, in basis points of every fee after the protocol fee. Entries, owner and operator must sum to exactly{" "}
        {BPS_DENOMINATOR.toLocaleString()} bps (100%). Publishing freezes it.
      </p>
      <table>
        <thead>
          <tr>
            <th>Source</th>
            <th>Datanet or upstream model</th>
            <th>Cited version</th>
            <th>Share (bps)</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={i} data-testid="lineage-entry">
              <td>
                <select data-testid="lineage-source" value={e.source} onChange={(ev) => update(i, { source: ev.target.value as "datanet" | "model", target: "", version: "" })}>
                  <option value="datanet">Datanet</option>
                  <option value="model">Upstream model</option>
                </select>
              </td>
              <td>
                <select
                  data-testid="lineage-target"
                  value={e.target}
                  onChange={(ev) =>
                    // A datanet cites its latest published version unless another is picked.
                    update(i, { target: ev.target.value, version: e.source === "datanet" ? (latestVersionOf(catalog, ev.target.value)?.address.toBase58() ?? "") : "" })
                  }
                >
                  <option value="">Choose…</option>
                  {e.source === "datanet"
                    ? catalog.datanets.map((t) => {
                        const unversioned = !latestVersionOf(catalog, t.address.toBase58());
                        return (
                          <option key={t.address.toBase58()} value={t.address.toBase58()} disabled={unversioned && e.target !== t.address.toBase58()} data-unversioned={unversioned ? "1" : undefined}>
                            {t.account.name} ({t.address.toBase58().slice(0, 4)}){unversioned ? " — no version: publish a version first" : ""}
                          </option>
                        );
                      })
                    : upstreamChoices.map((t) => (
                        <option key={t.address.toBase58()} value={t.address.toBase58()}>
                          {t.account.name} ({t.address.toBase58().slice(0, 4)})
                        </option>
                      ))}
                </select>
              </td>
              <td>
                {e.source === "datanet" ? (
                  !e.target ? (
                    <span className="muted">—</span>
                  ) : !latestVersionOf(catalog, e.target) ? (
                    <span className="hint" data-testid="lineage-no-version">
                      no version: publish a version first
                    </span>
                  ) : (
                    <select data-testid="lineage-version" value={e.version} onChange={(ev) => update(i, { version: ev.target.value })}>
                      {e.version ? null : <option value="">Choose…</option>}
                      {[...(catalog.versionsByDatanet.get(e.target) ?? [])].reverse().map((v) => (
                        <option key={v.address.toBase58()} value={v.address.toBase58()}>
                          v{v.account.number}
                          {v.address.equals(latestVersionOf(catalog, e.target)!.address) ? " (latest)" : ""}: {v.account.contributionCount.toString()}{" "}
                          contributions, weight {v.account.totalWeight.toString()}
                        </option>
                      ))}
                    </select>
                  )
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>
                <input className="narrow" data-testid="lineage-share" value={e.share} onChange={(ev) => update(i, { share: ev.target.value })} inputMode="numeric" placeholder="bps" />
                <span className="sub"> {Number.isNaN(shares[i]) ? "" : bpsText(shares[i])}</span>
              </td>
              <td>
                <button className="small ghost" onClick={() => setEntries((list) => list.filter((_, j) => j !== i))} disabled={entries.length === 1}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
          <tr>
            <td colSpan={3}>Model owner (refined)</td>
            <td>
              <input className="narrow" data-testid="lineage-owner-share" value={ownerShare} onChange={(e) => setOwnerShare(e.target.value)} inputMode="numeric" />
              <span className="sub"> {Number.isNaN(num(ownerShare)) ? "" : bpsText(num(ownerShare))}</span>
            </td>
            <td />
          </tr>
          <tr>
            <td colSpan={3}>Operator (executes)</td>
            <td>
              <input className="narrow" data-testid="lineage-operator-share" value={operatorShare} onChange={(e) => setOperatorShare(e.target.value)} inputMode="numeric" />
              <span className="sub"> {Number.isNaN(num(operatorShare)) ? "" : bpsText(num(operatorShare))}</span>
            </td>
            <td />
          </tr>
          <tr className={whole ? "total-ok" : "total-bad"}>
            <td colSpan={3}>
              <strong>Total</strong>
            </td>
            <td data-testid="lineage-total" data-total={total}>
              <strong>
                {total.toLocaleString()} / {BPS_DENOMINATOR.toLocaleString()} bps ({bpsText(total)})
              </strong>
            </td>
            <td />
          </tr>
        </tbody>
      </table>
      <button
        className="ghost"
        data-testid="lineage-add"
        disabled={entries.length >= MAX_LINEAGE_ENTRIES}
        onClick={() => setEntries((list) => [...list, { source: "datanet", target: "", version: "", share: "" }])}
      >
        + Add entry
      </button>
      {!whole ? (
        <p className="hint" data-testid="lineage-not-whole">
          {total < BPS_DENOMINATOR
            ? `${(BPS_DENOMINATOR - total).toLocaleString()} bps left to assign`
            : `${(total - BPS_DENOMINATOR).toLocaleString()} bps too many`}
          : publishing needs exactly 100%.
        </p>
      ) : null}
      {problems.map((p) => (
        <p key={p} className="hint">
          {p}
        </p>
      ))}
      {noPool.length > 0 ? (
        <Notice kind="info">A cited version has no reward pool yet: publishing creates it (a fee reaches a version only through its pool).</Notice>
      ) : null}
      <p className="muted">
        A datanet entry cites one published version: the fees it receives are shared among exactly the contributions that version contains,
        by weight over its fixed total; contributions accepted later do not share them.
      </p>
      <LineageGraph root={draftGraph} lookup={lookupOf(catalog)} address={address} />
      <div className="actions">
        <button className="ghost" data-testid="lineage-save" disabled={!whole || problems.length > 0} onClick={saveOnly}>
          Save lineage
        </button>
        <button data-testid="model-publish" disabled={!whole || problems.length > 0} onClick={publish}>
          Publish (freezes the lineage)
        </button>
      </div>
    </Section>
  );
}

function PriceAndRetire({ address, model }: { address: PublicKey; model: ModelAccount }) {
  const { client, decimals } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  const [price, setPrice] = useState("");
  const units = tryParseUnits(price, decimals);
  const retired = "retired" in model.state;
  return (
    <Section title="Price and retirement" testId="price-retire">
      {retired ? (
        <p className="muted">Retired: it takes no new payments; what it earned stays claimable.</p>
      ) : (
        <div className="inline-form">
          <label>
            New price per call (OPEN; now {formatOpen(big(model.pricePerCall), decimals)})
            <input data-testid="price-input" value={price} onChange={(e) => setPrice(e.target.value)} inputMode="decimal" />
          </label>
          <button
            data-testid="price-set"
            disabled={units === null || units <= 0n}
            onClick={() => run(`Set price to ${price.trim()} OPEN`, async () => (await client.modelPriceSet({ model: address, owner: publicKey!, pricePerCall: units! })).instructions)}
          >
            Set price
          </button>
          <button
            className="danger"
            data-testid="model-retire"
            onClick={() => {
              if (window.confirm(`Retire "${model.name}"? It takes no new payments; what was earned stays claimable.`)) {
                void run(`Retire "${model.name}"`, async () => (await client.modelRetire({ model: address, owner: publicKey! })).instructions);
              }
            }}
          >
            Retire
          </button>
        </div>
      )}
      <TxStatus state={state} testId="tx-price-retire" />
    </Section>
  );
}

export function operatorPayable(row: OperatorRow, minStake: bigint): boolean {
  return "active" in row.account.status && !!row.stake && big(row.stake.active) >= minStake;
}

function Operators() {
  const { client, config, decimals } = useChain();
  const { publicKey } = useWallet();
  const operators = useAsync(() => listOperators(client), [client]);
  const [run, state] = useAction();
  const minStake = config ? big(config.minOperatorStake) : 0n;
  const mine = publicKey ? operators.data?.find((o) => o.account.authority.equals(publicKey)) : undefined;
  return (
    <Section title="Operators" testId="operators">
      <p className="muted">
        Operators serve inference; a payment needs an active operator with at least {formatOpen(minStake, decimals)} staked.
      </p>
      {operators.error ? <ReadError error={operators.error} /> : null}
      {operators.data && operators.data.length > 0 ? (
        <table data-testid="operator-table">
          <thead>
            <tr>
              <th>Operator (authority)</th>
              <th>Endpoint</th>
              <th>Status</th>
              <th className="num">Active stake</th>
              <th>Payable</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {operators.data.map((o) => (
              <tr key={o.address.toBase58()} data-testid="operator-row" data-authority={o.account.authority.toBase58()}>
                <td>
                  <Addr value={o.account.authority} /> {publicKey && o.account.authority.equals(publicKey) ? <span className="badge">you</span> : null}
                  <HandoverPending pending={o.account.pendingAuthority} />
                </td>
                <td className="ellipsis">{o.account.endpoint}</td>
                <td>
                  <Status value={variant(o.account.status)} />
                </td>
                <td className="num">{o.stake ? <Open amount={big(o.stake.active)} /> : "—"}</td>
                <td>{operatorPayable(o, minStake) ? "yes" : "no"}</td>
                <td>
                  <OperatorHandover row={o} run={run} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : operators.data ? (
        <p className="muted">No operator registered yet.</p>
      ) : null}
      <TxStatus state={state} testId="tx-operator-handover" />
      {publicKey ? <MyOperator mine={mine} minStake={minStake} /> : <p className="hint">Connect a wallet to register as an operator.</p>}
    </Section>
  );
}

/**
 * Handing an operator to another wallet with its stake (operator_authority and
 * stake_authority propose/accept in one transaction each, so that it stays payable): both keep
 * their addresses; the operator share of every later fee goes to the new wallet's operator
 * earnings (created with the acceptance if needed).
 */
function OperatorHandover({ row, run }: { row: OperatorRow; run: ReturnType<typeof useAction>[0] }) {
  const { client } = useChain();
  const { publicKey } = useWallet();
  return (
    <Handover
      label={`operator ${row.address.toBase58().slice(0, 4)}…`}
      holder={row.account.authority}
      pending={row.account.pendingAuthority}
      run={run}
      propose={async (to) => (await client.operatorHandoverPropose({ authority: publicKey!, newAuthority: to, operator: row.address })).instructions}
      accept={async () => (await client.operatorHandoverAccept({ operator: row.address, newAuthority: publicKey! })).instructions}
      openTitle="Hand this operator and its stake to another wallet: once it accepts, it signs for the operator, owns the stake, and is paid the operator share"
      acceptTitle="Become this operator's authority, and its stake's: the operator share of every later fee is credited to your operator earnings"
    />
  );
}

function MyOperator({ mine, minStake }: { mine?: OperatorRow; minStake: bigint }) {
  const { client, decimals } = useChain();
  const { publicKey } = useWallet();
  const [run, state] = useAction();
  const [endpoint, setEndpoint] = useState("https://");
  const current = mine?.stake ? big(mine.stake.active) : 0n;
  const [amount, setAmount] = useState("");
  useEffect(() => {
    if (amount === "" && minStake > current) setAmount((Number(minStake - current) / 10 ** decimals).toString());
  }, [minStake, current, decimals, amount]);
  const balances = useAsync(async () => (publicKey ? walletBalances(client, publicKey) : null), [client, publicKey]);
  const units = tryParseUnits(amount, decimals);
  const open = balances.data?.open ?? 0n;
  const insufficient = units !== null && balances.data != null && units > open;
  const endpointOk = utf8Length(endpoint.trim()) > 0 && utf8Length(endpoint.trim()) <= MODEL_REGISTRY_CONSTANTS.MAX_URI_LEN;
  const amountOk = units !== null && units > 0n;
  const registered = !!mine;

  const go = () =>
    run(registered ? `Stake ${amount.trim()} OPEN` : "Register as operator and stake", async () => {
      const me = publicKey!;
      const ixs = [];
      if (!registered) ixs.push(...(await client.operatorRegister({ authority: me, endpoint: endpoint.trim() })).instructions);
      // An operator handed to this wallet keeps its stake at its first key's PDA.
      const stake = mine?.stakeAddress ?? stakePda(me);
      if (!mine?.stakeAddress && !(await exists(client, stake))) ixs.push(...(await client.stakeInit({ authority: me })).instructions);
      if (!(await exists(client, earningsPda(me, EarningsRole.Operator)))) {
        ixs.push(...(await client.earningsInit({ payer: me, beneficiary: me, role: EarningsRole.Operator })).instructions);
      }
      if (amountOk) ixs.push(...(await client.stakeDeposit({ authority: me, amount: units!, stake })).instructions);
      return ixs;
    });

  return (
    <div className="subcard" data-testid="my-operator">
      <h3>{registered ? "Your operator" : "Register as an operator"}</h3>
      {registered ? (
        <p>
          Operator <Addr value={mine!.address} /> at {mine!.account.endpoint}; active stake{" "}
          <span data-testid="my-stake">
            <Open amount={current} />
          </span>
          {current < minStake ? <span className="hint"> — below the minimum: not payable</span> : null}
        </p>
      ) : (
        <label>
          Endpoint
          <input data-testid="operator-endpoint" value={endpoint} onChange={(e) => setEndpoint(e.target.value)} />
        </label>
      )}
      <label>
        {registered ? "Stake more (OPEN)" : "Stake (OPEN)"}
        <input data-testid="operator-stake" value={amount} onChange={(e) => setAmount(e.target.value)} inputMode="decimal" />
      </label>
      <p className="muted">Your OPEN balance: {balances.data ? formatOpen(open, decimals) : "…"}</p>
      {insufficient ? (
        <Notice kind="warn" testId="stake-insufficient">
          Insufficient OPEN balance: staking {formatOpen(units!, decimals)} needs {formatOpen(units! - open, decimals)} more than you hold.
        </Notice>
      ) : null}
      <button data-testid="operator-submit" disabled={(!registered && !endpointOk) || (registered && !amountOk) || insufficient} onClick={go}>
        {registered ? "Stake" : "Register and stake"}
      </button>
      <TxStatus state={state} testId="tx-operator" />
    </div>
  );
}

export { useCatalog, graphModel, lookupOf };
export type { Catalog };