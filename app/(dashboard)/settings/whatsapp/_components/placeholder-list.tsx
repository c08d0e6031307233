import { WHATSAPP_PLACEHOLDERS } from "@/lib/orders/whatsapp/templates";

/** The placeholders a message may use and what each becomes. */
export function PlaceholderList() {
  return (
    <dl className="grid gap-x-4 gap-y-1.5 text-sm sm:grid-cols-[max-content_1fr]">
      {WHATSAPP_PLACEHOLDERS.map((placeholder) => (
        <div key={placeholder.name} className="contents">
          <dt>
            <code className="bg-surface-muted text-fg rounded px-1.5 py-0.5 font-mono text-xs">{`{${placeholder.name}}`}</code>
          </dt>
          <dd className="text-fg-muted mb-1 sm:mb-0">{placeholder.description}</dd>
        </div>
      ))}
    </dl>
  );
}
