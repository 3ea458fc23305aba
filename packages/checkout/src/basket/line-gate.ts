// The gate of a line: the most severe of the rule verdict and the checkout's own checks, and whether staff may
// let it through. A block from a notice can be overridden only where the notice allows it, by a role it names.
import type { TillAction, Verdict } from "@scangate/rules";
import type { BasketLine, LineCheck } from "./basket-line.js";

const RANK: Readonly<Record<TillAction, number>> = { allow: 0, warn: 1, block: 2 };

/** The more severe of two actions. */
export function worse(a: TillAction, b: TillAction): TillAction {
  return RANK[a] >= RANK[b] ? a : b;
}

/** The gate of a line from its verdict and checks. */
export function gateOf(verdict: Verdict | undefined, checks: readonly LineCheck[]): TillAction {
  let gate: TillAction = verdict?.action ?? "allow";
  for (const check of checks) gate = worse(gate, check.action);
  return gate;
}

/** How the store lets gated lines through. */
export interface GatePolicy {
  /**
   * What a warn needs before payment: `acknowledge` (the cashier confirms) or `override` (a reason code and a role
   * in `warnOverrideRoles`). @default "acknowledge"
   */
  readonly warn: "acknowledge" | "override";
  /** Roles that may override a warn. @default ["cashier", "supervisor"] */
  readonly warnOverrideRoles: readonly string[];
  /** Roles that may override a block the policy or the checkout raised (not a notice: notices carry their own
   * override rules). @default ["supervisor"] */
  readonly blockOverrideRoles: readonly string[];
}

/** The default gate policy. */
export const DEFAULT_GATE_POLICY: GatePolicy = {
  warn: "acknowledge",
  warnOverrideRoles: ["cashier", "supervisor"],
  blockOverrideRoles: ["supervisor"],
};

/** `true` when the line may be paid for as it stands. */
export function isSettled(line: BasketLine, policy: GatePolicy): boolean {
  switch (line.gate) {
    case "allow":
      return true;
    case "warn":
      return line.resolution !== undefined && (policy.warn === "acknowledge" || line.resolution.kind === "overridden");
    case "block":
      return line.resolution?.kind === "overridden";
  }
}

/** Staff roles in order of authority: a notice naming `cashier` lets a supervisor override too. */
const ROLE_RANK: Readonly<Record<string, number>> = { cashier: 1, supervisor: 2 };

function hasRole(role: string, needed: string): boolean {
  return (ROLE_RANK[role] ?? 0) >= (ROLE_RANK[needed] ?? Number.POSITIVE_INFINITY);
}

/** Why `role` may not override the line's gate, or `undefined` when it may. */
export function overrideRefusal(
  line: BasketLine,
  role: string,
  reasonCode: string | undefined,
  policy: GatePolicy,
): string | undefined {
  if (line.gate === "allow") return "the line is not gated";
  if (line.gate === "warn") {
    if (!policy.warnOverrideRoles.includes(role)) return `role ${role} may not override a warn`;
    return reasonCode === undefined ? "an override needs a reason code" : undefined;
  }
  for (const reason of line.verdict?.reasons ?? []) {
    if (reason.action !== "block") continue;
    if (reason.source === "notice") {
      const rule = reason.override;
      if (!rule?.allowed) return `notice ${reason.noticeId} does not allow an override`;
      if (rule.role !== undefined && !hasRole(role, rule.role))
        return `notice ${reason.noticeId} allows an override only by a ${rule.role}`;
      if (rule.reasonRequired && reasonCode === undefined) return `notice ${reason.noticeId} needs a reason code`;
    } else if (!policy.blockOverrideRoles.includes(role)) return `role ${role} may not override a block`;
    else if (reasonCode === undefined) return "an override needs a reason code";
  }
  for (const check of line.checks)
    if (check.action === "block" && !policy.blockOverrideRoles.includes(role))
      return `role ${role} may not override a block`;
  return undefined;
}
