"use server";
import { after } from "next/server";
import { requireFormOwner, requireFormStore } from "@/lib/auth/require-member";
import * as notes from "@/lib/customers/note-mutations";
import { addNoteSchema, deleteNoteSchema, editNoteSchema, type NoteDto } from "@/lib/customers/note-schemas";
import * as tags from "@/lib/customers/tag-mutations";
import { applyTagSchema, createTagSchema, deleteTagSchema, type TagDto } from "@/lib/customers/tag-schemas";
import { notifyOrderChanged } from "@/lib/feed/notify";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";

// "use server" wrappers for notes and tags: parse, check the caller is a member of the store the
// form was rendered for (lib/auth/require-member.ts requireFormStore), call one mutation, and tell
// open feeds and order pages which orders changed (they re-read them: tags, the timeline's notes).

function announce(storeId: string, orderIds: Array<string | null>) {
  const ids = orderIds.filter((id): id is string => id !== null);
  if (ids.length > 0) after(() => Promise.all(ids.map((id) => notifyOrderChanged(storeId, id))));
}

export async function createTag(input: unknown): Promise<ActionResult<TagDto>> {
  return runAction("createTag", createTagSchema, input, async ({ storeId, name, color }) => {
    const member = await requireFormStore(storeId);
    return tags.createTag(member, { name, color });
  });
}

export async function deleteTag(input: unknown): Promise<ActionResult<null>> {
  return runAction("deleteTag", deleteTagSchema, input, async ({ storeId, tagId }) => {
    const owner = await requireFormOwner(storeId);
    await tags.deleteTag(owner, tagId);
    return null;
  });
}

/**
 * Adds or removes a tag on orders (one, the feed's selection, or all matching its filter) or on a
 * customer; says how many it changed, and `truncated` when more orders matched than one call takes.
 */
export async function applyTag(input: unknown): Promise<ActionResult<{ changed: number; truncated: boolean }>> {
  return runAction("applyTag", applyTagSchema, input, async ({ storeId, tagId, target, op }) => {
    const member = await requireFormStore(storeId);
    if (target.kind === "customer") {
      await tags.tagCustomer(member, tagId, target.id, op);
      return { changed: 1, truncated: false };
    }
    const { changed, truncated } =
      target.kind === "filter"
        ? await tags.tagOrdersMatching(member, tagId, target.filters, op)
        : { changed: await tags.tagOrders(member, tagId, target.ids, op), truncated: false };
    announce(member.store.id, changed);
    return { changed: changed.length, truncated };
  });
}

export async function addNote(input: unknown): Promise<ActionResult<NoteDto>> {
  return runAction("addNote", addNoteSchema, input, async ({ storeId, target, body }) => {
    const member = await requireFormStore(storeId);
    const { orderId, ...note } = await notes.addNote(member, target, body);
    announce(member.store.id, [orderId]);
    return note;
  });
}

export async function editNote(input: unknown): Promise<ActionResult<NoteDto>> {
  return runAction("editNote", editNoteSchema, input, async ({ storeId, noteId, body }) => {
    const member = await requireFormStore(storeId);
    const { orderId, ...note } = await notes.editNote(member, noteId, body);
    announce(member.store.id, [orderId]);
    return note;
  });
}

export async function deleteNote(input: unknown): Promise<ActionResult<null>> {
  return runAction("deleteNote", deleteNoteSchema, input, async ({ storeId, noteId }) => {
    const member = await requireFormStore(storeId);
    const { orderId } = await notes.deleteNote(member, noteId);
    announce(member.store.id, [orderId]);
    return null;
  });
}
