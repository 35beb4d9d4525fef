export { type ManualClock, manualClock } from "./manualClock.js";
export { testCrypto } from "./testCrypto.js";
