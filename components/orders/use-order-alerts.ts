"use client";

import { useCallback, useSyncExternalStore } from "react";
import { formatMoney } from "@/lib/format/numbers";
import type { OrderRowDto } from "@/lib/orders/schemas";

// Opt-in alerts for new orders: a short chime (Web Audio: no file to fetch, nothing a content
// security policy must allow) and a desktop notification. Both are off until the merchant turns
// them on with a click (browsers allow sound and the notification prompt only after one), and the
// choice is remembered per user in this browser (localStorage).

export type AlertPrefs = { sound: boolean; desktop: boolean };
const OFF: AlertPrefs = { sound: false, desktop: false };

const storageKey = (userId: string) => `tribedesk:order-alerts:${userId}`;
const listeners = new Set<() => void>();
const cache = new Map<string, { raw: string | null; prefs: AlertPrefs }>();

function read(userId: string): AlertPrefs {
  let raw: string | null = null;
  try {
    raw = window.localStorage.getItem(storageKey(userId));
  } catch {
    return OFF;
  }
  const cached = cache.get(userId);
  if (cached && cached.raw === raw) return cached.prefs;
  let prefs = OFF;
  try {
    const parsed = raw ? (JSON.parse(raw) as Partial<AlertPrefs>) : {};
    prefs = { sound: parsed.sound === true, desktop: parsed.desktop === true };
  } catch {
    prefs = OFF;
  }
  cache.set(userId, { raw, prefs });
  return prefs;
}

function write(userId: string, prefs: AlertPrefs): void {
  try {
    window.localStorage.setItem(storageKey(userId), JSON.stringify(prefs));
  } catch {
    // Private mode or storage full: the choice lasts for this page only.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("storage", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", listener);
  };
}

let audio: AudioContext | null = null;

/** Two soft rising notes, ~0.3 s. */
export function playChime(): void {
  const Context = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Context) return;
  audio ??= new Context();
  if (audio.state === "suspended") void audio.resume();
  const start = audio.currentTime + 0.01;
  for (const [index, frequency] of [880, 1318.5].entries()) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    const at = start + index * 0.14;
    oscillator.type = "sine";
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.18, at + 0.015);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.22);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(at);
    oscillator.stop(at + 0.25);
  }
}

export type NotificationState = "unsupported" | NotificationPermission;

function notificationState(): NotificationState {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

export function useOrderAlerts(userId: string) {
  const prefs = useSyncExternalStore(
    subscribe,
    () => read(userId),
    () => OFF,
  );
  const permission = useSyncExternalStore(subscribe, notificationState, () => "default" as NotificationState);

  const setSound = useCallback(
    (on: boolean) => {
      write(userId, { ...read(userId), sound: on });
      // The click that turns it on also unlocks audio for this page, and lets the merchant hear it.
      if (on) playChime();
    },
    [userId],
  );

  const setDesktop = useCallback(
    async (on: boolean) => {
      if (on && typeof Notification !== "undefined" && Notification.permission === "default") {
        await Notification.requestPermission();
      }
      write(userId, { ...read(userId), desktop: on && notificationState() === "granted" });
    },
    [userId],
  );

  /** Announces one new order, as the merchant chose. */
  const announce = useCallback(
    (order: OrderRowDto) => {
      const current = read(userId);
      if (current.sound) playChime();
      if (current.desktop && notificationState() === "granted" && document.visibilityState !== "visible") {
        const product = order.productName ? ` · ${order.productName}` : "";
        const notification = new Notification(`New order ${formatMoney(order.amount)}`, {
          body: `${order.customerName}${product}`,
          tag: order.id,
        });
        notification.onclick = () => {
          window.focus();
          notification.close();
        };
      }
    },
    [userId],
  );

  return { prefs, permission, setSound, setDesktop, announce };
}
