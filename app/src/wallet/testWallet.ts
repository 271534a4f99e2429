/**
 * A Wallet Standard wallet for tests: registered only in test builds (VITE_TEST_WALLET=1) or when
 * the page URL has `?testWallet=1`, it appears in the wallet list like Phantom, Solflare or
 * Backpack and signs real transactions with a keypair the test injects:
 *
 *   window.__TEST_WALLET_SECRET_KEY__ = [64 bytes]   (before the page loads, e.g. addInitScript)
 *   window.testWallet.setSecretKey([64 bytes])        (at any time: switches the account)
 *   window.testWallet.rejectNext()                    (the next signature request is refused, as a user would)
 *   window.testWallet.signedCount                     (how many transactions it signed)
 *   window.testWallet.requestCount                    (how many signature requests it got: one approval each)
 */
import { Keypair, VersionedTransaction } from "@solana/web3.js";
import {
  SolanaSignTransaction,
  type SolanaSignTransactionFeature,
  type SolanaSignTransactionMethod,
} from "@solana/wallet-standard-features";
import type { IdentifierArray, Wallet, WalletAccount } from "@wallet-standard/base";
import {
  StandardConnect,
  type StandardConnectFeature,
  type StandardConnectMethod,
  StandardDisconnect,
  type StandardDisconnectFeature,
  StandardEvents,
  type StandardEventsFeature,
  type StandardEventsListeners,
  type StandardEventsOnMethod,
} from "@wallet-standard/features";
import { registerWallet } from "@wallet-standard/wallet";

export const TEST_WALLET_NAME = "Test Wallet";

const CHAINS = ["solana:localnet", "solana:devnet", "solana:testnet", "solana:mainnet"] as const;
const ICON =
  "data:image/svg+xml;base64," +
  btoa(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#6d28d9"/><text x="16" y="22" font-size="16" text-anchor="middle" fill="#fff" font-family="sans-serif">T</text></svg>',
  );

class TestAccount implements WalletAccount {
  readonly address: string;
  readonly publicKey: Uint8Array;
  readonly chains: IdentifierArray = CHAINS;
  readonly features: IdentifierArray = [SolanaSignTransaction];
  constructor(keypair: Keypair) {
    this.address = keypair.publicKey.toBase58();
    this.publicKey = keypair.publicKey.toBytes();
  }
}

/** The control surface tests reach through `window.testWallet`. */
export interface TestWalletControl {
  setSecretKey(secretKey: number[] | Uint8Array): string;
  rejectNext(count?: number): void;
  readonly publicKey: string | null;
  readonly signedCount: number;
  readonly requestCount: number;
}

class TestWallet implements Wallet {
  readonly version = "1.0.0" as const;
  readonly name = TEST_WALLET_NAME;
  readonly icon = ICON as `data:image/svg+xml;base64,${string}`;
  readonly chains = CHAINS;
  #keypair: Keypair | null = null;
  #account: TestAccount | null = null;
  #connected = false;
  #rejections = 0;
  #signed = 0;
  #requests = 0;
  #listeners: StandardEventsListeners["change"][] = [];

  get accounts(): readonly WalletAccount[] {
    return this.#connected && this.#account ? [this.#account] : [];
  }

  get features(): StandardConnectFeature &
    StandardDisconnectFeature &
    StandardEventsFeature &
    SolanaSignTransactionFeature {
    return {
      [StandardConnect]: { version: "1.0.0", connect: this.#connect },
      [StandardDisconnect]: { version: "1.0.0", disconnect: this.#disconnect },
      [StandardEvents]: { version: "1.0.0", on: this.#on },
      [SolanaSignTransaction]: {
        version: "1.0.0",
        supportedTransactionVersions: ["legacy", 0],
        signTransaction: this.#signTransaction,
      },
    };
  }

  setSecretKey(secretKey: number[] | Uint8Array): string {
    this.#keypair = Keypair.fromSecretKey(Uint8Array.from(secretKey));
    this.#account = new TestAccount(this.#keypair);
    if (this.#connected) this.#emit("change", { accounts: this.accounts });
    return this.#account.address;
  }

  rejectNext(count = 1) {
    this.#rejections += count;
  }

  get publicKey() {
    return this.#account?.address ?? null;
  }

  get signedCount() {
    return this.#signed;
  }

  get requestCount() {
    return this.#requests;
  }

  // "change" is the only Wallet Standard event.
  #emit(_event: "change", properties: Parameters<StandardEventsListeners["change"]>[0]) {
    for (const listener of this.#listeners) listener(properties);
  }

  #on: StandardEventsOnMethod = (_event, listener) => {
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  };

  #connect: StandardConnectMethod = async () => {
    if (!this.#account) throw new Error("The test wallet has no keypair: set window.__TEST_WALLET_SECRET_KEY__ or call window.testWallet.setSecretKey");
    if (!this.#connected) {
      this.#connected = true;
      this.#emit("change", { accounts: this.accounts });
    }
    return { accounts: this.accounts };
  };

  #disconnect = async () => {
    if (this.#connected) {
      this.#connected = false;
      this.#emit("change", { accounts: this.accounts });
    }
  };

  #takeRejection() {
    if (this.#rejections > 0) {
      this.#rejections--;
      throw Object.assign(new Error("User rejected the request."), { code: 4001 });
    }
  }

  #signTransaction: SolanaSignTransactionMethod = async (...inputs) => {
    this.#requests++;
    this.#takeRejection();
    const keypair = this.#keypair;
    if (!keypair || !this.#connected) throw new Error("The test wallet is not connected");
    return inputs.map(({ transaction, account }) => {
      if (account.address !== keypair.publicKey.toBase58()) throw new Error(`The test wallet does not hold ${account.address}`);
      const tx = VersionedTransaction.deserialize(transaction);
      tx.sign([keypair]);
      this.#signed++;
      return { signedTransaction: tx.serialize() };
    });
  };
}

declare global {
  interface Window {
    __TEST_WALLET_SECRET_KEY__?: number[];
    testWallet?: TestWalletControl;
  }
}

/** Whether this page should offer the test wallet. */
export function testWalletEnabled(): boolean {
  return import.meta.env.VITE_TEST_WALLET === "1" || new URLSearchParams(window.location.search).get("testWallet") === "1";
}

export function registerTestWallet(): TestWalletControl {
  const wallet = new TestWallet();
  if (window.__TEST_WALLET_SECRET_KEY__) wallet.setSecretKey(window.__TEST_WALLET_SECRET_KEY__);
  registerWallet(wallet);
  window.testWallet = wallet;
  return wallet;
}
