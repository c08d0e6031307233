import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { KIND_LABEL, WHATSAPP_KINDS, WHATSAPP_LANGUAGES, type StoreTemplates } from "@/lib/orders/whatsapp/templates";
import { PlaceholderList } from "./placeholder-list";
import { TemplateEditor } from "./template-editor";

const KIND_WHEN = {
  confirmed: "When you accept the order.",
  dispatched: "When it ships; the tracking link goes in once the order has one.",
  delivered: "After delivery, to ask for a review on TribeMade.",
} as const;

type Props = { storeId: string; storeName: string; templates: StoreTemplates };

/** Settings → WhatsApp: the placeholders, then each message in English and Hindi with its preview. */
export function WhatsappTemplatesView({ storeId, storeName, templates }: Props) {
  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader
          title="WhatsApp messages"
          description="What the WhatsApp button on an order types into your chat with the customer. Nothing is sent until you press send in WhatsApp."
        />
        <CardContent>
          <h3 className="text-fg mb-2 text-sm font-semibold">Placeholders</h3>
          <PlaceholderList />
        </CardContent>
      </Card>
      {WHATSAPP_KINDS.map((kind) => (
        <Card key={kind}>
          <CardHeader title={KIND_LABEL[kind]} description={KIND_WHEN[kind]} />
          <CardContent className="grid gap-8 lg:grid-cols-2">
            {WHATSAPP_LANGUAGES.map((language) => (
              <TemplateEditor
                key={language}
                storeId={storeId}
                storeName={storeName}
                kind={kind}
                language={language}
                custom={templates[language][kind]}
              />
            ))}
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
