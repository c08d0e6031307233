import { randomBytes } from "node:crypto";

/** The app's secrets, fresh: for a stack that lives one run (bench, chaos) or as the first local ones. */
export function freshSecrets() {
  return {
    AUTH_SECRET: randomBytes(32).toString("base64url"),
    CRON_SECRET: randomBytes(24).toString("base64url"),
    ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  };
}
