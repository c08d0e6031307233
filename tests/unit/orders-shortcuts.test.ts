import { describe, expect, it } from "vitest";
import { feedShortcut } from "@/lib/orders/shortcuts";

const body = { tagName: "BODY" };

describe("feed keyboard shortcuts", () => {
  it.each([
    ["j", "next"],
    ["ArrowDown", "next"],
    ["k", "prev"],
    ["x", "select"],
    ["Enter", "open"],
    ["p", "processing"],
    ["d", "dispatch"],
    ["/", "search"],
    ["?", "help"],
    ["Escape", "clear"],
  ])("%s → %s", (key, action) => {
    expect(feedShortcut({ key, target: body })).toBe(action);
  });

  it("ignores keys typed into fields", () => {
    for (const target of [
      { tagName: "INPUT", type: "text" },
      { tagName: "INPUT", type: "search" },
      { tagName: "INPUT" },
      { tagName: "TEXTAREA" },
      { tagName: "SELECT" },
      { tagName: "DIV", isContentEditable: true },
      { tagName: "DIV", role: "combobox" },
    ]) {
      expect(feedShortcut({ key: "j", target }), JSON.stringify(target)).toBeNull();
      expect(feedShortcut({ key: "/", target }), JSON.stringify(target)).toBeNull();
    }
  });

  it("still works with a row's checkbox focused", () => {
    expect(feedShortcut({ key: "j", target: { tagName: "INPUT", type: "checkbox" } })).toBe("next");
    expect(feedShortcut({ key: "x", target: { tagName: "BUTTON", role: "checkbox" } })).toBe("select");
  });

  it("leaves modified keys, open dialogs and Enter on controls alone", () => {
    expect(feedShortcut({ key: "k", metaKey: true, target: body })).toBeNull();
    expect(feedShortcut({ key: "p", ctrlKey: true, target: body })).toBeNull();
    expect(feedShortcut({ key: "d", altKey: true, target: body })).toBeNull();
    expect(feedShortcut({ key: "j", dialogOpen: true, target: body })).toBeNull();
    expect(feedShortcut({ key: "Enter", target: { tagName: "BUTTON" } })).toBeNull();
    expect(feedShortcut({ key: "Enter", target: { tagName: "A" } })).toBeNull();
    expect(feedShortcut({ key: "q", target: body })).toBeNull();
  });
});
