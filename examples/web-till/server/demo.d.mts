// Types of demo.mjs for the TypeScript tests.
import type { GatewaySimulator } from "@scangate/payments/simulator";

export interface DemoTokens {
  readonly adminToken: string;
  readonly producerToken: string;
  readonly stores: readonly { readonly gln: string; readonly token: string; readonly name: string }[];
}

export interface DemoGood {
  readonly gtin: string;
  readonly name: { readonly "zh-CN": string; readonly en: string };
  readonly byWeight?: true;
  readonly batches: readonly {
    readonly batch: string;
    readonly expiry: string;
    readonly expired: boolean;
    readonly scan: string;
  }[];
}

export interface Demo {
  readonly tillUrl: string;
  readonly hubUrl: string;
  readonly gateway: GatewaySimulator;
  readonly tokens: DemoTokens;
  readonly store: DemoTokens["stores"][number];
  readonly goods: readonly DemoGood[];
  close(): Promise<void>;
}

export function buildTill(options?: { quiet?: boolean }): Promise<void>;

export function startDemo(options: {
  dataDir: string;
  hubPort?: number;
  gatewayPort?: number;
  tillPort?: number;
  userPayingMs?: number;
  log?: (line: string) => void;
}): Promise<Demo>;
