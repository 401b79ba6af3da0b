export { type CoreBankSimulator, createCoreBankSimulator } from './corebank/corebank-simulator.js';
export {
  type Booking,
  type PayeeAccountBehaviour,
  payeeAccountBehaviours,
  type SimPayout,
  SimulatedCoreBank,
  simulatedPayeeAccount,
} from './corebank/simulated-core-bank.js';
export { createSimulators, type SimulatorSet } from './create-simulators.js';
export type { ChannelSimulator } from './engine/channel-simulator.js';
export type {
  Deliver,
  DeliveryRecord,
  NotificationMessage,
} from './engine/notification-scheduler.js';
export { paymentCodeFormats, paymentCodeOutcome } from './engine/payment-code-rules.js';
export type { SimEvent, SimOrder, SimRefund, SimTimings } from './engine/simulated-channel.js';
export {
  type FaultsPatch,
  faultsPatchSchema,
  noFaults,
  type SimulatorFaults,
} from './engine/simulator-faults.js';
export { createFetchDeliver } from './fetch-deliver.js';
export {
  createSimulatorKeys,
  processSimulatorKeys,
  type SimulatorKeys,
  simulatorClientSettings,
  simulatorCoreBankSettings,
} from './simulator-keys.js';
export { simulatorRoutes } from './simulator-routes.js';
