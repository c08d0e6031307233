// Vercel's Hobby plan rejects a deployment whose cron would run more than once a day ("Hobby
// accounts are limited to daily cron jobs"). vercel.json must stay deployable there; Pro users
// change one line (README "Deploying to Vercel").
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

type Cron = { path: string; schedule: string };

/** Distinct values a cron field can take: "*" is every one, anything else is parsed. */
function fieldValues(field: string, min: number, max: number): number[] {
  const values = new Set<number>();
  for (const part of field.split(",")) {
    const [range, stepText] = part.split("/") as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    let [from, to] = [min, max];
    if (range !== "*") {
      const [a, b] = range.split("-").map(Number) as [number, number | undefined];
      from = a;
      to = b ?? (stepText === undefined ? a : max);
    }
    if (![from, to, step].every(Number.isInteger) || step < 1) throw new Error(`Unreadable cron field "${field}"`);
    for (let value = from; value <= to; value += step) values.add(value);
  }
  return [...values];
}

/** Runs per day at most, from the minute and hour fields (a daily job runs once on the days it runs). */
function runsPerDay(schedule: string): number {
  const fields = schedule.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`A cron schedule has 5 fields: "${schedule}"`);
  return fieldValues(fields[0]!, 0, 59).length * fieldValues(fields[1]!, 0, 23).length;
}

describe("runsPerDay", () => {
  it.each([
    ["* * * * *", 1440],
    ["*/5 * * * *", 288],
    ["0 * * * *", 24],
    ["0 */12 * * *", 2],
    ["0,30 3 * * *", 2],
    ["17 3 * * *", 1],
    ["0 0 * * 1", 1],
    ["0 9-17 * * *", 9],
  ])("%s → %i", (schedule, expected) => {
    expect(runsPerDay(schedule)).toBe(expected);
  });
});

describe("vercel.json", () => {
  const config = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../vercel.json"), "utf8")) as { crons?: Cron[] };

  it("schedules the outbox drain", () => {
    expect(config.crons?.map((cron) => cron.path)).toContain("/api/cron/outbox");
  });

  it("has no cron that runs more than once a day (Vercel Hobby refuses the deployment)", () => {
    for (const cron of config.crons ?? [])
      expect(runsPerDay(cron.schedule), `${cron.path} at "${cron.schedule}"`).toBeLessThanOrEqual(1);
  });
});
