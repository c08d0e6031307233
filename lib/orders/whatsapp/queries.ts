import "server-only";
import type { Member } from "@/lib/auth/require-member";
import { db } from "@/lib/db";
import { WHATSAPP_KINDS, WHATSAPP_LANGUAGES, type StoreTemplates } from "@/lib/orders/whatsapp/templates";

/** The store's own WhatsApp templates, null where it uses the default (a row per edited message). */
export async function getStoreTemplates(member: Member): Promise<StoreTemplates> {
  const rows = await db.whatsappTemplate.findMany({
    where: { storeId: member.store.id },
    select: { kind: true, language: true, body: true },
  });
  const find = (kind: string, language: string) =>
    rows.find((row) => row.kind === kind && row.language === language)?.body ?? null;
  const forLanguage = (language: string) =>
    Object.fromEntries(WHATSAPP_KINDS.map((kind) => [kind, find(kind, language)])) as StoreTemplates["en"];
  return Object.fromEntries(WHATSAPP_LANGUAGES.map((language) => [language, forLanguage(language)])) as StoreTemplates;
}
