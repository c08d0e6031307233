/** Where the URL goes in TribeMade (its Webhooks page: Dashboard → Developer; up to 5 URLs). */
export function ConnectSteps({ className }: { className?: string }) {
  return (
    <ol className={className ?? "text-fg-muted marker:text-fg-subtle list-decimal space-y-1.5 pl-5 text-sm"}>
      <li>
        Open your <span className="text-fg font-medium">TribeMade dashboard</span> and go to{" "}
        <span className="text-fg font-medium">Developer → Webhooks</span>.
      </li>
      <li>Add a webhook URL and paste the endpoint URL from Tribedesk. TribeMade allows up to 5 URLs.</li>
      <li>Place a test order in your store: it appears in Deliveries within a second or two.</li>
    </ol>
  );
}
