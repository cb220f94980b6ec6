import type { PrismaClient } from "@/lib/db/client.server";
import { recordAccountChange } from "./account-history";
import { verifyPassword } from "./password.server";
import type { SecondFactorOutcome } from "./second-factor.server";
import type { SignedInEditor } from "./sessions.server";
import { lockedMessage } from "./sign-in.server";
import { lockedFor, recordFailure, throttleKeys } from "./throttle";

/** An editor's passkeys on their account page, oldest first. */
export type PasskeyView = {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  /** Synced through a password manager or a platform account, rather than bound to one device. */
  synced: boolean;
};

export async function passkeysOf(db: PrismaClient, editorId: string): Promise<PasskeyView[]> {
  const rows = await db.passkey.findMany({
    where: { editorId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, createdAt: true, lastUsedAt: true, backedUp: true },
  });
  return rows.map(({ backedUp, ...passkey }) => ({ ...passkey, synced: backedUp }));
}

const NOT_YOURS = "Nothing was changed: that passkey is not one of yours. Reload this page.";

export async function renamePasskey(
  db: PrismaClient,
  editor: SignedInEditor,
  input: { passkey: string; name: string },
): Promise<SecondFactorOutcome> {
  const passkey = await db.passkey.findFirst({ where: { id: input.passkey, editorId: editor.id } });
  if (!passkey) return { status: "refused", message: NOT_YOURS };
  if (passkey.name === input.name)
    return { status: "done", message: `Nothing changed: it is already “${input.name}”.` };
  await db.$transaction(async (tx) => {
    await tx.passkey.update({ where: { id: passkey.id }, data: { name: input.name } });
    await recordAccountChange(tx, editor.id, editor.id, {
      action: "update",
      before: { Passkey: passkey.name },
      after: { Passkey: input.name },
      reason: "Renamed a passkey",
    });
  });
  return { status: "done", message: `The passkey “${passkey.name}” is now “${input.name}”.` };
}

/**
 * Removes a passkey, with the password (wrong ones count towards the sign-in lock-out). The last
 * second factor of an editor of whom an admin requires one stays: they add another first.
 */
export async function removePasskey(
  db: PrismaClient,
  editor: SignedInEditor,
  input: { passkey: string; password: string; address: string | null },
  now = new Date(),
): Promise<SecondFactorOutcome> {
  const keys = throttleKeys(editor.email, input.address);
  const locked = await lockedFor(db, keys, now);
  if (locked > 0) return { status: "refused", message: lockedMessage(locked) };
  const stored = await db.editor.findUniqueOrThrow({
    where: { id: editor.id },
    select: { passwordHash: true },
  });
  if (!(await verifyPassword(stored.passwordHash, input.password))) {
    await recordFailure(db, keys, now);
    return {
      status: "invalid",
      message: "The passkey is still there.",
      fieldErrors: { password: ["That is not your password."] },
    };
  }
  return db.$transaction(async (tx): Promise<SecondFactorOutcome> => {
    const passkey = await tx.passkey.findFirst({ where: { id: input.passkey, editorId: editor.id } });
    if (!passkey) return { status: "refused", message: NOT_YOURS };
    const account = await tx.editor.findUniqueOrThrow({
      where: { id: editor.id },
      select: { totpRequired: true, totpEnabledAt: true, _count: { select: { passkeys: true } } },
    });
    const count = account._count.passkeys;
    if (account.totpRequired && !account.totpEnabledAt && count === 1) {
      return {
        status: "refused",
        message:
          "An admin requires a second factor for your account, and this passkey is your only one: add another passkey or an authenticator app first.",
      };
    }
    await tx.passkey.delete({ where: { id: passkey.id } });
    await recordAccountChange(tx, editor.id, editor.id, {
      action: "update",
      before: { Passkeys: String(count) },
      after: { Passkeys: String(count - 1) },
      reason: `Removed the passkey “${passkey.name}”`,
    });
    return { status: "done", message: `The passkey “${passkey.name}” is removed.` };
  });
}
