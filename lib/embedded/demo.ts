// The demo merchant of the embedded default. Fixed values, so the simulator — which keeps no
// state across restarts — recognises the store again on every start.
export const DEMO = {
  email: "demo@tribedesk.local",
  password: "tribedesk-demo",
  name: "Asha Demo",
  storeName: "Chai & Co. (demo)",
  tribemadeStoreId: "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
  apiKey: "tb-d3m0-a1b-c2d3",
} as const;
