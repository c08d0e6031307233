// The feed's keyboard shortcuts (issue 9): which key does what, and when a key press is not for us
// (typing in a field, a modifier held, a dialog open). Client-safe and pure, so it is unit-tested;
// components/orders/keyboard-shortcuts.tsx wires it to the document.

export const FEED_SHORTCUTS = [
  { action: "next", keys: ["j", "ArrowDown"], label: "Next order" },
  { action: "prev", keys: ["k", "ArrowUp"], label: "Previous order" },
  { action: "select", keys: ["x"], label: "Select or unselect the order" },
  { action: "open", keys: ["Enter", "o"], label: "Open the order" },
  { action: "processing", keys: ["p"], label: "Mark processing" },
  { action: "dispatch", keys: ["d"], label: "Mark dispatched…" },
  { action: "search", keys: ["/"], label: "Search" },
  { action: "help", keys: ["?"], label: "Show these shortcuts" },
  { action: "clear", keys: ["Escape"], label: "Clear the selection" },
] as const;

export type FeedAction = (typeof FEED_SHORTCUTS)[number]["action"];

export type KeyPress = {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element, as far as the decision needs it. */
  target?: { tagName?: string; isContentEditable?: boolean; type?: string; role?: string | null } | null;
  /** A modal is open: its own keys win. */
  dialogOpen?: boolean;
};

const TYPING_TAGS = new Set(["INPUT", "TEXTAREA", "SELECT"]);
// Inputs that do not take text: shortcuts still work with a checkbox focused (the row's own).
const NON_TEXT_INPUTS = new Set(["checkbox", "radio", "button", "submit", "reset"]);

function isTyping(target: KeyPress["target"]): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  if (target.role === "textbox" || target.role === "combobox") return true;
  const tag = target.tagName?.toUpperCase() ?? "";
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((target.type ?? "text").toLowerCase());
  return TYPING_TAGS.has(tag);
}

/** The feed action for this key press, or null when it is someone else's. */
export function feedShortcut(press: KeyPress): FeedAction | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.dialogOpen || isTyping(press.target)) return null;
  // Enter on a focused button or link is that control's own click.
  const tag = press.target?.tagName?.toUpperCase();
  if (press.key === "Enter" && (tag === "BUTTON" || tag === "A")) return null;
  const match = FEED_SHORTCUTS.find((shortcut) => (shortcut.keys as readonly string[]).includes(press.key));
  return match?.action ?? null;
}
