/** Where the URL goes in TribeMade (its Webhooks page: Dashboard → Developer; up to 5 URLs). */
export function ConnectSteps({ className }: { className?: string }) {
  return (
    <ol className={className ?? "list-decimal space-y-1.5 pl-5 text-sm text-fg-muted marker:text-fg-subtle"}>
      <li>
        Open your <span className="font-medium text-fg">TribeMade dashboard</span> and go to{" "}
        <span className="font-medium text-fg">Developer → Webhooks</span>.
      </li>
      <li>Add a webhook URL and paste the endpoint URL from Tribedesk. TribeMade allows up to 5 URLs.</li>
      <li>Place a test order in your store: it appears in Deliveries within a second or two.</li>
    </ol>
  );
}
