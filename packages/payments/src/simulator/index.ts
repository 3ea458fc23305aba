// @scangate/payments/simulator — the Node-only gateway simulator (a real HTTP server speaking httpGateway's protocol).
export type { LedgerCharge, LedgerRefund, SimulatorLedger } from "./sim-engine.js";
export type {
  CodeBehaviour,
  SimulatorFault,
  SimulatorFaultKind,
  SimulatorScript,
} from "./sim-script.js";
export { type GatewaySimulator, type GatewaySimulatorOptions, startGatewaySimulator } from "./sim-server.js";
