import "server-only";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import type { SignUpInput } from "@/lib/auth/schemas";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/http/app-error";

export const DUPLICATE_EMAIL_MESSAGE = "An account with this email already exists. Sign in instead.";

/** A new user; AppError conflict (with a field error on email) when the email is taken. */
export async function createUser(input: SignUpInput): Promise<{ id: string; email: string; name: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.user.create({
      data: { name: input.name, email: input.email, passwordHash },
      select: { id: true, email: true, name: true },
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("conflict", DUPLICATE_EMAIL_MESSAGE, { email: DUPLICATE_EMAIL_MESSAGE });
    }
    throw error;
  }
}

export const WRONG_CURRENT_PASSWORD = "That isn't your current password.";

/** Ends every session of the user (each carries the version it was issued with). */
export async function revokeSessions(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } }, select: { id: true } });
}

/**
 * Checks the current password, stores the new one and revokes every session, in one statement
 * guarded by the hash that was checked (a concurrent change wins, this one fails). Returns the new
 * session version for the caller's own fresh cookie.
 */
export async function changeUserPassword(userId: string, currentPassword: string, newPassword: string): Promise<number> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("validation_failed", "Check the highlighted fields.", { currentPassword: WRONG_CURRENT_PASSWORD });
  }
  const passwordHash = await hashPassword(newPassword);
  try {
    const updated = await db.user.update({
      where: { id: userId, passwordHash: user.passwordHash },
      data: { passwordHash, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    return updated.sessionVersion;
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2025") {
      throw new AppError("conflict", "Your password was just changed elsewhere. Sign in again.");
    }
    throw error;
  }
}
