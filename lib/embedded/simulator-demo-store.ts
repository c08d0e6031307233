// Drives the simulator's control API for the demo store, like any client would.

async function control(url: string, method: string, body: unknown): Promise<void> {
  const response = await fetch(url, { method, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`Simulator refused ${method} ${new URL(url).pathname}: ${response.status} ${await response.text()}`);
}

/** Creates the store with the seeded id and API key (the simulator forgets everything on exit). */
export function registerDemoStore(simulatorUrl: string, store: { storeId: string; apiKey: string; name: string }) {
  return control(`${simulatorUrl}/__control/stores`, "POST", { id: store.storeId, apiKey: store.apiKey, name: store.name });
}

export function setDemoWebhook(simulatorUrl: string, storeId: string, webhookUrl: string) {
  return control(`${simulatorUrl}/__control/stores/${storeId}/webhooks`, "PUT", { urls: [webhookUrl] });
}
