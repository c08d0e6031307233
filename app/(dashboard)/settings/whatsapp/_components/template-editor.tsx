"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, fieldDescribedBy } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { formatCount } from "@/lib/format/numbers";
import { resetWhatsappTemplate, saveWhatsappTemplate } from "@/lib/orders/whatsapp/actions";
import { MAX_TEMPLATE_LENGTH, whatsappTemplateSchema } from "@/lib/orders/whatsapp/schemas";
import {
  DEFAULT_TEMPLATES,
  fillTemplate,
  KIND_LABEL,
  LANGUAGE_LABEL,
  type WhatsappKind,
  type WhatsappLanguage,
} from "@/lib/orders/whatsapp/templates";
import { sampleOrder } from "./sample-order";

type Props = {
  storeId: string;
  storeName: string;
  kind: WhatsappKind;
  language: WhatsappLanguage;
  /** The store's saved wording; null: it uses the default. */
  custom: string | null;
};

const OFFLINE = "We couldn't reach Tribedesk. Check your connection and try again.";

/** One message in one language: the text, checked as typed, its preview from a sample order, save and reset. */
export function TemplateEditor({ storeId, storeName, kind, language, custom }: Props) {
  const router = useRouter();
  const fallback = DEFAULT_TEMPLATES[language][kind];
  const [saved, setSaved] = useState(custom);
  const [body, setBody] = useState(custom ?? fallback);
  const [serverError, setServerError] = useState<string | null>(null);
  const [pending, setPending] = useState<"save" | "reset" | null>(null);
  const id = `template-${kind}-${language}`;
  const name = `${KIND_LABEL[kind]} (${LANGUAGE_LABEL[language]})`;

  const parsed = whatsappTemplateSchema.safeParse({ storeId, kind, language, body });
  const error = parsed.success ? serverError : (parsed.error.issues[0]?.message ?? "Check this message.");
  const changed = body.trim() !== (saved ?? fallback);
  const preview = parsed.success ? fillTemplate(parsed.data.body, sampleOrder(storeName)) : null;

  async function save() {
    if (!parsed.success) return;
    setPending("save");
    const result = await saveWhatsappTemplate(parsed.data).catch(() => null);
    setPending(null);
    if (!result) return setServerError(OFFLINE);
    if (!result.ok) return setServerError(result.error.fieldErrors?.body?.[0] ?? result.error.message);
    setServerError(null);
    setSaved(result.data.body);
    setBody(result.data.body ?? fallback);
    toast.success(`Saved ${name}`);
    router.refresh();
  }

  async function reset() {
    setServerError(null);
    if (saved === null) return setBody(fallback);
    setPending("reset");
    const result = await resetWhatsappTemplate({ storeId, kind, language }).catch(() => null);
    setPending(null);
    if (!result) return setServerError(OFFLINE);
    if (!result.ok) return setServerError(result.error.message);
    setSaved(null);
    setBody(fallback);
    toast.success(`${name} is back to the default`);
    router.refresh();
  }

  return (
    <section aria-labelledby={`${id}-label`} className="grid min-w-0 content-start gap-3">
      <Field
        id={id}
        label={
          <span id={`${id}-label`} className="inline-flex items-center gap-2">
            <span lang={language}>{LANGUAGE_LABEL[language]}</span>
            <Badge tone={saved === null ? "neutral" : "blue"}>{saved === null ? "Default" : "Your wording"}</Badge>
          </span>
        }
        hint={`${formatCount(body.trim().length)} / ${formatCount(MAX_TEMPLATE_LENGTH)} characters`}
        errors={error}
      >
        <Textarea
          id={id}
          lang={language}
          value={body}
          onChange={(event) => {
            setBody(event.target.value);
            setServerError(null);
          }}
          rows={4}
          invalid={Boolean(error)}
          aria-describedby={fieldDescribedBy(id, { hint: true, errors: error })}
        />
      </Field>
      <div>
        <p id={`${id}-preview-label`} className="text-fg-muted mb-1 text-xs font-medium">
          Preview with a sample order
        </p>
        <p
          aria-labelledby={`${id}-preview-label`}
          data-testid={`${id}-preview`}
          lang={language}
          className="text-fg max-w-prose rounded-lg rounded-tl-none bg-emerald-50 px-3 py-2 text-sm [overflow-wrap:anywhere] whitespace-pre-wrap ring-1 ring-emerald-600/15 dark:bg-emerald-400/10"
        >
          {preview ?? <span className="text-fg-muted">Fix the message to see it.</span>}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button
          size="sm"
          variant="primary"
          onClick={() => void save()}
          disabled={!changed || !parsed.success}
          loading={pending === "save"}
          aria-label={`Save ${name}`}
        >
          Save
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => void reset()}
          disabled={saved === null && body === fallback}
          loading={pending === "reset"}
          aria-label={`Reset to default: ${name}`}
        >
          Reset to default
        </Button>
      </div>
    </section>
  );
}
